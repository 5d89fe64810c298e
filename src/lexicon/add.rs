//! Appending names to a lexicon file (`entente lexicon add`) without ever
//! changing what it held or leaving it half-written.
//!
//! - What the file held stays byte for byte: its BOM, its quoting, its line
//!   ending style (a CRLF file gets CRLF rows), its extra columns (new rows
//!   leave them empty, in the header's order). A missing final line ending is
//!   added before the new rows.
//! - Rows already there (same entity, type, lang and name) are not added again.
//! - The new rows pass the loader's own checks, and the file must be a valid
//!   lexicon where the entity, if present, has the same type; otherwise nothing
//!   is written.
//! - The write is atomic: the new contents go to a temporary file in the same
//!   directory, which is flushed to disk and renamed over the file; then the
//!   directory is flushed, so that the rename itself survives a crash.
//!
//! Two `add`s racing on one file may lose one's rows (the later rename wins);
//! the file is never corrupt either way.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::rows::{self, EntityType, NameLang, REQUIRED_COLUMNS, check_id, check_name};
use super::{LexiconBuilder, Merger};
use crate::error::{Error, ErrorKind, Problem, Result};

/// What [`add`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// The names appended, in the order given.
    pub added: Vec<String>,
    /// The names that were already there (or given twice), not appended again.
    pub present: Vec<String>,
    /// The names appended whose row the other lexicons the file is loaded
    /// with also have, with where (`lexicons/people.csv:12`): redundant with
    /// them (`lexicon check` warns), but the file may be loaded without them.
    pub elsewhere: Vec<(String, String)>,
    /// True when the file did not exist (or was empty) and was created with a
    /// header (never when nothing was written).
    pub created: bool,
}

