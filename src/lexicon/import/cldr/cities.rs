//! CLDR's exemplar cities (`entente lexicon import cldr --cities`).
//!
//! Each time zone of CLDR's `<timeZoneNames>` is named after a city:
//! `<zone type="Europe/Paris"><exemplarCity>Paris</exemplarCity></zone>`.
//! The French name is `fr.xml`'s exemplar city; the English one is `en.xml`'s
//! (eleven zones have one), else `root.xml`'s, which `en` inherits in CLDR
//! (`Asia/Calcutta` → `Kolkata`), else the last part of the zone id with `_`
//! as a space (`America/New_York` → `New York`). French falls back the same
//! way (`Europe/London`: fr.xml has no exemplar city, so `London`). A
//! trailing qualifier is cut (`Tripoli (Libye)` → `Tripoli`).
//!
//! Each zone kept is a `GPE` noted `tz:Europe/Paris`:
//!
//! - one `*` row when the French and English names are the same string
//!   (`Tokyo`), else an `en` row and a `fr` row (`Moscow`, `Moscou`; also
//!   `Ushuaia`, `Ushuaïa`, which fold alike: each language keeps its spelling);
//! - it joins a loaded `GPE` entity that shares one of its names under
//!   folding and is not a territory (`Moscou` → `moscow` of `places.csv`),
//!   each loaded entity at most once; otherwise its id is the snake case of
//!   its English name (`new_york`);
//! - a name that another entity has (a territory, a demonym, a `TERM`, an
//!   earlier city) is dropped, and so is a name that is a French or English
//!   function word; a new city whose English name is dropped is left out.
//!
//! Left out as not cities: the zones of [`NOT_CITIES`], and zones named after
//! their territory (a name that a territory has in the same language:
//! `America/Panama`, `Indian/Comoro` whose French name is `Comores`).

use std::collections::HashSet;
use std::path::Path;

use quick_xml::events::Event;
use quick_xml::reader::Reader;

use super::super::{Dropped, Known, clean_name, snake_id};
use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::{EntityType, NameLang};
use crate::normalize::fold_key;
use crate::span::Lang;

/// Zones that are not cities in the news, by id or by id prefix (ending in
/// `/`), with the reason given on stderr.
pub const NOT_CITIES: &[(&str, &str)] = &[
    ("Etc/", "not a place"),
    (
        "Antarctica/",
        "a research station, named after a person or a word (Casey, Davis, Troll, Vostok)",
    ),
    (
        "America/Indiana/",
        "a small town that only keys a county's time rules; names such as Knox, Vincennes, Petersburg, Marengo are people or other places",
    ),
    (
        "America/Kentucky/",
        "a small town that only keys a county's time rules (Monticello)",
    ),
    (
        "America/North_Dakota/",
        "a small town that only keys a county's time rules (Center, Beulah)",
    ),
    ("America/Antigua", "the island of territory AG"),
    ("America/Cayman", "the islands of territory KY"),
    ("America/Danmarkshavn", "a weather station"),
    ("America/Dawson", "a surname more often than the town"),
    ("America/Grand_Turk", "an island"),
    ("America/Marigot", "a French common noun (a backwater)"),
    ("America/Miquelon", "an island of territory PM"),
    ("America/Noronha", "an island"),
    ("America/Resolute", "an English adjective"),
    ("America/St_Kitts", "an island of territory KN"),
    ("America/St_Thomas", "an island"),
    ("America/St_Vincent", "an island of territory VC"),
    ("America/Thule", "an air base, and a legendary land"),
    ("America/Tortola", "an island"),
    ("Asia/Oral", "an English adjective (the city is Uralsk)"),
    ("Atlantic/Azores", "an archipelago"),
    ("Atlantic/Madeira", "an island"),
    ("Atlantic/South_Georgia", "an island of territory GS"),
    ("Atlantic/Stanley", "a first name more often than the town"),
    ("Australia/Currie", "a surname more often than the town"),
    (
        "Australia/Darwin",
        "Charles Darwin more often than the city",
    ),
    ("Australia/Lindeman", "an island"),
    ("Australia/Lord_Howe", "an island"),
    (
        "Europe/Vatican",
        "the city-state VA: a second entity would split it",
    ),
    ("Indian/Chagos", "the archipelago of territory IO"),
    ("Indian/Christmas", "the island CX; Christmas the feast"),
    ("Indian/Cocos", "the islands CC"),
    ("Indian/Kerguelen", "an archipelago"),
    ("Indian/Mahe", "an island"),
    ("Pacific/Bougainville", "an island, and the navigator"),
    ("Pacific/Chatham", "an archipelago, and Chatham House"),
    ("Pacific/Easter", "an island; Easter the feast"),
    ("Pacific/Efate", "an island"),
    ("Pacific/Enderbury", "an atoll"),
    ("Pacific/Fakaofo", "an atoll"),
    ("Pacific/Galapagos", "an archipelago"),
    ("Pacific/Gambier", "an archipelago"),
    ("Pacific/Guadalcanal", "an island"),
    ("Pacific/Johnston", "an atoll, and a surname"),
    ("Pacific/Kanton", "an atoll; French Canton is Guangzhou"),
    ("Pacific/Kiritimati", "an atoll"),
    ("Pacific/Kosrae", "an island"),
    ("Pacific/Kwajalein", "an atoll"),
    ("Pacific/Marquesas", "an archipelago"),
    ("Pacific/Midway", "an atoll; an English word"),
    (
        "Pacific/Norfolk",
        "the island NF; Norfolk is an English county",
    ),
    ("Pacific/Pitcairn", "the islands of territory PN"),
    ("Pacific/Ponape", "an island"),
    ("Pacific/Rarotonga", "an island"),
    ("Pacific/Saipan", "an island"),
    ("Pacific/Tahiti", "an island"),
    ("Pacific/Tongatapu", "an island"),
    ("Pacific/Truk", "an island"),
    ("Pacific/Wake", "an atoll; an English word"),
    ("Pacific/Wallis", "an island, and a name"),
];

