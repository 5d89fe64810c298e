//! ⑤ Writing an alignment: JSON (the format of `docs/design.md`) and TSV
//! from the alignment itself; a side-by-side text view and Markdown from its
//! [`Document`] (the JSON read back). HTML is in [`super::html`].

use std::io::{self, Write};

use serde::Serialize;

use super::document::{DocSide, Document};
use super::entities::{EntityUse, Sides, entity_uses};
use super::evidence::{self, EvidenceLine};
use super::mentions::{MentionRecord, one_line, plural, records, truncate};
use super::meta::Meta;
use crate::align::{Aligner, Alignment, Analysis, Evidence, Link};
use crate::segment::StatementKind;
use crate::span::{Lang, Offsets};

/// One article of an aligned pair, as the reports show it.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    /// The path as the user gave it.
    pub path: &'a str,
    /// The analysed article.
    pub analysis: &'a Analysis<'a>,
}

impl<'a> Side<'a> {
    /// The text of statement `i`.
    pub fn statement_text(&self, i: usize) -> &'a str {
        self.analysis.statements[i].span.of(self.analysis.text)
    }

    /// Its language.
    pub fn lang(&self) -> Lang {
        self.analysis.lang
    }
}

/// Two articles and their alignment: what every report writes.
#[derive(Clone, Copy, Debug)]
pub struct AlignedPair<'a> {
    /// The aligner that analysed both articles and linked them.
    pub aligner: &'a Aligner,
    /// The left article.
    pub left: Side<'a>,
    /// The right article.
    pub right: Side<'a>,
    /// The links between them.
    pub alignment: &'a Alignment,
}

impl<'a> AlignedPair<'a> {
    /// Two articles analysed by `aligner`, each with the path the user gave,
    /// and their links.
    pub fn new(
        aligner: &'a Aligner,
        left: (&'a str, &'a Analysis<'a>),
        right: (&'a str, &'a Analysis<'a>),
        alignment: &'a Alignment,
    ) -> AlignedPair<'a> {
        let side = |(path, analysis)| Side { path, analysis };
        AlignedPair {
            aligner,
            left: side(left),
            right: side(right),
            alignment,
        }
    }
}

/// The `align --format json` object (`docs/design.md`, Output formats).
#[derive(Serialize)]
pub struct JsonAlignment<'a> {
    /// The pair's id, in `batch` output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    /// The left article.
    pub left: JsonSide<'a>,
    /// The right article.
    pub right: JsonSide<'a>,
    /// The links.
    pub links: &'a [Link],
    /// Statements in no link, per side.
    pub unaligned: JsonUnaligned<'a>,
    /// The entities each side mentions, as the aligner counts them.
    pub entities: Vec<EntityUse>,
    /// How the alignment was made (`align` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub meta: Option<&'a Meta>,
}

/// One article in the JSON output.
#[derive(Serialize)]
pub struct JsonSide<'a> {
    /// The path as given.
    pub path: &'a str,
    /// Its language.
    pub lang: Lang,
    /// Its statements.
    pub statements: Vec<JsonStatement<'a>>,
    /// Its mentions, entities and TERMs, as `tag --format json` writes them.
    pub mentions: Vec<MentionRecord<'a>>,
}

/// One statement in the JSON output.
#[derive(Serialize)]
pub struct JsonStatement<'a> {
    /// Its index.
    pub id: usize,
    /// First byte in the original file.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its text.
    pub text: &'a str,
    /// Sentence, bullet or heading.
    pub kind: StatementKind,
}

/// Statements in no link.
#[derive(Serialize)]
pub struct JsonUnaligned<'a> {
    /// Left statement ids.
    pub left: &'a [usize],
    /// Right statement ids.
    pub right: &'a [usize],
}

impl<'a> JsonAlignment<'a> {
    /// The JSON view of a pair.
    pub fn new(pair: &AlignedPair<'a>, id: Option<&'a str>) -> JsonAlignment<'a> {
        let side = |s: &Side<'a>| JsonSide {
            path: s.path,
            lang: s.lang(),
            statements: s
                .analysis
                .statements
                .iter()
                .enumerate()
                .map(|(i, st)| JsonStatement {
                    id: i,
                    start: st.span.start,
                    end: st.span.end,
                    text: st.span.of(s.analysis.text),
                    kind: st.kind,
                })
                .collect(),
            mentions: records(pair.aligner.tagger(), s.analysis.text, &s.analysis.mentions),
        };
        JsonAlignment {
            id,
            left: side(&pair.left),
            right: side(&pair.right),
            links: &pair.alignment.links,
            unaligned: JsonUnaligned {
                left: &pair.alignment.unaligned_left,
                right: &pair.alignment.unaligned_right,
            },
            entities: entity_uses(pair.aligner, pair.left.analysis, pair.right.analysis),
            meta: None,
        }
    }

    /// The view with its statements' and mentions' offsets counted in
    /// `offsets` (`--offsets chars`); `pair` is the pair it was made of.
    pub fn with_offsets(mut self, offsets: Offsets, pair: &AlignedPair) -> Self {
        for (side, of) in [(&mut self.left, &pair.left), (&mut self.right, &pair.right)] {
            let map = offsets.of(of.analysis.text);
            for st in &mut side.statements {
                (st.start, st.end) = (map.at(st.start), map.at(st.end));
            }
            for m in &mut side.mentions {
                (m.start, m.end) = (map.at(m.start), map.at(m.end));
            }
        }
        self
    }

    /// The same, recording how it was made.
    pub fn with_meta(self, meta: &'a Meta) -> JsonAlignment<'a> {
        JsonAlignment {
            meta: Some(meta),
            ..self
        }
    }
}

