//! What users feed the tool: empty, huge, mis-encoded or scraped text, and
//! odd lexicons. Each case says its expected outcome and exit code; none may
//! panic, and none may take more than a few seconds (no quadratic blow-ups).
//! The full-size cases run in release (`cargo test --release … -- --ignored`);
//! the debug suite runs the same paths at a smaller size.

use std::time::{Duration, Instant};

use serde_json::Value;

use super::util::*;

/// How long a debug-build case may take before it counts as a blow-up.
const BUDGET: Duration = Duration::from_secs(20);

fn tag_file(contents: &[u8], extra: &[&str]) -> (std::process::Output, Duration) {
    let (_dir, path) = temp_file("input.txt", contents);
    let mut args = vec!["tag", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(s(&path));
    let start = Instant::now();
    let out = entente(&args);
    (out, start.elapsed())
}

fn mentions_ok(contents: &[u8], extra: &[&str]) -> Vec<Value> {
    let (out, took) = tag_file(contents, extra);
    assert!(took < BUDGET, "took {took:?}");
    let json: Vec<Value> = serde_json::from_str(&stdout_ok(&out)).unwrap();
    for m in &json {
        let (a, b) = (
            m["start"].as_u64().unwrap() as usize,
            m["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&contents[a..b], m["text"].as_str().unwrap().as_bytes());
    }
    json
}

fn align_files(left: &[u8], right: &[u8]) -> Value {
    let (_a, l) = temp_file("left.txt", left);
    let (_b, r) = temp_file("right.txt", right);
    let start = Instant::now();
    let out = entente(&[
        "align",
        "--left-lang",
        "fr",
        "--right-lang",
        "en",
        "--format",
        "json",
        s(&l),
        s(&r),
    ]);
    assert!(start.elapsed() < BUDGET, "took {:?}", start.elapsed());
    serde_json::from_str(&stdout_ok(&out)).unwrap()
}

#[test]
fn empty_and_whitespace_only_files_give_empty_results() {
    for contents in [&b""[..], b"   \n\t\r\n \xC2\xA0 \n"] {
        assert!(mentions_ok(contents, &["--lang", "en"]).is_empty());
        let v = align_files(contents, contents);
        assert!(v["left"]["statements"].as_array().unwrap().is_empty());
        assert!(v["links"].as_array().unwrap().is_empty());
    }
    // Without --lang, an empty text says the detection is uncertain and goes on.
    let (out, _) = tag_file(b"", &[]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("uncertain"));
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn invalid_utf8_is_refused_with_line_and_offset() {
    let (out, _) = tag_file(b"Putin\nKim \xFF\xFE here", &["--lang", "en"]);
    let stderr = stderr_with_code(&out, 2);
    assert!(
        stderr.contains("input.txt:2: not valid UTF-8 (byte 0xFF at offset 10)"),
        "{stderr}"
    );
}

#[test]
fn utf16_is_refused_clearly_with_or_without_bom() {
    let utf16 = |bom: bool| {
        let mut bytes = if bom { vec![0xFF, 0xFE] } else { vec![] };
        bytes.extend(
            "Vladimir Putin met Kim Jong Un in Russia."
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        );
        bytes
    };
    for bom in [true, false] {
        let (out, _) = tag_file(&utf16(bom), &["--lang", "en"]);
        let stderr = stderr_with_code(&out, 2);
        assert!(
            stderr.contains("UTF-16") && stderr.contains("iconv"),
            "{stderr}"
        );
    }
}

#[test]
fn utf8_bom_and_crlf_keep_offsets_on_the_original_bytes() {
    let text =
        "\u{feff}Vladimir Putin a rencontré Kim Jong-un.\r\n\r\nSergueï Choïgou était là.\r\n";
    let found = mentions_ok(text.as_bytes(), &["--lang", "fr"]);
    let names: Vec<&str> = found.iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert_eq!(names, ["Vladimir Putin", "Kim Jong-un", "Sergueï Choïgou"]);
    let v = align_files(text.as_bytes(), b"Putin met Kim Jong Un.\r\n");
    let first = &v["left"]["statements"][0];
    assert_eq!(first["start"], 3, "the statement starts after the BOM");
    assert_eq!(first["text"], "Vladimir Putin a rencontré Kim Jong-un.");
}

/// A scraped dump with no line break: `n` bytes of prose on one line.
fn one_line_of(n: usize) -> Vec<u8> {
    let sentence =
        "Vladimir Putin met Kim Jong Un at the Vostochny Cosmodrome and discussed ammunition; ";
    sentence.repeat(n / sentence.len() + 1).into_bytes()
}

#[test]
fn a_long_single_line() {
    let found = mentions_ok(&one_line_of(1 << 20), &["--lang", "en"]);
    assert!(found.len() > 30_000);
}

/// Regression: evidence extraction scanned every mention for every word of a
/// statement, so one statement of a megabyte took minutes to align.
#[test]
fn one_statement_of_a_megabyte_aligns() {
    let line = String::from_utf8(one_line_of(1 << 20))
        .unwrap()
        .replace(". ", "; ");
    let v = align_files(
        line.as_bytes(),
        b"Putin met Kim Jong Un at the Vostochny Cosmodrome.",
    );
    assert_eq!(v["left"]["statements"].as_array().unwrap().len(), 1);
}

#[test]
#[ignore = "full size: run with --release -- --ignored"]
fn a_20_mb_single_line() {
    let found = mentions_ok(&one_line_of(20 << 20), &["--lang", "en"]);
    assert!(found.len() > 700_000);
}

#[test]
fn one_hundred_thousand_bullets() {
    let text = "• Putin met Kim.\n".repeat(100_000);
    let v = align_files(text.as_bytes(), b"Putin met Kim.");
    assert_eq!(v["left"]["statements"].as_array().unwrap().len(), 100_000);
}

#[test]
fn a_one_megabyte_token() {
    let mut text = "Putin ".to_string();
    text.push_str(&"x".repeat(1 << 20));
    text.push_str(" Kim");
    let found = mentions_ok(text.as_bytes(), &["--lang", "en"]);
    assert_eq!(found.len(), 2);
    let v = align_files(text.as_bytes(), b"Putin and Kim.");
    assert_eq!(v["left"]["statements"].as_array().unwrap().len(), 1);
}

#[test]
fn nul_bytes_are_text_not_an_error() {
    let found = mentions_ok(b"Putin\0met\0\0Kim Jong Un.\0", &["--lang", "en"]);
    assert_eq!(found.len(), 2);
}

#[test]
fn html_remnants_do_not_hide_names() {
    let html = b"<p>Vladimir&nbsp;Putin met <b>Kim Jong Un</b> &amp; Sergei&#160;Shoigu in Cor&eacute;e du Nord.</p>";
    let found = mentions_ok(html, &["--lang", "en"]);
    let ids: Vec<&str> = found
        .iter()
        .map(|m| m["entity"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "vladimir_putin",
            "kim_jong_un",
            "sergei_shoigu",
            "north_korea"
        ]
    );
    assert_eq!(found[0]["text"], "Vladimir&nbsp;Putin");
}

#[test]
fn a_lexicon_with_a_million_duplicate_rows_loads() {
    let mut csv = String::from("entity,type,lang,name\n");
    csv.push_str(&"zz_thing,ORG,en,Zorblax Industries\n".repeat(1_000_000));
    let (_d, lexicon) = temp_file("dups.csv", csv.as_bytes());
    let (_t, text) = temp_file("a.txt", b"Zorblax Industries said so.");
    let start = Instant::now();
    let out = stdout_ok(&entente(&[
        "tag",
        "--format",
        "json",
        "--lexicon",
        s(&lexicon),
        s(&text),
    ]));
    assert!(start.elapsed() < BUDGET, "took {:?}", start.elapsed());
    assert!(out.contains("zz_thing"));
}

#[test]
fn unknown_extra_columns_are_kept_and_harmless() {
    let csv = "wikidata,entity,type,lang,name,colour\nQ1,zz_thing,ORG,en,Zorblax Industries,blue\n";
    let (_d, lexicon) = temp_file("extra.csv", csv.as_bytes());
    let found = mentions_ok(
        b"Zorblax Industries said so.",
        &["--lang", "en", "--lexicon", s(&lexicon)],
    );
    assert_eq!(found[0]["entity"], "zz_thing");
}

#[test]
fn a_lexicon_path_that_is_a_directory_or_unreadable() {
    let (_t, text) = temp_file("a.txt", b"Putin");
    let empty_dir = tempfile::tempdir().unwrap();
    let stderr = stderr_with_code(
        &entente(&["tag", "--lexicon", s(empty_dir.path()), s(&text)]),
        2,
    );
    assert!(
        stderr.contains("directory holds no .csv lexicon file"),
        "{stderr}"
    );
    // A directory named like a CSV inside a lexicon directory is skipped, not read.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub.csv")).unwrap();
    std::fs::write(
        dir.path().join("ok.csv"),
        "entity,type,lang,name\nzz,ORG,en,Zorblax\n",
    )
    .unwrap();
    stdout_ok(&entente(&["tag", "--lexicon", s(dir.path()), s(&text)]));
    // Unreadable: a dangling symlink, and a file that is not UTF-8 (root reads any mode).
    let link = dir.path().join("gone.csv");
    std::os::unix::fs::symlink("/no/such/target.csv", &link).unwrap();
    let stderr = stderr_with_code(&entente(&["tag", "--lexicon", s(&link), s(&text)]), 2);
    assert!(stderr.contains("gone.csv: no such file"), "{stderr}");
    let (_b, binary) = temp_file("bin.csv", b"entity,type,lang,name\nx,ORG,en,\xFF\n");
    let stderr = stderr_with_code(&entente(&["tag", "--lexicon", s(&binary), s(&text)]), 2);
    assert!(stderr.contains("bin.csv:2: not valid UTF-8"), "{stderr}");
}
