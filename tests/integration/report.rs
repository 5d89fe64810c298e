//! The reports people look at: `align --format html|markdown` and
//! `tag --format html`, checked as markup, as snapshots and in a headless browser.

use std::collections::BTreeSet;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use super::util::*;

const LEFT: &str = "seeds/000-fr.txt";
const RIGHT: &str = "seeds/001-en.txt";

fn align(format: &str) -> String {
    stdout_ok(&entente(&["align", "--format", format, LEFT, RIGHT]))
}

#[test]
fn align_html_and_markdown_snapshots_of_000_001() {
    // The markup, without the inline stylesheet and script: a style tweak
    // must not rewrite the snapshot (they are checked apart below).
    snapshot(
        "align-html-000-001",
        &without_version(&without_style_and_script(&align("html"))),
    );
    snapshot(
        "align-markdown-000-001",
        &without_version(&align("markdown")),
    );
}

/// `text` with this version of entente as `entente [version]`: a release
/// must not rewrite the snapshots.
fn without_version(text: &str) -> String {
    text.replace(
        &format!("entente {}", env!("CARGO_PKG_VERSION")),
        "entente [version]",
    )
}

/// `html` with the bodies of its `<style>` and `<script>` elements left out.
fn without_style_and_script(html: &str) -> String {
    let mut out = html.to_string();
    for name in ["style", "script"] {
        let (open, close) = (format!("<{name}>"), format!("</{name}>"));
        let start = out.find(&open).expect("an inline element") + open.len();
        let end = start + out[start..].find(&close).expect("closed");
        out.replace_range(start..end, "…");
    }
    out
}

#[test]
fn align_html_carries_its_stylesheet_and_script_inline() {
    let html = align("html");
    let body = |name: &str| {
        let start = html.find(&format!("<{name}>")).unwrap();
        let end = html.find(&format!("</{name}>")).unwrap();
        html[start..end].to_string()
    };
    let style = body("style");
    // The classes the markup uses are styled, and print has its own rules.
    for class in ["link", "only", "score", "evidence"] {
        if html.contains(&format!("class=\"{class}")) {
            assert!(
                style.contains(&format!(".{class}")),
                "no style for .{class}"
            );
        }
    }
    assert!(style.contains("@media print"), "print styles");
    let script = body("script");
    assert!(!script.contains("http"), "the script fetches nothing");
    assert!(html.contains("Content-Security-Policy"), "a CSP meta tag");
}

/// The HTML shows each statement once, each link once, marks each side's
/// unlinked statements, and gives every mark a tooltip.
#[test]
fn align_html_shows_what_the_json_says() {
    let json: Value = serde_json::from_str(&align("json")).unwrap();
    let html = align("html");
    check_report(&start_tags(&html), &json);
    assert_eq!(
        html.to_ascii_lowercase().matches("<script").count(),
        1,
        "one inline script"
    );
    for external in ["src=", "http://", "https://", "@import", "url("] {
        assert!(
            !html.contains(external),
            "the report must not load anything: {external}"
        );
    }
}

#[test]
fn tag_html_marks_every_mention_of_the_json() {
    for terms in [false, true] {
        let mut args = vec!["tag", RIGHT];
        if terms {
            args.push("--terms");
        }
        let json: Vec<Value> = serde_json::from_str(&stdout_ok(&entente(
            &[&args[..], &["--format", "json"]].concat(),
        )))
        .unwrap();
        let html = stdout_ok(&entente(&[&args[..], &["--format", "html"]].concat()));
        let tags = start_tags(&html);
        let marks: Vec<&Tag> = tags.iter().filter(|t| t.name == "mark").collect();
        let entities: Vec<&str> = marks
            .iter()
            .map(|m| m.attr("data-entity").unwrap())
            .collect();
        let expected: Vec<&str> = json.iter().map(|m| m["entity"].as_str().unwrap()).collect();
        assert_eq!(entities, expected, "terms: {terms}");
        for (mark, m) in marks.iter().zip(&json) {
            let title = mark.attr("title").unwrap();
            assert!(title.starts_with(m["label"].as_str().unwrap()), "{title}");
            assert!(
                title.contains(&format!("match: {}", m["match"].as_str().unwrap())),
                "{title}"
            );
            assert_eq!(mark.attr("data-match"), m["match"].as_str());
        }
        // TERMs are marked, but subtly: no colour of their own.
        for (mark, m) in marks.iter().zip(&json) {
            let is_term = m["type"] == "TERM";
            assert_eq!(
                mark.has_class("term"),
                is_term,
                "{:?}",
                mark.attr("data-entity")
            );
            assert_eq!(mark.has_class("ent"), !is_term);
        }
    }
}

