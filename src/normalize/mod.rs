//! ① Folding: a comparison form of a text, with a map back to the original bytes.
//!
//! Names are found in the folded text, then reported at their original offsets.
//! Folding removes the differences that do not change which name is meant:
//!
//! | difference | example | folded |
//! |---|---|---|
//! | Unicode forms (NFC/NFD/NFKC) | `e` + U+0301, `ﬁ` | `e`, `fi` |
//! | case | `POUTINE` | `poutine` |
//! | accents and diaeresis | `Choïgou` | `choigou` |
//! | apostrophes, quotes, hyphens, dashes, punctuation | `Kim Jong-un`, `l’Ukraine` | `kim jong un`, `l ukraine` |
//! | spaces of any kind (NBSP, thin space, runs) | `Corée\u{a0}du Nord` | `coree du nord` |
//! | invisible characters (soft hyphen, zero-width space, BOM) | `Pou\u{ad}tine` | `poutine` |
//! | look-alike letters from Cyrillic or Greek inside a Latin word | `Сosmodrome` (Cyrillic С) | `cosmodrome` |
//! | other Latin letters | `ß`, `ø`, `æ` | `ss`, `o`, `ae` |
//! | HTML entities left by scraping | `Cor&eacute;e`, `Vladimir&nbsp;Putin` | `coree`, `vladimir putin` |
//!
//! The folded text is a sequence of *tokens* (runs of letters and digits), each
//! written between two spaces: `" kim  jong  un "`. A whole-token search for a
//! name is then a plain substring search for its padded form, so "Kim" is never
//! found inside "Kimberley" and French elision needs no rule of its own:
//! `l’Ukraine` folds to `" l  ukraine "`, which contains `" ukraine "`.
//!
//! Folding is idempotent: folding a folded text changes nothing.

mod chars;
mod entities;
mod folder;
#[cfg(test)]
mod tests;

use crate::span::Span;

use chars::latin_letter_fold;
pub(crate) use chars::{is_general_punctuation, is_word_char};
use folder::{Folder, fold_with};

/// A folded text and, for each of its bytes, the original bytes it came from.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    text: String,
    /// For each folded byte, the start of the original character it came from.
    starts: Vec<u32>,
    /// For each folded byte, the end of that original character, extended over
    /// the combining marks and invisible characters that follow it in its word.
    ends: Vec<u32>,
}

impl Folded {
    /// The folded text: tokens, each between two spaces.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original span of the folded tokens in `folded` (a byte range of
    /// [`Folded::as_str`] that starts and ends on token bytes, not padding).
    pub fn original_span(&self, folded: std::ops::Range<usize>) -> Span {
        debug_assert!(folded.start < folded.end && folded.end <= self.text.len());
        Span::new(
            self.starts[folded.start] as usize,
            self.ends[folded.end - 1] as usize,
        )
    }

    /// The tokens of the folded text with their original spans, in order.
    pub fn tokens(&self) -> impl Iterator<Item = (&str, Span)> + '_ {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let rest = &self.text[pos..];
            let start = pos + rest.find(|c: char| c != ' ')?;
            let end = start
                + self.text[start..]
                    .find(' ')
                    .unwrap_or(self.text.len() - start);
            pos = end;
            Some((&self.text[start..end], self.original_span(start..end)))
        })
    }
}

/// Folds `text`, keeping the offset map. See the module doc for what folds.
pub fn fold(text: &str) -> Folded {
    let out = fold_with(Folder::with_capacity(text.len()), text);
    Folded {
        text: out.text,
        starts: out.starts,
        ends: out.ends,
    }
}

/// Calls `f` with each token of `text`, folded, and its original span: the
/// tokens [`Folded::tokens`] gives, without building the folded text or its
/// offset map. This is the tagger's hot path, so most bytes are judged by a
/// table: ASCII words (most of a news text) are handed over as they are,
/// lower-cased only when they need it, and separators (ASCII or not) are
/// skipped. Other words are folded one at a time: after a separator,
/// folding always starts afresh.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str, Span)) {
    let bytes = text.as_bytes();
    let class = |b: u8| BYTE_CLASS[usize::from(b)];
    let mut lower = String::new();
    let mut folder = Folder::tokens_only();
    let mut i = 0;
    while i < bytes.len() {
        match class(bytes[i]) {
            SEPARATOR => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| class(b) != SEPARATOR)
                    .unwrap_or(bytes.len() - i);
                continue;
            }
            LOWER | UPPER => {
                let start = i;
                let mut upper = 0;
                while let Some(&b) = bytes.get(i) {
                    let c = class(b);
                    if c > UPPER {
                        break;
                    }
                    upper |= c;
                    i += 1;
                }
                let ends_here = bytes.get(i).is_none_or(|&b| class(b) == SEPARATOR)
                    || separator_char_at(text, i).is_some();
                if ends_here {
                    let word = &text[start..i];
                    let span = Span::new(start, i);
                    if upper == UPPER {
                        lower.clear();
                        lower.push_str(word);
                        lower.make_ascii_lowercase();
                        f(&lower, span);
                    } else {
                        f(word, span);
                    }
                    continue;
                }
                // The word goes on beyond ASCII, or meets an `&`: fold it whole.
                i = start;
            }
            _ => {
                if let Some(len) = separator_char_at(text, i) {
                    i += len;
                    continue;
                }
            }
        }
        if let Some(end) = fold_latin_word(text, i, &mut lower) {
            f(&lower, Span::new(i, end));
            i = end;
            continue;
        }
        let end = folding_end(text, i);
        folder.clear();
        folder = fold_with(folder, &text[i..end]);
        for (range, span) in &folder.tokens {
            let token = &folder.text[range.start as usize..range.end as usize];
            f(token, Span::new(span.start + i, span.end + i));
        }
        i = end;
    }
}

