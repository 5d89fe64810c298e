//! `entente align` and `entente eval` on the seed pairs.

use serde_json::Value;

use super::util::*;

const PAIRS: [(&str, &str); 4] = [
    ("000-fr.txt", "001-en.txt"),
    ("000-fr.txt", "002-en.txt"),
    ("000-fr.txt", "003-en.txt"),
    ("000-fr.txt", "004-en.txt"),
];

fn align_json(left: &str, right: &str) -> Value {
    let out = stdout_ok(&entente(&[
        "align",
        "--format",
        "json",
        s(&seed(left)),
        s(&seed(right)),
    ]));
    serde_json::from_str(&out).unwrap()
}

#[test]
fn every_gold_anchor_resolves_to_one_statement() {
    for (seeds, gold) in [
        ("seeds", "tests/data/gold"),
        ("seeds", "tests/data/judgments"),
        ("tests/data/events", "tests/data/events/gold"),
    ] {
        let out = entente(&["eval", "--seeds", seeds, gold]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        assert!(!stderr.contains("anchor"), "{stderr}");
    }
}

#[test]
fn eval_run_elsewhere_fails_with_nothing_on_stdout() {
    // From another folder, `--seeds seeds` names no directory: the table must
    // not start before every article is found.
    let elsewhere = tempfile::tempdir().unwrap();
    let gold = root().join("tests/data/gold/000-001.tsv");
    let output = entente_in(elsewhere.path(), &["eval", s(&gold)]);
    let stderr = stderr_with_code(&output, 2);
    assert!(stderr.contains("--seeds DIR"), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "",
        "nothing on stdout"
    );
}

#[test]
fn align_json_follows_the_contract() {
    for (left, right) in PAIRS {
        let v = align_json(left, right);
        let left_bytes = std::fs::read(seed(left)).unwrap();
        let right_bytes = std::fs::read(seed(right)).unwrap();
        for (side, bytes, lang) in [("left", &left_bytes, "fr"), ("right", &right_bytes, "en")] {
            assert_eq!(v[side]["lang"], lang);
            assert!(
                v[side]["path"]
                    .as_str()
                    .unwrap()
                    .ends_with(if side == "left" { left } else { right })
            );
            for (k, st) in v[side]["statements"].as_array().unwrap().iter().enumerate() {
                assert_eq!(st["id"].as_u64().unwrap() as usize, k);
                let (a, b) = (
                    st["start"].as_u64().unwrap() as usize,
                    st["end"].as_u64().unwrap() as usize,
                );
                assert_eq!(&bytes[a..b], st["text"].as_str().unwrap().as_bytes());
            }
        }
        for link in v["links"].as_array().unwrap() {
            let score = link["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
            assert!(
                !link["evidence"].as_array().unwrap().is_empty(),
                "a link without evidence"
            );
        }
    }
}

#[test]
fn align_json_snapshots_of_the_seed_pairs() {
    for (left, right) in PAIRS {
        let out = stdout_ok(&entente(&[
            "align",
            "--format",
            "json",
            &format!("seeds/{left}"),
            &format!("seeds/{right}"),
        ]));
        snapshot(
            &format!("align-{}-{}", &left[..3], &right[..3]),
            &golden_alignment(&out),
        );
    }
}

#[test]
fn text_tsv_and_markdown_show_the_same_links() {
    let json = align_json("000-fr.txt", "001-en.txt");
    let n_links = json["links"].as_array().unwrap().len();
    assert!(n_links > 0);
    let args = |format: &'static str| {
        [
            "align",
            "--format",
            format,
            "seeds/000-fr.txt",
            "seeds/001-en.txt",
        ]
    };
    let tsv = stdout_ok(&entente(&args("tsv")));
    assert_eq!(tsv.lines().count(), n_links + 1);
    let text = stdout_ok(&entente(&args("text")));
    assert_eq!(
        text.lines()
            .filter(|l| l.starts_with('[') && l.contains("] ↔ ["))
            .count(),
        n_links
    );
    assert!(text.contains("Only in French"));
    let md = stdout_ok(&entente(&args("markdown")));
    assert!(md.contains("## Linked statements") && md.contains("## Only in English"));
}

#[test]
fn a_higher_threshold_never_adds_links() {
    let count = |t: &str| {
        let out = stdout_ok(&entente(&[
            "align",
            "--format",
            "json",
            "--threshold",
            t,
            "seeds/000-fr.txt",
            "seeds/002-en.txt",
        ]));
        serde_json::from_str::<Value>(&out).unwrap()["links"]
            .as_array()
            .unwrap()
            .len()
    };
    assert!(count("0.3") >= count("0.5"));
    assert!(count("0.5") >= count("0.8"));
    stderr_with_code(
        &entente(&[
            "align",
            "--threshold",
            "1.5",
            "seeds/000-fr.txt",
            "seeds/001-en.txt",
        ]),
        2,
    );
}
