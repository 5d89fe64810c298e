//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A seed article's path, e.g. `seed("000-fr.txt")`.
pub fn seed(name: &str) -> PathBuf {
    root().join("seeds").join(name)
}

/// The five seeds, French first.
pub const SEEDS: [&str; 5] = [
    "000-fr.txt",
    "001-en.txt",
    "002-en.txt",
    "003-en.txt",
    "004-en.txt",
];

/// The date every run records (`SOURCE_DATE_EPOCH`), so that no output
/// depends on the clock: 2024-05-01T12:00:00Z.
pub const SOURCE_DATE_EPOCH: &str = "1714564800";

/// `entente ARGS…` run from `dir`, with [`SOURCE_DATE_EPOCH`] set.
pub fn entente_in(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("entente")
        .unwrap()
        .current_dir(dir)
        .env("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
        .args(args)
        .output()
        .unwrap()
}

/// `entente ARGS…` run from the crate root.
pub fn entente(args: &[&str]) -> Output {
    entente_in(&root(), args)
}

/// Stdout of a run that must succeed.
pub fn stdout_ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Stderr of a run that must exit with `code`, checking stdout is empty and it did not panic.
pub fn stderr_with_code(output: &Output, code: i32) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// Writes `contents` to `name` in a fresh temporary directory.
pub fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

/// The path as a `&str` for command lines.
pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Checks `value` against the reviewed snapshot `tests/snapshots/NAME.snap`
/// (review changes with `cargo insta review`).
pub fn snapshot(name: &str, value: &str) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, value);
    });
}

/// The fields of `object`, checked to be exactly `keys` (so a new JSON field
/// fails the golden test until the rendering shows it), as display strings.
fn fields(object: &serde_json::Value, keys: &[&str]) -> Vec<String> {
    let map = object.as_object().expect("a JSON object");
    let mut have: Vec<&str> = map.keys().map(String::as_str).collect();
    let mut want = keys.to_vec();
    have.sort_unstable();
    want.sort_unstable();
    assert_eq!(have, want, "fields of {object}");
    keys.iter()
        .map(|k| match &map[*k] {
            serde_json::Value::String(s) => s.replace('\n', "⏎").replace('\t', "⇥"),
            other => other.to_string(),
        })
        .collect()
}

/// `tag --format json` as golden lines: one mention per line, tab-separated,
/// so that a snapshot diff reads mention by mention.
pub fn golden_mentions(json: &str) -> String {
    const KEYS: [&str; 9] = [
        "start",
        "end",
        "type",
        "entity",
        "match",
        "confidence",
        "text",
        "name",
        "label",
    ];
    let mentions: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = KEYS.join("\t") + "\n";
    for m in mentions.as_array().unwrap() {
        out += &fields(m, &KEYS).join("\t");
        out.push('\n');
    }
    out
}

/// `align --format json` as golden lines: each side's statements, one per
/// line, then one line per link with its evidence, then the unaligned ids.
pub fn golden_alignment(json: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).unwrap();
    let mut out = String::new();
    for side in ["left", "right"] {
        let [path, lang, _, _] = fields(&value[side], &["path", "lang", "statements", "mentions"])
            .try_into()
            .unwrap();
        // The mentions are `tag --terms --format json`'s, which
        // `align_json_carries_mentions_and_entities` checks: only their number here.
        let mentions = value[side]["mentions"].as_array().unwrap().len();
        out += &format!("{side} {path} {lang} ({mentions} mentions)\n");
        for st in value[side]["statements"].as_array().unwrap() {
            out += &fields(st, &["id", "start", "end", "kind", "text"]).join("\t");
            out.push('\n');
        }
    }
    out += "links (left right score entities | evidence: kind key label [left] ↔ [right] weight)\n";
    for link in value["links"].as_array().unwrap() {
        let head = fields(link, &["left", "right", "score", "entities", "evidence"]);
        let evidence: Vec<String> = link["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                let f = fields(
                    e,
                    &["kind", "key", "label", "left_text", "right_text", "weight"],
                );
                format!("{} {} «{}» {} ↔ {} {}", f[0], f[1], f[2], f[3], f[4], f[5])
            })
            .collect();
        out += &format!(
            "{}\t{}\t{}\t{} | {}\n",
            head[0],
            head[1],
            head[2],
            head[3],
            evidence.join(" ; ")
        );
    }
    let unaligned = fields(&value["unaligned"], &["left", "right"]);
    out += &format!(
        "unaligned left {}\nunaligned right {}\n",
        unaligned[0], unaligned[1]
    );
    let mut top: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    top.sort_unstable();
    // The fields of the first version, and those added since (checked by
    // their own tests): the contract only ever adds.
    for field in ["left", "links", "right", "unaligned"] {
        assert!(top.contains(&field), "top-level field {field} missing");
    }
    for field in &top {
        assert!(
            ["entities", "left", "links", "meta", "right", "unaligned"].contains(field),
            "unknown top-level field {field}"
        );
    }
    out
}
