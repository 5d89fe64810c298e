//! Checking lexicon files (`entente lexicon check`): every problem that stops
//! them from loading, plus what loads but deserves a look.
//!
//! A check runs the same merging pass as loading ([`LexiconBuilder::build`]),
//! so the two always agree on what an error is: a bad header or row (schema,
//! unknown type or language, a bad id, an empty or padded name), an entity
//! whose rows disagree on its type, a `stands_for` that names no entity. On top
//! of those it reports
//!
//! - a **duplicate row** (same entity, type, lang and name) as a warning:
//!   loading keeps the first and drops the repeat, so it is redundant, not
//!   wrong (`lexicon add` does not append one either);
//! - a **shared name** (warning): a folded name of two entities that the tagger
//!   can confuse, i.e. both names may be found in a text of the same language
//!   (names of non-`TERM` entities are found in either language);
//! - **names of two concepts that share a stem** (warning): two TERM names
//!   of different entities whose words have the same Snowball stems in one
//!   language and differ only by inflection (`vent` and `vente`): the tagger
//!   finds the other forms of their words through stems (see `tag::stem`), and
//!   cannot tell which of the two such a form is; mark one `match=exact`;
//! - an entity with **two knowledge-base ids** (warning): its rows' `kb_id`
//!   or `wikidata` values differ (the first is used);
//! - an entity with **no English name** (warning): no `en` or `*` row.
//!
//! When files are added to the builder, only they are reported on; the
//! built-in lexicons (unless turned off) are the context they are checked
//! against, as they would be loaded with `--lexicon`. A built-in file with the
//! same contents as a checked file is left out of that context.

use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::{Lexicon, LexiconBuilder, Merger, Name, NameLang, builtin};
use crate::error::Problem;
use crate::lexicon::EntityType;
use crate::normalize::fold_key;
use crate::span::Lang;
use crate::tag::stem::{StemBuf, StemToken, inflections_agree, is_stemmed, stem_tokens};

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The files do not load.
    Error,
    /// The files load, but something looks wrong.
    Warning,
}

/// One thing a check found, located by file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Where, and what.
    pub problem: Problem,
}

impl fmt::Display for Finding {
    /// `FILE:LINE: message`, or `FILE:LINE: warning: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.severity {
            Severity::Error => write!(f, "{}", self.problem),
            Severity::Warning => {
                let mut p = self.problem.clone();
                p.message = format!("warning: {}", p.message);
                write!(f, "{p}")
            }
        }
    }
}

/// What a check found, in file and line order.
#[derive(Clone, Debug, Default)]
pub struct Report {
    findings: Vec<Finding>,
    files: usize,
}

impl Report {
    /// Every finding, errors and warnings, by file then line.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// How many findings are errors.
    pub fn errors(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
    }

    /// How many findings are warnings.
    pub fn warnings(&self) -> usize {
        self.findings.len() - self.errors()
    }

    /// How many files were checked (not counting the context ones).
    pub fn files(&self) -> usize {
        self.files
    }
}

