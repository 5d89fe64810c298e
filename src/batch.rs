//! Aligning many pairs of articles: a CSV manifest or JSON lines in, one JSON
//! line per pair out, in input order, whatever the number of threads.
//!
//! The input is read in bounded chunks ([`Batch::chunk_size`] pairs): a chunk
//! is aligned in parallel on the batch's own thread pool, written in input
//! order, then the next chunk is read. So memory stays bounded by one chunk of
//! articles, however long the input.
//!
//! A pair that cannot be aligned (a missing file, a text that is not UTF-8, a
//! bad manifest row or JSON line) gives an `{"id": …, "error": …}` line and
//! the batch goes on; only an input that cannot be read at all stops it.
//!
//! Each pair has an id: the manifest's `id` column or the JSON line's `id`
//! (a string or a number), else its 1-based position in the input.
//!
//! One rule for relative paths ([`Base`]): they resolve against the folder of
//! the file that lists them (the CSV manifest or the `.jsonl` file), and
//! against the current folder when the list comes on standard input. A
//! missing article's error says which folder that was.
//!
//! ```
//! use entente::align::{AlignOptions, Aligner};
//! use entente::batch::{Base, Batch, JsonLinesReader, LangDefaults};
//! use entente::{Lexicon, TagOptions, Tagger};
//!
//! let tagger = Tagger::new(Lexicon::builtin(), TagOptions::default());
//! let aligner = Aligner::new(tagger, AlignOptions::default());
//! let input = r#"{"id": "a", "left": {"text": "Poutine a reçu Kim Jong-un.", "lang": "fr"}, "right": {"text": "Putin met Kim Jong Un.", "lang": "en"}}"#;
//! let mut reader = JsonLinesReader::new(input.as_bytes(), Base::current());
//! let mut out = Vec::new();
//! let batch = Batch::new(&aligner, LangDefaults::default(), 2).unwrap();
//! let summary = batch.run(&mut reader, &mut out, |_| {}).unwrap();
//! assert_eq!((summary.pairs, summary.errors), (1, 0));
//! assert!(String::from_utf8(out).unwrap().starts_with(r#"{"id":"a","left":"#));
//! ```

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::align::{Aligner, Analysis};
use crate::detect::detect;
use crate::error::{Error, ErrorKind};
use crate::report::alignment::{AlignedPair, JsonAlignment};
use crate::report::meta::Meta;
use crate::span::{Lang, Offsets};

/// Pairs read per thread before a chunk is aligned: enough to keep every
/// thread busy while one slow pair finishes, small enough to bound memory.
pub const CHUNK_PER_JOB: usize = 4;

/// The folder relative paths of a list of pairs resolve against: the folder
/// of the list's file, or the current folder for standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Base {
    /// Joined with relative paths (empty for the current folder).
    dir: PathBuf,
    /// The list file whose folder it is; `None` for the current folder.
    list: Option<PathBuf>,
}

impl Base {
    /// The current folder (a list read from standard input).
    pub fn current() -> Base {
        Base {
            dir: PathBuf::new(),
            list: None,
        }
    }

    /// The folder of the list file `list`.
    pub fn folder_of(list: &Path) -> Base {
        Base {
            dir: list.parent().map(Path::to_path_buf).unwrap_or_default(),
            list: Some(list.to_path_buf()),
        }
    }

    /// `path` resolved against this folder (an absolute path stays as it is).
    pub fn resolve(&self, path: &Path) -> PathBuf {
        self.dir.join(path)
    }

    /// Says the rule for messages: `relative paths resolve against /x/y, the
    /// folder of pairs.jsonl`, with the folder made absolute.
    pub fn describe(&self) -> String {
        let absolute = if self.dir.as_os_str().is_empty() {
            std::env::current_dir()
        } else {
            std::path::absolute(&self.dir)
        };
        let dir = absolute.unwrap_or_else(|_| self.dir.clone());
        match &self.list {
            Some(list) => format!(
                "relative paths resolve against {}, the folder of {}",
                dir.display(),
                list.display()
            ),
            None => format!(
                "relative paths resolve against {}, the current folder",
                dir.display()
            ),
        }
    }
}

