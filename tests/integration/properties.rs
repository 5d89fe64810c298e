//! Properties that hold for any input text.

use std::sync::OnceLock;

use entente::{Lang, Lexicon, TagOptions, Tagger};
use proptest::prelude::*;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(Lexicon::builtin(), TagOptions::default()))
}

/// Text made of lexicon-ish words, accents, quotes, odd spaces and other scripts.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Poutine",
        "Putin",
        "Kim Jong-un",
        "Corée du Nord",
        "l’Ukraine",
        "Сosmodrome",
        "Vostochny",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\n",
        "« ",
        " »",
        "“",
        "”",
        "'",
        "-",
        "—",
        ".",
        ",",
        "e\u{301}",
        "\u{ad}",
        "\u{feff}",
        "ﬁ",
        "Ⅻ",
        "US",
        "us",
        "UN",
        "un",
        "ß",
        "İ",
        "Путин",
        "東京",
        "🙂",
        "Choïgou",
        "Sergueï",
        "2 millions",
        "juillet",
        "Cor&eacute;e",
        "&amp;",
        "&",
        "Œuvre",
        "½",
    ]);
    (prop::collection::vec(pieces, 0..40), any::<String>()).prop_map(|(v, tail)| v.concat() + &tail)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn mentions_slice_the_original_text(text in texty(), french in any::<bool>()) {
        let lang = if french { Lang::Fr } else { Lang::En };
        let mentions = tagger().tag(&text, lang);
        let mut last_end = 0;
        for m in &mentions {
            prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
            prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
            prop_assert!(m.span.start >= last_end, "mentions overlap or are out of order");
            last_end = m.span.end;
        }
    }
}

/// The bullet markers a statement span may leave out (see `segment`).
const BULLET_MARKERS: &[char] = &['•', '-', '*', '–', '·', '▪'];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn folding_is_idempotent(text in texty()) {
        let once = entente::normalize::fold(&text);
        let twice = entente::normalize::fold(once.as_str());
        prop_assert_eq!(once.as_str(), twice.as_str());
        for (_, span) in once.tokens() {
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end) && span.end <= text.len());
        }
    }

    /// The tagger's streaming tokenizer (fast paths for ASCII and accented
    /// Latin words) gives exactly the tokens of the full folding.
    #[test]
    fn streamed_tokens_are_the_folded_ones(text in texty()) {
        let folded = entente::normalize::fold(&text);
        let want: Vec<(String, entente::Span)> =
            folded.tokens().map(|(t, span)| (t.to_string(), span)).collect();
        let mut got = Vec::new();
        entente::normalize::for_each_token(&text, |t, span| got.push((t.to_string(), span)));
        prop_assert_eq!(got, want);
    }

    /// Statements are in order, do not overlap, lie on char boundaries and
    /// together cover every character but whitespace and bullet markers.
    #[test]
    fn statements_tile_the_text(text in texty(), french in any::<bool>()) {
        let lang = if french { Lang::Fr } else { Lang::En };
        let statements = entente::segment::Segmenter::new().segment(&text, lang);
        let mut covered = vec![false; text.len()];
        let mut last_end = 0;
        for st in &statements {
            let span = st.span;
            prop_assert!(span.start >= last_end && span.start < span.end && span.end <= text.len());
            prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
            covered[span.start..span.end].iter_mut().for_each(|c| *c = true);
            last_end = span.end;
        }
        for (i, c) in text.char_indices() {
            if !covered[i] {
                prop_assert!(c.is_whitespace() || c == '\u{feff}' || BULLET_MARKERS.contains(&c), "{:?} at {} is in no statement", c, i);
            }
        }
    }

    /// Aligning twice gives the same links, scores and evidence.
    #[test]
    fn alignment_is_deterministic(left in texty(), right in texty()) {
        let aligner = entente::align::Aligner::new(tagger().clone(), Default::default());
        let run = || {
            let l = aligner.analyse(&left, Lang::Fr);
            let r = aligner.analyse(&right, Lang::En);
            aligner.align(&l, &r)
        };
        let first = run();
        prop_assert_eq!(&first, &run());
        for link in &first.links {
            prop_assert!((0.0..=1.0).contains(&link.score));
        }
    }
}

#[test]
fn cli_output_is_the_same_bytes_twice() {
    use super::util::*;
    for args in [
        vec!["tag", "--format", "json", "seeds/002-en.txt"],
        vec![
            "align",
            "--format",
            "json",
            "seeds/000-fr.txt",
            "seeds/004-en.txt",
        ],
        vec![
            "align",
            "--format",
            "html",
            "seeds/000-fr.txt",
            "seeds/001-en.txt",
        ],
    ] {
        let first = stdout_ok(&entente(&args));
        assert_eq!(first, stdout_ok(&entente(&args)), "{args:?}");
    }
}
