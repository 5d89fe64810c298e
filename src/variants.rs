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
//! # Transliteration keys
//!
//! A name is split into tokens on spaces, hyphens and apostrophes; each token is
//! folded (accents, case, `ï` → `i`) and rewritten left to right, longest
//! pattern first, into a string of *symbols*: lowercase letters, plus one
//! uppercase letter for each sound that the two traditions write with different
//! digraphs. The language tells which digraph means what: French `ch` is the
//! English `sh`, and English `ch` is the French `tch`.
//!
//! | rule | symbol | French | English |
//! |---|---|---|---|
//! | щ: fr `chtch` = en `shch` | `Q` | Khrou**chtch**ev | Khru**shch**ev |
//! | ч: fr `tch` = en `ch` (`tch` in English too) | `C` | Gorba**tch**ev, **Tch**eliabinsk | Gorba**ch**ev, **Ch**elyabinsk |
//! | ш: fr `ch` = en `sh` (`sh` in French too) | `S` | **Ch**oïgou, Nary**ch**kine | **Sh**oigu, Nary**sh**kin |
//! | ж, дж, Arabic ج: fr `j`, `dj` = en `zh`, `j`, `dj`, `dzh` | `Z` | Prigo**j**ine, **Dj**eddah | Prigo**zh**in, **J**eddah |
//! | х: `kh` in both | `X` | **Kh**rouchtchev | **Kh**rushchev |
//! | fr `ou` = en `u` | `u` | P**ou**tine, B**ou**tcha | P**u**tin, B**u**cha |
//! | о+у: fr `oou` = en `ou`; en `ou` for у | `u` | Bel**oou**ssov, Mass**ou**d | Bel**ou**sov, Mas**ou**d |
//! | fr `ou` before a vowel = en `w` | `u` | Sin**ou**ar | Sin**w**ar |
//! | fr `gu` before e/i/y = en `g` | `g` | Ser**gu**eï, **Gu**erassimov | Ser**g**ei, **G**erasimov |
//! | fr `qu` before a vowel, `q` anywhere = `k` | `k` | Ra**kk**a | Ra**qq**a |
//! | `c` = `s` before e/i/y, else `k`; `x` = `ks`; `ck` = `k` | | Ale**x**eï | Ale**ks**ei, Ale**x**ei |
//! | `gh`, `dh`, `th`, `ph` = `g`, `d`, `t`, `f` | | Ba**g**dad, Riya**d**, Beyrou**th** | Ba**gh**dad, Riya**dh**, Beiru**t** |
//! | `y`, `ï`, `i` are one vowel class | `i` | Dmitr**i**, Alexe**ï**, Z**i**ouganov | Dmitr**y**, Alexe**i**, Z**y**uganov |
//! | doubled symbols collapse (`-iy`, `-yy`, `ss`, `zhzh`, `mm`) | | Zelensk**i**, Guera**ss**imov, Zapori**jj**ia | Zelensk**yy**, Gerasimov, Zapori**zhzh**ia |
//! | word-initial `ie`/`ye` = `e` | `e` | **Ie**katerinbourg, **E**vgueni, **E**ltsine | **Ye**katerinburg, **Ye**vgeny, **Ye**ltsin |
//! | word-initial fr `Ia`/`Iou` = en `Ya`/`Yu` (by the vowel class) | `ia`, `iu` | **Ia**roslavl, **Iou**ri | **Ya**roslavl, **Yu**ri |
//! | fr `-iev` = en `-yev` (by the vowel class) | `iev` | Lavrent**iev** | Lavrent**yev** |
//! | final `e`/`é` after a consonant is dropped (French mute `-e`) | | Prigojin**e**, Syrt**e**, Douchanb**é** | Prigozhin, Sirt**e**, Dushanb**e** |
//! | final `h` after a vowel is dropped (Arabic `-ah`/`-eh`) | | Djedda, Hodeïda | Jedda**h**, Hodeida**h** |
//! | en consonant + final `-er` = fr consonant + `-re` | `r` | Alexand**re** | Alexand**er** |
//! | particles between name tokens are dropped: `al`, `el`, `ben`, `bin`, `ibn`, `de`, `du`, `le`, `sur`, `on`… | | Mohammed **ben** Salmane, Bachar **el**-Assad | Mohammed **bin** Salman, Bashar **al**-Assad |
//! | Korean syllable hyphens and case: one token per syllable | | Kim Yo-jong | Kim Yo Jong |
//!
//! Two tokens also match when their folded spellings are equal, so a name
//! that both presses spell alike never depends on the rules above.
//!
//! # Matching
//!
//! * Candidates are runs of capitalised words, with lowercase particles and
//!   hyphenated lowercase parts inside (*Rostov-sur-le-Don*, *Kim Jong-un*,
//!   *Bachar al-Assad*). Any contiguous part of a run may match a lexicon name
//!   (*President Zelenski* → *Zelenski*); the longest match wins.
//! * `Translit`: every token's key (or folded spelling) equals the lexicon
//!   name's, token by token. `Fuzzy`: tokens of at least 8 symbols within a
//!   Damerau distance of 1 per ≈ 8 symbols (1 from 8 symbols, 2 from 12; a
//!   second edit is only searched up to 24 symbols), never on the first symbol,
//!   and only on the last token of a person (the surname), a non-initial token
//!   of a place, or a one-token name. Given names and first tokens of
//!   multi-token names are never approximated. Confidence: 0.9 by key, 0.75
//!   with one edit, 0.65 with two.
//! * A surname alone links to a person whose full name occurs in the same text
//!   (in `known`, or found here, anywhere in the text: headlines often give the
//!   surname first), unless another person of the text has that surname (a
//!   person of the index, or any other multi-word name ending with it).
//!   Confidence 0.8 by key, 0.65 with one edit.
//! * Guards: single-token candidates that are frequent French/English words
//!   never link; at a sentence start a single token must match exactly and have
//!   at least 5 letters; a single-token *place* must not be glued to another
//!   capitalised name word (*Nizhny Novgorod* is not *Novgorod*); a one-token
//!   person name does not link after a given name when the lexicon holds that
//!   person's full name (*Dmitri Patrouchev* is not the *Patrushev* of *Nikolai
//!   Patrushev*); a candidate equally close to two entities links to neither;
//!   nothing overlapping `known` is returned.

use std::ops::Range;

use serde::Serialize;
use unicode_normalization::char::is_combining_mark;

use crate::normalize::is_general_punctuation;
use crate::span::{Lang, Span};

/// Confidence of a full name matched through transliteration keys.
const CONF_TRANSLIT: f32 = 0.9;
/// Confidence of a surname alone matched through transliteration keys.
const CONF_SURNAME: f32 = 0.8;
/// What the first edit of a fuzzy match costs; each further edit costs the step.
const CONF_FUZZY_DROP: f32 = 0.15;
const CONF_FUZZY_STEP: f32 = 0.1;
/// Tokens shorter than this (in key symbols) are never matched fuzzily.
const FUZZY_MIN_LEN: usize = 8;
/// Tokens at least this long may take a second edit (and index 2-deletions).
const FUZZY_TWO_EDITS_LEN: usize = 12;
/// Above this length only 1-deletions are hashed: the 2-deletion neighbourhood
/// grows with the square of the length, and such long names are rare.
const FUZZY_TWO_EDITS_MAX: usize = 24;
/// Longest key the bounded edit distance handles; longer keys only match exactly.
const FUZZY_MAX_LEN: usize = 47;
/// A single-token candidate at a sentence start needs at least this many letters.
const SENTENCE_START_MIN_LEN: usize = 5;
/// A surname alone needs at least this many letters.
const SURNAME_MIN_LEN: usize = 4;

/// Name particles: dropped from keys when they sit between name tokens, so
/// *Bachar el-Assad* meets *Bashar al-Assad* and *Rostov-sur-le-Don* keeps only
/// *Rostov* and *Don*. Lowercase ones always count; the others only when
/// hyphened to the next word (*Al-Assad*, *as-Sissi*) or when they are
/// [`SPACE_PARTICLES`] after a name word (*Mohammed Ben Salman*), so that
/// Korean syllables such as *An* or *Ar* stay name tokens.
const PARTICLES: &[&str] = &[
    "ad", "al", "an", "ar", "as", "ash", "at", "az", "ben", "bin", "bint", "d", "da", "de", "del",
    "den", "der", "des", "di", "dos", "du", "ed", "el", "en", "er", "es", "ez", "ibn", "l", "la",
    "le", "les", "on", "sur", "ul", "upon", "van", "von",
];

/// Genuine name particles: they may join two capitalised words across a
/// *space* (*Mohammed bin Salman*), and are dropped even when capitalised after
/// a name word. The others (`on`, `sur`, `as`…) are ordinary words in running
/// text and only count when hyphened (*Rostov-on-Don*, *as-Sissi*).
const SPACE_PARTICLES: &[&str] = &[
    "al", "ben", "bin", "bint", "d", "da", "de", "del", "der", "des", "di", "dos", "du", "el",
    "ibn", "la", "le", "ul", "van", "von",
];

/// Frequent French and English words (folded) that get capitalised at a sentence
/// start, plus titles and calendar words that precede or look like names. A
/// single-token candidate that is one of these never links, and titles before a
/// surname do not stop it from counting as "alone".
const COMMON_WORDS: &[&str] = &[
    // French function words
    "a",
    "afin",
    "ainsi",
    "alors",
    "apres",
    "au",
    "aucun",
    "aujourd",
    "aussi",
    "autre",
    "aux",
    "avant",
    "avec",
    "ce",
    "ceci",
    "cela",
    "celle",
    "celui",
    "cependant",
    "ces",
    "cet",
    "cette",
    "chaque",
    "chez",
    "comme",
    "comment",
    "contre",
    "dans",
    "depuis",
    "deux",
    "donc",
    "dont",
    "elle",
    "elles",
    "en",
    "encore",
    "enfin",
    "entre",
    "et",
    "etat",
    "etats",
    "eux",
    "hier",
    "il",
    "ils",
    "je",
    "jamais",
    "leur",
    "leurs",
    "lors",
    "lorsque",
    "lui",
    "mais",
    "meme",
    "mes",
    "moins",
    "mon",
    "ne",
    "ni",
    "non",
    "nos",
    "notre",
    "nous",
    "or",
    "ou",
    "oui",
    "par",
    "parce",
    "pas",
    "pendant",
    "peu",
    "plus",
    "plusieurs",
    "pour",
    "pourquoi",
    "pourtant",
    "puis",
    "quand",
    "que",
    "quel",
    "quelle",
    "qui",
    "quoi",
    "sa",
    "sans",
    "se",
    "selon",
    "ses",
    "si",
    "son",
    "sont",
    "sous",
    "tandis",
    "tant",
    "tous",
    "tout",
    "toute",
    "toutes",
    "tres",
    "un",
    "une",
    "vers",
    "voici",
    "voila",
    "vous",
    // French titles and roles
    "ambassadeur",
    "capitaine",
    "chancelier",
    "cheikh",
    "chef",
    "colonel",
    "commandant",
    "depute",
    "dirigeant",
    "docteur",
    "gouverneur",
    "general",
    "generale",
    "lieutenant",
    "m",
    "madame",
    "mademoiselle",
    "maire",
    "marechal",
    "mme",
    "monsieur",
    "ministre",
    "patriarche",
    "premier",
    "premiere",
    "president",
    "presidente",
    "professeur",
    "reine",
    "roi",
    "secretaire",
    "senateur",
    "sergent",
    // French calendar and compass
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
    "nord",
    "sud",
    "est",
    "ouest",
    // English function words
    "about",
    "according",
    "after",
    "again",
    "against",
    "all",
    "also",
    "although",
    "and",
    "another",
    "any",
    "are",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "could",
    "despite",
    "did",
    "does",
    "during",
    "each",
    "either",
    "even",
    "every",
    "following",
    "for",
    "from",
    "had",
    "has",
    "have",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "last",
    "many",
    "may",
    "meanwhile",
    "more",
    "most",
    "much",
    "neither",
    "never",
    "new",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "once",
    "one",
    "only",
    "other",
    "our",
    "over",
    "she",
    "since",
    "so",
    "some",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "under",
    "until",
    "up",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "without",
    "would",
    "yesterday",
    "yet",
    "you",
    "your",
    // English titles and roles
    "ambassador",
    "army",
    "ayatollah",
    "captain",
    "chancellor",
    "chief",
    "commander",
    "defence",
    "defense",
    "deputy",
    "dr",
    "emir",
    "foreign",
    "governor",
    "government",
    "imam",
    "interior",
    "king",
    "leader",
    "marshal",
    "mayor",
    "minister",
    "mr",
    "mrs",
    "ms",
    "patriarch",
    "prime",
    "prince",
    "queen",
    "secretary",
    "senator",
    "sergeant",
    "sheikh",
    "sir",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    // English calendar and compass
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "north",
    "south",
    "east",
    "west",
];

// ---------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------

