use super::chars::{LATIN_FOLDS, fold_char_with, is_word_char_by_unicode, latin_folds};
use super::folder::Folder;
use super::*;

#[test]
fn folds_the_differences_the_module_doc_lists() {
    let cases = [
        ("Kim Jong-un", "kim jong un"),
        ("KIM JONG UN", "kim jong un"),
        ("Sergueï Choïgou", "serguei choigou"),
        ("Serguei\u{0308} Cho\u{0308}i", "serguei choi"),
        ("l’Ukraine", "l ukraine"),
        ("d'Ukraine", "d ukraine"),
        ("Corée\u{a0}du\u{202f}Nord", "coree du nord"),
        ("Pou\u{ad}tine", "poutine"),
        ("\u{feff}Moscou", "moscou"),
        ("Vostochny Сosmodrome", "vostochny cosmodrome"),
        ("Путин", "путин"),
        ("Straße", "strasse"),
        ("ﬁnal", "final"),
        ("« C’est »", "c est"),
        ("U.S.", "u s"),
        ("122 mm", "122 mm"),
        ("Łódź", "lodz"),
        ("— obus —", "obus"),
        ("Cor&eacute;e&nbsp;du Nord", "coree du nord"),
        ("Vladimir&#160;Putin &amp; &#x4B;im", "vladimir putin kim"),
        ("AT&T; R&D &unknown; &", "at t r d unknown"),
    ];
    for (input, want) in cases {
        assert_eq!(fold_key(input), want, "fold of {input:?}");
    }
}

#[test]
fn one_word_folds_as_its_tokens_joined() {
    for word in [
        "Choïgou",
        "Straße",
        "Łódź",
        "POUTINE",
        "Сosmodrome",
        "aujourd’hui",
        "1ᵉʳ",
        "x",
    ] {
        let mut got = String::new();
        fold_word(word, &mut got);
        let want: String = fold(word).tokens().map(|(t, _)| t).collect();
        assert_eq!(got, want, "{word:?}");
    }
}

/// `fold` as it was before its ASCII fast path: every word through `fold_word`.
fn fold_by_words(text: &str) -> Folded {
    let mut out = Folder::with_capacity(text.len());
    let mut pos = 0;
    while pos < text.len() {
        let rest = &text[pos..];
        let word_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        if word_len == 0 {
            out.end_token();
            pos += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        out.fold_word(&rest[..word_len], pos);
        pos += word_len;
    }
    out.end_token();
    Folded {
        text: out.text,
        starts: out.starts,
        ends: out.ends,
    }
}

#[test]
fn the_ascii_fast_path_folds_as_the_general_one() {
    let pieces = [
        "a",
        "Z",
        "9",
        " ",
        ".",
        "-",
        "’",
        "é",
        "E\u{301}",
        "\u{301}",
        "\u{ad}",
        "\u{200b}",
        "С",
        "о",
        "ß",
        "ﬁ",
        "Ω",
        "\u{a0}",
        "Ł",
        "ǅ",
        "İ",
        "«",
        "\n",
        "Kim",
        "Jong-un",
        "l’Ukraine",
        "U.S.",
        "&",
        "&eacute;",
        "&#917;",
        "\t",
        "AT&T",
        "“",
        "\u{2060}",
        "½",
        "ª",
        "Œ",
        "\u{ad}",
        "ŉ",
    ];
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    for _ in 0..3000 {
        let mut text = String::new();
        for _ in 0..12 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(pieces[(x % pieces.len() as u64) as usize]);
        }
        let (fast, slow) = (fold(&text), fold_by_words(&text));
        let want: Vec<(String, Span)> = fast
            .tokens()
            .map(|(t, span)| (t.to_string(), span))
            .collect();
        let mut got: Vec<(String, Span)> = Vec::new();
        for_each_token(&text, |token, span| got.push((token.to_string(), span)));
        assert_eq!(got, want, "{text:?}");
        if !text.contains('&') {
            // `fold_by_words` knows no HTML entities.
            assert_eq!(
                (fast.text, fast.starts, fast.ends),
                (slow.text, slow.starts, slow.ends),
                "{text:?}"
            );
        }
    }
}

