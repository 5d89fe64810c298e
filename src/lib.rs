//! entente lines up what French and English news say about the same event.
//!
//! The pipeline: **normalize → segment → tag → align → report**.
//!
//! 1. [`normalize`] folds a text (case, accents, punctuation, look-alike letters)
//!    and keeps a map back to the original bytes;
//! 2. [`segment`] splits an article into statements (sentences, bullets, headings);
//! 3. [`tag`] finds the entities of the [`lexicon`] in it, and the
//!    transliterations the lexicon does not list;
//! 4. [`align`] links the French and English statements that report the same claim;
//! 5. [`report`] writes the results as text, JSON, TSV, Markdown or HTML.
//!
//! Every offset in every result points into the original text's bytes. The
//! types of each stage are re-exported here; build the [`Tagger`] and the
//! [`Aligner`] once and reuse them (they are `Send + Sync`).
//!
//! ```
//! use entente::{AlignOptions, Aligner, Lang, Lexicon, TagOptions, Tagger};
//!
//! // ③ Tagging: the built-in lexicons, shared, with transliteration variants.
//! let tagger = Tagger::new(Lexicon::builtin(), TagOptions::default());
//! let text = "Sergueï Choïgou s’était rendu en Corée du Nord.";
//! let ids: Vec<&str> = tagger
//!     .tag(text, Lang::Fr)
//!     .iter()
//!     .map(|m| tagger.entry(m).id.as_str())
//!     .collect();
//! // People and places, and the TERM concept the aligner uses ("s’était rendu" = visit).
//! assert_eq!(ids, ["sergei_shoigu", "visit", "north_korea"]);
//!
//! // ②–④ Aligning: statements, evidence, links.
//! let aligner = Aligner::new(tagger, AlignOptions::default());
//! let fr = aligner.analyse(text, Lang::Fr);
//! let en = aligner.analyse("In July, Sergei Shoigu visited North Korea.", Lang::En);
//! assert_eq!(fr.statements.len(), 1);
//! let alignment = aligner.align(&fr, &en);
//! // ⑤ Every result is `Serialize`: the JSON of `entente align` is built from it.
//! let json = serde_json::to_string(&alignment.links).unwrap();
//! assert!(json.starts_with('['));
//! ```

#![deny(missing_docs)]

// The pipeline, in the order the data flows (a comment above each module
// keeps rustfmt from sorting them).
// ① Folded text, with offsets back to the original bytes.
pub mod normalize;
// ② Statements.
pub mod segment;
// ③ Names and concepts, from CSV.
pub mod lexicon;
// ③ Mentions of the lexicon's names, and their variants.
pub mod tag;
// ③ Numbers, dates and durations as keys.
pub mod quantity;
// ④ Evidence, scores, links.
pub mod align;
// ⑤ JSON, TSV, text, Markdown, HTML.
pub mod report;

// Around the pipeline.
mod api;
pub mod batch;
pub mod corpus;
mod data;
pub mod detect;
pub mod error;
pub mod eval;
pub mod input;
pub mod span;

pub use align::{AlignOptions, Aligner, Alignment, Analysis, Evidence, EvidenceKind, Link};
pub use api::{Aligned, Entente, EntenteBuilder, Tagged};
pub use error::{Error, ErrorKind, Result};
pub use lexicon::{EntityType, Entry, Lexicon, LexiconBuilder};
pub use quantity::{Quantity, QuantityKey};
pub use segment::{Segmenter, Statement, StatementKind};
pub use span::{Lang, OffsetMap, Offsets, Span};
pub use tag::{MatchHow, Mention, TagOptions, Tagger};

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