/// Where one side's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file (already resolved against the list's [`Base`]).
    Path(PathBuf),
    /// The text itself (a JSON line's `text`).
    Text(String),
}

/// One side of a pair: its text and, if known, its language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideSpec {
    /// The text or where to read it.
    pub source: Source,
    /// Its language; when `None`, the batch's default, else detection.
    pub lang: Option<Lang>,
    /// The base a relative path was resolved against (said if the file is missing).
    pub base: Option<Base>,
}

impl SideSpec {
    /// A side read from `path` as the list gives it, resolved against `base`.
    pub fn path(path: &Path, base: &Base, lang: Option<Lang>) -> SideSpec {
        SideSpec {
            source: Source::Path(base.resolve(path)),
            lang,
            base: path.is_relative().then(|| base.clone()),
        }
    }
}

/// One pair to align.
#[derive(Clone, Debug, PartialEq)]
pub struct PairSpec {
    /// Its id, a JSON string or number.
    pub id: Value,
    /// The left article (usually French).
    pub left: SideSpec,
    /// The right article (usually English).
    pub right: SideSpec,
}

/// One input record, as read; parsing and reading files happen in parallel.
#[derive(Clone, Debug)]
pub enum Item {
    /// A pair ready to align.
    Pair(PairSpec),
    /// A JSON line not parsed yet: its bytes, its line and its position.
    JsonLine {
        /// The line's bytes, without the line end.
        bytes: Vec<u8>,
        /// Its 1-based line in the input.
        line: u64,
        /// Its 1-based position among the pairs (the default id).
        number: u64,
        /// What relative paths resolve against.
        base: Base,
    },
    /// A record that names a pair but cannot be used.
    Invalid {
        /// The pair's id (or its position).
        id: Value,
        /// What is wrong.
        error: String,
    },
}

/// A source of input records. `None` at the end; `Some(Err(…))` when the
/// input itself can no longer be read (the batch stops).
pub trait PairReader {
    /// The next record.
    fn next_item(&mut self) -> Option<Result<Item, Error>>;
}

/// Reads a CSV manifest: a header with `left` and `right` columns, an optional
/// `id` column, optional `left_lang`/`right_lang`; column order is free.
/// Relative paths are resolved against `base` (the manifest's folder).
pub struct ManifestReader<R: Read> {
    path: PathBuf,
    base: Base,
    records: csv::StringRecordsIntoIter<R>,
    columns: ManifestColumns,
    width: usize,
    number: u64,
}

struct ManifestColumns {
    left: usize,
    right: usize,
    id: Option<usize>,
    left_lang: Option<usize>,
    right_lang: Option<usize>,
}

impl ManifestReader<BufReader<File>> {
    /// Opens a manifest file and reads its header; paths in it are relative to its directory.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            return Err(Error::in_file(
                ErrorKind::Io,
                path,
                "is a directory, not a manifest file",
            ));
        }
        let file = File::open(path).map_err(|e| Error::io(path, &e))?;
        ManifestReader::new(BufReader::new(file), path, Base::folder_of(path))
    }
}

