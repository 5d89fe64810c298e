//! `entente batch` and `entente corpus`: order, determinism, errors, pairing.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

use super::util::*;

/// `entente ARGS…` with `stdin` piped in.
fn entente_stdin(args: &[&str], stdin: &str) -> std::process::Output {
    Command::cargo_bin("entente")
        .unwrap()
        .current_dir(root())
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .args(args)
        .write_stdin(stdin)
        .output()
        .unwrap()
}

fn lines(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn batch_output_is_the_same_for_one_and_two_jobs() {
    let one = stdout_ok(&entente(&["batch", "--jobs", "1", "seeds/pairs.csv"]));
    let two = stdout_ok(&entente(&["batch", "--jobs", "2", "seeds/pairs.csv"]));
    assert_eq!(one, two);
    let ids: Vec<Value> = lines(&one).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, ["000-001", "000-002", "000-003", "000-004"]);
    // Each line is `align --format json` plus the id.
    let align: Value = serde_json::from_str(&stdout_ok(&entente(&[
        "align",
        "--format",
        "json",
        "seeds/000-fr.txt",
        "seeds/002-en.txt",
    ])))
    .unwrap();
    let mut second = lines(&one)[1].clone();
    second.as_object_mut().unwrap().remove("id");
    assert_eq!(second, align);
    // Each line records how it was made, as `align` does; `--no-date`
    // leaves the date out there too.
    assert_eq!(second["meta"]["date"], "2024-05-01T12:00:00Z");
    let undated = stdout_ok(&entente(&["batch", "--no-date", "seeds/pairs.csv"]));
    for line in lines(&undated) {
        assert!(line["meta"]["generator"].is_string(), "{}", line["meta"]);
        assert!(line["meta"].get("date").is_none(), "{}", line["meta"]);
    }
}

#[test]
fn batch_reads_json_lines_in_order_with_any_number_of_jobs() {
    let fr = std::fs::read_to_string(seed("000-fr.txt")).unwrap();
    let mut input = String::new();
    for (i, right) in SEEDS[1..].iter().cycle().take(11).enumerate() {
        let left = if i % 2 == 0 {
            serde_json::json!({"text": fr, "lang": "fr"})
        } else {
            serde_json::json!({"path": "seeds/000-fr.txt"})
        };
        let line = serde_json::json!({"id": i, "left": left, "right": {"path": format!("seeds/{right}"), "lang": "en"}});
        input.push_str(&line.to_string());
        input.push('\n');
    }
    let one = stdout_ok(&entente_stdin(&["batch", "--jobs", "1", "-"], &input));
    let two = stdout_ok(&entente_stdin(&["batch", "--jobs", "2"], &input));
    let three = stdout_ok(&entente_stdin(&["batch", "-j", "3", "-"], &input));
    assert_eq!(one, two);
    assert_eq!(one, three);
    let out = lines(&one);
    assert_eq!(
        out.iter()
            .map(|v| v["id"].as_u64().unwrap())
            .collect::<Vec<_>>(),
        (0..11).collect::<Vec<u64>>()
    );
    assert_eq!(out[0]["left"]["path"], "-");
    assert_eq!(out[1]["left"]["path"], "seeds/000-fr.txt");
    assert_eq!(
        out[0]["links"], out[4]["links"],
        "the same pair gives the same links"
    );
    assert!(
        out.iter()
            .all(|v| !v["links"].as_array().unwrap().is_empty())
    );
}

