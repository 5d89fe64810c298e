//! Stemmed matching of TERM names: one lexicon row (`tuer`, `flood`,
//! `catastrophe naturelle`) also finds the inflected forms of its words
//! (`tuerait`, `flooded`, `catastrophes naturelles`).
//!
//! A word's *stem key* is its Snowball stem (French or English, from the
//! `rust-stemmers` crate): the word as written, lower-cased, stemmed, then
//! folded like every token ([`fold_word`]). A TERM name's words get the stem
//! key of the name's language, a text's words that of the text's language, and
//! a text token matches a name token when the two keys are equal. Names are
//! matched token by token: a name's function words (`d'`, `of`) and its words
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
//! - a stem shared by names of two entities (`vent` of `vent` and `vente`)
//!   finds neither: the tagger cannot tell which is meant (`lexicon check`
//!   warns about it).
//!
//! The search is the trie walk of exact names over stem keys instead of
//! folded tokens, fed the same tokens at the same time; the tagger then keeps
//! an exact or folded match over a stemmed one, unless the stemmed one is a
//! longer name that contains it whole (`états d'urgence` over `états` and
//! `d'urgence`).
//!
//! Stemming is the costly part, so a text token is stemmed only when it could
//! have a name's stem: tokens of the TERM names carry their keys from the
//! building of the tagger (valid when the text writes them in ASCII), other
//! tokens need four letters whose first four could start a name's stem, and
//! each distinct word is stemmed once per text.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;

use super::trie::{Token, TokenTrie};
use super::walk::Walk;
use super::{MatchHow, Mention, Tagger};
use crate::data::function_words;
use crate::lexicon::{EntityType, MATCH_COLUMN, MATCH_EXACT, Name};
use crate::normalize::{fold_word, for_each_token, is_word_char};
use crate::span::{Lang, Span};

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

/// A stemmed name of a pattern, with what choosing it needs.
#[derive(Clone, Debug)]
struct StemName {
    /// Its index in `Lexicon::names`.
    name: u32,
    /// Its entry.
    entity: u32,
    /// Its folded tokens, joined by spaces.
    folded: Box<str>,
}

/// The stemmed TERM names of one language: a trie over stem keys (and the
/// tokens kept as they are), the name of each pattern, and the first four
/// bytes of every stem for the prefilter.
#[derive(Clone, Debug, Default)]
pub(super) struct StemIndex {
    pub(super) trie: TokenTrie,
    lang: Option<Lang>,
    /// For each pattern, its names in load order.
    names: Vec<Vec<StemName>>,
    /// A bit per hash of the first four bytes of each stem: a token whose
    /// first four bytes have no bit cannot have a name's stem.
    prefixes: Vec<u64>,
    /// What the search knows of the words of the TERM names, by the link of
    /// their token in the exact trie (see `Token::link`; 0 is none).
    pub(super) links: Vec<StemLink>,
    /// How the names spell each linked word when not in ASCII (`états`), by link.
    pub(super) spellings: Vec<Spelling>,
}

/// What the search knows of a word of the TERM names.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct StemLink {
    /// Its token in the stem trie when a text writes it as folded (in ASCII).
    pub(super) key: Option<Token>,
    /// The word alone is a name the exact search finds whatever its case: a
    /// stemmed match of it alone would only repeat that one.
    pub(super) covered: bool,
}

/// A name's spelling of a word, not in ASCII, and its token in the stem trie.
#[derive(Clone, Debug, Default)]
pub(super) struct Spelling {
    pub(super) spelled: Box<str>,
    pub(super) key: Option<Token>,
}

/// Bits of the prefilter: 64 Ki bits (8 KiB, in the processor's first cache).
const PREFIX_BITS: u32 = 16;

#[inline]
fn prefix_bit(token: &str) -> Option<usize> {
    let bytes: [u8; 4] = token.as_bytes().get(..4)?.try_into().ok()?;
    let hash = u32::from_le_bytes(bytes).wrapping_mul(0x9E37_79B1);
    Some((hash >> (32 - PREFIX_BITS)) as usize)
}

