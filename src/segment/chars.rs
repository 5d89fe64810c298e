//! The character classes of segmentation: whitespace, line breaks, sentence
//! punctuation, quotes, brackets and bullet markers, and char access that
//! never panics on a computed offset.

/// Whitespace for trimming: Unicode White_Space (which includes NBSP, the
/// narrow and thin spaces and the line separators) plus the zero-width
/// no-break space (BOM) and zero-width space, invisible in news texts.
pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

/// Characters that end a line. `\r\n` is handled as one break by [`Lines`](super::lines::Lines).
pub(super) fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// Whitespace that stays on the line (the French space before `»`).
pub(super) fn is_inline_space(c: char) -> bool {
    is_space(c) && !is_line_break(c)
}

/// Punctuation that can end a sentence.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

/// Punctuation that ends a line with a complete statement (rule 2): the
/// terminals plus the colon that introduces a quotation or a list.
pub(super) fn is_final_punct(c: char) -> bool {
    is_terminal(c) || c == ':'
}

/// Closing quotes and brackets that stay with the sentence they close.
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Closing quotes that French typography separates with a space (`mal. »`).
pub(super) fn is_spaced_closer(c: char) -> bool {
    matches!(c, '»' | '›')
}

/// Opening quotes: one may start a sentence whatever its next letter.
pub(super) fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '“' | '‘' | '"' | '\'' | '„' | '‚' | '‹')
}

/// Opening brackets and Spanish marks: they start a sentence only before a
/// capital or a digit.
pub(super) fn is_open_bracket(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '¿' | '¡')
}

/// A letter that can start a sentence: uppercase or titlecase, or a letter
/// of a script without case (where any letter may start one).
pub(super) fn is_upper_like(c: char) -> bool {
    c.is_uppercase() || (c.is_alphabetic() && !c.is_lowercase())
}

/// Glyphs that mark a bullet item when followed by whitespace.
pub(super) fn is_bullet_marker(c: char) -> bool {
    matches!(c, '•' | '-' | '*' | '–' | '·' | '▪' | '◦' | '‣' | '⁃' | '●')
}

/// The char starting at byte `i`, or `None` at the end or off a boundary
/// (so that no computed offset can make the scan panic).
pub(super) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|t| t.chars().next())
}

/// The char ending at byte `i`.
pub(super) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(|t| t.chars().next_back())
}

/// The first byte at or after `i` that is not whitespace.
pub(super) fn skip_spaces(s: &str, i: usize) -> usize {
    match s.get(i..) {
        Some(rest) => s.len() - rest.trim_start_matches(is_space).len(),
        None => s.len(),
    }
}