impl<R: Read> ManifestReader<R> {
    /// A manifest read from `reader`; `path` names it in messages, `base` resolves relative paths.
    pub fn new(reader: R, path: &Path, base: Base) -> Result<Self, Error> {
        let mut csv = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(reader);
        let mut header = csv::StringRecord::new();
        let bad = |message: String| Error::at_line(ErrorKind::Input, path, 1, message);
        match csv.read_record(&mut header) {
            Ok(true) => {}
            Ok(false) => {
                return Err(bad(
                    "empty manifest: expected a header row `left,right,id`".into()
                ));
            }
            Err(e) if e.is_io_error() => {
                return Err(Error::in_file(ErrorKind::Io, path, e.to_string()));
            }
            Err(e) => return Err(bad(format!("unreadable header: {e}"))),
        }
        let names: Vec<&str> = header
            .iter()
            .map(|h| h.trim().trim_start_matches('\u{feff}'))
            .collect();
        let at = |name: &str| names.iter().position(|h| *h == name);
        let (Some(left), Some(right)) = (at("left"), at("right")) else {
            return Err(bad(format!(
                "the header {:?} lacks a `left` or `right` column (expected `left,right` and optionally `id`)",
                names.join(",")
            )));
        };
        let columns = ManifestColumns {
            left,
            right,
            id: at("id"),
            left_lang: at("left_lang"),
            right_lang: at("right_lang"),
        };
        Ok(ManifestReader {
            path: path.to_path_buf(),
            base,
            records: csv.into_records(),
            columns,
            width: names.len(),
            number: 0,
        })
    }

    fn pair(&self, record: &csv::StringRecord, line: u64) -> Result<PairSpec, (Value, String)> {
        let c = &self.columns;
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let id = match c.id.map(field) {
            Some(id) if !id.is_empty() => Value::String(id.to_string()),
            _ => Value::from(self.number),
        };
        let at = format!("{}:{line}", self.path.display());
        if record.len() != self.width {
            let message = format!(
                "{at}: row has {} field{}, the header has {} (check for a missing or extra comma)",
                record.len(),
                if record.len() == 1 { "" } else { "s" },
                self.width
            );
            return Err((id, message));
        }
        let side =
            |path_col: usize, lang_col: Option<usize>, which: &str| -> Result<SideSpec, String> {
                let path = field(path_col);
                if path.is_empty() {
                    return Err(format!("{at}: empty `{which}` path"));
                }
                let lang = match lang_col.map(field).filter(|l| !l.is_empty()) {
                    Some(l) => Some(
                        l.parse::<Lang>()
                            .map_err(|e| format!("{at}: {which}_lang: {e}"))?,
                    ),
                    None => None,
                };
                Ok(SideSpec::path(Path::new(path), &self.base, lang))
            };
        let left = side(c.left, c.left_lang, "left").map_err(|e| (id.clone(), e))?;
        let right = side(c.right, c.right_lang, "right").map_err(|e| (id.clone(), e))?;
        Ok(PairSpec { id, left, right })
    }
}

impl<R: Read> PairReader for ManifestReader<R> {
    fn next_item(&mut self) -> Option<Result<Item, Error>> {
        let record = self.records.next()?;
        self.number += 1;
        Some(match record {
            Ok(record) => {
                let line = record.position().map_or(0, |p| p.line());
                Ok(match self.pair(&record, line) {
                    Ok(pair) => Item::Pair(pair),
                    Err((id, error)) => Item::Invalid { id, error },
                })
            }
            Err(e) if e.is_io_error() => {
                Err(Error::in_file(ErrorKind::Io, &self.path, e.to_string()))
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                let error = format!("{}:{line}: unreadable row: {e}", self.path.display());
                Ok(Item::Invalid {
                    id: Value::from(self.number),
                    error,
                })
            }
        })
    }
}

/// Reads JSON lines, one pair per line (blank lines are skipped):
/// `{"id": …, "left": {"text"|"path": …, "lang"?: …}, "right": {…}}`.
/// Relative paths are resolved against `base`.
pub struct JsonLinesReader<R: BufRead> {
    reader: R,
    base: Base,
    name: PathBuf,
    line: u64,
    number: u64,
}

impl<R: BufRead> JsonLinesReader<R> {
    /// JSON lines read from `reader`; relative paths resolve against `base`.
    pub fn new(reader: R, base: Base) -> Self {
        JsonLinesReader {
            reader,
            base,
            name: PathBuf::from("-"),
            line: 0,
            number: 0,
        }
    }

