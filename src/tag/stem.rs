//! Stemmed matching of TERM names: one lexicon row (`inondation`, `flood`,
//! `catastrophe naturelle`) also finds the inflected forms of its words
//! (`inondations`, `flooded`, `catastrophes naturelles`).
//!
//! A word's *stem key* is its Snowball stem (French or English, from the
//! `rust-stemmers` crate): the word as written, lower-cased, stemmed, then
//! folded like every token ([`fold_word`]). A TERM name's words get the stem
//! key of the name's language, a text's words that of the text's language. A
//! text word matches a name's word when the two have the same stem key and
//! differ only by an inflectional ending ([`inflections_agree`]): Snowball
//! also strips derivational suffixes (`emerging` and `emergency`, `traité` and
//! `traitement` share a stem), which would link unrelated claims. Names are
//! matched word by word: a name's function words (`d'`, `of`) and its words
//! without a usable stem stay as they are and must be found as they are.
//!
//! Guards, since a stem conflates more than inflections (`according` and
//! `accord`, French `entre` and `entrer`):
//!
//! - only TERM names written in lower case are stemmed (entity names, acronyms
//!   and other capitalised names match as listed), only in their own language,
//!   and not a name marked `match=exact` in the lexicon;
//! - a stem needs [`STEM_MIN_LETTERS`] letters: shorter stems (`tu` of `tuer`,
//!   `war`) say too little, so those words match only as listed;
//! - a function word (`data/{fr,en}/function-words.txt`) is never stemmed, nor
//!   a word whose stem is a function word;
//! - a form of names of two entities (`vents`, of `vent` and `vente`) finds
//!   neither: the tagger cannot tell which is meant (`lexicon check` warns
//!   about such names).
//!
//! Stemming every word of a text would cost more than the rest of tagging,
//! so the work is done when the tagger is built ([`add_forms`]): each stemmed
//! name goes into the trie again with its words replaced by the other words
//! of the names that share their stem keys and inflect them (`état d'urgence`
//! as `états d'urgence` when `états` is a name's word). A text word that no
//! name has is stemmed, once per distinct word and only when its first four
//! letters could start a name's stem key, and stands in for a name's word of
//! its stem that it inflects (`inondations` for `inondation`). Exact names win at equal
//! spans (a form that is also a name as listed is that name), and matches
//! are leftmost-longest over both, as for names as listed.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::trie::{Token, TokenTrie};
use crate::data::function_words;
use crate::lexicon::{EntityType, Lexicon, MATCH_COLUMN, MATCH_EXACT, Name};
use crate::normalize::{fold_word, for_each_token, is_word_char};
use crate::span::Lang;

/// A stemmed match needs a stem of at least this many letters (folded):
/// `tu` (of `tuer`, `tuant`), `élu`, `war` say too little to stand for every
/// word that shares them.
pub(crate) const STEM_MIN_LETTERS: usize = 4;

/// Confidence of a mention found through stems. An inflected form is nearly
/// always the lemma's own word, but Snowball also conflates a few unrelated
/// words that the guards and `lexicon check` do not catch; a stemmed match is
/// as sure as a full name matched through transliteration keys (0.9), just
/// below a name as listed (1.0).
pub(crate) const CONF_STEM: f32 = 0.9;

/// The stem key of `word` (as written in a text or a name) in `lang`, or
/// `None` when the word is not stemmed: not a plain word (digits, an HTML
/// entity…), a function word, or a stem too short or that is a function word.
/// `buf` holds the working strings; the key is borrowed from it.
pub(crate) fn stem_key<'b>(word: &str, lang: Lang, buf: &'b mut StemBuf) -> Option<&'b str> {
    let StemBuf { lower, folded, key } = buf;
    lower.clear();
    if word.is_ascii() {
        if !word.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        lower.push_str(word);
        lower.make_ascii_lowercase();
    } else {
        use unicode_normalization::UnicodeNormalization;
        for c in word.nfc() {
            if c.is_alphabetic() {
                lower.extend(c.to_lowercase());
            } else if c.is_numeric() || !is_word_char(c) {
                return None;
            }
            // Combining marks left by NFC and invisible characters: nothing.
        }
    }
    folded.clear();
    fold_word(lower, folded);
    let function_words = function_words(lang);
    if folded.len() < STEM_MIN_LETTERS || function_words.contains(folded) {
        return None;
    }
    let stem = stemmer(lang).stem(lower);
    key.clear();
    fold_word(&stem, key);
    (key.chars().count() >= STEM_MIN_LETTERS && !function_words.contains(key)).then_some(&**key)
}