#[test]
fn a_bad_pair_gives_an_error_line_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["000-fr.txt", "001-en.txt"] {
        std::fs::copy(seed(name), dir.path().join(name)).unwrap();
    }
    std::fs::write(dir.path().join("latin1.txt"), b"Poutine a d\xe9clar\xe9").unwrap();
    let manifest = dir.path().join("m.csv");
    std::fs::write(
        &manifest,
        "left,right,id\n000-fr.txt,001-en.txt,good\n000-fr.txt,missing.txt,gone\nlatin1.txt,001-en.txt,\n000-fr.txt,001-en.txt,again\n",
    )
    .unwrap();
    let output = entente(&["batch", "--jobs", "2", s(&manifest)]);
    let stderr = stderr_with_code(&output, 1);
    let out = lines(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(out.len(), 4);
    assert_eq!(out[0]["id"], "good");
    assert!(out[0]["links"].as_array().is_some());
    assert_eq!(out[1]["id"], "gone");
    let base = std::path::absolute(dir.path()).unwrap();
    let said = format!(
        "missing.txt: no such file (relative paths resolve against {}, the folder of {})",
        base.display(),
        manifest.display()
    );
    assert!(
        out[1]["error"].as_str().unwrap().ends_with(&said),
        "{}",
        out[1]
    );
    assert_eq!(out[1].as_object().unwrap().len(), 2, "only id and error");
    assert_eq!(out[2]["id"], 3, "the row number when the id is empty");
    assert!(
        out[2]["error"]
            .as_str()
            .unwrap()
            .contains("not valid UTF-8"),
        "{}",
        out[2]
    );
    assert_eq!(out[3]["id"], "again");
    assert_eq!(out[3]["links"], out[0]["links"]);
    assert!(
        stderr.contains("4 pairs") && stderr.contains("2 errors"),
        "{stderr}"
    );
}

#[test]
fn a_missing_article_says_which_folder_its_relative_path_resolved_against() {
    let dir = tempfile::tempdir().unwrap();
    let line =
        r#"{"id": "x", "left": {"path": "seeds/000-fr.txt"}, "right": {"path": "gone.txt"}}"#;
    let error = |output: std::process::Output| {
        stderr_with_code(&output, 1);
        let out = lines(&String::from_utf8(output.stdout).unwrap());
        out[0]["error"].as_str().unwrap().to_string()
    };
    // A .jsonl file: against its folder (where seeds/000-fr.txt is missing too).
    let jsonl = dir.path().join("pairs.jsonl");
    std::fs::write(&jsonl, line).unwrap();
    let said = error(entente(&["batch", s(&jsonl)]));
    let base = std::path::absolute(dir.path()).unwrap();
    assert!(
        said.ends_with(&format!(
            "seeds/000-fr.txt: no such file (relative paths resolve against {}, the folder of {})",
            base.display(),
            jsonl.display()
        )),
        "{said}"
    );
    // Standard input: against the current folder, where only gone.txt is missing.
    let said = error(entente_stdin(&["batch", "-"], line));
    assert_eq!(
        said,
        format!(
            "gone.txt: no such file (relative paths resolve against {}, the current folder)",
            root().display()
        )
    );
    // An absolute path needs no base.
    let absolute = dir.path().join("gone.txt");
    let line =
        serde_json::json!({"left": {"path": absolute}, "right": {"path": "seeds/001-en.txt"}});
    let said = error(entente_stdin(&["batch"], &line.to_string()));
    assert_eq!(said, format!("{}: no such file", absolute.display()));
}

#[test]
fn a_bad_json_line_is_one_error_and_an_unreadable_manifest_is_exit_2() {
    let input = "{\"id\": \"a\", \"left\": {\"path\": \"seeds/000-fr.txt\"}, \"right\": {\"path\": \"seeds/001-en.txt\"}}\n\
                 {not json\n\
                 {\"id\": \"c\", \"left\": {\"path\": \"seeds/000-fr.txt\"}, \"right\": {\"path\": \"seeds/003-en.txt\"}}\n";
    let output = entente_stdin(&["batch", "-"], input);
    stderr_with_code(&output, 1);
    let out = lines(&String::from_utf8(output.stdout).unwrap());
    assert_eq!(
        out.iter().map(|v| v["id"].clone()).collect::<Vec<_>>(),
        [Value::from("a"), Value::from(2), Value::from("c")]
    );
    assert!(out[1]["error"].as_str().unwrap().starts_with("line 2:"));

    let stderr = stderr_with_code(&entente(&["batch", "seeds/no-such-manifest.csv"]), 2);
    assert!(stderr.contains("no such file"), "{stderr}");
    let (_dir, bad) = temp_file("m.csv", b"a,b\nx,y\n");
    let stderr = stderr_with_code(&entente(&["batch", s(&bad)]), 2);
    assert!(
        stderr.contains("lacks a `left` or `right` column"),
        "{stderr}"
    );
}

