//! Finding, in two collections, which French and English articles cover the
//! same story, then aligning their statements.
//!
//! Comparing every article with every other costs the product of the two
//! sides. Instead each article is profiled by its *rare evidence* — the
//! entity, TERM and number keys of [`Analysis::features`] — and an inverted
//! index from keys to the articles holding them leads each article only to
//! the articles it shares something with:
//!
//! ```text
//! weight(a, k) = kind(k) × (1 + ln count(a, k)) × ln(1 + N / df(k))     N articles on both sides, df(k) of them hold k
//! score(l, r)  = Σ_k weight(l, k) × weight(r, k) / (‖weight(l)‖ × ‖weight(r)‖)     (cosine, in [0, 1])
//! ```
//!
//! `kind` is 1 for entities and numbers and [`TERM_WEIGHT`] for TERMs: general
//! words (question, weapon, respond) say less about which story it is than
//! the names in it.
//!
//! A key held by more than [`CorpusOptions::max_df`] articles on a side
//! (Russia, war, Putin in a collection about the war) says almost nothing
//! about which story an article tells and would make its postings list the
//! whole collection; such keys are dropped like stop words. So the cost of
//! scoring grows with the number of articles times `max_df` at most, not
//! with the product of the sides.
//!
//! Pairs that score at least [`CorpusOptions::min_score`] are kept best
//! first, as long as neither article already has [`CorpusOptions::top`]
//! partners: no article gets more than `top`, and `top = 1` pairs each
//! article with at most one other. The kept pairs are then aligned
//! statement by statement.
//!
//! Each article's language is detected ([`SideLang::Detect`]) unless the
//! caller gives it: an English article in the French folder is analysed as
//! English, and the summary lists it so the user can be told.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use crate::align::{Aligner, Analysis, EvidenceKey, EvidenceKind};
use crate::detect::detect;
use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::report::alignment::{AlignedPair, JsonAlignment};
use crate::report::meta::Meta;
use crate::span::Lang;

/// The default of [`CorpusOptions::min_score`], shown in `--help`.
pub const DEFAULT_MIN_SCORE: f64 = 0.2;
/// The default of [`CorpusOptions::top`]: a story is often told by several
/// outlets of the other language.
pub const DEFAULT_TOP: usize = 5;
/// The default of [`CorpusOptions::max_df`].
pub const DEFAULT_MAX_DF: usize = 500;

/// How much a TERM key counts next to an entity or a number.
pub const TERM_WEIGHT: f64 = 0.4;

/// How candidate pairs are chosen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CorpusOptions {
    /// Least cosine score of a kept pair, in [0, 1].
    pub min_score: f64,
    /// The most partners an article gets (the best-scored pairs are kept first).
    pub top: usize,
    /// Keys held by more articles than this on one side are ignored.
    pub max_df: usize,
    /// How many shared keys each pair reports.
    pub shared: usize,
}

impl Default for CorpusOptions {
    fn default() -> Self {
        CorpusOptions {
            min_score: DEFAULT_MIN_SCORE,
            top: DEFAULT_TOP,
            max_df: DEFAULT_MAX_DF,
            shared: 5,
        }
    }
}

/// An article's evidence keys (entities, TERMs, numbers) and how often each occurs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {
    /// `(key, occurrences)`, sorted by key.
    pub keys: Vec<(String, u32)>,
}

impl Profile {
    /// The profile of an analysed article; `lexicon` names its entries.
    pub fn of(analysis: &Analysis, lexicon: &Lexicon) -> Profile {
        let mut counts: HashMap<&EvidenceKey, u32> = HashMap::new();
        for statement in &analysis.features {
            for f in &statement.features {
                if matches!(
                    f.key.kind(),
                    EvidenceKind::Entity | EvidenceKind::Term | EvidenceKind::Number
                ) {
                    *counts.entry(&f.key).or_default() += 1;
                }
            }
        }
        let mut keys: Vec<(String, u32)> = counts
            .into_iter()
            .map(|(k, n)| (profile_key(k, lexicon), n))
            .collect();
        keys.sort_unstable();
        Profile { keys }
    }
}

