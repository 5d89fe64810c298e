//! Lexicons: CSV rows merged into entries, each with its names.
//!
//! The shipped files in `lexicons/` are built into the binary ([`builtin`]);
//! user files are read with the same parser. Loading checks every row of every
//! file and reports all problems at once; a lexicon with any problem is not
//! built, so nothing is ever half-loaded.

pub mod add;
pub mod builtin;
pub mod check;
pub mod import;
mod kinds;
pub mod rows;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

pub use rows::{EntityType, NameLang, Row};

use crate::error::{Error, ErrorKind, Problem, Result};
use rustc_hash::FxBuildHasher as FxBuild;

/// The optional column that lets a name stand for another entry: a capital or
/// a seat of government used for its country (`Pyongyang` → `north_korea`).
pub const STANDS_FOR_COLUMN: &str = "stands_for";

/// The optional column that says how a name may match: `exact` keeps a TERM
/// name from matching other forms of its words through their stems (it
/// matches as listed, after folding). Empty: the default.
pub const MATCH_COLUMN: &str = "match";

/// The one value [`MATCH_COLUMN`] takes.
pub const MATCH_EXACT: &str = "exact";

/// The optional columns that give an entry's id in a knowledge base, in the
/// order they are looked at: `kb_id`, or `wikidata` (a Q-id such as `Q7747`).
/// Output as a mention's `kb_id`, as spaCy's entity linker does.
pub const KB_ID_COLUMNS: [&str; 2] = ["kb_id", "wikidata"];

/// One entry: a person, place, organisation… or a TERM concept.
#[derive(Clone, Debug)]
pub struct Entry {
    /// Stable id, e.g. `sergei_shoigu`.
    pub id: String,
    /// Its type.
    pub kind: EntityType,
    /// Its first `en` name, else its first name.
    pub label: String,
    /// Its id in a knowledge base: the first value of a [`KB_ID_COLUMNS`]
    /// column among its rows, if any.
    pub kb_id: Option<String>,
    /// Entries this one also stands for (indexes into [`Lexicon::entries`]).
    pub stands_for: Vec<usize>,
    /// Its names (indexes into [`Lexicon::names`]), in file order.
    pub names: Vec<usize>,
}

/// One name of one entry, with where it was written.
#[derive(Clone, Debug)]
pub struct Name {
    /// Index of its entry in [`Lexicon::entries`].
    pub entry: usize,
    /// The language it is used in.
    pub lang: NameLang,
    /// The surface form as written in the CSV.
    pub text: String,
    /// Index of its file in [`Lexicon::files`].
    pub file: usize,
    /// Its line in that file.
    pub line: u64,
    /// The row's optional columns.
    pub extra: BTreeMap<String, String>,
}

/// A lexicon file that was loaded.
#[derive(Clone, Debug)]
pub struct LexiconFile {
    /// Its path (`lexicons/people.csv` for a built-in one).
    pub path: PathBuf,
    /// True for the files built into the binary.
    pub builtin: bool,
}

/// Entries and names from one or more files, ready for the tagger.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    names: Vec<Name>,
    files: Vec<LexiconFile>,
    by_id: HashMap<String, usize, FxBuild>,
}

impl Lexicon {
    /// The built-in lexicons alone, parsed once per process and shared:
    /// every call hands out the same lexicon, ready for [`Tagger::new`](crate::Tagger::new).
    pub fn builtin() -> Arc<Lexicon> {
        static BUILTIN: OnceLock<Arc<Lexicon>> = OnceLock::new();
        Arc::clone(BUILTIN.get_or_init(|| {
            Arc::new(LexiconBuilder::new().build().unwrap_or_else(|e| {
                panic!("the built-in lexicons are invalid (a build bug):\n{e}")
            }))
        }))
    }

    /// A builder starting from the built-in lexicons.
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::new()
    }

    /// All entries, in the order first seen.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// All names, in load order.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The files loaded, in load order.
    pub fn files(&self) -> &[LexiconFile] {
        &self.files
    }

    /// The entry with this id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.by_id.get(id).map(|&i| &self.entries[i])
    }

    /// The index of the entry with this id.
    pub fn entry_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entry a name belongs to.
    pub fn entry_of(&self, name: &Name) -> &Entry {
        &self.entries[name.entry]
    }
}

/// Collects lexicon files, then builds a [`Lexicon`] or reports every problem.
#[derive(Clone, Debug)]
pub struct LexiconBuilder {
    builtin: bool,
    files: Vec<(PathBuf, String)>,
}

