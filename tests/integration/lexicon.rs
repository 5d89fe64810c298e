//! `entente lexicon`: check, add, stats, and the imports on the Debian data.

use std::path::Path;

use super::util::*;

#[test]
fn check_passes_on_the_shipped_lexicons() {
    let out = entente_in(std::env::temp_dir().as_path(), &["lexicon", "check"]);
    let stdout = stdout_ok(&out);
    assert!(
        stdout.lines().all(|l| l.contains(": warning: ")),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("0 errors"), "{stderr}");
}

#[test]
fn check_reports_file_line_problems_and_exits_1() {
    let (_dir, path) = temp_file(
        "bad.csv",
        b"entity,type,lang,name\r\nx,PER,en,X\r\nx,ORG,en,X Inc\r\ny,PERS,en,Y\r\nx,PER,en,X\r\nz,TERM,fr,obus\r\n",
    );
    let out = entente(&["lexicon", "check", s(&path)]);
    stderr_with_code(&out, 1);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let f = s(&path);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines,
        [
            format!("{f}:3: entity x is ORG here but PER at {f}:2; give all its rows one type"),
            format!(
                "{f}:4: unknown type \"PERS\" (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)"
            ),
            format!("{f}:5: duplicate row: same entity, type, lang and name as {f}:2; delete one"),
            format!(
                "{f}:6: warning: name \"obus\" is also a name of entity shell (lexicons/terms.csv:{}); the tagger can only pick one",
                terms_line("obus")
            ),
            format!(
                "{f}:6: warning: entity z has no English name: add an `en` row (or write `*` for a name the same in both languages)"
            ),
        ]
    );
}

/// The line of the shipped `terms.csv` that holds `name`, so the test does not
/// pin the data's line numbers.
fn terms_line(name: &str) -> usize {
    let text = std::fs::read_to_string(root().join("lexicons/terms.csv")).unwrap();
    1 + text
        .lines()
        .position(|l| l.split(',').skip(2).take(2).eq(["fr", name]))
        .unwrap()
}

#[test]
fn check_with_warnings_only_exits_0_and_usage_errors_exit_2() {
    let (_dir, path) = temp_file("w.csv", b"entity,type,lang,name\nmy_korea,GPE,fr,Cor\xC3\xA9e du Nord\nmy_korea,GPE,en,Best Korea\n");
    let out = entente(&["lexicon", "check", s(&path)]);
    assert!(stdout_ok(&out).contains(":2: warning: name \"Corée du Nord\""));
    // Without the built-in context there is nothing to share a name with.
    let out = entente(&["lexicon", "check", "--no-default-lexicon", s(&path)]);
    assert_eq!(stdout_ok(&out), "");
    stderr_with_code(&entente(&["lexicon", "check", "--no-default-lexicon"]), 2);
    let err = stderr_with_code(&entente(&["lexicon", "check", "/no/such/file.csv"]), 2);
    assert!(err.contains("/no/such/file.csv: no such file"), "{err}");
}

#[test]
fn add_keeps_prior_bytes_and_is_idempotent() {
    let before: &[u8] = b"\xEF\xBB\xBFentity,type,lang,name,note\r\nx,PER,en,X,\"a, note\"";
    let (dir, path) = temp_file("mine.csv", before);
    let add = |names: &[&str]| {
        let mut args = vec![
            "lexicon",
            "add",
            "--file",
            s(&path),
            "--entity",
            "x",
            "--type",
            "PER",
            "--lang",
            "fr",
        ];
        args.extend(names);
        entente_in(dir.path(), &args)
    };
    let out = add(&["Iks", "Iks, fils"]);
    stdout_ok(&out);
    let after = std::fs::read(&path).unwrap();
    assert_eq!(&after[..before.len()], before);
    assert_eq!(
        &after[before.len()..],
        b"\r\nx,PER,fr,Iks,\r\nx,PER,fr,\"Iks, fils\",\r\n"
    );
    let out = add(&["Iks", "Iks, fils"]);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    stdout_ok(&out);
    assert!(
        stderr.contains("added 0 rows (2 rows already there"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), after);
    stdout_ok(&entente(&[
        "lexicon",
        "check",
        "--no-default-lexicon",
        s(&path),
    ]));
}

