//! ④ Aligning: which statements of two articles report the same claim.
//!
//! The two articles are comparable, not translations: most statements have no
//! counterpart, some have several, and the order differs. So the aligner does
//! not walk the texts in step (as hunalign, Vecalign or Bertalign do); it
//! scores every pair that shares evidence (`score`), then links every pair
//! whose score reaches the threshold — many-to-many, so a French statement
//! that reports two claims links to the two English statements that each
//! report one. The score is calibrated rather than the rule: it weighs
//! evidence by its rarity in the two articles, lowers it for what the two
//! statements do not share, and takes a margin against each statement's
//! other candidates, so that one threshold means the same in a two-line and a
//! forty-line article, and lowering it reaches every pair (`--threshold 0`
//! lists every pair with shared evidence).
//!
//! The stage in files: [`evidence`] (what a statement says, as keys),
//! `score` (how much two statements share), `link` (which pairs link),
//! `explain` (the evidence shown for a link), [`weights`] (every constant
//! and how it was chosen), `quotes` (quotations inside a statement).

mod cognates;
pub mod evidence;
mod explain;
mod link;
mod names;
mod quotes;
mod score;
pub mod weights;

use serde::{Deserialize, Serialize};

pub use evidence::{EvidenceKey, EvidenceKind, Feature, StatementFeatures};
pub use link::ScoredPair;
pub use weights::{DEFAULT_THRESHOLD, Weights};

use crate::segment::{Segmenter, Statement};
use crate::span::{Lang, Span};
use crate::tag::{Mention, Tagger};

/// The settings of the linking rule. The threshold is the one users tune.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AlignOptions {
    /// Minimum score of a link: lower for recall, higher for precision.
    pub threshold: f64,
    /// The score's constants.
    pub weights: Weights,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            threshold: DEFAULT_THRESHOLD,
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
    /// Capitalised words outside the lexicons, which may be names the other
    /// article shares.
    pub(crate) names: names::NameWords,
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

/// One shared piece of evidence, with how each side words it (read back
/// by `entente report` from saved JSON).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// For each entry, the places its names contain (`war in Ukraine`:
    /// Ukraine), so that a country meets the event or body named after it.
    contains: Vec<Box<[usize]>>,
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
        let contains = evidence::containment(&tagger);
        Aligner {
            tagger,
            segmenter: Segmenter::new(),
            options,
            contains,
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
        let features =
            evidence::extract(text, lang, &spans, &mentions, &self.tagger, &self.contains);
        let covered: Vec<Span> = mentions.iter().map(|m| m.span).collect();
        let names = names::NameWords::of(text, lang, &statements, &covered);
        Analysis {
            text,
            lang,
            statements,
            mentions,
            features,
            names,
        }
    }

    /// Scores of every pair that shares evidence.
    pub fn scores(&self, left: &Analysis, right: &Analysis) -> Vec<ScoredPair> {
        let (left_features, right_features) = names::with_shared_names(left, right);
        let index = score::Index::new(&self.options.weights, &left_features, &right_features);
        self.scored_pairs(&index)
    }

    fn scored_pairs(&self, index: &score::Index) -> Vec<ScoredPair> {
        let w = &self.options.weights;
        let mut pairs: Vec<ScoredPair> = Vec::new();
        for i in 0..index.left.len() {
            for (j, sim) in index.similarities(w, i) {
                pairs.push(ScoredPair {
                    left: i,
                    right: j,
                    score: sim,
                });
            }
        }
        link::rank(&mut pairs, index.left.len(), index.right.len(), w.rank);
        pairs
    }

    /// Links the statements of `left` and `right`.
    pub fn align(&self, left: &Analysis, right: &Analysis) -> Alignment {
        // The pair's own evidence: names outside the lexicons that both use.
        let (left_features, right_features) = names::with_shared_names(left, right);
        let index = score::Index::new(&self.options.weights, &left_features, &right_features);
        let pairs = self.scored_pairs(&index);
        let linked = link::link(&pairs, self.options.threshold);
        let lexicon = self.tagger.lexicon();
        let links: Vec<Link> = linked
            .into_iter()
            .map(|pair| {
                let sides = (
                    explain::Side::new(left.text, &left_features),
                    explain::Side::new(right.text, &right_features),
                );
                explain::explain(&index, &self.options.weights, lexicon, sides, pair)
            })
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
}

#[cfg(test)]
mod tests;
