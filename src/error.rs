//! One error type for everything a user can get wrong: a file, a line, what is
//! wrong and how to fix it.
//!
//! Loading a lexicon reports every bad row at once, so [`Error`] can carry
//! several problems; `Display` prints one `FILE:LINE: message` line each.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong, broadly; the command line maps it to an exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file could not be read or written (missing, a directory, no permission).
    Io,
    /// A text is not valid UTF-8 (or is in another encoding).
    Encoding,
    /// A lexicon file breaks the CSV schema.
    Lexicon,
    /// Some other input (a gold file, a manifest, JSON) is malformed.
    Input,
    /// A flag or argument makes no sense.
    Usage,
    /// The output could not be written (a full disk, a closed pipe).
    Output,
}

/// One problem, located as precisely as we know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The file, when the problem is in one (`-` for standard input).
    pub path: Option<PathBuf>,
    /// The 1-based line in that file, when known.
    pub line: Option<u64>,
    /// What is wrong and, where it helps, how to fix it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(path), Some(line)) => write!(f, "{}:{line}: {}", path.display(), self.message),
            (Some(path), None) => write!(f, "{}: {}", path.display(), self.message),
            (None, Some(line)) => write!(f, "line {line}: {}", self.message),
            (None, None) => f.write_str(&self.message),
        }
    }
}

/// An error with one or more located problems.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    problems: Vec<Problem>,
    /// What the OS said, for errors that come from it.
    io: Option<std::io::ErrorKind>,
}

/// The result type of the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// An error with one problem and no location.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            problems: vec![Problem {
                path: None,
                line: None,
                message: message.into(),
            }],
            io: None,
        }
    }

    /// Writing the output failed: the OS's words, and its error kind kept so
    /// that a closed pipe (`entente … | head`) can end quietly.
    pub fn output(err: &std::io::Error) -> Error {
        Error {
            io: Some(err.kind()),
            ..Error::new(ErrorKind::Output, err.to_string())
        }
    }

    /// An error in `path`.
    pub fn in_file(kind: ErrorKind, path: &Path, message: impl Into<String>) -> Error {
        Error::new(kind, message).with_path(path)
    }

    /// An error at `path:line`.
    pub fn at_line(kind: ErrorKind, path: &Path, line: u64, message: impl Into<String>) -> Error {
        Error::new(kind, message).with_path(path).with_line(line)
    }

    /// An error reading `path`, with a message that says what the OS said in words.
    pub fn io(path: &Path, err: &std::io::Error) -> Error {
        let what = match err.kind() {
            std::io::ErrorKind::NotFound => "no such file".to_string(),
            std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
            std::io::ErrorKind::IsADirectory => "is a directory, not a file".to_string(),
            _ => err.to_string(),
        };
        Error {
            io: Some(err.kind()),
            ..Error::in_file(ErrorKind::Io, path, what)
        }
    }

    /// Several problems of one kind reported together (`problems` must not be empty).
    pub fn many(kind: ErrorKind, problems: Vec<Problem>) -> Error {
        debug_assert!(!problems.is_empty());
        Error {
            kind,
            problems,
            io: None,
        }
    }

    /// Sets the file of every problem that has none.
    pub fn with_path(mut self, path: &Path) -> Error {
        for p in &mut self.problems {
            p.path.get_or_insert_with(|| path.to_path_buf());
        }
        self
    }

    /// Sets the line of every problem that has none.
    pub fn with_line(mut self, line: u64) -> Error {
        for p in &mut self.problems {
            p.line.get_or_insert(line);
        }
        self
    }

    /// The broad kind, for the exit code.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What the OS said, when the error came from reading or writing.
    pub fn io_kind(&self) -> Option<std::io::ErrorKind> {
        self.io
    }

    /// True when a reader closed our output (`entente … | head`): not an error.
    pub fn is_broken_pipe(&self) -> bool {
        self.io == Some(std::io::ErrorKind::BrokenPipe)
    }

    /// Every problem, in the order found.
    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_file_line_message() {
        let e = Error::at_line(ErrorKind::Lexicon, Path::new("a.csv"), 3, "bad");
        assert_eq!(e.to_string(), "a.csv:3: bad");
        let e = Error::in_file(ErrorKind::Io, Path::new("b.txt"), "no such file");
        assert_eq!(e.to_string(), "b.txt: no such file");
    }

    #[test]
    fn many_problems_print_one_line_each() {
        let p = |l| Problem {
            path: Some("x.csv".into()),
            line: Some(l),
            message: "m".into(),
        };
        let e = Error::many(ErrorKind::Lexicon, vec![p(2), p(5)]);
        assert_eq!(e.to_string(), "x.csv:2: m\nx.csv:5: m");
        assert_eq!(e.problems().len(), 2);
    }
}
