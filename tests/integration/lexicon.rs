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
                "{f}:4: unknown type \"PERS\"; did you mean PER? (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)"
            ),
            format!(
                "{f}:5: warning: duplicate row: same entity, type, lang and name as {f}:2 (loading keeps one); delete one"
            ),
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

/// `lexicon add` with these arguments, run from `dir`.
fn add_in(dir: &Path, file: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["lexicon", "add", "--file", s(file)];
    all.extend(args);
    entente_in(dir, &all)
}

/// Regression: `add --entity paris --type PER` said it added the row (exit 0),
/// after which every `--lexicon` load of the file failed with exit 2.
#[test]
fn add_refuses_a_row_that_loading_with_the_built_in_lexicons_refuses() {
    let before: &[u8] = b"entity,type,lang,name\nx,PER,en,X\n";
    let (dir, path) = temp_file("mine.csv", before);
    let paris = [
        "--entity",
        "paris",
        "--type",
        "PER",
        "--lang",
        "en",
        "Paris Hilton",
    ];
    let err = stderr_with_code(&add_in(dir.path(), &path, &paris), 2);
    let f = s(&path);
    assert!(
        err.contains(&format!(
            "entente: {f}: new row \"Paris Hilton\": entity paris is PER here but GPE at lexicons/"
        )),
        "{err}"
    );
    assert!(err.contains("nothing was written"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "file untouched");
    // What the file holds still loads.
    let (_t, text) = temp_file("t.txt", b"Paris Hilton arrived.");
    stdout_ok(&entente(&["tag", "--lang", "en", "--lexicon", f, s(&text)]));
    // For a file loaded alone, the row is fine, and it loads alone.
    let mut alone = vec!["--no-default-lexicon"];
    alone.extend(paris);
    stdout_ok(&add_in(dir.path(), &path, &alone));
    let json = stdout_ok(&entente(&[
        "tag",
        "--lang",
        "en",
        "--format",
        "json",
        "--no-default-lexicon",
        "--lexicon",
        f,
        s(&text),
    ]));
    assert!(json.contains("\"entity\": \"paris\""), "{json}");
}

/// One definition of a duplicate row: loading keeps one, `check` warns
/// (exit 0), `add` does not append it and says so.
#[test]
fn a_duplicate_row_loads_is_a_check_warning_and_is_not_added() {
    let before: &[u8] =
        b"entity,type,lang,name\nkaja_kallas,PER,*,Kaja Kallas\nkaja_kallas,PER,*,Kaja Kallas\n";
    let (dir, path) = temp_file("dup.csv", before);
    let f = s(&path);
    let (_t, text) = temp_file("t.txt", b"Kaja Kallas spoke.");
    stdout_ok(&entente(&["tag", "--lang", "en", "--lexicon", f, s(&text)]));
    let out = entente(&["lexicon", "check", f]);
    let stdout = stdout_ok(&out);
    assert_eq!(
        stdout,
        format!(
            "{f}:3: warning: duplicate row: same entity, type, lang and name as {f}:2 (loading keeps one); delete one\n"
        )
    );
    let out = add_in(
        dir.path(),
        &path,
        &[
            "--entity",
            "kaja_kallas",
            "--type",
            "PER",
            "--lang",
            "*",
            "Kaja Kallas",
        ],
    );
    stdout_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("added 0 rows (1 row already there: Kaja Kallas)"),
        "{stderr}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
    // A row the built-in lexicons have is appended (the file may be loaded
    // without them), with a note that says where.
    let out = add_in(
        dir.path(),
        &path,
        &[
            "--entity",
            "north_korea",
            "--type",
            "GPE",
            "--lang",
            "fr",
            "Corée du Nord",
        ],
    );
    stdout_ok(&out);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(
            "added 1 row\nentente: note: \"Corée du Nord\" is also in lexicons/countries.csv:"
        ),
        "{stderr}"
    );
}

/// Regression: `add --file new-dir/x.csv` named `.x.csv.PID.0.tmp` in its error.
#[test]
fn add_to_a_missing_directory_names_the_users_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = add_in(
        dir.path(),
        Path::new("new-dir/x.csv"),
        &[
            "--entity",
            "kaja_kallas",
            "--type",
            "PER",
            "--lang",
            "*",
            "Kaja Kallas",
        ],
    );
    let err = stderr_with_code(&out, 2);
    assert_eq!(
        err,
        "entente: new-dir/x.csv: cannot create it: there is no directory new-dir (create it first)\n"
    );
}