/// How a variant was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VariantKind {
    /// Equal transliteration keys (or equal folded spellings), token by token.
    Translit,
    /// Within a small edit distance of a long token.
    Fuzzy,
}

/// One variant mention found in a text.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct VariantMatch {
    /// Byte offsets into the text given to [`VariantIndex::find`].
    pub span: Span,
    /// The id of the lexicon name it matched (as given to [`VariantIndex::new`]).
    pub name: usize,
    /// How it was recognised.
    pub kind: VariantKind,
    /// In (0, 1]: 0.9 for a full name by key, 0.8 for a surname alone by key,
    /// 0.15 less for a first edit and 0.1 less for each further one.
    pub confidence: f32,
}

/// One lexicon name as the index sees it.
#[derive(Clone, Copy, Debug)]
pub struct IndexedName<'a> {
    /// Id reported back in [`VariantMatch::name`].
    pub id: usize,
    /// Entity id: tells whether two names are the same entity, and matches the
    /// entity ids of `known` in [`VariantIndex::find`].
    pub entity: &'a str,
    /// The name as written in the lexicon.
    pub name: &'a str,
    /// The language the name is spelt in; `None` for names valid in both.
    pub lang: Option<Lang>,
    /// True for people: only they get surname-alone matches, and only their
    /// last token may be approximated.
    pub is_person: bool,
}

/// Language-aware transliteration key: French and English romanisations of
/// one name meet. Token keys are joined by single spaces; particles between
/// name tokens are left out (see the module doc for the rules).
///
/// ```
/// # use entente::{span::Lang, variants::translit_key};
/// assert_eq!(translit_key("Evgueni Prigojine", Lang::Fr), translit_key("Yevgeny Prigozhin", Lang::En));
/// assert_eq!(translit_key("Kim Yo-jong", Lang::Fr), translit_key("Kim Yo Jong", Lang::En));
/// ```
pub fn translit_key(name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let mut fold = String::new();
    for piece in name_tokens(name) {
        fold.clear();
        fold_into(piece.of(name), &mut fold);
        if !out.is_empty() {
            out.push(' ');
        }
        key_into(&fold, lang, &mut out);
    }
    out
}

/// Variant index built once from the lexicon's names. Immutable after
/// construction, hence `Send + Sync`; [`VariantIndex::find`] is cheap and
/// roughly linear in the text.
#[derive(Clone, Debug, Default)]
pub struct VariantIndex {
    entries: Vec<Entry>,
    /// The entries' tokens, entry after entry.
    tokens: Vec<TokenKey>,
    /// The tokens' folds and keys and the entities' ids, end to end: a
    /// million names made five million small boxed strings, and allocating
    /// them was most of the time spent building the index.
    text: String,
    /// Hash of the first token's key and of its folded spelling → entries
    /// starting with it. By hash, not by a copy of the text; a collision
    /// only adds a candidate, which [`verify`] rejects.
    first: Postings,
    /// Deletion-neighbourhood hash → one-token entries long enough to be
    /// approximated (symmetric deletion: two keys within k edits share a
    /// string obtained by at most k deletions from each).
    fuzzy: Postings,
    /// Hash of the entity id → its multi-token person entries, for surnames
    /// alone ([`VariantIndex::persons_of`] checks the id).
    persons: Postings,
    common: FxSet<&'static str>,
}

impl VariantIndex {
    /// Index the lexicon's names. Names without a capitalised token (TERM-like
    /// words) are ignored. A name valid in both languages (`lang: None`) is
    /// indexed under both its French and its English key.
    pub fn new<'a>(names: impl IntoIterator<Item = IndexedName<'a>>) -> VariantIndex {
        let names = names.into_iter();
        // Sized up front: growing these tables by doubling was a fifth of
        // building the index for a million names.
        let hint = names.size_hint().0;
        let mut index = VariantIndex {
            common: COMMON_WORDS.iter().copied().collect(),
            entries: Vec::with_capacity(hint),
            tokens: Vec::with_capacity(2 * hint),
            first: Postings::with_capacity(2 * hint),
            ..VariantIndex::default()
        };
        let mut scratch = KeyScratch::default();
        for name in names {
            index.add(name, &mut scratch);
        }
        index.first.seal();
        index.fuzzy.seal();
        index.persons.seal();
        index
    }

    /// Number of indexed spellings (a name valid in both languages may count twice).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no name was indexed.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Variant mentions in `text` (language `lang`) not overlapping `known`, the
    /// mentions the exact/folded lexicon search already found (spans with their
    /// entity ids; they also tell which full names occur in the text, for
    /// surname-alone matches: only the ids of people matter there, and a
    /// caller may give other mentions an empty id, which costs no look-up).
    /// Sorted by span start; non-overlapping.
    pub fn find(&self, text: &str, lang: Lang, known: &[(Span, &str)]) -> Vec<VariantMatch> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        let mut blocked = KnownSpans::new(known);
        let scan = Scan::new(text, lang, &mut blocked, &self.common);
        if scan.toks.is_empty() {
            return out;
        }
        let mut consumed = vec![false; scan.toks.len()];
        let mut found = Vec::new();
        let mut cands = Vec::new();
        let mut pass = Pass1 {
            consumed: &mut consumed,
            cands: &mut cands,
            found: &mut found,
            out: &mut out,
        };
        for run in &scan.runs {
            self.match_run(&scan, run.clone(), &mut pass);
        }
        self.match_surnames(&scan, known, &found, &consumed, &mut out);
        out.sort_by_key(|m| m.span.start);
        // Words overlapping `known` were never candidates, but a known span
        // lying between two words of a match (over a space, say) was not seen.
        blocked.rewind();
        out.retain(|m| !blocked.overlaps(m.span.start, m.span.end));
        out
    }
}

// ---------------------------------------------------------------------------
// Index construction
// ---------------------------------------------------------------------------

type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;
type FxSet<K> = rustc_hash::FxHashSet<K>;

/// A range of [`VariantIndex::text`] or [`VariantIndex::tokens`]; `u32`
/// halves the index (it stops growing at 4 GiB of keys, see `add`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Stored {
    start: u32,
    end: u32,
}

impl Stored {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    fn len(self) -> usize {
        self.range().len()
    }

    /// The stored string, from [`VariantIndex::text`].
    fn of(self, text: &str) -> &str {
        text.get(self.range()).unwrap_or_default()
    }
}

/// One token of an indexed name: where its fold and its key are stored.
#[derive(Clone, Copy, Debug)]
struct TokenKey {
    fold: Stored,
    key: Stored,
}

/// A token of an indexed name, as text.
#[derive(Clone, Copy, Debug, PartialEq)]
struct NameToken<'i> {
    fold: &'i str,
    key: &'i str,
}

/// One indexed spelling: a name keyed in one language.
#[derive(Clone, Copy, Debug)]
struct Entry {
    id: usize,
    entity: Stored,
    is_person: bool,
    tokens: Stored,
}

/// Buffers reused while keying the names of a lexicon.
#[derive(Default)]
struct KeyScratch {
    fold: String,
    key: String,
    sym: Vec<u8>,
}

impl VariantIndex {
    fn add(&mut self, name: IndexedName<'_>, scratch: &mut KeyScratch) {
        // Most lexicon names are lowercase terms: reject them before tokenising.
        if !name.name.chars().any(char::is_uppercase) {
            return;
        }
        let pieces = name_tokens(name.name);
        let capitalised = pieces.iter().any(|p| {
            p.of(name.name)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        });
        if !capitalised {
            return;
        }
        let langs: &[Lang] = match name.lang {
            Some(Lang::Fr) => &[Lang::Fr],
            Some(Lang::En) => &[Lang::En],
            None => &[Lang::Fr, Lang::En],
        };
        let before = self.entries.len();
        for &lang in langs {
            let (tokens_before, text_before) = (self.tokens.len(), self.text.len());
            let added = self.push_keyed_tokens(name.name, &pieces, lang, scratch);
            // A name keyed alike in both languages is indexed once.
            let same = added.is_some_and(|tokens| {
                self.entries[before..]
                    .last()
                    .is_some_and(|e| self.name_tokens_of(e).eq(self.name_tokens(tokens)))
            });
            // Names of one entity mostly follow each other: their id is stored once.
            let entity = match self.entries.last() {
                Some(e) if self.entity_of(e) == name.entity => Some(e.entity),
                _ => self.push_text(name.entity),
            };
            match (added, entity) {
                (Some(tokens), Some(entity)) if tokens.len() > 0 && !same => {
                    self.push_entry(Entry {
                        id: name.id,
                        entity,
                        is_person: name.is_person,
                        tokens,
                    });
                }
                _ => {
                    self.tokens.truncate(tokens_before);
                    self.text.truncate(text_before);
                }
            }
        }
    }

    /// Keys the tokens of a name in one language and stores them; `None`
    /// past 4 GiB of stored text (the index then leaves the name out).
    fn push_keyed_tokens(
        &mut self,
        name: &str,
        pieces: &[Piece],
        lang: Lang,
        scratch: &mut KeyScratch,
    ) -> Option<Stored> {
        let start = u32::try_from(self.tokens.len()).ok()?;
        for piece in pieces {
            scratch.fold.clear();
            scratch.key.clear();
            fold_into(piece.of(name), &mut scratch.fold);
            key_with(&scratch.fold, lang, &mut scratch.key, &mut scratch.sym);
            if !scratch.key.is_empty() {
                let fold = self.push_text(&scratch.fold)?;
                let key = self.push_text(&scratch.key)?;
                self.tokens.push(TokenKey { fold, key });
            }
        }
        let end = u32::try_from(self.tokens.len()).ok()?;
        Some(Stored { start, end })
    }

    /// Appends `s` to the stored text; `None`, with nothing appended, past 4 GiB.
    fn push_text(&mut self, s: &str) -> Option<Stored> {
        let start = u32::try_from(self.text.len()).ok()?;
        let end = u32::try_from(self.text.len() + s.len()).ok()?;
        self.text.push_str(s);
        Some(Stored { start, end })
    }

    fn push_entry(&mut self, entry: Entry) {
        let Ok(idx) = u32::try_from(self.entries.len()) else {
            return;
        };
        if let Some(first) = self.tokens.get(entry.tokens.range()).and_then(<[_]>::first) {
            let (key, fold) = (first.key.of(&self.text), first.fold.of(&self.text));
            self.first.push(text_hash(key), idx);
            self.first.push(text_hash(fold), idx);
            if entry.tokens.len() == 1 && fuzzy_eligible(key.as_bytes()) {
                let fuzzy = &mut self.fuzzy;
                for_each_deletion_hash(key.as_bytes(), |h| fuzzy.push(h, idx));
            }
        }
        if entry.is_person && entry.tokens.len() >= 2 {
            let entity = text_hash(entry.entity.of(&self.text));
            self.persons.push(entity, idx);
        }
        self.entries.push(entry);
    }

    fn entry(&self, idx: u32) -> Option<&Entry> {
        self.entries.get(idx as usize)
    }

    fn entry_id(&self, idx: u32) -> usize {
        self.entry(idx).map_or(usize::MAX, |e| e.id)
    }

    fn entity_of(&self, entry: &Entry) -> &str {
        entry.entity.of(&self.text)
    }

    /// The tokens in `tokens`, as text.
    fn name_tokens(&self, tokens: Stored) -> impl DoubleEndedIterator<Item = NameToken<'_>> {
        self.tokens
            .get(tokens.range())
            .unwrap_or_default()
            .iter()
            .map(|t| NameToken {
                fold: t.fold.of(&self.text),
                key: t.key.of(&self.text),
            })
    }

    fn name_tokens_of(&self, entry: &Entry) -> impl DoubleEndedIterator<Item = NameToken<'_>> {
        self.name_tokens(entry.tokens)
    }

    /// The multi-token person entries of `entity`.
    fn persons_of<'s>(&'s self, entity: &'s str) -> impl Iterator<Item = u32> + 's {
        self.persons
            .get(text_hash(entity))
            .iter()
            .copied()
            .filter(move |&p| self.entry(p).is_some_and(|e| self.entity_of(e) == entity))
    }
}

/// Hash → entries. Gathered as pairs and grouped once by [`Postings::seal`]:
/// a map of vectors made two million small allocations for a million names.
#[derive(Clone, Debug, Default)]
struct Postings {
    /// `(hash, entry)` as pushed; emptied by `seal`.
    pending: Vec<(u64, u32)>,
    /// The entries grouped by hash, in entry order within a group.
    entries: Vec<u32>,
    /// Hash → its group in `entries`.
    groups: FxMap<u64, Stored>,
}

impl Postings {
    fn with_capacity(n: usize) -> Postings {
        Postings {
            pending: Vec::with_capacity(n),
            ..Postings::default()
        }
    }

    fn push(&mut self, hash: u64, entry: u32) {
        self.pending.push((hash, entry));
    }