    /// Names the input in messages (`-` by default).
    pub fn named(mut self, name: &Path) -> Self {
        self.name = name.to_path_buf();
        self
    }
}

impl JsonLinesReader<BufReader<File>> {
    /// Opens a JSON lines file; paths in it are relative to its folder.
    pub fn open(path: &Path) -> Result<Self, Error> {
        let file = File::open(path).map_err(|e| Error::io(path, &e))?;
        Ok(JsonLinesReader::new(BufReader::new(file), Base::folder_of(path)).named(path))
    }
}

impl<R: BufRead> PairReader for JsonLinesReader<R> {
    fn next_item(&mut self) -> Option<Result<Item, Error>> {
        loop {
            let mut bytes = Vec::new();
            match self.reader.read_until(b'\n', &mut bytes) {
                Ok(0) => return None,
                Ok(_) => {}
                Err(e) => return Some(Err(Error::io(&self.name, &e))),
            }
            self.line += 1;
            while bytes.last().is_some_and(|b| matches!(b, b'\n' | b'\r')) {
                bytes.pop();
            }
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.number += 1;
            return Some(Ok(Item::JsonLine {
                bytes,
                line: self.line,
                number: self.number,
                base: self.base.clone(),
            }));
        }
    }
}

/// A JSON line's pair.
#[derive(Deserialize)]
struct JsonPair {
    left: JsonSide,
    right: JsonSide,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct JsonSide {
    text: Option<String>,
    path: Option<PathBuf>,
    lang: Option<Lang>,
}

/// Parses one JSON line into a pair, or says why it cannot (with the best id known).
fn parse_json_line(
    bytes: Vec<u8>,
    line: u64,
    number: u64,
    base: &Base,
) -> Result<PairSpec, (Value, String)> {
    let default_id = Value::from(number);
    let fail = |id: Value, what: String| Err((id, format!("line {line}: {what}")));
    let mut value: Value = match serde_json::from_slice(&bytes) {
        Ok(v) => v,
        Err(e) => return fail(default_id, format!("not a JSON object: {e}")),
    };
    let Some(object) = value.as_object_mut() else {
        return fail(default_id, "not a JSON object".into());
    };
    let id = match object.remove("id") {
        None | Some(Value::Null) => default_id,
        Some(id @ (Value::String(_) | Value::Number(_))) => id,
        Some(_) => return fail(default_id, "`id` must be a string or a number".into()),
    };
    let pair: JsonPair = match serde_json::from_value(value) {
        Ok(p) => p,
        Err(e) => {
            return fail(
                id,
                format!("{e} (expected {{\"left\": {{\"text\"|\"path\": …}}, \"right\": {{…}}}})"),
            );
        }
    };
    let side = |s: JsonSide, which: &str| -> Result<SideSpec, String> {
        match (s.text, s.path) {
            (Some(text), None) => Ok(SideSpec {
                source: Source::Text(text),
                lang: s.lang,
                base: None,
            }),
            (None, Some(path)) => Ok(SideSpec::path(&path, base, s.lang)),
            (Some(_), Some(_)) => Err(format!("`{which}` has both `text` and `path`; give one")),
            (None, None) => Err(format!("`{which}` needs a `text` or a `path`")),
        }
    };
    let left = match side(pair.left, "left") {
        Ok(s) => s,
        Err(e) => return fail(id, e),
    };
    let right = match side(pair.right, "right") {
        Ok(s) => s,
        Err(e) => return fail(id, e),
    };
    Ok(PairSpec { id, left, right })
}

/// Languages for sides that do not say theirs; `None` means detect.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangDefaults {
    /// For left sides.
    pub left: Option<Lang>,
    /// For right sides.
    pub right: Option<Lang>,
}

/// What came of one pair.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// Its id.
    pub id: Value,
    /// The JSON line written for it, without the line end.
    pub line: String,
    /// How many links it has.
    pub links: usize,
    /// Why it failed, if it did.
    pub error: Option<String>,
}