/// A profile's key: the evidence key with its kind (`e:north_korea`,
/// `t:ammunition`, `n:dur:4:year`), as `shared` lists it.
fn profile_key(key: &EvidenceKey, lexicon: &Lexicon) -> String {
    let kind = match key.kind() {
        EvidenceKind::Entity => "e",
        EvidenceKind::Name => "name",
        EvidenceKind::Term => "t",
        EvidenceKind::Number => "n",
        EvidenceKind::Quote => "q",
        EvidenceKind::Wording => "w",
        EvidenceKind::Cognate => "c",
    };
    format!("{kind}:{}", key.id(lexicon))
}

/// A pair of articles that seem to cover the same story.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Index of the left article.
    pub left: usize,
    /// Index of the right article.
    pub right: usize,
    /// Cosine of their weighted keys, in [0, 1], to four decimals.
    pub score: f64,
    /// The keys that contribute most to the score, strongest first.
    pub shared: Vec<String>,
}

/// Unit-length weighted key vectors of both sides and the right side's postings.
struct Vectors {
    keys: Vec<String>,
    /// Per article: `(key id, weight)`, sorted by key id.
    left: Vec<Vec<(u32, f64)>>,
    right: Vec<Vec<(u32, f64)>>,
    /// Per key id: the right articles holding it, with their weight.
    postings: Vec<Vec<(u32, f64)>>,
}

impl Vectors {
    fn new(left: &[Profile], right: &[Profile], max_df: usize) -> Vectors {
        // Interning in article order keeps the ids, so the sums, deterministic.
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut keys: Vec<String> = Vec::new();
        let left_ids = intern(left, &mut ids, &mut keys);
        let right_ids = intern(right, &mut ids, &mut keys);
        let mut df_left = vec![0usize; keys.len()];
        let mut df_right = vec![0usize; keys.len()];
        for v in &left_ids {
            for &(k, _) in v {
                df_left[k as usize] += 1;
            }
        }
        for v in &right_ids {
            for &(k, _) in v {
                df_right[k as usize] += 1;
            }
        }
        let n = (left.len() + right.len()) as f64;
        let kept = |k: u32| df_left[k as usize] <= max_df && df_right[k as usize] <= max_df;
        let idf = |k: u32| {
            let kind = if keys[k as usize].starts_with("t:") {
                TERM_WEIGHT
            } else {
                1.0
            };
            kind * (1.0 + n / (df_left[k as usize] + df_right[k as usize]) as f64).ln()
        };
        let weigh = |v: &Vec<(u32, u32)>| -> Vec<(u32, f64)> {
            let mut w: Vec<(u32, f64)> = v
                .iter()
                .filter(|&&(k, _)| kept(k))
                .map(|&(k, c)| (k, (1.0 + f64::from(c).ln()) * idf(k)))
                .collect();
            let norm = w.iter().map(|(_, x)| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                w.iter_mut().for_each(|(_, x)| *x /= norm);
            }
            w
        };
        let left: Vec<Vec<(u32, f64)>> = left_ids.iter().map(weigh).collect();
        let right: Vec<Vec<(u32, f64)>> = right_ids.iter().map(weigh).collect();
        let mut postings = vec![Vec::new(); keys.len()];
        for (r, v) in right.iter().enumerate() {
            for &(k, w) in v {
                if df_left[k as usize] > 0 {
                    postings[k as usize].push((r as u32, w));
                }
            }
        }
        Vectors {
            keys,
            left,
            right,
            postings,
        }
    }