/// Appends one row per name (`entity`, `kind`, `lang`) to the lexicon file at
/// `path`, creating it with the header `entity,type,lang,name` if needed.
/// Arguments are given as written on the command line and checked as the
/// loader checks a row; every problem is reported at once.
///
/// `with` holds the lexicons the file is meant to be loaded with:
/// [`LexiconBuilder::new`] for the built-in ones (as `--lexicon FILE` loads
/// it), `LexiconBuilder::new().builtin(false)` for none (as
/// `--no-default-lexicon --lexicon FILE` does). The file with its new rows
/// must load with them, through the same [`LexiconBuilder::build`] as any
/// command's `--lexicon`; otherwise nothing is written. A row they already
/// have is appended all the same (the file may be loaded without them) and
/// reported in [`Added::elsewhere`].
///
/// ```
/// use entente::LexiconBuilder;
///
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("mine.csv");
/// std::fs::write(&path, "entity,type,lang,name,note\r\nx,PER,en,X,a note\r\n").unwrap();
/// let with = LexiconBuilder::new().builtin(false);
/// let added = entente::lexicon::add::add(&path, "x", "PER", "fr", &["Iks", "X, Jr."], &with).unwrap();
/// assert_eq!(added.added, ["Iks", "X, Jr."]);
/// assert_eq!(
///     std::fs::read_to_string(&path).unwrap(),
///     "entity,type,lang,name,note\r\nx,PER,en,X,a note\r\nx,PER,fr,Iks,\r\nx,PER,fr,\"X, Jr.\",\r\n"
/// );
/// ```
pub fn add(
    path: &Path,
    entity: &str,
    kind: &str,
    lang: &str,
    names: &[impl AsRef<str>],
    with: &LexiconBuilder,
) -> Result<Added> {
    let (kind, lang) = check_arguments(entity, kind, lang, names)?;
    let before = read_existing(path)?;
    let created = before.is_empty();
    let text = crate::input::decode_utf8(before, path)?;

    let mut merger = Merger::default();
    if !created {
        merger.add_file(path, &text, false);
        if !merger.problems.is_empty() {
            let mut problems: Vec<Problem> = merger.problems.into_iter().map(|(_, p)| p).collect();
            problems.push(Problem {
                path: Some(path.to_path_buf()),
                line: None,
                message: "not a valid lexicon, so nothing was added; fix the lines above first"
                    .into(),
            });
            return Err(Error::many(ErrorKind::Lexicon, problems));
        }
    }
    let entry = merger.lexicon.entry_index(entity);
    let mut added = Added::default();
    let mut candidates: Vec<String> = Vec::new();
    for name in names.iter().map(AsRef::as_ref) {
        let there = entry.is_some_and(|e| merger.existing_name(e, lang, name).is_some());
        if there || candidates.iter().any(|n| n == name) {
            added.present.push(name.to_string());
        } else {
            candidates.push(name.to_string());
        }
    }
    if candidates.is_empty() {
        return Ok(added);
    }

    let (start, header, delimiter, crlf) = if created {
        let header: Vec<String> = REQUIRED_COLUMNS.iter().map(|c| c.to_string()).collect();
        (
            format!("{}\n", header.join(",")).into_bytes(),
            header,
            b',',
            false,
        )
    } else {
        let parsed = rows::parse(path, &text);
        let crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
        let mut bytes = text.into_bytes();
        if !bytes.ends_with(b"\n") {
            bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        (bytes, parsed.header, parsed.delimiter, crlf)
    };
    let with_rows = |names: &[String]| -> Result<String> {
        let mut after = start.clone();
        after.extend(csv_rows(
            &header, delimiter, crlf, entity, kind, lang, names,
        )?);
        crate::input::decode_utf8(after, path)
    };

    // The file with every new row must load with `with`, as `--lexicon` loads it.
    let first_new_line = crate::input::line_at(&start, start.len());
    let loaded = with
        .clone()
        .add_text(path, with_rows(&candidates)?)
        .build()
        .map_err(|e| refusal(e, path, first_new_line, &candidates, with.builtin))?;
    // Which rows the other lexicons have: the merge keeps the first of
    // identical rows, so such a row is not kept at its own line.
    let file = loaded.files().len() - 1;
    for (i, name) in candidates.into_iter().enumerate() {
        let line = first_new_line + i as u64;
        let kept = loaded.entry(entity).and_then(|e| {
            e.names
                .iter()
                .map(|&n| &loaded.names()[n])
                .find(|n| n.lang == lang && n.text == name)
        });
        if let Some(n) = kept.filter(|n| n.file != file || n.line != line) {
            let place = format!("{}:{}", loaded.files()[n.file].path.display(), n.line);
            added.elsewhere.push((name.clone(), place));
        }
        added.added.push(name);
    }

    // The result must load as the file did, plus the new rows: a last guard
    // against a quoting bug ever reaching the disk.
    let result = with_rows(&added.added)?;
    let mut recheck = Merger::default();
    recheck.add_file(path, &result, false);
    let expected = merger.lexicon.names.len() + added.added.len();
    if !recheck.problems.is_empty() || recheck.lexicon.names.len() != expected {
        return Err(Error::in_file(
            ErrorKind::Input,
            path,
            "the new rows would not read back as written (a bug in entente); nothing was written",
        ));
    }
    write_atomically(path, result.as_bytes())?;
    added.created = created;
    Ok(added)
}

/// The error of a file that would not load with its new rows: problems on a
/// new row name it (it is not in the file), then what was not done.
fn refusal(err: Error, path: &Path, first_new_line: u64, names: &[String], builtin: bool) -> Error {
    let mut problems: Vec<Problem> = err
        .problems()
        .iter()
        .cloned()
        .map(|mut p| {
            let new_row = p
                .line
                .and_then(|l| l.checked_sub(first_new_line))
                .and_then(|i| names.get(i as usize))
                .filter(|_| p.path.as_deref() == Some(path));
            if let Some(name) = new_row {
                p.line = None;
                p.message = format!("new row {name:?}: {}", p.message);
            }
            p
        })
        .collect();
    problems.push(Problem {
        path: Some(path.to_path_buf()),
        line: None,
        message: if builtin {
            "nothing was written: the file would not load with these rows and the built-in lexicons (for a file you load with --no-default-lexicon, add with --no-default-lexicon too)".into()
        } else {
            "nothing was written: the file would not load with these rows".into()
        },
    });
    Error::many(ErrorKind::Lexicon, problems)
}

/// The loader's checks on the new rows' fields, all problems at once.
fn check_arguments(
    entity: &str,
    kind: &str,
    lang: &str,
    names: &[impl AsRef<str>],
) -> Result<(EntityType, NameLang)> {
    let mut problems = Vec::new();
    let mut note = |r: Result<(), String>| {
        if let Err(message) = r {
            problems.push(Problem {
                path: None,
                line: None,
                message,
            });
        }
    };
    note(check_id(entity));
    let kind = kind.parse::<EntityType>();
    let lang = lang.parse::<NameLang>();
    note(kind.as_ref().map(|_| ()).map_err(Clone::clone));
    note(lang.as_ref().map(|_| ()).map_err(Clone::clone));
    if names.is_empty() {
        note(Err("no name to add".into()));
    }
    for name in names {
        note(check_name(name.as_ref()));
    }
    match (kind, lang) {
        (Ok(kind), Ok(lang)) if problems.is_empty() => Ok((kind, lang)),
        _ => Err(Error::many(ErrorKind::Usage, problems)),
    }
}

/// The file's bytes, or none when it does not exist.
fn read_existing(path: &Path) -> Result<Vec<u8>> {
    match fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Vec::new()),
        Err(e) => Err(Error::io(path, &e)),
        Ok(_) => crate::input::read_bytes(path),
    }
}

