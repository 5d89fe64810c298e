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
//! stems (`inondation` finds `inondations`, `flood` finds `flooded`): the `stem` module
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
//! | `stem` | stem keys of words; the other forms of TERM names |
//! | `variants` | transliteration and fuzzy variants of names |

mod choice;
pub(crate) mod stem;
mod trie;
pub(crate) mod variants;
mod walk;

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::lexicon::{EntityType, Entry, Lexicon, Name};
use crate::normalize::{fold, for_each_token, is_word_char};
use crate::span::{Lang, Span};
use choice::Names;
use stem::{CONF_STEM, StemBuf, StemWords, add_forms, form_name};
use trie::{Token, TokenTrie};
use variants::{IndexedName, Known, VariantIndex, VariantKind};
use walk::Walk;

/// How a mention was found (JSON `match`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
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
    /// Every way, in the order the documentation lists them.
    pub const ALL: [MatchHow; 5] = [
        MatchHow::Exact,
        MatchHow::Folded,
        MatchHow::Translit,
        MatchHow::Fuzzy,
        MatchHow::Stem,
    ];

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
    /// The words of the stemmed TERM names by stem key, French then English.
    stem_words: [StemWords; 2],
    /// The other forms of the stemmed TERM names are the trie's patterns from
    /// this one on (see `stem::add_forms`)…
    first_form: u32,
    /// …and each stands for a name in each language.
    forms: Vec<[Option<u32>; 2]>,
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
        let first_form = trie.patterns();
        let (stem_words, forms) = add_forms(&lexicon, &mut trie, first_form);
        trie.shrink();
        Tagger {
            lexicon,
            trie,
            names,
            stem_words,
            first_form,
            forms,
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

    /// The mentions of named entities only, leaving out TERM concepts (the
    /// general vocabulary the aligner uses): what `entente tag` lists
    /// without `--terms`.
    pub fn tag_entities(&self, text: &str, lang: Lang) -> Vec<Mention> {
        let mut mentions = self.tag(text, lang);
        mentions.retain(|m| self.entry(m).kind != EntityType::Term);
        mentions
    }

    /// Every mention in `text` (written in `lang`), in text order, not overlapping.
    pub fn tag(&self, text: &str, lang: Lang) -> Vec<Mention> {
        // News text holds a mention every dozen bytes or so (general words
        // included): growing the vector from nothing would copy it a dozen
        // times over.
        let mut mentions = Vec::with_capacity(text.len() / 16);
        let lang_index = lang_index(lang);
        // Where the text's words that no name lists stood in for a name's
        // word of the same stem, in text order.
        let stood_in: RefCell<Vec<Span>> = RefCell::default();
        let mut next_stood_in = 0;
        let mut found = |span: Span, pattern: usize| {
            let surface = span.of(text);
            let stood_in = stood_in.borrow();
            while stood_in
                .get(next_stood_in)
                .is_some_and(|s| s.end <= span.start)
            {
                next_stood_in += 1;
            }
            let stemmed = stood_in
                .get(next_stood_in)
                .is_some_and(|s| s.start < span.end);
            let name = match pattern.checked_sub(self.first_form as usize) {
                Some(form) => form_name(&self.forms, form, lang_index),
                None if stemmed => self.names.choose_stemmed(pattern, lang),
                None => self.names.choose(&self.lexicon, pattern, surface, lang),
            };
            let Some(name) = name else {
                return;
            };
            let name_text = &self.lexicon.names()[name].text;
            let span = if self.names.info(name).tail {
                with_trailing_punctuation(text, span, name_text)
            } else {
                span
            };
            let (how, confidence) = if stemmed || pattern >= self.first_form as usize {
                (MatchHow::Stem, CONF_STEM)
            } else if name_text == span.of(text) {
                (MatchHow::Exact, 1.0)
            } else {
                (MatchHow::Folded, 1.0)
            };
            mentions.push(Mention {
                span,
                entry: self.lexicon.names()[name].entry,
                name,
                how,
                confidence,
            });
        };
        if !self.trie.is_empty() {
            let mut walk = Walk::new(&self.trie);
            let words = &self.stem_words[lang_index];
            // Each distinct word is stemmed once per text.
            let mut cache: FxHashMap<&str, Option<Token>> = FxHashMap::default();
            let mut buf = StemBuf::default();
            for_each_token(text, |token, span| {
                let mut found_token = self.trie.token(token);
                // A word that starts no name here may stand in for a name's
                // word of the same stem (unless it is a capitalised word of
                // a name: taken for that name).
                if found_token.is_none_or(|t| t.root == 0 && walk.is_idle())
                    && words.may_stem(token)
                    && !(found_token.is_some() && text.as_bytes()[span.start].is_ascii_uppercase())
                {
                    let original = &text[span.start..span.end];
                    let stand_in = *cache
                        .entry(original)
                        .or_insert_with(|| words.stand_in(original, token, lang, &mut buf));
                    if stand_in.is_some() {
                        found_token = stand_in;
                        stood_in.borrow_mut().push(span);
                    }
                }
                walk.push(found_token, span, &mut found)
            });
            walk.finish(&mut found);
        }
        if let Some(variants) = &self.variants {
            self.add_variants(variants, text, lang, &mut mentions);
        }
        mentions
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

/// 0 for French, 1 for English: the order of `Tagger::stem_words`.
fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::Fr => 0,
        Lang::En => 1,
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