#[test]
fn kept_latin_folds_are_the_computed_ones() {
    for u in LATIN_FOLDS {
        let Some(c) = char::from_u32(u) else { continue };
        let mut direct = Vec::new();
        fold_char_with(c, false, &mut |out| direct.push(out));
        assert_eq!(latin_folds(c), Some(direct.as_slice()), "{c:?}");
    }
    assert_eq!(latin_folds('a'), None);
    for u in (0..0x300).chain(0x2000..0x2070) {
        let Some(c) = char::from_u32(u) else { continue };
        assert_eq!(is_word_char(c), is_word_char_by_unicode(c), "{c:?}");
    }
    assert_eq!(latin_folds('С'), None);
}

/// Found by `cargo fuzz run normalize`: `½` folded to the tokens `1` and
/// `2` with the same original span, so token spans overlapped.
#[test]
fn regression_fraction_folded_into_two_overlapping_tokens() {
    for (text, want) in [
        ("½", "12"),
        ("1½ an", "112 an"),
        ("⅓ Kim", "13 kim"),
        ("a⑴b", "a 1 b"),
    ] {
        assert_eq!(fold_key(text), want, "fold of {text:?}");
        let spans: Vec<Span> = fold(text).tokens().map(|(_, s)| s).collect();
        assert!(
            spans.windows(2).all(|w| w[0].end <= w[1].start),
            "{text:?}: {spans:?}"
        );
    }
}

/// Found by `cargo fuzz run normalize`: a Greek letter decoded from an
/// HTML entity inside a Latin word (`Cor&#917;e` → `corεe`, then `coree`).
#[test]
fn regression_lookalike_across_html_entity_not_idempotent() {
    for (text, want) in [
        ("ᾈi", "ai"),
        ("Σa", "oa"),
        ("Cor&#917;e", "coree"),
        ("Σ&eacute;", "oe"),
        ("Путин", "путин"),
    ] {
        assert_eq!(fold_key(text), want, "fold of {text:?}");
        let once = fold(text);
        assert_eq!(fold(once.as_str()).as_str(), once.as_str(), "{text:?}");
    }
    let text = "Cor&#917;e";
    let folded = fold(text);
    let tokens: Vec<(&str, &str)> = folded.tokens().map(|(t, s)| (t, s.of(text))).collect();
    assert_eq!(tokens, [("coree", text)]);
}

#[test]
fn padded_form_wraps_every_token() {
    assert_eq!(padded_key("Kim Jong-un"), " kim  jong  un ");
    assert_eq!(padded_key("..."), "");
}

#[test]
fn spans_point_at_original_bytes() {
    let text = "Selon l’Ukraine, Sergue\u{0308}i\u{ad} Сhoïgou.";
    let folded = fold(text);
    let tokens: Vec<(&str, &str)> = folded.tokens().map(|(t, s)| (t, s.of(text))).collect();
    assert_eq!(
        tokens,
        vec![
            ("selon", "Selon"),
            ("l", "l"),
            ("ukraine", "Ukraine"),
            ("serguei", "Sergue\u{0308}i\u{ad}"),
            ("choigou", "Сhoïgou"),
        ]
    );
}

#[test]
fn folding_is_idempotent_on_awkward_characters() {
    for text in [
        "Ἐº",
        "𐞇ὐ",
        "&eacute;",
        "&#769;",
        "&#x0;",
        "ꞏ",
        "Һº",
        "İstanbul",
        "⁗",
        "ǅ",
        "ﬀ",
        "Ⅻ",
        "㎏",
        "ŉ",
        "ẞ",
        "ᾈ",
    ] {
        let once = fold(text);
        let twice = fold(once.as_str());
        assert_eq!(once.as_str(), twice.as_str(), "{text:?}");
    }
}