    /// Groups what was pushed, each entry once per hash.
    fn seal(&mut self) {
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_unstable();
        pending.dedup();
        let groups = pending.chunk_by(|a, b| a.0 == b.0);
        self.groups = FxMap::with_capacity_and_hasher(groups.clone().count(), Default::default());
        self.entries = Vec::with_capacity(pending.len());
        for group in groups {
            let Ok(start) = u32::try_from(self.entries.len()) else {
                break;
            };
            self.entries.extend(group.iter().map(|&(_, e)| e));
            let end = start.saturating_add(u32::try_from(group.len()).unwrap_or(u32::MAX));
            self.groups.insert(group[0].0, Stored { start, end });
        }
    }

    fn get(&self, hash: u64) -> &[u32] {
        self.groups
            .get(&hash)
            .and_then(|s| self.entries.get(s.range()))
            .unwrap_or_default()
    }
}

/// Byte range of one token of a name.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
}

impl Piece {
    fn of<'n>(&self, name: &'n str) -> &'n str {
        name.get(self.start..self.end).unwrap_or("")
    }
}

/// The non-particle tokens of a lexicon name (all of them when every token is
/// a particle), by the same particle rule as the text scanner: a particle is
/// dropped when lowercase, after a name token, or hyphened to the next token
/// (*al-Assad*), so a leading *Ben* in *Ben Wallace* stays.
fn name_tokens(name: &str) -> Vec<Piece> {
    let raws: Vec<RawTok> = Tokens::new(name).collect();
    let piece = |r: &RawTok| Piece {
        start: r.start,
        end: r.end,
    };
    let mut keep: Vec<Piece> = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        let next_glued = raws
            .get(i + 1)
            .is_some_and(|n| matches!(n.gap, Gap::Hyphen | Gap::Apostrophe));
        let word = name.get(raw.start..raw.end).unwrap_or("");
        let particle = drops_as_particle(word, raw.cap, !keep.is_empty(), next_glued);
        if !particle {
            keep.push(piece(raw));
        }
    }
    if keep.is_empty() {
        keep = raws.iter().map(piece).collect();
    }
    keep
}

fn is_particle(word: &str) -> bool {
    word.len() <= 4 && PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

fn is_space_particle(word: &str) -> bool {
    word.len() <= 4 && SPACE_PARTICLES.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// The particle rule shared by lexicon names and texts: is this word a
/// particle to leave out of the key sequence?
fn drops_as_particle(word: &str, cap: bool, after_name: bool, next_glued: bool) -> bool {
    is_particle(word) && (!cap || next_glued || (after_name && is_space_particle(word)))
}

// ---------------------------------------------------------------------------
// Folding and keys
// ---------------------------------------------------------------------------

/// Fold a token to lowercase ASCII letters and digits: accents go (`é` → `e`,
/// `ï` → `i`, combining marks vanish), other scripts are transliterated by
/// `deunicode`, anything that is not alphanumeric is dropped.
fn fold_into(token: &str, out: &mut String) {
    for c in token.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            }
        } else if !is_combining_mark(c)
            && let Some(s) = deunicode::deunicode_char(c)
        {
            out.extend(
                s.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant symbols: the other lowercase letters and the digraph symbols.
fn is_consonant(b: u8) -> bool {
    b.is_ascii_alphabetic() && !is_vowel(b)
}

/// Append the transliteration key of one folded token (see the module doc).
fn key_into(fold: &str, lang: Lang, out: &mut String) {
    key_with(fold, lang, out, &mut Vec::new());
}

/// [`key_into`] with a reusable symbol buffer, for the text scanner.
fn key_with(fold: &str, lang: Lang, out: &mut String, sym: &mut Vec<u8>) {
    let s = fold.as_bytes();
    sym.clear();
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if is_plain(b) {
            sym.push(b);
            i += 1;
            continue;
        }
        let (emit, used) = rewrite(s, i, lang);
        sym.extend_from_slice(emit.as_bytes());
        i += used.max(1);
    }
    finish_key(sym, lang);
    // Symbols are ASCII by construction (and checking that a short string is
    // UTF-8 cost more than keying it).
    out.extend(sym.iter().map(|&b| char::from(b)));
}

/// A letter or digit that [`rewrite`] keeps as it is whatever follows it
/// (most letters of a name): decided without matching spellings.
fn is_plain(b: u8) -> bool {
    b.is_ascii_digit()
        || matches!(
            b,
            b'a' | b'b' | b'e' | b'f' | b'h' | b'i' | b'l' | b'm' | b'n' | b'r' | b'u' | b'v'
        )
}

/// The symbols for the spelling at `s[i..]` and how many bytes it used.
/// Longest patterns first; the language decides `ch`, and French `gu`/`qu`.
/// Dispatched on the first letter: this runs for every capitalised word.
fn rewrite(s: &[u8], i: usize, lang: Lang) -> (&'static str, usize) {
    let rest = s.get(i..).unwrap_or_default();
    let at = |p: &[u8]| rest.starts_with(p);
    let then_in = |k: usize, set: &[u8]| rest.get(k).is_some_and(|c| set.contains(c));
    let next = rest.get(1).copied();
    let Some(&first) = rest.first() else {
        return ("", 1);
    };
    match first {
        b'c' if at(b"chtch") => ("Q", 5),
        // The spellings the two traditions read differently.
        b'c' if next == Some(b'h') => (if lang == Lang::Fr { "S" } else { "C" }, 2),
        b'c' if next == Some(b'k') => ("k", 2),
        b'c' if then_in(1, b"eiy") => ("s", 1),
        b'c' => ("k", 1),
        b's' if at(b"shch") => ("Q", 4),
        b's' if next == Some(b'h') => ("S", 2),
        b't' if at(b"tch") => ("C", 3),
        b't' if next == Some(b'h') => ("t", 2),
        b'd' if at(b"dzh") => ("Z", 3),
        b'd' if next == Some(b'j') => ("Z", 2),
        b'd' if next == Some(b'h') => ("d", 2),
        b'g' if lang == Lang::Fr && next == Some(b'u') && then_in(2, b"eiy") => ("g", 2),
        b'g' if next == Some(b'h') => ("g", 2),
        b'q' if lang == Lang::Fr && next == Some(b'u') && then_in(2, b"aeiouy") => ("k", 2),
        b'q' => ("k", 1),
        b'z' if next == Some(b'h') => ("Z", 2),
        b'k' if next == Some(b'h') => ("X", 2),
        b'o' if next == Some(b'u') => ("u", 2),
        b'p' if next == Some(b'h') => ("f", 2),
        b'j' => ("Z", 1),
        b'x' => ("ks", 1),
        b'w' => ("u", 1),
        b'y' => ("i", 1),
        b => (ascii_str(b), 1),
    }
}

/// A one-byte `&'static str` for an ASCII letter or digit.
fn ascii_str(b: u8) -> &'static str {
    const TABLE: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let pos = match b {
        b'0'..=b'9' => usize::from(b - b'0'),
        b'a'..=b'z' => usize::from(b - b'a') + 10,
        _ => return "",
    };
    TABLE.get(pos..pos + 1).unwrap_or("")
}

/// Position-dependent rules, applied once the symbols are known.
fn finish_key(sym: &mut Vec<u8>, lang: Lang) {
    // о+у: French writes `oou` (Belooussov), English `ou` (Belousov), which
    // English also uses for у (Masoud, Tsikhanouskaya): o before u goes.
    let mut prev_kept: Option<u8> = None;
    let mut k = if sym.windows(2).any(|w| w == b"ou") {
        sym.len()
    } else {
        0
    };
    while k > 0 {
        k -= 1;
        if sym[k] == b'o' && prev_kept == Some(b'u') {
            sym.remove(k);
        } else {
            prev_kept = Some(sym[k]);
        }
    }
    sym.dedup();
    // Word-initial ie/ye (Cyrillic е): Iekaterinbourg, Yekaterinburg, Ekaterinbourg.
    if sym.len() > 2 && sym.starts_with(b"ie") {
        sym.remove(0);
    }
    // Arabic -ah/-eh: Djedda / Jeddah.
    let n = sym.len();
    if n >= 3 && sym[n - 1] == b'h' && is_vowel(sym[n - 2]) {
        sym.pop();
    }
    // French mute -e (and -é, which English writes -e): Prigojine / Prigozhin.
    let n = sym.len();
    if n >= 3 && sym[n - 1] == b'e' && is_consonant(sym[n - 2]) {
        sym.pop();
    }
    // English consonant + -er for French -re: Alexander / Alexandre.
    let n = sym.len();
    if lang == Lang::En && n >= 5 && sym.ends_with(b"er") && is_consonant(sym[n - 3]) {
        sym.remove(n - 2);
    }
    sym.dedup();
}

// ---------------------------------------------------------------------------
// Edit distance
// ---------------------------------------------------------------------------

fn fuzzy_eligible(key: &[u8]) -> bool {
    (FUZZY_MIN_LEN..=FUZZY_MAX_LEN).contains(&key.len())
}

/// Edits allowed between two keys: one per ≈ 8 symbols of the shorter, at most 2.
fn allowed_edits(a: &[u8], b: &[u8]) -> usize {
    let min = a.len().min(b.len());
    if min < FUZZY_MIN_LEN {
        0
    } else {
        ((min + 4) / 8).min(2)
    }
}

/// Edits between two keys when they are a fuzzy match: both long enough, same
/// first symbol (no edit on the first letter), within the allowed distance.
fn fuzzy_edits(a: &[u8], b: &[u8]) -> Option<usize> {
    if !fuzzy_eligible(a) || !fuzzy_eligible(b) || a.first() != b.first() {
        return None;
    }
    let k = allowed_edits(a, b);
    if k == 0 {
        return None;
    }
    osa_within(&a[1..], &b[1..], k).filter(|&d| d > 0)
}

/// Optimal-string-alignment (Damerau) distance when it is at most `k`.
/// Fixed-size rows on the stack: no allocation per comparison.
fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    const W: usize = FUZZY_MAX_LEN + 1;
    if a.len() >= W || b.len() >= W || a.len().abs_diff(b.len()) > k {
        return None;
    }
    let mut prev2 = [0u8; W];
    let mut prev = [0u8; W];
    let mut cur = [0u8; W];
    for (j, cell) in (0u8..).zip(prev.iter_mut().take(b.len() + 1)) {
        *cell = j;
    }
    for (i, row) in (1u8..).zip(1..=a.len()) {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = u8::from(a[row - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if row > 1 && j > 1 && a[row - 1] == b[j - 2] && a[row - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > k {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = usize::from(prev[b.len()]);
    (d <= k).then_some(d)
}

/// Call `f` with the hash of `key` and of every variant with one deletion (two
/// for long keys), never deleting the first symbol.
///
/// The hashes are polynomial, so that the hash of a key with symbols left
/// out is put together from its prefix hashes in constant time: a key of 14
/// symbols has over a hundred variants, and hashing each from scratch was
/// most of the cost of looking a word up.
fn for_each_deletion_hash(key: &[u8], mut f: impl FnMut(u64)) {
    let n = key.len();
    if n > FUZZY_MAX_LEN {
        return;
    }
    // prefix[i]: hash of key[..i]; power[k]: BASE^k (wrapping arithmetic).
    let mut prefix = [0u64; FUZZY_MAX_LEN + 1];
    let mut power = [1u64; FUZZY_MAX_LEN + 1];
    for (i, &b) in key.iter().enumerate() {
        prefix[i + 1] = prefix[i]
            .wrapping_mul(HASH_BASE)
            .wrapping_add(u64::from(b) + 1);
        power[i + 1] = power[i].wrapping_mul(HASH_BASE);
    }
    // Hash of key[i..j], and the concatenation of two hashed pieces.
    let piece = |i: usize, j: usize| prefix[j].wrapping_sub(prefix[i].wrapping_mul(power[j - i]));
    let join = |h: u64, (g, len): (u64, usize)| h.wrapping_mul(power[len]).wrapping_add(g);
    // Hash of the key without the symbol at `p` (and the one at `q`).
    let without = |p: usize| join(prefix[p], (piece(p + 1, n), n - p - 1));
    let without_two = |p: usize, q: usize| {
        let h = join(prefix[p], (piece(p + 1, q), q - p - 1));
        join(h, (piece(q + 1, n), n - q - 1))
    };
    f(finish_hash(prefix[n], n));
    (1..n).for_each(|p| f(finish_hash(without(p), n - 1)));
    if (FUZZY_TWO_EDITS_LEN..=FUZZY_TWO_EDITS_MAX).contains(&n) {
        for p in 1..n {
            (p + 1..n).for_each(|q| f(finish_hash(without_two(p, q), n - 2)));
        }
    }
}

/// Multiplier of the polynomial hash (odd, so every power is invertible).
const HASH_BASE: u64 = 0x100_0000_01b3;

/// Mixes a polynomial hash with its length so that its bits spread.
fn finish_hash(h: u64, len: usize) -> u64 {
    let x = (h ^ (len as u64).rotate_left(56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}

// ---------------------------------------------------------------------------
// Tokenising the text
// ---------------------------------------------------------------------------

/// What separates a word from the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    /// First word of the text.
    Start,
    /// Whitespace on one line only (NBSP included).
    Space,
    /// A single hyphen: Kim Jong-un, Rostov-sur-le-Don.
    Hyphen,
    /// A single apostrophe, straight or curly: d’Estaing.
    Apostrophe,
    /// Anything else: punctuation, quotes, line breaks.
    Break,
}

/// A word of the text: a maximal run of letters, digits and combining marks.
#[derive(Clone, Copy, Debug)]
struct RawTok {
    start: usize,
    end: usize,
    gap: Gap,
    sentence_start: bool,
    cap: bool,
}

/// The words of a text with their byte offsets, one pass, no allocation.
struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    started: bool,
}

impl<'t> Tokens<'t> {
    fn new(text: &'t str) -> Tokens<'t> {
        Tokens {
            text,
            pos: 0,
            started: false,
        }
    }
}

impl Tokens<'_> {
    /// Move to the gap before the next capitalised word, skipping the
    /// lowercase words in between at byte speed: outside a run of name words
    /// they cannot matter, and they are most of a text. Capitalised words
    /// inside `known` spans are skipped too: they are never candidates.
    fn skip_to_capital(&mut self, known: &mut KnownSpans<'_>) {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            // Eight bytes at a time past lowercase ASCII, which starts no capital.
            while let Some(block) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(block.try_into().unwrap_or([0x80; 8]));
                if may_hold_capital(word) {
                    break;
                }
                i += 8;
            }
            let block = bytes.get(i..(i + 8).min(bytes.len())).unwrap_or_default();
            let Some(off) = block
                .iter()
                .position(|&b| b.is_ascii_uppercase() || b >= 0xc0)
            else {
                if block.is_empty() {
                    break;
                }
                i += block.len();
                continue;
            };
            i += off;
            let Some(c) = self.text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if is_capital(c) && !self.word_char_before(i) {
                if let Some(end) = known.covering(i) {
                    i = end;
                    continue;
                }
                self.pos = self.word_end_before(i);
                return;
            }
            i += c.len_utf8();
        }
        self.pos = self.text.len();
    }

    /// True when the character before byte `i` (not before `self.pos`) is part of a word.
    fn word_char_before(&self, i: usize) -> bool {
        i > self.pos
            && self
                .text
                .get(self.pos..i)
                .and_then(|s| s.chars().next_back())
                .is_some_and(is_word_char)
    }

    /// End of the last word before byte `i`, or `self.pos` if none is after it:
    /// where the gap before the word at `i` starts.
    fn word_end_before(&self, i: usize) -> usize {
        let before = self.text.get(self.pos..i).unwrap_or_default();
        before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_word_char(c))
            .map_or(self.pos, |(k, c)| self.pos + k + c.len_utf8())
    }

    /// Whether the character at byte `i` is part of a word, and its length.
    /// ASCII is decided on the byte: most of a text never reaches the Unicode
    /// tables.
    #[inline]
    fn word_char_at(&self, i: usize) -> Option<(bool, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        if b.is_ascii() {
            return Some((b.is_ascii_alphanumeric(), 1));
        }
        let c = self.text.get(i..)?.chars().next()?;
        Some((is_word_char(c), c.len_utf8()))
    }
}

impl Iterator for Tokens<'_> {
    type Item = RawTok;

    fn next(&mut self) -> Option<RawTok> {
        let bytes = self.text.as_bytes();
        // To the next word: ASCII decided on the byte, the rest by character.
        let mut start = self.pos;
        loop {
            let b = *bytes.get(start)?;
            if b.is_ascii_alphanumeric() {
                break;
            }
            if b.is_ascii() {
                start += 1;
                continue;
            }
            let c = self.text.get(start..)?.chars().next()?;
            if is_word_char(c) {
                break;
            }
            start += c.len_utf8();
        }
        let mut end = start;
        loop {
            // Tight loop over ASCII letters; the Unicode path only for the rest.
            end += bytes[end..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - end);
            match self.word_char_at(end) {
                Some((true, len)) => end += len,
                _ => break,
            }
        }
        let (gap, sentence_start) = if self.started {
            classify_gap(self.text.get(self.pos..start).unwrap_or_default())
        } else {
            (Gap::Start, true)
        };
        self.started = true;
        self.pos = end;
        let first = *self.text.as_bytes().get(start)?;
        let cap = if first.is_ascii() {
            first.is_ascii_uppercase()
        } else {
            self.text
                .get(start..)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        };
        Some(RawTok {
            start,
            end,
            gap,
            sentence_start,
            cap,
        })
    }
}

/// False when none of the eight bytes of `word` is an ASCII capital or
/// outside ASCII (then none starts a capitalised word): the test of one
/// byte, eight at once.
fn may_hold_capital(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if word & HIGH != 0 {
        return true;
    }
    // Every byte is below 0x80, so no sum carries into the next byte: the
    // high bit of b + 0x3F is set from `A` on, that of b + 0x25 from `[` on.
    word.wrapping_add(0x3F * ONES) & !word.wrapping_add(0x25 * ONES) & HIGH != 0
}

/// A character of a word: a letter, a digit or a combining mark. The
/// characters of news text (Latin letters, quotes, dashes, spaces) are
/// decided without the Unicode tables.
#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    if is_general_punctuation(c) {
        return false;
    }
    if ('\u{C0}'..='\u{24F}').contains(&c) {
        // Latin-1 and Latin Extended letters: all but × and ÷.
        return c != '×' && c != '÷';
    }
    c.is_alphanumeric() || is_combining_mark(c)
}

