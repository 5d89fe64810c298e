//! ③ Tagging: every lexicon name in a text, as whole tokens, at original offsets.
//!
//! All names are folded (see [`crate::normalize`]) into token sequences and
//! searched at once, leftmost-longest: "Corée du Nord" wins over "Corée",
//! "Vladimir Putin" is one mention. The search walks a trie over whole folded
//! tokens (the same matches as an Aho-Corasick automaton over the padded forms,
//! `" coree  du  nord "`, but far cheaper to build for millions of names), so
//! a match is always a run of whole tokens (the `trie` module says why a trie).
//! Then two case guards keep names from matching ordinary words:
//!
//! - a name written with a capital needs a capital in the text (`Poutine` is
//!   not the dish `poutine`, `Kim` not `kim`);
//! - an all-caps name of at most four letters needs all caps (`UN` is not the
//!   French article `un`, `US` not `us`).
//!
//! TERM names (general words) match only in texts of their own language:
//! English "met" must not match French "il met". Entity names match in both.
//!
//! When several names fold alike, the choice is deterministic: the name spelled
//! exactly as in the text, then a name of the text's language, then a name
//! from a user lexicon, then load order.
//!
//! TERM names also match the inflected forms of their words through Snowball
//! stems (`tuer` finds `tuerait`, `flood` finds `flooded`): the `stem` module
//! says how, and what guards it. A name as listed wins over a stemmed one.
//!
//! Beyond the lexicon, the `variants` module adds transliteration and fuzzy
//! variants of names, unless the tagger is strict.
//!
//! | module | what it does |
//! |---|---|
//! | `trie` | the names as sequences of folded tokens |
//! | `walk` | leftmost-longest search of a text's tokens in the trie |
//! | `choice` | which name a match is: case guards, language, tie-breaks |
//! | `stem` | stem keys of words, and the TERM names by stem |
//! | `variants` | transliteration and fuzzy variants of names |

mod choice;
pub(crate) mod stem;
mod trie;
pub(crate) mod variants;
mod walk;

use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::lexicon::{EntityType, Entry, Lexicon, Name};
use crate::normalize::{fold, for_each_token, is_word_char};
use crate::span::{Lang, Span};
use choice::Names;
use stem::{Spelling, StemBuf, StemIndex, StemLink, StemSearch, is_stemmed, stem_tokens};
use trie::{NO_PATTERN, TokenTrie};
use variants::{IndexedName, Known, VariantIndex, VariantKind};
use walk::Walk;

/// How a mention was found (JSON `match`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchHow {
    /// Spelled exactly as a lexicon name.
    Exact,
    /// Equal to a lexicon name after folding (case, accents, punctuation, look-alikes).
    Folded,
    /// A transliteration variant of a lexicon name.
    Translit,
    /// A close spelling of a long lexicon name.
    Fuzzy,
    /// An inflected form of a TERM name: the same Snowball stems, word by word.
    Stem,
}

impl MatchHow {
    /// Its word in JSON output.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchHow::Exact => "exact",
            MatchHow::Folded => "folded",
            MatchHow::Translit => "translit",
            MatchHow::Fuzzy => "fuzzy",
            MatchHow::Stem => "stem",
        }
    }
}

/// One entity (or TERM) mention in a text.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct Mention {
    /// Where, in the original text's bytes.
    pub span: Span,
    /// The entry, an index into [`Lexicon::entries`].
    pub entry: usize,
    /// The lexicon name matched, an index into [`Lexicon::names`].
    pub name: usize,
    /// How it matched.
    pub how: MatchHow,
    /// 1.0 for lexicon names; below for stemmed forms and variants.
    pub confidence: f32,
}

/// Options for building a [`Tagger`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TagOptions {
    /// Also find transliteration and fuzzy variants of names (off with `--strict`).
    pub variants: bool,
}

impl Default for TagOptions {
    fn default() -> Self {
        TagOptions { variants: true }
    }
}

/// Finds lexicon names in texts. Build once, reuse; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Tagger {
    lexicon: Arc<Lexicon>,
    trie: TokenTrie,
    /// The names of each pattern of the trie, and what choosing among them needs.
    names: Names,
    /// The stemmed TERM names of each language, French then English.
    stems: [StemIndex; 2],
    variants: Option<VariantIndex>,
}