/// French Excel writes `;`, others tabs, capitals or spaces: all load, and
/// `add` writes its rows as the file is written.
#[test]
fn semicolon_tab_and_capitalised_lexicons_load_everywhere() {
    let (_t, text) = temp_file("t.txt", b"Kaja Kallas spoke.");
    for (name, csv) in [
        (
            "semi.csv",
            "Entity;Type;Lang;Name\r\nkaja_kallas;PER;*;Kaja Kallas\r\n",
        ),
        (
            "tab.csv",
            "entity\ttype\tlang\tname\nkaja_kallas\tPER\t*\tKaja Kallas\n",
        ),
        (
            "spaces.csv",
            "entity, type, lang, name\nkaja_kallas, PER, *, Kaja Kallas\n",
        ),
    ] {
        let (dir, path) = temp_file(name, csv.as_bytes());
        let f = s(&path);
        let json = stdout_ok(&entente(&[
            "tag",
            "--lang",
            "en",
            "--format",
            "json",
            "--lexicon",
            f,
            s(&text),
        ]));
        assert!(
            json.contains("\"entity\": \"kaja_kallas\""),
            "{name}: {json}"
        );
        assert_eq!(stdout_ok(&entente(&["lexicon", "check", f])), "", "{name}");
        stdout_ok(&add_in(
            dir.path(),
            &path,
            &[
                "--entity",
                "kaja_kallas",
                "--type",
                "PER",
                "--lang",
                "en",
                "Kallas",
            ],
        ));
        let after = std::fs::read_to_string(&path).unwrap();
        let row = match name {
            "semi.csv" => "kaja_kallas;PER;en;Kallas\r\n",
            "tab.csv" => "kaja_kallas\tPER\ten\tKallas\n",
            _ => "kaja_kallas,PER,en,Kallas\n",
        };
        assert_eq!(after, format!("{csv}{row}"), "{name}");
    }
    // No header: the first line is shown, with the fix.
    let (_dir, path) = temp_file("rows.csv", b"kaja_kallas,PER,*,Kaja Kallas\n");
    let err = stderr_with_code(&entente(&["tag", "--lexicon", s(&path), s(&text)]), 2);
    assert!(
        err.contains(":1: no header: the first line is a row (\"kaja_kallas,PER,*,Kaja Kallas\"); add a first line naming the columns"),
        "{err}"
    );
}

#[test]
fn check_and_stats_take_lexicon_flags_as_other_commands_do() {
    let (_dir, path) = temp_file(
        "mine.csv",
        b"entity,type,lang,name\nkaja_kallas,PER,*,Kaja Kallas\nx,PERS,en,X\n",
    );
    let f = s(&path);
    let positional = entente(&["lexicon", "check", f]);
    let flag = entente(&["lexicon", "check", "--lexicon", f]);
    stderr_with_code(&flag, 1);
    assert_eq!(flag.stdout, positional.stdout);
    assert!(String::from_utf8_lossy(&flag.stdout).contains(":3: unknown type \"PERS\""));
    let (_dir2, good) = temp_file(
        "good.csv",
        b"entity,type,lang,name\nkaja_kallas,PER,*,Kaja Kallas\n",
    );
    let by_flag = stdout_ok(&entente(&["lexicon", "stats", "--lexicon", s(&good)]));
    let by_path = stdout_ok(&entente(&["lexicon", "stats", s(&good)]));
    assert_eq!(by_flag, by_path);
    assert!(
        by_flag.starts_with("files           1\nentries         1\nnames           1\n"),
        "{by_flag}"
    );
}

#[test]
fn every_lexicon_subcommand_help_has_examples_and_cites_no_contract_section() {
    for command in [
        &["lexicon", "check"][..],
        &["lexicon", "add"],
        &["lexicon", "stats"],
        &["lexicon", "import", "cldr"],
        &["lexicon", "import", "freedict"],
    ] {
        let mut args = command.to_vec();
        args.push("--help");
        let help = stdout_ok(&entente(&args));
        assert!(
            help.contains("\nExamples:\n  entente "),
            "{command:?}:\n{help}"
        );
        assert!(!help.contains("contract"), "{command:?}:\n{help}");
        assert!(!help.contains('§'), "{command:?}:\n{help}");
    }
}