/// One entity has one colour on both sides and in the summary.
#[test]
fn an_entity_keeps_its_colour_across_both_articles() {
    let tags = start_tags(&align("html"));
    let mut colour_of = std::collections::BTreeMap::new();
    for t in tags
        .iter()
        .filter(|t| t.has_class("ent") || t.has_class("chip"))
    {
        let entity = t.attr("data-entity").unwrap();
        let colour = t
            .classes()
            .find(|c| c.starts_with('e') && c[1..].parse::<usize>().is_ok())
            .unwrap()
            .to_string();
        let before = colour_of
            .entry(entity.to_string())
            .or_insert_with(|| colour.clone());
        assert_eq!(*before, colour, "{entity}");
    }
    let putin = &colour_of["vladimir_putin"];
    assert!(
        colour_of
            .iter()
            .all(|(e, c)| e == "vladimir_putin" || c != putin),
        "colours are one per entity"
    );
}

/// Text with HTML-special characters, in statements, entity names (so in
/// tooltips, the summary and evidence) and a path, is shown and never run.
#[test]
fn html_special_characters_are_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let lexicon = dir.path().join("odd.csv");
    std::fs::write(
        &lexicon,
        "entity,type,lang,name\nacme_sons,ORG,*,\"Acme & \"\"Sons\"\" <Ltd>\"\nxss,ORG,*,<script>alert(1)</script>\n",
    )
    .unwrap();
    let left = dir.path().join("fr <b>&\"x\".txt");
    let right = dir.path().join("en.txt");
    std::fs::write(
        &left,
        "Acme & \"Sons\" <Ltd> a livré 40 obus à Moscou, a déclaré Poutine : « <script>alert(1)</script> & 'x' ».\n\n\
         Il pleut à Paris.\n",
    )
    .unwrap();
    std::fs::write(&right, "Acme & \"Sons\" <Ltd> delivered 40 shells to Moscow, Putin said: \"<script>alert(1)</script> & 'x'\".\n")
        .unwrap();
    let run = |format: &str| {
        // A low threshold, so the two statements link however the aligner is tuned.
        let (l, r) = (s(&left), s(&right));
        let args = [
            "align",
            "--left-lang",
            "fr",
            "--right-lang",
            "en",
            "--threshold",
            "0.1",
            "--format",
            format,
        ];
        stdout_ok(&entente(
            &[&args[..], &["--lexicon", s(&lexicon), l, r]].concat(),
        ))
    };
    let json: Value = serde_json::from_str(&run("json")).unwrap();
    let evidence = json["links"][0]["evidence"]
        .as_array()
        .expect("the two statements link");
    let keys: Vec<&str> = evidence
        .iter()
        .map(|e| e["key"].as_str().unwrap())
        .collect();
    assert!(
        keys.contains(&"acme_sons") && keys.contains(&"xss"),
        "{keys:?}"
    );

    let html = run("html");
    assert_eq!(
        html.to_ascii_lowercase().matches("<script").count(),
        1,
        "only the report's own script:\n{html}"
    );
    assert!(!html.contains("<Ltd>") && !html.contains("<b>"), "{html}");
    assert!(
        html.contains("<title>entente: ") && html.contains("fr &lt;b&gt;&amp;&quot;x&quot;.txt"),
        "the path"
    );
    // Each statement reads as written.
    for (side, prefix) in [("left", 'l'), ("right", 'r')] {
        for st in json[side]["statements"].as_array().unwrap() {
            let id = st["id"].as_u64().unwrap();
            let shown = text_content(&html, &format!("{prefix}{id}"));
            let (_, text) = shown.split_once(' ').unwrap();
            assert_eq!(text, st["text"].as_str().unwrap());
        }
    }
    // Each piece of evidence reads as written, both sides.
    for e in evidence {
        let words = |side: &str| {
            let words: Vec<&str> = e[side]
                .as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_str().unwrap())
                .collect();
            if words.is_empty() {
                e["label"].as_str().unwrap().to_string()
            } else {
                words.join(" / ")
            }
        };
        let pair = format!("{} ↔ {}", words("left_text"), words("right_text"));
        assert!(
            html.contains(&escaped(&pair)),
            "evidence {pair:?} not shown"
        );
    }
    // No attribute is broken open by a quote; tooltips read as written.
    let tags = start_tags(&html);
    check_report(&tags, &json);
    let allowed = [
        "class",
        "id",
        "lang",
        "title",
        "href",
        "hidden",
        "type",
        "colspan",
        "charset",
        "name",
        "content",
        "http-equiv",
        "min",
        "max",
        "value",
    ];
    for t in &tags {
        for (name, _) in &t.attrs {
            assert!(
                allowed.contains(&name.as_str()) || name.starts_with("data-"),
                "stray attribute {name} on <{}>",
                t.name
            );
        }
    }
    let titles = |entity: &str| -> Vec<&str> {
        tags.iter()
            .filter(|t| t.attr("data-entity") == Some(entity))
            .map(|t| t.attr("title").unwrap())
            .collect()
    };
    let acme = titles("acme_sons");
    assert_eq!(
        acme.len(),
        2 + 1 + 1,
        "two marks, a summary chip, a piece of evidence"
    );
    assert!(
        acme.iter().all(|t| t.starts_with("Acme & \"Sons\" <Ltd>")),
        "{acme:?}"
    );
    assert!(
        titles("xss")
            .iter()
            .all(|t| t.starts_with("<script>alert(1)</script>"))
    );

    let md = run("markdown");
    for special in ['<', '>', '&'] {
        let bare = md
            .match_indices(special)
            .filter(|(i, _)| !md[..*i].ends_with('\\'))
            .count();
        assert_eq!(bare, 0, "unescaped {special} in:\n{md}");
    }
    assert!(
        md.contains("« \\<script\\>alert(1)\\</script\\> \\& 'x' »"),
        "{md}"
    );
    assert!(
        md.contains("Acme \\& \"Sons\" \\<Ltd\\> ↔ Acme \\& \"Sons\" \\<Ltd\\> (entity)"),
        "{md}"
    );
    assert!(md.contains("fr \\<b\\>\\&\"x\".txt"), "{md}");
    assert!(
        md.contains(
            "- **Both sides mention** (4): \\<script\\>alert(1)\\</script\\> (1 · 1), Acme"
        ),
        "{md}"
    );
    assert!(md.contains("- **Only in French** (1): Paris (1)"), "{md}");
}

