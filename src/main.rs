//! The `entente` command line: a client of the library (see `cli/`).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
