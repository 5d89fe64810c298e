//! Matching: full names first, then surnames alone, behind guards.
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

use rustc_hash::FxHashSet as FxSet;

use crate::span::{Lang, Span};

use super::fuzzy::{FUZZY_TWO_EDITS_MAX, for_each_deletion_hash, fuzzy_edits, fuzzy_eligible};
use super::index::{Entry, NameToken, VariantIndex, text_hash};
use super::scan::{KnownSpans, NameTok, Scan};
use super::words::common_words;
use super::{Known, VariantKind, VariantMatch};

/// Confidence of a full name matched through transliteration keys.
const CONF_TRANSLIT: f32 = 0.9;
/// Confidence of a surname alone matched through transliteration keys.
const CONF_SURNAME: f32 = 0.8;
/// What the first edit of a fuzzy match costs; each further edit costs the step.
const CONF_FUZZY_DROP: f32 = 0.15;
const CONF_FUZZY_STEP: f32 = 0.1;
/// A single-token candidate at a sentence start needs at least this many letters.
const SENTENCE_START_MIN_LEN: usize = 5;
/// A surname alone needs at least this many letters.
const SURNAME_MIN_LEN: usize = 4;

impl VariantIndex {
    /// Variant mentions in `text` (language `lang`) not overlapping `known`, the
    /// mentions the exact/folded lexicon search already found (spans with their
    /// entity ids; they also tell which full names occur in the text, for
    /// surname-alone matches: only the ids of people matter there, and a
    /// caller may give other mentions an empty id, which costs no look-up).
    /// Sorted by span start; non-overlapping.
    pub(crate) fn find(&self, text: &str, lang: Lang, known: &[Known<'_>]) -> Vec<VariantMatch> {
        let mut out = Vec::new();
        if self.entries.is_empty() {
            return out;
        }
        let mut blocked = KnownSpans::new(known);
        let scan = Scan::new(text, lang, &mut blocked, common_words());
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
        known: &[Known<'_>],
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
    fn present_persons(&self, known: &[Known<'_>], found: &[u32]) -> Vec<u32> {
        let mut present: Vec<u32> = Vec::new();
        // A text names the same entities again and again: each is looked up
        // once (the ids of one entity are one string, so its address says).
        let mut seen: FxSet<usize> = FxSet::default();
        for entity in known.iter().map(|k| k.entity).filter(|e| !e.is_empty()) {
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
