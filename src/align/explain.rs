//! What a link shows: the evidence two statements share, strongest first,
//! with how each side words it.

use super::evidence::EvidenceKind;
use super::evidence::StatementFeatures;
use super::link::ScoredPair;
use super::score::Index;
use super::weights::Weights;
use super::{Evidence, Link};
use crate::lexicon::Lexicon;

/// One article as a link's evidence reads it: its text and the evidence of
/// its statements (with the pair's own names).
pub struct Side<'a> {
    text: &'a str,
    features: &'a [StatementFeatures],
}

impl<'a> Side<'a> {
    /// An article's text and its statements' evidence.
    pub fn new(text: &'a str, features: &'a [StatementFeatures]) -> Side<'a> {
        Side { text, features }
    }
}

/// The link of a scored pair, with its evidence.
pub fn explain(
    index: &Index,
    weights: &Weights,
    lexicon: &Lexicon,
    (left, right): (Side, Side),
    pair: ScoredPair,
) -> Link {
    let ScoredPair {
        left: i,
        right: j,
        score,
    } = pair;
    let mut evidence = Vec::new();
    for (key, right_use) in index.shared(i, j) {
        let shared = &index.keys[key.id as usize];
        let surfaces = |a: &Side, s: usize| {
            let mut out: Vec<String> = Vec::new();
            for f in a.features[s].features.iter().filter(|f| &f.key == shared) {
                let text = f.span.of(a.text).trim().to_string();
                if !out.contains(&text) {
                    out.push(text);
                }
            }
            out
        };
        let (left_words, right_words) = (surfaces(&left, i), surfaces(&right, j));
        // A name outside the lexicons is labelled as the left article writes it.
        let label = match (key.kind, left_words.first()) {
            (EvidenceKind::Name, Some(word)) => word.clone(),
            _ => shared.label(lexicon).to_string(),
        };
        evidence.push(Evidence {
            kind: key.kind,
            key: shared.id(lexicon).to_string(),
            label,
            left: left_words,
            right: right_words,
            weight: round(index.key_weight(weights, key, right_use)),
        });
    }
    evidence.sort_by(|a, b| {
        b.weight
            .total_cmp(&a.weight)
            .then_with(|| a.key.cmp(&b.key))
    });
    let mut entities: Vec<String> = evidence
        .iter()
        .filter(|e| e.kind == EvidenceKind::Entity)
        .map(|e| e.key.clone())
        .collect();
    entities.sort();
    Link {
        left: i,
        right: j,
        score: round(score),
        entities,
        evidence,
    }
}

/// Scores are reported to four decimals, so outputs are stable and readable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}