/// An uppercase letter, with the same shortcut as [`is_word_char`].
#[inline]
fn is_capital(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    !is_general_punctuation(c) && c.is_uppercase()
}

/// Classify the characters between two words, and tell whether the second
/// word starts a sentence (after `. ! ? … : ;`, a bullet or a line break).
fn classify_gap(gap: &str) -> (Gap, bool) {
    if gap == " " {
        return (Gap::Space, false);
    }
    let (mut spaces, mut hyphens, mut apostrophes, mut other) = (0, 0, 0, 0);
    let mut sentence = false;
    for c in gap.chars() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '.' | '!' | '?' | '…' | ':' | ';' | '•'
            | '·' => {
                sentence = true;
                other += 1;
            }
            '-' | '\u{2010}' | '\u{2011}' => hyphens += 1,
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' => apostrophes += 1,
            c if c.is_whitespace() => spaces += 1,
            _ => other += 1,
        }
    }
    let gap = match (spaces, hyphens, apostrophes, other) {
        (1.., 0, 0, 0) => Gap::Space,
        (0, 1, 0, 0) => Gap::Hyphen,
        (0, 0, 1, 0) => Gap::Apostrophe,
        _ => Gap::Break,
    };
    (gap, sentence)
}

/// A name word of the text (particles excluded), with its fold and key.
#[derive(Clone, Debug)]
struct NameTok {
    span: Span,
    sentence_start: bool,
    cap: bool,
    common: bool,
    /// Joined to the previous name word of its run directly or through
    /// hyphens, not through a spaced particle: *Nizhny Novgorod*,
    /// *Rostov-sur-le-Don*, but not *la Russie de Poutine*.
    glued_prev: bool,
    fold: Range<usize>,
    key: Range<usize>,
}

impl NameTok {
    fn letters(&self) -> usize {
        self.fold.len()
    }
}

/// The text cut into runs of name words; folds and keys live in two shared
/// buffers so that a text costs a handful of allocations, not one per word.
#[derive(Default)]
struct Scan {
    toks: Vec<NameTok>,
    runs: Vec<Range<usize>>,
    folds: String,
    keys: String,
    /// Scratch buffer for key symbols.
    sym: Vec<u8>,
}

/// State of the run being built.
#[derive(Default)]
struct RunState {
    open: bool,
    start: usize,
    has_name: bool,
    /// No spaced particle since the last name word.
    chain: bool,
}

impl Scan {
    fn new(
        text: &str,
        lang: Lang,
        blocked: &mut KnownSpans<'_>,
        common: &FxSet<&'static str>,
    ) -> Scan {
        let mut scan = Scan::default();
        let mut run = RunState::default();
        let mut raws = Tokens::new(text);
        let mut next = raws.next();
        while let Some(raw) = next {
            if !run.open && !raw.cap {
                // Outside a run only a capitalised word can start one.
                raws.skip_to_capital(blocked);
                next = raws.next();
                continue;
            }
            let following = raws.next();
            next = following;
            if blocked.overlaps(raw.start, raw.end) {
                scan.close(&mut run);
                continue;
            }
            let word = text.get(raw.start..raw.end).unwrap_or_default();
            let joinable =
                run.open && matches!(raw.gap, Gap::Space | Gap::Hyphen | Gap::Apostrophe);
            let next_glued =
                following.is_some_and(|n| matches!(n.gap, Gap::Hyphen | Gap::Apostrophe));
            if raw.cap {
                if !joinable {
                    scan.close(&mut run);
                    run = RunState {
                        open: true,
                        start: scan.toks.len(),
                        has_name: false,
                        chain: true,
                    };
                }
                if drops_as_particle(word, true, run.has_name, next_glued) {
                    run.chain &= raw.gap == Gap::Hyphen || !run.has_name;
                    continue;
                }
                scan.push_name(word, raw, lang, common, &mut run);
            } else if joinable && raw.gap == Gap::Hyphen {
                // Lowercase parts of a name: Jong-un, Rostov-sur-le-Don.
                if !is_particle(word) {
                    scan.push_name(word, raw, lang, common, &mut run);
                }
            } else if joinable
                && raw.gap == Gap::Space
                && (is_space_particle(word) || (is_particle(word) && next_glued))
            {
                run.chain = false;
            } else {
                scan.close(&mut run);
                if following.is_some_and(|f| !f.cap) {
                    raws.skip_to_capital(blocked);
                    next = raws.next();
                }
            }
        }
        scan.close(&mut run);
        scan
    }

    fn push_name(
        &mut self,
        word: &str,
        raw: RawTok,
        lang: Lang,
        common: &FxSet<&'static str>,
        run: &mut RunState,
    ) {
        let f0 = self.folds.len();
        fold_into(word, &mut self.folds);
        let fold = f0..self.folds.len();
        let k0 = self.keys.len();
        key_with(
            self.folds.get(fold.clone()).unwrap_or_default(),
            lang,
            &mut self.keys,
            &mut self.sym,
        );
        let key = k0..self.keys.len();
        let is_common = common.contains(self.folds.get(fold.clone()).unwrap_or_default());
        self.toks.push(NameTok {
            span: Span::new(raw.start, raw.end),
            sentence_start: raw.sentence_start,
            cap: raw.cap,
            common: is_common,
            glued_prev: run.has_name && run.chain,
            fold,
            key,
        });
        run.has_name = true;
        run.chain = true;
    }

    fn close(&mut self, run: &mut RunState) {
        if run.open && self.toks.len() > run.start {
            self.runs.push(run.start..self.toks.len());
        }
        *run = RunState::default();
    }

    fn fold(&self, t: &NameTok) -> &str {
        self.folds.get(t.fold.clone()).unwrap_or_default()
    }

    fn key(&self, t: &NameTok) -> &str {
        self.keys.get(t.key.clone()).unwrap_or_default()
    }
}

/// The `known` spans, sorted, walked in step with the text's words.
struct KnownSpans<'k> {
    spans: std::borrow::Cow<'k, [(Span, &'k str)]>,
    next: usize,
}

impl<'k> KnownSpans<'k> {
    fn new(known: &'k [(Span, &'k str)]) -> KnownSpans<'k> {
        // The tagger hands its mentions over in text order: no copy then.
        let spans = if known.is_sorted_by_key(|(s, _)| *s) {
            std::borrow::Cow::Borrowed(known)
        } else {
            let mut sorted = known.to_vec();
            sorted.sort_unstable_by_key(|(s, _)| *s);
            std::borrow::Cow::Owned(sorted)
        };
        KnownSpans { spans, next: 0 }
    }

    /// Back to the start of the text, for another pass.
    fn rewind(&mut self) {
        self.next = 0;
    }

    /// The end of the known span that holds byte `i`, if any. Same order
    /// of calls as [`KnownSpans::overlaps`].
    fn covering(&mut self, i: usize) -> Option<usize> {
        self.ending_after(i)
            .iter()
            .take_while(|(s, _)| s.start <= i)
            .filter(|(s, _)| s.end > i)
            .map(|(s, _)| s.end)
            .max()
    }

    /// True when `start..end` overlaps a known span. Calls come in increasing
    /// `start` order, so spans ending before `start` are skipped for good.
    fn overlaps(&mut self, start: usize, end: usize) -> bool {
        self.ending_after(start)
            .iter()
            .take_while(|(s, _)| s.start < end)
            .any(|(s, _)| s.end > start && s.start < s.end)
    }

    /// The spans from the first one that ends after byte `at`; those before
    /// it are skipped for good (calls come in increasing `at` order).
    fn ending_after(&mut self, at: usize) -> &[(Span, &'k str)] {
        while self.spans.get(self.next).is_some_and(|(s, _)| s.end <= at) {
            self.next += 1;
        }
        self.spans.get(self.next..).unwrap_or_default()
    }
}

