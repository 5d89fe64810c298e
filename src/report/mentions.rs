//! ⑤ Writing tagged mentions: JSON (the format of `docs/design.md`), TSV and a text table.

use std::io::{self, Write};

use serde::Serialize;

use crate::lexicon::EntityType;
use crate::span::Offsets;
use crate::tag::{MatchHow, Mention, Tagger};

/// One mention as `tag --format json` writes it, with the lexicon name
/// matched and a confidence.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionRecord<'a> {
    /// Byte offset of the first byte in the original text.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The text as written: `bytes[start..end]`.
    pub text: &'a str,
    /// The entry's id.
    pub entity: &'a str,
    /// The entry's label.
    pub label: &'a str,
    /// The entry's type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How it matched.
    #[serde(rename = "match")]
    pub how: MatchHow,
    /// The lexicon name matched.
    pub name: &'a str,
    /// 1 for lexicon names, lower for variants.
    pub confidence: f32,
    /// The entry's knowledge-base id (a lexicon's `kb_id` or `wikidata`
    /// column), left out of the JSON when it has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kb_id: Option<&'a str>,
}

impl<'a> MentionRecord<'a> {
    /// The record of `mention` found in `text` by `tagger`.
    pub fn new(tagger: &'a Tagger, text: &'a str, mention: &Mention) -> MentionRecord<'a> {
        let entry = tagger.entry(mention);
        MentionRecord {
            start: mention.span.start,
            end: mention.span.end,
            text: mention.span.of(text),
            entity: &entry.id,
            label: &entry.label,
            kind: entry.kind,
            how: mention.how,
            name: &tagger.name(mention).text,
            confidence: mention.confidence,
            kb_id: entry.kb_id.as_deref(),
        }
    }
}

/// Records for a list of mentions.
pub fn records<'a>(
    tagger: &'a Tagger,
    text: &'a str,
    mentions: &[Mention],
) -> Vec<MentionRecord<'a>> {
    mentions
        .iter()
        .map(|m| MentionRecord::new(tagger, text, m))
        .collect()
}

/// Counts the records' offsets in `offsets` (`--offsets chars`); `text` is
/// the text they were found in.
pub fn with_offsets(records: &mut [MentionRecord], offsets: Offsets, text: &str) {
    let map = offsets.of(text);
    for r in records {
        (r.start, r.end) = (map.at(r.start), map.at(r.end));
    }
}

/// One JSON array, pretty-printed, with a final newline.
pub fn write_json(out: &mut dyn Write, records: &[MentionRecord]) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, records)?;
    writeln!(out)
}

/// Tab-separated, with a header; tabs and newlines in text become spaces.
pub fn write_tsv(out: &mut dyn Write, records: &[MentionRecord]) -> io::Result<()> {
    writeln!(
        out,
        "start\tend\ttext\tentity\tlabel\ttype\tmatch\tname\tconfidence"
    )?;
    for r in records {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:.2}",
            r.start,
            r.end,
            one_line(r.text),
            r.entity,
            one_line(r.label),
            r.kind.code(),
            r.how.as_str(),
            one_line(r.name),
            r.confidence
        )?;
    }
    Ok(())
}

/// A table for a person: offsets, text, label and how it matched.
pub fn write_text(out: &mut dyn Write, records: &[MentionRecord]) -> io::Result<()> {
    if records.is_empty() {
        return writeln!(out, "no mention found");
    }
    let width = |f: &dyn Fn(&MentionRecord) -> usize| records.iter().map(f).max().unwrap_or(0);
    let text_w = width(&|r| one_line(r.text).chars().count()).clamp(4, 40);
    let label_w = width(&|r| r.label.chars().count()).clamp(6, 30);
    writeln!(
        out,
        "{:>11}  {:<text_w$}  {:<label_w$}  {:<5}  match",
        "bytes", "text", "entity", "type"
    )?;
    for r in records {
        let how = match r.how {
            MatchHow::Exact | MatchHow::Folded => r.how.as_str().to_string(),
            _ => format!("{} {:.2}", r.how.as_str(), r.confidence),
        };
        writeln!(
            out,
            "{:>11}  {:<text_w$}  {:<label_w$}  {:<5}  {how}",
            format!("{}-{}", r.start, r.end),
            truncate(&one_line(r.text), text_w),
            truncate(r.label, label_w),
            r.kind.code(),
        )?;
    }
    let entities: std::collections::BTreeSet<&str> = records.iter().map(|r| r.entity).collect();
    writeln!(
        out,
        "{} mention{}, {} entit{}",
        records.len(),
        plural(records.len(), "", "s"),
        entities.len(),
        plural(entities.len(), "y", "ies")
    )
}

/// The ending for `n` things: `one` for one, else `many` (`"y"`, `"ies"`).
pub(crate) fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

/// Text with tabs and line breaks turned into spaces, for one-line formats.
pub fn one_line(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// At most `width` characters, with an ellipsis when cut. The cut falls
/// between words, and the punctuation before it goes (`du mal qui…`, not
/// `du mal q…`); only a text whose first word is longer than `width` is cut
/// inside that word.
pub fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    // Room for the ellipsis.
    let end = text
        .char_indices()
        .nth(width.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let mut head = &text[..end];
    if !text[end..].starts_with(char::is_whitespace)
        && let Some(space) = head.rfind(char::is_whitespace)
    {
        head = &head[..space];
    }
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':'));
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_cuts_between_words() {
        let cases = [
            ("short", 10, "short"),
            ("exactly ten", 11, "exactly ten"),
            // Regression: `military s…` cut a word in two.
            (
                "failed to put a military spy satellite",
                26,
                "failed to put a military…",
            ),
            ("a military spy", 13, "a military…"),
            // The cut falls after a whole word followed by a space.
            ("one two three", 9, "one two…"),
            ("Selon ce dernier, la Russie", 19, "Selon ce dernier…"),
            // A first word longer than the width is all there is to cut.
            ("Vostotchny-cosmodrome", 8, "Vostotc…"),
            ("abc", 0, "…"),
        ];
        for (text, width, want) in cases {
            let got = truncate(text, width);
            assert_eq!(got, want, "{text:?} at {width}");
            assert!(got.chars().count() <= width.max(1), "{got:?}");
        }
    }
}
