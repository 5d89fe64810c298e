//! `entente eval`: precision, recall and F1 against gold links.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use entente::eval::{self, GoldRow, Score};

use super::Outcome;
use super::align::AlignFlags;
use super::common;

/// The examples `--help` shows.
pub const EXAMPLES: &str = "\
Examples:
  entente eval tests/data/gold                          # gold pairs name the articles of ./seeds
  entente eval --verbose --seeds tests/data/events tests/data/events/gold";

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Directory of the articles the gold pairs name (`000-001` = the files starting `000` and `001`).
    #[arg(long, default_value = "seeds", value_name = "DIR")]
    seeds: PathBuf,
    /// Also list the sure links missed and the links that match no gold row.
    #[arg(long, short)]
    verbose: bool,
    #[command(flatten)]
    flags: AlignFlags,
    /// Gold TSV files, or directories of them.
    #[arg(required = true)]
    gold: Vec<PathBuf>,
}

/// One gold pair with its articles read.
struct Pair {
    name: String,
    rows: Vec<GoldRow>,
    left_text: String,
    right_text: String,
}

pub fn run(args: Args) -> Result<Outcome> {
    // Everything that can fail is read first: a failure leaves stdout empty.
    let mut by_pair: BTreeMap<String, Vec<GoldRow>> = BTreeMap::new();
    for path in gold_files(&args.gold)? {
        let text = common::read_text(&path)?;
        for row in eval::parse_gold(&path, &text)? {
            by_pair.entry(row.pair.clone()).or_default().push(row);
        }
    }
    let pairs = by_pair
        .into_iter()
        .map(|(name, rows)| {
            let (left_path, right_path) = pair_files(&args.seeds, &name)?;
            Ok(Pair {
                left_text: common::read_text(&left_path)?,
                right_text: common::read_text(&right_path)?,
                name,
                rows,
            })
        })
        .collect::<Result<Vec<Pair>>>()?;
    let aligner = args.flags.aligner()?;
    let mut out = common::stdout();
    let mut total = Score::default();
    let mut problems = false;
    writeln!(
        out,
        "{:<10} {:>5} {:>5} {:>5}  {:>9} {:>6} {:>6}",
        "pair", "P", "R", "F1", "predicted", "gold S", "gold"
    )?;
    for Pair {
        name: pair,
        rows,
        left_text,
        right_text,
    } in &pairs
    {
        let left = aligner.analyse(left_text, entente::Lang::Fr);
        let right = aligner.analyse(right_text, entente::Lang::En);
        let alignment = aligner.align(&left, &right);
        let score = eval::evaluate(rows, &left, &right, &alignment);
        writeln!(
            out,
            "{pair:<10} {:>5.3} {:>5.3} {:>5.3}  {:>9} {:>6} {:>6}",
            score.precision(),
            score.recall(),
            score.f1(),
            score.predicted,
            score.sure,
            rows.len()
        )?;
        for problem in &score.unresolved {
            problems = true;
            eprintln!("entente: gold {pair}: {problem}");
        }
        if args.verbose {
            for row in &score.missed {
                writeln!(
                    out,
                    "  missed S (gold line {}): {:?} ↔ {:?}",
                    row.line, row.fr_anchor, row.en_anchor
                )?;
            }
            for &(i, j, s) in &score.wrong {
                let lt = left.statements[i].span.of(left_text);
                let rt = right.statements[j].span.of(right_text);
                writeln!(
                    out,
                    "  wrong link [{i}] ↔ [{j}] {s:.2}: {:?} ↔ {:?}",
                    short(lt),
                    short(rt)
                )?;
            }
        }
        total.add(&score);
    }
    if pairs.len() > 1 {
        writeln!(
            out,
            "{:<10} {:>5.3} {:>5.3} {:>5.3}  {:>9} {:>6}",
            "overall",
            total.precision(),
            total.recall(),
            total.f1(),
            total.predicted,
            total.sure
        )?;
    }
    common::finish(out)?;
    Ok(if problems {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

fn short(text: &str) -> String {
    entente::report::mentions::truncate(&entente::report::mentions::one_line(text), 70)
}

/// The gold files: each file given, and the `*.tsv` of each directory.
fn gold_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(path)
                .with_context(|| format!("{}: cannot list the directory", path.display()))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            found.sort();
            if found.is_empty() {
                bail!("{}: no .tsv gold file in this directory", path.display());
            }
            files.extend(found);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// The two files a pair id like `000-001` names in `dir`.
fn pair_files(dir: &Path, pair: &str) -> Result<(PathBuf, PathBuf)> {
    let Some((a, b)) = pair.split_once('-') else {
        bail!("gold pair {pair:?} should name two files as LEFT-RIGHT, e.g. 000-001");
    };
    Ok((find_article(dir, a)?, find_article(dir, b)?))
}

fn find_article(dir: &Path, prefix: &str) -> Result<PathBuf> {
    let entries = std::fs::read_dir(dir).with_context(|| {
        format!(
            "{}: cannot read the articles directory (set it with --seeds DIR)",
            dir.display()
        )
    })?;
    let mut found: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "txt")
                && p.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                    n.starts_with(prefix)
                        && !n[prefix.len()..].starts_with(|c: char| c.is_ascii_digit())
                })
        })
        .collect();
    found.sort();
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => bail!(
            "{}: no article file for {prefix:?} (expected {prefix}*.txt)",
            dir.display()
        ),
        _ => bail!(
            "{}: several article files start with {prefix:?}",
            dir.display()
        ),
    }
}
