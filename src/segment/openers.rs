//! Sentence openers (rule 5): after a *suffix* abbreviation, a dotted acronym
//! or an initial, a word that commonly opens a sentence (`The`, `Il`, `L’`)
//! means the sentence did end. Read from
//! `data/segment/{en,fr}-sentence-openers.tsv`.

use std::collections::HashSet;

use super::chars::is_open_quote;
use crate::data::rows;
use crate::data::{EN_OPENERS, FR_OPENERS};
use crate::normalize::is_word_char;
use crate::span::Lang;

/// Longest word (in chars) compared with the sentence-opener list.
const MAX_OPENER_CHARS: usize = 16;

/// What kind of opener a row is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Kind {
    /// A whole word (`The`, `Le`).
    Word,
    /// An elided word, an opener before an apostrophe (`L` of `L’empire`).
    Elided,
}

/// The sentence openers of one language, as written (capitalised).
#[derive(Debug)]
pub(super) struct Openers {
    /// Words that commonly open a sentence.
    words: HashSet<&'static str>,
    /// Elided words that open a sentence before an apostrophe.
    elided: HashSet<&'static str>,
}

impl Openers {
    /// The openers of `lang`, from its data file.
    pub(super) fn of(lang: Lang) -> Openers {
        let file = match lang {
            Lang::En => EN_OPENERS,
            Lang::Fr => FR_OPENERS,
        };
        let (mut words, mut elided) = (HashSet::new(), HashSet::new());
        for (word, kind) in entries(file).filter_map(Result::ok) {
            match kind {
                Kind::Word => words.insert(word),
                Kind::Elided => elided.insert(word),
            };
        }
        Openers { words, elided }
    }

    /// True when the word at byte `k` of `s` is one that commonly opens a
    /// sentence, or an opening quote: evidence that an abbreviation closed
    /// the previous sentence.
    pub(super) fn opens_sentence_at(&self, s: &str, k: usize) -> bool {
        let Some(rest) = s.get(k..) else { return false };
        if rest.chars().next().is_some_and(is_open_quote) {
            return true;
        }
        let mut end = 0;
        let mut follow = None;
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if !is_word_char(c) {
                follow = Some(c);
                break;
            }
            if n >= MAX_OPENER_CHARS {
                return false;
            }
            end = i + c.len_utf8();
        }
        let word = &rest[..end];
        match follow {
            _ if word.is_empty() => false,
            Some('.') => false, // another initial or abbreviation: `J. R. R.`
            Some('\'' | '’') if self.elided.contains(word) => true,
            _ => self.words.contains(word),
        }
    }
}

/// The rows of an opener table: the word as written and its kind, or what
/// is wrong with the row (at its line).
fn entries(file: &'static str) -> impl Iterator<Item = Result<(&'static str, Kind), String>> {
    rows(file).map(|(line, fields)| {
        let [word, kind] = fields[..] else {
            return Err(format!("line {line}: expected 2 tab-separated fields"));
        };
        let kind = match kind {
            "word" => Kind::Word,
            "elided" => Kind::Elided,
            _ => return Err(format!("line {line}: unknown kind {kind:?} (word, elided)")),
        };
        let capitalised = word.chars().next().is_some_and(char::is_uppercase);
        if !capitalised || !word.chars().all(is_word_char) {
            return Err(format!("line {line}: {word:?} is not a capitalised word"));
        }
        Ok((word, kind))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_without_duplicates() {
        for (name, file) in [
            ("en-sentence-openers.tsv", EN_OPENERS),
            ("fr-sentence-openers.tsv", FR_OPENERS),
        ] {
            let mut seen = HashSet::new();
            for entry in entries(file) {
                let (word, kind) = entry.unwrap_or_else(|e| panic!("data/segment/{name}: {e}"));
                assert!(
                    seen.insert((word, kind)),
                    "data/segment/{name}: {word:?} twice"
                );
            }
            assert!(seen.len() > 90, "data/segment/{name}: {} rows", seen.len());
        }
    }

    #[test]
    fn openers_are_matched_as_written() {
        let fr = Openers::of(Lang::Fr);
        for (text, opens) in [
            ("Le front", true),
            ("L’empire", true),
            ("L'empire", true),
            ("L empire", false),
            ("À Paris", true),
            ("LE FRONT", false),
            ("Lepic", false),
            ("« Non »", true),
            ("J. R. R.", false),
        ] {
            assert_eq!(fr.opens_sentence_at(text, 0), opens, "{text:?}");
        }
        let en = Openers::of(Lang::En);
        assert!(en.opens_sentence_at("x The end", 2));
        assert!(
            !en.opens_sentence_at("L’empire", 0),
            "no elisions in English"
        );
    }

    /// The opener is the whole word, as [`is_word_char`] says for every stage:
    /// a decomposed accent (`Le\u{301}on`, NFD `Léon`) belongs to the word as
    /// the composed `é` does, so neither reads as the opener `Le`; nor does a
    /// word with a digit glued to it.
    #[test]
    fn an_opener_is_a_whole_word() {
        let fr = Openers::of(Lang::Fr);
        for text in ["Léon", "Le\u{301}on", "Le2", "Il\u{ad}lustre"] {
            assert!(!fr.opens_sentence_at(text, 0), "{text:?}");
        }
    }
}
