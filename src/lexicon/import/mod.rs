//! Lexicon rows from public data (`entente lexicon import`): territory names
//! from CLDR ([`cldr`]) and French–English terms from FreeDict ([`freedict`]).
//!
//! Both importers follow the same rules against the lexicons loaded alongside
//! (the built-in ones and any `--lexicon`), kept by [`Known`]:
//!
//! - an imported entry that shares a folded name with a loaded entity of a
//!   fitting type joins it: it reuses the entity's id and type;
//! - a row the loaded lexicons (or the import itself) already have — same
//!   entity, language and folded name, a `*` name counting for both languages —
//!   is not written again;
//! - a name that a *different* loaded entity has, where the tagger could
//!   confuse the two, is dropped: the tagger prefers names from user files, so
//!   the imported row would take the name away from the loaded entity;
//! - new ids are ASCII snake case ([`snake_id`]) and never reuse a loaded id.
//!
//! Everything is deterministic: the same data and lexicons give the same bytes.

pub mod cldr;
pub mod freedict;

use std::collections::{HashMap, HashSet};
use std::io::Write;

use unicode_normalization::UnicodeNormalization;

use super::Lexicon;
use super::check::found_in;
use super::rows::{EntityType, NameLang, check_name};
use crate::normalize::fold_key;

/// The header of imported CSV: the required columns and a `note` saying where
/// the row came from (`iso:KP`, `freedict:n, masc`).
pub const HEADER: [&str; 5] = ["entity", "type", "lang", "name", "note"];

/// One imported row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportRow {
    /// The entity id, reused or new.
    pub entity: String,
    /// Its type.
    pub kind: EntityType,
    /// The name's language.
    pub lang: NameLang,
    /// The name.
    pub name: String,
    /// Where it came from.
    pub note: String,
}

/// What an import produced, and how.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Import {
    /// The rows to write, in a deterministic order.
    pub rows: Vec<ImportRow>,
    /// Entries of the source turned into rows (territories, headword senses).
    pub entries: usize,
    /// Entries of the source left out as not usable (see each importer).
    pub skipped: usize,
    /// New entities created.
    pub new_entities: usize,
    /// Loaded entities that imported entries joined.
    pub joined: usize,
    /// Names the loaded lexicons already had for the same entity.
    pub known: usize,
    /// Names dropped because another loaded entity has them.
    pub taken: usize,
    /// What was left out and why, name by name, for the command's stderr
    /// (only importers that explain their choices fill it).
    pub dropped: Vec<Dropped>,
}

/// A name or a whole entry that an import left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dropped {
    /// `name`, from source entry `from`, is a name of entity `owner`.
    Taken {
        /// The source entry: a territory code, a time zone.
        from: String,
        /// The name left out.
        name: String,
        /// The entity that has it.
        owner: String,
    },
    /// `name`, from source entry `from`, is a common word of French or English.
    CommonWord {
        /// The source entry.
        from: String,
        /// The name left out.
        name: String,
    },
    /// Source entry `from` gave no row.
    Entry {
        /// The source entry.
        from: String,
        /// Why.
        why: String,
    },
}

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Dropped::Taken { from, name, owner } => {
                write!(f, "{from}: {name:?} left out: a name of entity {owner}")
            }
            Dropped::CommonWord { from, name } => {
                write!(f, "{from}: {name:?} left out: a common word")
            }
            Dropped::Entry { from, why } => write!(f, "{from} left out: {why}"),
        }
    }
}

impl Import {
    /// Writes the rows as lexicon CSV (header [`HEADER`], `\n` line ends).
    pub fn write_csv(&self, out: impl Write) -> std::io::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(out);
        writer.write_record(HEADER)?;
        for r in &self.rows {
            writer.write_record([
                r.entity.as_str(),
                r.kind.code(),
                r.lang.code(),
                &r.name,
                &r.note,
            ])?;
        }
        writer.flush()
    }

    /// One line saying what was imported, for the command's stderr.
    pub fn summary(&self, what: &str) -> String {
        format!(
            "{} rows from {} {what} ({} left out as unusable): {} new entities, {} joined existing ones; \
             {} names already known, {} dropped as names of other entities",
            self.rows.len(),
            self.entries,
            self.skipped,
            self.new_entities,
            self.joined,
            self.known,
            self.taken
        )
    }
}