// ---------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------

/// Mutable state of pass 1 (full names), shared across runs.
struct Pass1<'p> {
    consumed: &'p mut [bool],
    cands: &'p mut Vec<u32>,
    found: &'p mut Vec<u32>,
    out: &'p mut Vec<VariantMatch>,
}

impl Pass1<'_> {
    fn consume(&mut self, range: Range<usize>) {
        if let Some(slot) = self.consumed.get_mut(range) {
            slot.fill(true);
        }
    }
}

/// The best match starting at one word.
#[derive(Clone, Copy, Debug)]
struct Best {
    len: usize,
    edits: usize,
    entry: u32,
    ambiguous: bool,
}

impl VariantIndex {
    /// Pass 1: full names inside one run, leftmost-longest.
    fn match_run(&self, scan: &Scan, run: Range<usize>, pass: &mut Pass1<'_>) {
        let Some(toks) = scan.toks.get(run.clone()) else {
            return;
        };
        let mut i = 0;
        while i < toks.len() {
            let Some(best) = self.best_at(scan, toks, i, pass.cands) else {
                i += 1;
                continue;
            };
            let end = i + best.len;
            if best.ambiguous {
                // Doubtful: link nothing here, and offer the words to no one else.
                pass.consume(run.start + i..run.start + end);
                i = end;
                continue;
            }
            let Some(entry) = self
                .entry(best.entry)
                .filter(|_| self.passes_guards(toks, i, &best))
            else {
                i += 1;
                continue;
            };
            pass.consume(run.start + i..run.start + end);
            pass.found.push(best.entry);
            pass.out.push(VariantMatch {
                span: Span::new(toks[i].span.start, toks[end - 1].span.end),
                name: entry.id,
                kind: kind_of(best.edits),
                confidence: confidence(best.edits, CONF_TRANSLIT),
            });
            i = end;
        }
    }

    /// Entries that could start at word `i`, verified, reduced to the best.
    fn best_at(
        &self,
        scan: &Scan,
        toks: &[NameTok],
        i: usize,
        cands: &mut Vec<u32>,
    ) -> Option<Best> {
        let tok = toks.get(i)?;
        if !tok.cap {
            return None;
        }
        let key = scan.key(tok);
        cands.clear();
        for k in [key, scan.fold(tok)] {
            cands.extend_from_slice(self.first.get(text_hash(k)));
        }
        if fuzzy_eligible(key.as_bytes()) {
            for_each_deletion_hash(key.as_bytes(), |h| {
                cands.extend_from_slice(self.fuzzy.get(h));
            });
        }
        cands.sort_unstable();
        cands.dedup();
        let rest = toks.get(i..)?;
        let mut best: Option<Best> = None;
        for &c in cands.iter() {
            let Some(entry) = self.entry(c) else { continue };
            let Some(edits) = self.verify(scan, rest, entry) else {
                continue;
            };
            let cand = Best {
                len: entry.tokens.len(),
                edits,
                entry: c,
                ambiguous: false,
            };
            best = Some(match best {
                None => cand,
                Some(b) => self.better(b, cand),
            });
        }
        best
    }

    /// Longest first, then fewest edits; a tie between two entities is ambiguous.
    fn better(&self, a: Best, b: Best) -> Best {
        use std::cmp::Ordering::{Greater, Less};
        match (b.len.cmp(&a.len), a.edits.cmp(&b.edits)) {
            (Greater, _) | (std::cmp::Ordering::Equal, Greater) => b,
            (Less, _) | (std::cmp::Ordering::Equal, Less) => a,
            _ => {
                let same = match (self.entry(a.entry), self.entry(b.entry)) {
                    (Some(x), Some(y)) => self.entity_of(x) == self.entity_of(y),
                    _ => false,
                };
                let keep = if self.entry_id(b.entry) < self.entry_id(a.entry) {
                    b
                } else {
                    a
                };
                Best {
                    ambiguous: a.ambiguous || b.ambiguous || !same,
                    ..keep
                }
            }
        }
    }

    /// One-word guards: common words never link; at a sentence start only an
    /// exact key of 5+ letters links; a one-word place must stand alone; a
    /// one-word person after another given name than the lexicon's does not link.
    fn passes_guards(&self, toks: &[NameTok], i: usize, best: &Best) -> bool {
        if best.len != 1 {
            return true;
        }
        let Some(tok) = toks.get(i) else { return false };
        if tok.common || tok.letters() < 2 {
            return false;
        }
        if tok.sentence_start && (best.edits > 0 || tok.letters() < SENTENCE_START_MIN_LEN) {
            return false;
        }
        let Some(entry) = self.entry(best.entry) else {
            return false;
        };
        let glued_before = tok.glued_prev && i > 0 && !toks[i - 1].common;
        if entry.is_person {
            // *Dmitri Patrouchev* is not *Patrushev* when the lexicon knows that
            // Patrushev as *Nikolai Patrushev*: that full name would have matched.
            !(glued_before && self.persons_of(self.entity_of(entry)).next().is_some())
        } else {
            let glued_after = toks.get(i + 1).is_some_and(|n| n.glued_prev && !n.common);
            !(glued_before || glued_after)
        }
    }

    /// Pass 2: surnames alone, for persons whose full name is in the text.
    fn match_surnames(
        &self,
        scan: &Scan,
        known: &[(Span, &str)],
        found: &[u32],
        consumed: &[bool],
        out: &mut Vec<VariantMatch>,
    ) {
        let groups = groups(scan, consumed);
        // The words that may be a surname alone: a capitalised last word
        // after common words only (*President Zelensky*).
        let queries: Vec<&NameTok> = groups
            .iter()
            .filter_map(|g| {
                let last = (g.start..g.end).last()?;
                let tok = &scan.toks[last];
                let alone = (g.start..last).all(|t| scan.toks[t].common);
                (alone && tok.cap && !tok.common && tok.letters() >= SURNAME_MIN_LEN).then_some(tok)
            })
            .collect();
        if queries.is_empty() {
            return;
        }
        let present = self.present_persons(known, found);
        if present.is_empty() {
            return;
        }
        // Last words of other multi-word names: another person may share the surname.
        let others: FxSet<&str> = groups
            .iter()
            .filter(|g| (g.start..g.end).filter(|&t| !scan.toks[t].common).count() >= 2)
            .filter_map(|g| (g.start..g.end).last().map(|t| &scan.toks[t]))
            .flat_map(|o| [scan.key(o), scan.fold(o)])
            .collect();
        // Only the present persons these words could name are indexed: a
        // surname matches by fold, or by a key with the same first symbol.
        let mut firsts = [false; 256];
        for q in &queries {
            if let Some(&b) = scan.key(q).as_bytes().first() {
                firsts[usize::from(b)] = true;
            }
        }
        let folds: FxSet<&str> = queries.iter().map(|q| scan.fold(q)).collect();
        let present = PresentSurnames::new(self, &present, |last| {
            last.key
                .as_bytes()
                .first()
                .is_some_and(|&b| firsts[usize::from(b)])
                || folds.contains(last.fold)
        });
        let mut cands = Vec::new();
        for tok in queries {
            if let Some(m) = self.surname_match(scan, tok, &present, &others, &mut cands) {
                out.push(m);
            }
        }
    }

    /// Multi-word person entries whose entity is in `known` or was found.
    fn present_persons(&self, known: &[(Span, &str)], found: &[u32]) -> Vec<u32> {
        let mut present: Vec<u32> = Vec::new();
        // A text names the same entities again and again: each is looked up
        // once (the ids of one entity are one string, so its address says).
        let mut seen: FxSet<usize> = FxSet::default();
        for (_, entity) in known.iter().filter(|(_, e)| !e.is_empty()) {
            if seen.insert(entity.as_ptr() as usize) {
                present.extend(self.persons_of(entity));
            }
        }
        for &f in found {
            if let Some(entry) = self.entry(f) {
                present.extend(self.persons_of(self.entity_of(entry)));
            }
        }
        present.sort_unstable();
        present.dedup();
        present
    }

    /// The present person whose surname `tok` is, if exactly one entity fits
    /// and no other multi-word name of the text ends with the same word.
    fn surname_match(
        &self,
        scan: &Scan,
        tok: &NameTok,
        present: &PresentSurnames,
        others: &FxSet<&str>,
        cands: &mut Vec<u32>,
    ) -> Option<VariantMatch> {
        if tok.common || tok.letters() < SURNAME_MIN_LEN {
            return None;
        }
        let (key, fold) = (scan.key(tok), scan.fold(tok));
        let mut best: Option<(usize, u32)> = None;
        let mut entities: Vec<&str> = Vec::new();
        present.candidates(key, fold, cands);
        for &p in cands.iter() {
            let Some(entry) = self.entry(p) else { continue };
            let Some(last) = self.name_tokens_of(entry).next_back() else {
                continue;
            };
            let Some(edits) = token_edits(key, fold, last, true) else {
                continue;
            };
            let entity = self.entity_of(entry);
            if !entities.contains(&entity) {
                entities.push(entity);
            }
            let better =
                best.is_none_or(|(e, b)| edits < e || (edits == e && entry.id < self.entry_id(b)));
            if better {
                best = Some((edits, p));
            }
        }
        let (edits, idx) = best?;
        let shared = others.contains(key) || others.contains(fold);
        if entities.len() != 1 || shared {
            return None;
        }
        if tok.sentence_start && (edits > 0 || tok.letters() < SENTENCE_START_MIN_LEN) {
            return None;
        }
        Some(VariantMatch {
            span: tok.span,
            name: self.entry(idx)?.id,
            kind: kind_of(edits),
            confidence: confidence(edits, CONF_SURNAME),
        })
    }
}

/// The persons present in a text, indexed by the last word of their name so
/// that each capitalised word is compared with a few surnames, not all of
/// them (a long text names thousands of people): by folded spelling, by key,
/// and, for fuzzy matches, by the same deletion hashes as the index's
/// one-word names. Deletion hashes find every match within the allowed
/// edits of keys up to [`FUZZY_TWO_EDITS_MAX`] symbols; longer keys (rare)
/// are also compared by first symbol and length.
struct PresentSurnames {
    /// `(hash, person)`, sorted: hashes of the surname's fold and key and the
    /// key's deletion hashes. One allocation and integer comparisons; a
    /// collision only adds a candidate that [`token_edits`] then rejects.
    hashes: Vec<(u64, u32)>,
    /// `((first symbol, length), person)` for keys of at least
    /// [`LONG_SURNAME`] symbols, sorted.
    by_shape: Vec<((u8, usize), u32)>,
}

/// Keys from this length on may need two edits that deletion hashes do not
/// search (one of the two keys is longer than [`FUZZY_TWO_EDITS_MAX`]).
const LONG_SURNAME: usize = FUZZY_TWO_EDITS_MAX - 3;

impl PresentSurnames {
    /// The surnames of the `present` persons for which `wanted` is true.
    fn new(
        index: &VariantIndex,
        present: &[u32],
        wanted: impl Fn(NameToken<'_>) -> bool,
    ) -> PresentSurnames {
        let mut out = PresentSurnames {
            hashes: Vec::new(),
            by_shape: Vec::new(),
        };
        for &p in present {
            let Some(last) = index
                .entry(p)
                .and_then(|e| index.name_tokens_of(e).next_back())
            else {
                continue;
            };
            if !wanted(last) {
                continue;
            }
            out.hashes.push((text_hash(last.fold), p));
            out.hashes.push((text_hash(last.key), p));
            let key = last.key.as_bytes();
            if fuzzy_eligible(key) {
                for_each_deletion_hash(key, |h| out.hashes.push((h, p)));
            }
            if let Some(&first) = key.first().filter(|_| key.len() >= LONG_SURNAME) {
                out.by_shape.push(((first, key.len()), p));
            }
        }
        out.hashes.sort_unstable();
        out.hashes.dedup();
        out.by_shape.sort_unstable();
        out
    }

    /// Persons whose surname may match a word with this key and fold, each
    /// once, in order, into `out`.
    fn candidates(&self, key: &str, fold: &str, out: &mut Vec<u32>) {
        /// The persons listed under `k` in a sorted list.
        fn under<K: Ord + Copy>(list: &[(K, u32)], k: K, out: &mut Vec<u32>) {
            let from = list.partition_point(|(x, _)| *x < k);
            out.extend(
                list[from..]
                    .iter()
                    .take_while(|(x, _)| *x == k)
                    .map(|(_, p)| *p),
            );
        }
        out.clear();
        under(&self.hashes, text_hash(fold), out);
        under(&self.hashes, text_hash(key), out);
        let bytes = key.as_bytes();
        if fuzzy_eligible(bytes) {
            for_each_deletion_hash(bytes, |h| under(&self.hashes, h, out));
        }
        if let Some(&first) = bytes.first().filter(|_| bytes.len() + 2 >= LONG_SURNAME) {
            for len in bytes.len().saturating_sub(2)..=bytes.len() + 2 {
                under(&self.by_shape, (first, len), out);
            }
        }
        out.sort_unstable();
        out.dedup();
    }
}

/// A hash of a whole fold or key, for the index of first tokens and
/// [`PresentSurnames`].
fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
}