impl StemIndex {
    pub(super) fn new(lang: Lang) -> StemIndex {
        StemIndex {
            trie: TokenTrie::with_capacity(0),
            lang: Some(lang),
            names: Vec::new(),
            prefixes: vec![0; 1 << (PREFIX_BITS - 6)],
            links: vec![StemLink::default()],
            spellings: vec![Spelling::default()],
        }
    }

    /// Adds the name `name` (its index) of entity `entity`, given as its
    /// tokens: `(key, stemmed)`, and its folded tokens joined by spaces. A
    /// name none of whose tokens is stemmed is left out: the exact search
    /// finds it.
    pub(super) fn insert(&mut self, name: u32, entity: usize, tokens: &[StemToken]) {
        for token in tokens.iter().filter(|t| t.stemmed) {
            if let Some(bit) = prefix_bit(&token.key) {
                self.prefixes[bit / 64] |= 1 << (bit % 64);
            }
        }
        let Some(pattern) = self.trie.insert(tokens.iter().map(|t| t.key.as_str())) else {
            return;
        };
        let folded: Vec<&str> = tokens.iter().map(|t| t.folded.as_str()).collect();
        let folded = folded.join(" ");
        let pattern = pattern as usize;
        if pattern == self.names.len() {
            self.names.push(Vec::new());
        }
        self.names[pattern].push(StemName {
            name,
            entity: entity as u32,
            folded: folded.into_boxed_str(),
        });
    }

    /// True when nothing was inserted.
    pub(super) fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The mention of a match of the walk (`span` of `text`, `pattern`),
    /// unless [`StemIndex::name`] finds no name; `memo` keeps its answers
    /// for the text, by pattern and matched words.
    pub(super) fn mention<'t>(
        &self,
        tagger: &Tagger,
        text: &'t str,
        span: Span,
        pattern: usize,
        memo: &mut FxHashMap<(usize, &'t str), Option<usize>>,
    ) -> Option<Mention> {
        let name: Option<usize> = *memo.entry((pattern, span.of(text))).or_insert_with(|| {
            let mut folded = String::new();
            for_each_token(span.of(text), |token, _| {
                if !folded.is_empty() {
                    folded.push(' ');
                }
                folded.push_str(token);
            });
            self.name(pattern, &folded)
        });
        let name = name?;
        Some(Mention {
            span: tagger.with_tail(text, span, name),
            entry: tagger.lexicon.names()[name].entry,
            name,
            how: MatchHow::Stem,
            confidence: CONF_STEM,
        })
    }

    /// The name of pattern `pattern` that the text's words `folded` (folded
    /// tokens joined by spaces) are an inflected form of, word by word. None
    /// when the words are a name as listed (the exact search finds it), when
    /// they inflect no name (the stems met through a derivation), or when
    /// they inflect names of two entities (the tagger cannot tell which).
    pub(super) fn name(&self, pattern: usize, folded: &str) -> Option<usize> {
        let lang = self.lang?;
        let mut chosen: Option<&StemName> = None;
        for candidate in self.names.get(pattern)? {
            if *candidate.folded == *folded {
                return None;
            }
            if chosen.is_some_and(|c| c.entity == candidate.entity) {
                continue; // that entity is already found
            }
            let agree = candidate.folded.split(' ').count() == folded.split(' ').count()
                && candidate
                    .folded
                    .split(' ')
                    .zip(folded.split(' '))
                    .all(|(a, b)| inflections_agree(a, b, lang));
            if !agree {
                continue;
            }
            match chosen {
                Some(c) if c.entity != candidate.entity => return None,
                Some(_) => {}
                None => chosen = Some(candidate),
            }
        }
        chosen.map(|c| c.name as usize)
    }

    /// True when the folded `token` could have the stem of a name: four bytes
    /// or more, and a prefix some stem has.
    #[inline]
    pub(super) fn may_stem(&self, token: &str) -> bool {
        prefix_bit(token).is_some_and(|bit| self.prefixes[bit / 64] & (1 << (bit % 64)) != 0)
    }