#[test]
fn markdown_carries_the_summary_links_and_unlinked_statements() {
    let json: Value = serde_json::from_str(&align("json")).unwrap();
    let md = align("markdown");
    let links = json["links"].as_array().unwrap();
    let rows: Vec<&str> = md.lines().filter(|l| l.starts_with("| [")).collect();
    assert_eq!(rows.len(), links.len());
    for (row, link) in rows.iter().zip(links) {
        assert!(row.starts_with(&format!("| [{}] ", link["left"])), "{row}");
        assert!(row.contains(&format!(" | [{}] ", link["right"])), "{row}");
        let first = &link["evidence"][0];
        let words = |side: &Value| {
            side.as_array()
                .unwrap()
                .iter()
                .map(|w| w.as_str().unwrap())
                .collect::<Vec<_>>()
                .join(" / ")
        };
        let pair = format!(
            "{} ↔ {}",
            words(&first["left_text"]),
            words(&first["right_text"])
        );
        assert!(row.contains(&pair), "{row} lacks {pair}");
        // The four cells of the header: no stray pipe.
        assert_eq!(row.replace("\\|", "").matches('|').count(), 5, "{row}");
    }
    for (side, name) in [("left", "French"), ("right", "English")] {
        let ids = json["unaligned"][side].as_array().unwrap();
        let section = md
            .split(&format!("## Only in {name} ({} statement", ids.len()))
            .nth(1)
            .expect(name);
        let section = section.split("\n## ").next().unwrap();
        let listed: Vec<&str> = section.lines().filter(|l| l.starts_with("- [")).collect();
        assert_eq!(listed.len(), ids.len(), "{name}");
        for (line, id) in listed.iter().zip(ids) {
            assert!(line.starts_with(&format!("- [{id}] ")), "{line}");
        }
    }
    for title in [
        "- **Both sides mention** (",
        "- **Only in French** (",
        "- **Only in English** (",
    ] {
        assert!(md.contains(title), "{title}");
    }
    assert!(md.contains("Sergei Shoigu (1 · 1)"), "{md}");
}

/// `entente report` renders a saved `align --format json` as `align` itself
/// would, without the articles or the lexicons.
#[test]
fn report_renders_saved_json_as_align_does() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("aligned.json");
    std::fs::write(&saved, align("json")).unwrap();
    for format in ["html", "markdown", "text", "tsv"] {
        // From another directory: the saved file is all it reads.
        let rendered = stdout_ok(&entente_in(
            dir.path(),
            &["report", "--format", format, "aligned.json"],
        ));
        assert_eq!(rendered, align(format), "{format}");
    }
    let html = stdout_ok(&entente_in(dir.path(), &["report", "aligned.json"]));
    assert_eq!(html, align("html"), "HTML is the default");
}

#[test]
fn report_refuses_what_is_not_an_alignment() {
    let cases: [(&str, &str, &str); 4] = [
        (
            "empty.json",
            "",
            "not the JSON of `entente align --format json`",
        ),
        (
            "tag.json",
            "[]",
            "not the JSON of `entente align --format json`",
        ),
        (
            "pairs.jsonl",
            "{\"id\":1,\"error\":\"x\"}\n{\"id\":2,\"error\":\"y\"}\n",
            "one pair per line",
        ),
        (
            "bad-id.json",
            r#"{"left":{"path":"a","lang":"fr","statements":[]},"right":{"path":"b","lang":"en","statements":[]},"links":[{"left":3,"right":0,"score":1,"evidence":[]}],"unaligned":{"left":[],"right":[]}}"#,
            "a link names statement 3, but that side has 0 statements",
        ),
    ];
    for (name, contents, want) in cases {
        let (_dir, path) = temp_file(name, contents.as_bytes());
        let out = entente(&["report", s(&path)]);
        let stderr = stderr_with_code(&out, 2);
        assert!(out.stdout.is_empty(), "{name}");
        assert!(stderr.starts_with("entente: "), "{stderr}");
        assert!(stderr.contains(name), "names the file: {stderr}");
        assert!(stderr.contains(want), "{name}: {stderr}");
    }
}