/// Writes `text` to `dir/name`.
fn write(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap();
}

const FOOTBALL_FR: &str = "Le Paris Saint-Germain a battu l’Olympique de Marseille trois buts à un au Parc des Princes dimanche soir.\n\
Kylian Mbappé a marqué deux fois en première période, devant quarante-sept mille spectateurs.\n\
L’entraîneur Luis Enrique a salué la discipline de son équipe après le match.\n\
Marseille reste cinquième du championnat avant son déplacement à Lyon.\n";
const FOOTBALL_EN: &str = "Paris Saint-Germain beat Olympique de Marseille three goals to one at the Parc des Princes on Sunday night.\n\
Kylian Mbappé scored twice in the first half in front of forty-seven thousand spectators.\n\
Coach Luis Enrique praised his team's discipline after the match.\n\
Marseille remain fifth in the league before travelling to Lyon.\n";
const WEATHER_FR: &str = "Une tempête a frappé la Bretagne et la Normandie mardi, avec des rafales de vent à cent cinquante kilomètres par heure.\n\
Météo-France a placé le Finistère en vigilance rouge pour les inondations.\n\
Des milliers de foyers de Brest et de Quimper sont privés d’électricité depuis la nuit.\n\
La pluie doit continuer jusqu’à jeudi sur la Manche.\n";
const WEATHER_EN: &str = "A storm hit Brittany and Normandy on Tuesday, with gusts of wind reaching one hundred and fifty kilometres per hour.\n\
Météo-France placed Finistère on red alert for floods.\n\
Thousands of homes in Brest and Quimper have been without electricity since the night.\n\
Rain is expected to continue until Thursday over the Channel.\n";

/// A lexicon for the unrelated stories (the built-in one is about the seeds' world).
const OTHER_LEXICON: &str = "entity,type,lang,name\n\
psg,ORG,*,Paris Saint-Germain\n\
om,ORG,*,Olympique de Marseille\n\
parc_des_princes,FAC,*,Parc des Princes\n\
kylian_mbappe,PER,*,Kylian Mbappé\n\
luis_enrique,PER,*,Luis Enrique\n\
marseille,GPE,*,Marseille\n\
lyon,GPE,*,Lyon\n\
brittany,LOC,fr,Bretagne\n\
brittany,LOC,en,Brittany\n\
normandy,LOC,fr,Normandie\n\
normandy,LOC,en,Normandy\n\
meteo_france,ORG,*,Météo-France\n\
finistere,LOC,*,Finistère\n\
brest,GPE,*,Brest\n\
quimper,GPE,*,Quimper\n\
storm,TERM,fr,tempête\n\
storm,TERM,en,storm\n\
flood,TERM,fr,inondations\n\
flood,TERM,en,floods\n";

