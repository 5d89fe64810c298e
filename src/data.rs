//! Language data kept as files under `data/`, embedded at build time and
//! parsed once: word lists (one word per line) and tables (tab-separated
//! rows). `#` starts a comment line; blank lines are skipped. Each stage owns
//! its tables' meaning; this module only reads the files, so that every list
//! is written, read and checked the same way.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::span::Lang;

/// French function words (`data/fr/function-words.txt`).
const FR_FUNCTION_WORDS: &str = include_str!("../data/fr/function-words.txt");
/// English function words (`data/en/function-words.txt`).
const EN_FUNCTION_WORDS: &str = include_str!("../data/en/function-words.txt");

/// French inflectional endings, one paradigm per row (`data/fr/inflections.tsv`).
const FR_INFLECTIONS: &str = include_str!("../data/fr/inflections.tsv");
/// English inflectional endings, one paradigm per row (`data/en/inflections.tsv`).
const EN_INFLECTIONS: &str = include_str!("../data/en/inflections.tsv");

/// Long words alike in French and English that say nothing about a claim
/// (`data/align/cognate-stoplist.txt`).
pub(crate) const COGNATE_STOPLIST: &str = include_str!("../data/align/cognate-stoplist.txt");

/// French light verbs (`data/fr/light-verbs.txt`).
pub(crate) const FR_LIGHT_VERBS: &str = include_str!("../data/fr/light-verbs.txt");
/// English light verbs (`data/en/light-verbs.txt`).
pub(crate) const EN_LIGHT_VERBS: &str = include_str!("../data/en/light-verbs.txt");
/// English stop words (`data/en/stop-words.txt`), a subset of the function words.
pub(crate) const EN_STOP_WORDS: &str = include_str!("../data/en/stop-words.txt");
/// Name particles, and whether each joins across a space.
pub(crate) const PARTICLES: &str = include_str!("../data/names/particles.tsv");
/// French titles and roles.
pub(crate) const FR_TITLES: &str = include_str!("../data/fr/titles.txt");
/// English titles, roles and the institution words of titles.
pub(crate) const EN_TITLES: &str = include_str!("../data/en/titles.txt");
/// French weekday and month names and compass points.
pub(crate) const FR_CALENDAR_WORDS: &str = include_str!("../data/fr/calendar-words.txt");
/// English weekday and month names and compass points.
pub(crate) const EN_CALENDAR_WORDS: &str = include_str!("../data/en/calendar-words.txt");
/// English sentence openers.
pub(crate) const EN_OPENERS: &str = include_str!("../data/segment/en-sentence-openers.tsv");
/// French sentence openers and elided words.
pub(crate) const FR_OPENERS: &str = include_str!("../data/segment/fr-sentence-openers.tsv");
/// English abbreviations (CLDR's and ours, with their licences).
pub(crate) const EN_ABBREVIATIONS: &str = include_str!("../data/segment/en-abbreviations.tsv");
/// French abbreviations (CLDR's and ours, with their licences).
pub(crate) const FR_ABBREVIATIONS: &str = include_str!("../data/segment/fr-abbreviations.tsv");
/// French language markers (`data/fr/language-markers.txt`).
pub(crate) const FR_MARKERS: &str = include_str!("../data/fr/language-markers.txt");
/// English language markers (`data/en/language-markers.txt`).
pub(crate) const EN_MARKERS: &str = include_str!("../data/en/language-markers.txt");

/// Words of both languages: unit symbols, currency codes.
pub(crate) const NUMBERS_COMMON: &str = include_str!("../data/numbers/common.tsv");
/// French number, time, unit and currency words.
pub(crate) const NUMBERS_FR: &str = include_str!("../data/numbers/fr.tsv");
/// English number, time, unit and currency words.
pub(crate) const NUMBERS_EN: &str = include_str!("../data/numbers/en.tsv");
/// `data/numbers/en-metre-words.txt`.
pub(crate) const NUMBERS_METRE_WORDS: &str = include_str!("../data/numbers/en-metre-words.txt");
/// `data/numbers/en-span-after.txt`.
pub(crate) const NUMBERS_SPAN_AFTER: &str = include_str!("../data/numbers/en-span-after.txt");
/// `data/numbers/en-span-before.txt`.
pub(crate) const NUMBERS_SPAN_BEFORE: &str = include_str!("../data/numbers/en-span-before.txt");
/// `data/numbers/en-half-determiners.txt`.
pub(crate) const NUMBERS_HALF_DETERMINERS: &str =
    include_str!("../data/numbers/en-half-determiners.txt");
