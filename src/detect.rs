//! Telling French from English by their most frequent words, the language
//! markers of `data/{fr,en}/language-markers.txt`.
//!
//! News texts are long enough that counting the most frequent short words of
//! each language is reliable; names, numbers and quotes in the other language
//! rarely tip it. When the counts are too close, the detection says it is
//! unsure, so the caller can tell the user to set it (`--lang`, `--left-lang`…).

use std::sync::OnceLock;

use crate::data::WordSet;
use crate::data::{EN_MARKERS, FR_MARKERS};
use crate::normalize::fold;
use crate::span::Lang;

/// The folded words counted as evidence for `lang`: frequent in it, rare in
/// the other language. Mostly function words, but a list of its own: the
/// whole function-word lists would count rarer words and change every count
/// shown to the user.
fn markers(lang: Lang) -> &'static WordSet {
    static FR: OnceLock<WordSet> = OnceLock::new();
    static EN: OnceLock<WordSet> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| WordSet::of(FR_MARKERS)),
        Lang::En => EN.get_or_init(|| WordSet::of(EN_MARKERS)),
    }
}

/// The outcome of language detection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Detection {
    /// The language chosen (English when nothing tells them apart).
    pub lang: Lang,
    /// False when the evidence was too thin or too balanced to trust.
    pub confident: bool,
    /// French function words counted.
    pub french_hits: usize,
    /// English function words counted.
    pub english_hits: usize,
}

/// Detects whether `text` is French or English.
pub fn detect(text: &str) -> Detection {
    let (mut fr, mut en) = (0usize, 0usize);
    // Long texts: the first 64 KiB decide, on a char boundary.
    let mut cut = text.len().min(64 * 1024);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let (french, english) = (markers(Lang::Fr), markers(Lang::En));
    for (token, _) in fold(&text[..cut]).tokens() {
        fr += usize::from(french.contains(token));
        en += usize::from(english.contains(token));
    }
    let lang = if fr > en { Lang::Fr } else { Lang::En };
    let (hi, lo) = (fr.max(en), fr.min(en));
    let confident = hi >= 3 && hi >= 2 * lo;
    Detection {
        lang,
        confident,
        french_hits: fr,
        english_hits: en,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_seeds_apart() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/");
        for (file, lang) in [
            ("000-fr.txt", Lang::Fr),
            ("001-en.txt", Lang::En),
            ("002-en.txt", Lang::En),
            ("003-en.txt", Lang::En),
            ("004-en.txt", Lang::En),
        ] {
            let text = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
            let d = detect(&text);
            assert_eq!(d.lang, lang, "{file}");
            assert!(d.confident, "{file}: {d:?}");
        }
    }

    #[test]
    fn short_sentences() {
        assert_eq!(
            detect("Le président est arrivé à Moscou avec sa délégation.").lang,
            Lang::Fr
        );
        assert_eq!(
            detect("The president arrived in Moscow with his delegation.").lang,
            Lang::En
        );
    }

    /// The markers tell the languages apart: none counts for both. Two are
    /// also function words of the other language, kept as the counts were
    /// tuned with them: `a` counts for French (French "a", "à") though it is
    /// the English article, and `or` for English though French has "or".
    #[test]
    fn markers_count_for_one_language() {
        let (fr, en) = (markers(Lang::Fr), markers(Lang::En));
        assert!(fr.iter().count() > 40 && en.iter().count() > 40);
        assert!(fr.iter().all(|w| !en.contains(w)), "a marker of both");
        let mut crossing: Vec<&str> = fr
            .iter()
            .filter(|w| crate::data::function_words(Lang::En).contains(w))
            .chain(
                en.iter()
                    .filter(|w| crate::data::function_words(Lang::Fr).contains(w)),
            )
            .collect();
        crossing.sort();
        assert_eq!(crossing, ["a", "or"]);
    }

    #[test]
    fn no_evidence_is_not_confident() {
        let d = detect("Kim Jong Un, Vladimir Putin");
        assert!(!d.confident);
        assert_eq!(d.lang, Lang::En);
        assert!(!detect("").confident);
    }
}