/// Counts of a finished batch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Pairs read (aligned or failed).
    pub pairs: u64,
    /// Links written.
    pub links: u64,
    /// Pairs that failed.
    pub errors: u64,
}

/// Aligns a stream of pairs with one [`Aligner`] on a thread pool of its own.
pub struct Batch<'a> {
    aligner: &'a Aligner,
    langs: LangDefaults,
    pool: rayon::ThreadPool,
    jobs: usize,
    meta: Option<Meta>,
    offsets: Offsets,
}

/// A thread pool of its own (not rayon's global one) with `jobs` threads
/// named `entente-WHAT-N`, shared by `batch` and `corpus`.
pub(crate) fn thread_pool(jobs: usize, what: &'static str) -> Result<rayon::ThreadPool, Error> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .thread_name(move |i| format!("entente-{what}-{i}"))
        .build()
        .map_err(|e| {
            Error::new(
                ErrorKind::Usage,
                format!("cannot start {jobs} threads: {e}"),
            )
        })
}

impl<'a> Batch<'a> {
    /// A batch over `jobs` threads (at least one).
    pub fn new(aligner: &'a Aligner, langs: LangDefaults, jobs: usize) -> Result<Batch<'a>, Error> {
        let jobs = jobs.max(1);
        let pool = thread_pool(jobs, "batch")?;
        Ok(Batch {
            aligner,
            langs,
            pool,
            jobs,
            meta: None,
            offsets: Offsets::Bytes,
        })
    }

    /// Counts the offsets of statements and mentions in `offsets`
    /// (`--offsets chars`).
    pub fn with_offsets(self, offsets: Offsets) -> Batch<'a> {
        Batch { offsets, ..self }
    }

    /// Records how the alignments were made (the `meta` of `align`'s JSON)
    /// in every line.
    pub fn with_meta(self, meta: Meta) -> Batch<'a> {
        Batch {
            meta: Some(meta),
            ..self
        }
    }

    /// Pairs read and aligned at a time.
    pub fn chunk_size(&self) -> usize {
        CHUNK_PER_JOB * self.jobs
    }

    /// Reads every pair of `reader`, writes one JSON line per pair to `out` in
    /// input order, and calls `on_pair` for each after it is written.
    pub fn run(
        &self,
        reader: &mut dyn PairReader,
        out: &mut dyn Write,
        mut on_pair: impl FnMut(&Outcome),
    ) -> Result<Summary, Error> {
        let mut summary = Summary::default();
        let mut chunk: Vec<Item> = Vec::with_capacity(self.chunk_size());
        loop {
            let mut stop = None;
            while chunk.len() < self.chunk_size() {
                match reader.next_item() {
                    Some(Ok(item)) => chunk.push(item),
                    Some(Err(e)) => {
                        stop = Some(e);
                        break;
                    }
                    None => break,
                }
            }
            let done = chunk.len() < self.chunk_size();
            let outcomes = self.process(std::mem::take(&mut chunk));
            for outcome in &outcomes {
                out.write_all(outcome.line.as_bytes())
                    .map_err(|e| Error::output(&e))?;
                out.write_all(b"\n").map_err(|e| Error::output(&e))?;
                summary.pairs += 1;
                summary.links += outcome.links as u64;
                summary.errors += u64::from(outcome.error.is_some());
                on_pair(outcome);
            }
            if let Some(e) = stop {
                out.flush().map_err(|e| Error::output(&e))?;
                return Err(e);
            }
            if done {
                out.flush().map_err(|e| Error::output(&e))?;
                return Ok(summary);
            }
        }
    }

    /// Aligns a chunk in parallel; the outcomes are in the chunk's order.
    pub fn process(&self, items: Vec<Item>) -> Vec<Outcome> {
        self.pool.install(|| {
            items
                .into_par_iter()
                .map(|item| self.process_one(item))
                .collect()
        })
    }

    fn process_one(&self, item: Item) -> Outcome {
        let spec = match item {
            Item::Pair(spec) => spec,
            Item::JsonLine {
                bytes,
                line,
                number,
                base,
            } => match parse_json_line(bytes, line, number, &base) {
                Ok(spec) => spec,
                Err((id, error)) => return failed(id, error),
            },
            Item::Invalid { id, error } => return failed(id, error),
        };
        match align_pair(
            self.aligner,
            &spec,
            self.langs,
            self.meta.as_ref(),
            self.offsets,
        ) {
            Ok((line, links)) => Outcome {
                id: spec.id,
                line,
                links,
                error: None,
            },
            Err(error) => failed(spec.id, error),
        }
    }
}

