//! ④ Aligning: which statements of two articles report the same claim.
//!
//! The two articles are comparable, not translations: most statements have no
//! counterpart, some have several, and the order differs. So the aligner does
//! not walk the texts in step (as hunalign, Vecalign or Bertalign do); it
//! scores every pair that shares evidence ([`score`]), then links pairs by a
//! rule that is many-to-many, prefers mutual best matches and leaves a
//! statement alone rather than force a weak link:
//!
//! - a pair links when its score reaches the threshold, one statement is the
//!   other's best match, and the other is nearly its best (within
//!   [`AlignOptions::near_best`] of its best score) — so a French statement
//!   that reports two claims can link to the two English statements that each
//!   report one;
//! - a pair where only one side is the other's best links if it clears the
//!   threshold by [`AlignOptions::one_sided_margin`] more.

pub mod features;
pub mod quotes;
pub mod score;

use std::collections::BTreeMap;

use serde::Serialize;

pub use features::{EvidenceKind, Feature, StatementFeatures};
pub use score::Weights;

use crate::segment::{Segmenter, Statement};
use crate::span::{Lang, Span};
use crate::tag::{Mention, Tagger};

/// The settings of the linking rule. The threshold is the one users tune.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignOptions {
    /// Minimum score of a link: lower for recall, higher for precision.
    pub threshold: f64,
    /// A match within this ratio of a statement's best still counts as nearly its best.
    pub near_best: f64,
    /// How far above the threshold a one-sided best match must score.
    pub one_sided_margin: f64,
    /// The score's constants.
    pub weights: Weights,
}

/// The default threshold, shown in `--help`.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: DEFAULT_THRESHOLD,
            near_best: 0.8,
            one_sided_margin: 0.1,
            weights: Weights::default(),
        }
    }
}

/// One article, analysed: its statements, mentions and evidence.
#[derive(Clone, Debug)]
pub struct Analysis<'t> {
    /// The original text.
    pub text: &'t str,
    /// Its language.
    pub lang: Lang,
    /// Its statements, in text order.
    pub statements: Vec<Statement>,
    /// Every mention (entities and TERMs), in text order.
    pub mentions: Vec<Mention>,
    /// The evidence of each statement.
    pub features: Vec<StatementFeatures>,
}

/// A link between a left and a right statement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// Index of the left statement.
    pub left: usize,
    /// Index of the right statement.
    pub right: usize,
    /// Confidence in [0, 1].
    pub score: f64,
    /// Ids of the entities both statements mention.
    pub entities: Vec<String>,
    /// What they share, strongest first.
    pub evidence: Vec<Evidence>,
}

/// One shared piece of evidence, with how each side words it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evidence {
    /// What kind of evidence.
    pub kind: EvidenceKind,
    /// The shared key without its kind prefix (`sergei_shoigu`, `dur:4:year`).
    pub key: String,
    /// A readable name for it (the entity's label, the concept's label, the key).
    pub label: String,
    /// How the left statement says it.
    #[serde(rename = "left_text")]
    pub left: Vec<String>,
    /// How the right statement says it.
    #[serde(rename = "right_text")]
    pub right: Vec<String>,
    /// What it added to the pair's mass.
    pub weight: f64,
}

/// The links between two articles and what each says alone.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alignment {
    /// Links, by left then right statement.
    pub links: Vec<Link>,
    /// Left statements in no link.
    pub unaligned_left: Vec<usize>,
    /// Right statements in no link.
    pub unaligned_right: Vec<usize>,
}

/// Segments, tags and aligns articles. Build once, reuse; `Send + Sync`.
pub struct Aligner {
    tagger: Tagger,
    segmenter: Segmenter,
    options: AlignOptions,
}

