//! Statement segmentation: cut a French or English news text into the units
//! that get aligned (sentences, bullet items, headings and captions).
//!
//! The segmenter is a single hand-written, left-to-right scan; every look-back
//! and look-ahead is bounded, so the cost is linear in the text length whatever
//! the input (no punctuation at all, megabyte tokens, 100 000 bullets...).
//!
//! Every statement is a [`Span`] of the original text, trimmed of whitespace
//! (Unicode whitespace plus U+FEFF and U+200B). Statements come in text order,
//! never overlap, and together cover every non-whitespace character except the
//! bullet markers (the marker and the whitespace after it belong to no span).
//!
//! # Rules
//!
//! 1. **Sentence ends.** A sentence ends after `.`, `!`, `?`, `…` (or a run of
//!    them: `...`, `?!`) when whitespace follows and then an uppercase letter, a
//!    digit, an opening quote, an opening bracket before a capital, or the end
//!    of the line. Closing quotes and brackets right after the punctuation stay
//!    in the sentence (`mal. »`, `here.”`, `engineer.)`), including the French
//!    spaced `»`; so do further terminals after them (`temps. ».`).
//! 2. **Lines.** A blank line always ends a statement, and so does every single
//!    line break: news texts put one paragraph per line. A line (or bullet
//!    item) that does not end with final punctuation (`. ! ? … :`, possibly
//!    followed by closing quotes, brackets or citation marks) ends with a
//!    [`StatementKind::Heading`] statement: titles, captions ending in
//!    `[Photographer/Agency]`, bylines. The one exception is a hard-wrapped
//!    line: a line without final punctuation followed by a line that starts
//!    with a lowercase letter continues on that line.
//! 3. **Bullets.** A line starting (after indentation) with `•`, `-`, `*`, `–`,
//!    `·`, `▪` (or `◦`, `‣`, `⁃`, `●`) and whitespace opens a bullet item; the
//!    marker is excluded, and every sentence of the item, including its
//!    lines indented deeper than the marker, is a [`StatementKind::Bullet`].
//! 4. **Quotations.** Inside `« »`, `“ ”`, `( )` and straight `"…"` (when the
//!    line has an even number of them) sentence ends are ignored if the
//!    quotation closes on the same line after at most five sentences. A
//!    quotation left open (the English convention for a quote continued in
//!    the next paragraph) or longer than that is split normally.
//! 5. **Abbreviations.** A curated subset of CLDR's sentence-break suppressions
//!    plus newsroom abbreviations (`data/segment/{en,fr}-abbreviations.tsv`). *Prefix* abbreviations (`Mr.`, `Gen.`, `M.`,
//!    `p.`, `cf.`) never end a sentence. *Suffix* abbreviations (`Inc.`,
//!    `etc.`, `Jan.`, `U.S.`, `J.-C.`), dotted acronyms (`U.N.`, `D.P.R.K.`)
//!    and single-capital initials (`John F. Kennedy`) end one only when the
//!    next word is a common sentence opener of the language (`The`, `It`,
//!    `How`, `Le`, `Il`, `L’`…: `data/segment/{en,fr}-sentence-openers.tsv`), so `U.S. Government` stays whole while
//!    `the U.S. How about you?` splits. A list number or letter opening a line
//!    (`1. The first item`) does not end a sentence.
//! 6. **Numbers and addresses.** Only punctuation followed by whitespace can
//!    end a sentence, so `3.5`, `1.000`, `10.30`, URLs, e-mail addresses and
//!    glued ellipses (`mean...see`) never split; nor does an elision mark
//!    right after a bracket (`[...]`, `(…)`).
//! 7. **Citation marks.** `[4]`, `[note 3]` glued after the punctuation stay
//!    with the sentence, and a sentence also ends when a capital letter
//!    follows such a mark directly (`effective".[20]United Nations`).
//! 8. **Headlines and questions.** A line is never joined to the next when it
//!    ends a sentence, so a question headline is a statement of its own.
//! 9. **Robustness.** No input panics (control characters, NUL, lone
//!    combining marks, any Unicode) and spans always lie on char boundaries.

mod abbreviations;
mod chars;
mod citations;
mod lines;
mod openers;
mod quotations;
mod sentences;
#[cfg(test)]
mod tests;

use crate::span::{Lang, Span};
use lines::{BlockBuilder, Lines};
use sentences::Rules;

/// What kind of unit a statement is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StatementKind {
    /// A sentence of running text.
    Sentence,
    /// A sentence of a bullet item.
    Bullet,
    /// A title, caption or other line without final punctuation.
    Heading,
}

/// One unit of a text, as a trimmed byte span of the original text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Statement {
    /// Where the statement is in the original text.
    pub span: Span,
    /// What kind of unit it is.
    pub kind: StatementKind,
}

/// Cuts texts into statements. Built once, reused (Send + Sync).
pub struct Segmenter {
    /// Tables for English texts.
    en: &'static Rules,
    /// Tables for French texts.
    fr: &'static Rules,
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// A segmenter with the abbreviation and sentence-opener tables of both
    /// languages (read from `data/segment/` once per process).
    pub fn new() -> Segmenter {
        Segmenter {
            en: Rules::of(Lang::En),
            fr: Rules::of(Lang::Fr),
        }
    }

    /// Cuts `text` into statements, in text order (see the module doc for
    /// the rules).
    pub fn segment(&self, text: &str, lang: Lang) -> Vec<Statement> {
        let rules = match lang {
            Lang::En => self.en,
            Lang::Fr => self.fr,
        };
        let mut out = Vec::new();
        let mut blocks = BlockBuilder::default();
        for line in Lines::new(text) {
            if let Some(block) = blocks.push_line(text, line) {
                rules.segment_block(text, block, &mut out);
            }
            if line.paragraph_end
                && let Some(block) = blocks.finish()
            {
                rules.segment_block(text, block, &mut out);
            }
        }
        if let Some(block) = blocks.finish() {
            rules.segment_block(text, block, &mut out);
        }
        out
    }
}