/// The new rows as CSV: columns in `header` order (extra ones empty),
/// separated by the file's delimiter, quoted where CSV needs it, each ended
/// as the file's lines are.
fn csv_rows(
    header: &[String],
    delimiter: u8,
    crlf: bool,
    entity: &str,
    kind: EntityType,
    lang: NameLang,
    names: &[String],
) -> Result<Vec<u8>> {
    let at = |column: &str| header.iter().position(|h| h == column);
    let (e, t, l, n) = (at("entity"), at("type"), at("lang"), at("name"));
    let terminator = if crlf {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(terminator)
        .from_writer(Vec::new());
    for name in names {
        let record = (0..header.len()).map(|i| match Some(i) {
            i if i == e => entity,
            i if i == t => kind.code(),
            i if i == l => lang.code(),
            i if i == n => name.as_str(),
            _ => "",
        });
        writer
            .write_record(record)
            .map_err(|e| Error::new(ErrorKind::Input, e.to_string()))?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::new(ErrorKind::Input, e.to_string()))
}

/// Replaces the file at `path` by `bytes` so that a crash leaves either the
/// old file or the new one: temporary file in the same directory, fsync,
/// rename over the file, fsync the directory. A symbolic link is followed, so
/// the file it points to is the one replaced. Errors name `path`, never the
/// temporary file the user did not ask for.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = if path.is_symlink() {
        fs::canonicalize(path).map_err(|e| Error::io(path, &e))?
    } else {
        path.to_path_buf()
    };
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let failed = |e: std::io::Error| cannot_write(path, &dir, &e);
    let (mut file, temp) = create_temp(&dir, &name).map_err(failed)?;
    let guard = RemoveOnDrop(Some(temp.clone()));
    if let Ok(meta) = fs::metadata(&target) {
        fs::set_permissions(&temp, meta.permissions()).map_err(failed)?;
    }
    file.write_all(bytes).map_err(failed)?;
    file.sync_all().map_err(failed)?;
    drop(file);
    fs::rename(&temp, &target).map_err(failed)?;
    std::mem::forget(guard);
    sync_dir(&dir).map_err(failed)
}

/// Writing `path` (through a temporary file in `dir`) failed: what to tell
/// the user, about their path.
fn cannot_write(path: &Path, dir: &Path, err: &std::io::Error) -> Error {
    let why = match err.kind() {
        std::io::ErrorKind::NotFound => format!(
            "cannot create it: there is no directory {} (create it first)",
            dir.display()
        ),
        std::io::ErrorKind::PermissionDenied => format!(
            "cannot write it: permission denied in directory {}",
            dir.display()
        ),
        _ => format!("cannot write it: {err}"),
    };
    Error::in_file(ErrorKind::Io, path, why)
}

/// A new file `.NAME.PID.N.tmp` in `dir`, never one that exists already.
fn create_temp(dir: &Path, name: &str) -> std::io::Result<(File, PathBuf)> {
    for n in 0..100 {
        let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::other(format!(
        "too many temporary files .{name}.*.tmp in directory {}",
        dir.display()
    )))
}

