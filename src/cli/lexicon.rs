//! `entente lexicon …`: check, extend, count and import lexicons.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};
use entente::lexicon::check;
use entente::lexicon::import::{cldr, freedict};
use entente::lexicon::{EntityType, Lexicon, LexiconBuilder, NameLang, add};

use super::Outcome;
use super::common;

#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// Report every problem of lexicon files as FILE:LINE: message (exit 1 on errors).
    ///
    /// With no PATH, checks the built-in lexicons. With PATHs, checks their files
    /// as `--lexicon PATH` would load them: against the built-in lexicons, which
    /// are not reported on themselves but give the context (a name shared with a
    /// built-in entity is a warning, a type that disagrees with one an error).
    /// Errors are what stops loading; a duplicate row is a warning.
    #[command(after_help = "\
Examples:
  entente lexicon check                         # the built-in lexicons
  entente lexicon check my-names.csv my-dir/    # your files, against the built-in ones")]
    Check(CheckArgs),
    /// Append one row per NAME to a lexicon file, safely (created if missing).
    ///
    /// The file's bytes stay as they were; rows already there are not added
    /// again (a row the built-in lexicons have is, with a note). The file with its new rows
    /// must load as `--lexicon FILE` loads it, with the built-in lexicons
    /// unless --no-default-lexicon; otherwise nothing is written (exit 2).
    #[command(after_help = "\
Examples:
  entente lexicon add --file my-names.csv --entity kaja_kallas --type PER --lang '*' \"Kaja Kallas\" Kallas
  entente lexicon add --no-default-lexicon --file alone.csv --entity paris --type PER --lang en \"Paris Hilton\"
      # a file for --no-default-lexicon (paris is a GPE in the built-in lexicons)")]
    Add(AddArgs),
    /// Count entries and names by type and language; list ambiguous names.
    #[command(after_help = "\
Examples:
  entente lexicon stats                   # the built-in lexicons
  entente lexicon stats my-names.csv      # your file only (the built-in ones as context)")]
    Stats(StatsArgs),
    /// Turn public data into lexicon CSV on stdout.
    #[command(subcommand)]
    Import(Import),
}

#[derive(clap::Subcommand, Debug)]
pub enum Import {
    /// French and English territory names from CLDR (GPE; regions LOC), and
    /// optionally their demonyms and CLDR's exemplar cities.
    ///
    /// Territories that share a name with a loaded entity join it; rows the
    /// loaded lexicons already have are not written; a name another entity
    /// has is dropped. The built-in lexicons it compares with leave out the
    /// files it generates (lexicons/world-*.csv). Notes on what was left out
    /// go to stderr.
    #[command(after_help = "\
Examples:
  entente lexicon import cldr > territories.csv
  entente lexicon import cldr --demonyms data/world/demonyms.csv --cities > world.csv")]
    Cldr {
        /// CLDR's common/main directory, or its common directory.
        #[arg(long, value_name = "DIR")]
        from: Option<PathBuf>,
        /// Also add adjectives and demonyms from this CSV (code,lang,name),
        /// e.g. data/world/demonyms.csv, as names of their territories.
        #[arg(long, value_name = "FILE")]
        demonyms: Option<PathBuf>,
        /// Also import the exemplar cities of CLDR's time zones (GPE noted
        /// tz:Europe/Paris), after the territories.
        #[arg(long)]
        cities: bool,
        #[command(flatten)]
        lexicons: LoadedLexicons,
    },
    /// TERM rows from the FreeDict French-English dictionary, one entity per sense.
    #[command(after_help = "\
Examples:
  entente lexicon import freedict > terms-fd.csv
  entente tag --terms --lexicon terms-fd.csv article.txt    # try the rows")]
    Freedict {
        /// The dictd .index or .dict.dz file (the other one is found beside it).
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        #[command(flatten)]
        lexicons: LoadedLexicons,
    },
}

/// The lexicons an import is compared with (to reuse ids and skip known rows).
#[derive(clap::Args, Debug)]
pub struct LoadedLexicons {
    /// Also compare with this lexicon CSV file or directory (repeatable).
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicons: Vec<PathBuf>,
    /// Do not compare with the built-in lexicons.
    #[arg(long)]
    no_default_lexicon: bool,
}

impl LoadedLexicons {
    fn load(&self) -> Result<Lexicon> {
        self.load_from(LexiconBuilder::new().builtin(!self.no_default_lexicon))
    }