/// The JSON carries what the reports show: each side's mentions (as
/// `tag --terms --format json` gives them) and the entity summary.
#[test]
fn align_json_carries_mentions_and_entities() {
    let json: Value = serde_json::from_str(&align("json")).unwrap();
    for (side, path) in [("left", LEFT), ("right", RIGHT)] {
        let tagged: Value = serde_json::from_str(&stdout_ok(&entente(&[
            "tag", "--terms", "--format", "json", path,
        ])))
        .unwrap();
        assert_eq!(json[side]["mentions"], tagged, "{side}");
    }
    let entities = json["entities"].as_array().unwrap();
    assert!(!entities.is_empty());
    for e in entities {
        let fields: Vec<&String> = e.as_object().unwrap().keys().collect();
        assert_eq!(fields, ["entity", "label", "left", "right", "type"], "{e}");
        assert_ne!(e["type"], "TERM");
    }
}

/// The summaries count entities as the aligner does: the names in a caption
/// with a photo credit are not counted, and a place counts on the side that
/// names an event after it.
#[test]
fn entity_summary_sees_what_the_aligner_sees() {
    let md = align("markdown");
    // Regression: "Ukraine" was only in English beside « guerre contre l’Ukraine ».
    let both = md
        .lines()
        .find(|l| l.starts_with("- **Both sides mention**"))
        .unwrap();
    assert!(both.contains("Ukraine ("), "{both}");
    // Regression: a photo credit's names were entities "only in English".
    let md = stdout_ok(&entente(&[
        "align",
        "--format",
        "markdown",
        LEFT,
        "seeds/002-en.txt",
    ]));
    let only_english = md
        .lines()
        .find(|l| l.starts_with("- **Only in English**"))
        .unwrap();
    for credit in ["Vladimir Smirnov", "Sputnik", "Amur"] {
        assert!(!only_english.contains(credit), "{only_english}");
    }
}