/// `data/numbers/en-duration-compounds.txt`.
pub(crate) const NUMBERS_DURATION_COMPOUNDS: &str =
    include_str!("../data/numbers/en-duration-compounds.txt");
/// `data/numbers/suffix-starts.txt`.
pub(crate) const NUMBERS_SUFFIX_STARTS: &str = include_str!("../data/numbers/suffix-starts.txt");
/// `data/numbers/fr-ordinal-suffixes.txt`.
pub(crate) const NUMBERS_FR_ORDINAL_SUFFIXES: &str =
    include_str!("../data/numbers/fr-ordinal-suffixes.txt");
/// `data/numbers/en-ordinal-suffixes.txt`.
pub(crate) const NUMBERS_EN_ORDINAL_SUFFIXES: &str =
    include_str!("../data/numbers/en-ordinal-suffixes.txt");
/// `data/numbers/day-suffixes.txt`.
pub(crate) const NUMBERS_DAY_SUFFIXES: &str = include_str!("../data/numbers/day-suffixes.txt");
/// `data/numbers/date-prefixes.txt`.
pub(crate) const NUMBERS_DATE_PREFIXES: &str = include_str!("../data/numbers/date-prefixes.txt");
/// `data/numbers/fr-hour-span-words.txt`.
pub(crate) const NUMBERS_HOUR_SPAN_WORDS: &str =
    include_str!("../data/numbers/fr-hour-span-words.txt");
/// `data/numbers/currency-symbols.tsv`.
pub(crate) const NUMBERS_CURRENCY_SYMBOLS: &str =
    include_str!("../data/numbers/currency-symbols.tsv");
/// `data/numbers/money-suffixes.tsv`.
pub(crate) const NUMBERS_MONEY_SUFFIXES: &str = include_str!("../data/numbers/money-suffixes.tsv");

/// Word endings French and English cognates trade (`data/align/cognate-suffixes.tsv`).
pub(crate) const COGNATE_SUFFIXES: &str = include_str!("../data/align/cognate-suffixes.tsv");

/// The data lines of an embedded file with their 1-based line numbers:
/// comments and blank lines left out, surrounding spaces trimmed.
pub(crate) fn lines(file: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    file.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

/// The rows of an embedded tab-separated table, each split into its fields.
pub(crate) fn rows(file: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    lines(file).map(|(n, line)| (n, line.split('\t').map(str::trim).collect()))
}

/// A set of folded words.
#[derive(Debug, Default)]
pub(crate) struct WordSet {
    words: FxHashSet<&'static str>,
}

impl WordSet {
    /// The words of an embedded word list.
    pub(crate) fn of(file: &'static str) -> WordSet {
        WordSet {
            words: lines(file).map(|(_, w)| w).collect(),
        }
    }

    /// True when `folded` is in the set.
    pub(crate) fn contains(&self, folded: &str) -> bool {
        self.words.contains(folded)
    }

    /// The words, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.words.iter().copied()
    }
}

/// The function words of `lang` (folded): articles, prepositions, pronouns,
/// conjunctions, auxiliaries. One list per language for every stage.
pub(crate) fn function_words(lang: Lang) -> &'static WordSet {
    static FR: OnceLock<WordSet> = OnceLock::new();
    static EN: OnceLock<WordSet> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| WordSet::of(FR_FUNCTION_WORDS)),
        Lang::En => EN.get_or_init(|| WordSet::of(EN_FUNCTION_WORDS)),
    }
}

/// The inflectional endings of `lang`, one paradigm (the endings that
/// alternate on one word) per row; `""` is no ending.
pub(crate) fn inflections(lang: Lang) -> &'static [Vec<&'static str>] {
    static FR: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    static EN: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    let read = |file: &'static str| {
        rows(file)
            .map(|(_, endings)| {
                endings
                    .into_iter()
                    .map(|e| if e == "-" { "" } else { e })
                    .collect()
            })
            .collect()
    };
    match lang {
        Lang::Fr => FR.get_or_init(|| read(FR_INFLECTIONS)),
        Lang::En => EN.get_or_init(|| read(EN_INFLECTIONS)),
    }
}

