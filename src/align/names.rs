//! Names outside the lexicons: capitalised words and acronyms that both
//! articles of a pair use, identical after folding or equal under the
//! transliteration keys (`Navalny` / `Navalny`, `Alexeï` / `Alexei`,
//! `Prigojine` / `Prigozhin`), become entities of that pair alone.
//!
//! A head of state, a town or a minister that no lexicon holds is often the
//! best evidence two statements share. The guards keep common words out:
//!
//! - a word must be capitalised (or an acronym) on both sides;
//! - it is not a function word, title or calendar word of either language,
//!   not inside a lexicon mention (those are evidence already, or TERM
//!   concepts, i.e. common words), not inside a number or date;
//! - it is not also written in lower case in either article (a common word of
//!   that language, like English `Bank` in a headline and `bank` below);
//! - transliteration keys pair only long words (five letters or more), and
//!   only words of the same kind (an acronym meets an acronym).

use rustc_hash::{FxHashMap, FxHashSet};

use super::Analysis;
use super::evidence::{EvidenceKey, Feature, StatementFeatures, within_one};
use super::quotes::quotations;
use super::weights::{NAME_TRANSLIT_FACTOR, NAME_TRANSLIT_MIN_LEN};
use crate::data::function_words;
use crate::normalize::for_each_token;
use crate::segment::StatementKind;
use crate::span::{Lang, Span};
use crate::tag::variants::{is_common_word, word_key};

/// One capitalised word of an article that may be a name.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NameWord {
    /// Its statement.
    statement: usize,
    /// Where it is in the original text.
    span: Span,
    /// Folded (lower case, no accents).
    folded: String,
    /// Its transliteration key.
    key: String,
    /// All capitals (`SVB`, `FDIC`).
    acronym: bool,
    /// At a sentence start or in a heading, where capitals say little.
    initial: bool,
    /// Inside a quotation.
    in_quote: bool,
}

/// The name words of an analysed article, and the words it writes in lower
/// case (which are common words of its language, not names).
#[derive(Clone, Debug, Default)]
pub(crate) struct NameWords {
    words: Vec<NameWord>,
    lowercase: FxHashSet<String>,
}

impl NameWords {
    /// Finds the name words of an article (its statements and mentions known).
    pub(crate) fn of(
        text: &str,
        lang: Lang,
        statements: &[crate::segment::Statement],
        covered: &[Span],
    ) -> NameWords {
        let mut out = NameWords::default();
        let function = function_words(lang);
        for (s, stmt) in statements.iter().enumerate() {
            let body = stmt.span.of(text);
            let quotes = quotations(body);
            let heading = stmt.kind == StatementKind::Heading;
            let mut sentence_start = true;
            let mut last_end = 0;
            for_each_token(body, |folded, span| {
                let word = span.of(body);
                // A sentence end or an opening quote between two words starts a sentence again.
                let gap = &body[last_end..span.start];
                if gap.contains(['.', '!', '?', ':', '«', '“', '"']) || gap.contains("\n") {
                    sentence_start = true;
                }
                last_end = span.end;
                let initial = sentence_start || heading;
                sentence_start = false;
                let first = word.chars().next().unwrap_or(' ');
                if first.is_lowercase() {
                    if !initial {
                        out.lowercase.insert(folded.to_string());
                    }
                    return;
                }
                let letters = word.chars().filter(|c| c.is_alphabetic()).count();
                let acronym = letters >= 2 && !word.chars().any(char::is_lowercase);
                let absolute = Span::new(span.start + stmt.span.start, span.end + stmt.span.start);
                if !first.is_uppercase()
                    || folded.len() < 3
                    || folded.bytes().any(|b| b.is_ascii_digit())
                    || function.contains(folded)
                    || is_common_word(folded)
                    || overlaps(covered, absolute)
                {
                    return;
                }
                out.words.push(NameWord {
                    statement: s,
                    span: absolute,
                    folded: folded.to_string(),
                    key: word_key(word, lang),
                    acronym,
                    initial,
                    in_quote: within_one(&quotes, span),
                });
            });
        }
        out
    }
}

/// True when `span` overlaps one of `sorted` (in text order).
fn overlaps(sorted: &[Span], span: Span) -> bool {
    let at = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(at).is_some_and(|s| s.start < span.end)
}

/// The statements' evidence with the names both articles share added, for
/// the left and the right article.
pub(crate) fn with_shared_names(
    left: &Analysis,
    right: &Analysis,
) -> (Vec<StatementFeatures>, Vec<StatementFeatures>) {
    let (l, r) = (&left.names, &right.names);
    let usable = |w: &NameWord, mine: &NameWords, other: &NameWords, other_lang: Lang| {
        !mine.lowercase.contains(&w.folded)
            && !other.lowercase.contains(&w.folded)
            && !function_words(other_lang).contains(&w.folded)
    };
    // Right words by folded form and by key.
    let mut by_fold: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    let mut by_key: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (k, w) in r.words.iter().enumerate() {
        if usable(w, r, l, left.lang) {
            by_fold.entry(&w.folded).or_default().push(k);
            by_key.entry(&w.key).or_default().push(k);
        }
    }
    // Each left word's partners on the right, and how well they match.
    let mut canonical: FxHashMap<usize, (String, f32)> = FxHashMap::default(); // right word → key
    let mut left_keys: Vec<Option<(String, f32)>> = vec![None; l.words.len()];
    for (k, w) in l.words.iter().enumerate() {
        if !usable(w, l, r, right.lang) {
            continue;
        }
        let (partners, factor) = match by_fold.get(w.folded.as_str()) {
            Some(p) => (p, 1.0),
            None if !w.acronym && w.folded.len() >= NAME_TRANSLIT_MIN_LEN => {
                match by_key.get(w.key.as_str()) {
                    Some(p) => (p, NAME_TRANSLIT_FACTOR),
                    None => continue,
                }
            }
            None => continue,
        };
        let partners: Vec<usize> = partners
            .iter()
            .copied()
            .filter(|&p| r.words[p].acronym == w.acronym)
            .filter(|&p| {
                r.words[p].folded.len() >= NAME_TRANSLIT_MIN_LEN || r.words[p].folded == w.folded
            })
            .collect();
        if partners.is_empty() {
            continue;
        }
        left_keys[k] = Some((w.folded.clone(), factor));
        for p in partners {
            canonical
                .entry(p)
                .or_insert_with(|| (w.folded.clone(), factor));
        }
    }
    let extend = |analysis: &Analysis, found: Vec<(usize, &NameWord, &String, f32)>| {
        let mut features = analysis.features.clone();
        for (s, w, key, factor) in found {
            features[s].features.push(Feature {
                key: EvidenceKey::Name(key.clone()),
                span: w.span,
                factor,
                in_quote: w.in_quote,
                context: false,
                counted: None,
                parent: None,
            });
        }
        for f in &mut features {
            f.features.sort_by_key(|f| (f.span.start, f.key.kind()));
        }
        features
    };
    let left_found = l
        .words
        .iter()
        .zip(&left_keys)
        .filter_map(|(w, k)| k.as_ref().map(|(key, f)| (w.statement, w, key, *f)))
        .collect();
    let right_found = r
        .words
        .iter()
        .enumerate()
        .filter_map(|(p, w)| canonical.get(&p).map(|(key, f)| (w.statement, w, key, *f)))
        .collect();
    (extend(left, left_found), extend(right, right_found))
}
