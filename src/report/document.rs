//! ⑤ The document the human reports render: an aligned pair as
//! `align --format json` writes it, read back.
//!
//! Text, Markdown and HTML never look at a live alignment: `align` writes its
//! JSON object and reads it back as a [`Document`], and `entente report`
//! reads a saved one. So a saved alignment renders the same page as the run
//! that made it, and the JSON is known to carry everything a report shows.
//! Unknown fields are ignored; the fields added after the first version
//! (`mentions`, `entities`, `meta`) may be missing, and the report then
//! leaves out what they would have shown.
//!
//! Nothing here trusts the file: ids and offsets are checked when it is read
//! ([`Document::from_json`]), and a mark that does not fit its statement is
//! left out, so a hand-edited file cannot make a report panic.

use std::fmt;

use serde::Deserialize;

use super::alignment::JsonAlignment;
use super::entities::EntityUse;
use super::meta::Meta;
use crate::align::Evidence;
use crate::lexicon::EntityType;
use crate::segment::StatementKind;
use crate::span::Lang;
use crate::tag::MatchHow;

/// An aligned pair, as its JSON says it.
#[derive(Clone, Debug, Deserialize)]
pub struct Document {
    /// The left article.
    pub left: DocSide,
    /// The right article.
    pub right: DocSide,
    /// The links, by left then right statement.
    pub links: Vec<DocLink>,
    /// Statements in no link.
    pub unaligned: DocUnaligned,
    /// The entities each side mentions, as the aligner counts them.
    #[serde(default)]
    pub entities: Option<Vec<EntityUse>>,
    /// How the alignment was made.
    #[serde(default)]
    pub meta: Option<Meta>,
}

/// One article.
#[derive(Clone, Debug, Deserialize)]
pub struct DocSide {
    /// The path as the user gave it.
    pub path: String,
    /// Its language.
    pub lang: Lang,
    /// Its statements; statement `i` has id `i`.
    pub statements: Vec<DocStatement>,
    /// Its mentions (entities and TERMs) in text order, offsets into the article.
    #[serde(default)]
    pub mentions: Vec<DocMention>,
}

/// One statement.
#[derive(Clone, Debug, Deserialize)]
pub struct DocStatement {
    /// Its index.
    pub id: usize,
    /// Its first byte in the article.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Its text: the article's bytes `start..end`.
    pub text: String,
    /// Sentence, bullet or heading.
    pub kind: StatementKind,
}

/// One mention, as `tag --format json` writes it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct DocMention {
    /// Its first byte in the article.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// The text as written.
    pub text: String,
    /// The entry's id.
    pub entity: String,
    /// The entry's label.
    pub label: String,
    /// The entry's type.
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// How it matched.
    #[serde(rename = "match")]
    pub how: MatchHow,
    /// The lexicon name matched.
    pub name: String,
    /// 1 for lexicon names, lower for variants.
    pub confidence: f32,
}

impl From<&super::mentions::MentionRecord<'_>> for DocMention {
    fn from(r: &super::mentions::MentionRecord) -> DocMention {
        DocMention {
            start: r.start,
            end: r.end,
            text: r.text.to_string(),
            entity: r.entity.to_string(),
            label: r.label.to_string(),
            kind: r.kind,
            how: r.how,
            name: r.name.to_string(),
            confidence: r.confidence,
        }
    }
}

/// One link.
#[derive(Clone, Debug, Deserialize)]
pub struct DocLink {
    /// The left statement.
    pub left: usize,
    /// The right statement.
    pub right: usize,
    /// Its score in [0, 1].
    pub score: f64,
    /// What the two statements share, strongest first.
    pub evidence: Vec<Evidence>,
}

/// Statements in no link.
#[derive(Clone, Debug, Deserialize)]
pub struct DocUnaligned {
    /// Left statement ids.
    pub left: Vec<usize>,
    /// Right statement ids.
    pub right: Vec<usize>,
}

/// Why a JSON text is not a document a report can render.
#[derive(Debug)]
pub struct DocumentError(String);

impl fmt::Display for DocumentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DocumentError {}