/// Pretty-printed JSON with a final newline.
pub fn write_json(out: &mut dyn Write, json: &JsonAlignment) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, json)?;
    writeln!(out)
}

/// One line per link: ids, score, both texts and the evidence.
pub fn write_tsv(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    writeln!(out, "left\tright\tscore\tleft_text\tright_text\tevidence")?;
    for link in &doc.links {
        writeln!(
            out,
            "{}\t{}\t{:.4}\t{}\t{}\t{}",
            link.left,
            link.right,
            link.score,
            one_line(doc.left.text(link.left)),
            one_line(doc.right.text(link.right)),
            one_line(&evidence_summary(&link.evidence, " ; "))
        )?;
    }
    Ok(())
}

/// All evidence of a link, one piece at a time, strongest first, joined by `sep`.
fn evidence_summary(evidence: &[Evidence], sep: &str) -> String {
    evidence
        .iter()
        .map(|e| EvidenceLine::single(e).text())
        .collect::<Vec<_>>()
        .join(sep)
}

/// Side by side for a terminal: each link with both statements in two columns
/// and its evidence, then what each side says alone.
pub fn write_text(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    const COLUMN: usize = 58;
    let (l, r) = (&doc.left, &doc.right);
    writeln!(
        out,
        "{} ({}, {} statement{}) ↔ {} ({}, {} statement{}): {} link{}",
        l.path,
        l.lang,
        l.statements.len(),
        plural(l.statements.len(), "", "s"),
        r.path,
        r.lang,
        r.statements.len(),
        plural(r.statements.len(), "", "s"),
        doc.links.len(),
        plural(doc.links.len(), "", "s")
    )?;
    for link in &doc.links {
        writeln!(out)?;
        writeln!(
            out,
            "[{}] ↔ [{}]  score {:.2}",
            link.left, link.right, link.score
        )?;
        let left = wrap(&one_line(l.text(link.left)), COLUMN);
        let right = wrap(&one_line(r.text(link.right)), COLUMN);
        for k in 0..left.len().max(right.len()) {
            let lt = left.get(k).map_or("", String::as_str);
            let rt = right.get(k).map_or("", String::as_str);
            writeln!(out, "  {lt:<COLUMN$} │ {rt}")?;
        }
        let evidence: Vec<String> = evidence::lines(&link.evidence)
            .iter()
            .map(|line| line.text_within(COLUMN))
            .collect();
        // As wide as the two columns: "  evidence: " takes 12 of their 121.
        for (k, line) in wrap(&evidence.join(" · "), 2 * COLUMN - 7)
            .iter()
            .enumerate()
        {
            let head = if k == 0 { "evidence:" } else { "" };
            writeln!(out, "  {head:<9} {line}")?;
        }
    }
    for (side, ids) in [(l, &doc.unaligned.left), (r, &doc.unaligned.right)] {
        writeln!(out)?;
        writeln!(
            out,
            "Only in {} ({}): {} statement{}",
            side.lang.name(),
            side.path,
            ids.len(),
            plural(ids.len(), "", "s")
        )?;
        for &i in ids.iter() {
            writeln!(
                out,
                "  [{i}] {}",
                truncate(&one_line(side.text(i)), 2 * COLUMN)
            )?;
        }
    }
    Ok(())
}

/// Greedy word wrap at `width` characters.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let word = truncate(word, width);
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Share of a side's statements that take part in a link.
pub(crate) fn linked_share(side: &DocSide, unaligned: usize) -> f64 {
    let n = side.statements.len();
    if n == 0 {
        0.0
    } else {
        (n - unaligned.min(n)) as f64 / n as f64
    }
}

