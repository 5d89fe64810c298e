//! Scoring statement pairs: the evidence they share, weighted by how rare it
//! is, against the evidence each says that the other does not.
//!
//! For statements `i` (left) and `j` (right) sharing keys `K`:
//!
//! ```text
//! idf(k)     = ln((N + B) / (df(k) + B·p))^α  N statements in both articles, df(k) of them have k;
//!                                             B virtual statements of prior, p their share holding k
//! w(k)       = base(kind k) × idf(k) × factor
//! W(i)       = Σ w(k) over the keys of i      what a statement says, as evidence
//! mass(i, j) = Σ_k∈K w(k) × (1.5 if quoted on both sides)
//! U(i)       = κ × (entities and names of i not shared) + (the rest of i not shared)
//! unshared   = mix × min(U(i), U(j)) + (1 − mix) × max(U(i), U(j))
//! sim(i, j)  = mass / (mass + σ + γ × unshared)
//! score(i, j) = sim × (sim / bestᵢ × sim / bestⱼ)^(β/2)   bestᵢ: the best sim of i
//! ```
//!
//! An entity in every sentence of both articles (Kim, Putin, Russia) has a low
//! idf and says little; a number or a minister named once on each side says a
//! lot. The prior keeps one-line articles from having no rare evidence at all:
//! in a two-statement pair every key is in both statements, and still names a
//! rare thing. The unshared term asks more of statements that say much besides
//! what they share, mostly of the smaller one, so that a short statement meets
//! the long statement that contains it; a person or place one side names and
//! the other does not weighs most (the same minister visiting a country and
//! taking part in talks are two claims). The last step (in
//! [`link`](super::link)) is a margin against each statement's other
//! candidates, as bitext mining scores: a pair as good as the best of both
//! its statements keeps its `sim`. Every constant is in
//! [`weights`](super::weights). More shared evidence never lowers `sim`.

use std::collections::HashMap;

use super::evidence::{EvidenceKey, EvidenceKind, StatementFeatures};
use super::weights::Weights;

/// One distinct key of a statement, interned.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KeyUse {
    /// The key's id in [`Index::keys`].
    pub id: u32,
    /// Its kind.
    pub kind: EvidenceKind,
    /// Its strongest factor in the statement.
    pub factor: f32,
    /// True when one of its occurrences is inside a quotation.
    pub quoted: bool,
    /// Evidence that counts only beside other evidence (a date, a source).
    pub context: bool,
    /// For a bare number, what it counts.
    pub counted: Option<usize>,
    /// For derived evidence, the id of the key it comes from.
    pub parent: Option<u32>,
}

/// One statement's distinct keys, as interned ids with their strongest factor.
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    /// Sorted by key id.
    pub keys: Vec<KeyUse>,
}

impl KeySet {
    /// The use of key `id` in this statement, if it has it.
    pub fn get(&self, id: u32) -> Option<&KeyUse> {
        let at = self.keys.binary_search_by_key(&id, |k| k.id).ok()?;
        Some(&self.keys[at])
    }
}

/// The distinct keys of each statement as ids, interning new keys.
fn intern<'f>(
    features: &'f [StatementFeatures],
    ids: &mut HashMap<&'f EvidenceKey, u32>,
    keys: &mut Vec<EvidenceKey>,
) -> Vec<KeySet> {
    features
        .iter()
        .map(|sf| {
            let mut set: Vec<KeyUse> = Vec::new();
            for f in &sf.features {
                let next = keys.len() as u32;
                let id = *ids.entry(&f.key).or_insert_with(|| {
                    keys.push(f.key.clone());
                    next
                });
                let parent = f.parent.as_ref().and_then(|p| ids.get(p).copied());
                set.push(KeyUse {
                    id,
                    kind: f.key.kind(),
                    factor: f.factor,
                    quoted: f.in_quote,
                    context: f.context,
                    counted: f.counted,
                    parent,
                });
            }
            // Strongest factor first, then keep one entry per key, quoted if any was.
            set.sort_by(|a, b| a.id.cmp(&b.id).then(b.factor.total_cmp(&a.factor)));
            set.dedup_by(|later, first| {
                let same = later.id == first.id;
                if same {
                    first.quoted |= later.quoted;
                    first.counted = first.counted.or(later.counted);
                    // Said directly anywhere in the statement: not derived.
                    if later.parent.is_none() {
                        first.parent = None;
                    }
                }
                same
            });
            KeySet { keys: set }
        })
        .collect()
}