#[test]
fn corpus_pairs_each_story_with_its_counterpart() {
    let dir = tempfile::tempdir().unwrap();
    let (fr, en) = (dir.path().join("fr"), dir.path().join("en"));
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    // Shuffled names, so that nothing but the content pairs them.
    std::fs::copy(seed("000-fr.txt"), fr.join("b-summit.txt")).unwrap();
    write(&fr, "c-football.txt", FOOTBALL_FR);
    write(&fr, "a-weather.txt", WEATHER_FR);
    write(&fr, "notes.md", "not an article");
    for (seed_name, name) in [
        ("001-en.txt", "z1.txt"),
        ("002-en.txt", "m2.txt"),
        ("003-en.txt", "b3.txt"),
        ("004-en.txt", "k4.txt"),
    ] {
        std::fs::copy(seed(seed_name), en.join(name)).unwrap();
    }
    write(&en, "q-weather.txt", WEATHER_EN);
    write(&en, "a-football.txt", FOOTBALL_EN);
    let lexicon = dir.path().join("other.csv");
    write(dir.path(), "other.csv", OTHER_LEXICON);

    let run = |jobs: &str| {
        stdout_ok(&entente(&[
            "corpus",
            "--jobs",
            jobs,
            "--lexicon",
            s(&lexicon),
            s(&fr),
            s(&en),
        ]))
    };
    let out = run("2");
    assert_eq!(out, run("1"), "the same for any number of jobs");
    let pairs: Vec<(String, String)> = lines(&out)
        .iter()
        .map(|v| {
            let name = |side: &str| {
                Path::new(v[side].as_str().unwrap())
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            };
            (name("left"), name("right"))
        })
        .collect();
    let partners = |left: &str| -> Vec<&str> {
        pairs
            .iter()
            .filter(|(l, _)| l == left)
            .map(|(_, r)| r.as_str())
            .collect()
    };
    let mut summit = partners("b-summit.txt");
    summit.sort();
    assert_eq!(
        summit,
        ["b3.txt", "k4.txt", "m2.txt", "z1.txt"],
        "{pairs:?}"
    );
    assert_eq!(partners("c-football.txt"), ["a-football.txt"], "{pairs:?}");
    assert_eq!(partners("a-weather.txt"), ["q-weather.txt"], "{pairs:?}");

    let first = &lines(&out)[0];
    assert!(first["score"].as_f64().unwrap() > 0.0 && first["score"].as_f64().unwrap() <= 1.0);
    assert!(!first["shared"].as_array().unwrap().is_empty());
    assert!(
        first["alignment"]["links"].is_array()
            && first["alignment"]["left"]["statements"].is_array()
    );
    // Each alignment records how it was made, with the lexicon given.
    let meta = &first["alignment"]["meta"];
    assert_eq!(meta["date"], "2024-05-01T12:00:00Z", "{meta}");
    assert_eq!(meta["lexicons"], serde_json::json!([s(&lexicon)]), "{meta}");
}

#[test]
fn corpus_leaves_unrelated_articles_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (fr, en) = (dir.path().join("fr"), dir.path().join("en"));
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    write(&fr, "football.txt", FOOTBALL_FR);
    write(&en, "weather.txt", WEATHER_EN);
    std::fs::copy(seed("001-en.txt"), en.join("summit.txt")).unwrap();
    write(dir.path(), "other.csv", OTHER_LEXICON);
    let lexicon = dir.path().join("other.csv");
    let out = stdout_ok(&entente(&[
        "corpus",
        "--no-align",
        "--lexicon",
        s(&lexicon),
        s(&fr),
        s(&en),
    ]));
    assert_eq!(out, "", "no counterpart, no pair");
    let stderr = stderr_with_code(
        &entente(&["corpus", s(&dir.path().join("nope")), s(&en)]),
        2,
    );
    assert!(stderr.contains("nope"), "{stderr}");
}

/// `fr/` and `en/` folders in `dir` with the football and weather stories.
fn two_stories(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let (fr, en) = (dir.join("fr"), dir.join("en"));
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    write(&fr, "football.txt", FOOTBALL_FR);
    write(&fr, "weather.txt", WEATHER_FR);
    write(&en, "football.txt", FOOTBALL_EN);
    write(&en, "weather.txt", WEATHER_EN);
    write(dir, "other.csv", OTHER_LEXICON);
    (fr, en, dir.join("other.csv"))
}

/// `(left file, left lang, right file, right lang)` of each corpus line.
fn corpus_pairs(stdout: &str) -> Vec<(String, String, String, String)> {
    let name = |v: &Value| {
        Path::new(v.as_str().unwrap())
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned()
    };
    lines(stdout)
        .iter()
        .map(|v| {
            let lang = |side: &str| v["alignment"][side]["lang"].as_str().unwrap().to_string();
            (
                name(&v["left"]),
                lang("left"),
                name(&v["right"]),
                lang("right"),
            )
        })
        .collect()
}