/// True when the stem search takes name `name` of an entry of type `kind`:
/// a TERM name written in lower case and not marked `match=exact`.
pub(crate) fn is_stemmed(name: &Name, kind: EntityType) -> bool {
    kind == EntityType::Term
        && !name.text.chars().any(char::is_uppercase)
        && name
            .extra
            .get(MATCH_COLUMN)
            .is_none_or(|m| m != MATCH_EXACT)
}

/// One word of a name as the stem search sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct StemToken {
    /// Its stem key, or the folded word itself when it has none.
    pub(crate) key: String,
    /// The folded word.
    pub(crate) folded: String,
    /// True when `key` is a stem.
    pub(crate) stemmed: bool,
    /// The word as the name writes it.
    pub(crate) spelled: String,
}

/// The words of name `text` in `lang` as the stem search sees them, or
/// `None` when no word has a stem (the name matches as listed only).
pub(crate) fn stem_tokens(text: &str, lang: Lang, buf: &mut StemBuf) -> Option<Vec<StemToken>> {
    let mut tokens = Vec::new();
    for_each_token(text, |folded, span| {
        let spelled = &text[span.start..span.end];
        let key = stem_key(spelled, lang, buf);
        tokens.push(StemToken {
            stemmed: key.is_some(),
            key: key.unwrap_or(folded).to_string(),
            folded: folded.to_string(),
            spelled: spelled.to_string(),
        });
    });
    tokens.iter().any(|t| t.stemmed).then_some(tokens)
}

/// The working strings of [`stem_key`], reused from word to word.
#[derive(Debug, Default)]
pub(crate) struct StemBuf {
    lower: String,
    folded: String,
    key: String,
}

fn stemmer(lang: Lang) -> Stemmer {
    Stemmer::create(match lang {
        Lang::Fr => Algorithm::French,
        Lang::En => Algorithm::English,
    })
}

/// True when the folded words `a` and `b` differ only by inflection: a
/// common part of at least [`COMMON_MIN_LETTERS`] letters, then two endings
/// of one paradigm of `data/{fr,en}/inflections.tsv` (`inondation`,
/// `inondations`; `arrêter`, `arrêtés`; `country`, `countries`), not by a
/// derivational suffix that Snowball also strips (`traité`, `traitement`;
/// `emerging`, `emergency`). The common part may give back up to three
/// letters to the endings (`journal`, `journaux` is `journ` + `al`, `aux`),
/// and a consonant doubled before an ending counts once (`stop`, `stopped`).
pub(crate) fn inflections_agree(a: &str, b: &str, lang: Lang) -> bool {
    if a == b {
        return true;
    }
    let common = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    let paradigms = paradigms(lang);
    fn endings(word: &str, at: usize) -> [Option<&str>; 2] {
        let rest = &word[at..];
        let before = word[..at].chars().next_back();
        // A consonant doubled before the ending counts once.
        let undoubled = rest
            .chars()
            .next()
            .filter(|&c| Some(c) == before && !"aeiouy".contains(c))
            .map(|c| &rest[c.len_utf8()..]);
        [Some(rest), undoubled]
    }
    let mut at = common;
    for _ in 0..=3 {
        if at < COMMON_MIN_LETTERS || !a.is_char_boundary(at) || !b.is_char_boundary(at) {
            break;
        }
        for x in endings(a, at).into_iter().flatten() {
            for y in endings(b, at).into_iter().flatten() {
                if paradigms
                    .get(x)
                    .zip(paradigms.get(y))
                    .is_some_and(|(x, y)| x & y != 0)
                {
                    return true;
                }
            }
        }
        at -= 1;
    }
    false
}