impl Default for LexiconBuilder {
    fn default() -> Self {
        LexiconBuilder::new()
    }
}

impl LexiconBuilder {
    /// A builder that includes the built-in lexicons.
    pub fn new() -> LexiconBuilder {
        LexiconBuilder {
            builtin: true,
            files: Vec::new(),
        }
    }

    /// Whether to include the built-in lexicons (`--no-default-lexicon` turns them off).
    pub fn builtin(mut self, yes: bool) -> LexiconBuilder {
        self.builtin = yes;
        self
    }

    /// Adds a CSV file, or every `*.csv` file of a directory (in name order).
    pub fn add_path(mut self, path: &Path) -> Result<LexiconBuilder> {
        for file in csv_files(path)? {
            let text = crate::input::read_text(&file)?;
            self.files.push((file, text));
        }
        Ok(self)
    }

    /// Adds a lexicon given as text; `path` is used in messages.
    pub fn add_text(mut self, path: impl Into<PathBuf>, text: impl Into<String>) -> LexiconBuilder {
        self.files.push((path.into(), text.into()));
        self
    }

    /// As [`build`](Self::build), shared: the built-in lexicons alone are
    /// the one copy [`Lexicon::builtin`] keeps, not a second. Neither
    /// built-in lexicons nor files is a usage error.
    pub fn build_shared(&self) -> Result<Arc<Lexicon>> {
        match (self.builtin, self.files.is_empty()) {
            (true, true) => Ok(Lexicon::builtin()),
            (false, true) => Err(Error::new(
                ErrorKind::Usage,
                "no lexicon: the built-in lexicons are off and no lexicon file was given",
            )),
            _ => Ok(Arc::new(self.build()?)),
        }
    }

    /// Parses and checks every file; builds the lexicon only if all is well.
    pub fn build(&self) -> Result<Lexicon> {
        let mut merger = Merger::default();
        if self.builtin {
            for (path, text) in builtin::FILES {
                merger.add_file(Path::new(path), text, true);
            }
        }
        for (path, text) in &self.files {
            merger.add_file(path, text, false);
        }
        merger.finish()
    }
}

/// The CSV files a `--lexicon PATH` names: the file itself, or a directory's `*.csv`.
pub fn csv_files(path: &Path) -> Result<Vec<PathBuf>> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
    if !meta.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(|e| Error::io(path, &e))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv") && !p.is_dir())
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::in_file(
            ErrorKind::Io,
            path,
            "directory holds no .csv lexicon file",
        ));
    }
    Ok(files)
}

/// Up to this many names, an entry's duplicates are found by scanning its names.
const SCAN_NAMES: usize = 16;

/// Merges rows of several files into entries, collecting problems. Loading
/// ([`LexiconBuilder::build`]) and checking ([`LexiconBuilder::check`]) run
/// this same pass, so they agree on what an error is.
#[derive(Default)]
struct Merger {
    lexicon: Lexicon,
    /// Every problem, with the index of the file it is in.
    problems: Vec<(usize, Problem)>,
    /// For each `(entry, lang, name)`, the name that first had it.
    seen: HashMap<(usize, crate::lexicon::NameLang, String), usize, FxBuild>,
    /// Rows that repeat an earlier row: (file, line, the earlier name).
    duplicates: Vec<(usize, u64, usize)>,
    /// Per entry: the raw `stands_for` ids and where they were written.
    stands_for: Vec<Vec<(String, usize, u64)>>,
}

impl Merger {
    fn add_file(&mut self, path: &Path, text: &str, builtin: bool) {
        let parsed = rows::parse(path, text);
        let file = self.lexicon.files.len();
        self.problems
            .extend(parsed.problems.into_iter().map(|p| (file, p)));
        self.lexicon.files.push(LexiconFile {
            path: path.to_path_buf(),
            builtin,
        });
        // At most one entry per row: reserved up front, since growing the id
        // table by doubling was a fifth of loading a million names (capacity
        // never written costs no memory).
        let rows = parsed.rows.len();
        self.lexicon.names.reserve(rows);
        self.lexicon.entries.reserve(rows);
        self.lexicon.by_id.reserve(rows);
        self.stands_for.reserve(rows);
        for row in parsed.rows {
            self.add_row(row, file);
        }
    }

