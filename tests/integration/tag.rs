//! `entente tag` on the seeds, with bad lexicons and bad input files.

use std::sync::Arc;

use entente::lexicon::NameLang;
use entente::{Lang, Lexicon, TagOptions, Tagger};
use serde_json::Value;

use super::util::*;

fn tag_json(file: &str) -> Vec<Value> {
    let out = stdout_ok(&entente(&["tag", "--format", "json", s(&seed(file))]));
    serde_json::from_str(&out).unwrap()
}

fn entities(mentions: &[Value]) -> Vec<(&str, &str)> {
    mentions
        .iter()
        .map(|m| (m["text"].as_str().unwrap(), m["entity"].as_str().unwrap()))
        .collect()
}

#[test]
fn tags_the_french_seed_from_any_directory() {
    let out = entente_in(
        std::env::temp_dir().as_path(),
        &["tag", "--format", "json", s(&seed("000-fr.txt"))],
    );
    let mentions: Vec<Value> = serde_json::from_str(&stdout_ok(&out)).unwrap();
    let found = entities(&mentions);
    for expected in [
        ("Poutine", "vladimir_putin"),
        ("Sergueï Choïgou", "sergei_shoigu"),
        ("Corée du Nord", "north_korea"),
        ("Pyongyang", "pyongyang"),
        ("Moscou", "moscow"),
        ("cosmodrome Vostotchny", "vostochny_cosmodrome"),
        ("Maison Blanche", "white_house"),
        ("mer du Japon", "sea_of_japan"),
        ("Kim Jong-un", "kim_jong_un"),
        ("BBC", "bbc"),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:?}");
    }
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("language: French"), "{stderr}");
}

#[test]
fn cyrillic_lookalike_links_to_the_same_cosmodrome() {
    let fr = tag_json("000-fr.txt");
    let en = tag_json("002-en.txt");
    let cosmodrome_fr = fr
        .iter()
        .find(|m| m["text"] == "cosmodrome Vostotchny")
        .unwrap();
    let cyrillic = en
        .iter()
        .find(|m| m["text"] == "Vostochny Сosmodrome")
        .expect("Cyrillic С spelling tagged");
    assert_eq!(cyrillic["entity"], cosmodrome_fr["entity"]);
    assert_eq!(cyrillic["match"], "folded");
}