/// One `<zone>` of a locale file's `<timeZoneNames>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Zone {
    /// The zone id: `Europe/Paris`.
    pub id: String,
    /// Its `<exemplarCity>` without an `alt` attribute, unescaped, if any.
    pub city: Option<String>,
    /// Its line in the file.
    pub line: u64,
}

/// The zones of `fr.xml`, `en.xml` and `root.xml`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Zones {
    /// French.
    pub fr: Vec<Zone>,
    /// English.
    pub en: Vec<Zone>,
    /// The root locale, which English and French inherit from.
    pub root: Vec<Zone>,
}

impl Zones {
    /// Reads `fr.xml`, `en.xml` and (if there) `root.xml` of `dir`.
    pub fn read(dir: &Path) -> Result<Zones> {
        let read = |lang: &str| -> Result<Vec<Zone>> {
            let path = dir.join(format!("{lang}.xml"));
            if lang == "root" && !path.is_file() {
                return Ok(Vec::new());
            }
            parse(&path, &crate::input::read_text(&path)?)
        };
        Ok(Zones {
            fr: read("fr")?,
            en: read("en")?,
            root: read("root")?,
        })
    }

    /// Every zone id: French file order, then those only in English or root.
    pub fn ids(&self) -> Vec<&str> {
        let mut seen = HashSet::new();
        self.fr
            .iter()
            .chain(&self.en)
            .chain(&self.root)
            .map(|z| z.id.as_str())
            .filter(|id| seen.insert(*id))
            .collect()
    }

    /// The English and French names of zone `id` (see the module doc),
    /// cleaned; `None` for a name with no letter.
    pub fn names(&self, id: &str) -> (Option<String>, Option<String>) {
        let city = |zones: &[Zone]| {
            zones
                .iter()
                .find(|z| z.id == id)
                .and_then(|z| z.city.clone())
        };
        let from_id = id.rsplit('/').next().unwrap_or(id).replace('_', " ");
        let name = |own: &[Zone]| {
            let raw = city(own)
                .or_else(|| city(&self.root))
                .unwrap_or_else(|| from_id.clone());
            clean_name(without_qualifier(&raw))
        };
        (name(&self.en), name(&self.fr))
    }
}

/// `name` without a trailing ` (…)` or ` […]`: `Tripoli (Libye)` → `Tripoli`.
fn without_qualifier(name: &str) -> &str {
    let name = name.trim_end();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if name.ends_with(close)
            && let Some(at) = name.rfind(open)
            && at > 0
        {
            return name[..at].trim_end();
        }
    }
    name
}

