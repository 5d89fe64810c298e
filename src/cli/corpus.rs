//! `entente corpus`: which French and English articles cover the same story.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use entente::Lang;
use entente::corpus::{
    self, Corpus, CorpusOptions, DEFAULT_MAX_DF, DEFAULT_MIN_SCORE, DEFAULT_TOP,
};

use super::Outcome;
use super::align::AlignFlags;
use super::common;

/// The examples `--help` shows.
pub const EXAMPLES: &str = "\
Examples:
  entente corpus fr/ en/ > pairs.jsonl                  # up to 3 partners per article, aligned
  entente corpus --top 1 --no-align fr/ en/             # each article's best partner, not aligned";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Least score of a kept article pair, in [0, 1] (cosine of their rarity-weighted entities, terms and numbers).
    #[arg(long, default_value_t = DEFAULT_MIN_SCORE, value_parser = parse_unit)]
    min_score: f64,
    /// Keep a pair when it is among the K best of its French or of its English article.
    #[arg(long, value_name = "K", default_value_t = DEFAULT_TOP as u32, value_parser = clap::value_parser!(u32).range(1..))]
    top: u32,
    /// Ignore keys found in more than this many articles of one side (too common to tell stories apart).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DF as u32, value_parser = clap::value_parser!(u32).range(1..))]
    max_df: u32,
    /// Only pair the articles: leave out the statement alignment.
    #[arg(long)]
    no_align: bool,
    /// Language of the articles of FR_DIR.
    #[arg(long, default_value = "fr", value_parser = clap::value_parser!(Lang))]
    left_lang: Lang,
    /// Language of the articles of EN_DIR.
    #[arg(long, default_value = "en", value_parser = clap::value_parser!(Lang))]
    right_lang: Lang,
    /// Threads to work with (default: all cores). The output is the same for every number.
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    #[command(flatten)]
    flags: AlignFlags,
    /// Directory of the French articles (`*.txt`).
    fr_dir: PathBuf,
    /// Directory of the English articles (`*.txt`).
    en_dir: PathBuf,
}

fn parse_unit(s: &str) -> Result<f64, String> {
    let t: f64 = s.parse().map_err(|_| format!("{s:?} is not a number"))?;
    if !(0.0..=1.0).contains(&t) {
        return Err(format!("{t} is outside [0, 1]"));
    }
    Ok(t)
}

pub fn run(args: Args) -> Result<Outcome> {
    let left_paths = corpus::list_articles(&args.fr_dir)?;
    let right_paths = corpus::list_articles(&args.en_dir)?;
    let aligner = args.flags.aligner()?;
    let options = CorpusOptions {
        min_score: args.min_score,
        top: args.top as usize,
        max_df: args.max_df as usize,
        ..CorpusOptions::default()
    };
    let mut corpus = Corpus::new(&aligner, options, super::batch::jobs(args.jobs))?;
    corpus.align = !args.no_align;
    let started = Instant::now();
    let mut out = common::stdout();
    let result = corpus.run(
        &left_paths,
        &right_paths,
        (args.left_lang, args.right_lang),
        &mut out,
        |e| {
            eprintln!("entente: {e} (skipped)");
        },
    );
    let summary = result?;
    eprintln!(
        "entente: corpus: {} × {} articles, {} pair{}, {} link{}, {} unreadable in {:.2} s",
        summary.left,
        summary.right,
        summary.pairs,
        if summary.pairs == 1 { "" } else { "s" },
        summary.links,
        if summary.links == 1 { "" } else { "s" },
        summary.errors,
        started.elapsed().as_secs_f64()
    );
    Ok(if summary.errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