/// Text, Markdown and HTML say evidence in words: no quantity key (`ord:1`,
/// `month:7`, `times:2`) or cognate stem (`ter|or`) reaches a person, each
/// pair of words is shown once per link, and nothing is cut inside a word.
#[test]
fn human_reports_show_evidence_in_words_once() {
    let pairs = [
        ("seeds", "000-fr.txt", "001-en.txt"),
        ("seeds", "000-fr.txt", "002-en.txt"),
        ("seeds", "000-fr.txt", "004-en.txt"),
        ("tests/data/events", "030-fr.txt", "031-en.txt"),
        ("tests/data/events", "070-fr.txt", "071-en.txt"),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (folder, left, right) in pairs {
        let (l, r) = (format!("{folder}/{left}"), format!("{folder}/{right}"));
        let json = stdout_ok(&entente(&["align", "--format", "json", &l, &r]));
        let saved = dir.path().join(format!("{left}-{right}.json"));
        std::fs::write(&saved, &json).unwrap();
        let json: Value = serde_json::from_str(&json).unwrap();
        let mut keys = BTreeSet::new();
        for link in json["links"].as_array().unwrap() {
            for e in link["evidence"].as_array().unwrap() {
                if ["number", "cognate"].contains(&e["kind"].as_str().unwrap()) {
                    keys.insert(e["key"].as_str().unwrap().to_string());
                }
            }
        }
        assert!(!keys.is_empty(), "{left} {right}: no key to look for");
        for format in ["text", "markdown", "html"] {
            let shown = stdout_ok(&entente(&["report", "--format", format, s(&saved)]));
            for key in &keys {
                assert!(
                    !shown.contains(key.as_str()),
                    "{left} {right} {format}: key {key} shown"
                );
            }
        }
        // The HTML shows each link's pairs of words once.
        let html = stdout_ok(&entente(&["report", s(&saved)]));
        for block in html.split("<div class=\"link\"").skip(1) {
            let block = &block[..block.find("</ul>").unwrap()];
            let pairs: Vec<&str> = block
                .split("<span class=\"ev")
                .skip(1)
                .map(|ev| {
                    let start = ev.find('>').unwrap() + 1;
                    &ev[start..start + ev[start..].find("</span>").unwrap()]
                })
                .collect();
            let distinct: BTreeSet<&&str> = pairs.iter().collect();
            assert_eq!(distinct.len(), pairs.len(), "{left} {right}: {pairs:?}");
        }
        // Text cuts between words: what precedes an ellipsis is a whole word
        // of the statement or evidence it shortens.
        let text = stdout_ok(&entente(&["report", "--format", "text", s(&saved)]));
        let whole = json.to_string();
        for line in text.lines().filter(|l| l.contains('…')) {
            for (at, _) in line.match_indices('…') {
                let word = line[..at].rsplit(' ').next().unwrap();
                let next = whole
                    .match_indices(word)
                    .map(|(i, _)| whole[i + word.len()..].chars().next());
                assert!(
                    next.into_iter()
                        .any(|c| c.is_none_or(|c| !c.is_alphanumeric())),
                    "{left} {right}: {word:?} cut inside a word in {line:?}"
                );
            }
        }
    }
}

/// The page opens on linked statements: the unlinked statements of the
/// English side sit beside their nearest linked neighbours, not in a block
/// before the first French statement.
#[test]
fn html_opens_on_linked_statements() {
    for right in ["001-en.txt", "002-en.txt", "003-en.txt", "004-en.txt"] {
        let html = stdout_ok(&entente(&[
            "align",
            "--format",
            "html",
            LEFT,
            &format!("seeds/{right}"),
        ]));
        let rows: Vec<Tag> = start_tags(&html)
            .into_iter()
            .filter(|t| t.name == "tr" && t.attr("class").is_some())
            .collect();
        let first_linked = rows.iter().position(|t| t.has_class("linked")).unwrap();
        // Regression: 000–002 opened on 25 rows "only in English".
        assert!(
            first_linked <= 4,
            "{right}: {first_linked} rows before a link"
        );
        // The English statements after the last linked one end the page
        // (regression: they followed 000–002's first row, linked to its end).
        let mut row = 0;
        let mut linked_rows = Vec::new();
        let mut right_rows = Vec::new();
        for tag in start_tags(&html) {
            if tag.name == "tr" && tag.attr("class").is_some() {
                row += 1;
                if tag.has_class("linked") {
                    linked_rows.push(row);
                }
            } else if tag.has_class("stmt") && tag.attr("data-side") == Some("right") {
                let id: usize = tag.attr("data-id").unwrap().parse().unwrap();
                right_rows.push((id, row, linked_rows.last() == Some(&row)));
            }
        }
        let last_linked_id = right_rows
            .iter()
            .filter(|r| r.2)
            .map(|r| r.0)
            .max()
            .unwrap();
        let last_linked_row = *linked_rows.last().unwrap();
        for (id, row, _) in right_rows.iter().filter(|r| r.0 > last_linked_id) {
            assert!(row > &last_linked_row, "{right}: EN {id} in row {row}");
        }
    }
}

/// JSON, HTML and Markdown record how they were made: version, date,
/// threshold, lexicons and `--strict`; the date comes from
/// SOURCE_DATE_EPOCH, else the clock, and `--no-date` leaves it out.
#[test]
fn reports_record_how_they_were_made() {
    let (dir, lexicon) = temp_file(
        "mine.csv",
        b"entity,type,lang,name\nzorvan_melnik,PER,*,Zorvan Melnik\n",
    );
    let run = |date: Option<&str>, extra: &[&str], format: &str| {
        let mut cmd = assert_cmd::Command::cargo_bin("entente").unwrap();
        cmd.current_dir(root()).env_remove("SOURCE_DATE_EPOCH");
        if let Some(date) = date {
            cmd.env("SOURCE_DATE_EPOCH", date);
        }
        cmd.args([
            "align",
            "--format",
            format,
            "--threshold",
            "0.4",
            "--strict",
        ])
        .args(["--lexicon", s(&lexicon)])
        .args(extra)
        .args([LEFT, RIGHT])
        .output()
        .unwrap()
    };
    let version = format!("entente {}", env!("CARGO_PKG_VERSION"));
    let json: Value =
        serde_json::from_str(&stdout_ok(&run(Some("1714564800"), &[], "json"))).unwrap();
    assert_eq!(
        json["meta"],
        serde_json::json!({
            "generator": version,
            "date": "2024-05-01T12:00:00Z",
            "threshold": 0.4,
            "strict": true,
            "builtin_lexicons": true,
            "lexicons": [s(&lexicon)],
        })
    );
    let footer = format!(
        "Made by {version} · 2024-05-01T12:00:00Z · threshold 0.4 · lexicons: built-in, {} · --strict (no transliteration or fuzzy variants).",
        s(&lexicon)
    );
    let html = stdout_ok(&run(Some("1714564800"), &[], "html"));
    assert!(
        html.contains(&format!(
            "<footer class=\"meta\"><p>{}</p></footer>",
            escaped(&footer)
        )),
        "{}",
        &html[html.find("<footer").unwrap_or(0)..]
    );
    let md = stdout_ok(&run(Some("1714564800"), &[], "markdown"));
    assert!(
        md.ends_with(&format!("\n---\n\n{}\n", footer.replace('_', "\\_"))),
        "{md}"
    );

    // The clock when SOURCE_DATE_EPOCH is unset.
    let json: Value = serde_json::from_str(&stdout_ok(&run(None, &[], "json"))).unwrap();
    let date = json["meta"]["date"].as_str().unwrap();
    assert!(
        date.len() == 20 && date.starts_with("20") && date.ends_with('Z'),
        "{date}"
    );
    // No date at all with --no-date: the output depends on the inputs only.
    for format in ["json", "html", "markdown"] {
        let first = stdout_ok(&run(None, &["--no-date"], format));
        assert!(
            !first.contains(date) && !first.contains("\"date\""),
            "{format}"
        );
        assert_eq!(
            first,
            stdout_ok(&run(None, &["--no-date"], format)),
            "{format}"
        );
    }
    let bad = run(Some("yesterday"), &[], "json");
    let stderr = stderr_with_code(&bad, 2);
    assert!(
        stderr.starts_with("entente: SOURCE_DATE_EPOCH=\"yesterday\""),
        "{stderr}"
    );
    drop(dir);
}

/// Each name shows its type, not only on hover: a badge (as displaCy does)
/// with a legend of the types present, and switches to hide a type.
#[test]
fn html_shows_entity_types_and_lets_the_reader_hide_them() {
    let json: Value = serde_json::from_str(&align("json")).unwrap();
    let html = align("html");
    let tags = start_tags(&html);
    let style = &html[html.find("<style>").unwrap()..html.find("</style>").unwrap()];
    assert!(
        style.contains("mark.ent::after") && style.contains("content: attr(data-type)"),
        "marks carry their type as a badge"
    );
    let mut types: Vec<&str> = json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    types.sort_unstable();
    types.dedup();
    assert!(types.len() >= 3, "{types:?}");
    for t in &types {
        assert!(
            tags.iter()
                .any(|tag| tag.has_class("type") && tag.attr("data-type") == Some(t)),
            "{t} in the legend"
        );
        assert!(
            tags.iter()
                .any(|tag| tag.name == "input" && tag.attr("data-hide-type") == Some(t)),
            "a switch hides {t}"
        );
        assert!(
            style.contains(&format!("[data-type=\"{t}\"]{{--t:#")),
            "{t} has a badge colour"
        );
        assert!(
            style.contains(&format!("body.hide-{t} mark.ent[data-type=\"{t}\"]")),
            "hiding {t} is styled"
        );
    }
    let named: Vec<&Tag> = tags
        .iter()
        .filter(|t| (t.name == "mark" && t.has_class("ent")) || t.has_class("chip"))
        .collect();
    assert!(named.len() > types.len());
    for tag in named {
        let t = tag.attr("data-type").unwrap_or_else(|| panic!("{tag:?}"));
        assert!(types.contains(&t), "{t}");
    }
    // The page of one tagged text has them too.
    let tagged = stdout_ok(&entente(&["tag", "--format", "html", RIGHT]));
    assert!(tagged.contains("<p class=\"types\">Types: ") && tagged.contains("data-hide-type"));
}

/// Regression: the text view said "(fr, 1 statements)".
#[test]
fn text_counts_in_the_singular_for_one() {
    let text = stdout_ok(&entente(&[
        "align",
        "--left-lang",
        "fr",
        "--right-lang",
        "en",
        "tests/data/short/210-fr.txt",
        "tests/data/short/211-en.txt",
    ]));
    let head = text.lines().next().unwrap();
    assert!(
        head.contains("(fr, 1 statement) ↔") && head.ends_with("(en, 1 statement): 1 link"),
        "{head}"
    );
}

/// Every `console` block of the README is what its command prints: the
/// `$ entente …` line (optionally `| head -n N`), then its stderr and the
/// first N lines of its stdout, trailing spaces aside. Regression: the
/// README showed output the command no longer printed.
#[test]
fn readme_console_blocks_are_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let blocks: Vec<&str> = readme
        .split("```console\n")
        .skip(1)
        .map(|rest| &rest[..rest.find("```").expect("a closed block")])
        .collect();
    assert!(!blocks.is_empty(), "the README shows a command's output");
    for block in blocks {
        let (command, shown) = block.split_once('\n').unwrap();
        let command = command.strip_prefix("$ entente ").expect("$ entente …");
        let (args, head) = match command.split_once(" | head -n ") {
            Some((args, n)) => (args, Some(n.parse::<usize>().unwrap())),
            None => (command, None),
        };
        let args: Vec<&str> = args.split_whitespace().collect();
        let out = entente(&args);
        let stdout = stdout_ok(&out);
        let stderr = String::from_utf8(out.stderr).unwrap();
        let printed: Vec<&str> = stderr
            .lines()
            .chain(stdout.lines().take(head.unwrap_or(usize::MAX)))
            .map(str::trim_end)
            .collect();
        let shown: Vec<&str> = shown.lines().map(str::trim_end).collect();
        assert_eq!(shown, printed, "README block for `entente {command}`");
    }
}

