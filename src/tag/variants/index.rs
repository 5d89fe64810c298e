//! The variant index: the lexicon's names keyed once, looked up by the
//! first token's key or fold, by the deletion hashes of one-token names
//! long enough to be approximated, and, for surnames alone, by person.

use std::ops::Range;

use crate::span::Lang;

use super::IndexedName;
use super::fuzzy::{for_each_deletion_hash, fuzzy_eligible};
use super::key::{Piece, fold_ascii, key_with, name_tokens};

/// Variant index built once from the lexicon's names. Immutable after
/// construction, hence `Send + Sync`; [`VariantIndex::find`] is cheap and
/// roughly linear in the text.
#[derive(Clone, Debug, Default)]
pub(crate) struct VariantIndex {
    pub(super) entries: Vec<Entry>,
    /// The entries' tokens, entry after entry.
    tokens: Vec<TokenKey>,
    /// The tokens' folds and keys and the entities' ids, end to end: a
    /// million names made five million small boxed strings, and allocating
    /// them was most of the time spent building the index.
    text: String,
    /// Hash of the first token's key and of its folded spelling → entries
    /// starting with it. By hash, not by a copy of the text; a collision
    /// only adds a candidate, which verifying it rejects.
    pub(super) first: Postings,
    /// Deletion-neighbourhood hash → one-token entries long enough to be
    /// approximated (symmetric deletion: two keys within k edits share a
    /// string obtained by at most k deletions from each).
    pub(super) fuzzy: Postings,
    /// Hash of the entity id → its multi-token person entries, for surnames
    /// alone ([`VariantIndex::persons_of`] checks the id).
    persons: Postings,
}

impl VariantIndex {
    /// Index the lexicon's names. Names without a capitalised token (TERM-like
    /// words) are ignored. A name valid in both languages (`lang: None`) is
    /// indexed under both its French and its English key.
    pub(crate) fn new<'a>(names: impl IntoIterator<Item = IndexedName<'a>>) -> VariantIndex {
        let names = names.into_iter();
        // Sized up front: growing these tables by doubling was a fifth of
        // building the index for a million names.
        let hint = names.size_hint().0;
        let mut index = VariantIndex {
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
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no name was indexed.
    #[cfg(test)]
    pub(super) fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

type FxMap<K, V> = rustc_hash::FxHashMap<K, V>;

/// A range of [`VariantIndex::text`] or [`VariantIndex::tokens`]; `u32`
/// halves the index (it stops growing at 4 GiB of keys, see `add`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Stored {
    start: u32,
    end: u32,
}

impl Stored {
    fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    pub(super) fn len(self) -> usize {
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
pub(super) struct NameToken<'i> {
    pub(super) fold: &'i str,
    pub(super) key: &'i str,
}

/// One indexed spelling: a name keyed in one language.
#[derive(Clone, Copy, Debug)]
pub(super) struct Entry {
    /// The name's id ([`IndexedName::id`]).
    pub(super) id: usize,
    pub(super) entity: Stored,
    pub(super) is_person: bool,
    pub(super) tokens: Stored,
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
            fold_ascii(piece.of(name), &mut scratch.fold);
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

    pub(super) fn entry(&self, idx: u32) -> Option<&Entry> {
        self.entries.get(idx as usize)
    }

    pub(super) fn entry_id(&self, idx: u32) -> usize {
        self.entry(idx).map_or(usize::MAX, |e| e.id)
    }

    pub(super) fn entity_of(&self, entry: &Entry) -> &str {
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

    pub(super) fn name_tokens_of(
        &self,
        entry: &Entry,
    ) -> impl DoubleEndedIterator<Item = NameToken<'_>> {
        self.name_tokens(entry.tokens)
    }

    /// The multi-token person entries of `entity`.
    pub(super) fn persons_of<'s>(&'s self, entity: &'s str) -> impl Iterator<Item = u32> + 's {
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
pub(super) struct Postings {
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

    pub(super) fn push(&mut self, hash: u64, entry: u32) {
        self.pending.push((hash, entry));
    }

    /// Groups what was pushed, each entry once per hash.
    pub(super) fn seal(&mut self) {
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

    pub(super) fn get(&self, hash: u64) -> &[u32] {
        self.groups
            .get(&hash)
            .and_then(|s| self.entries.get(s.range()))
            .unwrap_or_default()
    }
}

/// A hash of a whole fold or key, for the index of first tokens and the
/// surnames of the persons present in a text.
pub(super) fn text_hash(text: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(text)
}
