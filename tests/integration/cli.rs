//! The command line's own surface: usage errors, help, language hints.

use super::util::*;

#[test]
fn usage_errors_start_with_the_program_name_and_exit_2() {
    let cases: [&[&str]; 7] = [
        &[],
        &["no-such-command"],
        &["align"],
        &[
            "align",
            "--lang",
            "fr",
            "seeds/000-fr.txt",
            "seeds/001-en.txt",
        ],
        &["tag", "--format", "yaml", "seeds/000-fr.txt"],
        &["corpus", "--top", "x", "seeds", "seeds"],
        &["lexicon"],
    ];
    for args in cases {
        let output = entente(args);
        let stderr = stderr_with_code(&output, 2);
        assert!(stderr.starts_with("entente: "), "{args:?}:\n{stderr}");
        assert!(!stderr.contains("error:"), "{args:?}:\n{stderr}");
        assert!(output.stdout.is_empty(), "{args:?}: nothing on stdout");
    }
    // What the user got wrong is still said.
    let stderr = stderr_with_code(&entente(&["corpus", "--top", "x", "seeds", "seeds"]), 2);
    assert!(stderr.contains("invalid value 'x' for '--top"), "{stderr}");
    // Help and version are not errors.
    for flag in ["--help", "--version"] {
        let out = stdout_ok(&entente(&[flag]));
        assert!(
            out.starts_with("entente") || out.contains("Usage:"),
            "{out}"
        );
    }
}

#[test]
fn every_help_shows_examples_and_cites_no_contract_section() {
    for command in ["", "tag", "align", "batch", "corpus", "eval"] {
        for flag in ["-h", "--help"] {
            let args: Vec<&str> = [command, flag]
                .into_iter()
                .filter(|a| !a.is_empty())
                .collect();
            let help = stdout_ok(&entente(&args));
            let examples = help
                .split_once("Examples:")
                .unwrap_or_else(|| panic!("entente {command} {flag}: no Examples section:\n{help}"))
                .1;
            let runs = format!("  entente {command}");
            assert!(
                examples.lines().any(|l| l.starts_with(runs.trim_end())),
                "entente {command} {flag}: no example runs it:\n{help}"
            );
            assert!(!help.contains("contract §"), "{help}");
        }
    }
}

#[test]
fn an_uncertain_language_names_the_flags_of_the_command() {
    let (_dir, short) = temp_file("short.txt", b"Kim Jong Un.\n");
    let stderr = String::from_utf8_lossy(&entente(&["tag", s(&short)]).stderr).into_owned();
    assert!(
        stderr.contains("uncertain") && stderr.contains("set it with --lang"),
        "{stderr}"
    );

    let output = entente(&["align", s(&short), s(&seed("001-en.txt"))]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("set it with --left-lang"), "{stderr}");
    assert!(
        !stderr.contains("--lang "),
        "align has no --lang:\n{stderr}"
    );

    let output = entente(&["align", s(&seed("000-fr.txt")), s(&short)]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("set it with --right-lang"), "{stderr}");
}

#[test]
fn readme_commands_name_files_of_the_repository() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut checked = 0;
    for line in readme.lines().filter(|l| l.starts_with("entente ")) {
        let command = line.split(" # ").next().unwrap();
        for word in command.split_whitespace().skip(1) {
            assert!(!word.starts_with("../"), "outside the repository: {line}");
            if ["seeds/", "tests/", "lexicons/"]
                .iter()
                .any(|p| word.starts_with(p))
            {
                assert!(root().join(word).exists(), "no {word}: {line}");
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 5,
        "the README's examples name seeds and gold files"
    );
}