/// Renders the 000–001 report in headless Chromium and checks the DOM after
/// the script ran; leaves a screenshot in `target/` for a person to look at.
#[test]
fn browser_renders_the_000_001_report() {
    let Some(chromium) = find_chromium() else {
        eprintln!(
            "note: chromium not found on PATH; skipping the browser test (.ci/run installs it)"
        );
        return;
    };
    let json: Value = serde_json::from_str(&align("json")).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report-000-001.html");
    std::fs::write(&page, align("html")).unwrap();
    let url = format!("file://{}", page.display());

    let dom = headless(&chromium, &["--dump-dom".to_string()], &url);
    let tags = start_tags(&dom);
    assert_eq!(
        tags.iter()
            .find(|t| t.name == "html")
            .and_then(|t| t.attr("data-js")),
        Some("ready"),
        "the script ran"
    );
    assert!(
        tags.iter()
            .any(|t| t.attr("id") == Some("tools") && t.attr("hidden").is_none()),
        "the script showed the switch"
    );
    check_report(&tags, &json);

    let target = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .unwrap()
        .to_path_buf();
    let png = target.join("report-000-001.png");
    let _ = std::fs::remove_file(&png);
    headless(
        &chromium,
        &[
            format!("--screenshot={}", png.display()),
            "--window-size=1400,2000".to_string(),
        ],
        &url,
    );
    let bytes = std::fs::read(&png).unwrap_or_else(|e| panic!("{}: {e}", png.display()));
    assert!(
        bytes.starts_with(b"\x89PNG\r\n\x1a\n"),
        "{} is not a PNG",
        png.display()
    );
    eprintln!("screenshot: {}", png.display());

    // Ticking "hide PER" takes the badge and colour off the people's names
    // and only theirs; a script added to the page ticks it and writes down
    // what the browser then draws.
    let probe = r#"<script>
const mark = (type) => document.querySelector('mark.ent[data-type="' + type + '"]');
const drawn = (type) => [getComputedStyle(mark(type), '::after').display, getComputedStyle(mark(type)).backgroundColor].join(' ');
const before = [drawn('PER'), drawn('GPE')];
document.querySelector('input[data-hide-type="PER"]').click();
document.documentElement.setAttribute('data-probe', JSON.stringify({before, after: [drawn('PER'), drawn('GPE')], body: document.body.className}));
</script>
</body>"#;
    let probed = dir.path().join("report-000-001-hide-per.html");
    std::fs::write(&probed, align("html").replace("</body>", probe)).unwrap();
    let dom = headless(
        &chromium,
        &["--dump-dom".to_string()],
        &format!("file://{}", probed.display()),
    );
    let tags = start_tags(&dom);
    let probe: Value = serde_json::from_str(
        tags.iter()
            .find(|t| t.name == "html")
            .and_then(|t| t.attr("data-probe"))
            .expect("the probe ran"),
    )
    .unwrap();
    let drawn = |when: &str, i: usize| probe[when][i].as_str().unwrap().to_string();
    assert_eq!(probe["body"], "hide-PER", "{probe}");
    for when in ["before", "after"] {
        assert!(
            drawn(when, 1).starts_with("inline-block rgb("),
            "GPE: {probe}"
        );
    }
    assert!(
        drawn("before", 0).starts_with("inline-block rgb("),
        "{probe}"
    );
    assert_eq!(drawn("after", 0), "none rgba(0, 0, 0, 0)", "{probe}");
    assert_eq!(drawn("before", 1), drawn("after", 1), "GPE unchanged");
}

