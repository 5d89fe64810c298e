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
//! Every offset in every result points into the original text's bytes.
//!
//! ```
//! use entente::{Lang, Lexicon, TagOptions, Tagger};
//!
//! let tagger = Tagger::new(Lexicon::builtin(), TagOptions::default());
//! let text = "Sergueï Choïgou s’était rendu en Corée du Nord.";
//! let ids: Vec<&str> = tagger
//!     .tag(text, Lang::Fr)
//!     .iter()
//!     .map(|m| tagger.entry(m).id.as_str())
//!     .collect();
//! // People and places, and the TERM concept the aligner uses ("s’était rendu" = visit).
//! assert_eq!(ids, ["sergei_shoigu", "visit", "north_korea"]);
//! ```

#![deny(missing_docs)]

pub mod align;
pub mod batch;
pub mod corpus;
mod data;
pub mod detect;
pub mod error;
pub mod eval;
pub mod input;
pub mod lexicon;
pub mod normalize;
pub mod report;
pub mod segment;
pub mod span;
pub mod tag;
// Numbers, dates and durations as keys: a stage of its own beside tagging.
pub mod quantity;

pub use align::{AlignOptions, Aligner, Alignment, Evidence, Link};
pub use error::{Error, ErrorKind, Result};
pub use lexicon::{Lexicon, LexiconBuilder};
pub use span::{Lang, Span};
pub use tag::{MatchHow, Mention, TagOptions, Tagger};

/// The README's Rust example, compiled and run as a doctest.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