    /// The keys two articles share, by contribution to their score.
    fn shared(&self, l: usize, r: usize, limit: usize) -> Vec<String> {
        let (a, b) = (&self.left[l], &self.right[r]);
        let (mut i, mut j) = (0, 0);
        let mut both: Vec<(f64, &str)> = Vec::new();
        while i < a.len() && j < b.len() {
            match a[i].0.cmp(&b[j].0) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    both.push((a[i].1 * b[j].1, &self.keys[a[i].0 as usize]));
                    i += 1;
                    j += 1;
                }
            }
        }
        both.sort_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(y.1)));
        both.into_iter()
            .take(limit)
            .map(|(_, k)| k.to_string())
            .collect()
    }
}

/// The keys of each profile as ids, `(key id, occurrences)` sorted by id,
/// interning new keys.
fn intern<'p>(
    profiles: &'p [Profile],
    ids: &mut HashMap<&'p str, u32>,
    keys: &mut Vec<String>,
) -> Vec<Vec<(u32, u32)>> {
    profiles
        .iter()
        .map(|p| {
            let mut v: Vec<(u32, u32)> = p
                .keys
                .iter()
                .map(|(k, n)| {
                    let next = keys.len() as u32;
                    let id = *ids.entry(k.as_str()).or_insert_with(|| {
                        keys.push(k.clone());
                        next
                    });
                    (id, *n)
                })
                .collect();
            v.sort_unstable();
            v
        })
        .collect()
}

/// Scores of one left article with every right article it shares a kept key with.
fn score_left(
    v: &Vectors,
    l: usize,
    acc: &mut [f64],
    touched: &mut Vec<u32>,
    min_score: f64,
    limit: usize,
) -> Vec<(u32, f64)> {
    for &(k, w) in &v.left[l] {
        for &(r, wr) in &v.postings[k as usize] {
            if acc[r as usize] == 0.0 {
                touched.push(r);
            }
            acc[r as usize] += w * wr;
        }
    }
    let mut found: Vec<(u32, f64)> = Vec::new();
    for &r in touched.iter() {
        let s = acc[r as usize];
        acc[r as usize] = 0.0;
        if s >= min_score {
            found.push((r, s));
        }
    }
    touched.clear();
    found.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    found.truncate(limit);
    found
}

/// The candidate pairs of two collections of profiles (see the module doc),
/// sorted by left article, then best score first, then right article. Runs on
/// the current rayon pool; the result does not depend on its size.
pub fn candidates(left: &[Profile], right: &[Profile], options: &CorpusOptions) -> Vec<Candidate> {
    let vectors = Vectors::new(left, right, options.max_df.max(1));
    let top = options.top.max(1);
    // Each left article keeps more than its own top, so that an article whose
    // best partners are taken by better pairs still finds others.
    let per_left = (8 * top).max(32);
    let scored: Vec<Vec<(u32, f64)>> = (0..left.len())
        .into_par_iter()
        .map_init(
            || (vec![0.0f64; right.len()], Vec::new()),
            |(acc, touched), l| score_left(&vectors, l, acc, touched, options.min_score, per_left),
        )
        .collect();
    // Best pairs first; a pair is kept while both its articles have room.
    let mut all: Vec<(usize, usize, f64)> = scored
        .iter()
        .enumerate()
        .flat_map(|(l, found)| found.iter().map(move |&(r, s)| (l, r as usize, s)))
        .collect();
    all.sort_by(|a, b| b.2.total_cmp(&a.2).then(a.0.cmp(&b.0)).then(a.1.cmp(&b.1)));
    let (mut left_count, mut right_count) = (vec![0usize; left.len()], vec![0usize; right.len()]);
    let mut keep: Vec<(usize, usize, f64)> = Vec::new();
    for (l, r, s) in all {
        if left_count[l] < top && right_count[r] < top {
            left_count[l] += 1;
            right_count[r] += 1;
            keep.push((l, r, s));
        }
    }
    keep.sort_by(|a, b| a.0.cmp(&b.0).then(b.2.total_cmp(&a.2)).then(a.1.cmp(&b.1)));
    keep.into_iter()
        .map(|(l, r, s)| Candidate {
            left: l,
            right: r,
            score: (s.min(1.0) * 10_000.0).round() / 10_000.0,
            shared: vectors.shared(l, r, options.shared),
        })
        .collect()
}

