//! Adjectives and demonyms of territories (`--demonyms FILE`): a CSV file
//! `code,lang,name` (`KP,en,North Korean`, `KP,fr,nord-coréenne`) that the
//! CLDR import adds as names of each territory's entity. CLDR has no such
//! forms; the team wrote `data/world/demonyms.csv` (see its README).

use std::path::Path;

use super::super::clean_name;
use crate::error::{Error, ErrorKind, Problem, Result};
use crate::lexicon::NameLang;

/// The columns a demonym file must have (in any order; others are ignored).
pub const COLUMNS: [&str; 3] = ["code", "lang", "name"];

/// One row of a demonym file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Demonym {
    /// The CLDR territory code: `KP`, `FR`.
    pub code: String,
    /// The name's language.
    pub lang: NameLang,
    /// The adjective or demonym, as the lexicon writes it.
    pub name: String,
    /// Its line in the file.
    pub line: u64,
}

/// Reads and parses a demonym file.
pub fn read(path: &Path) -> Result<Vec<Demonym>> {
    parse(path, &crate::input::read_text(path)?)
}

/// Parses a demonym file; every bad row is reported at once, located by
/// `path` and line.
pub fn parse(path: &Path, text: &str) -> Result<Vec<Demonym>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(text.as_bytes());
    let problem = |line: u64, message: String| Problem {
        path: Some(path.to_path_buf()),
        line: Some(line),
        message,
    };
    let header = reader
        .headers()
        .map_err(|e| Error::at_line(ErrorKind::Input, path, 1, format!("bad CSV: {e}")))?
        .clone();
    let mut at = [0; 3];
    for (i, column) in COLUMNS.iter().enumerate() {
        match header.iter().position(|h| h.trim() == *column) {
            Some(p) => at[i] = p,
            None => {
                return Err(Error::at_line(
                    ErrorKind::Input,
                    path,
                    1,
                    format!("header lacks column {column} (a demonym file is code,lang,name)"),
                ));
            }
        }
    }
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                problems.push(problem(line, format!("bad CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        let field = |i: usize| record.get(at[i]).unwrap_or("").trim();
        let code = field(0);
        if code.is_empty()
            || !code
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        {
            problems.push(problem(
                line,
                format!("territory code {code:?} must be a CLDR code such as KP or 150"),
            ));
            continue;
        }
        let lang = match field(1).parse::<NameLang>() {
            Ok(lang) => lang,
            Err(e) => {
                problems.push(problem(line, e));
                continue;
            }
        };
        let Some(name) = clean_name(field(2)) else {
            problems.push(problem(
                line,
                format!("name {:?} has no letter or digit", field(2)),
            ));
            continue;
        };
        rows.push(Demonym {
            code: code.to_string(),
            lang,
            name,
            line,
        });
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(Error::many(ErrorKind::Input, problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_rows_in_any_column_order() {
        let rows = parse(
            Path::new("d.csv"),
            "name,code,lang\nNorth Korean,KP,en\n nord-coréen ,KP,fr\n",
        )
        .unwrap();
        assert_eq!(
            rows,
            [
                Demonym {
                    code: "KP".into(),
                    lang: NameLang::En,
                    name: "North Korean".into(),
                    line: 2
                },
                Demonym {
                    code: "KP".into(),
                    lang: NameLang::Fr,
                    name: "nord-coréen".into(),
                    line: 3
                },
            ]
        );
    }

    #[test]
    fn the_team_file_parses_and_gives_each_folded_form_one_code() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/data/world/demonyms.csv");
        let rows = read(Path::new(path)).unwrap();
        assert!(rows.len() > 1000, "{} rows", rows.len());
        let mut codes = std::collections::HashMap::new();
        for d in &rows {
            let key = crate::normalize::fold_key(&d.name);
            let first = codes.entry(key).or_insert(&d.code);
            assert_eq!(*first, &d.code, "line {}: {:?}", d.line, d.name);
        }
    }

    #[test]
    fn reports_every_bad_row_with_its_line() {
        let err = parse(
            Path::new("d.csv"),
            "code,lang,name\nkp,en,North Korean\nKP,de,Nordkoreaner\nKP,fr,…\nKP,fr,nord-coréen\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.csv:2: territory code \"kp\" must be a CLDR code such as KP or 150\n\
             d.csv:3: unknown language \"de\" (expected fr, en or *)\n\
             d.csv:4: name \"…\" has no letter or digit"
        );
        let err = parse(Path::new("d.csv"), "code,name\nKP,x\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "d.csv:1: header lacks column lang (a demonym file is code,lang,name)"
        );
    }
}
