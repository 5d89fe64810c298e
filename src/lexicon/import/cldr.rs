//! French and English territory names from CLDR (`entente lexicon import cldr`).
//!
//! Reads `<territory type="KP">Corée du Nord</territory>` (and its
//! `alt="short"` / `alt="variant"` forms) from the `en.xml` and `fr.xml` of
//! CLDR's `common/main` directory, as Debian's `unicode-cldr-core` installs it.
//!
//! - Countries and other territories with a two-letter code are `GPE`, noted
//!   `iso:KP`.
//! - Regions and continents with a UN M49 number (`150` Europe, `002` Africa)
//!   are `LOC`, noted `m49:150`, and so is `QO` (Outlying Oceania). `001`
//!   (World: French "Monde" would also match the newspaper *Le Monde*) is
//!   left out.
//! - Codes that are not territories are left out: `EU`, `EZ` (the European
//!   Union and the euro area), `UN` (the `un` organisation of the built-in
//!   lexicons), `XA`, `XB` (pseudo-locales) and `ZZ` (unknown region).
//! - A territory joins the loaded `GPE` or `LOC` entity that shares most of
//!   its names under folding (each loaded entity is joined at most once);
//!   otherwise its id is the snake case of its English name
//!   (`cote_d_ivoire`), with the code appended if that id is taken.
//!
//! English names come first, so a new entity's label is its English name.

use std::path::{Path, PathBuf};

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::{Fate, Import, Known, clean_name, snake_id};
use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::{EntityType, Lexicon, NameLang};

/// Where Debian's `unicode-cldr-core` puts the locale files.
pub const DEFAULT_DIR: &str = "/usr/share/unicode/cldr/common/main";

/// Codes of `<territory>` that are not imported (see the module doc).
pub const LEFT_OUT: [&str; 7] = ["001", "EU", "EZ", "UN", "XA", "XB", "ZZ"];

/// One `<territory>` element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TerritoryName {
    /// The `type` attribute: `KP`, `150`.
    pub code: String,
    /// The `alt` attribute, if any: `short`, `variant`.
    pub alt: Option<String>,
    /// The text, unescaped.
    pub name: String,
    /// Its line in the file.
    pub line: u64,
}

/// The `common/main` directory that `from` names: that directory itself, or
/// a `common` directory (or the CLDR root above it) holding one.
pub fn main_dir(from: Option<&Path>) -> Result<PathBuf> {
    let Some(from) = from else {
        return Ok(PathBuf::from(DEFAULT_DIR));
    };
    for dir in [
        from.to_path_buf(),
        from.join("main"),
        from.join("common").join("main"),
    ] {
        if dir.join("en.xml").is_file() && dir.join("fr.xml").is_file() {
            return Ok(dir);
        }
    }
    Err(Error::in_file(
        ErrorKind::Io,
        from,
        "no en.xml and fr.xml here, in main/ or in common/main/ (give CLDR's common or common/main directory)",
    ))
}

/// Reads `DIR/en.xml` and `DIR/fr.xml` and imports their territories.
pub fn import_dir(dir: &Path, lexicon: &Lexicon) -> Result<Import> {
    let read = |lang: &str| -> Result<Vec<TerritoryName>> {
        let path = dir.join(format!("{lang}.xml"));
        parse(&path, &crate::input::read_text(&path)?)
    };
    Ok(import(&read("en")?, &read("fr")?, lexicon))
}

