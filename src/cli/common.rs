//! Flags and steps shared by the subcommands: lexicons, languages, input, output.

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use anyhow::{Result, bail};
use clap::Args;
use entente::Lang;
use entente::detect::detect;
use entente::lexicon::{Lexicon, LexiconBuilder};
use entente::tag::{TagOptions, Tagger};

/// The lexicon flags of every command that reads text.
#[derive(Args, Debug, Clone)]
pub struct LexiconArgs {
    /// Add a lexicon CSV file, or a directory of them (repeatable).
    #[arg(long = "lexicon", value_name = "PATH")]
    pub lexicons: Vec<PathBuf>,
    /// Use only the --lexicon files, not the built-in lexicons.
    #[arg(long)]
    pub no_default_lexicon: bool,
    /// Only names spelled as in the lexicon (after folding): no transliteration or fuzzy variants.
    #[arg(long)]
    pub strict: bool,
}

impl LexiconArgs {
    /// Loads the lexicons these flags name.
    pub fn load(&self) -> Result<Arc<Lexicon>> {
        if self.no_default_lexicon && self.lexicons.is_empty() {
            bail!("--no-default-lexicon needs at least one --lexicon PATH");
        }
        let mut builder = LexiconBuilder::new().builtin(!self.no_default_lexicon);
        for path in &self.lexicons {
            builder = builder.add_path(path)?;
        }
        Ok(builder.build_shared()?)
    }

    /// A tagger over the loaded lexicons.
    pub fn tagger(&self) -> Result<Tagger> {
        Ok(Tagger::new(
            self.load()?,
            TagOptions {
                variants: !self.strict,
            },
        ))
    }
}

/// The language given on the command line, or the one detected in `text`
/// (said on stderr, with a warning when the detection is unsure that names
/// `flag`, the command's flag that sets it).
pub fn resolve_lang(given: Option<Lang>, text: &str, path: &Path, flag: &str) -> Lang {
    if let Some(lang) = given {
        return lang;
    }
    let d = detect(text);
    let how = format!(
        "{} French / {} English function words",
        d.french_hits, d.english_hits
    );
    if d.confident {
        eprintln!(
            "entente: {}: language: {} ({how})",
            path.display(),
            d.lang.name()
        );
    } else {
        eprintln!(
            "entente: {}: language: {}, uncertain ({how}); set it with {flag}",
            path.display(),
            d.lang.name()
        );
    }
    d.lang
}

/// The date a report records (UTC, RFC 3339): `SOURCE_DATE_EPOCH` when it
/// is set, as reproducible builds do, else the clock; none with `--no-date`.
pub fn report_date(no_date: bool) -> Result<Option<String>> {
    if no_date {
        return Ok(None);
    }
    let seconds = match std::env::var("SOURCE_DATE_EPOCH") {
        Ok(value) => value.trim().parse::<i64>().map_err(|_| {
            anyhow::anyhow!(
                "SOURCE_DATE_EPOCH={value:?} is not a number of seconds since 1970-01-01 UTC (fix it, unset it, or use --no-date)"
            )
        })?,
        Err(_) => std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)),
    };
    Ok(Some(entente::report::meta::utc_date(seconds)))
}

/// Reads a text file (`-` for stdin) as UTF-8.
pub fn read_text(path: &Path) -> Result<String> {
    Ok(entente::input::read_text(path)?)
}

/// Buffered standard output; flushed by the caller.
pub fn stdout() -> BufWriter<io::StdoutLock<'static>> {
    BufWriter::new(io::stdout().lock())
}

/// Flushes `out`, so a broken pipe surfaces as an error we can ignore.
pub fn finish(mut out: impl Write) -> Result<super::Outcome> {
    out.flush()?;
    Ok(super::Outcome::Ok)
}
