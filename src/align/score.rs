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

use super::features::{EvidenceKind, StatementFeatures};

/// The constants of the score, documented in the module doc.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Base weight of a shared entity.
    pub entity: f64,
    /// Base weight of a shared number, quantity or date.
    pub number: f64,
    /// Base weight of the same person quoted on both sides.
    pub quote: f64,
    /// Base weight of a shared TERM concept.
    pub term: f64,
    /// Base weight of an everyday word quoted on both sides.
    pub wording: f64,
    /// Base weight of a shared cognate.
    pub cognate: f64,
    /// Multiplier when the evidence is inside a quotation on both sides.
    pub both_quoted: f64,
    /// The mass at which a pair of average length scores 0.5.
    pub saturation: f64,
    /// How much statement length raises the bar (0: not at all, 1: proportionally).
    pub length_norm: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            entity: 1.0,
            number: 1.2,
            quote: 1.0,
            term: 0.8,
            wording: 0.8,
            cognate: 0.35,
            both_quoted: 1.5,
            saturation: 6.0,
            length_norm: 0.5,
        }
    }
}

impl Weights {
    /// The base weight of a kind of evidence.
    pub fn base(&self, kind: EvidenceKind) -> f64 {
        match kind {
            EvidenceKind::Entity => self.entity,
            EvidenceKind::Number => self.number,
            EvidenceKind::Quote => self.quote,
            EvidenceKind::Term => self.term,
            EvidenceKind::Wording => self.wording,
            EvidenceKind::Cognate => self.cognate,
        }
    }
}

/// One statement's distinct keys, as interned ids with their strongest factor.
#[derive(Clone, Debug, Default)]
pub struct KeySet {
    /// `(key id, kind, factor, in a quotation)`, sorted by key id.
    pub keys: Vec<(u32, EvidenceKind, f32, bool)>,
    /// Length in tokens.
    pub tokens: usize,
}

/// The distinct keys of each statement as ids, interning new keys.
fn intern<'f>(
    features: &'f [StatementFeatures],
    ids: &mut HashMap<&'f str, u32>,
    keys: &mut Vec<String>,
) -> Vec<KeySet> {
    features
        .iter()
        .map(|sf| {
            let mut set: Vec<(u32, EvidenceKind, f32, bool)> = Vec::new();
            for f in &sf.features {
                let next = keys.len() as u32;
                let id = *ids.entry(f.key.as_str()).or_insert_with(|| {
                    keys.push(f.key.clone());
                    next
                });
                set.push((id, f.kind, f.factor, f.in_quote));
            }
            // Strongest factor first, then keep one entry per key, quoted if any was.
            set.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.total_cmp(&a.2)));
            set.dedup_by(|later, first| {
                let same = later.0 == first.0;
                if same {
                    first.3 |= later.3;
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
    /// Key strings by id.
    pub keys: Vec<String>,
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
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let left_sets = intern(left, &mut ids, &mut keys);
        let right_sets = intern(right, &mut ids, &mut keys);
        let mut df = vec![0u32; keys.len()];
        let mut right_postings = vec![Vec::new(); keys.len()];
        for set in &left_sets {
            for &(id, ..) in &set.keys {
                df[id as usize] += 1;
            }
        }
        for (j, set) in right_sets.iter().enumerate() {
            for &(id, ..) in &set.keys {
                df[id as usize] += 1;
                right_postings[id as usize].push(j as u32);
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
    pub fn key_weight(
        &self,
        weights: &Weights,
        left: (u32, EvidenceKind, f32, bool),
        right_factor: f32,
        right_quoted: bool,
    ) -> f64 {
        let (id, kind, left_factor, left_quoted) = left;
        let quoted = if left_quoted && right_quoted {
            weights.both_quoted
        } else {
            1.0
        };
        weights.base(kind)
            * self.idf[id as usize]
            * f64::from(left_factor.min(right_factor))
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

    /// Every right statement sharing a key with left statement `i`, with the pair's mass.
    pub fn masses(&self, weights: &Weights, i: usize) -> HashMap<u32, f64> {
        let mut masses: HashMap<u32, f64> = HashMap::new();
        for &key in &self.left[i].keys {
            for &j in &self.right_postings[key.0 as usize] {
                let right = &self.right[j as usize].keys;
                if let Ok(at) = right.binary_search_by_key(&key.0, |k| k.0) {
                    let (_, _, factor, quoted) = right[at];
                    *masses.entry(j).or_default() += self.key_weight(weights, key, factor, quoted);
                }
            }
        }
        masses
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::features::Feature;
    use crate::span::Span;
    use proptest::prelude::*;

    fn statement(keys: &[&str], tokens: usize) -> StatementFeatures {
        let features = keys
            .iter()
            .map(|k| Feature {
                kind: EvidenceKind::Entity,
                key: k.to_string(),
                span: Span::new(0, 1),
                factor: 1.0,
                in_quote: false,
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
        let id = |k: &str| index.keys.iter().position(|x| x == k).unwrap();
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