/// Every embedded data file, by its path under `data/`, for the checks below.
#[cfg(test)]
pub(crate) const FILES: &[(&str, &str)] = &[
    ("fr/function-words.txt", FR_FUNCTION_WORDS),
    ("en/function-words.txt", EN_FUNCTION_WORDS),
    ("fr/inflections.tsv", FR_INFLECTIONS),
    ("en/inflections.tsv", EN_INFLECTIONS),
    ("align/cognate-stoplist.txt", COGNATE_STOPLIST),
    ("align/cognate-suffixes.tsv", COGNATE_SUFFIXES),
    ("fr/light-verbs.txt", FR_LIGHT_VERBS),
    ("en/light-verbs.txt", EN_LIGHT_VERBS),
    ("en/stop-words.txt", EN_STOP_WORDS),
    ("names/particles.tsv", PARTICLES),
    ("fr/titles.txt", FR_TITLES),
    ("en/titles.txt", EN_TITLES),
    ("fr/calendar-words.txt", FR_CALENDAR_WORDS),
    ("en/calendar-words.txt", EN_CALENDAR_WORDS),
    ("segment/en-sentence-openers.tsv", EN_OPENERS),
    ("segment/fr-sentence-openers.tsv", FR_OPENERS),
    ("segment/en-abbreviations.tsv", EN_ABBREVIATIONS),
    ("segment/fr-abbreviations.tsv", FR_ABBREVIATIONS),
    ("fr/language-markers.txt", FR_MARKERS),
    ("en/language-markers.txt", EN_MARKERS),
    ("numbers/common.tsv", NUMBERS_COMMON),
    ("numbers/fr.tsv", NUMBERS_FR),
    ("numbers/en.tsv", NUMBERS_EN),
    ("numbers/en-metre-words.txt", NUMBERS_METRE_WORDS),
    ("numbers/en-span-after.txt", NUMBERS_SPAN_AFTER),
    ("numbers/en-span-before.txt", NUMBERS_SPAN_BEFORE),
    ("numbers/en-half-determiners.txt", NUMBERS_HALF_DETERMINERS),
    (
        "numbers/en-duration-compounds.txt",
        NUMBERS_DURATION_COMPOUNDS,
    ),
    ("numbers/suffix-starts.txt", NUMBERS_SUFFIX_STARTS),
    (
        "numbers/fr-ordinal-suffixes.txt",
        NUMBERS_FR_ORDINAL_SUFFIXES,
    ),
    (
        "numbers/en-ordinal-suffixes.txt",
        NUMBERS_EN_ORDINAL_SUFFIXES,
    ),
    ("numbers/day-suffixes.txt", NUMBERS_DAY_SUFFIXES),
    ("numbers/date-prefixes.txt", NUMBERS_DATE_PREFIXES),
    ("numbers/fr-hour-span-words.txt", NUMBERS_HOUR_SPAN_WORDS),
    ("numbers/currency-symbols.tsv", NUMBERS_CURRENCY_SYMBOLS),
    ("numbers/money-suffixes.tsv", NUMBERS_MONEY_SUFFIXES),
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold_word;

    #[test]
    fn every_data_file_under_data_is_embedded() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut on_disk = Vec::new();
        let mut stack = vec![dir.clone()];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
                    let rel = path
                        .strip_prefix(&dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/");
                    on_disk.push(rel);
                }
            }
        }
        on_disk.sort();
        let mut embedded: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
        for (path, text) in FILES {
            let disk = std::fs::read_to_string(dir.join(path)).unwrap();
            assert_eq!(&disk, text, "{path} is embedded as it is on disk");
        }
    }

    #[test]
    fn word_lists_are_folded_and_without_duplicates() {
        for (path, text) in FILES.iter().filter(|(p, _)| p.ends_with(".txt")) {
            let mut seen = FxHashSet::default();
            for (line, word) in lines(text) {
                let mut folded = String::new();
                fold_word(word, &mut folded);
                assert_eq!(folded, word, "data/{path}:{line}: {word:?} is not folded");
                assert!(seen.insert(word), "data/{path}:{line}: {word:?} twice");
            }
        }
    }

    #[test]
    fn inflections_are_folded_endings() {
        for lang in [Lang::Fr, Lang::En] {
            for row in inflections(lang) {
                for ending in row {
                    let mut folded = String::new();
                    fold_word(ending, &mut folded);
                    assert_eq!(&folded, ending);
                }
            }
        }
        assert!(inflections(Lang::En)[0].contains(&""));
    }

    #[test]
    fn function_words_are_loaded_per_language() {
        assert!(function_words(Lang::Fr).contains("selon"));
        assert!(!function_words(Lang::Fr).contains("the"));
        assert!(function_words(Lang::En).contains("the"));
        assert!(!function_words(Lang::En).contains("selon"));
    }
}
