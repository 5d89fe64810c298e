//! Scoring statement pairs: shared evidence, weighted by how rare it is in the
//! two articles, saturated into [0, 1].
//!
//! For statements `i` (left) and `j` (right) sharing keys `K`:
//!
//! ```text
//! mass(i, j)  = Σ_k∈K  base(kind k) × idf(k) × min(factorᵢ(k), factorⱼ(k)) × (1.5 if quoted on both sides)
//! idf(k)      = ln((N + 1) / df(k))      N statements in both articles, df(k) of them have k
//! score(i, j) = mass / (mass + SATURATION × (1 − LENGTH_NORM + LENGTH_NORM × (lenᵢ + lenⱼ) / (2 × mean len)))
//! ```
//!
//! An entity in every sentence of both articles (Kim, Putin, Russia) has an idf
//! near zero and says little; a number or a minister named once on each side
//! says a lot. Longer statements share more by chance, so the length term asks
//! more of them. More shared evidence never lowers a score: the mass only grows
//! with it, and the denominator depends on the statements' lengths only.

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
}

/// One statement's distinct keys, as interned ids with their strongest factor.
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    /// Sorted by key id.
    pub keys: Vec<KeyUse>,
    /// Length in tokens.
    pub tokens: usize,
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
                set.push(KeyUse {
                    id,
                    kind: f.key.kind(),
                    factor: f.factor,
                    quoted: f.in_quote,
                    context: f.context,
                    counted: f.counted,
                });
            }
            // Strongest factor first, then keep one entry per key, quoted if any was.
            set.sort_by(|a, b| a.id.cmp(&b.id).then(b.factor.total_cmp(&a.factor)));
            set.dedup_by(|later, first| {
                let same = later.id == first.id;
                if same {
                    first.quoted |= later.quoted;
                    first.counted = first.counted.or(later.counted);
                }
                same
            });
            KeySet {
                keys: set,
                tokens: sf.tokens,
            }
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
    mean_tokens: f64,
}

impl Index {
    /// Interns the keys of both sides and computes their rarity.
    pub fn new(left: &[StatementFeatures], right: &[StatementFeatures]) -> Index {
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
        let idf = df
            .iter()
            .map(|&d| ((n + 1.0) / f64::from(d.max(1))).ln())
            .collect();
        let total_tokens: usize = left_sets.iter().chain(&right_sets).map(|s| s.tokens).sum();
        let mean_tokens = if n > 0.0 {
            (total_tokens as f64 / n).max(1.0)
        } else {
            1.0
        };
        Index {
            keys,
            left: left_sets,
            right: right_sets,
            idf,
            right_postings,
            mean_tokens,
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

    /// Turns a pair's mass into a score in [0, 1].
    pub fn score(
        &self,
        weights: &Weights,
        mass: f64,
        left_tokens: usize,
        right_tokens: usize,
    ) -> f64 {
        let relative_len = (left_tokens + right_tokens) as f64 / (2.0 * self.mean_tokens);
        let bar =
            weights.saturation * (1.0 - weights.length_norm + weights.length_norm * relative_len);
        if mass <= 0.0 {
            0.0
        } else {
            mass / (mass + bar)
        }
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
            .filter(|(l, r)| match (l.counted, r.counted) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            })
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

    /// Every right statement sharing a key with left statement `i`, with the pair's mass.
    pub fn masses(&self, weights: &Weights, i: usize) -> HashMap<u32, f64> {
        let mut candidates: Vec<u32> = self.left[i]
            .keys
            .iter()
            .flat_map(|key| self.right_postings[key.id as usize].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates
            .into_iter()
            .filter_map(|j| {
                let mass: f64 = self
                    .shared(i, j as usize)
                    .into_iter()
                    .map(|(l, r)| self.key_weight(weights, l, r))
                    .sum();
                (mass > 0.0).then_some((j, mass))
            })
            .collect()
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
            })
            .collect();
        StatementFeatures { features, tokens }
    }

    /// The score of left 0 with right 0.
    fn score(left: &[StatementFeatures], right: &[StatementFeatures]) -> f64 {
        let w = Weights::default();
        let index = Index::new(left, right);
        let mass = index.masses(&w, 0).get(&0).copied().unwrap_or(0.0);
        index.score(&w, mass, index.left[0].tokens, index.right[0].tokens)
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
        let index = Index::new(&left, &right);
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
