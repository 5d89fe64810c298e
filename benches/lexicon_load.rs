//! Loads and compiles a lexicon once, as `entente` does, and prints how long
//! each step took; run it under `/usr/bin/time -v` for the peak memory:
//!
//! ```sh
//! cargo bench --bench gen_workload -- /tmp/entente-bench --names 1000000 --mb 0 --articles '' --pairs 0
//! cargo bench --bench lexicon_load --no-run
//! /usr/bin/time -v $(ls target/release/deps/lexicon_load-* | grep -v '\.d$') /tmp/entente-bench/lexicon-1000000.csv [--variants]
//! # or: cargo bench --bench lexicon_load -- /tmp/entente-bench/lexicon-1000000.csv
//! ```
//!
//! With `--tag FILE` it then tags FILE (in the language detected) fifteen
//! times and prints the throughput in MB/s (10⁶ bytes) of the fastest and the
//! median run, and of all runs by CPU time and by the wall clock: on a machine
//! shared with other work, the fastest run says best what one core does.
//! `--compare` tags it with and without variants by turns and prints how many
//! times longer the variants take (issue 4's limit is 1.5×).

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Instant;

use entente::{LexiconBuilder, TagOptions, Tagger};

/// CPU seconds this process has used (user + system), from `/proc/self/stat`;
/// on a shared machine it says more than the wall clock.
fn cpu() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let fields: Vec<&str> = stat
        .rsplit(')')
        .next()
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let variants = args.iter().any(|a| a == "--variants");
    let compare = args.iter().any(|a| a == "--compare");
    let tag_file = args
        .iter()
        .position(|a| a == "--tag")
        .and_then(|i| args.get(i + 1))
        .map(PathBuf::from);
    let path = PathBuf::from(
        args.iter()
            .enumerate()
            .find(|(i, a)| !a.starts_with("--") && (*i == 0 || args[i - 1] != "--tag"))
            .map(|(_, a)| a)
            .expect("usage: lexicon_load CSV [--variants] [--tag FILE [--compare]]"),
    );
    let started = Instant::now();
    let cpu0 = cpu();
    let builder = LexiconBuilder::new().add_path(&path).unwrap();
    let read = started.elapsed();
    let cpu_read = cpu();
    let lexicon = builder.build().unwrap();
    drop(builder);
    let parsed = started.elapsed();
    let cpu_parsed = cpu();
    let lexicon = Arc::new(lexicon);
    let tagger = Tagger::new(lexicon.clone(), TagOptions { variants });
    let compiled = started.elapsed();
    let cpu_compiled = cpu();
    println!(
        "{} names: read {:.2} s, parse+merge {:.2} s, compile ({}) {:.2} s, total {:.2} s wall; cpu {:.2} + {:.2} + {:.2} = {:.2} s",
        tagger.lexicon().names().len(),
        read.as_secs_f64(),
        (parsed - read).as_secs_f64(),
        if variants { "variants" } else { "strict" },
        (compiled - parsed).as_secs_f64(),
        compiled.as_secs_f64(),
        cpu_read - cpu0,
        cpu_parsed - cpu_read,
        cpu_compiled - cpu_parsed,
        cpu_compiled - cpu0,
    );
    let Some(file) = tag_file else { return };
    let text = std::fs::read_to_string(&file).unwrap();
    let lang = entente::detect::detect(&text).lang;
    let mb = text.len() as f64 / 1e6;
    if compare {
        // Both taggers of the same lexicon, run by turns so that both see the
        // same neighbours on the machine: the ratio of their times is steadier
        // than either throughput.
        let other = Tagger::new(
            lexicon,
            TagOptions {
                variants: !variants,
            },
        );
        let (strict, with_variants) = if variants {
            (&other, &tagger)
        } else {
            (&tagger, &other)
        };
        let (mut strict_runs, mut variant_runs, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
        for _ in 0..RUNS {
            let (s, _) = timed(|| strict.tag(&text, lang).len());
            let (v, _) = timed(|| with_variants.tag(&text, lang).len());
            strict_runs.push(s);
            variant_runs.push(v);
            ratios.push(v / s);
        }
        let (strict_best, strict_median) = fastest_and_median(strict_runs);
        let (variants_best, variants_median) = fastest_and_median(variant_runs);
        let (_, ratio_median) = fastest_and_median(ratios);
        println!(
            "tagged {} ({lang:?}) ×{RUNS} by turns: strict best {:.1} MB/s, median {:.1}; variants best {:.1} MB/s, median {:.1}; variants/strict time: best runs {:.2}×, median of the turns {:.2}×",
            file.display(),
            mb / strict_best,
            mb / strict_median,
            mb / variants_best,
            mb / variants_median,
            variants_best / strict_best,
            ratio_median
        );
        return;
    }
    // Each run timed apart: on a shared machine the fastest run says
    // best what one core does, the median what to expect.
    let mut runs: Vec<f64> = Vec::new();
    let mut mentions = 0;
    let (wall, cpu0) = (Instant::now(), cpu());
    for _ in 0..RUNS {
        let (secs, found) = timed(|| tagger.tag(&text, lang).len());
        runs.push(secs);
        mentions = found;
    }
    let (wall, cpu) = (wall.elapsed().as_secs_f64(), cpu() - cpu0);
    let (best, median) = fastest_and_median(runs);
    println!(
        "tagged {} ({lang:?}, {mentions} mentions) ×{RUNS}: best {:.1} MB/s, median {:.1} MB/s; all runs {:.1} MB/s by CPU time, {:.1} MB/s by wall clock",
        file.display(),
        mb / best,
        mb / median,
        mb * RUNS as f64 / cpu,
        mb * RUNS as f64 / wall
    );
}

/// The smallest and the median of some measurements.
fn fastest_and_median(mut runs: Vec<f64>) -> (f64, f64) {
    runs.sort_by(f64::total_cmp);
    (runs[0], runs[runs.len() / 2])
}

/// Seconds `f` took, and what it returned.
fn timed<T>(f: impl FnOnce() -> T) -> (f64, T) {
    let started = Instant::now();
    let out = f();
    (started.elapsed().as_secs_f64(), out)
}

/// How many times `--tag` tags its file.
const RUNS: usize = 15;