/// The checks both the generated markup and the browser's DOM must pass,
/// against `entente align --format json` of the same pair.
fn check_report(tags: &[Tag], json: &Value) {
    for side in ["left", "right"] {
        let ids: Vec<usize> = tags
            .iter()
            .filter(|t| t.has_class("stmt") && t.attr("data-side") == Some(side))
            .map(|t| t.attr("data-id").unwrap().parse().unwrap())
            .collect();
        let n = json[side]["statements"].as_array().unwrap().len();
        assert_eq!(ids.len(), n, "{side} statement rows");
        assert_eq!(
            ids.iter().copied().collect::<BTreeSet<_>>(),
            (0..n).collect(),
            "{side}: each statement once"
        );
        let only = if side == "left" {
            "only-left"
        } else {
            "only-right"
        };
        let n_only = tags
            .iter()
            .filter(|t| t.name == "tr" && t.has_class(only))
            .count();
        assert_eq!(
            n_only,
            json["unaligned"][side].as_array().unwrap().len(),
            "{side}: rows marked only one side"
        );
    }
    let links: Vec<(u64, u64)> = tags
        .iter()
        .filter(|t| t.has_class("link"))
        .map(|t| {
            (
                t.attr("data-left").unwrap().parse().unwrap(),
                t.attr("data-right").unwrap().parse().unwrap(),
            )
        })
        .collect();
    let expected: Vec<(u64, u64)> = json["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["left"].as_u64().unwrap(), l["right"].as_u64().unwrap()))
        .collect();
    assert_eq!(links.len(), expected.len(), "links");
    assert_eq!(
        links.iter().collect::<BTreeSet<_>>(),
        expected.iter().collect::<BTreeSet<_>>(),
        "links"
    );
    let marks: Vec<&Tag> = tags.iter().filter(|t| t.name == "mark").collect();
    assert!(!marks.is_empty());
    for m in marks {
        assert!(
            m.attr("title").is_some_and(|t| !t.trim().is_empty()),
            "a mark without a tooltip: {m:?}"
        );
        assert!(
            m.attr("data-entity").is_some_and(|e| !e.is_empty()),
            "a mark without data-entity: {m:?}"
        );
    }
}

/// `text` escaped for HTML, independently of the writer's own function.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The text of the element with `id` (its tags dropped, references decoded):
/// what a reader sees there.
fn text_content(html: &str, id: &str) -> String {
    let start = html
        .find(&format!(" id=\"{id}\""))
        .unwrap_or_else(|| panic!("no element {id}"));
    let open = html[start..].find('>').unwrap() + start + 1;
    let close = html[open..].find("</p>").unwrap() + open;
    let mut text = String::new();
    let mut in_tag = false;
    for c in html[open..close].chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    unescape(&text)
}

/// Chromium on `PATH`, if any.
fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs headless Chromium on `url` with a fresh profile and no network
/// chatter; returns its stdout. Fails after two minutes.
fn headless(chromium: &Path, extra: &[String], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", chromium.display()));
    let reader = |mut pipe: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut text = String::new();
            pipe.read_to_string(&mut text).unwrap();
            text
        })
    };
    let stdout = reader(Box::new(child.stdout.take().unwrap()));
    let stderr = reader(Box::new(child.stderr.take().unwrap()));
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("chromium took over two minutes: {}", stderr.join().unwrap());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let (stdout, stderr) = (stdout.join().unwrap(), stderr.join().unwrap());
    assert!(status.success(), "chromium exited with {status}:\n{stderr}");
    stdout
}

