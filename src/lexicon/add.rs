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

use super::Merger;
use super::rows::{self, EntityType, NameLang, REQUIRED_COLUMNS, check_id, check_name};
use crate::error::{Error, ErrorKind, Problem, Result};

/// What [`add`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// The names appended, in the order given.
    pub added: Vec<String>,
    /// The names that were already there (or given twice), not appended again.
    pub present: Vec<String>,
    /// True when the file did not exist (or was empty) and was created with a header.
    pub created: bool,
}

/// Appends one row per name (`entity`, `kind`, `lang`) to the lexicon file at
/// `path`, creating it with the header `entity,type,lang,name` if needed.
/// Arguments are given as written on the command line and checked as the
/// loader checks a row; every problem is reported at once.
///
/// ```
/// let dir = tempfile::tempdir().unwrap();
/// let path = dir.path().join("mine.csv");
/// std::fs::write(&path, "entity,type,lang,name,note\r\nx,PER,en,X,a note\r\n").unwrap();
/// let added = entente::lexicon::add::add(&path, "x", "PER", "fr", &["Iks", "X, Jr."]).unwrap();
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
    let lex = &merger.lexicon;
    let entry = lex.entry_index(entity);
    if let Some(e) = entry.map(|e| &lex.entries[e])
        && e.kind != kind
    {
        let first = &lex.names[e.names[0]];
        return Err(Error::at_line(
            ErrorKind::Usage,
            path,
            first.line,
            format!(
                "entity {entity} is {} in this file, not {kind}; give its type or use another id",
                e.kind
            ),
        ));
    }

    let mut added = Added {
        created,
        ..Added::default()
    };
    for name in names.iter().map(AsRef::as_ref) {
        let there = entry.is_some_and(|e| merger.existing_name(e, lang, name).is_some());
        if there || added.added.iter().any(|n| n == name) {
            added.present.push(name.to_string());
        } else {
            added.added.push(name.to_string());
        }
    }
    if added.added.is_empty() {
        return Ok(added);
    }

    let (mut after, header, crlf) = if created {
        let header: Vec<String> = REQUIRED_COLUMNS.iter().map(|c| c.to_string()).collect();
        (
            format!("{}\n", header.join(",")).into_bytes(),
            header,
            false,
        )
    } else {
        let header = rows::parse(path, &text).header;
        let crlf = text.find('\n').is_some_and(|i| text[..i].ends_with('\r'));
        let mut bytes = text.into_bytes();
        if !bytes.ends_with(b"\n") {
            bytes.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        }
        (bytes, header, crlf)
    };
    after.extend(csv_rows(&header, crlf, entity, kind, lang, &added.added)?);

    // The result must load as the file did, plus the new rows: a last guard
    // against a quoting bug ever reaching the disk.
    let result = crate::input::decode_utf8(after, path)?;
    let mut recheck = Merger::default();
    recheck.add_file(path, &result, false);
    let expected = lex.names.len() + added.added.len();
    if !recheck.problems.is_empty() || recheck.lexicon.names.len() != expected {
        return Err(Error::in_file(
            ErrorKind::Input,
            path,
            "the new rows would not read back as written (a bug in entente); nothing was written",
        ));
    }
    write_atomically(path, result.as_bytes())?;
    Ok(added)
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

/// The new rows as CSV: columns in `header` order (extra ones empty), quoted
/// where CSV needs it, each ended as the file's lines are.
fn csv_rows(
    header: &[String],
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
/// the file it points to is the one replaced.
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
    let (mut file, temp) = create_temp(&dir, &name)?;
    let guard = RemoveOnDrop(Some(temp.clone()));
    if let Ok(meta) = fs::metadata(&target) {
        fs::set_permissions(&temp, meta.permissions()).map_err(|e| Error::io(&temp, &e))?;
    }
    file.write_all(bytes).map_err(|e| Error::io(&temp, &e))?;
    file.sync_all().map_err(|e| Error::io(&temp, &e))?;
    drop(file);
    fs::rename(&temp, &target).map_err(|e| Error::io(path, &e))?;
    std::mem::forget(guard);
    sync_dir(&dir)
}

/// A new file `.NAME.PID.N.tmp` in `dir`, never one that exists already.
fn create_temp(dir: &Path, name: &str) -> Result<(File, PathBuf)> {
    let mut last = None;
    for n in 0..100 {
        let temp = dir.join(format!(".{name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => return Ok((file, temp)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(temp),
            Err(e) => return Err(Error::io(&temp, &e)),
        }
    }
    let temp = last.unwrap_or_else(|| dir.to_path_buf());
    Err(Error::in_file(
        ErrorKind::Io,
        &temp,
        "cannot create a temporary file: too many exist already",
    ))
}

/// Flushes a directory's entries (the rename) to disk, where the OS allows it.
fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io(dir, &e))?;
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
            let added = add(&path, "x", "PER", "fr", &["Iks"]).unwrap();
            assert_eq!(
                added,
                Added {
                    added: vec!["Iks".into()],
                    present: vec![],
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
        add(&path, "bank", "ORG", "en", &["Bank \"X\", Inc", "Plain"]).unwrap();
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
        let first = add(&path, "x", "PER", "fr", &["Iks", "Iks", "X"]).unwrap();
        assert_eq!(first.added, ["Iks", "X"]);
        assert_eq!(first.present, ["Iks"], "given twice, added once");
        let once = fs::read(&path).unwrap();
        let again = add(&path, "x", "PER", "fr", &["Iks", "X"]).unwrap();
        assert!(again.added.is_empty());
        assert_eq!(again.present, ["Iks", "X"]);
        assert_eq!(fs::read(&path).unwrap(), once);
        // Another language is another row.
        assert_eq!(
            add(&path, "x", "PER", "en", &["Iks"]).unwrap().added,
            ["Iks"]
        );
    }

    #[test]
    fn creates_a_missing_or_empty_file_with_a_header() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.csv");
        let added = add(&path, "obus", "TERM", "fr", &["obus"]).unwrap();
        assert!(added.created);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "entity,type,lang,name\nobus,TERM,fr,obus\n"
        );
        let (_dir, empty) = file_with(b"");
        assert!(
            add(&empty, "obus", "TERM", "en", &["shell"])
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
                &["F:2: entity x is PER in this file, not ORG; give its type or use another id"],
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
            let err = add(&path, entity, kind, lang, names).unwrap_err();
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
        assert!(add(&missing, "x", "PERS", "en", &["X"]).is_err());
        assert!(!missing.exists(), "nothing created on bad arguments");
    }

    #[test]
    fn unreadable_paths_are_io_errors() {
        let dir = tempfile::tempdir().unwrap();
        let err = add(dir.path(), "x", "PER", "en", &["X"]).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        let err = add(
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
        add(&link, "x", "PER", "en", &["X"]).unwrap();
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
}
