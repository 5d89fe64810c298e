//! Dots that do not end a sentence (rule 5): abbreviations, read from
//! `data/segment/{en,fr}-abbreviations.tsv`, initials (`John F. Kennedy`),
//! dotted acronyms (`D.P.R.K.`) and list numbers (`1. The first item`).

use std::collections::HashMap;

use super::chars::{is_open_bracket, is_open_quote, is_space};
use crate::data::rows;
use crate::data::{EN_ABBREVIATIONS, FR_ABBREVIATIONS};
use crate::span::Lang;

/// Longest token (in bytes) looked up as an abbreviation; longer tokens are
/// words, numbers or URLs, and the bound keeps the look-back constant.
const MAX_TOKEN_BYTES: usize = 24;

/// How an abbreviation behaves when a capitalised word follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Abbrev {
    /// Stands before a name or a number (`Mr.`, `Gen.`, `M.`, `p.`): never
    /// ends a sentence, since a capital after it is the name it introduces.
    Prefix,
    /// Can close a sentence (`Inc.`, `etc.`, `U.S.`, `Jan.`): ends one only
    /// when the next word is a common sentence opener.
    Suffix,
}

/// The abbreviations of one language, by their text without the final dot.
#[derive(Debug)]
pub(super) struct Abbreviations {
    /// Abbreviations without their final dot (`"Mr"`, `"U.S"`), with a
    /// capitalised variant of the lowercase ones (`"Etc"` for `"etc"`).
    by_token: HashMap<String, Abbrev>,
}

impl Abbreviations {
    /// The abbreviation table of `lang`, from its data file. A later row
    /// overrides an earlier one for the same token, and a written entry a
    /// capitalised variant.
    pub(super) fn of(lang: Lang) -> Abbreviations {
        let file = match lang {
            Lang::En => EN_ABBREVIATIONS,
            Lang::Fr => FR_ABBREVIATIONS,
        };
        let mut by_token = HashMap::new();
        for (token, kind) in entries(file).filter_map(Result::ok) {
            by_token.insert(token.to_string(), kind);
            let mut chars = token.chars();
            if let Some(first) = chars.next().filter(|c| c.is_lowercase())
                && token.chars().count() >= 2
            {
                let capitalised: String = first.to_uppercase().chain(chars).collect();
                by_token.entry(capitalised).or_insert(kind);
            }
        }
        Abbreviations { by_token }
    }

    /// How `token` (an abbreviation without its final dot) behaves, if it is
    /// one.
    pub(super) fn get(&self, token: &str) -> Option<Abbrev> {
        self.by_token.get(token).copied()
    }
}

/// The rows of an abbreviation table: the abbreviation without its final
/// dot and its kind, or what is wrong with the row (at its line).
fn entries(file: &'static str) -> impl Iterator<Item = Result<(&'static str, Abbrev), String>> {
    rows(file).map(|(line, fields)| {
        let [written, kind, source] = fields[..] else {
            return Err(format!("line {line}: expected 3 tab-separated fields"));
        };
        let token = written
            .strip_suffix('.')
            .filter(|t| !t.is_empty())
            .ok_or_else(|| format!("line {line}: {written:?} does not end with its dot"))?;
        let kind = match kind {
            "prefix" => Abbrev::Prefix,
            "suffix" => Abbrev::Suffix,
            _ => {
                return Err(format!(
                    "line {line}: unknown kind {kind:?} (prefix, suffix)"
                ));
            }
        };
        if !matches!(source, "cldr" | "newsroom") {
            return Err(format!(
                "line {line}: unknown source {source:?} (cldr, newsroom)"
            ));
        }
        Ok((token, kind))
    })
}