impl LexiconBuilder {
    /// Checks the files added to this builder, against the built-in lexicons
    /// unless [`LexiconBuilder::builtin`] turned them off; with no file added,
    /// checks the built-in lexicons themselves. Never fails: every problem is
    /// a finding of the report.
    ///
    /// ```
    /// use entente::LexiconBuilder;
    /// use entente::lexicon::check::Severity;
    ///
    /// let report = LexiconBuilder::new()
    ///     .add_text("mine.csv", "entity,type,lang,name\nmy_korea,GPE,fr,Corée du Nord\n")
    ///     .check();
    /// let first = &report.findings()[0];
    /// assert_eq!(first.severity, Severity::Warning);
    /// assert!(first.to_string().starts_with("mine.csv:2: warning: name \"Corée du Nord\""));
    /// ```
    pub fn check(&self) -> Report {
        let own_builtin = self.files.is_empty();
        let mut merger = Merger::default();
        // For each merged file: is it one we report on?
        let mut checked = Vec::new();
        if self.builtin {
            for (path, text) in builtin::FILES {
                if !own_builtin && self.files.iter().any(|(_, t)| t == text) {
                    continue; // the same file is checked as the user's
                }
                merger.add_file(Path::new(path), text, true);
                checked.push(own_builtin);
            }
        }
        for (path, text) in &self.files {
            merger.add_file(path, text, false);
            checked.push(true);
        }
        merger.resolve_stands_for();

        let mut found: Vec<(usize, Finding)> = Vec::new();
        let mut push = |file: usize, severity: Severity, problem: Problem| {
            if checked[file] {
                found.push((file, Finding { severity, problem }));
            }
        };
        for (file, problem) in std::mem::take(&mut merger.problems) {
            push(file, Severity::Error, problem);
        }
        let lex = &merger.lexicon;
        let at = |file: usize, line: u64, message: String| Problem {
            path: Some(lex.files[file].path.clone()),
            line: Some(line),
            message,
        };
        let place = |name: &Name| format!("{}:{}", lex.files[name.file].path.display(), name.line);
        for &(file, line, first) in &merger.duplicates {
            let first = &lex.names[first];
            if checked[first.file] {
                let message = format!(
                    "duplicate row: same entity, type, lang and name as {} (loading keeps one); delete one",
                    place(first)
                );
                push(file, Severity::Warning, at(file, line, message));
            } else {
                let message = format!(
                    "row is already in the built-in lexicons ({}); it can go",
                    place(first)
                );
                push(file, Severity::Warning, at(file, line, message));
            }
        }
        for (name, other) in clashes(lex) {
            let (name, other) = (&lex.names[name], &lex.names[other]);
            let key = fold_key(&name.text);
            let folded = if key == name.text {
                String::new()
            } else {
                format!(" (folded {key:?})")
            };
            let message = format!(
                "name {:?}{folded} is also a name of entity {} ({}); the tagger can only pick one",
                name.text,
                lex.entries[other.entry].id,
                place(other)
            );
            push(
                name.file,
                Severity::Warning,
                at(name.file, name.line, message),
            );
        }
        for (name, other, lang) in stem_clashes(lex) {
            let (name, other) = (&lex.names[name], &lex.names[other]);
            let message = format!(
                "name {:?} shares its {} stems with name {:?} of entity {} ({}); the tagger cannot tell their other forms apart: mark one `match=exact`, or drop it",
                name.text,
                lang.name(),
                other.text,
                lex.entries[other.entry].id,
                place(other)
            );
            push(
                name.file,
                Severity::Warning,
                at(name.file, name.line, message),
            );
        }
        for entry in &lex.entries {
            let mut ids = entry.names.iter().filter_map(|&n| {
                let name = &lex.names[n];
                super::kb_id(name).map(|id| (id, name))
            });
            if let Some((first_id, first)) = ids.next()
                && let Some((id, name)) = ids.find(|(id, _)| id != &first_id)
            {
                let message = format!(
                    "entity {} has knowledge-base id {id:?} here but {first_id:?} at {}; the first is used: give all its rows one id",
                    entry.id,
                    place(first)
                );
                push(
                    name.file,
                    Severity::Warning,
                    at(name.file, name.line, message),
                );
            }
            let english = entry
                .names
                .iter()
                .any(|&n| matches!(lex.names[n].lang, NameLang::En | NameLang::Any));
            if !english {
                let first = &lex.names[entry.names[0]];
                let message = format!(
                    "entity {} has no English name: add an `en` row (or write `*` for a name the same in both languages)",
                    entry.id
                );
                push(
                    first.file,
                    Severity::Warning,
                    at(first.file, first.line, message),
                );
            }
        }
        found.sort_by_key(|(file, f)| (*file, f.problem.line));
        Report {
            findings: found.into_iter().map(|(_, f)| f).collect(),
            files: checked.iter().filter(|&&c| c).count(),
        }
    }
}

/// The languages a name can be found in: a `TERM` name only in its own
/// language, other names in either (see `Tagger::choose`).
pub(crate) fn found_in(lang: NameLang, kind: EntityType) -> [bool; 2] {
    match (kind, lang) {
        (EntityType::Term, NameLang::Fr) => [true, false],
        (EntityType::Term, NameLang::En) => [false, true],
        _ => [true, true],
    }
}

