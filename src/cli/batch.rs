//! `entente batch`: align many pairs, one JSON line per pair, in input order.

use std::io::{self, IsTerminal};
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Result, bail};
use entente::batch::{
    Base, Batch, JsonLinesReader, LangDefaults, ManifestReader, Outcome as PairOutcome, PairReader,
};
use entente::report::meta::Meta;
use entente::{Lang, Offsets};
use indicatif::{ProgressBar, ProgressStyle};

use super::Outcome;
use super::align::AlignFlags;
use super::common;

/// The examples `--help` shows.
pub const EXAMPLES: &str = "\
Examples:
  entente batch seeds/pairs.csv > aligned.jsonl         # relative paths resolve against seeds/
  jq -c '.[]' pairs.json | entente batch > aligned.jsonl  # on stdin: against the current folder";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of every left article that does not give its own (detected when absent).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    left_lang: Option<Lang>,
    /// Language of every right article that does not give its own (detected when absent).
    #[arg(long, value_parser = clap::value_parser!(Lang))]
    right_lang: Option<Lang>,
    /// Threads to align with (default: all cores). The output is the same for every number.
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    jobs: Option<u16>,
    /// Leave the date out of each line's `meta` (as `align --no-date`).
    #[arg(long)]
    no_date: bool,
    /// What statements' and mentions' `start`/`end` count: UTF-8 bytes, or characters (Python `str` indices).
    #[arg(long, value_name = "bytes|chars", default_value = "bytes", value_parser = clap::value_parser!(Offsets))]
    offsets: Offsets,
    #[command(flatten)]
    flags: AlignFlags,
    /// A CSV manifest with columns `left,right[,id]`, a `.jsonl` file, or - for JSON lines on
    /// standard input (the default when it is piped):
    /// `{"id": …, "left": {"text"|"path": …, "lang"?: …}, "right": {…}}`.
    /// Relative paths resolve against the folder of the manifest or `.jsonl` file;
    /// on standard input, against the current folder.
    manifest: Option<PathBuf>,
}

/// The number of threads: the flag, else every core.
pub fn jobs(flag: Option<u16>) -> usize {
    flag.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        usize::from,
    )
}

pub fn run(args: Args) -> Result<Outcome> {
    let mut reader: Box<dyn PairReader> = match &args.manifest {
        Some(path) if path.as_os_str() == "-" => {
            Box::new(JsonLinesReader::new(io::stdin().lock(), Base::current()))
        }
        None if !io::stdin().is_terminal() => {
            Box::new(JsonLinesReader::new(io::stdin().lock(), Base::current()))
        }
        None => bail!(
            "give a manifest (MANIFEST.csv), or pipe JSON lines to standard input; see --help"
        ),
        Some(path)
            if path
                .extension()
                .is_some_and(|x| x == "jsonl" || x == "ndjson") =>
        {
            Box::new(JsonLinesReader::open(path)?)
        }
        Some(path) => Box::new(ManifestReader::open(path)?),
    };
    let aligner = args.flags.aligner()?;
    let langs = LangDefaults {
        left: args.left_lang,
        right: args.right_lang,
    };
    let meta = Meta {
        offsets: args.offsets,
        ..Meta::new(
            &aligner,
            args.flags.lexicon.strict,
            common::report_date(args.no_date)?,
        )
    };
    let batch = Batch::new(&aligner, langs, jobs(args.jobs))?
        .with_meta(meta)
        .with_offsets(args.offsets);
    let progress = io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::new_spinner();
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {pos} pairs aligned, {per_sec}, {elapsed} {msg}",
            )
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar
    });
    let started = Instant::now();
    let mut out = common::stdout();
    let on_pair = |outcome: &PairOutcome| {
        if let Some(error) = &outcome.error {
            let line = format!("entente: pair {}: {error}", outcome.id);
            match &progress {
                Some(bar) => bar.suspend(|| eprintln!("{line}")),
                None => eprintln!("{line}"),
            }
        }
        if let Some(bar) = &progress {
            bar.inc(1);
        }
    };
    let result = batch.run(reader.as_mut(), &mut out, on_pair);
    if let Some(bar) = &progress {
        bar.finish_and_clear();
    }
    let summary = result?;
    eprintln!(
        "entente: batch: {} pair{}, {} link{}, {} error{} in {:.2} s",
        summary.pairs,
        if summary.pairs == 1 { "" } else { "s" },
        summary.links,
        if summary.links == 1 { "" } else { "s" },
        summary.errors,
        if summary.errors == 1 { "" } else { "s" },
        started.elapsed().as_secs_f64()
    );
    Ok(if summary.errors > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