    /// `key` as the walk should see it: when the word alone is a name the
    /// exact search finds (`covered`) and no longer stemmed name starts with
    /// it, a stemmed match starting there could only repeat the exact one,
    /// so it starts none (and still goes on with longer names).
    #[inline]
    pub(super) fn unless_covered(&self, key: Token, covered: bool) -> Token {
        if covered && key.root != 0 && self.trie.node(key.root).child_mask == 0 {
            key.without_root()
        } else {
            key
        }
    }

    /// The trie token of a text word: `original` as written, `folded` its
    /// folded token.
    pub(super) fn token(
        &self,
        original: &str,
        folded: &str,
        lang: Lang,
        buf: &mut StemBuf,
    ) -> Option<Token> {
        match stem_key(original, lang, buf) {
            Some(key) => self.trie.token(key),
            None => self.trie.token(folded),
        }
    }
}

/// The search of one text for stemmed TERM names, fed the text's tokens
/// beside the exact search.
pub(super) struct StemSearch<'t> {
    stems: &'t StemIndex,
    text: &'t str,
    lang: Lang,
    walk: Walk<'t>,
    /// The walk's matches: (span, pattern).
    matches: Vec<(Span, usize)>,
    /// Each distinct word is stemmed once per text.
    cache: FxHashMap<&'t str, Option<Token>>,
    buf: StemBuf,
}

impl<'t> StemSearch<'t> {
    pub(super) fn new(stems: &'t StemIndex, text: &'t str, lang: Lang) -> StemSearch<'t> {
        StemSearch {
            stems,
            text,
            lang,
            walk: Walk::new(&stems.trie),
            matches: Vec::new(),
            cache: FxHashMap::default(),
            buf: StemBuf::default(),
        }
    }

    /// The next token of the text: its folded form, span, and its token in
    /// the exact trie.
    #[inline]
    pub(super) fn push(&mut self, exact: Option<Token>, token: &str, span: Span) {
        let link = exact.map_or(0, |t| t.link);
        let key = if link != 0 {
            // A word of the TERM names: its keys are known when the text
            // writes it in ASCII or as a name spells it.
            let original = &self.text[span.start..span.end];
            if original.is_ascii() {
                self.stems.links[link as usize].key
            } else {
                let spelling = &self.stems.spellings[link as usize];
                if *spelling.spelled == *original {
                    spelling.key
                } else {
                    self.look_up(original, token, link)
                }
            }
        } else if self.stems.may_stem(token)
            && !(exact.is_some() && self.text.as_bytes()[span.start].is_ascii_uppercase())
        {
            // A capitalised word of a name of the lexicon (not a TERM's) is
            // taken for that name: stemming each would cost more than it finds.
            self.look_up(&self.text[span.start..span.end], token, 0)
        } else {
            None
        };
        if self.walk.is_idle() && key.is_none_or(|k| k.root == 0) {
            return; // the usual case: nothing to do
        }
        let matches = &mut self.matches;
        self.walk.push(key, span, &mut |span, pattern| {
            matches.push((span, pattern))
        });
    }

    /// The key of a word whose keys are not known, from the cache or stemmed.
    #[inline(never)]
    fn look_up(&mut self, original: &'t str, token: &str, link: u32) -> Option<Token> {
        let StemSearch {
            stems,
            lang,
            cache,
            buf,
            ..
        } = self;
        *cache.entry(original).or_insert_with(|| {
            let key = stems.token(original, token, *lang, buf)?;
            Some(stems.unless_covered(key, stems.links[link as usize].covered))
        })
    }

    /// The text is over: the walk's matches, (span, pattern) in text
    /// order, for [`StemIndex::mention`] to check.
    pub(super) fn finish(mut self) -> Vec<(Span, usize)> {
        let matches = &mut self.matches;
        self.walk
            .finish(&mut |span, pattern| matches.push((span, pattern)));
        self.matches
    }
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