/// A start tag: its name and its attributes, values unescaped.
#[derive(Debug)]
struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
}

impl Tag {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn classes(&self) -> impl Iterator<Item = &str> {
        self.attr("class").unwrap_or("").split_whitespace()
    }

    fn has_class(&self, class: &str) -> bool {
        self.classes().any(|c| c == class)
    }
}

/// The start tags of an HTML document, as a browser's serialisation or our
/// writer makes it (quoted or bare attributes; `<` in text is always escaped,
/// so every other `<` opens a tag). Skips comments and the bodies of
/// `<script>` and `<style>`.
fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if rest.starts_with("!--") {
            rest = &rest[rest.find("-->").expect("unclosed comment") + 3..];
            continue;
        }
        if rest.starts_with('/') || rest.starts_with('!') {
            continue;
        }
        let name_len = rest
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len());
        let name = rest[..name_len].to_ascii_lowercase();
        rest = &rest[name_len..];
        let mut attrs = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('>').or_else(|| rest.strip_prefix("/>")) {
                rest = after;
                break;
            }
            let n = rest
                .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
                .expect("unclosed tag");
            assert!(
                n > 0,
                "bad attribute in <{name}> at {:?}",
                &rest[..rest.len().min(40)]
            );
            let attr = rest[..n].to_ascii_lowercase();
            rest = &rest[n..];
            let value = if let Some(after) = rest.strip_prefix('=') {
                let (value, after) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after[1..].find(q).expect("unclosed attribute value") + 1;
                        (&after[1..end], &after[end + 1..])
                    }
                    _ => {
                        let end = after
                            .find(|c: char| c.is_whitespace() || c == '>')
                            .unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                rest = after;
                unescape(value)
            } else {
                String::new()
            };
            attrs.push((attr, value));
        }
        if name == "script" || name == "style" {
            let end = rest
                .to_ascii_lowercase()
                .find(&format!("</{name}"))
                .expect("unclosed raw text element");
            rest = &rest[end..];
        }
        tags.push(Tag { name, attrs });
    }
    tags
}

/// Decodes the character references our writer and Chromium produce.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').expect("an unterminated character reference");
        let entity = &rest[1..end];
        let c = match entity {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{a0}',
            _ => {
                let n = entity
                    .strip_prefix("#x")
                    .map(|h| u32::from_str_radix(h, 16))
                    .or_else(|| entity.strip_prefix('#').map(|d| d.parse()));
                char::from_u32(n.expect("a known reference").expect("a number")).unwrap()
            }
        };
        out.push(c);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn report_refuses_an_alignment_with_character_offsets() {
    // Reports place names by byte offsets: JSON made with --offsets chars
    // (or by the Python package) is refused with the way out, not drawn wrong.
    let json = stdout_ok(&entente(&[
        "align",
        "--format",
        "json",
        "--offsets",
        "chars",
        "--no-date",
        "seeds/000-fr.txt",
        "seeds/001-en.txt",
    ]));
    let (_dir, path) = temp_file("chars.json", json.as_bytes());
    let out = entente(&["report", s(&path)]);
    let stderr = stderr_with_code(&out, 2);
    assert!(out.stdout.is_empty());
    assert!(stderr.contains("offsets count characters"), "{stderr}");
    let bytes = stdout_ok(&entente(&[
        "align",
        "--format",
        "json",
        "--no-date",
        "seeds/000-fr.txt",
        "seeds/001-en.txt",
    ]));
    let (_dir2, path) = temp_file("bytes.json", bytes.as_bytes());
    assert!(stdout_ok(&entente(&["report", s(&path)])).contains("000-fr.txt"));
}