/// The error line of a pair.
fn failed(id: Value, error: String) -> Outcome {
    #[derive(Serialize)]
    struct ErrorLine<'a> {
        id: &'a Value,
        error: &'a str,
    }
    let line = serde_json::to_string(&ErrorLine {
        id: &id,
        error: &error,
    })
    .unwrap_or_default();
    Outcome {
        id,
        line,
        links: 0,
        error: Some(error),
    }
}

/// Reads, analyses and aligns one pair; its JSON line (with `meta`, if
/// given, and offsets counted in `offsets`) and number of links.
pub fn align_pair(
    aligner: &Aligner,
    spec: &PairSpec,
    langs: LangDefaults,
    meta: Option<&Meta>,
    offsets: Offsets,
) -> Result<(String, usize), String> {
    let (left_text, left_path) = load(&spec.left)?;
    let (right_text, right_path) = load(&spec.right)?;
    let left_lang = spec
        .left
        .lang
        .or(langs.left)
        .unwrap_or_else(|| detect(&left_text).lang);
    let right_lang = spec
        .right
        .lang
        .or(langs.right)
        .unwrap_or_else(|| detect(&right_text).lang);
    let left: Analysis = aligner.analyse(&left_text, left_lang);
    let right: Analysis = aligner.analyse(&right_text, right_lang);
    let alignment = aligner.align(&left, &right);
    let pair = AlignedPair::new(
        aligner,
        (&left_path, &left),
        (&right_path, &right),
        &alignment,
    );
    #[derive(Serialize)]
    struct Line<'a> {
        id: &'a Value,
        #[serde(flatten)]
        alignment: JsonAlignment<'a>,
    }
    let json = JsonAlignment::new(&pair, None).with_offsets(offsets, &pair);
    let line = serde_json::to_string(&Line {
        id: &spec.id,
        alignment: match meta {
            Some(meta) => json.with_meta(meta),
            None => json,
        },
    })
    .map_err(|e| format!("cannot write the alignment as JSON: {e}"))?;
    Ok((line, alignment.links.len()))
}

