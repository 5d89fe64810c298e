//! Cognates: words that French and English share from Latin, Greek or each
//! other, written a little differently (enthousiasme / enthusiasm, sécurité /
//! security, économique / economic, dangereux / dangerous, confirmé /
//! confirmed).
//!
//! A word's key is its stem and the class of its ending: the plural is cut
//! off, then the longest ending of `data/align/cognate-suffixes.tsv`, and the
//! stem is spelled by sound classes both languages share (`c`/`k`/`qu` as
//! `k`, `ph` as `f`, `th` as `t`, `y` as `i`, doubled letters once, French
//! `ou` as `u`). Two words meet when their keys are equal. Cognates are weak
//! evidence (false friends exist), so only long words count.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::data::{COGNATE_SUFFIXES, rows};
use crate::span::Lang;

/// Words shorter than this (folded letters) give no cognate.
pub(crate) const MIN_WORD: usize = 6;

/// Stems shorter than this give no cognate.
const MIN_STEM: usize = 4;

/// The endings of one language: ending → classes (French `-ement` is an
/// adverb's `-ly` or a noun's `-ment`), and the longest ending.
struct Endings {
    classes: FxHashMap<&'static str, Vec<&'static str>>,
    longest: usize,
}

fn endings(lang: Lang) -> &'static Endings {
    static TABLES: OnceLock<[Endings; 2]> = OnceLock::new();
    let tables = TABLES.get_or_init(|| {
        let mut fr = Endings {
            classes: FxHashMap::default(),
            longest: 0,
        };
        let mut en = Endings {
            classes: FxHashMap::default(),
            longest: 0,
        };
        for (_, fields) in rows(COGNATE_SUFFIXES) {
            let table = if fields[0] == "fr" { &mut fr } else { &mut en };
            let ending = fields[1];
            table
                .classes
                .entry(ending)
                .or_default()
                .push(fields.get(2).copied().unwrap_or(""));
            table.longest = table.longest.max(ending.len());
        }
        [fr, en]
    });
    match lang {
        Lang::Fr => &tables[0],
        Lang::En => &tables[1],
    }
}

/// The cognate keys of a folded word (lower-case ASCII letters): none for a
/// short word; several for a French word with `ou` (as `u` and as `o`:
/// enthousiasme / enthusiasm, gouvernement / government) or an ending of two
/// classes.
pub(crate) fn keys(word: &str, lang: Lang) -> Vec<String> {
    if word.len() < MIN_WORD || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let word = strip_plural(word, lang);
    let table = endings(lang);
    let (stem, classes) = (1..=table.longest.min(word.len() - 1))
        .rev()
        .find_map(|n| {
            let (stem, ending) = word.split_at(word.len() - n);
            table
                .classes
                .get(ending)
                .map(|classes| (stem, classes.as_slice()))
        })
        .unwrap_or((word, &[""]));
    if stem.len() < MIN_STEM {
        return Vec::new();
    }
    let mut spellings = vec![sound_classes(stem, "u")];
    if lang == Lang::Fr && stem.contains("ou") {
        spellings.push(sound_classes(stem, "o"));
    }
    spellings
        .iter()
        .flat_map(|stem| classes.iter().map(move |class| format!("{stem}|{class}")))
        .collect()
}

/// The word without its plural ending (French `-s`: `-x` plurals such as
/// `-aux` are endings of the table; English `-s`, `-es` after a sibilant).
fn strip_plural(word: &str, lang: Lang) -> &str {
    let cut = match lang {
        Lang::Fr if word.ends_with('s') => 1,
        Lang::En if word.ends_with("ses") || word.ends_with("xes") || word.ends_with("ches") => 2,
        Lang::En if word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") => 1,
        _ => 0,
    };
    &word[..word.len() - cut]
}

/// The stem spelled by sound classes (see the module doc); `ou` is written
/// `ou_as`.
fn sound_classes(stem: &str, ou_as: &str) -> String {
    let s = stem.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        let next = s.get(i + 1).copied();
        let (emit, used): (&str, usize) = match (s[i], next) {
            (b'p', Some(b'h')) => ("f", 2),
            (b't', Some(b'h')) => ("t", 2),
            (b'q', Some(b'u')) => ("k", 2),
            (b'c', Some(b'k')) => ("k", 2),
            (b'o', Some(b'u')) => (ou_as, 2),
            (b'c', _) | (b'q', _) => ("k", 1),
            (b'y', _) => ("i", 1),
            _ => (std::str::from_utf8(&s[i..i + 1]).unwrap_or(""), 1),
        };
        if !out.ends_with(emit) || emit.len() != 1 {
            out.push_str(emit);
        }
        i += used;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meet(fr: &str, en: &str) -> bool {
        let (f, e) = (keys(fr, Lang::Fr), keys(en, Lang::En));
        f.iter().any(|k| e.contains(k))
    }

    #[test]
    fn cognates_with_their_endings_meet() {
        for (fr, en) in [
            ("enthousiasme", "enthusiasm"),
            ("securite", "security"),
            ("economique", "economic"),
            ("politique", "political"),
            ("dangereux", "dangerous"),
            ("officiel", "official"),
            ("officielles", "officials"),
            ("internationaux", "international"),
            ("democratie", "democracy"),
            ("necessaire", "necessary"),
            ("massive", "massive"),
            ("dictateur", "dictator"),
            ("confirme", "confirmed"),
            ("confirmer", "confirming"),
            ("rapidement", "rapidly"),
            ("gouvernement", "government"),
            ("importance", "importance"),
            ("liberte", "liberty"),
            ("nationalisme", "nationalism"),
        ] {
            assert!(
                meet(fr, en),
                "{fr} / {en}: {:?} {:?}",
                keys(fr, Lang::Fr),
                keys(en, Lang::En)
            );
        }
    }

    #[test]
    fn different_words_and_short_words_do_not_meet() {
        for (fr, en) in [
            ("pain", "pain"),
            ("securite", "secretary"),
            ("economique", "ecology"),
            ("politique", "police"),
            ("national", "nation"),
        ] {
            assert!(!meet(fr, en), "{fr} / {en}");
        }
    }
}
