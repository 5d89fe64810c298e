//! Quotations inside a statement: « … », “ … ”, „ … “, ‹ … ›, "…" and ‘…’.
//!
//! What a person said is the strongest sign that two articles report the same
//! moment, and what is quoted is translated with everyday words, so the aligner
//! treats evidence inside quotations on both sides as stronger, and links a
//! quotation to its speaker.

use crate::span::Span;

/// The spans (inside the quote marks) of the outermost quotations of `text`.
/// A quotation left open runs to the end of the text, as when an English
/// article continues a quote in the next paragraph.
pub fn quotations(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut open: Option<(char, usize)> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let next = chars.get(k + 1).map(|&(_, n)| n);
        match open {
            None => {
                if let Some(close) = closing_mark(c, prev, next) {
                    open = Some((close, i + c.len_utf8()));
                }
            }
            Some((close, start)) => {
                let closes = c == close && (c != '’' || !next.is_some_and(char::is_alphanumeric));
                if closes {
                    if i > start {
                        spans.push(Span::new(start, i));
                    }
                    open = None;
                }
            }
        }
    }
    if let Some((_, start)) = open.filter(|&(_, start)| start < text.len()) {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// The mark that closes a quotation opened by `c`, if `c` opens one here.
/// Straight quotes and ‘ open only at the start of a word, so apostrophes and
/// inch marks do not.
fn closing_mark(c: char, prev: Option<char>, next: Option<char>) -> Option<char> {
    let at_word_start =
        !prev.is_some_and(char::is_alphanumeric) && next.is_some_and(|n| !n.is_whitespace());
    match c {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‹' => Some('›'),
        '"' if at_word_start => Some('"'),
        '‘' if at_word_start => Some('’'),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        quotations(text).iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn finds_quotations_of_each_style() {
        assert_eq!(
            quoted("Il a dit « nous discuterons » hier."),
            [" nous discuterons "]
        );
        assert_eq!(
            quoted("He said “great victory” and “prospects”."),
            ["great victory", "prospects"]
        );
        assert_eq!(
            quoted("He said \"at least\" then ‘All issues’ on the table"),
            ["at least", "All issues"]
        );
        assert_eq!(quoted("„Ja“"), ["Ja"]);
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert_eq!(
            quoted("North Korea’s leader isn’t here, l’Ukraine"),
            Vec::<&str>::new()
        );
        assert_eq!(quoted("‘We won’t go,’ he said"), ["We won’t go,"]);
        assert_eq!(quoted("a 12\" pipe"), Vec::<&str>::new());
    }

    #[test]
    fn open_quotation_runs_to_the_end() {
        assert_eq!(
            quoted("“We believe with certainty"),
            ["We believe with certainty"]
        );
        assert_eq!(quoted("« »"), [" "]);
    }
}
