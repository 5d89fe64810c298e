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

/// Every embedded data file, by its path under `data/`, for the checks below.
#[cfg(test)]
pub(crate) const FILES: &[(&str, &str)] = &[
    ("fr/function-words.txt", FR_FUNCTION_WORDS),
    ("en/function-words.txt", EN_FUNCTION_WORDS),
    // The quantity stage's tables and word lists (src/quantity/lexicon.rs).
    (
        "numbers/common.tsv",
        include_str!("../data/numbers/common.tsv"),
    ),
    ("numbers/fr.tsv", include_str!("../data/numbers/fr.tsv")),
    ("numbers/en.tsv", include_str!("../data/numbers/en.tsv")),
    (
        "numbers/en-metre-words.txt",
        include_str!("../data/numbers/en-metre-words.txt"),
    ),
    (
        "numbers/en-span-after.txt",
        include_str!("../data/numbers/en-span-after.txt"),
    ),
    (
        "numbers/en-span-before.txt",
        include_str!("../data/numbers/en-span-before.txt"),
    ),
    (
        "numbers/en-half-determiners.txt",
        include_str!("../data/numbers/en-half-determiners.txt"),
    ),
    (
        "numbers/en-duration-compounds.txt",
        include_str!("../data/numbers/en-duration-compounds.txt"),
    ),
    (
        "numbers/suffix-starts.txt",
        include_str!("../data/numbers/suffix-starts.txt"),
    ),
    (
        "numbers/fr-ordinal-suffixes.txt",
        include_str!("../data/numbers/fr-ordinal-suffixes.txt"),
    ),
    (
        "numbers/en-ordinal-suffixes.txt",
        include_str!("../data/numbers/en-ordinal-suffixes.txt"),
    ),
    (
        "numbers/day-suffixes.txt",
        include_str!("../data/numbers/day-suffixes.txt"),
    ),
    (
        "numbers/date-prefixes.txt",
        include_str!("../data/numbers/date-prefixes.txt"),
    ),
    (
        "numbers/fr-hour-span-words.txt",
        include_str!("../data/numbers/fr-hour-span-words.txt"),
    ),
    (
        "numbers/currency-symbols.tsv",
        include_str!("../data/numbers/currency-symbols.tsv"),
    ),
    (
        "numbers/money-suffixes.tsv",
        include_str!("../data/numbers/money-suffixes.tsv"),
    ),
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
                    let rel = path.strip_prefix(&dir).unwrap().to_string_lossy().replace('\\', "/");
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
    fn function_words_are_loaded_per_language() {
        assert!(function_words(Lang::Fr).contains("selon"));
        assert!(!function_words(Lang::Fr).contains("the"));
        assert!(function_words(Lang::En).contains("the"));
        assert!(!function_words(Lang::En).contains("selon"));
    }
}
