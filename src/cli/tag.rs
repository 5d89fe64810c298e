//! `entente tag`: the entities of one text.

use std::path::PathBuf;

use anyhow::Result;
use clap::ValueEnum;
use entente::Lang;
use entente::lexicon::EntityType;
use entente::report::html;
use entente::report::mentions::{self, records};

use super::Outcome;
use super::common::{self, LexiconArgs};

/// The examples `--help` shows.
pub const EXAMPLES: &str = "\
Examples:
  entente tag seeds/000-fr.txt                          # a table of the entities found
  entente tag --format json seeds/002-en.txt            # start, end, text, entity, label, type, match
  entente tag --lang en --lexicon my-names.csv -  < article.txt";

/// Output formats of `tag`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A table for people.
    Text,
    /// A JSON array of mentions: start, end, text, entity, label, type, match.
    Json,
    /// Tab-separated values with a header.
    Tsv,
    /// One self-contained HTML page: the text with its mentions highlighted.
    Html,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the text (detected when absent).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Also list TERM concepts (general vocabulary the aligner uses).
    #[arg(long)]
    terms: bool,
    #[command(flatten)]
    lexicon: LexiconArgs,
    /// The text file, or - for standard input.
    file: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    let tagger = args.lexicon.tagger()?;
    let text = common::read_text(&args.file)?;
    let lang = common::resolve_lang(args.lang, &text, &args.file, "--lang");
    let mut found = tagger.tag(&text, lang);
    if !args.terms {
        found.retain(|m| tagger.entry(m).kind != EntityType::Term);
    }
    let records = records(&tagger, &text, &found);
    let mut out = common::stdout();
    match args.format {
        Format::Text => mentions::write_text(&mut out, &records)?,
        Format::Json => mentions::write_json(&mut out, &records)?,
        Format::Tsv => mentions::write_tsv(&mut out, &records)?,
        Format::Html => html::write_mentions(
            &mut out,
            &args.file.display().to_string(),
            &text,
            lang,
            &records,
        )?,
    }
    common::finish(out)
}