#[test]
fn add_refuses_bad_rows_and_files_with_exit_2() {
    let before: &[u8] = b"entity,type,lang,name\nx,PER,en,X\ny,BAD,en,Y\n";
    let (dir, path) = temp_file("bad.csv", before);
    let f = s(&path);
    let run = |args: &[&str]| entente_in(dir.path(), args);
    let err = stderr_with_code(
        &run(&[
            "lexicon", "add", "--file", f, "--entity", "x", "--type", "PER", "--lang", "fr", "Iks",
        ]),
        2,
    );
    assert!(
        err.contains(&format!("{f}:3: unknown type \"BAD\"")),
        "{err}"
    );
    let err = stderr_with_code(
        &run(&[
            "lexicon", "add", "--file", f, "--entity", "X", "--type", "PER", "--lang", "xx", " Iks",
        ]),
        2,
    );
    assert_eq!(err.lines().count(), 3, "{err}");
    stderr_with_code(
        &run(&[
            "lexicon", "add", "--file", f, "--entity", "x", "--type", "PER", "--lang", "fr",
        ]),
        2,
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn stats_counts_types_languages_and_ambiguous_names() {
    let out = stdout_ok(&entente(&["lexicon", "stats"]));
    let files = entente::lexicon::builtin::FILES.len();
    assert!(out.starts_with(&format!("files {files:>11}\n")), "{out}");
    for want in [
        "\nPER ",
        "\nTERM ",
        "\nfr ",
        "\nen ",
        "\n* ",
        "ambiguous names",
    ] {
        assert!(out.contains(want), "{want:?} in {out}");
    }
    let (_dir, path) = temp_file("mine.csv", b"entity,type,lang,name\nmy_korea,GPE,fr,Cor\xC3\xA9e du Nord\nmy_korea,GPE,en,Best Korea\n");
    let out = stdout_ok(&entente(&["lexicon", "stats", s(&path)]));
    assert!(
        out.starts_with("files           1\nentries         1\nnames           2\n"),
        "{out}"
    );
    assert!(
        out.contains("ambiguous names (folded names several entities share): 1\n  coree du nord "),
        "{out}"
    );
    assert!(
        out.contains("north_korea (lexicons/countries.csv:"),
        "{out}"
    );
}

/// The Debian data, or a printed note and `None` when it is not installed.
fn debian(paths: &[&str]) -> Option<()> {
    let missing: Vec<&&str> = paths.iter().filter(|p| !Path::new(p).exists()).collect();
    if missing.is_empty() {
        return Some(());
    }
    eprintln!(
        "note: skipping, not installed: {missing:?} (apt-get install unicode-cldr-core dict-freedict-fra-eng)"
    );
    None
}

/// Imported rows must load and pass `lexicon check` with the built-in lexicons.
fn passes_check(csv: &str) {
    let (_dir, path) = temp_file("imported.csv", csv.as_bytes());
    let out = entente(&["lexicon", "check", s(&path)]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    let errors: Vec<&str> = stdout
        .lines()
        .filter(|l| !l.contains(": warning: "))
        .take(10)
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn import_cldr_on_the_debian_data() {
    let Some(()) = debian(&[
        "/usr/share/unicode/cldr/common/main/en.xml",
        "/usr/share/unicode/cldr/common/main/fr.xml",
    ]) else {
        return;
    };
    // Alone, every territory gets its rows.
    let alone = stdout_ok(&entente(&[
        "lexicon",
        "import",
        "cldr",
        "--no-default-lexicon",
    ]));
    assert!(alone.starts_with("entity,type,lang,name,note\n"));
    let mut french = std::collections::BTreeSet::new();
    for line in alone.lines().skip(1) {
        if line.contains(",fr,") {
            french.insert(line.rsplit(',').next().unwrap().to_string());
        }
    }
    assert!(
        french.len() >= 250,
        "{} territories with French names",
        french.len()
    );
    assert!(
        alone.contains("\ncote_d_ivoire,GPE,fr,Côte d’Ivoire,iso:CI\n"),
        "ids from English names"
    );

    // With the built-in lexicons, shared names reuse their entities.
    let csv = stdout_ok(&entente(&["lexicon", "import", "cldr"]));
    assert!(
        !csv.contains(",Corée du Nord,"),
        "the built-in north_korea has it already"
    );
    assert!(
        csv.contains("\nunited_states,GPE,fr,É.-U.,iso:US\n"),
        "new CLDR names join united_states"
    );
    passes_check(&csv);
    // --from takes the common dir or the common/main dir.
    let from = stdout_ok(&entente(&[
        "lexicon",
        "import",
        "cldr",
        "--from",
        "/usr/share/unicode/cldr/common",
    ]));
    assert_eq!(from, csv);
}

#[test]
fn import_freedict_on_the_debian_data() {
    let Some(()) = debian(&[
        "/usr/share/dictd/freedict-fra-eng.index",
        "/usr/share/dictd/freedict-fra-eng.dict.dz",
    ]) else {
        return;
    };
    let csv = stdout_ok(&entente(&["lexicon", "import", "freedict"]));
    assert!(csv.starts_with("entity,type,lang,name,note\n"));
    let rows = csv.lines().count() - 1;
    assert!(rows >= 5000, "{rows} rows");
    assert!(
        csv.lines()
            .skip(1)
            .all(|l| l.split(',').nth(1) == Some("TERM"))
    );
    passes_check(&csv);
    let from = stdout_ok(&entente(&[
        "lexicon",
        "import",
        "freedict",
        "--from",
        "/usr/share/dictd/freedict-fra-eng.dict.dz",
    ]));
    assert_eq!(from, csv);
}
