//! `entente align`: link the statements of two articles.

use std::path::PathBuf;

use anyhow::{Result, bail};
use clap::ValueEnum;
use entente::align::{AlignOptions, Aligner, DEFAULT_THRESHOLD};
use entente::report::alignment::{self, AlignedPair, JsonAlignment};
use entente::report::document::Document;
use entente::report::html;
use entente::report::meta::Meta;
use entente::{Lang, Offsets};

use super::Outcome;
use super::common::{self, LexiconArgs};

/// The examples `--help` shows.
pub const EXAMPLES: &str = "\
Examples:
  entente align seeds/000-fr.txt seeds/001-en.txt       # side by side, in the terminal
  entente align --format html seeds/000-fr.txt seeds/003-en.txt > report.html
  entente align --left-lang fr --right-lang en --threshold 0.4 a.txt b.txt";

/// Output formats of `align`.
#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Side by side, for a terminal.
    Text,
    /// One JSON object: statements, links and their evidence (see docs/design.md).
    Json,
    /// One line per link.
    Tsv,
    /// A Markdown document for notes and issues.
    Markdown,
    /// One self-contained HTML page: summary, then both articles side by side.
    Html,
}

/// The alignment flags shared by `align`, `eval`, `batch` and `corpus`.
#[derive(clap::Args, Debug, Clone)]
pub struct AlignFlags {
    /// Minimum link score in [0, 1]: lower it for more links (recall), raise it for fewer, surer ones (precision).
    #[arg(long, default_value_t = DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub threshold: f64,
    #[command(flatten)]
    pub lexicon: LexiconArgs,
}

impl AlignFlags {
    /// An aligner with these settings.
    pub fn aligner(&self) -> Result<Aligner> {
        let options = AlignOptions {
            threshold: self.threshold,
            ..AlignOptions::default()
        };
        Ok(Aligner::new(self.lexicon.tagger()?, options))
    }
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let t: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if !(0.0..=1.0).contains(&t) {
        return Err(format!("{t} is outside [0, 1]"));
    }
    Ok(t)
}

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the left article (detected when absent).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    left_lang: Option<Lang>,
    /// Language of the right article (detected when absent).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    right_lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Leave the date out of the record of how the alignment was made (JSON
    /// `meta`, the HTML and Markdown footer), for output that depends on the
    /// inputs only. SOURCE_DATE_EPOCH, when set, gives the date instead of the clock.
    #[arg(long)]
    no_date: bool,
    /// What statements' and mentions' `start`/`end` count in JSON: UTF-8 bytes, or characters (Python `str` indices).
    #[arg(long, value_name = "bytes|chars", default_value = "bytes", value_parser = clap::value_parser!(Offsets))]
    offsets: Offsets,
    #[command(flatten)]
    flags: AlignFlags,
    /// The left article (usually French), or - for standard input.
    left: PathBuf,
    /// The right article (usually English), or - for standard input.
    right: PathBuf,
}

pub fn run(args: Args) -> Result<Outcome> {
    if args.left.as_os_str() == "-" && args.right.as_os_str() == "-" {
        bail!("only one of LEFT and RIGHT can be - (standard input)");
    }
    let date = common::report_date(args.no_date)?;
    let aligner = args.flags.aligner()?;
    let left_text = common::read_text(&args.left)?;
    let right_text = common::read_text(&args.right)?;
    let left_lang = common::resolve_lang(args.left_lang, &left_text, &args.left, "--left-lang");
    let right_lang =
        common::resolve_lang(args.right_lang, &right_text, &args.right, "--right-lang");
    let left = aligner.analyse(&left_text, left_lang);
    let right = aligner.analyse(&right_text, right_lang);
    let result = aligner.align(&left, &right);
    let (left_path, right_path) = (
        args.left.display().to_string(),
        args.right.display().to_string(),
    );
    let pair = AlignedPair::new(
        &aligner,
        (&left_path, &left),
        (&right_path, &right),
        &result,
    );
    let mut meta = Meta::new(&aligner, args.flags.lexicon.strict, date);
    let json = JsonAlignment::new(&pair, None);
    let mut out = common::stdout();
    if args.format == Format::Json {
        // Only the JSON counts offsets in characters: reports place names by bytes.
        meta.offsets = args.offsets;
        let json = json.with_offsets(args.offsets, &pair).with_meta(&meta);
        alignment::write_json(&mut out, &json)?;
    } else {
        write_document(
            &mut out,
            &Document::of(&json.with_meta(&meta))?,
            args.format,
        )?;
    }
    common::finish(out)
}

/// Writes an alignment's document in a format for people (or TSV).
pub fn write_document(out: &mut dyn std::io::Write, doc: &Document, format: Format) -> Result<()> {
    match format {
        Format::Text => alignment::write_text(out, doc)?,
        Format::Tsv => alignment::write_tsv(out, doc)?,
        Format::Markdown => alignment::write_markdown(out, doc)?,
        Format::Html => html::write_alignment(out, doc)?,
        Format::Json => bail!("a document is written from its JSON, not to it"),
    }
    Ok(())
}