impl VariantIndex {
    /// Total edits when every token of `entry` matches the words at the start of
    /// `toks`: equal fold or key, or fuzzy where allowed (a one-word name, the
    /// surname of a person, a non-initial word of a place).
    fn verify(&self, scan: &Scan, toks: &[NameTok], entry: &Entry) -> Option<usize> {
        let n = entry.tokens.len();
        if n == 0 || toks.len() < n {
            return None;
        }
        let mut total = 0;
        for (j, (tok, name)) in toks.iter().zip(self.name_tokens_of(entry)).enumerate() {
            let fuzzy_ok = n == 1 || (j > 0 && (j == n - 1 || !entry.is_person));
            total += token_edits(scan.key(tok), scan.fold(tok), name, fuzzy_ok)?;
        }
        Some(total)
    }
}

/// 0 when the key or the fold is equal, the edits of a fuzzy match when
/// allowed, `None` otherwise.
fn token_edits(key: &str, fold: &str, name: NameToken<'_>, fuzzy_ok: bool) -> Option<usize> {
    if key == name.key || fold == name.fold {
        return Some(0);
    }
    if !fuzzy_ok {
        return None;
    }
    fuzzy_edits(key.as_bytes(), name.key.as_bytes())
}

/// Runs cut at consumed words and at spaced particles: each group is one
/// candidate name (*Président Zelensky*, *Dmitri Patrouchev*).
fn groups(scan: &Scan, consumed: &[bool]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for run in &scan.runs {
        let mut start: Option<usize> = None;
        for t in run.clone() {
            let taken = consumed.get(t).copied().unwrap_or(true);
            let glued = scan.toks.get(t).is_some_and(|x| x.glued_prev);
            if (taken || !glued)
                && let Some(s) = start.take()
            {
                out.push(s..t);
            }
            if !taken && start.is_none() {
                start = Some(t);
            }
        }
        if let Some(s) = start {
            out.push(s..run.end);
        }
    }
    out
}

fn kind_of(edits: usize) -> VariantKind {
    if edits == 0 {
        VariantKind::Translit
    } else {
        VariantKind::Fuzzy
    }
}

