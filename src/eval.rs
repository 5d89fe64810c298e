//! Scoring an alignment against gold statement links (format in `docs/design.md`).
//!
//! A gold row names two anchors, exact substrings that each lie inside one
//! statement. A predicted link matches a row when its left statement holds the
//! French anchor and its right statement the English one. As for sure/possible
//! word alignments: precision counts links that match any row (`S` or `P`),
//! recall counts the `S` rows matched.

use std::path::Path;

use serde::Serialize;

use crate::align::{Alignment, Analysis};
use crate::error::{Error, ErrorKind, Problem, Result};

/// Sure or possible.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Label {
    /// Both statements report the same claim.
    S,
    /// They share a substantial part of a claim.
    P,
}

/// One row of a gold file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldRow {
    /// The pair, e.g. `000-001`.
    pub pair: String,
    /// Sure or possible.
    pub label: Label,
    /// A substring of the French (left) text.
    pub fr_anchor: String,
    /// A substring of the English (right) text.
    pub en_anchor: String,
    /// Free text.
    pub note: String,
    /// Its line in the gold file.
    pub line: u64,
}

/// Reads a gold TSV file (header `pair label fr_anchor en_anchor note`).
pub fn parse_gold(path: &Path, text: &str) -> Result<Vec<GoldRow>> {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    let mut lines = text
        .strip_prefix('\u{feff}')
        .unwrap_or(text)
        .lines()
        .enumerate();
    let header: Vec<&str> = match lines.next() {
        Some((_, h)) => h.trim_end_matches('\r').split('\t').collect(),
        None => {
            return Err(Error::at_line(
                ErrorKind::Input,
                path,
                1,
                "empty gold file: expected a header `pair\tlabel\tfr_anchor\ten_anchor\tnote`",
            ));
        }
    };
    let col = |name: &str| header.iter().position(|h| *h == name);
    let (Some(pair), Some(label), Some(fr), Some(en)) = (
        col("pair"),
        col("label"),
        col("fr_anchor"),
        col("en_anchor"),
    ) else {
        return Err(Error::at_line(
            ErrorKind::Input,
            path,
            1,
            "gold header needs the columns pair, label, fr_anchor and en_anchor (tab-separated)",
        ));
    };
    let note = col("note");
    for (i, line) in lines {
        let line_no = i as u64 + 1;
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let get = |c: usize| fields.get(c).copied().unwrap_or("");
        let problem = |message: String| Problem {
            path: Some(path.to_path_buf()),
            line: Some(line_no),
            message,
        };
        let label = match get(label) {
            "S" => Label::S,
            "P" => Label::P,
            other => {
                problems.push(problem(format!("label {other:?} is neither S nor P")));
                continue;
            }
        };
        if get(fr).is_empty() || get(en).is_empty() {
            problems.push(problem("empty anchor".into()));
            continue;
        }
        rows.push(GoldRow {
            pair: get(pair).to_string(),
            label,
            fr_anchor: get(fr).to_string(),
            en_anchor: get(en).to_string(),
            note: note.map(get).unwrap_or("").to_string(),
            line: line_no,
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Error::many(ErrorKind::Input, problems))
    }
}

/// The statement of `analysis` that holds `anchor`, if exactly one does.
pub fn anchor_statement(analysis: &Analysis, anchor: &str) -> std::result::Result<usize, String> {
    let mut found: Vec<usize> = Vec::new();
    let mut from = 0;
    while let Some(at) = analysis.text[from..].find(anchor) {
        let start = from + at;
        let end = start + anchor.len();
        match analysis
            .statements
            .iter()
            .position(|s| s.span.start <= start && end <= s.span.end)
        {
            Some(i) if !found.contains(&i) => found.push(i),
            Some(_) => {}
            None => return Err(format!("anchor {anchor:?} crosses a statement boundary")),
        }
        from = start + anchor.chars().next().map_or(1, char::len_utf8);
    }
    match found.as_slice() {
        [i] => Ok(*i),
        [] => Err(format!("anchor {anchor:?} is not in the text")),
        _ => Err(format!(
            "anchor {anchor:?} is in {} statements",
            found.len()
        )),
    }
}

/// The outcome of one pair, or of several added up.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Score {
    /// Links predicted.
    pub predicted: usize,
    /// Predicted links that match a gold row.
    pub correct: usize,
    /// Sure gold rows.
    pub sure: usize,
    /// Sure gold rows matched by a link.
    pub sure_found: usize,
    /// Missed sure rows: (line, fr anchor, en anchor).
    #[serde(skip)]
    pub missed: Vec<GoldRow>,
    /// Links that match no gold row: (left, right, score).
    #[serde(skip)]
    pub wrong: Vec<(usize, usize, f64)>,
    /// Gold rows whose anchors did not resolve to one statement each.
    #[serde(skip)]
    pub unresolved: Vec<String>,
}