/// An id from a name: ASCII letters and digits in lower case, every other run
/// of characters one `_` (`Côte d’Ivoire` → `cote_d_ivoire`). May be empty.
///
/// ```
/// use entente::lexicon::import::snake_id;
/// assert_eq!(snake_id("Côte d’Ivoire"), "cote_d_ivoire");
/// assert_eq!(snake_id("St. Kitts & Nevis"), "st_kitts_nevis");
/// assert_eq!(snake_id("boîte aux lettres"), "boite_aux_lettres");
/// ```
pub fn snake_id(name: &str) -> String {
    let ascii = deunicode::deunicode(name).to_lowercase();
    let mut id = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c);
        } else if !id.is_empty() && !id.ends_with('_') {
            id.push('_');
        }
    }
    id.truncate(id.trim_end_matches('_').len());
    id
}

/// A name as data sources write it, made fit for a lexicon: NFC, no invisible
/// characters (CLDR has zero-width spaces), Unicode hyphens as `-`, single
/// spaces, trimmed. `None` when what is left would not pass the loader's
/// checks.
pub fn clean_name(raw: &str) -> Option<String> {
    let visible: String = raw
        .nfc()
        .filter(|c| {
            !matches!(
                c,
                '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FEFF}'
            )
        })
        .map(|c| {
            if matches!(c, '\u{2010}' | '\u{2011}') {
                '-'
            } else {
                c
            }
        })
        .collect();
    let name = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    check_name(&name).is_ok().then_some(name)
}

/// The loaded lexicons' names by folded key, the ids in use, and the rows
/// imported so far: what the rules of the module doc are decided on.
pub struct Known<'l> {
    lexicon: &'l Lexicon,
    /// Folded key → names of the loaded lexicons (indexes into `lexicon.names()`).
    loaded: HashMap<String, Vec<usize>>,
    /// Folded key → imported rows (indexes into `import.rows`).
    imported: HashMap<String, Vec<usize>>,
    ids: HashSet<String>,
    /// The import being built.
    pub import: Import,
}

impl<'l> Known<'l> {
    /// Indexes the names of `lexicon`.
    pub fn new(lexicon: &'l Lexicon) -> Known<'l> {
        let mut loaded: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, name) in lexicon.names().iter().enumerate() {
            loaded.entry(fold_key(&name.text)).or_default().push(i);
        }
        let ids = lexicon.entries().iter().map(|e| e.id.clone()).collect();
        Known {
            lexicon,
            loaded,
            imported: HashMap::new(),
            ids,
            import: Import::default(),
        }
    }