impl std::fmt::Debug for Aligner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Aligner")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Aligner {
    /// An aligner over `tagger`'s lexicon.
    pub fn new(tagger: Tagger, options: AlignOptions) -> Aligner {
        Aligner {
            tagger,
            segmenter: Segmenter::new(),
            options,
        }
    }

    /// The tagger it uses.
    pub fn tagger(&self) -> &Tagger {
        &self.tagger
    }

    /// Its options.
    pub fn options(&self) -> &AlignOptions {
        &self.options
    }

    /// Splits, tags and extracts evidence from one article.
    pub fn analyse<'t>(&self, text: &'t str, lang: Lang) -> Analysis<'t> {
        let statements = self.segmenter.segment(text, lang);
        let mentions = self.tagger.tag(text, lang);
        let spans: Vec<Span> = statements.iter().map(|s| s.span).collect();
        let features = features::extract(text, lang, &spans, &mentions, &self.tagger);
        Analysis {
            text,
            lang,
            statements,
            mentions,
            features,
        }
    }

    /// Scores of every pair that shares evidence: `(left, right, score)`.
    pub fn scores(&self, left: &Analysis, right: &Analysis) -> Vec<(usize, usize, f64)> {
        let index = score::Index::new(&left.features, &right.features);
        self.scored_pairs(&index)
    }

    fn scored_pairs(&self, index: &score::Index) -> Vec<(usize, usize, f64)> {
        let w = &self.options.weights;
        let mut pairs = Vec::new();
        for i in 0..index.left.len() {
            let masses: BTreeMap<u32, f64> = index.masses(w, i).into_iter().collect();
            for (j, mass) in masses {
                let score = index.score(
                    w,
                    mass,
                    index.left[i].tokens,
                    index.right[j as usize].tokens,
                );
                pairs.push((i, j as usize, score));
            }
        }
        pairs
    }

    /// Links the statements of `left` and `right`.
    pub fn align(&self, left: &Analysis, right: &Analysis) -> Alignment {
        let index = score::Index::new(&left.features, &right.features);
        let pairs = self.scored_pairs(&index);
        let linked = link(
            &pairs,
            left.statements.len(),
            right.statements.len(),
            &self.options,
        );
        let links: Vec<Link> = linked
            .into_iter()
            .map(|(i, j, score)| self.explain(&index, left, right, i, j, score))
            .collect();
        let mut in_left = vec![false; left.statements.len()];
        let mut in_right = vec![false; right.statements.len()];
        for l in &links {
            in_left[l.left] = true;
            in_right[l.right] = true;
        }
        let unaligned = |used: &[bool]| {
            used.iter()
                .enumerate()
                .filter(|(_, u)| !**u)
                .map(|(i, _)| i)
                .collect()
        };
        Alignment {
            unaligned_left: unaligned(&in_left),
            unaligned_right: unaligned(&in_right),
            links,
        }
    }

    /// The evidence of a link, strongest first, with both sides' wording.
    fn explain(
        &self,
        index: &score::Index,
        left: &Analysis,
        right: &Analysis,
        i: usize,
        j: usize,
        score: f64,
    ) -> Link {
        let w = &self.options.weights;
        let right_keys = &index.right[j].keys;
        let mut evidence = Vec::new();
        for &key in &index.left[i].keys {
            let Ok(at) = right_keys.binary_search_by_key(&key.0, |k| k.0) else {
                continue;
            };
            let (_, _, factor, quoted) = right_keys[at];
            let full_key = &index.keys[key.0 as usize];
            let surfaces = |a: &Analysis, s: usize| {
                let mut out: Vec<String> = Vec::new();
                for f in a.features[s].features.iter().filter(|f| &f.key == full_key) {
                    let text = f.span.of(a.text).trim().to_string();
                    if !out.contains(&text) {
                        out.push(text);
                    }
                }
                out
            };
            evidence.push(Evidence {
                kind: key.1,
                key: full_key[2..].to_string(),
                label: self.label(full_key),
                left: surfaces(left, i),
                right: surfaces(right, j),
                weight: round(index.key_weight(w, key, factor, quoted)),
            });
        }
        evidence.sort_by(|a, b| {
            b.weight
                .total_cmp(&a.weight)
                .then_with(|| a.key.cmp(&b.key))
        });
        let entities = {
            let mut ids: Vec<String> = evidence
                .iter()
                .filter(|e| e.kind == EvidenceKind::Entity)
                .map(|e| e.key.clone())
                .collect();
            ids.sort();
            ids
        };
        Link {
            left: i,
            right: j,
            score: round(score),
            entities,
            evidence,
        }
    }

    /// A readable name for an evidence key.
    fn label(&self, key: &str) -> String {
        let (prefix, id) = key.split_at(2);
        match prefix {
            "e:" | "t:" | "q:" | "w:" => self
                .tagger
                .lexicon()
                .entry(id)
                .map_or_else(|| id.to_string(), |e| e.label.clone()),
            _ => id.to_string(),
        }
    }
}

/// Scores are reported to four decimals, so outputs are stable and readable.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// The linking rule (see the module doc) over scored pairs.
pub fn link(
    pairs: &[(usize, usize, f64)],
    n_left: usize,
    n_right: usize,
    options: &AlignOptions,
) -> Vec<(usize, usize, f64)> {
    let mut best_left = vec![0.0f64; n_left];
    let mut best_right = vec![0.0f64; n_right];
    for &(i, j, s) in pairs {
        best_left[i] = best_left[i].max(s);
        best_right[j] = best_right[j].max(s);
    }
    let mut links: Vec<(usize, usize, f64)> = pairs
        .iter()
        .copied()
        .filter(|&(i, j, s)| {
            let (best_for_left, best_for_right) = (s >= best_left[i], s >= best_right[j]);
            let near_left = s >= options.near_best * best_left[i];
            let near_right = s >= options.near_best * best_right[j];
            (s >= options.threshold
                && ((best_for_left && near_right) || (best_for_right && near_left)))
                || (s >= options.threshold + options.one_sided_margin
                    && (best_for_left || best_for_right))
        })
        .collect();
    links.sort_by_key(|&(i, j, _)| (i, j));
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linking_prefers_mutual_best_and_leaves_weak_pairs_alone() {
        let options = AlignOptions::default();
        let pairs = [
            (0, 0, 0.80), // mutual best
            (0, 1, 0.55), // neither side's best
            (1, 1, 0.75), // mutual best
            (2, 2, 0.45), // below the threshold
            (3, 1, 0.58), // best for left 3, far from right 1's best, not enough margin
            (4, 3, 0.62), // best for left 4 and right 3
        ];
        let links = link(&pairs, 5, 4, &options);
        let ids: Vec<(usize, usize)> = links.iter().map(|&(i, j, _)| (i, j)).collect();
        assert_eq!(ids, [(0, 0), (1, 1), (4, 3)]);
    }

    #[test]
    fn one_statement_may_link_to_several() {
        let options = AlignOptions::default();
        // Left 0 reports two claims; right 0 and right 1 each report one.
        let pairs = [(0, 0, 0.80), (0, 1, 0.66), (1, 1, 0.5)];
        let ids: Vec<(usize, usize)> = link(&pairs, 2, 2, &options)
            .iter()
            .map(|&(i, j, _)| (i, j))
            .collect();
        // (0, 1) is the best for right 1 and within 0.8 of left 0's best.
        assert_eq!(ids, [(0, 0), (0, 1)]);
        // Too far below left 0's best, it would need the one-sided margin.
        let pairs = [(0, 0, 0.80), (0, 1, 0.58)];
        assert_eq!(link(&pairs, 1, 2, &options).len(), 1);
    }

    #[test]
    fn aligner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Aligner>();
    }
}