/// The `lexicon add` examples of the READMEs and of `--help` add new rows
/// (they once added rows the built-in lexicons have).
#[test]
fn the_documented_add_examples_add_new_rows() {
    let mut examples = Vec::new();
    for doc in ["README.md", "lexicons/README.md"] {
        let text = std::fs::read_to_string(root().join(doc)).unwrap();
        examples.extend(
            text.lines()
                .filter_map(|l| l.trim_start().strip_prefix("entente lexicon add "))
                .map(|l| (doc.to_string(), l.split("  #").next().unwrap().to_string())),
        );
    }
    assert!(examples.len() >= 2, "{examples:?}");
    for (doc, example) in examples {
        let dir = tempfile::tempdir().unwrap();
        // Split as a shell would: quoted words, else on spaces.
        let mut args: Vec<String> = vec!["lexicon".into(), "add".into()];
        let mut rest = example.trim();
        while !rest.is_empty() {
            let (word, after) = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let end = rest[1..].find(q).unwrap() + 1;
                    (&rest[1..end], &rest[end + 1..])
                }
                _ => rest.split_once(' ').unwrap_or((rest, "")),
            };
            args.push(word.to_string());
            rest = after.trim_start();
        }
        let names = args
            .iter()
            .rev()
            .take_while(|a| !a.starts_with("--"))
            .count()
            - 1;
        // No row of the example is one the built-in lexicons have.
        let flag = |name: &str| {
            let at = args.iter().position(|a| a == name).unwrap();
            args[at + 1].clone()
        };
        let (entity, lang) = (flag("--entity"), flag("--lang"));
        let builtin = entente::Lexicon::builtin();
        let known: Vec<&str> = builtin
            .entry(&entity)
            .map(|e| {
                e.names
                    .iter()
                    .map(|&n| &builtin.names()[n])
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
            .into_iter()
            .filter(|n| n.lang.code() == lang)
            .map(|n| n.text.as_str())
            .collect();
        let given = &args[args.len() - names..];
        assert!(
            given.iter().all(|g| !known.contains(&g.as_str())),
            "{doc}: {example} adds rows the built-in lexicons have"
        );
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = entente_in(dir.path(), &args);
        stdout_ok(&out);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let want = format!("created with {names} row");
        assert!(stderr.contains(&want), "{doc}: {example}\n{stderr}");
        assert!(!stderr.contains("is also in"), "{doc}: {example}\n{stderr}");
    }
}

/// A lexicon's `wikidata` (or `kb_id`) column comes out as each mention's
/// `kb_id`; without one the JSON has no such key (as before).
#[test]
fn tag_json_gives_the_knowledge_base_id_when_the_lexicon_has_one() {
    let (_dir, path) = temp_file(
        "kb.csv",
        b"entity,type,lang,name,wikidata\nkaja_kallas,PER,*,Kaja Kallas,Qkallas\nkaja_kallas,PER,*,Kallas,\nmark_rutte,PER,*,Mark Rutte,\n",
    );
    let (_t, text) = temp_file("t.txt", b"Kaja Kallas met Mark Rutte. Kallas spoke.");
    let json = stdout_ok(&entente(&[
        "tag",
        "--lang",
        "en",
        "--format",
        "json",
        "--lexicon",
        s(&path),
        s(&text),
    ]));
    let mentions: serde_json::Value = serde_json::from_str(&json).unwrap();
    let ids: Vec<(&str, Option<&str>)> = mentions
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["entity"].as_str().unwrap(),
                m.get("kb_id").map(|v| v.as_str().unwrap()),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("kaja_kallas", Some("Qkallas")),
            ("mark_rutte", None),
            ("kaja_kallas", Some("Qkallas")),
        ]
    );
    // The built-in lexicons have no such column: no key at all.
    let json = stdout_ok(&entente(&[
        "tag",
        "--format",
        "json",
        s(&seed("001-en.txt")),
    ]));
    assert!(json.contains("\"entity\"") && !json.contains("kb_id"));
}