/// The `*.txt` files of a directory, sorted by name.
pub fn list_articles(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, &e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// The language of one side's articles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SideLang {
    /// Every article is in this language (no detection).
    Given(Lang),
    /// Each article's language is detected; this one is expected, and taken
    /// when the detection is unsure.
    Detect(Lang),
}

impl SideLang {
    /// The language to analyse `text` in.
    pub fn of(self, text: &str) -> Lang {
        match self {
            SideLang::Given(lang) => lang,
            SideLang::Detect(expected) => {
                let found = detect(text);
                if found.confident {
                    found.lang
                } else {
                    expected
                }
            }
        }
    }

    /// The language the side is given or expected in.
    pub fn expected(self) -> Lang {
        match self {
            SideLang::Given(lang) | SideLang::Detect(lang) => lang,
        }
    }
}

/// Counts of a finished corpus run.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorpusSummary {
    /// Left articles read.
    pub left: usize,
    /// Right articles read.
    pub right: usize,
    /// Article pairs written.
    pub pairs: usize,
    /// Statement links in them.
    pub links: usize,
    /// Articles that could not be read (skipped).
    pub errors: usize,
    /// Left articles detected in another language than expected (as shown);
    /// they are analysed in the language detected.
    pub left_other_lang: Vec<String>,
    /// Right articles detected in another language than expected.
    pub right_other_lang: Vec<String>,
}

/// Pairs articles of two collections and aligns them, on a pool of its own.
pub struct Corpus<'a> {
    aligner: &'a Aligner,
    options: CorpusOptions,
    pool: rayon::ThreadPool,
    jobs: usize,
    /// Whether to align the statements of the kept pairs.
    pub align: bool,
    meta: Option<Meta>,
}

/// One output line.
#[derive(Serialize)]
struct PairLine<'a> {
    left: &'a str,
    right: &'a str,
    score: f64,
    shared: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    alignment: Option<JsonAlignment<'a>>,
}