/// Interned keys of both articles, their document frequencies and the
/// statements that hold each (an inverted index, so scoring visits only pairs
/// that share something).
#[derive(Debug, Default)]
pub struct Index {
    /// Keys by id.
    pub keys: Vec<EvidenceKey>,
    /// Key sets of the left statements.
    pub left: Vec<KeySet>,
    /// Key sets of the right statements.
    pub right: Vec<KeySet>,
    /// idf of each key id.
    pub idf: Vec<f64>,
    /// For each key id, the right statements holding it.
    pub right_postings: Vec<Vec<u32>>,
    /// What each left statement says, as evidence: Σ w(k) of its keys.
    left_evidence: Vec<Said>,
    /// The same for each right statement.
    right_evidence: Vec<Said>,
}

/// Evidence weight, split into who or where (entities and names) and the rest.
#[derive(Clone, Copy, Debug, Default)]
struct Said {
    names: f64,
    other: f64,
}

impl Said {
    fn add(&mut self, kind: EvidenceKind, weight: f64) {
        if matches!(kind, EvidenceKind::Entity | EvidenceKind::Name) {
            self.names += weight;
        } else {
            self.other += weight;
        }
    }

    /// What `self` says beyond `shared`, entities and names counting
    /// `names_weight` times: a different participant is a different claim.
    fn beyond(&self, shared: &Said, names_weight: f64) -> f64 {
        names_weight * (self.names - shared.names).max(0.0) + (self.other - shared.other).max(0.0)
    }
}

impl Index {
    /// Interns the keys of both sides and computes their rarity.
    pub fn new(
        weights: &Weights,
        left: &[StatementFeatures],
        right: &[StatementFeatures],
    ) -> Index {
        let mut ids: HashMap<&EvidenceKey, u32> = HashMap::new();
        let mut keys: Vec<EvidenceKey> = Vec::new();
        let left_sets = intern(left, &mut ids, &mut keys);
        let right_sets = intern(right, &mut ids, &mut keys);
        let mut df = vec![0u32; keys.len()];
        let mut right_postings = vec![Vec::new(); keys.len()];
        for set in &left_sets {
            for k in &set.keys {
                df[k.id as usize] += 1;
            }
        }
        for (j, set) in right_sets.iter().enumerate() {
            for k in &set.keys {
                df[k.id as usize] += 1;
                right_postings[k.id as usize].push(j as u32);
            }
        }
        let n = (left_sets.len() + right_sets.len()) as f64;
        let prior = weights.prior_statements;
        let idf: Vec<f64> = df
            .iter()
            .map(|&d| {
                ((n + prior) / (f64::from(d) + prior * weights.prior_share))
                    .ln()
                    .powf(weights.rarity_exponent)
            })
            .collect();
        let evidence = |sets: &[KeySet]| -> Vec<Said> {
            sets.iter()
                .map(|set| {
                    let mut said = Said::default();
                    for k in set.keys.iter().filter(|k| k.kind != EvidenceKind::Quote) {
                        said.add(
                            k.kind,
                            weights.base(k.kind) * idf[k.id as usize] * f64::from(k.factor),
                        );
                    }
                    said
                })
                .collect()
        };
        Index {
            left_evidence: evidence(&left_sets),
            right_evidence: evidence(&right_sets),
            keys,
            left: left_sets,
            right: right_sets,
            idf,
            right_postings,
        }
    }