/// For each inflectional ending of `lang`, a bit for each paradigm it is in.
fn paradigms(lang: Lang) -> &'static FxHashMap<&'static str, u64> {
    static FR: OnceLock<FxHashMap<&'static str, u64>> = OnceLock::new();
    static EN: OnceLock<FxHashMap<&'static str, u64>> = OnceLock::new();
    let build = || {
        let mut bits = FxHashMap::default();
        for (row, endings) in crate::data::inflections(lang).iter().enumerate().take(64) {
            for &ending in endings {
                *bits.entry(ending).or_insert(0) |= 1 << row;
            }
        }
        bits
    };
    match lang {
        Lang::Fr => FR.get_or_init(build),
        Lang::En => EN.get_or_init(build),
    }
}

/// The part two words share before their endings needs at least this many
/// letters (`cit` of `city`, `cities`).
const COMMON_MIN_LETTERS: usize = 3;

/// Bits of the prefilter: 64 Ki bits (8 KiB, in the processor's first cache).
const PREFIX_BITS: u32 = 16;

#[inline]
fn prefix_bit(token: &str) -> Option<usize> {
    let bytes: [u8; 4] = token.as_bytes().get(..4)?.try_into().ok()?;
    let hash = u32::from_le_bytes(bytes).wrapping_mul(0x9E37_79B1);
    Some((hash >> (32 - PREFIX_BITS)) as usize)
}

/// A stemmed match needs a name of no more than this many other forms: the
/// forms of a name are the product of its words' forms, and a few names of
/// several common words would otherwise make thousands.
const MAX_FORMS: usize = 64;

/// No name: the form is a form of names of two entities.
const AMBIGUOUS: u32 = u32::MAX;

/// The words of the stemmed TERM names of one language, by stem key, for
/// the words of a text that no name lists.
#[derive(Clone, Debug, Default)]
pub(super) struct StemWords {
    /// For each stem key, the words of the names that have it.
    by_key: FxHashMap<Box<str>, Vec<StemWord>>,
    /// A bit per hash of the first four bytes of each stem key: a word whose
    /// first four bytes have no bit has no name's stem.
    prefixes: Vec<u64>,
}

/// A word of the TERM names, under its stem key.
#[derive(Clone, Debug)]
struct StemWord {
    /// Folded.
    word: Box<str>,
    /// Its token in the tagger's trie; none for a word of `match=exact`
    /// names only: it finds no other forms, but keeps its forms from being
    /// taken for another entity's.
    token: Option<Token>,
    /// The entity whose one-word name it is ([`NO_ENTITY`], or
    /// [`AMBIGUOUS`] for several): a word standing alone means that entity.
    alone: u32,
}

/// A word of the names while the forms are made: (folded word, alone, stands
/// in), as in [`StemWord`]; it stands in when a stemmed name has it.
type NameWord = (Box<str>, u32, bool);

/// No entity has the word as a one-word name.
const NO_ENTITY: u32 = u32::MAX - 1;

/// The one entity (or [`NO_ENTITY`]) that a word inflecting `folded` means
/// when it stands alone, among `same` (the words of one stem key); `None`
/// when the words it inflects are one-word names of two entities.
fn alone_reading<'w>(
    same: impl Iterator<Item = (&'w str, u32)>,
    folded: &str,
    lang: Lang,
) -> Option<u32> {
    let mut reading = NO_ENTITY;
    for (word, alone) in same {
        if alone == NO_ENTITY || !inflections_agree(word, folded, lang) {
            continue;
        }
        if alone == AMBIGUOUS || (reading != NO_ENTITY && reading != alone) {
            return None;
        }
        reading = alone;
    }
    Some(reading)
}

impl StemWords {
    /// True when the folded `token` could have the stem of a name's word:
    /// four bytes or more, and a prefix some stem key has.
    #[inline]
    pub(super) fn may_stem(&self, token: &str) -> bool {
        prefix_bit(token).is_some_and(|bit| {
            self.prefixes
                .get(bit / 64)
                .is_some_and(|bits| bits & (1 << (bit % 64)) != 0)
        })
    }