/// Pairs `(name, earlier, lang)` of TERM names of two entities that the stem
/// search cannot tell apart in `lang`: the same stem keys word by word, and
/// words that differ only by inflection (but not the same folded name, which
/// [`clashes`] reports); the first such pair for each pair of entities.
fn stem_clashes(lexicon: &Lexicon) -> Vec<(usize, usize, Lang)> {
    let mut clashes = Vec::new();
    // Once per pair of entities and language: the first pair of names says it.
    let mut reported = std::collections::HashSet::new();
    let mut buf = StemBuf::default();
    for lang in [Lang::Fr, Lang::En] {
        let mut by_keys: HashMap<Vec<String>, Vec<(usize, Vec<StemToken>)>> = HashMap::new();
        for (i, name) in lexicon.names.iter().enumerate() {
            let entry = &lexicon.entries[name.entry];
            if !name.lang.fits(lang) || !is_stemmed(name, entry.kind) {
                continue;
            }
            let Some(tokens) = stem_tokens(&name.text, lang, &mut buf) else {
                continue;
            };
            let keys = tokens.iter().map(|t| t.key.clone()).collect();
            let earlier = by_keys.entry(keys).or_default();
            let clash = earlier.iter().find(|(j, theirs)| {
                lexicon.names[*j].entry != name.entry
                    && theirs
                        .iter()
                        .zip(&tokens)
                        .any(|(a, b)| a.folded != b.folded)
                    && theirs
                        .iter()
                        .zip(&tokens)
                        .all(|(a, b)| inflections_agree(&a.folded, &b.folded, lang))
            });
            if let Some((j, _)) = clash {
                let pair = (
                    name.entry.min(lexicon.names[*j].entry),
                    name.entry.max(lexicon.names[*j].entry),
                    lang,
                );
                if reported.insert(pair) {
                    clashes.push((i, *j, lang));
                }
            }
            earlier.push((i, tokens));
        }
    }
    clashes
}

/// A folded name that several entities share where the tagger can confuse them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedName {
    /// The folded form, e.g. `kim`.
    pub key: String,
    /// The names that fold to it and clash, in load order (indexes into
    /// [`Lexicon::names`]); they belong to two or more entities.
    pub names: Vec<usize>,
}

/// The folded names of `lexicon` shared by entities the tagger can confuse
/// (see the module doc), in the order they first clash.
pub fn shared_names(lexicon: &Lexicon) -> Vec<SharedName> {
    let mut shared: Vec<SharedName> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (name, earlier) in clashes(lexicon) {
        let key = fold_key(&lexicon.names[name].text);
        let i = *by_key.entry(key.clone()).or_insert_with(|| {
            shared.push(SharedName {
                key,
                names: Vec::new(),
            });
            shared.len() - 1
        });
        shared[i].names.extend([earlier, name]);
    }
    for s in &mut shared {
        s.names.sort_unstable();
        s.names.dedup();
    }
    shared
}

