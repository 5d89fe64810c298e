//! `entente corpus`: which French and English articles cover the same story.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Result;
use entente::Lang;
use entente::corpus::{
    self, Corpus, CorpusOptions, DEFAULT_MAX_DF, DEFAULT_MIN_SCORE, DEFAULT_TOP, SideLang,
};
use entente::report::meta::Meta;

use super::Outcome;
use super::align::AlignFlags;
use super::common;

/// The examples `--help` shows.
pub const EXAMPLES: &str = "\
Examples:
  entente corpus fr/ en/ > pairs.jsonl                  # up to 5 partners per article, aligned
  entente corpus --top 1 --no-align fr/ en/             # at most one partner per article, not aligned";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Least score of a kept article pair, in [0, 1] (cosine of their rarity-weighted entities, terms and numbers).
    #[arg(long, default_value_t = DEFAULT_MIN_SCORE, value_parser = parse_unit)]
    min_score: f64,
    /// The most partners an article gets: pairs are kept best first while both articles have fewer than K.
    #[arg(long, value_name = "K", default_value_t = DEFAULT_TOP as u32, value_parser = clap::value_parser!(u32).range(1..))]
    top: u32,
    /// Ignore keys found in more than this many articles of one side (too common to tell stories apart).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_MAX_DF as u32, value_parser = clap::value_parser!(u32).range(1..))]
    max_df: u32,
    /// Only pair the articles: leave out the statement alignment.
    #[arg(long)]
    no_align: bool,
    /// Language of every article of FR_DIR (default: detected per article, French when unsure).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    left_lang: Option<Lang>,
    /// Language of every article of EN_DIR (default: detected per article, English when unsure).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    right_lang: Option<Lang>,
    /// Threads to work with (default: all cores). The output is the same for every number.
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Leave the date out of each alignment's `meta` (as `align --no-date`).
    #[arg(long)]
    no_date: bool,
    #[command(flatten)]
    flags: AlignFlags,
    /// Directory of the French articles (`*.txt`).
    fr_dir: PathBuf,
    /// Directory of the English articles (`*.txt`).
    en_dir: PathBuf,
}

/// Detection expecting `expected`, unless the flag gives the language.
fn side_lang(given: Option<Lang>, expected: Lang) -> SideLang {
    given.map_or(SideLang::Detect(expected), SideLang::Given)
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
    let mut empty = false;
    for (dir, paths) in [(&args.fr_dir, &left_paths), (&args.en_dir, &right_paths)] {
        if paths.is_empty() {
            eprintln!(
                "entente: {}: no .txt article in this folder, so nothing to pair",
                dir.display()
            );
            empty = true;
        }
    }
    if empty {
        return Ok(Outcome::Problems);
    }
    let aligner = args.flags.aligner()?;
    let options = CorpusOptions {
        min_score: args.min_score,
        top: args.top as usize,
        max_df: args.max_df as usize,
        ..CorpusOptions::default()
    };
    let meta = Meta::new(
        &aligner,
        args.flags.lexicon.strict,
        common::report_date(args.no_date)?,
    );
    let mut corpus = Corpus::new(&aligner, options, super::batch::jobs(args.jobs))?.with_meta(meta);
    corpus.align = !args.no_align;
    let started = Instant::now();
    let mut out = common::stdout();
    let result = corpus.run(
        &left_paths,
        &right_paths,
        (
            side_lang(args.left_lang, Lang::Fr),
            side_lang(args.right_lang, Lang::En),
        ),
        &mut out,
        |e| {
            eprintln!("entente: {e} (skipped)");
        },
    );
    let summary = result?;
    let sides = [
        (
            &args.fr_dir,
            &summary.left_other_lang,
            summary.left,
            Lang::Fr,
            "--left-lang",
        ),
        (
            &args.en_dir,
            &summary.right_other_lang,
            summary.right,
            Lang::En,
            "--right-lang",
        ),
    ];
    for (dir, other, total, expected, flag) in sides {
        if let Some(first) = other.first() {
            let found = expected.other();
            let swapped = if 2 * other.len() > total {
                "were FR_DIR and EN_DIR swapped? "
            } else {
                ""
            };
            eprintln!(
                "entente: warning: {}: {} of {total} articles are {}, not {} (e.g. {first}); \
                 they were aligned as {}; {swapped}{flag} sets the language of every article",
                dir.display(),
                other.len(),
                found.name(),
                expected.name(),
                found.name(),
            );
        }
    }
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