/// `exact` for a key match; each edit lowers it (a full name with one edit
/// gets 0.75, a surname alone with one edit 0.65).
fn confidence(edits: usize, exact: f32) -> f32 {
    if edits == 0 {
        exact
    } else {
        let steps = (edits - 1).min(4) as f32;
        (exact - CONF_FUZZY_DROP - CONF_FUZZY_STEP * steps).max(0.1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(
        id: usize,
        entity: &'static str,
        name: &'static str,
        lang: Option<Lang>,
    ) -> IndexedName<'static> {
        IndexedName {
            id,
            entity,
            name,
            lang,
            is_person: true,
        }
    }

    fn place(
        id: usize,
        entity: &'static str,
        name: &'static str,
        lang: Option<Lang>,
    ) -> IndexedName<'static> {
        IndexedName {
            id,
            entity,
            name,
            lang,
            is_person: false,
        }
    }

    /// The matched surfaces with their name ids and kinds.
    fn found<'t>(
        index: &VariantIndex,
        text: &'t str,
        lang: Lang,
        known: &[(Span, &str)],
    ) -> Vec<(&'t str, usize, VariantKind)> {
        index
            .find(text, lang, known)
            .into_iter()
            .map(|m| (m.span.of(text), m.name, m.kind))
            .collect()
    }

    #[test]
    fn postings_list_each_entry_once_per_hash_in_entry_order() {
        let mut postings = Postings::default();
        for (hash, entry) in [(7, 3), (9, 1), (7, 1), (7, 3), (9, 1), (7, 2)] {
            postings.push(hash, entry);
        }
        postings.seal();
        assert_eq!(postings.get(7), [1, 2, 3]);
        assert_eq!(postings.get(9), [1]);
        assert!(postings.get(8).is_empty());
    }

    #[test]
    fn names_of_one_entity_share_its_stored_id_and_keep_their_tokens() {
        let names = [
            ("kim_yo_jong", "Kim Yo-jong", Some(Lang::Fr)),
            ("kim_yo_jong", "Kim Yo Jong", Some(Lang::En)),
            ("kim_jong_un", "Kim Jong-un", None),
        ];
        let index =
            VariantIndex::new(names.iter().enumerate().map(|(id, (entity, name, lang))| {
                IndexedName {
                    id,
                    entity,
                    name,
                    lang: *lang,
                    is_person: true,
                }
            }));
        // Kim Jong-un keys alike in both languages: one entry, not two.
        assert_eq!(index.len(), 3);
        let entities: Vec<&str> = index.entries.iter().map(|e| index.entity_of(e)).collect();
        assert_eq!(entities, ["kim_yo_jong", "kim_yo_jong", "kim_jong_un"]);
        assert_eq!(
            index.entries[0].entity, index.entries[1].entity,
            "stored once"
        );
        let folds: Vec<Vec<&str>> = index
            .entries
            .iter()
            .map(|e| index.name_tokens_of(e).map(|t| t.fold).collect())
            .collect();
        assert_eq!(
            folds,
            [
                ["kim", "yo", "jong"],
                ["kim", "yo", "jong"],
                ["kim", "jong", "un"]
            ]
        );
        assert_eq!(index.persons_of("kim_yo_jong").collect::<Vec<_>>(), [0, 1]);
        assert!(index.persons_of("kim_il_sung").next().is_none());
    }

    #[test]
    fn eight_bytes_at_once_find_every_capital() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut block = *b"abcdefgh";
                block[at] = b;
                let want = b.is_ascii_uppercase() || b >= 0x80;
                assert_eq!(
                    may_hold_capital(u64::from_le_bytes(block)),
                    want,
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn word_and_capital_shortcuts_agree_with_unicode() {
        for u in 0..0x2100 {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(
                is_word_char(c),
                c.is_alphanumeric() || is_combining_mark(c),
                "{c:?}"
            );
            assert_eq!(is_capital(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn deletion_hashes_are_the_hashes_of_the_shortened_keys() {
        let whole = |key: &[u8]| {
            let mut first = None;
            for_each_deletion_hash(key, |h| {
                first.get_or_insert(h);
            });
            first.unwrap()
        };
        for key in ["prigozhin", "kadyrovtsyyy", "zaporizhzhiaoblast"] {
            let key = key.as_bytes();
            let mut hashes = Vec::new();
            for_each_deletion_hash(key, |h| hashes.push(h));
            assert_eq!(hashes[0], whole(key));
            for p in 1..key.len() {
                let mut short = key.to_vec();
                short.remove(p);
                assert!(hashes.contains(&whole(&short)), "{p}");
                if key.len() >= FUZZY_TWO_EDITS_LEN {
                    for q in p..short.len() {
                        let mut shorter = short.clone();
                        shorter.remove(q);
                        assert!(hashes.contains(&whole(&shorter)), "{p} {q}");
                    }
                }
            }
            // The first symbol is never left out.
            assert!(!hashes.contains(&whole(&key[1..])));
        }
    }

    #[test]
    fn rewrite_by_first_letter_agrees_with_the_pattern_list() {
        const LETTERS: &[u8] = b"abcdeghijkopqstuwxyz0";
        // Every string of up to four of these letters, and the five-letter
        // pattern, in both languages.
        let mut words: Vec<Vec<u8>> = vec![b"chtch".to_vec(), b"xchtcha".to_vec(), Vec::new()];
        for _ in 0..4 {
            let longer: Vec<Vec<u8>> = words
                .iter()
                .filter(|w| w.len() == words.last().map_or(0, Vec::len))
                .flat_map(|w| LETTERS.iter().map(move |&l| [w.as_slice(), &[l]].concat()))
                .collect();
            words.extend(longer);
        }
        for word in &words {
            for lang in [Lang::Fr, Lang::En] {
                for i in 0..=word.len() {
                    assert_eq!(
                        rewrite(word, i, lang),
                        rewrite_by_patterns(word, i, lang),
                        "{:?} at {i} ({lang:?})",
                        String::from_utf8_lossy(word)
                    );
                }
            }
        }
    }

    #[test]
    fn plain_letters_are_kept_whatever_follows() {
        for b in (0..=u8::MAX).filter(|&b| is_plain(b)) {
            for next in [
                None,
                Some(b'h'),
                Some(b'u'),
                Some(b'e'),
                Some(b'j'),
                Some(b'z'),
            ] {
                let s: Vec<u8> = std::iter::once(b).chain(next).collect();
                for lang in [Lang::Fr, Lang::En] {
                    let (emit, used) = rewrite(&s, 0, lang);
                    assert_eq!((emit.as_bytes(), used), ([b].as_slice(), 1), "{s:?}");
                }
            }
        }
    }

    /// `rewrite` as first written, one pattern after another: the reference.
    fn rewrite_by_patterns(s: &[u8], i: usize, lang: Lang) -> (&'static str, usize) {
        let rest = s.get(i..).unwrap_or_default();
        let at = |p: &[u8]| rest.starts_with(p);
        let then_in = |k: usize, set: &[u8]| rest.get(k).is_some_and(|c| set.contains(c));
        // Spellings that mean one sound whatever the language.
        let long: [(&[u8], &'static str); 4] = [
            (b"chtch", "Q"),
            (b"shch", "Q"),
            (b"tch", "C"),
            (b"dzh", "Z"),
        ];
        for (pat, emit) in long {
            if at(pat) {
                return (emit, pat.len());
            }
        }
        // The spellings the two traditions read differently.
        match lang {
            Lang::Fr if at(b"ch") => return ("S", 2),
            Lang::En if at(b"ch") => return ("C", 2),
            Lang::Fr if at(b"gu") && then_in(2, b"eiy") => return ("g", 2),
            Lang::Fr if at(b"qu") && then_in(2, b"aeiouy") => return ("k", 2),
            _ => {}
        }
        let two: [(&[u8], &'static str); 10] = [
            (b"dj", "Z"),
            (b"sh", "S"),
            (b"zh", "Z"),
            (b"kh", "X"),
            (b"ou", "u"),
            (b"ph", "f"),
            (b"th", "t"),
            (b"dh", "d"),
            (b"gh", "g"),
            (b"ck", "k"),
        ];
        for (pat, emit) in two {
            if at(pat) {
                return (emit, 2);
            }
        }
        match rest.first() {
            Some(b'j') => ("Z", 1),
            Some(b'c') if then_in(1, b"eiy") => ("s", 1),
            Some(b'c' | b'q') => ("k", 1),
            Some(b'x') => ("ks", 1),
            Some(b'w') => ("u", 1),
            Some(b'y') => ("i", 1),
            Some(&b) => (ascii_str(b), 1),
            None => ("", 1),
        }
    }

    // -- keys ---------------------------------------------------------------

    #[test]
    fn key_rules_make_french_and_english_meet() {
        // (rule, French spelling, English spelling)
        let cases = [
            ("fr chtch = en shch", "Khrouchtchev", "Khrushchev"),
            ("fr tch = en ch", "Tcheliabinsk", "Chelyabinsk"),
            ("fr tch = en ch", "Gorbatchev", "Gorbachev"),
            ("en tch = fr tch", "Tchaïkovski", "Tchaikovsky"),
            ("fr ch = en sh", "Choïgou", "Shoigu"),
            ("fr ch = en sh", "Narychkine", "Naryshkin"),
            ("fr j = en zh", "Prigojine", "Prigozhin"),
            ("fr jj = en zhzh", "Zaporijjia", "Zaporizhzhia"),
            ("fr dj = en j", "Djeddah", "Jeddah"),
            ("fr dj = en dzh", "Djokhar", "Dzhokhar"),
            ("fr ou = en u", "Boutcha", "Bucha"),
            ("fr ou = en w", "Sinouar", "Sinwar"),
            ("fr oou = en ou", "Belooussov", "Belousov"),
            ("fr ou = en ou", "Massoud", "Masoud"),
            ("fr gu(e) = en g", "Guerassimov", "Gerasimov"),
            ("fr gu(i) = en g", "Douguine", "Dugin"),
            ("fr ss = en s", "Novossibirsk", "Novosibirsk"),
            ("fr ï = en i", "Ismaïl", "Ismail"),
            ("fr ï = en y", "Sergueï", "Sergey"),
            ("fr Ie = en Ye", "Iekaterinbourg", "Yekaterinburg"),
            ("fr E = en Ye", "Eltsine", "Yeltsin"),
            ("fr Ia = en Ya", "Iaroslavl", "Yaroslavl"),
            ("fr Iou = en Yu", "Iouri", "Yuri"),
            ("fr iou = en yu", "Ziouganov", "Zyuganov"),
            ("mute -e", "Volodine", "Volodin"),
            ("mute -é / -e", "Douchanbé", "Dushanbe"),
            ("kh in both", "Mikhaïl", "Mikhail"),
            ("en -iy = fr -i", "Zelenski", "Zelenskiy"),
            ("en -yy = fr -y", "Zelensky", "Zelenskyy"),
            ("-sky = -ski", "Khodorkovski", "Khodorkovsky"),
            ("fr -iev = en -yev", "Lavrentiev", "Lavrentyev"),
            ("y = i", "Dmitri", "Dmitry"),
            ("doubled letters", "Mohammed", "Mohamed"),
            ("-ah = -a", "Hodeïda", "Hodeidah"),
            ("q = k", "Rakka", "Raqqa"),
            ("gh = g", "Bagdad", "Baghdad"),
            ("dh = d", "Riyad", "Riyadh"),
            ("th = t", "Beyrouth", "Beirut"),
            ("x = ks", "Alexeï", "Aleksei"),
            ("-re = -er", "Alexandre", "Alexander"),
            ("particles", "Mohammed ben Salmane", "Mohammed bin Salman"),
            ("particles", "Bachar el-Assad", "Bashar al-Assad"),
            ("particles", "Abdel Fattah as-Sissi", "Abdel Fattah al-Sisi"),
            ("particles", "Mohammed Ben Salmane", "Mohammed bin Salman"),
            ("particles", "Rostov-sur-le-Don", "Rostov-on-Don"),
            ("Korean hyphens", "Kim Yo-jong", "Kim Yo Jong"),
            ("Korean case", "Kim Jong-un", "Kim Jong Un"),
        ];
        for (rule, fr, en) in cases {
            assert_eq!(
                translit_key(fr, Lang::Fr),
                translit_key(en, Lang::En),
                "{rule}: {fr} / {en}"
            );
        }
    }

    #[test]
    fn keys_read_digraphs_by_language() {
        let cases = [
            ("Khrouchtchev", Lang::Fr, "XruQev"),
            ("Khrushchev", Lang::En, "XruQev"),
            ("Choïgou", Lang::Fr, "Soigu"),
            ("Chelyabinsk", Lang::En, "Celiabinsk"),
            ("Prigojine", Lang::Fr, "prigoZin"),
            ("Yevgeny", Lang::En, "evgeni"),
            ("Evgueni", Lang::Fr, "evgeni"),
            ("Kim Yo-jong", Lang::Fr, "kim io Zong"),
            ("Abdel Fattah al-Sissi", Lang::Fr, "abdel fata sisi"),
            ("Ben Wallace", Lang::En, "ben ualas"),
            ("", Lang::Fr, ""),
            ("-- ' --", Lang::En, ""),
        ];
        for (name, lang, key) in cases {
            assert_eq!(translit_key(name, lang), key, "{name} ({lang})");
        }
        // The same letters mean different sounds in the two languages.
        assert_ne!(
            translit_key("Michel", Lang::Fr),
            translit_key("Michel", Lang::En)
        );
    }

    #[test]
    fn different_names_keep_different_keys() {
        let cases = [
            ("Moscou", "Mosul"),
            ("Kharkiv", "Kherson"),
            ("Minsk", "Pinsk"),
            ("Belgorod", "Belgrade"),
            ("Kim Jong-un", "Kim Yo Jong"),
            ("Sergueï Lavrov", "Sergei Shoigu"),
        ];
        for (fr, en) in cases {
            assert_ne!(
                translit_key(fr, Lang::Fr),
                translit_key(en, Lang::En),
                "{fr} / {en}"
            );
        }
        // Korean syllables that look like particles stay name tokens.
        assert_ne!(
            translit_key("Lee Do-hoon", Lang::En),
            translit_key("Lee Hoon", Lang::En)
        );
        assert_ne!(
            translit_key("Kim An Sung", Lang::En),
            translit_key("Kim Sung", Lang::En)
        );
    }

    #[test]
    fn edit_distance_is_bounded_and_spares_the_first_letter() {
        assert_eq!(osa_within(b"abcdef", b"abcdef", 1), Some(0));
        assert_eq!(osa_within(b"abcdef", b"abdcef", 1), Some(1));
        assert_eq!(osa_within(b"abcdef", b"abcef", 1), Some(1));
        assert_eq!(osa_within(b"abcdef", b"xbcdxf", 1), None);
        assert_eq!(osa_within(b"abcdef", b"xbcdxf", 2), Some(2));
        assert_eq!(osa_within(b"", b"ab", 2), Some(2));
        // dostoievski / dostoevski: one deletion, same first letter.
        assert_eq!(fuzzy_edits(b"dostoievski", b"dostoevski"), Some(1));
        assert_eq!(fuzzy_edits(b"sebastopol", b"sevastopol"), Some(1));
        assert_eq!(
            fuzzy_edits(b"xebastopol", b"sebastopol"),
            None,
            "first letter"
        );
        assert_eq!(fuzzy_edits(b"minsk", b"mensk"), None, "short");
        assert_eq!(fuzzy_edits(b"sievierodonetsk", b"severodonetsk"), Some(2));
        assert_eq!(fuzzy_edits(b"belgorod", b"belgrad"), None, "7 symbols");
    }

    // -- matching -------------------------------------------------------------

    #[test]
    fn finds_french_spelling_with_english_lexicon_and_back() {
        let en = VariantIndex::new([
            person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En)),
            place(1, "chelyabinsk", "Chelyabinsk", Some(Lang::En)),
        ]);
        let text = "Selon Moscou, Evgueni Prigojine est passé par Tcheliabinsk.";
        assert_eq!(
            found(&en, text, Lang::Fr, &[]),
            [
                ("Evgueni Prigojine", 0, VariantKind::Translit),
                ("Tcheliabinsk", 1, VariantKind::Translit)
            ]
        );
        let fr = VariantIndex::new([person(0, "prigozhin", "Evgueni Prigojine", Some(Lang::Fr))]);
        let text = "Wagner chief Yevgeny Prigozhin said so.";
        assert_eq!(
            found(&fr, text, Lang::En, &[]),
            [("Yevgeny Prigozhin", 0, VariantKind::Translit)]
        );
    }

    #[test]
    fn names_valid_in_both_languages_are_keyed_both_ways() {
        let index = VariantIndex::new([person(3, "shoigu", "Sergei Shoigu", None)]);
        let text = "Sergueï Choïgou est arrivé.";
        assert_eq!(
            found(&index, text, Lang::Fr, &[]),
            [("Sergueï Choïgou", 3, VariantKind::Translit)]
        );
    }

    #[test]
    fn part_of_a_capitalised_run_may_match() {
        let index = VariantIndex::new([person(0, "zelensky", "Zelensky", Some(Lang::Fr))]);
        let text = "Earlier, President Zelenskyy met them.";
        assert_eq!(
            found(&index, text, Lang::En, &[]),
            [("Zelenskyy", 0, VariantKind::Translit)]
        );
    }

    #[test]
    fn long_names_match_fuzzily_with_lower_confidence() {
        let index = VariantIndex::new([place(0, "sevastopol", "Sevastopol", Some(Lang::En))]);
        let m = index.find("Des frappes sur Sébastopol ont eu lieu.", Lang::Fr, &[]);
        assert_eq!(m.len(), 1);
        assert_eq!(m[0].kind, VariantKind::Fuzzy);
        assert!(m[0].confidence <= 0.8 && m[0].confidence > 0.0);
    }

    #[test]
    fn common_words_at_sentence_start_do_not_link() {
        // A lexicon that happens to hold a name spelt like a frequent word.
        let index = VariantIndex::new([
            place(0, "selon", "Selon", Some(Lang::En)),
            person(1, "prigozhin", "Prigozhin", Some(Lang::En)),
        ]);
        assert!(
            index
                .find("Selon la presse, rien.", Lang::Fr, &[])
                .is_empty()
        );
        assert!(
            index
                .find("Il est parti selon la presse.", Lang::Fr, &[])
                .is_empty()
        );
        // An exact key of 5+ letters that is not a common word links at a sentence start.
        assert_eq!(
            found(&index, "Prigojine a parlé.", Lang::Fr, &[]),
            [("Prigojine", 1, VariantKind::Translit)]
        );
    }

    #[test]
    fn sentence_start_single_tokens_need_exact_keys() {
        let index = VariantIndex::new([place(0, "sevastopol", "Sevastopol", Some(Lang::En))]);
        assert!(
            index
                .find("Sébastopol a été frappée.", Lang::Fr, &[])
                .is_empty()
        );
        assert_eq!(
            index
                .find("Puis Sébastopol a été frappée.", Lang::Fr, &[])
                .len(),
            1
        );
        let short = VariantIndex::new([place(0, "ufa", "Ufa", Some(Lang::En))]);
        assert!(short.find("Oufa a été frappée.", Lang::Fr, &[]).is_empty());
        assert_eq!(
            found(&short, "Puis Oufa a été frappée.", Lang::Fr, &[]),
            [("Oufa", 0, VariantKind::Translit)]
        );
    }

    #[test]
    fn short_tokens_are_never_fuzzy() {
        let index = VariantIndex::new([
            place(0, "minsk", "Minsk", Some(Lang::En)),
            place(1, "kursk", "Kursk", Some(Lang::En)),
        ]);
        assert!(
            index
                .find("Il est allé à Mensk et à Kirsk.", Lang::Fr, &[])
                .is_empty()
        );
    }

    #[test]
    fn different_given_names_do_not_link() {
        let index = VariantIndex::new([
            person(0, "kim_yo_jong", "Kim Yo Jong", Some(Lang::En)),
            person(1, "kim_il_sung", "Kim Il Sung", Some(Lang::En)),
            person(2, "lavrov", "Sergei Lavrov", Some(Lang::En)),
            person(3, "patrushev_n", "Nikolai Patrushev", Some(Lang::En)),
            person(4, "matviyenko", "Valentina Matviyenko", Some(Lang::En)),
        ]);
        let text = "Kim Jong-un, Sergueï Choïgou, Dmitri Patrouchev et Valentin Matvienko.";
        assert!(
            index.find(text, Lang::Fr, &[]).is_empty(),
            "{:?}",
            found(&index, text, Lang::Fr, &[])
        );
    }

    #[test]
    fn surname_entries_do_not_link_after_another_given_name() {
        let index = VariantIndex::new([
            person(0, "patrushev_n", "Nikolai Patrushev", Some(Lang::En)),
            person(1, "patrushev_n", "Patrushev", Some(Lang::En)),
            person(2, "zelensky", "Zelensky", Some(Lang::Fr)),
        ]);
        assert!(
            index
                .find("Selon lui, Dmitri Patrouchev a parlé.", Lang::Fr, &[])
                .is_empty()
        );
        assert_eq!(
            found(
                &index,
                "Selon lui, Nikolaï Patrouchev a parlé.",
                Lang::Fr,
                &[]
            ),
            [("Nikolaï Patrouchev", 0, VariantKind::Translit)]
        );
        assert_eq!(
            found(
                &index,
                "Selon lui, le général Patrouchev a parlé.",
                Lang::Fr,
                &[]
            ),
            [("Patrouchev", 1, VariantKind::Translit)]
        );
        // Nothing in the lexicon contradicts the given name: the surname links.
        assert_eq!(
            found(&index, "Then Volodymyr Zelenskyy spoke.", Lang::En, &[]),
            [("Zelenskyy", 2, VariantKind::Translit)]
        );
    }

    #[test]
    fn ambiguous_candidates_link_to_nothing() {
        // Two different people with the same name.
        let index = VariantIndex::new([
            person(0, "ivanov_sergei_1953", "Sergei Ivanov", Some(Lang::En)),
            person(1, "ivanov_sergei_1972", "Sergey Ivanov", Some(Lang::En)),
        ]);
        assert!(
            index
                .find("Selon lui, Sergueï Ivanov a menti.", Lang::Fr, &[])
                .is_empty()
        );
        // One fuzzy edit away from two different places.
        let index = VariantIndex::new([
            place(0, "a", "Novolasteevka", Some(Lang::Fr)),
            place(1, "b", "Novolastievka", Some(Lang::Fr)),
        ]);
        assert!(
            index
                .find("Near Novolastyevka, fighting.", Lang::En, &[])
                .is_empty()
        );
        // Two names of one entity are not a conflict.
        let index = VariantIndex::new([
            person(0, "zelensky", "Zelenskiy", Some(Lang::En)),
            person(1, "zelensky", "Zelenskyy", Some(Lang::En)),
        ]);
        assert_eq!(
            found(&index, "Puis Zelensky a parlé.", Lang::Fr, &[]),
            [("Zelensky", 0, VariantKind::Translit)]
        );
    }

    #[test]
    fn a_place_word_inside_a_longer_place_does_not_link() {
        let index = VariantIndex::new([place(0, "novgorod", "Novgorod", Some(Lang::Fr))]);
        assert!(
            index
                .find("Drones over Nizhny Novgorod again.", Lang::En, &[])
                .is_empty()
        );
        assert_eq!(
            index
                .find("Drones over Novgorod again.", Lang::En, &[])
                .len(),
            1
        );
        let index = VariantIndex::new([place(0, "don", "Don", Some(Lang::En))]);
        assert!(
            index
                .find("Il est à Rostov-sur-le-Don.", Lang::Fr, &[])
                .is_empty()
        );
    }

    #[test]
    fn known_spans_are_never_matched_again() {
        let index = VariantIndex::new([person(0, "putin", "Vladimir Putin", Some(Lang::En))]);
        let text = "Selon le Kremlin, Vladimir Poutine a parlé.";
        let start = text.find("Vladimir").unwrap_or(0);
        let known = [(Span::new(start, start + "Vladimir Poutine".len()), "putin")];
        assert!(index.find(text, Lang::Fr, &known).is_empty());
        // A known span covering only part of the name still blocks it.
        let known = [(Span::new(start, start + 3), "other")];
        assert!(index.find(text, Lang::Fr, &known).is_empty());
    }

    #[test]
    fn surname_alone_after_full_name() {
        let index = VariantIndex::new([
            person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En)),
            person(1, "utkin", "Dmitry Utkin", Some(Lang::En)),
        ]);
        let text = "Evgueni Prigojine a parlé. Plus tard, Prigojine a insisté. Selon le président Prigojine, non.";
        let m = index.find(text, Lang::Fr, &[]);
        let surfaces: Vec<&str> = m.iter().map(|m| m.span.of(text)).collect();
        assert_eq!(surfaces, ["Evgueni Prigojine", "Prigojine", "Prigojine"]);
        assert!(m.iter().all(|m| m.name == 0));
        assert!(m[1].confidence < m[0].confidence);
        // Without the full name, the surname alone does not link.
        assert!(
            index
                .find("Plus tard, Prigojine a insisté.", Lang::Fr, &[])
                .is_empty()
        );
    }

    #[test]
    fn surname_alone_after_a_known_full_name() {
        let index =
            VariantIndex::new([person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En))]);
        // The exact search found the English spelling in the French text.
        let text = "Yevgeny Prigozhin est mort. Plus tard, Prigojine a été enterré.";
        let known = [(Span::new(0, "Yevgeny Prigozhin".len()), "prigozhin")];
        assert_eq!(
            found(&index, text, Lang::Fr, &known),
            [("Prigojine", 0, VariantKind::Translit)]
        );
        // Headlines give the surname first: the full name anywhere in the text counts.
        let text = "Prigojine enterré\nYevgeny Prigozhin est mort.";
        let start = text.find("Yevgeny").unwrap_or(0);
        let known = [(
            Span::new(start, start + "Yevgeny Prigozhin".len()),
            "prigozhin",
        )];
        assert_eq!(
            found(&index, text, Lang::Fr, &known),
            [("Prigojine", 0, VariantKind::Translit)]
        );
    }

    #[test]
    fn shared_surname_links_to_no_one() {
        let index = VariantIndex::new([
            person(0, "patrushev_n", "Nikolai Patrushev", Some(Lang::En)),
            person(1, "patrushev_d", "Dmitry Patrushev", Some(Lang::En)),
        ]);
        let text = "Nikolaï Patrouchev et Dmitri Patrouchev ont parlé. Puis Patrouchev a ri.";
        let got = found(&index, text, Lang::Fr, &[]);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got.iter().all(|(s, _, _)| s.contains(' ')), "{got:?}");
        // A second Patrouchev the lexicon does not know also blocks the surname.
        let index = VariantIndex::new([person(
            0,
            "patrushev_n",
            "Nikolai Patrushev",
            Some(Lang::En),
        )]);
        let text =
            "Nikolaï Patrouchev et son fils Andreï Patrouchev ont parlé. Puis Patrouchev a ri.";
        let got = found(&index, text, Lang::Fr, &[]);
        assert_eq!(got, [("Nikolaï Patrouchev", 0, VariantKind::Translit)]);
    }

    #[test]
    fn spans_point_at_original_bytes() {
        let index = VariantIndex::new([
            person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En)),
            place(1, "yekaterinburg", "Yekaterinburg", Some(Lang::En)),
            person(2, "haniyeh", "Ismail Haniyeh", Some(Lang::En)),
        ]);
        // NBSP inside the name, curly apostrophe before the place, decomposed ï.
        let text = "À l’aube, «\u{a0}Evgueni\u{a0}Prigojine\u{a0}» a quitté l’Iekaterinbourg d’Ismai\u{0308}l Haniyeh.";
        let got = found(&index, text, Lang::Fr, &[]);
        assert_eq!(
            got,
            [
                ("Evgueni\u{a0}Prigojine", 0, VariantKind::Translit),
                ("Iekaterinbourg", 1, VariantKind::Translit),
                ("Ismai\u{0308}l Haniyeh", 2, VariantKind::Translit),
            ]
        );
    }

    #[test]
    fn known_span_between_words_blocks_the_match() {
        let index =
            VariantIndex::new([person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En))]);
        let text = "Selon lui, Evgueni Prigojine a parlé.";
        let space = text.find(" Prigojine").unwrap_or(0);
        let known = [(Span::new(space, space + 1), "odd")];
        assert!(index.find(text, Lang::Fr, &known).is_empty());
    }

    #[test]
    fn pathological_inputs_do_not_panic() {
        let index = VariantIndex::new([
            person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En)),
            place(
                1,
                "long",
                &*"Abcdefghijklmnopqrstuvwxyz".repeat(3).leak(),
                Some(Lang::En),
            ),
            place(2, "sievierodonetsk", "Sievierodonetsk", Some(Lang::En)),
            person(3, "kim", "Kim Jong Un", None),
        ]);
        let long_word = "Abcdefghijklmnopqrstuvwxyz".repeat(40);
        let many_caps = "Kim ".repeat(5000);
        let texts = [
            String::new(),
            "\u{308}\u{308}\u{308}".to_string(),
            long_word.clone(),
            format!("Selon {long_word} et {}", &long_word[1..]),
            many_caps,
            "Kim-Kim-Kim-jong-un-Un al al al Al-Al- ’’ - -- ".repeat(200),
            "É\u{a0}É\u{a0}Ёж Щука ΣΊΣΥΦΟΣ 金正恩 ﷽ \u{2028}Kim\u{2029}".to_string(),
            "Severodonetsk Sievierodonetsk Sievierodonetskk ".repeat(100),
        ];
        for text in &texts {
            for lang in [Lang::Fr, Lang::En] {
                for m in index.find(
                    text,
                    lang,
                    &[
                        (Span { start: 3, end: 1 }, "x"),
                        (Span::new(usize::MAX - 1, usize::MAX), "y"),
                    ],
                ) {
                    assert!(m.span.end <= text.len() && text.is_char_boundary(m.span.start));
                }
                let _ = translit_key(text, lang);
            }
        }
    }

    #[test]
    fn lowercase_terms_are_not_indexed() {
        let index = VariantIndex::new([
            place(0, "war", "guerre", Some(Lang::Fr)),
            place(1, "x", "", None),
        ]);
        assert!(index.is_empty());
    }

    #[test]
    fn index_is_send_and_sync() {
        fn check<T: Send + Sync + Clone>() {}
        check::<VariantIndex>();
    }

    // -- the table of French/English pairs ------------------------------------------

    const TABLE: &str = include_str!("../tests/data/variant_pairs.tsv");

    struct Row<'a> {
        positive: bool,
        fr: &'a str,
        en: &'a str,
        kind: &'a str,
    }

    fn table() -> Vec<Row<'static>> {
        let mut lines = TABLE.lines();
        assert_eq!(lines.next(), Some("polarity\tfr\ten\tkind\tnote"), "header");
        lines
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                assert!(cols.len() >= 4, "malformed row: {l:?}");
                assert!(matches!(cols[0], "+" | "-"), "polarity of {l:?}");
                assert!(matches!(cols[3], "PER" | "GPE" | "LOC"), "kind of {l:?}");
                Row {
                    positive: cols[0] == "+",
                    fr: cols[1],
                    en: cols[2],
                    kind: cols[3],
                }
            })
            .collect()
    }

    /// The test sentence in `lang` with `name` mid-sentence, and the name's span.
    fn sentence(lang: Lang, name: &str) -> (String, Span) {
        let (before, after) = match lang {
            Lang::Fr => ("Selon la presse, ", " a parlé mardi."),
            Lang::En => ("According to the press, ", " spoke on Tuesday."),
        };
        (
            format!("{before}{name}{after}"),
            Span::new(before.len(), before.len() + name.len()),
        )
    }

    #[test]
    fn table_of_french_english_pairs() {
        let rows = table();
        let positives = rows.iter().filter(|r| r.positive).count();
        let negatives = rows.len() - positives;
        assert!(
            positives >= 60 && negatives >= 30,
            "{positives} positive, {negatives} negative rows"
        );
        let mut failures = Vec::new();
        for text_lang in [Lang::Fr, Lang::En] {
            let (mut hits, mut false_links) = (0, 0);
            let mut misses = Vec::new();
            for row in &rows {
                let (text_name, lexicon_name) = match text_lang {
                    Lang::Fr => (row.fr, row.en),
                    Lang::En => (row.en, row.fr),
                };
                let index = VariantIndex::new([IndexedName {
                    id: 0,
                    entity: "e",
                    name: lexicon_name,
                    lang: Some(text_lang.other()),
                    is_person: row.kind == "PER",
                }]);
                let (text, span) = sentence(text_lang, text_name);
                let got = index.find(&text, text_lang, &[]);
                if row.positive {
                    if got.iter().any(|m| m.span == span && m.name == 0) {
                        hits += 1;
                    } else {
                        let partial: Vec<&str> = got.iter().map(|m| m.span.of(&text)).collect();
                        misses.push(format!("{text_name} ↛ {lexicon_name} {partial:?}"));
                    }
                } else if !got.is_empty() {
                    false_links += 1;
                    let linked: Vec<&str> = got.iter().map(|m| m.span.of(&text)).collect();
                    failures.push(format!(
                        "false link {text_name} → {lexicon_name} {linked:?}"
                    ));
                }
            }
            let recall = hits as f64 / positives as f64;
            let other = text_lang.other();
            println!(
                "{text_lang}-text/{other}-lexicon: recall {hits}/{positives} = {recall:.3}, false links {false_links}/{negatives}"
            );
            for m in &misses {
                println!("  miss: {m}");
            }
            if recall < 0.9 {
                failures.push(format!("{text_lang}-text recall {recall:.3} < 0.9"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }

    // -- robustness -------------------------------------------------------------

    mod props {
        use super::*;
        use proptest::prelude::*;

        fn index() -> VariantIndex {
            VariantIndex::new([
                person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En)),
                person(1, "kim", "Kim Jong Un", Some(Lang::En)),
                place(2, "sevastopol", "Sevastopol", Some(Lang::En)),
                person(3, "haniyeh", "Ismaïl Haniyeh", None),
                place(4, "ufa", "Ufa", Some(Lang::En)),
                person(5, "dostoevsky", "Dostoevsky", Some(Lang::En)),
                place(6, "sievierodonetsk", "Sievierodonetsk", Some(Lang::En)),
            ])
        }

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                any::<String>(),
                "[A-Za-zÀ-ÿ ’'\\-.,«»\u{a0}\u{308}\n]{0,120}",
                prop::collection::vec(
                    prop_oneof![
                        Just("Evgueni"),
                        Just("Prigojine"),
                        Just("Kim"),
                        Just("Jong-un"),
                        Just("Sébastopol"),
                        Just("Oufa"),
                        Just("Ismai\u{308}l"),
                        Just("Haniyeh"),
                        Just("Dostoïevski"),
                        Just("al"),
                        Just("de"),
                        Just(" "),
                        Just("\u{a0}"),
                        Just("-"),
                        Just("’"),
                        Just(". "),
                        Just("Selon"),
                        Just("é"),
                        Just("Severodonetsk"),
                        Just("\n"),
                    ],
                    0..40,
                )
                .prop_map(|parts| parts.join(" ")),
            ]
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            #[test]
            fn find_never_panics_and_returns_sane_spans(
                text in text(),
                lang in prop_oneof![Just(Lang::Fr), Just(Lang::En)],
                raw_known in prop::collection::vec((0usize..200, 0usize..200), 0..4),
            ) {
                let index = index();
                let known: Vec<(Span, &str)> = raw_known
                    .iter()
                    .map(|&(a, b)| (Span { start: a, end: b }, "prigozhin"))
                    .collect();
                let found = index.find(&text, lang, &known);
                let mut last_end = 0;
                for m in &found {
                    prop_assert!(m.span.start < m.span.end && m.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
                    prop_assert!(m.span.start >= last_end, "overlap or unsorted: {:?}", found);
                    prop_assert!(m.confidence > 0.0 && m.confidence <= 1.0);
                    prop_assert!(known.iter().all(|(k, _)| k.start >= k.end || !k.overlaps(m.span)));
                    last_end = m.span.end;
                }
                let _ = translit_key(&text, lang);
            }
        }
    }
}