/// The `<zone>` elements of a CLDR locale file's `<timeZoneNames>`, in
/// document order. `path` is used in errors, which carry the line.
pub fn parse(path: &Path, xml: &str) -> Result<Vec<Zone>> {
    let line_of = |offset: u64| crate::input::line_at(xml.as_bytes(), offset as usize);
    let fail =
        |offset: u64, what: String| Error::at_line(ErrorKind::Input, path, line_of(offset), what);
    let mut reader = Reader::from_str(xml);
    let mut zones = Vec::new();
    let mut in_names = false;
    let mut zone: Option<Zone> = None;
    // The text of the `<exemplarCity>` being read (one without `alt`).
    let mut city: Option<String> = None;
    loop {
        let at = reader.buffer_position();
        let event = reader
            .read_event()
            .map_err(|e| fail(reader.error_position(), format!("not valid XML: {e}")))?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"timeZoneNames" => in_names = true,
            Event::End(e) if e.name().as_ref() == b"timeZoneNames" => in_names = false,
            Event::Start(e) if in_names && e.name().as_ref() == b"zone" => {
                let id = match e.try_get_attribute("type") {
                    Ok(Some(a)) => a
                        .unescape_value()
                        .map_err(|err| fail(at, format!("bad attribute type: {err}")))?
                        .into_owned(),
                    Ok(None) => return Err(fail(at, "<zone> without a type attribute".into())),
                    Err(err) => return Err(fail(at, format!("bad attribute type: {err}"))),
                };
                zone = Some(Zone {
                    id,
                    city: None,
                    line: line_of(at),
                });
            }
            Event::Start(e) if zone.is_some() && e.name().as_ref() == b"exemplarCity" => {
                let alt = e.try_get_attribute("alt").ok().flatten().is_some();
                if !alt {
                    city = Some(String::new());
                }
            }
            Event::Text(t) => {
                if let Some(text) = &mut city {
                    text.push_str(
                        &t.unescape()
                            .map_err(|err| fail(at, format!("bad text: {err}")))?,
                    );
                }
            }
            Event::End(e) if e.name().as_ref() == b"exemplarCity" => {
                if let (Some(zone), Some(text)) = (&mut zone, city.take()) {
                    zone.city.get_or_insert(text);
                }
            }
            Event::End(e) if e.name().as_ref() == b"zone" => zones.extend(zone.take()),
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(zones)
}

/// Why zone `id` is not a city by [`NOT_CITIES`], if it is listed.
pub fn not_a_city(id: &str) -> Option<&'static str> {
    NOT_CITIES
        .iter()
        .find(|(zone, _)| {
            if zone.ends_with('/') {
                id.starts_with(zone)
            } else {
                id == *zone
            }
        })
        .map(|&(_, why)| why)
}

