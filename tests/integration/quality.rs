//! The quality gate: the aligner's figures at its defaults on gold links it was
//! not tuned to one by one — the development pairs on twelve news events
//! (`tests/data/events/`), the seed pair 000–001 and our judgments of the other
//! seed pairs. A gate, not a timed test: it fails when a change makes the
//! aligner worse than the README says.

use std::collections::BTreeMap;

use super::util::*;

/// A pair's name, precision, recall and F1.
type PairFigures = (String, f64, f64, f64);

/// `(pair, P, R, F1)` per pair, then the `overall` line (P, R, F1), of `entente eval`.
fn eval(seeds: &str, gold: &str) -> (Vec<PairFigures>, (f64, f64, f64)) {
    let out = stdout_ok(&entente(&["eval", "--seeds", seeds, gold]));
    let mut pairs = Vec::new();
    let mut overall = (0.0, 0.0, 0.0);
    for line in out.lines().skip(1) {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let num = |k: usize| cols[k].parse::<f64>().unwrap();
        let row = (num(1), num(2), num(3));
        if cols[0] == "overall" {
            overall = row;
        } else {
            pairs.push((cols[0].to_string(), row.0, row.1, row.2));
        }
    }
    if pairs.len() == 1 {
        overall = (pairs[0].1, pairs[0].2, pairs[0].3);
    }
    (pairs, overall)
}

#[test]
fn development_events_reach_macro_f1_0_80_and_no_event_falls_below_0_60() {
    let (pairs, _) = eval("tests/data/events", "tests/data/events/gold");
    assert!(pairs.len() >= 10, "{} development pairs", pairs.len());
    let mut by_event: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for (pair, p, r, f1) in &pairs {
        eprintln!("{pair}  P {p:.3}  R {r:.3}  F1 {f1:.3}");
        by_event.entry(&pair[..2]).or_default().push(*f1);
    }
    assert!(by_event.len() >= 8, "{} events", by_event.len());
    let macro_f1 = pairs.iter().map(|p| p.3).sum::<f64>() / pairs.len() as f64;
    eprintln!("macro F1 {macro_f1:.3}");
    assert!(
        macro_f1 >= 0.80,
        "macro F1 {macro_f1:.3} over {} pairs",
        pairs.len()
    );
    for (event, f1s) in by_event {
        let f1 = f1s.iter().sum::<f64>() / f1s.len() as f64;
        assert!(f1 >= 0.60, "event {event}: F1 {f1:.3}");
    }
}

#[test]
fn the_seed_development_pair_stays_at_f1_0_90() {
    let (_, (p, r, f1)) = eval("seeds", "tests/data/gold/000-001.tsv");
    assert!(f1 >= 0.90, "000-001: F1 {f1:.3} (P {p:.3}, R {r:.3})");
}

#[test]
fn the_seed_judgments_stay_at_f1_0_75() {
    // Our judgments of 000-002/003/004, written by a reader who had not seen
    // the aligner.
    let (_, (p, r, f1)) = eval("seeds", "tests/data/judgments");
    assert!(
        f1 >= 0.75,
        "seed judgments: F1 {f1:.3} (P {p:.3}, R {r:.3})"
    );
}

#[test]
fn one_line_articles_and_a_short_translated_pair_link() {
    // `tests/data/short/`: the two one-line articles of issue 13 (Poutine a
    // rencontré Kim Jong-un à Vostotchny / Putin met Kim Jong Un at Vostochny)
    // and a five-sentence agency translation: every sentence links to its
    // translation and nothing else.
    let (pairs, _) = eval("tests/data/short", "tests/data/short/gold");
    assert_eq!(pairs.len(), 2);
    for (pair, p, r, f1) in pairs {
        assert_eq!(f1, 1.0, "{pair}: P {p:.3} R {r:.3}");
    }
}

#[test]
fn the_readme_reports_the_figures_eval_gives() {
    // The README's table of F1 per event must be what `eval` prints today,
    // rounded to two decimals: a change of the aligner updates both.
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let row = |starts: &str| -> Vec<String> {
        let line = readme
            .lines()
            .find(|l| l.starts_with(starts))
            .unwrap_or_else(|| panic!("README has no table row starting {starts:?}"));
        let figures = line.trim_end_matches('|').rsplit('|').next().unwrap();
        figures.split('·').map(|f| f.trim().to_string()).collect()
    };
    let two = |f: f64| format!("{f:.2}");

    let (pairs, _) = eval("tests/data/events", "tests/data/events/gold");
    let macro_f1 = pairs.iter().map(|p| p.3).sum::<f64>() / pairs.len() as f64;
    assert_eq!(row("| 14 pairs on 12 other events"), [two(macro_f1)]);
    let mut per_pair = row("| Ever Given");
    per_pair.extend(row("| Derna floods"));
    let expected: Vec<String> = pairs.iter().map(|p| two(p.3)).collect();
    assert_eq!(per_pair, expected, "README figures per pair, in pair order");

    let (_, seed) = eval("seeds", "tests/data/gold/000-001.tsv");
    let (_, judged) = eval("seeds", "tests/data/judgments");
    assert_eq!(row("| seed pair 000–001"), [two(seed.2), two(judged.2)]);
}