impl<'a> Corpus<'a> {
    /// A corpus run over `jobs` threads (at least one).
    pub fn new(
        aligner: &'a Aligner,
        options: CorpusOptions,
        jobs: usize,
    ) -> Result<Corpus<'a>, Error> {
        let jobs = jobs.max(1);
        let pool = crate::batch::thread_pool(jobs, "corpus")?;
        Ok(Corpus {
            aligner,
            options,
            pool,
            jobs,
            align: true,
            meta: None,
        })
    }

    /// Records how the alignments were made (the `meta` of `align`'s JSON)
    /// in every `alignment`.
    pub fn with_meta(self, meta: Meta) -> Corpus<'a> {
        Corpus {
            meta: Some(meta),
            ..self
        }
    }

    /// Reads and analyses the articles, finds the candidate pairs, aligns them
    /// and writes one JSON line per pair to `out`. An article that cannot be
    /// read is reported to `on_error` and skipped.
    pub fn run(
        &self,
        left_paths: &[PathBuf],
        right_paths: &[PathBuf],
        langs: (SideLang, SideLang),
        out: &mut dyn Write,
        mut on_error: impl FnMut(&Error),
    ) -> Result<CorpusSummary, Error> {
        let mut summary = CorpusSummary::default();
        let (left_texts, left_names) = self.read(left_paths, &mut summary, &mut on_error);
        let (right_texts, right_names) = self.read(right_paths, &mut summary, &mut on_error);
        summary.left = left_texts.len();
        summary.right = right_texts.len();
        let left = self.analyse(&left_texts, langs.0);
        let right = self.analyse(&right_texts, langs.1);
        let other_lang = |analyses: &[Analysis], names: &[String], side: SideLang| -> Vec<String> {
            analyses
                .iter()
                .zip(names)
                .filter(|(a, _)| a.lang != side.expected())
                .map(|(_, name)| name.clone())
                .collect()
        };
        summary.left_other_lang = other_lang(&left, &left_names, langs.0);
        summary.right_other_lang = other_lang(&right, &right_names, langs.1);
        let lexicon = self.aligner.tagger().lexicon();
        let left_profiles: Vec<Profile> = self
            .pool
            .install(|| left.par_iter().map(|a| Profile::of(a, lexicon)).collect());
        let right_profiles: Vec<Profile> = self
            .pool
            .install(|| right.par_iter().map(|a| Profile::of(a, lexicon)).collect());
        let found = self
            .pool
            .install(|| candidates(&left_profiles, &right_profiles, &self.options));
        for chunk in found.chunks(64 * self.jobs) {
            let lines: Vec<(String, usize)> = self.pool.install(|| {
                chunk
                    .par_iter()
                    .map(|c| {
                        self.line(
                            c,
                            (&left_names[c.left], &left[c.left]),
                            (&right_names[c.right], &right[c.right]),
                        )
                    })
                    .collect()
            });
            for (line, links) in lines {
                out.write_all(line.as_bytes())
                    .map_err(|e| Error::output(&e))?;
                out.write_all(b"\n").map_err(|e| Error::output(&e))?;
                summary.pairs += 1;
                summary.links += links;
            }
        }
        out.flush().map_err(|e| Error::output(&e))?;
        Ok(summary)
    }

    /// The texts of the readable articles and their paths as shown; the
    /// others go to `on_error`.
    fn read(
        &self,
        paths: &[PathBuf],
        summary: &mut CorpusSummary,
        on_error: &mut impl FnMut(&Error),
    ) -> (Vec<String>, Vec<String>) {
        let read: Vec<Result<String, Error>> = self.pool.install(|| {
            paths
                .par_iter()
                .map(|p| crate::input::read_text(p))
                .collect()
        });
        let (mut texts, mut names) = (Vec::new(), Vec::new());
        for (path, text) in paths.iter().zip(read) {
            match text {
                Ok(text) => {
                    texts.push(text);
                    names.push(path.display().to_string());
                }
                Err(e) => {
                    summary.errors += 1;
                    on_error(&e);
                }
            }
        }
        (texts, names)
    }

    fn analyse<'t>(&self, texts: &'t [String], lang: SideLang) -> Vec<Analysis<'t>> {
        self.pool.install(|| {
            texts
                .par_iter()
                .map(|t| self.aligner.analyse(t, lang.of(t)))
                .collect()
        })
    }

    /// The JSON line of one candidate pair and its number of links.
    fn line(
        &self,
        c: &Candidate,
        left: (&str, &Analysis),
        right: (&str, &Analysis),
    ) -> (String, usize) {
        let alignment = self.align.then(|| self.aligner.align(left.1, right.1));
        let pair = alignment
            .as_ref()
            .map(|alignment| AlignedPair::new(self.aligner, left, right, alignment));
        let line = PairLine {
            left: left.0,
            right: right.0,
            score: c.score,
            shared: &c.shared,
            alignment: pair.as_ref().map(|p| {
                let json = JsonAlignment::new(p, None);
                match &self.meta {
                    Some(meta) => json.with_meta(meta),
                    None => json,
                }
            }),
        };
        let links = alignment.as_ref().map_or(0, |a| a.links.len());
        (serde_json::to_string(&line).unwrap_or_default(), links)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn profile(keys: &[(&str, u32)]) -> Profile {
        let mut keys: Vec<(String, u32)> = keys.iter().map(|&(k, n)| (k.to_string(), n)).collect();
        keys.sort();
        Profile { keys }
    }

    #[test]
    fn pairs_follow_rare_shared_keys() {
        let left = [
            profile(&[("e:russia", 3), ("e:zorvan", 2), ("t:war", 1)]),
            profile(&[("e:russia", 1), ("e:melnik", 2), ("t:rain", 1)]),
            profile(&[("t:football", 2)]),
        ];
        let right = [
            profile(&[("e:russia", 1), ("e:melnik", 1), ("t:rain", 2)]),
            profile(&[("e:russia", 2), ("e:zorvan", 1), ("t:war", 2)]),
            profile(&[("e:kelip", 4)]),
        ];
        let options = CorpusOptions {
            min_score: 0.3,
            ..CorpusOptions::default()
        };
        let found = candidates(&left, &right, &options);
        let pairs: Vec<(usize, usize)> = found.iter().map(|c| (c.left, c.right)).collect();
        assert_eq!(pairs, [(0, 1), (1, 0)]);
        assert_eq!(found[0].shared[0], "e:zorvan");
        assert!(found.iter().all(|c| c.score >= 0.3 && c.score <= 1.0));
    }

    #[test]
    fn keys_common_to_too_many_articles_are_ignored() {
        let left = [profile(&[("e:russia", 1)]), profile(&[("e:russia", 1)])];
        let right = [profile(&[("e:russia", 1)]), profile(&[("e:russia", 1)])];
        let options = CorpusOptions {
            min_score: 0.0,
            max_df: 1,
            ..CorpusOptions::default()
        };
        assert!(candidates(&left, &right, &options).is_empty());
        let options = CorpusOptions {
            min_score: 0.0,
            max_df: 2,
            ..CorpusOptions::default()
        };
        assert_eq!(candidates(&left, &right, &options).len(), 4);
    }

    #[test]
    fn top_is_the_most_partners_of_any_article() {
        // One left article close to three right ones, which have no other partner.
        let left = [profile(&[("e:a", 1), ("e:b", 1), ("e:c", 1)])];
        let right = [
            profile(&[("e:a", 1)]),
            profile(&[("e:a", 1), ("e:b", 1)]),
            profile(&[("e:c", 1)]),
        ];
        let rights = |top: usize| -> Vec<usize> {
            let options = CorpusOptions {
                min_score: 0.1,
                top,
                ..CorpusOptions::default()
            };
            candidates(&left, &right, &options)
                .iter()
                .map(|c| c.right)
                .collect()
        };
        assert_eq!(rights(1), [1], "only the best");
        assert_eq!(rights(2), [1, 2]);
        assert_eq!(rights(3), [1, 2, 0], "best score first");
    }

    #[test]
    fn a_taken_partner_leaves_room_for_the_next_best() {
        // Left 0 and left 1 both prefer right 0; left 0 is closer to it, so
        // with one partner each, left 1 gets right 1.
        let left = [
            profile(&[("e:a", 1), ("e:b", 1)]),
            profile(&[("e:a", 1), ("e:c", 1)]),
        ];
        let right = [
            profile(&[("e:a", 1), ("e:b", 1)]),
            profile(&[("e:c", 1), ("e:d", 1)]),
        ];
        let options = CorpusOptions {
            min_score: 0.1,
            top: 1,
            ..CorpusOptions::default()
        };
        let pairs: Vec<(usize, usize)> = candidates(&left, &right, &options)
            .iter()
            .map(|c| (c.left, c.right))
            .collect();
        assert_eq!(pairs, [(0, 0), (1, 1)]);
    }

    #[test]
    fn detected_languages_win_over_the_expected_one_unless_given() {
        let english =
            "The minister said that the talks would go on, and that they were in the capital.";
        assert_eq!(SideLang::Detect(Lang::Fr).of(english), Lang::En);
        assert_eq!(SideLang::Given(Lang::Fr).of(english), Lang::Fr);
        assert_eq!(
            SideLang::Detect(Lang::Fr).of("Kim Jong Un."),
            Lang::Fr,
            "unsure"
        );
    }
}