    fn add_row(&mut self, mut row: Row, file: usize) {
        let lex = &mut self.lexicon;
        let entry = match lex.by_id.get(&row.entity) {
            Some(&i) => {
                let first = &lex.entries[i];
                if first.kind != row.kind {
                    let name = &lex.names[first.names[0]];
                    let problem = Problem {
                        path: Some(lex.files[file].path.clone()),
                        line: Some(row.line),
                        message: format!(
                            "entity {} is {} here but {} at {}:{}; give all its rows one type",
                            row.entity,
                            row.kind,
                            first.kind,
                            lex.files[name.file].path.display(),
                            name.line
                        ),
                    };
                    self.problems.push((file, problem));
                    return;
                }
                i
            }
            None => {
                let i = lex.entries.len();
                lex.by_id.insert(row.entity.clone(), i);
                lex.entries.push(Entry {
                    id: std::mem::take(&mut row.entity),
                    kind: row.kind,
                    label: String::new(),
                    kb_id: None,
                    stands_for: Vec::new(),
                    names: Vec::new(),
                });
                self.stands_for.push(Vec::new());
                i
            }
        };
        let name = lex.names.len();
        // The same name twice is harmless when loading: keep the first (and
        // remember the repeat for `check`).
        if let Some(first) = self.existing_name(entry, row.lang, &row.name) {
            self.duplicates.push((file, row.line, first));
            return;
        }
        let lex = &mut self.lexicon;
        if lex.entries[entry].names.len() >= SCAN_NAMES {
            self.seen.insert((entry, row.lang, row.name.clone()), name);
        }
        if let Some(targets) = row.extra.get(STANDS_FOR_COLUMN) {
            for target in targets.split(';').map(str::trim).filter(|t| !t.is_empty()) {
                self.stands_for[entry].push((target.to_string(), file, row.line));
            }
        }
        lex.entries[entry].names.push(name);
        lex.names.push(Name {
            entry,
            lang: row.lang,
            text: std::mem::take(&mut row.name),
            file,
            line: row.line,
            extra: row.extra,
        });
        if lex.entries[entry].names.len() == SCAN_NAMES {
            for &n in &lex.entries[entry].names {
                self.seen
                    .insert((entry, lex.names[n].lang, lex.names[n].text.clone()), n);
            }
        }
    }

    /// The name of `entry` already merged with this language and text, if any.
    /// An entry with few names is checked by looking at them (no copy, no
    /// hashing); one with many through `seen`, which holds all its names from
    /// the [`SCAN_NAMES`]th on.
    fn existing_name(&self, entry: usize, lang: NameLang, text: &str) -> Option<usize> {
        let lex = &self.lexicon;
        let known = &lex.entries.get(entry)?.names;
        if known.len() < SCAN_NAMES {
            known
                .iter()
                .copied()
                .find(|&n| lex.names[n].lang == lang && lex.names[n].text == text)
        } else {
            self.seen.get(&(entry, lang, text.to_string())).copied()
        }
    }

    /// Links each entry to the entries its `stands_for` names, reporting ids
    /// that name no entry of the merged files.
    fn resolve_stands_for(&mut self) {
        let lex = &mut self.lexicon;
        for (entry, targets) in self.stands_for.iter().enumerate() {
            for (target, file, line) in targets {
                match lex.by_id.get(target) {
                    Some(&t) if t != entry => {
                        if !lex.entries[entry].stands_for.contains(&t) {
                            lex.entries[entry].stands_for.push(t);
                        }
                    }
                    Some(_) => {}
                    None => self.problems.push((
                        *file,
                        Problem {
                            path: Some(lex.files[*file].path.clone()),
                            line: Some(*line),
                            message: format!(
                                "stands_for names {target:?}, which is no entity of the loaded lexicons"
                            ),
                        },
                    )),
                }
            }
        }
    }

    fn finish(mut self) -> Result<Lexicon> {
        self.resolve_stands_for();
        if !self.problems.is_empty() {
            let problems = self.problems.into_iter().map(|(_, p)| p).collect();
            return Err(Error::many(ErrorKind::Lexicon, problems));
        }
        let lex = &mut self.lexicon;
        for entry in &mut lex.entries {
            let label = entry
                .names
                .iter()
                .map(|&n| &lex.names[n])
                .find(|n| n.lang == NameLang::En)
                .unwrap_or(&lex.names[entry.names[0]]);
            entry.label = label.text.clone();
            entry.kb_id = entry
                .names
                .iter()
                .find_map(|&n| kb_id(&lex.names[n]))
                .map(str::to_string);
        }
        Ok(self.lexicon)
    }
}

