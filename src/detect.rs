//! Telling French from English by their function words.
//!
//! News texts are long enough that counting the most frequent short words of
//! each language is reliable; names, numbers and quotes in the other language
//! rarely tip it. When the counts are too close, the detection says it is
//! unsure, so the caller can tell the user to set `--lang`.

use crate::normalize::fold;
use crate::span::Lang;

/// Frequent French words that are not English words (folded: no accents).
const FRENCH: &[&str] = &[
    "le", "la", "les", "des", "du", "une", "et", "est", "sont", "dans", "pour", "que", "qui",
    "sur", "au", "aux", "avec", "pas", "ne", "ce", "cette", "ces", "il", "elle", "ils", "nous",
    "vous", "sa", "son", "ses", "leur", "leurs", "mais", "ou", "selon", "a", "ont", "aurait", "d",
    "l", "qu", "entre", "depuis", "apres", "avant", "lors", "deux", "plus", "tres", "aussi", "ete",
    "etre", "avoir", "fait",
];

/// Frequent English words that are not French words.
const ENGLISH: &[&str] = &[
    "the", "and", "of", "to", "is", "was", "were", "that", "for", "on", "with", "as", "by", "at",
    "from", "his", "her", "their", "they", "he", "she", "it", "its", "have", "has", "had", "be",
    "been", "this", "which", "who", "would", "will", "an", "in", "after", "before", "said", "not",
    "but", "or", "about", "two", "more", "also", "s", "are", "we", "our",
];

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
    for (token, _) in fold(&text[..cut]).tokens() {
        fr += usize::from(FRENCH.contains(&token));
        en += usize::from(ENGLISH.contains(&token));
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

    #[test]
    fn no_evidence_is_not_confident() {
        let d = detect("Kim Jong Un, Vladimir Putin");
        assert!(!d.confident);
        assert_eq!(d.lang, Lang::En);
        assert!(!detect("").confident);
    }
}