#[test]
fn corpus_detects_languages_and_warns_when_the_folders_are_swapped() {
    let dir = tempfile::tempdir().unwrap();
    let (fr, en, lexicon) = two_stories(dir.path());
    let output = entente(&["corpus", "--lexicon", s(&lexicon), s(&fr), s(&en)]);
    let right_way = corpus_pairs(&stdout_ok(&output));
    assert!(!String::from_utf8_lossy(&output.stderr).contains("warning"));
    assert_eq!(right_way.len(), 2, "{right_way:?}");
    assert!(
        right_way
            .iter()
            .all(|(_, l, _, r)| (l.as_str(), r.as_str()) == ("fr", "en"))
    );

    let output = entente(&["corpus", "--lexicon", s(&lexicon), s(&en), s(&fr)]);
    let swapped = corpus_pairs(&stdout_ok(&output));
    let stderr = String::from_utf8_lossy(&output.stderr);
    for (folder, flag) in [(&en, "--left-lang"), (&fr, "--right-lang")] {
        let warning = stderr
            .lines()
            .find(|l| l.starts_with(&format!("entente: warning: {}", folder.display())))
            .unwrap_or_else(|| panic!("no warning about {}:\n{stderr}", folder.display()));
        assert!(
            warning.contains("2 of 2 articles")
                && warning.contains("swapped?")
                && warning.contains(flag),
            "{warning}"
        );
    }
    // The same stories pair up, each article labelled with its real language.
    assert_eq!(swapped.len(), 2, "{swapped:?}");
    assert!(
        swapped
            .iter()
            .all(|(l, ll, r, rl)| l == r && (ll.as_str(), rl.as_str()) == ("en", "fr"))
    );

    // A language given is taken as it is.
    let output = entente(&[
        "corpus",
        "--left-lang",
        "fr",
        "--lexicon",
        s(&lexicon),
        s(&en),
        s(&fr),
    ]);
    let forced = corpus_pairs(&stdout_ok(&output));
    assert!(forced.iter().all(|(_, l, _, _)| l == "fr"), "{forced:?}");

    // One stray English article among French ones is named, not a swap.
    write(&fr, "stray.txt", WEATHER_EN);
    let output = entente(&["corpus", "--lexicon", s(&lexicon), s(&fr), s(&en)]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("1 of 3 articles are English, not French")
            && stderr.contains("stray.txt")
            && !stderr.contains("swapped"),
        "{stderr}"
    );
}

#[test]
fn corpus_with_no_article_in_a_folder_says_so_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let (fr, en, _) = two_stories(dir.path());
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let notes = dir.path().join("notes");
    std::fs::create_dir_all(&notes).unwrap();
    write(&notes, "readme.md", "not an article");
    for (left, right, named) in [(&empty, &en, &empty), (&fr, &notes, &notes)] {
        let output = entente(&["corpus", s(left), s(right)]);
        let stderr = stderr_with_code(&output, 1);
        assert!(
            stderr.contains(&format!("{}: no .txt article", named.display())),
            "{stderr}"
        );
        assert!(!stderr.contains("0 pairs"), "{stderr}");
        assert!(output.stdout.is_empty());
    }
}

#[test]
fn corpus_top_is_the_most_partners_an_article_gets() {
    // The French seed has four English counterparts, each the other's best.
    let dir = tempfile::tempdir().unwrap();
    let (fr, en) = (dir.path().join("fr"), dir.path().join("en"));
    std::fs::create_dir_all(&fr).unwrap();
    std::fs::create_dir_all(&en).unwrap();
    std::fs::copy(seed("000-fr.txt"), fr.join("000-fr.txt")).unwrap();
    for name in &SEEDS[1..] {
        std::fs::copy(seed(name), en.join(name)).unwrap();
    }
    for (top, partners) in [("1", 1), ("2", 2), ("4", 4)] {
        let out = stdout_ok(&entente(&[
            "corpus",
            "--no-align",
            "--top",
            top,
            s(&fr),
            s(&en),
        ]));
        let found = lines(&out);
        assert_eq!(found.len(), partners, "--top {top}: {out}");
    }
    let best = lines(&stdout_ok(&entente(&[
        "corpus",
        "--no-align",
        "--top",
        "4",
        s(&fr),
        s(&en),
    ])))[0]["right"]
        .clone();
    let only = lines(&stdout_ok(&entente(&[
        "corpus",
        "--no-align",
        "--top",
        "1",
        s(&fr),
        s(&en),
    ])))[0]["right"]
        .clone();
    assert_eq!(only, best, "--top 1 keeps the best partner");
}