/// The knowledge-base id a row gives (see [`KB_ID_COLUMNS`]), if any.
pub fn kb_id(name: &Name) -> Option<&str> {
    KB_ID_COLUMNS
        .iter()
        .find_map(|c| name.extra.get(*c))
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(files: &[(&str, &str)]) -> Result<Lexicon> {
        files
            .iter()
            .fold(LexiconBuilder::new().builtin(false), |b, (p, t)| {
                b.add_text(*p, *t)
            })
            .build()
    }

    #[test]
    fn merges_files_and_picks_the_first_english_label() {
        let lex = build(&[
            (
                "a.csv",
                "entity,type,lang,name\nputin,PER,fr,Poutine\nputin,PER,en,Putin\n",
            ),
            (
                "b.csv",
                "entity,type,lang,name\nputin,PER,en,Vladimir Putin\nputin,PER,fr,Poutine\n",
            ),
        ])
        .unwrap();
        let e = lex.entry("putin").unwrap();
        assert_eq!(e.label, "Putin");
        assert_eq!(e.names.len(), 3, "the duplicate row is kept once");
        assert_eq!(lex.files().len(), 2);
    }

    #[test]
    fn duplicate_names_are_kept_once_however_many_names_an_entry_has() {
        let mut csv = String::from("entity,type,lang,name\n");
        for round in 0..2 {
            for i in 0..40 {
                csv.push_str(&format!("many,PER,en,Name {i}\n"));
                if round == 0 {
                    csv.push_str(&format!("many,PER,fr,Name {i}\n"));
                }
            }
        }
        let lex = build(&[("a.csv", &csv)]).unwrap();
        assert_eq!(
            lex.entry("many").unwrap().names.len(),
            80,
            "one per (language, name)"
        );
    }

    #[test]
    fn an_entry_takes_the_first_knowledge_base_id_of_its_rows() {
        let lex = build(&[(
            "a.csv",
            "entity,type,lang,name,Wikidata\nputin,PER,fr,Poutine,\nputin,PER,en,Putin,Q7747\nputin,PER,en,V. Putin,Q1\nx,PER,en,X,\n",
        )])
        .unwrap();
        assert_eq!(lex.entry("putin").unwrap().kb_id.as_deref(), Some("Q7747"));
        assert_eq!(lex.entry("x").unwrap().kb_id, None);
        let lex = build(&[(
            "b.csv",
            "entity,type,lang,name,kb_id,wikidata\ny,ORG,en,Y,ent:42,Q2\n",
        )])
        .unwrap();
        assert_eq!(
            lex.entry("y").unwrap().kb_id.as_deref(),
            Some("ent:42"),
            "kb_id first"
        );
    }

    #[test]
    fn stands_for_resolves_to_entries() {
        let lex = build(&[(
            "a.csv",
            "entity,type,lang,name,stands_for\nrussia,GPE,en,Russia,\nmoscow,GPE,en,Moscow,russia\nmoscow,GPE,fr,Moscou,russia\n",
        )])
        .unwrap();
        let moscow = lex.entry("moscow").unwrap();
        assert_eq!(moscow.stands_for, vec![lex.entry_index("russia").unwrap()]);
    }

    #[test]
    fn problems_across_files_are_all_reported_and_nothing_is_built() {
        let err = build(&[
            (
                "a.csv",
                "entity,type,lang,name\nputin,PER,en,Putin\nx,BAD,en,X\n",
            ),
            (
                "b.csv",
                "entity,type,lang,name,stands_for\nputin,ORG,en,Putin Inc,\ny,GPE,en,Y,nowhere\n",
            ),
        ])
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Lexicon);
        let lines: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert!(lines[0].starts_with("a.csv:3: unknown type \"BAD\""));
        assert_eq!(
            lines[1],
            "b.csv:2: entity putin is ORG here but PER at a.csv:2; give all its rows one type"
        );
        assert_eq!(
            lines[2],
            "b.csv:3: stands_for names \"nowhere\", which is no entity of the loaded lexicons"
        );
    }

    #[test]
    fn a_directory_needs_csv_files() {
        let dir = tempfile::tempdir().unwrap();
        let err = LexiconBuilder::new().add_path(dir.path()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("directory holds no .csv lexicon file")
        );
        std::fs::write(
            dir.path().join("b.csv"),
            "entity,type,lang,name\nb,PER,en,B\n",
        )
        .unwrap();
        std::fs::write(
            dir.path().join("a.csv"),
            "entity,type,lang,name\na,PER,en,A\n",
        )
        .unwrap();
        std::fs::write(dir.path().join("notes.txt"), "not a lexicon").unwrap();
        let lex = LexiconBuilder::new()
            .builtin(false)
            .add_path(dir.path())
            .unwrap()
            .build()
            .unwrap();
        let ids: Vec<&str> = lex.entries().iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
    }
}
