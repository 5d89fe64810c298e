//! Two facts about a statement that the aligner decides and the reports'
//! entity summary must agree with:
//!
//! - a caption on a line with a photo credit (`[Vladimir Smirnov/Sputnik/Pool
//!   via Reuters]`) describes a picture, not a claim: it gives no evidence;
//! - an event, organisation or facility named after a place also counts for
//!   the place (`guerre contre l’Ukraine`: Ukraine).
//!
//! Stand-in: both are read off the evidence the aligner extracted
//! ([`Analysis::features`]), which is what it decided. They are meant to be
//! replaced by two functions of `align` that the evidence stage itself uses:
//!
//! ```text
//! // src/align/evidence.rs
//! /// True when the statement at `span` of `text` lies on a line with a photo
//! /// credit: such a caption gives no evidence.
//! pub fn is_credit_line(text: &str, span: Span) -> bool {
//!     is_photo_credit(line_of(text, span))
//! }
//!
//! // src/align/mod.rs
//! impl Aligner {
//!     /// The places (GPE, LOC) the names of `entry` contain — `war in Ukraine`:
//!     /// Ukraine — for which a mention of the entry also counts.
//!     pub fn contained_places(&self, entry: usize) -> &[usize] {
//!         &self.contains[entry]
//!     }
//! }
//! ```
//!
//! Swapping is replacing the two bodies below by
//! `align::evidence::is_credit_line(a.text, a.statements[statement].span)` and
//! `aligner.contained_places(mention.entry).to_vec()`.

use crate::align::{Aligner, Analysis, EvidenceKey};
use crate::lexicon::EntityType;
use crate::tag::Mention;

/// True when statement `statement` of `a`, whose mentions are `mentions`,
/// gives no evidence although it names an entity: a caption with a photo
/// credit.
pub(crate) fn is_credit_line(
    aligner: &Aligner,
    a: &Analysis,
    statement: usize,
    mentions: &[Mention],
) -> bool {
    let names_one = mentions
        .iter()
        .any(|m| aligner.tagger().entry(m).kind != EntityType::Term);
    names_one && a.features[statement].features.is_empty()
}

/// The places a mention of an event, organisation or facility also counts
/// for, as the evidence of its statement says.
pub(crate) fn contained_places(
    aligner: &Aligner,
    a: &Analysis,
    statement: usize,
    mention: &Mention,
) -> Vec<usize> {
    let entry = aligner.tagger().entry(mention);
    if !matches!(
        entry.kind,
        EntityType::Event | EntityType::Organisation | EntityType::Facility
    ) {
        return Vec::new();
    }
    // Features are in text order: look only at those where the mention starts.
    let features = &a.features[statement].features;
    let first = features.partition_point(|f| f.span.start < mention.span.start);
    let mut places = Vec::new();
    for f in features[first..]
        .iter()
        .take_while(|f| f.span.start == mention.span.start)
    {
        if let EvidenceKey::Entity(place) = f.key
            && f.span == mention.span
            && place != mention.entry
            && !entry.stands_for.contains(&place)
            && !places.contains(&place)
        {
            places.push(place);
        }
    }
    places
}