/// The text of a side and the path to report for it (`-` for inline text).
/// A missing file's error says what its relative path resolved against.
fn load(side: &SideSpec) -> Result<(std::borrow::Cow<'_, str>, String), String> {
    match &side.source {
        Source::Text(text) => Ok((std::borrow::Cow::Borrowed(text.as_str()), "-".to_string())),
        Source::Path(path) => {
            let text =
                crate::input::read_text(path).map_err(|e| match (&side.base, e.io_kind()) {
                    (Some(base), Some(std::io::ErrorKind::NotFound)) => {
                        format!("{e} ({})", base.describe())
                    }
                    _ => e.to_string(),
                })?;
            Ok((std::borrow::Cow::Owned(text), path.display().to_string()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn items(reader: &mut dyn PairReader) -> Vec<Item> {
        std::iter::from_fn(|| reader.next_item())
            .map(|r| r.unwrap())
            .collect()
    }

    #[test]
    fn manifest_rows_resolve_paths_and_default_ids() {
        let text = "right,left,id\nb.txt,a.txt,\nd.txt,c.txt,x7\nonly-one-field\n";
        let mut reader = ManifestReader::new(
            text.as_bytes(),
            Path::new("dir/m.csv"),
            Base::folder_of(Path::new("dir/m.csv")),
        )
        .unwrap();
        let got = items(&mut reader);
        assert_eq!(got.len(), 3);
        let Item::Pair(first) = &got[0] else {
            panic!("{:?}", got[0])
        };
        assert_eq!(first.id, Value::from(1));
        assert_eq!(first.left.source, Source::Path(PathBuf::from("dir/a.txt")));
        assert_eq!(first.right.source, Source::Path(PathBuf::from("dir/b.txt")));
        let Item::Pair(second) = &got[1] else {
            panic!()
        };
        assert_eq!(second.id, Value::from("x7"));
        let Item::Invalid { id, error } = &got[2] else {
            panic!()
        };
        assert_eq!(id, &Value::from(3));
        assert!(
            error.starts_with("dir/m.csv:4: row has 1 field, the header has 3"),
            "{error}"
        );
    }

    #[test]
    fn manifest_without_left_and_right_is_refused() {
        let err = ManifestReader::new("a,b\n1,2\n".as_bytes(), Path::new("m.csv"), Base::current())
            .err()
            .unwrap();
        assert!(
            err.to_string()
                .starts_with("m.csv:1: the header \"a,b\" lacks"),
            "{err}"
        );
    }

    #[test]
    fn json_lines_parse_with_ids_or_say_why_not() {
        let cases: [(&str, Result<Value, &str>); 6] = [
            (
                r#"{"id": 5, "left": {"text": "a"}, "right": {"path": "b", "lang": "en"}}"#,
                Ok(Value::from(5)),
            ),
            (
                r#"{"left": {"text": "a"}, "right": {"text": "b"}}"#,
                Ok(Value::from(9)),
            ),
            (
                r#"{"id": "p", "left": {"text": "a"}}"#,
                Err("line 3: missing field `right`"),
            ),
            (
                r#"{"id": "p", "left": {"text": "a", "path": "x"}, "right": {"text": "b"}}"#,
                Err("line 3: `left` has both"),
            ),
            (
                r#"{"id": "p", "left": {"txt": "a"}, "right": {"text": "b"}}"#,
                Err("line 3: unknown field `txt`"),
            ),
            (r#"{"id": "p", "left": "#, Err("line 3: not a JSON object")),
        ];
        for (line, want) in cases {
            let base = Base::folder_of(Path::new("base/pairs.jsonl"));
            let got = parse_json_line(line.as_bytes().to_vec(), 3, 9, &base);
            match (got, want) {
                (Ok(spec), Ok(id)) => assert_eq!(spec.id, id, "{line}"),
                (Err((_, error)), Err(prefix)) => {
                    assert!(error.starts_with(prefix), "{line}: {error}")
                }
                (got, want) => panic!("{line}: got {got:?}, want {want:?}"),
            }
        }
        let spec = parse_json_line(
            br#"{"left": {"path": "a"}, "right": {"text": "b"}}"#.to_vec(),
            1,
            1,
            &Base::folder_of(Path::new("base/pairs.jsonl")),
        )
        .unwrap();
        assert_eq!(spec.left.source, Source::Path(PathBuf::from("base/a")));
    }

    #[test]
    fn json_lines_skip_blank_lines_and_count_positions() {
        let input = "\n{\"a\":1}\r\n   \n{\"b\":2}";
        let got = items(&mut JsonLinesReader::new(input.as_bytes(), Base::current()));
        let positions: Vec<(u64, u64)> = got
            .iter()
            .map(|i| match i {
                Item::JsonLine { line, number, .. } => (*line, *number),
                _ => panic!(),
            })
            .collect();
        assert_eq!(positions, [(2, 1), (4, 2)]);
    }
}