/// Imports the exemplar cities of `zones` into `known`, after the
/// territories, whose entity ids are `territories` (module doc).
pub(super) fn import(known: &mut Known, zones: &Zones, territories: &[String]) {
    let function_words = [
        crate::data::function_words(Lang::Fr),
        crate::data::function_words(Lang::En),
    ];
    let is_territory = |id: &str| territories.iter().any(|t| t == id);
    let mut joined_entities = Vec::new();
    let kind = EntityType::Political;
    for zone in zones.ids() {
        let from = zone.to_string();
        let leave_out = |known: &mut Known, why: String| {
            known.import.skipped += 1;
            known.import.dropped.push(Dropped::Entry {
                from: from.clone(),
                why,
            });
        };
        if let Some(why) = not_a_city(zone) {
            leave_out(known, why.to_string());
            continue;
        }
        let (en, fr) = zones.names(zone);
        let names: Vec<(NameLang, String)> = match (en, fr) {
            (Some(en), Some(fr)) if en == fr => vec![(NameLang::Any, en)],
            (en, fr) => [(NameLang::En, en), (NameLang::Fr, fr)]
                .into_iter()
                .filter_map(|(lang, name)| Some((lang, name?)))
                .collect(),
        };
        // Named after its territory: a territory's name in the same language.
        let territory = names.iter().find_map(|(lang, name)| {
            known
                .entities_named(name)
                .into_iter()
                .find(|&(id, l)| {
                    is_territory(id) && (l == *lang || l == NameLang::Any || *lang == NameLang::Any)
                })
                .map(|(id, _)| id.to_string())
        });
        if let Some(territory) = territory {
            leave_out(
                known,
                format!("named after its territory, entity {territory}"),
            );
            continue;
        }
        // Common words go first, so they neither join nor name an entity.
        let mut kept = Vec::new();
        for (lang, name) in names {
            let key = fold_key(&name);
            if function_words.iter().any(|w| w.contains(&key)) {
                known.import.dropped.push(Dropped::CommonWord {
                    from: from.clone(),
                    name,
                });
            } else {
                kept.push((lang, name));
            }
        }
        let city = |k: EntityType, _| k == EntityType::Political;
        let joined = known
            .loaded_entities(kept.iter().map(|(_, n)| n.as_str()), city)
            .into_iter()
            .map(|(entry, _)| entry)
            .find(|&entry| !joined_entities.contains(&entry) && !is_territory(known.id_of(entry)));
        let id = match joined {
            Some(entry) => {
                joined_entities.push(entry);
                known.join(entry).0
            }
            None => {
                let english = kept.iter().find(|(lang, name)| {
                    *lang != NameLang::Fr && known.owner("", kind, *lang, name).is_none()
                });
                let Some((_, english)) = english else {
                    // Say which names went, then why the zone did.
                    for (lang, name) in &kept {
                        if let Some(owner) = known.owner("", kind, *lang, name) {
                            let owner = owner.to_string();
                            known.import.taken += 1;
                            known.import.dropped.push(Dropped::Taken {
                                from: from.clone(),
                                name: name.clone(),
                                owner,
                            });
                        }
                    }
                    leave_out(known, "no English name of its own".into());
                    continue;
                };
                let base = snake_id(english);
                let suffix = snake_id(zone.split('/').next().unwrap_or(""));
                known.new_id(&base, &suffix)
            }
        };
        known.import.entries += 1;
        let note = format!("tz:{zone}");
        for (lang, name) in &kept {
            if joined.is_some() && *lang == NameLang::Any {
                // A loaded entity may have it in one language already.
                for lang in [NameLang::En, NameLang::Fr] {
                    known.push_unique(&from, &id, kind, lang, name, &note);
                }
            } else {
                known.push_unique(&from, &id, kind, *lang, name, &note);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FR: &str = r#"<ldml><dates><timeZoneNames>
        <zone type="Europe/Paris"><exemplarCity>Paris</exemplarCity></zone>
        <zone type="Africa/Tripoli"><exemplarCity>Tripoli (Libye)</exemplarCity></zone>
        <zone type="Europe/London"><long><daylight>heure d’été britannique</daylight></long></zone>
        <metazone type="Europe_Central"><long><standard>heure d’Europe centrale</standard></long></metazone>
    </timeZoneNames></dates></ldml>"#;

    const EN: &str = r#"<ldml><dates><timeZoneNames>
        <zone type="Europe/Kiev"><exemplarCity alt="old">Kiev</exemplarCity><exemplarCity>Kyiv</exemplarCity></zone>
    </timeZoneNames></dates></ldml>"#;

    const ROOT: &str = r#"<ldml><dates><timeZoneNames>
        <zone type="Asia/Calcutta"><exemplarCity>Kolkata</exemplarCity></zone>
    </timeZoneNames></dates></ldml>"#;

    fn zones() -> Zones {
        Zones {
            fr: parse(Path::new("fr.xml"), FR).unwrap(),
            en: parse(Path::new("en.xml"), EN).unwrap(),
            root: parse(Path::new("root.xml"), ROOT).unwrap(),
        }
    }

    #[test]
    fn parses_zones_and_their_exemplar_cities() {
        let z = zones();
        assert_eq!(
            z.fr[0],
            Zone {
                id: "Europe/Paris".into(),
                city: Some("Paris".into()),
                line: 2
            }
        );
        assert_eq!(z.fr.len(), 3, "the metazone is no zone");
        assert_eq!(z.fr[2].city, None);
        assert_eq!(z.en[0].city.as_deref(), Some("Kyiv"), "not the alt form");
        assert_eq!(
            z.ids(),
            [
                "Europe/Paris",
                "Africa/Tripoli",
                "Europe/London",
                "Europe/Kiev",
                "Asia/Calcutta"
            ]
        );
    }

    #[test]
    fn names_fall_back_to_root_then_to_the_zone_id() {
        let z = zones();
        let names = |id| {
            let (en, fr) = z.names(id);
            (en.unwrap(), fr.unwrap())
        };
        assert_eq!(names("Europe/Paris"), ("Paris".into(), "Paris".into()));
        assert_eq!(
            names("Africa/Tripoli"),
            ("Tripoli".into(), "Tripoli".into()),
            "qualifier cut"
        );
        assert_eq!(names("Europe/London"), ("London".into(), "London".into()));
        assert_eq!(names("Europe/Kiev"), ("Kyiv".into(), "Kiev".into()));
        assert_eq!(names("Asia/Calcutta"), ("Kolkata".into(), "Kolkata".into()));
        assert_eq!(without_qualifier("Vincennes [Indiana]"), "Vincennes");
        assert_eq!(without_qualifier("(x)"), "(x)");
    }

    #[test]
    fn zones_that_are_not_cities() {
        assert_eq!(not_a_city("Etc/UTC"), Some("not a place"));
        assert!(not_a_city("Antarctica/Casey").is_some());
        assert!(not_a_city("America/Indiana/Knox").is_some());
        assert!(not_a_city("Pacific/Wake").is_some());
        assert_eq!(not_a_city("Europe/Paris"), None);
        assert_eq!(not_a_city("America/Indianapolis"), None);
    }

    #[test]
    fn bad_xml_names_file_and_line() {
        let err = parse(
            Path::new("fr.xml"),
            "<ldml>\n<timeZoneNames>\n<zone>X</zone>",
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "fr.xml:3: <zone> without a type attribute");
    }
}
