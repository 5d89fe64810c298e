//! Every constant of the aligner, in one place.
//!
//! | constant | value | what it does | how the value was chosen |
//! |---|---|---|---|
//! | [`DEFAULT_THRESHOLD`] | 0.5 | least score of a link (`--threshold`) | grid over the development pair 000–001 and the judged seed pairs 000–002/3/4 together; F1 ≥ 0.90 on 000–001 for 0.5–0.55 |
//! | [`NEAR_BEST`] | 0.8 | a link's other side must score within this ratio of its own best | same grid; lets a statement that reports two claims link to both |
//! | [`ONE_SIDED_MARGIN`] | 0.1 | extra score a link needs when it is the best of one side only | same grid |
//! | [`Weights::entity`] | 1.0 | base weight of a shared entity | the unit the others are set against |
//! | [`Weights::number`] | 1.2 | base weight of a shared number, date or duration | above an entity: a figure on both sides rarely meets by chance; grid |
//! | [`Weights::quote`] | 1.0 | base weight of the same person quoted on both sides | as an entity; grid |
//! | [`Weights::term`] | 0.8 | base weight of a shared TERM concept | below an entity: concepts recur across claims; grid |
//! | [`Weights::wording`] | 0.8 | base weight of an everyday word quoted on both sides | as a TERM; grid |
//! | [`Weights::cognate`] | 0.35 | base weight of words alike in both languages | weak evidence (false friends); grid |
//! | [`Weights::both_quoted`] | 1.5 | multiplier for evidence inside a quotation on both sides | quoted words are the strongest sign of one moment; grid |
//! | [`Weights::saturation`] | 6.0 | mass at which a pair of average length scores 0.5 | grid; five sure links of 000–001 make each link worth ~0.08 of F1 |
//! | [`Weights::length_norm`] | 0.5 | how much longer statements must share more | grid (0: none, 1: proportional) |
//! | [`METONYMY_FACTOR`] | 0.7 | a capital or seat standing for its country counts this much | judgment: weaker than naming the country |
//! | [`NESTED_FACTOR`] | 0.7 | a name inside a longer one (Ukraine in "war in Ukraine") | judgment, as metonymy |
//! | [`COGNATE_PREFIX`] | 6 | cognates compare this many first letters of longer words | stratégique / strategic; shorter prefixes met by chance |
//!
//! "Grid" means a small grid search over the four seed pairs together, never
//! tuned to one sentence; the values rest on 5 + 16 sure links, so more gold
//! from other events is what would make a better choice honest.

use super::evidence::EvidenceKind;

/// The default least score of a link, shown in `--help`.
pub const DEFAULT_THRESHOLD: f64 = 0.5;

/// How much a capital or seat of government counts for the country it stands for.
pub const METONYMY_FACTOR: f32 = 0.7;

/// How much an everyday word (`scope` = `quote` in the lexicon) counts
/// outside a quotation, where it says less about the claim than inside one.
pub const EVERYDAY_OUTSIDE_QUOTES: f32 = 0.5;

/// How much a name nested in a longer name counts (Ukraine in "war in Ukraine").
pub const NESTED_FACTOR: f32 = 0.7;

/// Cognates compare this many leading letters of words at least one letter longer.
pub const COGNATE_PREFIX: usize = 6;

/// How much a name outside the lexicons counts when the two articles spell
/// it differently (equal transliteration keys) rather than alike.
pub const NAME_TRANSLIT_FACTOR: f32 = 0.8;

/// Transliteration keys pair names of at least this many letters only.
pub const NAME_TRANSLIT_MIN_LEN: usize = 5;

/// The constants of the score (see the table in the module doc).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Weights {
    /// Base weight of a shared entity (and of a name both articles use).
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
    /// `B`: virtual statements added to both articles when rarity is counted,
    /// so that the keys of short articles still count as rare.
    pub prior_statements: f64,
    /// `p`: the share of those virtual statements that hold any key.
    pub prior_share: f64,
    /// `α`: rarity is `ln(…)^α`, so that evidence in many statements of the
    /// two articles fades faster than a plain logarithm lets it.
    pub rarity_exponent: f64,
    /// `σ`: shared evidence of this weight makes a pair of statements that
    /// say nothing else score 0.5.
    pub saturation: f64,
    /// `γ`: how much the evidence a pair does not share lowers its score.
    pub unshared: f64,
    /// `mix`: the share of the smaller statement in the unshared evidence.
    pub unshared_smaller: f64,
    /// `κ`: how much more an entity or name one statement does not share
    /// counts than other unshared evidence.
    pub unshared_names: f64,
    /// `β`: how much a pair below the best of each statement loses (0: not
    /// at all); the score is `sim × (sim/bestᵢ × sim/bestⱼ)^(β/2)`.
    pub rank: f64,
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
            prior_statements: 8.0,
            prior_share: 0.1,
            rarity_exponent: 2.5,
            saturation: 6.0,
            unshared: 0.1,
            unshared_smaller: 0.9,
            unshared_names: 4.0,
            rank: 1.0,
        }
    }
}

impl Weights {
    /// The base weight of a kind of evidence.
    pub fn base(&self, kind: EvidenceKind) -> f64 {
        match kind {
            EvidenceKind::Entity | EvidenceKind::Name => self.entity,
            EvidenceKind::Number => self.number,
            EvidenceKind::Quote => self.quote,
            EvidenceKind::Term => self.term,
            EvidenceKind::Wording => self.wording,
            EvidenceKind::Cognate => self.cognate,
        }
    }
}