    /// The weight one shared key adds to a pair's mass.
    pub fn key_weight(&self, weights: &Weights, left: &KeyUse, right: &KeyUse) -> f64 {
        let quoted = if left.quoted && right.quoted {
            weights.both_quoted
        } else {
            1.0
        };
        weights.base(left.kind)
            * self.idf[left.id as usize]
            * f64::from(left.factor.min(right.factor))
            * quoted
    }

    /// How much left statement `i` and right statement `j` say alike, in
    /// [0, 1) (`sim` of the module doc); 0 when they share nothing that counts.
    pub fn similarity(&self, weights: &Weights, i: usize, j: usize) -> f64 {
        // The rules of `shared`, in one merge of the two sorted key lists
        // (this runs for every candidate pair, so it allocates nothing).
        let (left, right) = (&self.left[i].keys, &self.right[j].keys);
        let (mut a, mut b) = (0, 0);
        let (mut mass, mut speaker) = (0.0, 0.0);
        let mut plain = Said::default();
        let (mut quoted_words, mut beyond_context) = (false, false);
        while a < left.len() && b < right.len() {
            let (l, r) = (&left[a], &right[b]);
            match l.id.cmp(&r.id) {
                std::cmp::Ordering::Less => a += 1,
                std::cmp::Ordering::Greater => b += 1,
                std::cmp::Ordering::Equal => {
                    a += 1;
                    b += 1;
                    if !counts_agree(l, r) || self.parent_shared(i, j, l, r) {
                        continue;
                    }
                    let weight = self.key_weight(weights, l, r);
                    if l.kind == EvidenceKind::Quote {
                        speaker += weight;
                        continue;
                    }
                    mass += weight;
                    plain.add(
                        l.kind,
                        weights.base(l.kind)
                            * self.idf[l.id as usize]
                            * f64::from(l.factor.min(r.factor)),
                    );
                    quoted_words |= l.quoted && r.quoted;
                    beyond_context |= !(l.context || r.context);
                }
            }
        }
        if !beyond_context {
            return 0.0;
        }
        if quoted_words {
            mass += speaker;
        }
        let beyond_left = self.left_evidence[i].beyond(&plain, weights.unshared_names);
        let beyond_right = self.right_evidence[j].beyond(&plain, weights.unshared_names);
        let unshared = weights.unshared_smaller * beyond_left.min(beyond_right)
            + (1.0 - weights.unshared_smaller) * beyond_left.max(beyond_right);
        mass / (mass + weights.saturation + weights.unshared * unshared)
    }

    /// The keys left statement `i` and right statement `j` share, as both
    /// sides use them, after the rules of what may meet: two counts of
    /// different things do not; who is quoted meets only where the quoted
    /// words share evidence; context (a date, a source) never links alone.
    pub fn shared(&self, i: usize, j: usize) -> Vec<(&KeyUse, &KeyUse)> {
        let right = &self.right[j];
        let mut shared: Vec<(&KeyUse, &KeyUse)> = self.left[i]
            .keys
            .iter()
            .filter_map(|l| right.get(l.id).map(|r| (l, r)))
            .filter(|(l, r)| counts_agree(l, r) && !self.parent_shared(i, j, l, r))
            .collect();
        let quoted_words = shared
            .iter()
            .any(|(l, r)| l.kind != EvidenceKind::Quote && l.quoted && r.quoted);
        if !quoted_words {
            shared.retain(|(l, _)| l.kind != EvidenceKind::Quote);
        }
        if shared.iter().all(|(l, r)| l.context || r.context) {
            shared.clear();
        }
        shared
    }