impl Score {
    /// Matched-any-gold / predicted (1 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.predicted == 0 {
            1.0
        } else {
            self.correct as f64 / self.predicted as f64
        }
    }

    /// Matched-S / S rows (1 when there is no S row).
    pub fn recall(&self) -> f64 {
        if self.sure == 0 {
            1.0
        } else {
            self.sure_found as f64 / self.sure as f64
        }
    }

    /// 2PR / (P + R).
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// Adds another pair's counts.
    pub fn add(&mut self, other: &Score) {
        self.predicted += other.predicted;
        self.correct += other.correct;
        self.sure += other.sure;
        self.sure_found += other.sure_found;
    }
}

/// Scores `alignment` of `left` (French) and `right` (English) against `rows`.
pub fn evaluate(
    rows: &[GoldRow],
    left: &Analysis,
    right: &Analysis,
    alignment: &Alignment,
) -> Score {
    let mut score = Score {
        predicted: alignment.links.len(),
        ..Score::default()
    };
    let mut resolved = Vec::new();
    for row in rows {
        match (
            anchor_statement(left, &row.fr_anchor),
            anchor_statement(right, &row.en_anchor),
        ) {
            (Ok(i), Ok(j)) => resolved.push((row, i, j)),
            (Err(e), _) | (_, Err(e)) => score.unresolved.push(format!("line {}: {e}", row.line)),
        }
        if row.label == Label::S {
            score.sure += 1;
        }
    }
    for link in &alignment.links {
        if resolved
            .iter()
            .any(|&(_, i, j)| i == link.left && j == link.right)
        {
            score.correct += 1;
        } else {
            score.wrong.push((link.left, link.right, link.score));
        }
    }
    for &(row, i, j) in resolved.iter().filter(|(r, ..)| r.label == Label::S) {
        if alignment.links.iter().any(|l| l.left == i && l.right == j) {
            score.sure_found += 1;
        } else {
            score.missed.push(row.clone());
        }
    }
    for row in rows.iter().filter(|r| r.label == Label::S) {
        if !resolved.iter().any(|(r, ..)| std::ptr::eq(*r, row)) {
            score.missed.push(row.clone());
        }
    }
    score
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_gold_and_reports_bad_rows() {
        let text = "pair\tlabel\tfr_anchor\ten_anchor\tnote\n000-001\tS\ta\tb\tn\n000-001\tX\ta\tb\t\n000-001\tP\t\tb\t\n";
        let err = parse_gold(Path::new("g.tsv"), text).unwrap_err();
        let msgs: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            msgs,
            [
                "g.tsv:3: label \"X\" is neither S nor P",
                "g.tsv:4: empty anchor"
            ]
        );
        let ok = parse_gold(
            Path::new("g.tsv"),
            "pair\tlabel\tfr_anchor\ten_anchor\n000-001\tP\tx\ty\n",
        )
        .unwrap();
        assert_eq!(ok[0].label, Label::P);
        assert_eq!(ok[0].line, 2);
    }

    #[test]
    fn precision_recall_f1() {
        let s = Score {
            predicted: 7,
            correct: 6,
            sure: 5,
            sure_found: 5,
            ..Score::default()
        };
        assert!((s.precision() - 6.0 / 7.0).abs() < 1e-12);
        assert_eq!(s.recall(), 1.0);
        assert!((s.f1() - 0.923_076_923).abs() < 1e-6);
        assert_eq!(Score::default().f1(), 1.0);
    }
}