/// The token ending at byte `end` (back to whitespace, an opening quote or
/// bracket, or an elision apostrophe as in `l’art.`) and its start, or `None`
/// when it is longer than any abbreviation.
pub(super) fn token_before(s: &str, end: usize) -> Option<(usize, &str)> {
    let head = s.get(..end)?;
    for (i, c) in head.char_indices().rev() {
        if end - i > MAX_TOKEN_BYTES {
            return None;
        }
        if is_space(c) || is_open_quote(c) || is_open_bracket(c) || c == '’' {
            let start = i + c.len_utf8();
            return Some((start, &head[start..]));
        }
    }
    (end <= MAX_TOKEN_BYTES).then_some((0, head))
}

/// A single capital letter: an initial (`John F. Kennedy`).
pub(super) fn is_initial(token: &str) -> bool {
    let mut chars = token.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

/// Letters separated by dots, one letter each (`U.S`, `D.P.R.K`, `a.m`):
/// an acronym whose last dot is being examined.
pub(super) fn is_dotted_acronym(token: &str) -> bool {
    let mut groups = 0;
    for group in token.split('.') {
        let mut chars = group.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => groups += 1,
            _ => return false,
        }
    }
    groups >= 2
}

/// A list enumerator (`1`, `12`, `a`, `IV`): when it opens a line, its dot
/// numbers the item rather than ending a sentence.
pub(super) fn is_enumerator(token: &str) -> bool {
    let digits = !token.is_empty() && token.len() <= 3 && token.bytes().all(|b| b.is_ascii_digit());
    let roman =
        !token.is_empty() && token.len() <= 5 && token.bytes().all(|b| b"IVXLC".contains(&b));
    let letter = token.chars().count() == 1 && token.chars().all(char::is_alphabetic);
    digits || roman || letter
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: [(&str, &str); 2] = [
        ("en-abbreviations.tsv", EN_ABBREVIATIONS),
        ("fr-abbreviations.tsv", FR_ABBREVIATIONS),
    ];

    #[test]
    fn data_files_parse_without_duplicates() {
        for (name, file) in FILES {
            let mut seen = std::collections::HashSet::new();
            for entry in entries(file) {
                let (token, _) = entry.unwrap_or_else(|e| panic!("data/segment/{name}: {e}"));
                assert!(seen.insert(token), "data/segment/{name}: {token:?} twice");
            }
            assert!(seen.len() > 50, "data/segment/{name}: {} rows", seen.len());
        }
    }

    /// Every row said to come from CLDR is in the CLDR file, when the
    /// machine has it (Debian's unicode-cldr-core): the licence line of the
    /// data files depends on it.
    #[test]
    fn cldr_rows_are_from_cldr() {
        let dir = "/usr/share/unicode/cldr/common/segments";
        for ((name, file), xml) in FILES.into_iter().zip(["en.xml", "fr.xml"]) {
            let Ok(xml_text) = std::fs::read_to_string(format!("{dir}/{xml}")) else {
                continue;
            };
            for (line, fields) in rows(file).filter(|(_, f)| f.get(2) == Some(&"cldr")) {
                let entry = fields[0];
                assert!(
                    xml_text.contains(&format!("<suppression>{entry}</suppression>")),
                    "data/segment/{name}:{line}: {entry} not in {xml}"
                );
            }
        }
    }

    #[test]
    fn lowercase_entries_stand_for_their_capitalised_form() {
        let en = Abbreviations::of(Lang::En);
        assert_eq!(en.get("etc"), Some(Abbrev::Suffix));
        assert_eq!(en.get("Etc"), Some(Abbrev::Suffix));
        assert_eq!(en.get("Cf"), Some(Abbrev::Prefix));
        assert_eq!(en.get("p"), Some(Abbrev::Prefix));
        assert_eq!(en.get("P"), None, "one letter: an initial, not `p.`");
        assert_eq!(en.get("ETC"), None);
        let fr = Abbreviations::of(Lang::Fr);
        assert_eq!(fr.get("J.-C"), Some(Abbrev::Suffix));
        assert_eq!(fr.get("Éd"), Some(Abbrev::Prefix));
    }
}
