//! `entente report`: render a saved alignment (`align --format json`) for
//! people, without aligning again.

use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::ValueEnum;
use entente::report::document::Document;

use super::Outcome;
use super::align::{self, Format as AlignFormat};
use super::common;

/// Output formats of `report`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One self-contained HTML page: summary, then both articles side by side.
    Html,
    /// A Markdown document for notes and issues.
    Markdown,
    /// Side by side, for a terminal.
    Text,
    /// One line per link.
    Tsv,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    format: Format,
    /// The output of `entente align --format json` (or one line of `batch` or `corpus`), or - for standard input.
    file: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    let json = common::read_text(&args.file)?;
    let doc = Document::from_json(&json).with_context(|| args.file.display().to_string())?;
    let format = match args.format {
        Format::Html => AlignFormat::Html,
        Format::Markdown => AlignFormat::Markdown,
        Format::Text => AlignFormat::Text,
        Format::Tsv => AlignFormat::Tsv,
    };
    let mut out = common::stdout();
    align::write_document(&mut out, &doc, format)?;
    common::finish(out)
}