/// What a byte says about tokens, for [`for_each_token`]: an ASCII
/// lowercase letter or digit, an ASCII capital, ASCII that separates tokens,
/// or `&` (perhaps an HTML entity) and the bytes of non-ASCII characters.
/// Numbers, so that a word's capitals are found by or-ing its bytes' classes.
const LOWER: u8 = 0;
const UPPER: u8 = 1;
const SEPARATOR: u8 = 2;
const OTHER: u8 = 3;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_uppercase() {
            UPPER
        } else if (b as u8).is_ascii_alphanumeric() {
            LOWER
        } else if b == b'&' as usize {
            OTHER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};

/// The length of the character at byte `i` when it is a non-ASCII separator
/// (a curly quote, a dash, a no-break space…), which folding turns into a
/// token boundary.
#[inline]
fn separator_char_at(text: &str, i: usize) -> Option<usize> {
    let c = text.get(i..)?.chars().next()?;
    (!c.is_ascii() && !is_word_char(c)).then(|| c.len_utf8())
}

/// Folds the word at byte `start` into `out` when it is made of ASCII and
/// accented Latin letters only (most French words: `Corée`, `déclaré`), each
/// of which folds on its own; returns where the word ends. `None` for any
/// other word (combining marks, other scripts, an `&`…): [`Folder`] folds it.
fn fold_latin_word(text: &str, start: usize, out: &mut String) -> Option<usize> {
    out.clear();
    for (k, c) in text[start..].char_indices() {
        if c.is_ascii() {
            match BYTE_CLASS[c as usize] {
                LOWER => out.push(c),
                UPPER => out.push(c.to_ascii_lowercase()),
                SEPARATOR => return Some(start + k),
                _ => return None,
            }
        } else if let Some(folded) = latin_letter_fold(c) {
            out.push_str(folded);
        } else if is_word_char(c) {
            return None;
        } else {
            return Some(start + k);
        }
    }
    Some(text.len())
}

/// Where folding from byte `i` (a word start) may stop: after the word, or,
/// when an `&` follows it (an HTML entity may join it to what comes next:
/// `Cor&eacute;e`), at the next ASCII whitespace.
fn folding_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let word = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    if !rest[word..].starts_with('&') {
        return i + word.max(rest.chars().next().map_or(1, char::len_utf8));
    }
    rest.bytes()
        .position(|b| b.is_ascii_whitespace())
        .map_or(text.len(), |n| i + n)
}

/// The folded tokens of `text` joined by single spaces (`"Kim Jong-un"` →
/// `"kim jong un"`): the key under which two names count as the same.
pub fn fold_key(text: &str) -> String {
    let folded = fold(text);
    let mut key = String::with_capacity(folded.text.len());
    for token in folded.text.split(' ').filter(|t| !t.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(token);
    }
    key
}

/// The padded folded form of a name (`" kim  jong  un "`), as it appears in a
/// folded text where the name occurs as whole tokens. Empty when the name has
/// no letter or digit.
pub fn padded_key(name: &str) -> String {
    fold(name).text
}

/// Folds one word as [`fold`] folds it, appending the folded letters and
/// digits to `out` (lower case, accents dropped, other Latin letters in ASCII:
/// `Łódź` → `lodz`, `Straße` → `strasse`, look-alike Cyrillic or Greek letters
/// in a Latin word as Latin letters). What [`fold`] would split the word at
/// (an apostrophe, a hyphen) is dropped, so `aujourd’hui` gives `aujourdhui`.
/// The one letter fold every stage uses.
pub(crate) fn fold_word(word: &str, out: &mut String) {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let folder = fold_with(Folder::tokens_only(), word);
    for (range, _) in &folder.tokens {
        out.push_str(&folder.text[range.start as usize..range.end as usize]);
    }
}