    /// The word of the names that a text word stands for: `original` as
    /// the text writes it, `folded` its token: a word with the same stem key
    /// that differs from it only by inflection (the first in load order).
    /// None when such words are words of names of two entities (`ventes`
    /// inflects `vent` and `vente`).
    pub(super) fn stand_in(
        &self,
        original: &str,
        folded: &str,
        lang: Lang,
        buf: &mut StemBuf,
    ) -> Option<Token> {
        let same = self.by_key.get(stem_key(original, lang, buf)?)?;
        let reading = alone_reading(same.iter().map(|w| (&*w.word, w.alone)), folded, lang)?;
        // A word of that entity's one-word names if there is one, else any.
        same.iter()
            .filter(|w| reading == NO_ENTITY || w.alone == reading)
            .find(|w| w.token.is_some() && inflections_agree(&w.word, folded, lang))?
            .token
    }
}

/// The other forms of the stemmed TERM names, added to the tagger's trie:
/// each name again with its words replaced by other words of the names with
/// the same stem keys that differ from them only by inflection (`état
/// d'urgence` as `états d'urgence`, since `états` is a name's word).
/// Returns the words by stem key of each language, French then English, and
/// for each pattern from `first_form` on, the name it is a form of in each
/// language ([`AMBIGUOUS`] for names of two entities, `None` for none).
pub(super) fn add_forms(
    lexicon: &Lexicon,
    trie: &mut TokenTrie,
    first_form: u32,
) -> ([StemWords; 2], Vec<[Option<u32>; 2]>) {
    let mut buf = StemBuf::default();
    let mut forms: Vec<[Option<u32>; 2]> = Vec::new();
    let mut words = [StemWords::default(), StemWords::default()];
    for (lang_index, lang) in [Lang::Fr, Lang::En].into_iter().enumerate() {
        // The stemmed names of `lang` and, by stem key, their words.
        let mut names: Vec<(usize, Vec<StemToken>)> = Vec::new();
        let mut by_key: FxHashMap<Box<str>, Vec<NameWord>> = FxHashMap::default();
        for (n, name) in lexicon.names().iter().enumerate() {
            let kind = lexicon.entry_of(name).kind;
            let stemmed = is_stemmed(name, kind);
            // A `match=exact` TERM name's words keep their forms from others.
            let blocks = kind == EntityType::Term && !name.text.chars().any(char::is_uppercase);
            if !name.lang.fits(lang) || !(stemmed || blocks) {
                continue;
            }
            let Some(tokens) = stem_tokens(&name.text, lang, &mut buf) else {
                continue;
            };
            let alone = if tokens.len() == 1 {
                name.entry as u32
            } else {
                NO_ENTITY
            };
            for token in tokens.iter().filter(|t| t.stemmed) {
                let same = by_key.entry(token.key.as_str().into()).or_default();
                match same.iter_mut().find(|(w, _, _)| **w == *token.folded) {
                    Some((_, e, stands_in)) => {
                        if *e == NO_ENTITY {
                            *e = alone;
                        } else if alone != NO_ENTITY && *e != alone {
                            *e = AMBIGUOUS;
                        }
                        *stands_in |= stemmed;
                    }
                    None => same.push((token.folded.as_str().into(), alone, stemmed)),
                }
            }
            if stemmed {
                names.push((n, tokens));
            }
        }
        for (n, tokens) in &names {
            // Each word's forms: itself first, then the other words of its stem.
            let choices: Vec<Vec<&str>> =
                tokens
                    .iter()
                    .map(|t| {
                        let mut forms = vec![t.folded.as_str()];
                        if t.stemmed {
                            let same = &by_key[t.key.as_str()];
                            let entity = lexicon.names()[*n].entry as u32;
                            forms.extend(same.iter().filter(|w| w.2).map(|(w, _, _)| &**w).filter(|w| {
                                *w != t.folded
                                    && inflections_agree(w, &t.folded, lang)
                                    // Alone, the form must mean this name's entity only.
                                    && (tokens.len() > 1
                                        || alone_reading(same.iter().map(|(w, a, _)| (&**w, *a)), w, lang)
                                            .is_some_and(|r| r == NO_ENTITY || r == entity))
                            }));
                        }
                        forms
                    })
                    .collect();
            let count = choices.iter().map(Vec::len).product::<usize>();
            if !(2..=MAX_FORMS).contains(&count) {
                continue;
            }
            let entity = lexicon.names()[*n].entry;
            // Every combination but the first (the name itself).
            for k in 1..count {
                let mut rest = k;
                let form = choices.iter().map(|c| {
                    let word = c[rest % c.len()];
                    rest /= c.len();
                    word
                });
                let Some(pattern) = trie.insert(form) else {
                    continue;
                };
                let Some(at) = pattern.checked_sub(first_form) else {
                    continue; // a name as listed: it wins
                };
                let at = at as usize;
                if at == forms.len() {
                    forms.push([None, None]);
                }
                let slot = &mut forms[at][lang_index];
                *slot = match *slot {
                    None => Some(*n as u32),
                    Some(other)
                        if other != AMBIGUOUS
                            && lexicon.names()[other as usize].entry == entity =>
                    {
                        Some(other)
                    }
                    Some(_) => Some(AMBIGUOUS),
                };
            }
        }
        let words = &mut words[lang_index];
        words.prefixes = vec![0; 1 << (PREFIX_BITS - 6)];
        for (key, same) in by_key {
            if let Some(bit) = prefix_bit(&key) {
                words.prefixes[bit / 64] |= 1 << (bit % 64);
            }
            let same = same
                .into_iter()
                .map(|(word, alone, stands_in)| StemWord {
                    token: if stands_in { trie.token(&word) } else { None },
                    word,
                    alone,
                })
                .collect();
            words.by_key.insert(key, same);
        }
    }
    // The tokens were taken before the forms were all in: take them again.
    for words in &mut words {
        for same in words.by_key.values_mut() {
            for word in same.iter_mut() {
                if word.token.is_some() {
                    word.token = trie.token(&word.word);
                }
            }
        }
    }
    (words, forms)
}