/// Pairs `(name, earlier)` where `name` folds like the `earlier` name of
/// another entity that the tagger can confuse it with: the first such earlier
/// name, for every name after the first entity's.
fn clashes(lexicon: &Lexicon) -> Vec<(usize, usize)> {
    let kind = |n: &Name| lexicon.entries[n.entry].kind;
    let names = &lexicon.names;
    let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
    let mut clashes = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let key = fold_key(&name.text);
        if key.is_empty() {
            continue;
        }
        let here = found_in(name.lang, kind(name));
        let earlier = by_key.entry(key).or_default();
        let clash = earlier.iter().copied().find(|&j| {
            let there = found_in(names[j].lang, kind(&names[j]));
            names[j].entry != name.entry && ((here[0] && there[0]) || (here[1] && there[1]))
        });
        if let Some(j) = clash {
            clashes.push((i, j));
        }
        earlier.push(i);
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Checks `files` (without the built-in context unless `builtin`) and
    /// renders the findings as the command prints them.
    fn check(builtin: bool, files: &[(&str, &str)]) -> Vec<String> {
        files
            .iter()
            .fold(LexiconBuilder::new().builtin(builtin), |b, (p, t)| {
                b.add_text(*p, *t)
            })
            .check()
            .findings()
            .iter()
            .map(Finding::to_string)
            .collect()
    }

    /// What is checked, with the built-in context or not, the files, the
    /// findings wanted (built-in line numbers cut off).
    type Case<'a> = (&'a str, bool, &'a [(&'a str, &'a str)], &'a [&'a str]);

    #[test]
    fn each_check_reports_what_it_should() {
        let cases: &[Case] = &[
            (
                "clean file",
                false,
                &[("a.csv", "entity,type,lang,name\nx,PER,en,X\nx,PER,fr,Iks\n")],
                &[],
            ),
            (
                "schema: missing column",
                false,
                &[("a.csv", "entity,type,name\nx,PER,X\n")],
                &[
                    "a.csv:1: header lacks column lang (found columns separated by commas: entity, type, name; a lexicon needs entity, type, lang and name)",
                ],
            ),
            (
                "unknown type and language",
                false,
                &[("a.csv", "entity,type,lang,name\nx,PERS,en,X\ny,PER,de,Y\n")],
                &[
                    "a.csv:2: unknown type \"PERS\"; did you mean PER? (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
                    "a.csv:3: unknown language \"de\" (expected fr, en or *)",
                ],
            ),
            (
                "empty and padded names",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,PER,en,\nx,PER,en, X\nx,PER,en,X\n",
                )],
                &[
                    "a.csv:2: empty name",
                    "a.csv:3: name \" X\" has leading or trailing spaces",
                ],
            ),
            (
                "bad id",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nNorth-Korea,GPE,en,North Korea\n",
                )],
                &[
                    "a.csv:2: entity id \"North-Korea\" must be lower-case letters, digits and _ only, e.g. sergei_shoigu",
                ],
            ),
            (
                "duplicate row in one file",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,PER,en,X\nx,PER,fr,X\nx,PER,en,X\n",
                )],
                &[
                    "a.csv:4: warning: duplicate row: same entity, type, lang and name as a.csv:2 (loading keeps one); delete one",
                ],
            ),
            (
                "duplicate row across checked files",
                false,
                &[
                    ("a.csv", "entity,type,lang,name\nx,PER,en,X\n"),
                    ("b.csv", "entity,type,lang,name\nx,PER,en,X\n"),
                ],
                &[
                    "b.csv:2: warning: duplicate row: same entity, type, lang and name as a.csv:2 (loading keeps one); delete one",
                ],
            ),
            (
                "rows disagree on type",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,PER,en,X\nx,ORG,en,X Inc\n",
                )],
                &["a.csv:3: entity x is ORG here but PER at a.csv:2; give all its rows one type"],
            ),
            (
                "stands_for names an unknown entity",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name,stands_for\nx,GPE,en,X,\ny,GPE,en,Y,x;nowhere\n",
                )],
                &[
                    "a.csv:3: stands_for names \"nowhere\", which is no entity of the loaded lexicons",
                ],
            ),
            (
                "shared folded name, same language",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,PER,en,Kim\ny,PER,en,KIM\n",
                )],
                &[
                    "a.csv:3: warning: name \"KIM\" (folded \"kim\") is also a name of entity x (a.csv:2); the tagger can only pick one",
                ],
            ),
            (
                "non-TERM names clash across languages",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,GPE,fr,Georgie\nx,GPE,en,Georgia\ny,PER,en,Géorgie\n",
                )],
                &[
                    "a.csv:4: warning: name \"Géorgie\" (folded \"georgie\") is also a name of entity x (a.csv:2); the tagger can only pick one",
                ],
            ),
            (
                "TERM names of different languages do not clash",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,TERM,fr,sort\nx,TERM,en,fate\ny,TERM,en,sort\ny,TERM,fr,trier\n",
                )],
                &[],
            ),
            (
                "TERM name clashes with a * name",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,TERM,*,radar\ny,TERM,en,radar\ny,TERM,fr,radar\n",
                )],
                &[
                    "a.csv:3: warning: name \"radar\" is also a name of entity x (a.csv:2); the tagger can only pick one",
                    "a.csv:4: warning: name \"radar\" is also a name of entity x (a.csv:2); the tagger can only pick one",
                ],
            ),
            (
                "variants of one entity may share a folded name",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nk,PER,en,Kim Jong Un\nk,PER,en,Kim Jong-un\n",
                )],
                &[],
            ),
            (
                "names of two concepts share a stem",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name,match\nwind,TERM,en,wind,\nwind,TERM,fr,vent,\nsale,TERM,en,sale,\nsale,TERM,fr,vente,\nsold,TERM,en,sold,\nsold,TERM,fr,ventes,exact\n",
                )],
                &[
                    "a.csv:5: warning: name \"vente\" shares its French stems with name \"vent\" of entity wind (a.csv:3); the tagger cannot tell their other forms apart: mark one `match=exact`, or drop it",
                ],
            ),
            (
                "unknown match value",
                false,
                &[("a.csv", "entity,type,lang,name,match\nx,TERM,en,x,stem\n")],
                &["a.csv:2: unknown match value \"stem\" (expected exact or nothing)"],
            ),
            (
                "two knowledge-base ids for one entity",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name,wikidata\nx,PER,en,X,Q1\nx,PER,en,Xx,\nx,PER,fr,Iks,Q2\nx,PER,fr,Ix,Q3\n",
                )],
                &[
                    "a.csv:4: warning: entity x has knowledge-base id \"Q2\" here but \"Q1\" at a.csv:2; the first is used: give all its rows one id",
                ],
            ),
            (
                "no English name",
                false,
                &[(
                    "a.csv",
                    "entity,type,lang,name\nx,TERM,fr,obus\ny,ORG,*,BBC\n",
                )],
                &[
                    "a.csv:2: warning: entity x has no English name: add an `en` row (or write `*` for a name the same in both languages)",
                ],
            ),
            (
                "a user name shared with a built-in entity",
                true,
                &[(
                    "mine.csv",
                    "entity,type,lang,name\nmy_korea,GPE,fr,Corée du Nord\nmy_korea,GPE,en,Best Korea\n",
                )],
                &[
                    "mine.csv:2: warning: name \"Corée du Nord\" (folded \"coree du nord\") is also a name of entity north_korea (lexicons/countries.csv:",
                ],
            ),
            (
                "a user row repeating a built-in row",
                true,
                &[(
                    "mine.csv",
                    "entity,type,lang,name\nnorth_korea,GPE,fr,Corée du Nord\n",
                )],
                &[
                    "mine.csv:2: warning: row is already in the built-in lexicons (lexicons/countries.csv:",
                ],
            ),
            (
                "a user row disagreeing with a built-in entity's type",
                true,
                &[(
                    "mine.csv",
                    "entity,type,lang,name\nnorth_korea,ORG,en,DPRK Ltd\n",
                )],
                &["mine.csv:2: entity north_korea is ORG here but GPE at lexicons/countries.csv:"],
            ),
            (
                "stands_for may name a built-in entity",
                true,
                &[(
                    "mine.csv",
                    "entity,type,lang,name,stands_for\nwonsan,GPE,*,Wonsan,north_korea\n",
                )],
                &[],
            ),
            (
                "without the built-in context, it may not",
                false,
                &[(
                    "mine.csv",
                    "entity,type,lang,name,stands_for\nwonsan,GPE,*,Wonsan,north_korea\n",
                )],
                &[
                    "mine.csv:2: stands_for names \"north_korea\", which is no entity of the loaded lexicons",
                ],
            ),
            (
                "a copy of a built-in file is checked as the user's",
                true,
                &[("copy.csv", builtin::FILES[1].1)],
                &[],
            ),
        ];
        for (what, builtin, files, want) in cases {
            let got = check(*builtin, files);
            assert_eq!(got.len(), want.len(), "{what}: {got:#?}");
            for (g, w) in got.iter().zip(want.iter()) {
                // Built-in line numbers change with the data: compare up to them.
                assert!(g.starts_with(w), "{what}:\n got {g}\nwant {w}");
            }
        }
    }

    #[test]
    fn findings_are_sorted_by_file_then_line_and_counted() {
        let report = LexiconBuilder::new()
            .builtin(false)
            .add_text(
                "a.csv",
                "entity,type,lang,name\nx,TERM,fr,obus\nx,TERM,fr,obus\ny,BAD,en,Y\n",
            )
            .add_text("b.csv", "entity,type,lang,name\nz,PER,en,Z\nz,PER,fr,Z\n")
            .check();
        let lines: Vec<String> = report.findings().iter().map(Finding::to_string).collect();
        assert_eq!(
            lines,
            [
                "a.csv:2: warning: entity x has no English name: add an `en` row (or write `*` for a name the same in both languages)",
                "a.csv:3: warning: duplicate row: same entity, type, lang and name as a.csv:2 (loading keeps one); delete one",
                "a.csv:4: unknown type \"BAD\" (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
            ]
        );
        assert_eq!(
            (report.errors(), report.warnings(), report.files()),
            (1, 2, 2)
        );
    }

    #[test]
    fn shared_names_group_the_clashing_names_by_folded_key() {
        let lex = LexiconBuilder::new()
            .builtin(false)
            .add_text(
                "a.csv",
                "entity,type,lang,name\nx,PER,en,Kim\ny,PER,en,KIM\nz,PER,*,kim\nx,PER,en,Xi\nt,TERM,fr,xi\n",
            )
            .build()
            .unwrap();
        let shared = shared_names(&lex);
        assert_eq!(
            shared,
            [
                SharedName {
                    key: "kim".into(),
                    names: vec![0, 1, 2]
                },
                SharedName {
                    key: "xi".into(),
                    names: vec![3, 4]
                }
            ]
        );
    }

    #[test]
    fn the_built_in_lexicons_have_no_errors() {
        let report = LexiconBuilder::new().check();
        let errors: Vec<String> = report
            .findings()
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(Finding::to_string)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        assert_eq!(report.files(), builtin::FILES.len());
    }
}