#[test]
fn offsets_point_into_the_original_bytes() {
    for file in SEEDS {
        let bytes = std::fs::read(seed(file)).unwrap();
        for m in tag_json(file) {
            let (start, end) = (
                m["start"].as_u64().unwrap() as usize,
                m["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(
                &bytes[start..end],
                m["text"].as_str().unwrap().as_bytes(),
                "{file}"
            );
        }
    }
}

#[test]
fn tag_json_snapshots_of_the_seeds() {
    for file in SEEDS {
        let out = stdout_ok(&entente(&["tag", "--format", "json", s(&seed(file))]));
        snapshot(
            &format!("tag-{}", file.trim_end_matches(".txt")),
            &golden_mentions(&out),
        );
    }
}

#[test]
fn every_shipped_name_is_found_as_its_own_entity() {
    let lexicon = Lexicon::builtin();
    let tagger = Tagger::new(Arc::clone(&lexicon), TagOptions { variants: false });
    let mut failures = Vec::new();
    for name in lexicon.names() {
        let lang = if name.lang == NameLang::Fr {
            Lang::Fr
        } else {
            Lang::En
        };
        let text = format!("— {} —", name.text);
        let at = "— ".len();
        let found = tagger.tag(&text, lang);
        let own = found.iter().any(|m| {
            m.span.start == at && m.span.end == at + name.text.len() && m.entry == name.entry
        });
        if !own {
            failures.push(format!("{} ({})", name.text, lexicon.entry_of(name).id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} names not found as themselves: {failures:?}",
        failures.len()
    );
}

#[test]
fn text_and_tsv_formats() {
    let text = stdout_ok(&entente(&["tag", s(&seed("001-en.txt"))]));
    assert!(text.lines().next().unwrap().contains("entity"));
    assert!(text.contains("Sergei Shoigu"));
    let tsv = stdout_ok(&entente(&[
        "tag",
        "--format",
        "tsv",
        s(&seed("001-en.txt")),
    ]));
    let mut lines = tsv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "start\tend\ttext\tentity\tlabel\ttype\tmatch\tname\tconfidence"
    );
    assert!(lines.all(|l| l.split('\t').count() == 9));
}

#[test]
fn terms_are_listed_only_when_asked() {
    let plain = tag_json("001-en.txt");
    assert!(plain.iter().all(|m| m["type"] != "TERM"));
    let out = stdout_ok(&entente(&[
        "tag",
        "--terms",
        "--format",
        "json",
        s(&seed("001-en.txt")),
    ]));
    let with_terms: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert!(with_terms.iter().any(|m| m["type"] == "TERM"));
}

#[test]
fn stdin_is_read_with_dash() {
    let out = assert_cmd::Command::cargo_bin("entente")
        .unwrap()
        .args(["tag", "--lang", "en", "--format", "json", "-"])
        .write_stdin("Putin met Kim Jong Un.")
        .output()
        .unwrap();
    let mentions: Vec<Value> = serde_json::from_str(&stdout_ok(&out)).unwrap();
    assert_eq!(
        entities(&mentions),
        [("Putin", "vladimir_putin"), ("Kim Jong Un", "kim_jong_un")]
    );
}

#[test]
fn a_user_lexicon_extends_the_built_in_one() {
    let (_dir, lexicon) = temp_file(
        "mine.csv",
        "entity,type,lang,name\nzaporizhzhia_npp,FAC,en,Zaporizhzhia nuclear plant\n".as_bytes(),
    );
    let (_d2, text) = temp_file(
        "a.txt",
        b"Putin spoke about the Zaporizhzhia nuclear plant.",
    );
    let out = stdout_ok(&entente(&[
        "tag",
        "--format",
        "json",
        "--lexicon",
        s(&lexicon),
        s(&text),
    ]));
    let mentions: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        entities(&mentions),
        [
            ("Putin", "vladimir_putin"),
            ("Zaporizhzhia nuclear plant", "zaporizhzhia_npp")
        ]
    );
    let out = stdout_ok(&entente(&[
        "tag",
        "--format",
        "json",
        "--no-default-lexicon",
        "--lexicon",
        s(&lexicon),
        s(&text),
    ]));
    let mentions: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        entities(&mentions),
        [("Zaporizhzhia nuclear plant", "zaporizhzhia_npp")]
    );
}

/// Each bad lexicon gives one line per problem, `FILE:LINE: …`, and exit 2.
#[test]
fn bad_lexicon_rows_exit_2_with_file_and_line() {
    let cases: [(&str, &str, &str); 5] = [
        (
            "entity,type,lang,name\nputin,PERS,en,Putin\n",
            ":2: unknown type \"PERS\"",
            "unknown type",
        ),
        (
            "entity,type,name\nputin,PER,Putin\n",
            ":1: header lacks column lang",
            "missing column",
        ),
        (
            "entity,type,lang,name\nputin,PER,en,\n",
            ":2: empty name",
            "empty name",
        ),
        (
            "entity,type,lang,name\nok,PER,en,Fine\nputin,PER,en,\"Putin\nx,PER,en,X\n",
            ":3: unterminated quote",
            "unterminated quote",
        ),
        (
            "entity,type,lang,name\nputin,PER,en\n",
            ":2: row has 3 fields",
            "short row",
        ),
    ];
    let (_d, text) = temp_file("a.txt", b"Putin");
    for (csv, expected, what) in cases {
        let (_dir, lexicon) = temp_file("bad.csv", csv.as_bytes());
        let stderr = stderr_with_code(&entente(&["tag", "--lexicon", s(&lexicon), s(&text)]), 2);
        let expected = format!("entente: {}{expected}", lexicon.display());
        assert!(stderr.starts_with(&expected), "{what}: {stderr}");
    }
}

#[test]
fn bad_input_files_exit_2_with_a_clear_message() {
    let (_d, latin1) = temp_file("latin1.txt", b"Moscou\nCor\xe9e du Nord");
    let stderr = stderr_with_code(&entente(&["tag", s(&latin1)]), 2);
    assert!(stderr.contains("latin1.txt:2: not valid UTF-8"), "{stderr}");
    let stderr = stderr_with_code(&entente(&["tag", "/no/such/article.txt"]), 2);
    assert_eq!(stderr.trim(), "entente: /no/such/article.txt: no such file");
    let stderr = stderr_with_code(
        &entente(&["tag", "--lexicon", "/no/such/lexicon.csv", s(&latin1)]),
        2,
    );
    assert_eq!(stderr.trim(), "entente: /no/such/lexicon.csv: no such file");
    stderr_with_code(&entente(&["tag", "--format", "yaml", s(&latin1)]), 2);
}

