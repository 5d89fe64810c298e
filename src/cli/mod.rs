//! Command-line interface: one file per subcommand, each with its `Args` and
//! `run()`. stdout carries data only; diagnostics go to stderr prefixed with
//! `entente:`. Exit codes: 0 success, 1 a problem found and
//! reported, 2 bad usage or unreadable input.

mod align;
mod batch;
mod common;
mod corpus;
mod eval;
mod lexicon;
mod report;
mod tag;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

const EXAMPLES: &str = "\
Examples:
  entente align seeds/000-fr.txt seeds/001-en.txt    # link the statements of two articles
  entente tag --format json seeds/002-en.txt         # the entities of one article
  entente COMMAND --help                             # a command's flags and examples";

/// Line up what French and English news say about the same event.
#[derive(Parser, Debug)]
#[command(name = "entente", version, about, long_about = None, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Find the lexicon's entities in a French or English text.
    #[command(after_help = tag::EXAMPLES)]
    Tag(tag::Args),
    /// Link the statements of a French and an English article that report the same claim.
    #[command(after_help = align::EXAMPLES)]
    Align(align::Args),
    /// Score alignments against gold statement links (precision, recall, F1).
    #[command(after_help = eval::EXAMPLES)]
    Eval(eval::Args),
    /// Check, extend, count and import lexicon files.
    #[command(subcommand)]
    Lexicon(lexicon::Command),
    /// Align many pairs (a CSV manifest or JSON lines), one JSON line per pair, in input order.
    #[command(after_help = batch::EXAMPLES)]
    Batch(batch::Args),
    /// Find which French and English articles of two directories cover the same story, and align them.
    #[command(after_help = corpus::EXAMPLES)]
    Corpus(corpus::Args),
    /// Render a saved alignment (`align --format json`) as HTML, Markdown or text, without aligning again.
    Report(report::Args),
}

/// What a command reports when it finishes without an error.
pub enum Outcome {
    /// All went well: exit 0.
    Ok,
    /// The command ran and found problems it reported: exit 1.
    Problems,
}

/// Parses the arguments, runs the command and turns its result into an exit code.
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return usage_error(&err),
    };
    let result = match cli.command {
        Command::Tag(args) => tag::run(args),
        Command::Align(args) => align::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Lexicon(command) => lexicon::run(command),
        Command::Batch(args) => batch::run(args),
        Command::Corpus(args) => corpus::run(args),
        Command::Report(args) => report::run(args),
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Problems) => ExitCode::from(1),
        Err(err) if is_broken_pipe(&err) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = io::stderr().lock();
            for line in format!("{err:#}").lines() {
                let _ = writeln!(stderr, "entente: {line}");
            }
            ExitCode::from(2)
        }
    }
}

/// Prints clap's help, version or usage error. Errors start with `entente:`
/// like every other diagnostic (not clap's `error:`) and keep clap's exit code
/// (2 for bad usage, 0 for help and version).
fn usage_error(err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    let code = ExitCode::from(u8::try_from(err.exit_code()).unwrap_or(2));
    let text = match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = err.print();
            return code;
        }
        // `entente` or `entente lexicon` alone: clap shows the help.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            format!("entente: missing a command\n\n{}", err.render())
        }
        _ => {
            let text = err.render().to_string();
            match text.strip_prefix("error: ") {
                Some(rest) => format!("entente: {rest}"),
                None => format!("entente: {text}"),
            }
        }
    };
    let _ = write!(io::stderr().lock(), "{text}");
    code
}

/// A reader that closed our stdout (`entente … | head`) is not an error.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
            || e.downcast_ref::<entente::Error>()
                .is_some_and(entente::Error::is_broken_pipe)
    })
}