/// Flushes a directory's entries (the rename) to disk, where the OS allows it.
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    File::open(dir).and_then(|d| d.sync_all())?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Removes the temporary file if the write fails half-way.
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            let _ = fs::remove_file(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`add`] to a file loaded on its own (no built-in lexicons).
    fn add_alone(
        path: &Path,
        entity: &str,
        kind: &str,
        lang: &str,
        names: &[impl AsRef<str>],
    ) -> Result<Added> {
        add(
            path,
            entity,
            kind,
            lang,
            names,
            &LexiconBuilder::new().builtin(false),
        )
    }

    fn file_with(contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mine.csv");
        fs::write(&path, contents).unwrap();
        (dir, path)
    }

    fn no_temp_files_left(dir: &Path) {
        let names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");
    }

    #[test]
    fn appends_and_keeps_prior_bytes() {
        let cases: &[(&str, &[u8], &[u8])] = &[
            (
                "LF",
                b"entity,type,lang,name\nx,PER,en,X\n",
                b"x,PER,fr,Iks\n",
            ),
            (
                "CRLF",
                b"entity,type,lang,name\r\nx,PER,en,X\r\n",
                b"x,PER,fr,Iks\r\n",
            ),
            (
                "no final newline",
                b"entity,type,lang,name\nx,PER,en,X",
                b"\nx,PER,fr,Iks\n",
            ),
            (
                "CRLF, no final newline",
                b"entity,type,lang,name\r\nx,PER,en,X",
                b"\r\nx,PER,fr,Iks\r\n",
            ),
            (
                "extra columns in header order",
                b"note,name,entity,lang,type,wikidata\n,X,x,en,PER,Q1\n",
                b",Iks,x,fr,PER,\n",
            ),
            (
                "BOM and quoted fields",
                "\u{feff}entity,type,lang,name\nx,PER,en,\"X, Sr.\"\n".as_bytes(),
                b"x,PER,fr,Iks\n",
            ),
            ("header only", b"entity,type,lang,name\n", b"x,PER,fr,Iks\n"),
        ];
        for (what, before, appended) in cases {
            let (dir, path) = file_with(before);
            let added = add_alone(&path, "x", "PER", "fr", &["Iks"]).unwrap();
            assert_eq!(
                added,
                Added {
                    added: vec!["Iks".into()],
                    present: vec![],
                    elsewhere: vec![],
                    created: false
                },
                "{what}"
            );
            let after = fs::read(&path).unwrap();
            assert_eq!(&after[..before.len()], *before, "{what}: prior bytes kept");
            assert_eq!(&after[before.len()..], *appended, "{what}: appended rows");
            no_temp_files_left(dir.path());
        }
    }

    #[test]
    fn quotes_names_as_csv_needs() {
        let (_dir, path) = file_with(b"entity,type,lang,name\n");
        add_alone(&path, "bank", "ORG", "en", &["Bank \"X\", Inc", "Plain"]).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(
            text,
            "entity,type,lang,name\nbank,ORG,en,\"Bank \"\"X\"\", Inc\"\nbank,ORG,en,Plain\n"
        );
        let parsed = rows::parse(&path, &text);
        assert_eq!(parsed.rows[0].name, "Bank \"X\", Inc");
    }

    #[test]
    fn is_idempotent() {
        let (_dir, path) = file_with(b"entity,type,lang,name\nx,PER,en,X\n");
        let first = add_alone(&path, "x", "PER", "fr", &["Iks", "Iks", "X"]).unwrap();
        assert_eq!(first.added, ["Iks", "X"]);
        assert_eq!(first.present, ["Iks"], "given twice, added once");
        let once = fs::read(&path).unwrap();
        let again = add_alone(&path, "x", "PER", "fr", &["Iks", "X"]).unwrap();
        assert!(again.added.is_empty());
        assert_eq!(again.present, ["Iks", "X"]);
        assert_eq!(fs::read(&path).unwrap(), once);
        // Another language is another row.
        assert_eq!(
            add_alone(&path, "x", "PER", "en", &["Iks"]).unwrap().added,
            ["Iks"]
        );
    }

    #[test]
    fn creates_a_missing_or_empty_file_with_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.csv");
        let added = add_alone(&path, "obus", "TERM", "fr", &["obus"]).unwrap();
        assert!(added.created);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "entity,type,lang,name\nobus,TERM,fr,obus\n"
        );
        let (_dir, empty) = file_with(b"");
        assert!(
            add_alone(&empty, "obus", "TERM", "en", &["shell"])
                .unwrap()
                .created
        );
        assert_eq!(
            fs::read_to_string(&empty).unwrap(),
            "entity,type,lang,name\nobus,TERM,en,shell\n"
        );
    }

    /// What is refused: the file before, `[entity, type, lang]`, the names,
    /// the problems wanted (the file's path written `F`).
    type Refusal<'a> = (
        &'a str,
        &'a [u8],
        [&'a str; 3],
        &'a [&'a str],
        &'a [&'a str],
    );

    #[test]
    fn refuses_bad_input_without_touching_the_file() {
        let good: &[u8] = b"entity,type,lang,name\nx,PER,en,X\n";
        let cases: &[Refusal] = &[
            (
                "bad arguments, all reported",
                good,
                ["Bad-Id", "PERS", "de"],
                &["ok", " padded", "..."],
                &[
                    "entity id \"Bad-Id\" must be lower-case letters, digits and _ only, e.g. sergei_shoigu",
                    "unknown type \"PERS\"; did you mean PER? (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
                    "unknown language \"de\" (expected fr, en or *)",
                    "name \" padded\" has leading or trailing spaces",
                    "name \"...\" has no letter or digit, so it can never be found",
                ],
            ),
            (
                "no name",
                good,
                ["x", "PER", "en"],
                &[],
                &["no name to add"],
            ),
            (
                "a type that disagrees with the file",
                good,
                ["x", "ORG", "en"],
                &["X Inc"],
                &[
                    "F: new row \"X Inc\": entity x is ORG here but PER at F:2; give all its rows one type",
                    "F: nothing was written: the file would not load with these rows",
                ],
            ),
            (
                "an invalid file",
                b"entity,type,lang,name\nx,PER,en,X\ny,BAD,en,Y\nz,PER,en\n",
                ["x", "PER", "fr"],
                &["Iks"],
                &[
                    "F:3: unknown type \"BAD\" (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
                    "F:4: row has 3 fields, the header has 4 (check for a missing or extra comma)",
                    "F: not a valid lexicon, so nothing was added; fix the lines above first",
                ],
            ),
            (
                "a file whose rows disagree on a type",
                b"entity,type,lang,name\nx,PER,en,X\nx,ORG,en,X Inc\n",
                ["y", "PER", "fr"],
                &["Y"],
                &[
                    "F:3: entity x is ORG here but PER at F:2; give all its rows one type",
                    "F: not a valid lexicon, so nothing was added; fix the lines above first",
                ],
            ),
            (
                "not a lexicon at all",
                b"hello\n",
                ["x", "PER", "fr"],
                &["Iks"],
                &[
                    "F:1: no header: the first line is \"hello\"; a lexicon's first line names its columns: entity, type, lang and name (e.g. `entity,type,lang,name`), separated by commas, semicolons or tabs",
                    "F: not a valid lexicon, so nothing was added; fix the lines above first",
                ],
            ),
            (
                "not UTF-8",
                b"entity,type,lang,name\nx,PER,en,\xE9\n",
                ["x", "PER", "fr"],
                &["Iks"],
                &[
                    "F:2: not valid UTF-8 (byte 0xE9 at offset 31); convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
                ],
            ),
        ];
        for (what, before, [entity, kind, lang], names, want) in cases {
            let (dir, path) = file_with(before);
            let err = add_alone(&path, entity, kind, lang, names).unwrap_err();
            let f = path.display().to_string();
            let got: Vec<String> = err
                .problems()
                .iter()
                .map(|p| p.to_string().replace(&f, "F"))
                .collect();
            assert_eq!(got, *want, "{what}");
            assert_eq!(fs::read(&path).unwrap(), *before, "{what}: file untouched");
            no_temp_files_left(dir.path());
        }
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("never.csv");
        assert!(add_alone(&missing, "x", "PERS", "en", &["X"]).is_err());
        assert!(!missing.exists(), "nothing created on bad arguments");
    }

    #[test]
    fn unreadable_paths_are_io_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = add_alone(dir.path(), "x", "PER", "en", &["X"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        let err = add_alone(
            &dir.path().join("no/such/dir/f.csv"),
            "x",
            "PER",
            "en",
            &["X"],
        )
        .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions_and_follows_symlinks() {
        use std::os::unix::fs::PermissionsExt;
        let (dir, path) = file_with(b"entity,type,lang,name\n");
        fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
        let link = dir.path().join("link.csv");
        std::os::unix::fs::symlink(&path, &link).unwrap();
        add_alone(&link, "x", "PER", "en", &["X"]).unwrap();
        assert!(link.is_symlink(), "the link stays a link");
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "entity,type,lang,name\nx,PER,en,X\n"
        );
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }

    #[test]
    fn refuses_what_loading_with_the_built_in_lexicons_refuses() {
        // Regression: `add --entity paris --type PER` wrote a row that made
        // every later `--lexicon` load of the file fail (paris is a GPE).
        let before: &[u8] = b"entity,type,lang,name\nx,PER,en,X\n";
        let (dir, path) = file_with(before);
        let builtin = LexiconBuilder::new();
        let err = add(&path, "paris", "PER", "en", &["Paris Hilton"], &builtin).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Lexicon);
        let f = path.display().to_string();
        let got: Vec<String> = err
            .problems()
            .iter()
            .map(|p| p.to_string().replace(&f, "F"))
            .collect();
        assert_eq!(got.len(), 2, "{got:#?}");
        assert!(
            got[0].starts_with(
                "F: new row \"Paris Hilton\": entity paris is PER here but GPE at lexicons/"
            ),
            "{got:#?}"
        );
        assert!(got[1].starts_with("F: nothing was written"), "{got:#?}");
        assert_eq!(fs::read(&path).unwrap(), before, "file untouched");
        no_temp_files_left(dir.path());
        // What is written loads as `--lexicon FILE` loads it.
        assert!(builtin.clone().add_path(&path).unwrap().build().is_ok());
        // Meant for --no-default-lexicon, the row is fine.
        let alone = LexiconBuilder::new().builtin(false);
        let added = add(&path, "paris", "PER", "en", &["Paris Hilton"], &alone).unwrap();
        assert_eq!(added.added, ["Paris Hilton"]);
        // A file that already disagrees with the built-in lexicons gets nothing more.
        let err = add(&path, "y", "PER", "en", &["Y"], &builtin).unwrap_err();
        let got: Vec<String> = err
            .problems()
            .iter()
            .map(|p| p.to_string().replace(&f, "F"))
            .collect();
        assert!(
            got[0].starts_with("F:3: entity paris is PER here but GPE at lexicons/"),
            "{got:#?}"
        );
    }

    #[test]
    fn a_row_the_built_in_lexicons_have_is_appended_and_said() {
        let before: &[u8] = b"entity,type,lang,name\n";
        let (_dir, path) = file_with(before);
        let added = add(
            &path,
            "north_korea",
            "GPE",
            "fr",
            &["Corée du Nord", "Coree du Nord"],
            &LexiconBuilder::new(),
        )
        .unwrap();
        assert_eq!(added.added, ["Corée du Nord", "Coree du Nord"]);
        assert_eq!(added.elsewhere.len(), 1);
        assert_eq!(added.elsewhere[0].0, "Corée du Nord");
        assert!(added.elsewhere[0].1.starts_with("lexicons/countries.csv:"));
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "entity,type,lang,name\nnorth_korea,GPE,fr,Corée du Nord\nnorth_korea,GPE,fr,Coree du Nord\n"
        );
    }

    #[test]
    fn writes_in_the_file_s_delimiter() {
        let before = "Entity;Type;Lang;Name;Note\r\nx;PER;en;X;\r\n";
        let (_dir, path) = file_with(before.as_bytes());
        add_alone(&path, "x", "PER", "fr", &["Iks; Jr.", "Iks"]).unwrap();
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            format!("{before}x;PER;fr;\"Iks; Jr.\";\r\nx;PER;fr;Iks;\r\n")
        );
    }

    #[test]
    fn a_missing_directory_is_named_not_the_temporary_file() {
        // Regression: the error named `.x.csv.PID.0.tmp`, a file the user never asked for.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new-dir/x.csv");
        let err = add_alone(&path, "x", "PER", "en", &["X"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        let message = err.to_string();
        assert!(!message.contains(".x.csv."), "{message}");
        assert_eq!(
            message,
            format!(
                "{}: cannot create it: there is no directory {} (create it first)",
                path.display(),
                dir.path().join("new-dir").display()
            )
        );
    }
}