    /// The loaded entities that have a name folding like `name`, with how
    /// many of `names` they have, most first, then in order of first match.
    pub fn loaded_entities<'n>(
        &self,
        names: impl IntoIterator<Item = &'n str>,
        fits: impl Fn(EntityType, NameLang) -> bool,
    ) -> Vec<(usize, usize)> {
        let mut found: Vec<(usize, usize)> = Vec::new();
        for name in names {
            let mut here = HashSet::new();
            for &n in self.loaded.get(&fold_key(name)).into_iter().flatten() {
                let name = &self.lexicon.names()[n];
                let entry = name.entry;
                if !fits(self.lexicon.entries()[entry].kind, name.lang) || !here.insert(entry) {
                    continue;
                }
                match found.iter_mut().find(|(e, _)| *e == entry) {
                    Some((_, count)) => *count += 1,
                    None => found.push((entry, 1)),
                }
            }
        }
        found.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
        found
    }

    /// The id and type of loaded entity `entry`, counted as joined.
    pub fn join(&mut self, entry: usize) -> (String, EntityType) {
        self.import.joined += 1;
        let e = &self.lexicon.entries()[entry];
        (e.id.clone(), e.kind)
    }

    /// A new id: `base` if free, else `base_SUFFIX`, else `base_SUFFIX_2`, …
    pub fn new_id(&mut self, base: &str, suffix: &str) -> String {
        self.import.new_entities += 1;
        let mut id = base.to_string();
        if self.ids.contains(&id) || id.is_empty() {
            id = [base, suffix]
                .iter()
                .filter(|s| !s.is_empty())
                .copied()
                .collect::<Vec<_>>()
                .join("_");
            let stem = id.clone();
            let mut n = 2;
            while self.ids.contains(&id) {
                id = format!("{stem}_{n}");
                n += 1;
            }
        }
        self.ids.insert(id.clone());
        id
    }

    /// Whether `id` is in use (loaded or imported).
    pub fn has_id(&self, id: &str) -> bool {
        self.ids.contains(id)
    }

    /// What [`Known::push`] would do with this row.
    pub fn fate(&self, entity: &str, kind: EntityType, lang: NameLang, name: &str) -> Fate {
        let key = fold_key(name);
        let here = found_in(lang, kind);
        let clashes = |other: [bool; 2]| (here[0] && other[0]) || (here[1] && other[1]);
        let same_lang = |other: NameLang| other == lang || other == NameLang::Any;
        let mut fate = Fate::New;
        for &n in self.loaded.get(&key).into_iter().flatten() {
            let other = &self.lexicon.names()[n];
            let other_entry = &self.lexicon.entries()[other.entry];
            if other_entry.id == entity {
                if same_lang(other.lang) {
                    fate = Fate::Known;
                }
            } else if clashes(found_in(other.lang, other_entry.kind)) {
                return Fate::Taken;
            }
        }
        for &r in self.imported.get(&key).into_iter().flatten() {
            let row = &self.import.rows[r];
            if row.entity == entity && same_lang(row.lang) {
                fate = Fate::Known;
            }
        }
        fate
    }

    /// The other entity, loaded or imported so far, that has a name folding
    /// like `name` where the tagger could confuse it with `entity`'s (see
    /// [`Known::fate`]), if any: the first loaded one, else the first imported.
    pub fn owner(
        &self,
        entity: &str,
        kind: EntityType,
        lang: NameLang,
        name: &str,
    ) -> Option<&str> {
        let key = fold_key(name);
        let here = found_in(lang, kind);
        let clashes = |other: [bool; 2]| (here[0] && other[0]) || (here[1] && other[1]);
        for &n in self.loaded.get(&key).into_iter().flatten() {
            let other = &self.lexicon.names()[n];
            let other_entry = &self.lexicon.entries()[other.entry];
            if other_entry.id != entity && clashes(found_in(other.lang, other_entry.kind)) {
                return Some(&other_entry.id);
            }
        }
        self.imported
            .get(&key)
            .into_iter()
            .flatten()
            .map(|&r| &self.import.rows[r])
            .find(|row| row.entity != entity && clashes(found_in(row.lang, row.kind)))
            .map(|row| row.entity.as_str())
    }

    /// The entities, loaded or imported so far, with a name folding like
    /// `name`, each with that name's language, loaded ones first.
    pub fn entities_named(&self, name: &str) -> Vec<(&str, NameLang)> {
        let key = fold_key(name);
        let loaded = self.loaded.get(&key).into_iter().flatten().map(|&n| {
            let name = &self.lexicon.names()[n];
            (self.lexicon.entries()[name.entry].id.as_str(), name.lang)
        });
        let imported = self.imported.get(&key).into_iter().flatten().map(|&r| {
            let row = &self.import.rows[r];
            (row.entity.as_str(), row.lang)
        });
        loaded.chain(imported).collect()
    }

    /// Like [`Known::push`], but stricter and explained: a name that an
    /// entity imported earlier in this run has is dropped too (so that one
    /// import never gives a folded name to two entities), and every dropped
    /// name is noted in [`Import::dropped`] under `from`.
    pub fn push_unique(
        &mut self,
        from: &str,
        entity: &str,
        kind: EntityType,
        lang: NameLang,
        name: &str,
        note: &str,
    ) -> Fate {
        if let Some(owner) = self.owner(entity, kind, lang, name).map(str::to_string) {
            self.import.taken += 1;
            let dropped = Dropped::Taken {
                from: from.to_string(),
                name: name.to_string(),
                owner,
            };
            self.import.dropped.push(dropped);
            return Fate::Taken;
        }
        self.push(entity, kind, lang, name, note)
    }

    /// Adds a row unless it is known already or its name is another loaded
    /// entity's (module doc), and counts what it did.
    pub fn push(
        &mut self,
        entity: &str,
        kind: EntityType,
        lang: NameLang,
        name: &str,
        note: &str,
    ) -> Fate {
        let fate = self.fate(entity, kind, lang, name);
        match fate {
            Fate::Known => self.import.known += 1,
            Fate::Taken => self.import.taken += 1,
            Fate::New => {
                let row = ImportRow {
                    entity: entity.to_string(),
                    kind,
                    lang,
                    name: name.to_string(),
                    note: note.to_string(),
                };
                self.imported
                    .entry(fold_key(name))
                    .or_default()
                    .push(self.import.rows.len());
                self.import.rows.push(row);
            }
        }
        fate
    }

    /// The id of loaded entity `entry`.
    pub fn id_of(&self, entry: usize) -> &str {
        &self.lexicon.entries()[entry].id
    }
}