/// Escapes text for Markdown, in table cells and elsewhere: every character
/// with a meaning in GitHub-flavoured Markdown gets a backslash (pipes,
/// emphasis, code, links, HTML and entities), line breaks become spaces.
/// (`!` needs none: an image needs `![`, and `[` is escaped.)
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in one_line(text).chars() {
        if matches!(
            c,
            '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '~' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A link's evidence for Markdown: `Choïgou ↔ Shoigu (entity); Moscou ↔
/// Moscow (entity: Russia)`.
fn md_evidence(evidence: &[Evidence]) -> String {
    evidence::lines(evidence)
        .iter()
        .map(|line| {
            let names = line.names();
            if names.is_empty() {
                format!("{} ({})", md(&line.pair()), line.kind_words())
            } else {
                format!(
                    "{} ({}: {})",
                    md(&line.pair()),
                    line.kind_words(),
                    md(&names.join(", "))
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// A Markdown document with what the HTML report shows: a summary (statements,
/// share linked, entities on both sides or only one), a table of links with
/// their evidence, then the statements only one side has.
pub fn write_markdown(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let (l, r) = (&doc.left, &doc.right);
    let (left_name, right_name) = (doc.side_name(true), doc.side_name(false));
    let (nl, nr) = (l.statements.len(), r.statements.len());
    writeln!(out, "# Alignment: {} ↔ {}", md(&l.path), md(&r.path))?;
    writeln!(out)?;
    writeln!(
        out,
        "| | {left_name} ({}) | {right_name} ({}) |",
        md(&l.path),
        md(&r.path)
    )?;
    writeln!(out, "|---|---|---|")?;
    writeln!(out, "| statements | {nl} | {nr} |")?;
    writeln!(
        out,
        "| covered by links | {} ({:.0}%) | {} ({:.0}%) |",
        nl - doc.unaligned.left.len().min(nl),
        100.0 * linked_share(l, doc.unaligned.left.len()),
        nr - doc.unaligned.right.len().min(nr),
        100.0 * linked_share(r, doc.unaligned.right.len())
    )?;
    writeln!(out, "| links | {} | |", doc.links.len())?;
    writeln!(out)?;
    writeln!(out, "## Entities")?;
    writeln!(out)?;
    match &doc.entities {
        None => writeln!(out, "Not recorded in this alignment's JSON.")?,
        Some(uses) => {
            for (sides, title) in [
                (Sides::Both, "Both sides mention".to_string()),
                (Sides::Left, format!("Only in {left_name}")),
                (Sides::Right, format!("Only in {right_name}")),
            ] {
                let these: Vec<String> = uses
                    .iter()
                    .filter(|u| u.sides() == sides)
                    .map(|u| match sides {
                        Sides::Both => format!("{} ({} · {})", md(&u.label), u.left, u.right),
                        Sides::Left => format!("{} ({})", md(&u.label), u.left),
                        Sides::Right => format!("{} ({})", md(&u.label), u.right),
                    })
                    .collect();
                let list = if these.is_empty() {
                    "none".to_string()
                } else {
                    these.join(", ")
                };
                writeln!(out, "- **{title}** ({}): {list}", these.len())?;
            }
            writeln!(out)?;
            writeln!(
                out,
                "Counts are mentions per side ({left_name} · {right_name})."
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "## Linked statements")?;
    writeln!(out)?;
    if doc.links.is_empty() {
        writeln!(out, "No statements were linked.")?;
    } else {
        writeln!(out, "| {left_name} | {right_name} | score | evidence |")?;
        writeln!(out, "|---|---|---|---|")?;
        for link in &doc.links {
            writeln!(
                out,
                "| [{}] {} | [{}] {} | {:.2} | {} |",
                link.left,
                md(l.text(link.left)),
                link.right,
                md(r.text(link.right)),
                link.score,
                md_evidence(&link.evidence)
            )?;
        }
    }
    for (side, ids, name) in [
        (l, &doc.unaligned.left, &left_name),
        (r, &doc.unaligned.right, &right_name),
    ] {
        writeln!(out)?;
        writeln!(
            out,
            "## Only in {name} ({} statement{})",
            ids.len(),
            plural(ids.len(), "", "s")
        )?;
        writeln!(out)?;
        if ids.is_empty() {
            writeln!(out, "Every statement is linked.")?;
        }
        for &i in ids.iter() {
            writeln!(out, "- [{i}] {}", md(side.text(i)))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "---")?;
    writeln!(out)?;
    writeln!(out, "{}", md(&made_by(doc)))?;
    Ok(())
}

/// The footer line of the Markdown and HTML reports: how the alignment was made.
pub(crate) fn made_by(doc: &Document) -> String {
    match &doc.meta {
        Some(meta) => format!("Made by {}.", meta.describe()),
        None => "How this alignment was made was not recorded.".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_words_and_width() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 5), [""]);
        assert!(
            wrap("x".repeat(20).as_str(), 5)
                .iter()
                .all(|l| l.chars().count() <= 5)
        );
    }

    #[test]
    fn markdown_cells_are_escaped() {
        assert_eq!(md("a|b *c* <script>\nx"), "a\\|b \\*c\\* \\<script\\> x");
        assert_eq!(md("AT&T ![x](y) &amp;"), "AT\\&T !\\[x\\](y) \\&amp;");
    }
}
