//! What a lexicon row's `type` and `lang` columns may say, and the nearest
//! valid value when a row says something else.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::span::Lang;

/// The kinds of entry a lexicon holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organisation,
    /// A country, city or region as a political unit.
    #[serde(rename = "GPE")]
    Political,
    /// Another place (sea, mountain, region as geography).
    #[serde(rename = "LOC")]
    Location,
    /// A facility (cosmodrome, plant, base).
    #[serde(rename = "FAC")]
    Facility,
    /// An event.
    #[serde(rename = "EVENT")]
    Event,
    /// A general concept the aligner uses (ammunition / munitions).
    #[serde(rename = "TERM")]
    Term,
}

impl EntityType {
    /// All types, in the order the documentation lists them.
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Organisation,
        EntityType::Political,
        EntityType::Location,
        EntityType::Facility,
        EntityType::Event,
        EntityType::Term,
    ];

    /// The code used in CSV and JSON (`PER`, `GPE`, …).
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organisation => "ORG",
            EntityType::Political => "GPE",
            EntityType::Location => "LOC",
            EntityType::Facility => "FAC",
            EntityType::Event => "EVENT",
            EntityType::Term => "TERM",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(s: &str) -> Result<EntityType, String> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.code() == s)
            .ok_or_else(|| {
                let codes = EntityType::ALL.map(EntityType::code);
                format!(
                    "unknown type {s:?}{} (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
                    did_you_mean(s, &codes, &[])
                )
            })
    }
}

/// `; did you mean X?` when `written` is close to one of `codes`: the same
/// but for case, a prefix of it or it a prefix of `written` (`PERS`,
/// `Person`, `fra`), one edit away (`GEP`), or an `alias`; else nothing.
fn did_you_mean(written: &str, codes: &[&str], aliases: &[(&str, &str)]) -> String {
    let upper = written.trim().to_uppercase();
    if upper.is_empty() {
        return String::new();
    }
    let code_upper = |c: &&&str| c.to_uppercase();
    let guess = aliases
        .iter()
        .find(|(alias, _)| alias.to_uppercase() == upper)
        .map(|(_, code)| *code)
        .or_else(|| codes.iter().find(|c| code_upper(c) == upper).copied())
        .or_else(|| {
            let prefix = |c: &&&str| {
                let c = code_upper(c);
                upper.len() >= 2 && (upper.starts_with(&c) || c.starts_with(&upper))
            };
            let mut found = codes.iter().filter(prefix);
            found.next().filter(|_| found.next().is_none()).copied()
        })
        .or_else(|| {
            let close = |c: &&&str| {
                crate::tag::variants::osa_within(upper.as_bytes(), code_upper(c).as_bytes(), 1)
                    .is_some()
            };
            let mut found = codes.iter().filter(close);
            found.next().filter(|_| found.next().is_none()).copied()
        });
    match guess {
        Some(code) if code != written => format!("; did you mean {code}?"),
        _ => String::new(),
    }
}

/// The language a name belongs to: French, English, or both (`*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum NameLang {
    /// `fr`
    #[serde(rename = "fr")]
    Fr,
    /// `en`
    #[serde(rename = "en")]
    En,
    /// `*`: the same in every language.
    #[serde(rename = "*")]
    Any,
}

impl NameLang {
    /// The code used in CSV (`fr`, `en`, `*`).
    pub fn code(self) -> &'static str {
        match self {
            NameLang::Fr => "fr",
            NameLang::En => "en",
            NameLang::Any => "*",
        }
    }

    /// The one language this name is written in, if it is not `*`.
    pub fn lang(self) -> Option<Lang> {
        match self {
            NameLang::Fr => Some(Lang::Fr),
            NameLang::En => Some(Lang::En),
            NameLang::Any => None,
        }
    }

    /// True when a name of this language may be used in a text of `lang`.
    pub fn fits(self, lang: Lang) -> bool {
        self.lang().is_none_or(|l| l == lang)
    }
}

impl FromStr for NameLang {
    type Err = String;

    fn from_str(s: &str) -> Result<NameLang, String> {
        match s {
            "fr" => Ok(NameLang::Fr),
            "en" => Ok(NameLang::En),
            "*" => Ok(NameLang::Any),
            other => Err(format!(
                "unknown language {other:?}{} (expected fr, en or *)",
                did_you_mean(
                    other,
                    &["fr", "en", "*"],
                    &[("any", "*"), ("all", "*"), ("both", "*")]
                )
            )),
        }
    }
}