impl Tagger {
    /// Builds the token trie over every name of `lexicon`.
    /// The variant index (unless `options` say strict) is built on a second
    /// core while the trie is built: it takes the longer of the two.
    pub fn new(lexicon: impl Into<Arc<Lexicon>>, options: TagOptions) -> Tagger {
        let lexicon: Arc<Lexicon> = lexicon.into();
        let (mut tagger, variants) = rayon::join(
            || Tagger::without_variants(Arc::clone(&lexicon)),
            || options.variants.then(|| variant_index(&lexicon)),
        );
        tagger.variants = variants;
        tagger
    }

    /// A tagger of lexicon names only.
    fn without_variants(lexicon: Arc<Lexicon>) -> Tagger {
        let names = lexicon.names();
        let mut trie = TokenTrie::with_capacity(names.len());
        // The pattern (distinct folded name) of each name.
        let mut pattern_of: Vec<Option<u32>> = Vec::with_capacity(names.len());
        let mut lower = String::new();
        for name in names {
            let pattern = if name.text.is_ascii() {
                // What `fold` makes of ASCII: runs of letters and digits, lower-cased.
                lower.clear();
                lower.push_str(&name.text);
                lower.make_ascii_lowercase();
                trie.insert(
                    lower
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .filter(|t| !t.is_empty()),
                )
            } else {
                trie.insert(
                    fold(&name.text)
                        .as_str()
                        .split(' ')
                        .filter(|t| !t.is_empty()),
                )
            };
            pattern_of.push(pattern);
        }
        let names = Names::new(&lexicon, &pattern_of, trie.patterns());
        let stems = stem_indexes(&lexicon, &mut trie, &names);
        trie.shrink();
        Tagger {
            lexicon,
            trie,
            names,
            stems,
            variants: None,
        }
    }

    /// The lexicon this tagger searches for.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// A shared handle on the lexicon.
    pub fn lexicon_arc(&self) -> &Arc<Lexicon> {
        &self.lexicon
    }

    /// Every mention in `text` (written in `lang`), in text order, not overlapping.
    pub fn tag(&self, text: &str, lang: Lang) -> Vec<Mention> {
        // News text holds a mention every dozen bytes or so (general words
        // included): growing the vector from nothing would copy it a dozen
        // times over.
        let mut mentions = Vec::with_capacity(text.len() / 16);
        let mut found = |span: Span, pattern: usize| {
            let surface = span.of(text);
            let Some(name) = self.names.choose(&self.lexicon, pattern, surface, lang) else {
                return;
            };
            let name_text = &self.lexicon.names()[name].text;
            let span = self.with_tail(text, span, name);
            let how = if name_text == span.of(text) {
                MatchHow::Exact
            } else {
                MatchHow::Folded
            };
            mentions.push(Mention {
                span,
                entry: self.lexicon.names()[name].entry,
                name,
                how,
                confidence: 1.0,
            });
        };
        let stems = &self.stems[lang_index(lang)];
        let mut stemmed = Vec::new();
        if !self.trie.is_empty() {
            let mut walk = Walk::new(&self.trie);
            let mut stem_search = (!stems.is_empty()).then(|| StemSearch::new(stems, text, lang));
            for_each_token(text, |token, span| {
                let exact = self.trie.token(token);
                walk.push(exact, span, &mut found);
                if let Some(search) = &mut stem_search {
                    search.push(exact, token, span);
                }
            });
            walk.finish(&mut found);
            if let Some(search) = stem_search {
                stemmed = search.finish();
            }
        }
        let mut memo = FxHashMap::default();
        merge_stemmed(&mut mentions, stemmed, |span, pattern| {
            stems.mention(self, text, span, pattern, &mut memo)
        });
        if let Some(variants) = &self.variants {
            self.add_variants(variants, text, lang, &mut mentions);
        }
        mentions
    }

    /// `span` extended over the punctuation name `name` ends with, if the text has it.
    #[inline]
    fn with_tail(&self, text: &str, span: Span, name: usize) -> Span {
        if self.names.info(name).tail {
            with_trailing_punctuation(text, span, &self.lexicon.names()[name].text)
        } else {
            span
        }
    }

