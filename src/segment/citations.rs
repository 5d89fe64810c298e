//! Citation marks (`[4]`, `[note 3]`) glued after the punctuation that ends a
//! sentence (rule 7): they stay with it, and a capital may follow them
//! without a space.

use super::chars::{char_before, is_space};
use crate::normalize::is_word_char;

/// Longest citation mark content (in chars), as in `[citation needed]`.
const MAX_CITATION_CHARS: usize = 20;

/// Start of a citation mark (`[12]`, `[note 3]`) that ends `t` and is glued
/// to the previous character, looking back a bounded distance.
pub(super) fn glued_citation_start(t: &str) -> Option<usize> {
    let inner = t.strip_suffix(']')?;
    for (n, (i, c)) in inner.char_indices().rev().enumerate() {
        if c == '[' {
            let glued = char_before(inner, i).is_some_and(|p| !is_space(p));
            return (n > 0 && glued).then_some(i);
        }
        if n >= MAX_CITATION_CHARS || !is_citation_char(c) {
            return None;
        }
    }
    None
}

/// Characters allowed inside a citation mark: word characters (the one
/// definition, so a decomposed accent counts as its letter does) and the
/// separators of `[note 3]`, `[7-9]`, `[a, b]`, `[p: 4]`.
fn is_citation_char(c: char) -> bool {
    is_word_char(c) || matches!(c, ' ' | '-' | ',' | ':')
}

/// End of the citation mark starting with `[` at byte `i`, if there is one
/// within the bounded length.
pub(super) fn citation_end(s: &str, i: usize) -> Option<usize> {
    let rest = s.get(i..)?.strip_prefix('[')?;
    for (n, (j, c)) in rest.char_indices().enumerate() {
        if c == ']' {
            return (n > 0).then_some(i + 1 + j + 1);
        }
        if n >= MAX_CITATION_CHARS || !is_citation_char(c) {
            return None;
        }
    }
    None
}
