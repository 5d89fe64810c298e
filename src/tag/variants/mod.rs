//! Variant matching beyond the lexicon: French and English romanisations of
//! one name meet.
//!
//! No lexicon lists every spelling. Le Monde and AFP write *Evgueni Prigojine*,
//! *Tcheliabinsk* and *Kim Jong-un*; Reuters, AP and the BBC write *Yevgeny
//! Prigozhin*, *Chelyabinsk* and *Kim Jong Un*. The two press traditions
//! romanise Cyrillic, Korean, Arabic and Persian by regular rules, so instead of
//! listing spellings we reduce every name token to a **transliteration key**
//! that both spellings share, and look the text's capitalised words up by key.
//!
//! A wrong link is worse than a missing one (a user trusts what the tool shows),
//! so the matcher is deliberately narrow: every token of a lexicon name must be
//! found, given names are never approximated, short or sentence-initial words
//! only match exactly, and a mention that is equally close to two entities
//! links to neither.
//!
//! | module | what it does |
//! |---|---|
//! | `words` | the word lists it reads from `data/`: name particles, and the common words, titles and calendar words that never link alone |
//! | `key` | transliteration keys: a name's tokens, folded to ASCII and rewritten so that both traditions meet |
//! | `fuzzy` | bounded edit distance between keys, and the deletion hashes that find close keys |
//! | `index` | [`VariantIndex`]: the lexicon's names by first token key, fuzzy key and person |
//! | `scan` | the text's candidate names: runs of capitalised words, folded and keyed |
//! | `matching` | full names, then surnames alone, behind guards; the decision |

mod fuzzy;
mod index;
mod key;
mod matching;
mod scan;
pub(crate) mod words;

#[cfg(test)]
mod tests;

pub(crate) use fuzzy::osa_within;
pub(crate) use index::VariantIndex;

use crate::span::{Lang, Span};

/// How a variant was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VariantKind {
    /// Equal transliteration keys (or equal folded spellings), token by token.
    Translit,
    /// Within a small edit distance of a long token.
    Fuzzy,
}

/// One variant mention found in a text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct VariantMatch {
    /// Byte offsets into the text given to [`VariantIndex::find`].
    pub(crate) span: Span,
    /// The id of the lexicon name it matched (as given to [`VariantIndex::new`]).
    pub(crate) name: usize,
    /// How it was recognised.
    pub(crate) kind: VariantKind,
    /// In (0, 1]: 0.9 for a full name by key, 0.8 for a surname alone by key,
    /// 0.15 less for a first edit and 0.1 less for each further one.
    pub(crate) confidence: f32,
}

/// One lexicon name as the index sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IndexedName<'a> {
    /// Id reported back in [`VariantMatch::name`].
    pub(crate) id: usize,
    /// Entity id: tells whether two names are the same entity, and matches
    /// [`Known::entity`].
    pub(crate) entity: &'a str,
    /// The name as written in the lexicon.
    pub(crate) name: &'a str,
    /// The language the name is spelt in; `None` for names valid in both.
    pub(crate) lang: Option<Lang>,
    /// True for people: only they get surname-alone matches, and only their
    /// last token may be approximated.
    pub(crate) is_person: bool,
}

/// A mention the lexicon search already found: variants never overlap it,
/// and a person's full name in it lets the surname alone link elsewhere in
/// the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Known<'a> {
    /// Where it is in the text.
    pub(crate) span: Span,
    /// Its entity id when it is a person (as in [`IndexedName::entity`]);
    /// the caller may leave it empty for other mentions, which costs no look-up.
    pub(crate) entity: &'a str,
}

/// The transliteration key of one word of a name in `lang` (ASCII): equal
/// keys are spellings of the same name by the two presses (`Prigojine`,
/// `Prigozhin`). For names outside the lexicon, which the aligner pairs.
pub(crate) fn word_key(word: &str, lang: crate::span::Lang) -> String {
    let mut folded = String::new();
    key::fold_ascii(word, &mut folded);
    let mut out = String::new();
    key::key_with(&folded, lang, &mut out, &mut Vec::new());
    out
}

/// True for a folded word that is a function word, title or calendar word
/// of either language: never a name on its own.
pub(crate) fn is_common_word(folded: &str) -> bool {
    words::common_words().contains(folded)
}