    /// Every right statement sharing evidence with left statement `i`, with
    /// their similarity, by right statement.
    pub fn similarities(&self, weights: &Weights, i: usize) -> Vec<(usize, f64)> {
        let mut candidates: Vec<u32> = self.left[i]
            .keys
            .iter()
            .flat_map(|key| self.right_postings[key.id as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .map(|j| (j as usize, self.similarity(weights, i, j as usize)))
            .filter(|&(_, s)| s > 0.0)
            .collect()
    }
}

impl Index {
    /// True when a key derived on both sides (the country of a capital, the
    /// place of an event) comes from a key the two statements share anyway:
    /// `Moscou` and `Moscow` are one piece of evidence, not two.
    fn parent_shared(&self, i: usize, j: usize, left: &KeyUse, right: &KeyUse) -> bool {
        let shares = |p: Option<u32>| {
            p.is_some_and(|p| self.left[i].get(p).is_some() && self.right[j].get(p).is_some())
        };
        (left.parent.is_some() && right.parent.is_some())
            && (shares(left.parent) || shares(right.parent))
    }
}

/// False for two bare numbers that count different things.
fn counts_agree(left: &KeyUse, right: &KeyUse) -> bool {
    match (left.counted, right.counted) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::evidence::Feature;
    use crate::span::Span;
    use proptest::prelude::*;

    fn statement(keys: &[&str], tokens: usize) -> StatementFeatures {
        let features = keys
            .iter()
            .map(|k| Feature {
                key: EvidenceKey::Cognate(k.to_string()),
                span: Span::new(0, 1),
                factor: 1.0,
                in_quote: false,
                context: false,
                counted: None,
                parent: None,
            })
            .collect();
        StatementFeatures { features, tokens }
    }

    /// The score of left 0 with right 0.
    fn score(left: &[StatementFeatures], right: &[StatementFeatures]) -> f64 {
        let w = Weights::default();
        Index::new(&w, left, right).similarity(&w, 0, 0)
    }

    #[test]
    fn rare_evidence_weighs_more_than_common_evidence() {
        // "e:kim" is in every statement; "e:shoigu" only in the pair.
        let left = [
            statement(&["e:kim", "e:shoigu"], 20),
            statement(&["e:kim"], 20),
        ];
        let right = [
            statement(&["e:kim", "e:shoigu"], 20),
            statement(&["e:kim"], 20),
        ];
        let index = Index::new(&Weights::default(), &left, &right);
        let id = |k: &str| {
            let key = EvidenceKey::Cognate(k.to_string());
            index.keys.iter().position(|x| *x == key).unwrap()
        };
        assert!(index.idf[id("e:shoigu")] > 2.0 * index.idf[id("e:kim")]);
        assert!(score(&left, &right) > score(&left[1..], &right[1..]));
    }

    #[test]
    fn scores_stay_in_the_unit_interval() {
        let left = [statement(&["a", "b", "c"], 1)];
        let right = [statement(&["a", "b", "c"], 1)];
        let s = score(&left, &right);
        assert!(s > 0.0 && s < 1.0);
        assert_eq!(score(&[statement(&["a"], 5)], &[statement(&["b"], 5)]), 0.0);
    }

    proptest! {
        /// More shared rare evidence never lowers a score.
        #[test]
        fn more_shared_evidence_never_lowers_a_score(
            shared in prop::collection::btree_set("[a-e]", 0..5),
            left_only in prop::collection::btree_set("[f-j]", 0..5),
            right_only in prop::collection::btree_set("[k-o]", 0..5),
            background in prop::collection::vec(prop::collection::btree_set("[a-o]", 0..6), 0..6),
            tokens in (1usize..60, 1usize..60),
        ) {
            let build = |extra: bool| {
                let mut l: Vec<&str> = shared.iter().chain(&left_only).map(String::as_str).collect();
                let mut r: Vec<&str> = shared.iter().chain(&right_only).map(String::as_str).collect();
                if extra {
                    l.push("rare_new_key");
                    r.push("rare_new_key");
                }
                let mut left = vec![statement(&l, tokens.0)];
                let mut right = vec![statement(&r, tokens.1)];
                for (k, bg) in background.iter().enumerate() {
                    let keys: Vec<&str> = bg.iter().map(String::as_str).collect();
                    if k % 2 == 0 { left.push(statement(&keys, 10)) } else { right.push(statement(&keys, 10)) }
                }
                score(&left, &right)
            };
            prop_assert!(build(true) >= build(false));
        }
    }
}