    fn add_variants(
        &self,
        variants: &VariantIndex,
        text: &str,
        lang: Lang,
        mentions: &mut Vec<Mention>,
    ) {
        // Only people's ids matter beyond the spans (see `VariantIndex::find`):
        // the other entries are not even looked at (with a large lexicon,
        // each look-up missed the cache).
        let entries = self.lexicon.entries();
        let known: Vec<Known<'_>> = mentions
            .iter()
            .map(|m| {
                let entity = match entries.get(m.entry) {
                    Some(entry) if self.names.is_person(m.name) => entry.id.as_str(),
                    _ => "",
                };
                Known {
                    span: m.span,
                    entity,
                }
            })
            .collect();
        let found = variants.find(text, lang, &known);
        if found.is_empty() {
            return;
        }
        drop(known);
        let variants: Vec<Mention> = found
            .into_iter()
            .filter_map(|v| {
                let name = self.lexicon.names().get(v.name)?;
                let how = match v.kind {
                    VariantKind::Translit => MatchHow::Translit,
                    VariantKind::Fuzzy => MatchHow::Fuzzy,
                };
                Some(Mention {
                    span: v.span,
                    entry: name.entry,
                    name: v.name,
                    how,
                    confidence: v.confidence,
                })
            })
            .collect();
        // Both lists are in text order: merged from the back, in place, so
        // that a long text's mentions are neither sorted nor copied again.
        let mut kept = mentions.len();
        let mut taken = variants.len();
        mentions.extend_from_slice(&variants);
        for slot in (0..mentions.len()).rev() {
            if taken == 0 {
                break;
            }
            if kept > 0 && mentions[kept - 1].span > variants[taken - 1].span {
                mentions[slot] = mentions[kept - 1];
                kept -= 1;
            } else {
                mentions[slot] = variants[taken - 1];
                taken -= 1;
            }
        }
        // The variant index promises no overlap with `known`; keep the first if it ever does.
        mentions.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    }

    /// The entry of a mention.
    pub fn entry(&self, mention: &Mention) -> &Entry {
        &self.lexicon.entries()[mention.entry]
    }

    /// The lexicon name a mention matched.
    pub fn name(&self, mention: &Mention) -> &Name {
        &self.lexicon.names()[mention.name]
    }
}

/// 0 for French, 1 for English: the order of `Tagger::stems`.
pub(super) fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
    }
}

/// The stemmed TERM names of `lexicon`, French then English (see `stem`),
/// with what they know of the words of `trie` (whose names are
/// `exact_names`), which gets their links.
fn stem_indexes(lexicon: &Lexicon, trie: &mut TokenTrie, exact_names: &Names) -> [StemIndex; 2] {
    let mut indexes = [StemIndex::new(Lang::Fr), StemIndex::new(Lang::En)];
    let mut buf = StemBuf::default();
    // The words of the stemmed names: folded, and as the name spells them.
    let mut words: Vec<(String, String)> = Vec::new();
    let names = lexicon.names();
    for (n, name) in names.iter().enumerate() {
        if !is_stemmed(name, lexicon.entry_of(name).kind) {
            continue;
        }
        for lang in [Lang::Fr, Lang::En] {
            if !name.lang.fits(lang) {
                continue;
            }
            let Some(tokens) = stem_tokens(&name.text, lang, &mut buf) else {
                continue;
            };
            indexes[lang_index(lang)].insert(n as u32, name.entry, &tokens);
            words.extend(tokens.into_iter().map(|t| (t.folded, t.spelled)));
        }
    }
    // One spelling per word, one not in ASCII if there is one.
    words.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.is_ascii().cmp(&b.1.is_ascii())));
    words.dedup_by(|later, first| later.0 == first.0);
    for (word, spelled) in &words {
        let alone = trie
            .token(word)
            .map(|t| trie.node(t.root).pattern)
            .filter(|&p| p != NO_PATTERN);
        for lang in [Lang::Fr, Lang::En] {
            let index = &mut indexes[lang_index(lang)];
            let covered = alone.is_some_and(|p| exact_names.found_in_any_case(p as usize, lang));
            let mut key = |written: &str| {
                let key = index.token(written, word, lang, &mut buf)?;
                Some(index.unless_covered(key, covered))
            };
            // A folded word is written so only if it is ASCII.
            let link = StemLink {
                key: if word.is_ascii() { key(word) } else { None },
                covered,
            };
            let spelling = if spelled.is_ascii() {
                Spelling::default()
            } else {
                Spelling {
                    spelled: spelled.as_str().into(),
                    key: key(spelled),
                }
            };
            index.links.push(link);
            index.spellings.push(spelling);
        }
        trie.set_link(word, indexes[0].links.len() as u32 - 1);
    }
    for index in &mut indexes {
        index.trie.shrink();
    }
    indexes
}