impl Document {
    /// Reads the JSON of `align --format json`, or one line of `batch` or
    /// `corpus` output.
    pub fn from_json(json: &str) -> Result<Document, DocumentError> {
        let objects = json
            .lines()
            .filter(|l| l.trim_start().starts_with('{'))
            .count();
        if objects > 1
            && json
                .lines()
                .all(|l| l.trim().is_empty() || l.starts_with('{'))
        {
            return Err(DocumentError(format!(
                "{objects} JSON lines: a batch or corpus file holds one pair per line; give one, e.g. `sed -n 3p pairs.jsonl | entente report -`"
            )));
        }
        let not_one = |e: serde_json::Error| {
            DocumentError(format!(
                "not the JSON of `entente align --format json`: {e}"
            ))
        };
        let mut value: serde_json::Value = serde_json::from_str(json).map_err(not_one)?;
        // A line of `corpus` holds the alignment under `alignment`.
        if let Some(alignment) = value.get_mut("alignment").filter(|a| a.is_object()) {
            value = alignment.take();
        }
        let doc: Document = serde_json::from_value(value).map_err(not_one)?;
        doc.checked()
    }

    /// The document of an alignment about to be written as JSON: the object
    /// serialised and read back, so the reports see what a saved file holds.
    pub fn of(json: &JsonAlignment) -> Result<Document, DocumentError> {
        let value = serde_json::to_value(json).map_err(|e| DocumentError(e.to_string()))?;
        serde_json::from_value::<Document>(value)
            .map_err(|e| DocumentError(e.to_string()))?
            .checked()
    }

    /// The document, once its ids are known to point at statements, with its
    /// mentions in text order.
    fn checked(mut self) -> Result<Document, DocumentError> {
        if self.meta.as_ref().is_some_and(|m| !m.offsets.is_bytes()) {
            return Err(DocumentError(
                "its offsets count characters (--offsets chars, or the Python package); \
                 reports place names by byte offsets: align again without --offsets chars"
                    .to_string(),
            ));
        }
        for (name, side) in [("left", &mut self.left), ("right", &mut self.right)] {
            if let Some((i, st)) = side
                .statements
                .iter()
                .enumerate()
                .find(|(i, st)| st.id != *i)
            {
                return Err(DocumentError(format!(
                    "{name} statement {i} has id {}: ids should count from 0 in order",
                    st.id
                )));
            }
            side.mentions.sort_by_key(|m| (m.start, m.end));
        }
        let (nl, nr) = (self.left.statements.len(), self.right.statements.len());
        let out_of_range = |what: &str, id: usize, n: usize| {
            DocumentError(format!(
                "{what} names statement {id}, but that side has {n} statements"
            ))
        };
        for link in &self.links {
            if link.left >= nl {
                return Err(out_of_range("a link", link.left, nl));
            }
            if link.right >= nr {
                return Err(out_of_range("a link", link.right, nr));
            }
        }
        for (ids, n) in [(&self.unaligned.left, nl), (&self.unaligned.right, nr)] {
            if let Some(&id) = ids.iter().find(|&&id| id >= n) {
                return Err(out_of_range("`unaligned`", id, n));
            }
        }
        Ok(self)
    }

    /// "French", or "left (French)" when both sides are in one language, so
    /// that "only in …" stays unambiguous.
    pub fn side_name(&self, left: bool) -> String {
        let lang = if left {
            self.left.lang
        } else {
            self.right.lang
        };
        if self.left.lang != self.right.lang {
            lang.name().to_string()
        } else {
            format!("{} ({})", if left { "left" } else { "right" }, lang.name())
        }
    }
}

impl DocSide {
    /// The text of statement `i`.
    pub fn text(&self, i: usize) -> &str {
        &self.statements[i].text
    }

    /// The mentions that lie inside statement `i`, in text order.
    pub fn mentions_in(&self, i: usize) -> &[DocMention] {
        let st = &self.statements[i];
        let first = self.mentions.partition_point(|m| m.start < st.start);
        let n = self.mentions[first..]
            .iter()
            .take_while(|m| m.start < st.end)
            .count();
        &self.mentions[first..first + n]
    }
}

/// A statement kind's word in JSON and in HTML classes.
pub(crate) fn statement_word(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Sentence => "sentence",
        StatementKind::Bullet => "bullet",
        StatementKind::Heading => "heading",
    }
}