/// Variants beyond the lexicon, both ways, reported as `translit` with a
/// confidence, and turned off by `--strict`.
#[test]
fn transliteration_variants_link_both_ways_and_strict_turns_them_off() {
    let en_lexicon = "entity,type,lang,name\nyevgeny_prigozhin,PER,en,Yevgeny Prigozhin\nchelyabinsk,GPE,en,Chelyabinsk\n";
    let fr_lexicon = "entity,type,lang,name\nyevgeny_prigozhin,PER,fr,Evgueni Prigojine\nchelyabinsk,GPE,fr,Tcheliabinsk\n";
    let cases = [
        (
            en_lexicon,
            "fr",
            "Selon Moscou, Evgueni Prigojine est passé par Tcheliabinsk mardi. Prigojine a parlé.",
        ),
        (
            fr_lexicon,
            "en",
            "According to Moscow, Yevgeny Prigozhin went through Chelyabinsk on Tuesday. Prigozhin spoke.",
        ),
    ];
    for (lexicon, lang, text) in cases {
        let (_d, lexicon) = temp_file("names.csv", lexicon.as_bytes());
        let (_t, article) = temp_file("a.txt", text.as_bytes());
        let run = |strict: bool| {
            let mut args = vec![
                "tag",
                "--format",
                "json",
                "--lang",
                lang,
                "--no-default-lexicon",
                "--lexicon",
                s(&lexicon),
            ];
            if strict {
                args.push("--strict");
            }
            args.push(s(&article));
            serde_json::from_str::<Vec<Value>>(&stdout_ok(&entente(&args))).unwrap()
        };
        let found = run(false);
        let ids: Vec<(&str, &str)> = found
            .iter()
            .map(|m| (m["entity"].as_str().unwrap(), m["match"].as_str().unwrap()))
            .collect();
        assert_eq!(
            ids,
            [
                ("yevgeny_prigozhin", "translit"),
                ("chelyabinsk", "translit"),
                ("yevgeny_prigozhin", "translit")
            ],
            "{lang}: {found:?}"
        );
        assert!(
            found
                .iter()
                .all(|m| m["confidence"].as_f64().unwrap() < 1.0)
        );
        assert!(
            run(true).is_empty(),
            "--strict finds only lexicon spellings"
        );
    }
}

#[test]
fn offsets_chars_count_characters_in_tag_align_and_batch() {
    // `--offsets chars`: start/end index the text's characters (Python `str`
    // indices), in tag's mentions and in align's and batch's statements and
    // mentions; bytes stay the default.
    let text = std::fs::read_to_string(seed("000-fr.txt")).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let slice = |v: &Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        chars[s..e].iter().collect()
    };
    let tagged: Vec<Value> = serde_json::from_str(&stdout_ok(&entente(&[
        "tag",
        "--format",
        "json",
        "--offsets",
        "chars",
        "seeds/000-fr.txt",
    ])))
    .unwrap();
    assert!(tagged.len() > 20);
    assert!(
        tagged
            .iter()
            .all(|m| slice(m) == m["text"].as_str().unwrap())
    );
    let bytes: Vec<Value> = serde_json::from_str(&stdout_ok(&entente(&[
        "tag",
        "--format",
        "json",
        "seeds/000-fr.txt",
    ])))
    .unwrap();
    assert_ne!(bytes, tagged, "the seed has accents: offsets must differ");

    let aligned: Value = serde_json::from_str(&stdout_ok(&entente(&[
        "align",
        "--format",
        "json",
        "--offsets",
        "chars",
        "seeds/000-fr.txt",
        "seeds/001-en.txt",
    ])))
    .unwrap();
    let left = &aligned["left"];
    for item in left["statements"]
        .as_array()
        .unwrap()
        .iter()
        .chain(left["mentions"].as_array().unwrap())
    {
        assert_eq!(slice(item), item["text"].as_str().unwrap());
    }
    assert_eq!(aligned["meta"]["offsets"], "chars");

    let line = stdout_ok(&entente(&[
        "batch",
        "--offsets",
        "chars",
        "--no-date",
        "seeds/pairs.csv",
    ]));
    let first: Value = serde_json::from_str(line.lines().next().unwrap()).unwrap();
    assert_eq!(first["left"]["statements"], aligned["left"]["statements"]);
}