/// What becomes of an imported row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    /// It is written.
    New,
    /// The entity has that name in that language already.
    Known,
    /// Another loaded entity has the name: it is dropped.
    Taken,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LexiconBuilder;

    fn lexicon(csv: &str) -> Lexicon {
        LexiconBuilder::new()
            .builtin(false)
            .add_text("l.csv", csv)
            .build()
            .unwrap()
    }

    #[test]
    fn snake_ids_and_clean_names() {
        for (name, id) in [
            ("Côte d’Ivoire", "cote_d_ivoire"),
            ("  Åland Islands ", "aland_islands"),
            ("São Tomé & Príncipe", "sao_tome_principe"),
            ("Congo - Kinshasa", "congo_kinshasa"),
            ("...", ""),
        ] {
            assert_eq!(snake_id(name), id, "{name}");
        }
        assert_eq!(
            clean_name("\u{200B}\u{200B}République de Côte d’Ivoire").as_deref(),
            Some("République de Côte d’Ivoire")
        );
        assert_eq!(
            clean_name("mer\u{2010}du  Japon ").as_deref(),
            Some("mer-du Japon")
        );
        assert_eq!(
            clean_name("Cor\u{65}\u{301}e").as_deref(),
            Some("Corée"),
            "NFC"
        );
        assert_eq!(clean_name(" ... "), None);
    }

    #[test]
    fn rows_known_taken_or_new() {
        let lex = lexicon(
            "entity,type,lang,name\nnk,GPE,fr,Corée du Nord\nnk,GPE,*,DPRK\nshell,TERM,fr,obus\nwar,TERM,en,war\n",
        );
        let mut known = Known::new(&lex);
        let gpe = EntityType::Political;
        let term = EntityType::Term;
        // Same entity, language and folded name: known (a `*` name counts for both).
        assert_eq!(
            known.push("nk", gpe, NameLang::Fr, "Coree du nord", ""),
            Fate::Known
        );
        assert_eq!(known.push("nk", gpe, NameLang::En, "DPRK", ""), Fate::Known);
        // Same entity, another language: a new row.
        assert_eq!(
            known.push("nk", gpe, NameLang::En, "Corée du Nord", ""),
            Fate::New
        );
        // Another entity's name where the tagger can confuse them: dropped.
        assert_eq!(
            known.push("other", gpe, NameLang::En, "DPRK", ""),
            Fate::Taken
        );
        assert_eq!(
            known.fate("fd_x_1", term, NameLang::En, "DPRK"),
            Fate::Taken,
            "a GPE name is found in either language"
        );
        // A TERM name of the other language is no clash.
        assert_eq!(
            known.push("fd_obus_1", term, NameLang::En, "obus", ""),
            Fate::New
        );
        assert_eq!(
            known.push("fd_guerre_1", term, NameLang::Fr, "war", ""),
            Fate::New
        );
        // Imported twice: the second is known.
        assert_eq!(
            known.push("fd_guerre_1", term, NameLang::Fr, "War", ""),
            Fate::Known
        );
        let i = &known.import;
        assert_eq!((i.rows.len(), i.known, i.taken), (3, 3, 1));
    }

    #[test]
    fn ids_are_unique_and_deterministic() {
        let lex = lexicon("entity,type,lang,name\ngeorgia,GPE,en,Georgia\n");
        let mut known = Known::new(&lex);
        assert_eq!(known.new_id("georgia", "ge"), "georgia_ge");
        assert_eq!(known.new_id("georgia", "ge"), "georgia_ge_2");
        assert_eq!(known.new_id("chad", "td"), "chad");
        assert_eq!(known.new_id("", "td"), "td");
        assert!(known.has_id("chad"));
    }

    #[test]
    fn loaded_entities_rank_by_names_shared() {
        let lex = lexicon(
            "entity,type,lang,name\na,GPE,en,Alpha\nb,GPE,en,Beta\nb,GPE,fr,Bêta\nc,PER,en,Gamma\n",
        );
        let known = Known::new(&lex);
        let places = |k: EntityType, _| matches!(k, EntityType::Political | EntityType::Location);
        let found = known.loaded_entities(["Alpha", "Beta", "Bêta", "Gamma"], places);
        let ids: Vec<(&str, usize)> = found
            .iter()
            .map(|&(e, n)| (lex.entries()[e].id.as_str(), n))
            .collect();
        assert_eq!(ids, [("b", 2), ("a", 1)]);
    }
}
