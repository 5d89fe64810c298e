//! ⑤ Reports: what the pipeline found, written for people and for programs.
//!
//! JSON (and TSV) are written from the alignment; text, Markdown and HTML
//! from its [`document::Document`], the JSON read back, so that
//! `entente report saved.json` renders what `align` would have.

mod aligner_view;
pub mod alignment;
pub mod document;
pub mod entities;
mod evidence;
pub mod html;
pub mod mentions;
pub mod meta;
