//! Properties that hold for any input text.

use std::sync::{Arc, OnceLock};

use entente::{Lang, Lexicon, TagOptions, Tagger};
use proptest::prelude::*;

fn tagger() -> &'static Tagger {
    static TAGGER: OnceLock<Tagger> = OnceLock::new();
    TAGGER.get_or_init(|| Tagger::new(Arc::new(Lexicon::builtin().clone()), TagOptions::default()))
}

/// Text made of lexicon-ish words, accents, quotes, odd spaces and other scripts.
fn texty() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Poutine", "Putin", "Kim Jong-un", "Corée du Nord", "l’Ukraine", "Сosmodrome", "Vostochny", " ", "\u{a0}",
        "\u{202f}", "\n", "« ", " »", "“", "”", "'", "-", "—", ".", ",", "e\u{301}", "\u{ad}", "\u{feff}", "ﬁ", "Ⅻ",
        "US", "us", "UN", "un", "ß", "İ", "Путин", "東京", "🙂", "Choïgou", "Sergueï", "2 millions", "juillet",
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
