//! Rule 9 (no input panics, linear time) and property tests over any string.

use super::*;
use proptest::prelude::*;
use std::time::{Duration, Instant};

// ---- rule 9: robustness and linear time ----------------------------------

#[test]
fn rule9_odd_inputs_do_not_panic() {
    let odd = [
        "\0",
        "\u{301}",
        ".\u{301}",
        ". \u{301}A",
        "•",
        "• ",
        "-\n-",
        "\r",
        "\r\n\r\n",
        "...",
        "?!",
        "«",
        "»",
        "[",
        "[1]",
        ".[",
        ".[1",
        ".[1]",
        "\u{2029}",
        "\u{FEFF}",
        "a.\u{FEFF}B",
        "\0.\0 A",
        "\u{1}\u{7f}\u{9c}",
        "A. ",
        " .A",
        "“",
        "”. ”",
        "\" \" \"",
        "(((",
        ")))",
        ". . . .",
        "M.",
        "U.S.",
        "J.-C.",
        "é.É",
        "\u{85}x.\u{85}",
        "\u{0B}\u{0C}",
        "x\u{2028}\u{2029}y",
        "日本語。次",
        "שלום. עולם",
        "\u{10FFFF}.\u{10FFFF}",
    ];
    for text in odd {
        for lang in [Lang::En, Lang::Fr] {
            segment(text, lang);
        }
    }
}

/// Segments a large input, checking the invariants and a time bound
/// that only a super-linear scan would miss; returns the count.
fn segment_large(text: &str, limit: Duration) -> usize {
    let started = Instant::now();
    let statements = segmenter().segment(text, Lang::En);
    let elapsed = started.elapsed();
    assert!(elapsed < limit, "{} bytes took {elapsed:?}", text.len());
    assert_eq!(check_invariants(text, &statements), Ok(()));
    statements.len()
}

#[test]
fn rule9_large_inputs_are_linear() {
    let limit = Duration::from_secs(20);
    let cases = [
        ("no punctuation", "word ".repeat(400_000), 1),
        ("one token", "a".repeat(1 << 20), 1),
        (
            "bullets",
            "  • An item. And more\n".repeat(100_000),
            200_000,
        ),
        (
            "open quotes",
            "« ".repeat(200_000) + &"\"a. B. ".repeat(50_000),
            50_000,
        ),
        ("initials", "A. ".repeat(200_000), 1),
        ("brackets", "]".repeat(200_000) + &"[1".repeat(200_000), 1),
        ("acronyms", "U.S. The ".repeat(100_000), 100_001),
        ("wrapped lines", "a\n".repeat(300_000), 1),
        ("dots", ".".repeat(1 << 19) + &" ".repeat(1 << 19) + "A", 1),
        ("closed quotes", "“A. B.” ".repeat(100_000), 100_000),
    ];
    for (name, text, expected) in &cases {
        assert_eq!(segment_large(text, limit), *expected, "{name}");
    }
}

/// The brief's size: run with `cargo test -- --ignored` (a few seconds
/// in a debug build, ~0.15 s in release).
#[test]
#[ignore]
fn rule9_twenty_megabytes() {
    let text = "mot ".repeat(5_000_000);
    assert_eq!(segment_large(&text, Duration::from_secs(60)), 1);
}

// ---- properties -----------------------------------------------------------

/// Pieces that make the scanner's decisions interesting.
const FRAGMENTS: &[&str] = &[
    "Hello", "world", "the", "The", "Il", "L’", "Mr", "M", "U.S", "J", ".-C", "etc", "p", "a", "é",
    "É", "3.5", "12", ".", "!", "?", "…", "...", ":", ",", " ", "\u{A0}", "\u{202F}", "\t", "\n",
    "\n\n", "\r\n", "\r", "\u{2029}", "\u{2028}", "\u{FEFF}", "«", "»", "“", "”", "\"", "'", "’",
    "(", ")", "[", "]", "[12]", "• ", "- ", "* ", "–", "  ", "\u{301}", "\0", "日本",
];

/// Strings assembled from [`FRAGMENTS`].
fn newsy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..80).prop_map(|v| v.concat())
}

proptest! {
    #[test]
    fn prop_invariants_on_any_string(text in any::<String>()) {
        for lang in [Lang::En, Lang::Fr] {
            let st = segmenter().segment(&text, lang);
            prop_assert_eq!(check_invariants(&text, &st), Ok(()));
        }
    }

    #[test]
    fn prop_invariants_on_newsy_strings(text in newsy()) {
        for lang in [Lang::En, Lang::Fr] {
            let st = segmenter().segment(&text, lang);
            prop_assert_eq!(check_invariants(&text, &st), Ok(()));
        }
    }

    /// Statements never reach across a blank line: segmenting the two
    /// halves apart gives the same statements.
    #[test]
    fn prop_blank_lines_separate(a in newsy(), b in newsy()) {
        let text = format!("{a}\n\n{b}");
        let whole: Vec<(usize, usize)> =
            segmenter().segment(&text, Lang::En).iter().map(|s| (s.span.start, s.span.end)).collect();
        let offset = a.len() + 2;
        let parts: Vec<(usize, usize)> = segmenter().segment(&a, Lang::En).iter().map(|s| (s.span.start, s.span.end))
            .chain(segmenter().segment(&b, Lang::En).iter().map(|s| (s.span.start + offset, s.span.end + offset)))
            .collect();
        prop_assert_eq!(whole, parts);
    }
}