/// The name a form (a pattern from the first form on) stands for in `lang`.
#[inline]
pub(super) fn form_name(forms: &[[Option<u32>; 2]], at: usize, lang_index: usize) -> Option<usize> {
    let name = forms.get(at)?[lang_index]?;
    (name != AMBIGUOUS).then_some(name as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(word: &str, lang: Lang) -> Option<String> {
        stem_key(word, lang, &mut StemBuf::default()).map(str::to_string)
    }

    #[test]
    fn stem_keys_are_folded_snowball_stems() {
        let cases: &[(&str, Lang, Option<&str>)] = &[
            ("inondations", Lang::Fr, Some("inond")),
            ("Inondation", Lang::Fr, Some("inond")),
            ("arrêtés", Lang::Fr, Some("arret")),
            ("journaux", Lang::Fr, Some("journal")),
            ("grèves", Lang::Fr, Some("grev")),
            ("flooded", Lang::En, Some("flood")),
            ("FLOODING", Lang::En, Some("flood")),
            ("strikes", Lang::En, Some("strike")),
            // Stems under four letters: not stemmed.
            ("tuant", Lang::Fr, None),
            ("wars", Lang::En, None),
            // Function words, and words whose stem is one: not stemmed.
            ("entre", Lang::Fr, None),
            ("others", Lang::En, None),
            // Not plain words.
            ("covid19", Lang::En, None),
            ("Cor&eacute;e", Lang::Fr, None),
            // Decomposed accents and invisible characters are read as letters.
            ("arre\u{302}te\u{301}s", Lang::Fr, Some("arret")),
            ("inon\u{ad}dations", Lang::Fr, Some("inond")),
        ];
        for &(word, lang, want) in cases {
            assert_eq!(key(word, lang).as_deref(), want, "{word}");
        }
    }
}