/// Merges the matches of the stemmed names (span, pattern) into the exact
/// mentions (both in text order, not overlapping): an exact mention wins over
/// a stemmed one that overlaps it, unless the stemmed one is longer and
/// contains it whole, as a longer name wins over a shorter one (`états
/// d'urgence` over `états` and `d'urgence`). `mention` makes a kept match a
/// mention, or finds it is none (it is costly: only kept matches are asked).
fn merge_stemmed(
    mentions: &mut Vec<Mention>,
    stemmed: Vec<(Span, usize)>,
    mut mention: impl FnMut(Span, usize) -> Option<Mention>,
) {
    if stemmed.is_empty() {
        return;
    }
    let exact = std::mem::take(mentions);
    let mut keep = vec![true; exact.len()];
    let mut kept_stems = Vec::new();
    let mut first = 0;
    for (span, pattern) in stemmed {
        while first < exact.len() && exact[first].span.end <= span.start {
            first += 1;
        }
        let mut end = first;
        let mut inside = true;
        while end < exact.len() && exact[end].span.start < span.end {
            let e = exact[end].span;
            inside &= span.start <= e.start && e.end <= span.end && e != span;
            end += 1;
        }
        if !inside {
            continue;
        }
        if let Some(s) = mention(span, pattern) {
            keep[first..end].fill(false);
            kept_stems.push(s);
        }
    }
    *mentions = exact;
    if kept_stems.is_empty() {
        return;
    }
    if keep.contains(&false) {
        let mut keep = keep.into_iter();
        mentions.retain(|_| keep.next().unwrap_or(true));
    }
    // Both lists are in text order: merged from the back, in place.
    let mut kept = mentions.len();
    let mut taken = kept_stems.len();
    mentions.extend_from_slice(&kept_stems);
    for slot in (0..mentions.len()).rev() {
        if taken == 0 {
            break;
        }
        if kept > 0 && mentions[kept - 1].span > kept_stems[taken - 1].span {
            mentions[slot] = mentions[kept - 1];
            kept -= 1;
        } else {
            mentions[slot] = kept_stems[taken - 1];
            taken -= 1;
        }
    }
}

/// The index of transliteration and fuzzy variants of `lexicon`'s names.
fn variant_index(lexicon: &Lexicon) -> VariantIndex {
    VariantIndex::new(lexicon.names().iter().enumerate().map(|(id, name)| {
        let entry = lexicon.entry_of(name);
        IndexedName {
            id,
            entity: entry.id.as_str(),
            name: name.text.as_str(),
            lang: name.lang.lang(),
            is_person: entry.kind == EntityType::Person,
        }
    }))
}

/// Extends `span` over the punctuation the lexicon name ends with (`U.S.`,
/// `d’`), when the text has it too: tokens end at the last letter, names may not.
fn with_trailing_punctuation(text: &str, span: Span, name: &str) -> Span {
    let tail = &name[name.trim_end_matches(|c: char| !is_word_char(c)).len()..];
    let mut end = span.end;
    let mut rest = text[end..].chars();
    for want in tail.chars() {
        match rest.next() {
            Some(got) if got == want || (is_apostrophe(got) && is_apostrophe(want)) => {
                end += got.len_utf8()
            }
            _ => return span,
        }
    }
    Span::new(span.start, end)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

#[cfg(test)]
mod tests;