    /// Loads the `--lexicon` files on top of `builder`.
    fn load_from(&self, mut builder: LexiconBuilder) -> Result<Lexicon> {
        for path in &self.lexicons {
            builder = builder.add_path(path)?;
        }
        Ok(builder.build()?)
    }

    /// For `import cldr`: the built-in lexicons less the files it generates.
    fn load_for_cldr(&self) -> Result<Lexicon> {
        if self.no_default_lexicon {
            self.load_from(LexiconBuilder::new().builtin(false))
        } else {
            self.load_from(cldr::context())
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Do not compare with the built-in lexicons (with no PATH: nothing to check).
    #[arg(long)]
    no_default_lexicon: bool,
    /// A lexicon CSV file or directory to check, as other commands take it (repeatable).
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicons: Vec<PathBuf>,
    /// Lexicon CSV files or directories of them (default: the built-in lexicons).
    paths: Vec<PathBuf>,
}

#[derive(clap::Args, Debug)]
pub struct AddArgs {
    /// The lexicon file to append to.
    #[arg(long, value_name = "FILE")]
    file: PathBuf,
    /// The entity id, e.g. sergei_shoigu.
    #[arg(long, value_name = "ID")]
    entity: String,
    /// PER, ORG, GPE, LOC, FAC, EVENT or TERM.
    #[arg(long = "type", value_name = "TYPE")]
    kind: String,
    /// fr, en or * (the same in both languages).
    #[arg(long, value_name = "LANG")]
    lang: String,
    /// The file is meant to be loaded without the built-in lexicons: check it alone.
    #[arg(long)]
    no_default_lexicon: bool,
    /// The names to add, one row each.
    #[arg(required = true, value_name = "NAME")]
    names: Vec<String>,
}

#[derive(clap::Args, Debug)]
pub struct StatsArgs {
    /// Load PATHs without the built-in lexicons.
    #[arg(long)]
    no_default_lexicon: bool,
    /// A lexicon CSV file or directory to count, as other commands take it (repeatable).
    #[arg(long = "lexicon", value_name = "PATH")]
    lexicons: Vec<PathBuf>,
    /// Count these lexicon files or directories (loaded with the built-in ones
    /// unless --no-default-lexicon); default: the built-in lexicons.
    paths: Vec<PathBuf>,
}

/// The PATHs of `check` and `stats`: `--lexicon` ones, then positional ones.
fn all_paths(lexicons: Vec<PathBuf>, paths: Vec<PathBuf>) -> Vec<PathBuf> {
    lexicons.into_iter().chain(paths).collect()
}

pub fn run(command: Command) -> Result<Outcome> {
    match command {
        Command::Check(args) => run_check(args),
        Command::Add(args) => run_add(args),
        Command::Stats(args) => run_stats(args),
        Command::Import(Import::Cldr {
            from,
            demonyms,
            cities,
            lexicons,
        }) => {
            let dir = cldr::main_dir(from.as_deref())?;
            let sources = cldr::Sources::read(&dir, demonyms.as_deref(), cities)?;
            let import = sources.import(&lexicons.load_for_cldr()?);
            let what = if cities {
                "territories and zones"
            } else {
                "territories"
            };
            write_import(&import, &format!("{} {what}", dir.display()))
        }
        Command::Import(Import::Freedict { from, lexicons }) => {
            let (index, dict) = freedict::files(from.as_deref())?;
            let import = freedict::import_files(&index, &dict, &lexicons.load()?)?;
            write_import(&import, &format!("{} senses", index.display()))
        }
    }
}

fn write_import(import: &entente::lexicon::import::Import, what: &str) -> Result<Outcome> {
    let mut out = common::stdout();
    import.write_csv(&mut out)?;
    common::finish(out)?;
    for dropped in &import.dropped {
        eprintln!("entente: note: {dropped}");
    }
    eprintln!("entente: {}", import.summary(what));
    Ok(Outcome::Ok)
}

fn builder(paths: &[PathBuf], no_default_lexicon: bool) -> Result<LexiconBuilder> {
    if no_default_lexicon && paths.is_empty() {
        bail!("--no-default-lexicon needs at least one PATH");
    }
    let mut builder = LexiconBuilder::new().builtin(!no_default_lexicon);
    for path in paths {
        builder = builder.add_path(path)?;
    }
    Ok(builder)
}

fn run_check(args: CheckArgs) -> Result<Outcome> {
    let paths = all_paths(args.lexicons, args.paths);
    let report = builder(&paths, args.no_default_lexicon)?.check();
    let mut out = common::stdout();
    for finding in report.findings() {
        writeln!(out, "{finding}")?;
    }
    common::finish(out)?;
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    eprintln!(
        "entente: {}, {} in {}",
        plural(report.errors(), "error"),
        plural(report.warnings(), "warning"),
        plural(report.files(), "file")
    );
    Ok(if report.errors() > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

fn run_add(args: AddArgs) -> Result<Outcome> {
    let with = LexiconBuilder::new().builtin(!args.no_default_lexicon);
    let added = add::add(
        &args.file,
        &args.entity,
        &args.kind,
        &args.lang,
        &args.names,
        &with,
    )?;
    let file = args.file.display();
    let rows = |n: usize| format!("{n} row{}", if n == 1 { "" } else { "s" });
    let skipped = if added.present.is_empty() {
        String::new()
    } else {
        format!(
            " ({} already there: {})",
            rows(added.present.len()),
            added.present.join(", ")
        )
    };
    let verb = if added.created && !added.added.is_empty() {
        "created with"
    } else {
        "added"
    };
    eprintln!(
        "entente: {file}: {verb} {}{skipped}",
        rows(added.added.len())
    );
    for (name, place) in &added.elsewhere {
        eprintln!(
            "entente: note: {name:?} is also in {place}: redundant with the built-in lexicons, useful without them"
        );
    }
    Ok(Outcome::Ok)
}

fn run_stats(args: StatsArgs) -> Result<Outcome> {
    let paths = all_paths(args.lexicons, args.paths);
    let lexicon = builder(&paths, args.no_default_lexicon)?.build()?;
    // With PATHs, count their files only; the built-in ones are context.
    let counted = |file: usize| paths.is_empty() || !lexicon.files()[file].builtin;
    let mut by_type: BTreeMap<EntityType, (BTreeSet<usize>, usize)> = BTreeMap::new();
    let mut by_lang: BTreeMap<NameLang, (BTreeSet<usize>, usize)> = BTreeMap::new();
    let mut entries = BTreeSet::new();
    let mut names = 0;
    for name in lexicon.names().iter().filter(|n| counted(n.file)) {
        let kind = lexicon.entry_of(name).kind;
        for (set, count) in [
            by_type.entry(kind).or_default(),
            by_lang.entry(name.lang).or_default(),
        ] {
            set.insert(name.entry);
            *count += 1;
        }
        entries.insert(name.entry);
        names += 1;
    }
    let files = (0..lexicon.files().len()).filter(|&f| counted(f)).count();
    let shared: Vec<_> = check::shared_names(&lexicon)
        .into_iter()
        .filter(|s| s.names.iter().any(|&n| counted(lexicon.names()[n].file)))
        .collect();

    let mut out = common::stdout();
    writeln!(out, "files     {files:>7}")?;
    writeln!(out, "entries   {:>7}", entries.len())?;
    writeln!(out, "names     {names:>7}")?;
    writeln!(out, "\n{:<9} {:>7} {:>7}", "type", "entries", "names")?;
    for (kind, (set, count)) in &by_type {
        writeln!(out, "{:<9} {:>7} {count:>7}", kind.code(), set.len())?;
    }
    writeln!(out, "\n{:<9} {:>7} {:>7}", "language", "entries", "names")?;
    for (lang, (set, count)) in &by_lang {
        writeln!(out, "{:<9} {:>7} {count:>7}", lang.code(), set.len())?;
    }
    writeln!(
        out,
        "\nambiguous names (folded names several entities share): {}",
        shared.len()
    )?;
    for s in &shared {
        // Each entity once, at its first name with this key.
        let mut seen = BTreeSet::new();
        let entities: Vec<String> = s
            .names
            .iter()
            .map(|&n| &lexicon.names()[n])
            .filter(|name| seen.insert(name.entry))
            .map(|name| {
                let file = lexicon.files()[name.file].path.display();
                format!("{} ({file}:{})", lexicon.entry_of(name).id, name.line)
            })
            .collect();
        writeln!(out, "  {:<24} {}", s.key, entities.join(", "))?;
    }
    common::finish(out)
}
