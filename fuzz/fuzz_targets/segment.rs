//! `entente::segment`: statements are in order, trimmed, on char boundaries,
//! and cover every non-whitespace char except bullet markers (module doc).

#![no_main]

use std::sync::OnceLock;

use entente::Lang;
use entente::segment::{Segmenter, Statement};
use libfuzzer_sys::fuzz_target;

fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(Segmenter::new)
}

// The character classes of the module doc (private in `segment`).
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{FEFF}' | '\u{200B}')
}

fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn is_bullet_marker(c: char) -> bool {
    matches!(c, '•' | '-' | '*' | '–' | '·' | '▪' | '◦' | '‣' | '⁃' | '●')
}

fn check(text: &str, statements: &[Statement], lang: Lang) {
    let mut covered = vec![false; text.len()];
    let mut previous_end = 0;
    for st in statements {
        let (start, end) = (st.span.start, st.span.end);
        assert!(
            previous_end <= start && start < end && end <= text.len(),
            "{lang}: span {start}..{end} after {previous_end} in {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(start) && text.is_char_boundary(end),
            "{lang}: span {start}..{end} off a char boundary"
        );
        let piece = &text[start..end];
        assert!(!piece.starts_with(is_space) && !piece.ends_with(is_space), "{lang}: untrimmed {piece:?}");
        covered[start..end].iter_mut().for_each(|c| *c = true);
        previous_end = end;
    }
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            line_start = true;
            continue;
        }
        if is_space(c) {
            continue;
        }
        let next = text[i + c.len_utf8()..].chars().next();
        let marker = line_start && is_bullet_marker(c) && next.is_some_and(|n| is_space(n) && !is_line_break(n));
        assert!(covered[i] || marker, "{lang}: char {c:?} at {i} is in no statement");
        line_start = false;
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for lang in [Lang::Fr, Lang::En] {
        let statements = segmenter().segment(text, lang);
        check(text, &statements, lang);
    }
});
