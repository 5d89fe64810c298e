//! ⑤ How a report was made: the `meta` object of the JSON and the footer of
//! the Markdown and HTML reports.
//!
//! The date is the only thing that depends on the moment: the caller gives
//! it (the command line takes `SOURCE_DATE_EPOCH` when it is set, as
//! reproducible builds do, and leaves it out with `--no-date`), so the same
//! inputs and flags give the same bytes.

use serde::{Deserialize, Serialize};

use crate::align::Aligner;
use crate::span::Offsets;

/// The settings and inputs behind an alignment.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// The program and its version: `entente 0.1.0`.
    pub generator: String,
    /// When the alignment was made (UTC, RFC 3339), unless left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The link threshold.
    pub threshold: f64,
    /// True when transliteration and fuzzy variants were off (`--strict`).
    pub strict: bool,
    /// True when the built-in lexicons were loaded.
    pub builtin_lexicons: bool,
    /// The other lexicon files loaded (`--lexicon`), as given or found in a
    /// directory given.
    pub lexicons: Vec<String>,
    /// What offsets count, said only when they count characters
    /// (`--offsets chars`, the Python package).
    #[serde(default, skip_serializing_if = "Offsets::is_bytes")]
    pub offsets: Offsets,
}

impl Meta {
    /// The settings of `aligner`, with `strict` as the tagger was built and
    /// the date to record, if any.
    pub fn new(aligner: &Aligner, strict: bool, date: Option<String>) -> Meta {
        let files = aligner.tagger().lexicon().files();
        Meta {
            generator: format!("entente {}", env!("CARGO_PKG_VERSION")),
            date,
            threshold: aligner.options().threshold,
            strict,
            builtin_lexicons: files.iter().any(|f| f.builtin),
            lexicons: files
                .iter()
                .filter(|f| !f.builtin)
                .map(|f| f.path.display().to_string())
                .collect(),
            offsets: Offsets::Bytes,
        }
    }

    /// One line for people: `entente 0.1.0 · 2024-05-01T12:00:00Z ·
    /// threshold 0.50 · lexicons: built-in, my.csv · variants on`.
    pub fn describe(&self) -> String {
        let mut lexicons: Vec<&str> = Vec::new();
        if self.builtin_lexicons {
            lexicons.push("built-in");
        }
        lexicons.extend(self.lexicons.iter().map(String::as_str));
        let mut parts = vec![self.generator.clone()];
        parts.extend(self.date.clone());
        parts.push(format!("threshold {}", self.threshold));
        parts.push(format!(
            "lexicons: {}",
            if lexicons.is_empty() {
                "none".to_string()
            } else {
                lexicons.join(", ")
            }
        ));
        parts.push(if self.strict {
            "--strict (no transliteration or fuzzy variants)".to_string()
        } else {
            "transliteration and fuzzy variants on".to_string()
        });
        parts.join(" · ")
    }
}

/// Seconds since 1970-01-01 UTC as RFC 3339 (`2024-05-01T12:00:00Z`).
///
/// ```
/// use entente::report::meta::utc_date;
/// assert_eq!(utc_date(0), "1970-01-01T00:00:00Z");
/// assert_eq!(utc_date(1_714_564_800), "2024-05-01T12:00:00Z");
/// ```
pub fn utc_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let time = seconds.rem_euclid(86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        time / 3600,
        time % 3600 / 60,
        time % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utc_dates() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (86_399, "1970-01-01T23:59:59Z"),
            (951_782_400, "2000-02-29T00:00:00Z"),
            (1_709_208_000, "2024-02-29T12:00:00Z"),
            (1_735_689_599, "2024-12-31T23:59:59Z"),
            (-1, "1969-12-31T23:59:59Z"),
        ];
        for (seconds, want) in cases {
            assert_eq!(utc_date(seconds), want, "{seconds}");
        }
    }
}