/// The `<territory>` elements of a CLDR locale file's `<territories>`, in
/// document order. `path` is used in errors, which carry the line.
pub fn parse(path: &Path, xml: &str) -> Result<Vec<TerritoryName>> {
    let line_of = |offset: u64| {
        1 + xml.as_bytes()[..(offset as usize).min(xml.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u64
    };
    let fail =
        |offset: u64, what: String| Error::at_line(ErrorKind::Input, path, line_of(offset), what);
    let mut reader = Reader::from_str(xml);
    let mut names = Vec::new();
    let mut in_territories = false;
    // The territory being read: code, alt, text so far, line.
    let mut current: Option<(String, Option<String>, String, u64)> = None;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| fail(reader.error_position(), format!("not valid XML: {e}")))?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"territories" => in_territories = true,
            Event::End(e) if e.name().as_ref() == b"territories" => in_territories = false,
            Event::Start(e) if in_territories && e.name().as_ref() == b"territory" => {
                let attr = |key: &str| -> Result<Option<String>> {
                    match e.try_get_attribute(key) {
                        Ok(Some(a)) => a
                            .unescape_value()
                            .map(|v| Some(v.into_owned()))
                            .map_err(|err| fail(at, format!("bad attribute {key}: {err}"))),
                        Ok(None) => Ok(None),
                        Err(err) => Err(fail(at, format!("bad attribute {key}: {err}"))),
                    }
                };
                let Some(code) = attr("type")? else {
                    return Err(fail(at, "<territory> without a type attribute".into()));
                };
                current = Some((code, attr("alt")?, String::new(), line_of(at)));
            }
            Event::Text(t) => {
                if let Some((_, _, text, _)) = &mut current {
                    text.push_str(
                        &t.unescape()
                            .map_err(|err| fail(at, format!("bad text: {err}")))?,
                    );
                }
            }
            Event::CData(t) => {
                if let Some((_, _, text, _)) = &mut current {
                    text.push_str(&String::from_utf8_lossy(&t));
                }
            }
            Event::End(e) if e.name().as_ref() == b"territory" => {
                if let Some((code, alt, name, line)) = current.take() {
                    names.push(TerritoryName {
                        code,
                        alt,
                        name,
                        line,
                    });
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(names)
}

/// Imports the territories of `en` and `fr` (from [`parse`]) against
/// `lexicon`, following the rules of this module and of [`super`].
pub fn import(en: &[TerritoryName], fr: &[TerritoryName], lexicon: &Lexicon) -> Import {
    let mut known = Known::new(lexicon);
    let mut codes: Vec<&str> = Vec::new();
    for t in en.iter().chain(fr) {
        if !codes.contains(&t.code.as_str()) {
            codes.push(&t.code);
        }
    }
    let mut joined_entities = Vec::new();
    for code in codes {
        // Names in order: English then French; main, then short, then variant.
        let mut names: Vec<(NameLang, String)> = Vec::new();
        for (lang, list) in [(NameLang::En, en), (NameLang::Fr, fr)] {
            for alt in [None, Some("short"), Some("variant")] {
                let here = list
                    .iter()
                    .filter(|t| t.code == code && t.alt.as_deref() == alt);
                names.extend(here.filter_map(|t| Some((lang, clean_name(&t.name)?))));
            }
        }
        if LEFT_OUT.contains(&code) || names.is_empty() {
            known.import.skipped += 1;
            continue;
        }
        known.import.entries += 1;
        let numeric = code.bytes().all(|b| b.is_ascii_digit());
        let kind = if numeric || code == "QO" {
            EntityType::Location
        } else {
            EntityType::Political
        };
        let place =
            |kind: EntityType, _| matches!(kind, EntityType::Political | EntityType::Location);
        let joined = known
            .loaded_entities(names.iter().map(|(_, n)| n.as_str()), place)
            .into_iter()
            .map(|(entry, _)| entry)
            .find(|entry| !joined_entities.contains(entry));
        let (id, kind) = match joined {
            Some(entry) => {
                joined_entities.push(entry);
                known.join(entry)
            }
            None => {
                // A new entity needs an English name no other entity has.
                let english = names.iter().find(|(l, n)| {
                    *l == NameLang::En && known.fate("", kind, NameLang::En, n) != Fate::Taken
                });
                let Some((_, english)) = english else {
                    known.import.entries -= 1;
                    known.import.skipped += 1;
                    continue;
                };
                (
                    known.new_id(&snake_id(english), &code.to_ascii_lowercase()),
                    kind,
                )
            }
        };
        let note = if numeric {
            format!("m49:{code}")
        } else {
            format!("iso:{code}")
        };
        for (lang, name) in &names {
            known.push(&id, kind, *lang, name, &note);
        }
    }
    known.import
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LexiconBuilder;

    const EN: &str = r#"<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE ldml SYSTEM "../../common/dtd/ldml.dtd">
<ldml>
	<localeDisplayNames>
		<languages><language type="fr">French</language></languages>
		<territories>
			<territory type="001">World</territory>
			<territory type="150">Europe</territory>
			<territory type="BA">Bosnia &amp; Herzegovina</territory>
			<territory type="BA" alt="short">Bosnia</territory>
			<territory type="CI">Côte d’Ivoire</territory>
			<territory type="CI" alt="variant">Ivory Coast</territory>
			<territory type="KP">North Korea</territory>
			<territory type="UN">United Nations</territory>
		</territories>
	</localeDisplayNames>
</ldml>
"#;

    const FR: &str = r#"<ldml><localeDisplayNames><territories>
			<territory type="001">Monde</territory>
			<territory type="150">Europe</territory>
			<territory type="BA">Bosnie-Herzégovine</territory>
			<territory type="CI">Côte d’Ivoire</territory>
			<territory type="CI" alt="variant">{ZWSP}{ZWSP}République de Côte d’Ivoire</territory>
			<territory type="KP">Corée du Nord</territory>
			<territory type="UN">Nations Unies</territory>
</territories></localeDisplayNames></ldml>"#;

    /// The French fixture, with the zero-width spaces CLDR 41 has before a name.
    fn fr() -> Vec<TerritoryName> {
        parse(Path::new("fr.xml"), &FR.replace("{ZWSP}", "\u{200B}")).unwrap()
    }

    fn rows(import: &Import) -> Vec<String> {
        import
            .rows
            .iter()
            .map(|r| {
                format!(
                    "{},{},{},{},{}",
                    r.entity,
                    r.kind,
                    r.lang.code(),
                    r.name,
                    r.note
                )
            })
            .collect()
    }

    #[test]
    fn parses_territories_with_alt_forms_and_lines() {
        let names = parse(Path::new("en.xml"), EN).unwrap();
        assert_eq!(names.len(), 8, "the <language> is not a territory");
        assert_eq!(
            names[2],
            TerritoryName {
                code: "BA".into(),
                alt: None,
                name: "Bosnia & Herzegovina".into(),
                line: 9
            }
        );
        assert_eq!(names[3].alt.as_deref(), Some("short"));
    }

    #[test]
    fn imports_new_entities_from_english_names() {
        let en = parse(Path::new("en.xml"), EN).unwrap();
        let fr = fr();
        assert!(fr[4].name.starts_with('\u{200B}'));
        let empty = LexiconBuilder::new().builtin(false).build().unwrap();
        let import = import(&en, &fr, &empty);
        assert_eq!(
            rows(&import),
            [
                "europe,LOC,en,Europe,m49:150",
                "europe,LOC,fr,Europe,m49:150",
                "bosnia_herzegovina,GPE,en,Bosnia & Herzegovina,iso:BA",
                "bosnia_herzegovina,GPE,en,Bosnia,iso:BA",
                "bosnia_herzegovina,GPE,fr,Bosnie-Herzégovine,iso:BA",
                "cote_d_ivoire,GPE,en,Côte d’Ivoire,iso:CI",
                "cote_d_ivoire,GPE,en,Ivory Coast,iso:CI",
                "cote_d_ivoire,GPE,fr,Côte d’Ivoire,iso:CI",
                "cote_d_ivoire,GPE,fr,République de Côte d’Ivoire,iso:CI",
                "north_korea,GPE,en,North Korea,iso:KP",
                "north_korea,GPE,fr,Corée du Nord,iso:KP",
            ]
        );
        assert_eq!(
            (import.entries, import.skipped, import.new_entities),
            (4, 2, 4)
        );
    }

    #[test]
    fn joins_loaded_entities_and_skips_known_rows() {
        let en = parse(Path::new("en.xml"), EN).unwrap();
        let fr = fr();
        assert!(fr[4].name.starts_with('\u{200B}'));
        let lexicon = LexiconBuilder::new()
            .builtin(false)
            .add_text(
                "l.csv",
                "entity,type,lang,name\ndprk,GPE,fr,Corée du Nord\ndprk,GPE,en,DPRK\nbosnia,PER,en,Bosnia\neurope_continent,LOC,*,Europe\n",
            )
            .build()
            .unwrap();
        let import = import(&en, &fr, &lexicon);
        let rows = rows(&import);
        assert!(
            rows.contains(&"dprk,GPE,en,North Korea,iso:KP".to_string()),
            "{rows:#?}"
        );
        assert!(
            !rows.iter().any(|r| r.contains("Corée du Nord")),
            "known already"
        );
        assert!(!rows.iter().any(|r| r.starts_with("europe")), "{rows:#?}");
        assert!(
            !rows.contains(&"bosnia_herzegovina,GPE,en,Bosnia,iso:BA".to_string()),
            "a PER's name is not taken"
        );
        assert_eq!((import.joined, import.known, import.taken), (2, 3, 1));
    }

    #[test]
    fn bad_xml_names_file_and_line() {
        let err = parse(
            Path::new("fr.xml"),
            "<ldml>\n<territories>\n<territory>X</territory>",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "fr.xml:3: <territory> without a type attribute"
        );
        let err = parse(Path::new("fr.xml"), "<ldml>\n<territories>\n</ldml>").unwrap_err();
        assert!(
            err.to_string().starts_with("fr.xml:3: not valid XML"),
            "{err}"
        );
    }

    #[test]
    fn main_dir_accepts_common_or_common_main() {
        let root = tempfile::tempdir().unwrap();
        let main = root.path().join("common/main");
        std::fs::create_dir_all(&main).unwrap();
        for f in ["en.xml", "fr.xml"] {
            std::fs::write(main.join(f), "<ldml/>").unwrap();
        }
        for from in [
            root.path().to_path_buf(),
            root.path().join("common"),
            main.clone(),
        ] {
            assert_eq!(main_dir(Some(&from)).unwrap(), main);
        }
        let err = main_dir(Some(&root.path().join("nowhere"))).unwrap_err();
        assert!(err.to_string().contains("no en.xml and fr.xml here"));
    }
}
