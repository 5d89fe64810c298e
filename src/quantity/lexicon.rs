//! What a word means to the quantity stage. The number tables of
//! `data/numbers/` (`common.tsv` and one per language: `word<TAB>kind<TAB>value`)
//! become one lookup table per language, and the word lists a few rules
//! consult (metre words, span words, ordinal endings, currency symbols …)
//! are read from the same folder. Everything is parsed once.

use std::sync::OnceLock;

use super::lexer::Fold;
use crate::data::{
    NUMBERS_COMMON, NUMBERS_CURRENCY_SYMBOLS, NUMBERS_DATE_PREFIXES, NUMBERS_DAY_SUFFIXES,
    NUMBERS_DURATION_COMPOUNDS, NUMBERS_EN, NUMBERS_EN_ORDINAL_SUFFIXES, NUMBERS_FR,
    NUMBERS_FR_ORDINAL_SUFFIXES, NUMBERS_HALF_DETERMINERS, NUMBERS_HOUR_SPAN_WORDS,
    NUMBERS_METRE_WORDS, NUMBERS_MONEY_SUFFIXES, NUMBERS_SPAN_AFTER, NUMBERS_SPAN_BEFORE,
    NUMBERS_SUFFIX_STARTS,
};
use crate::data::{WordSet, rows};
use crate::span::Lang;

/// The stage's data files, by their path under `data/`, for the checks below.
#[cfg(test)]
const FILES: &[(&str, &str)] = &[
    ("numbers/common.tsv", NUMBERS_COMMON),
    ("numbers/fr.tsv", NUMBERS_FR),
    ("numbers/en.tsv", NUMBERS_EN),
    ("numbers/en-metre-words.txt", NUMBERS_METRE_WORDS),
    ("numbers/en-span-after.txt", NUMBERS_SPAN_AFTER),
    ("numbers/en-span-before.txt", NUMBERS_SPAN_BEFORE),
    ("numbers/en-half-determiners.txt", NUMBERS_HALF_DETERMINERS),
    (
        "numbers/en-duration-compounds.txt",
        NUMBERS_DURATION_COMPOUNDS,
    ),
    ("numbers/suffix-starts.txt", NUMBERS_SUFFIX_STARTS),
    (
        "numbers/fr-ordinal-suffixes.txt",
        NUMBERS_FR_ORDINAL_SUFFIXES,
    ),
    (
        "numbers/en-ordinal-suffixes.txt",
        NUMBERS_EN_ORDINAL_SUFFIXES,
    ),
    ("numbers/day-suffixes.txt", NUMBERS_DAY_SUFFIXES),
    ("numbers/date-prefixes.txt", NUMBERS_DATE_PREFIXES),
    ("numbers/fr-hour-span-words.txt", NUMBERS_HOUR_SPAN_WORDS),
    ("numbers/currency-symbols.tsv", NUMBERS_CURRENCY_SYMBOLS),
    ("numbers/money-suffixes.tsv", NUMBERS_MONEY_SUFFIXES),
];

/// Time units. Decades and centuries are keyed in years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Tu {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
}

impl Tu {
    const ALL: [Tu; 9] = [
        Tu::Year,
        Tu::Month,
        Tu::Week,
        Tu::Day,
        Tu::Hour,
        Tu::Minute,
        Tu::Second,
        Tu::Decade,
        Tu::Century,
    ];

    /// The unit's own name: the value of a `dur` row, and what keys write
    /// (`dur:4:year`, `dur:few:decade`).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Tu::Year => "year",
            Tu::Month => "month",
            Tu::Week => "week",
            Tu::Day => "day",
            Tu::Hour => "hour",
            Tu::Minute => "minute",
            Tu::Second => "second",
            Tu::Decade => "decade",
            Tu::Century => "century",
        }
    }

    /// The base unit and the power of ten that converts to it, so that
    /// "une décennie" and "ten years" share a key.
    pub(crate) fn base(self) -> (Tu, usize) {
        match self {
            Tu::Decade => (Tu::Year, 1),
            Tu::Century => (Tu::Year, 2),
            other => (other, 0),
        }
    }

    fn from_name(name: &str) -> Option<Tu> {
        Tu::ALL.into_iter().find(|tu| tu.name() == name)
    }
}

/// What a word means to this stage; almost every word is `Other`. Each
/// variant but `Other` and `AFr` is a kind of the number tables (the
/// tables' header lists them).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    Other,
    /// Cardinal word 2..=90 (`deux`, `twenty`).
    Card(u64),
    /// `un`, `une`, `one`: a number only in compounds or before a unit.
    One,
    /// English `a`, `an`.
    A,
    Hundred,
    Thousand,
    /// `million(s)`, `milliard(s)`, `billion(s)` …: a power of ten.
    Scale {
        pow: usize,
        plural: bool,
    },
    /// Plural magnitudes used vaguely: `dizaines`, `tens`, `milliers`;
    /// `each` is what one of them counts (`douzaines`: 12), 0 if nothing.
    Vague {
        pow: usize,
        each: u64,
    },
    /// Approximate counts: `douzaine`, `dozen`, `centaine`.
    Approx(u64),
    Ord(u64),
    /// `second` (en), `seconde` (fr): ordinal or time unit.
    SecondAmb,
    /// Fraction denominators: `tiers`, `quart`, `thirds`, `quarter`.
    Frac(u64),
    /// `demi(e)`, `half`.
    Half,
    /// `moitié`: a half on its own.
    HalfNoun,
    Dur(Tu),
    /// French `h` as in `14 h 30`.
    HourAbbr,
    Qty(&'static str),
    Cur(&'static str),
    /// `percent`, `pourcent`.
    Pct,
    /// `pour` / `per`, as in `pour cent`, `per cent`.
    Per,
    Times,
    Reprise,
    Twice(u64),
    Once,
    /// `quelques`, `plusieurs`, `several`, `few`.
    Few,
    /// Adjectives allowed between a number and a time unit
    /// (`deux prochaines années`, `two more years`).
    Adj,
    Month(u8),
    MonthAbbr(u8),
    Wday(u8),
    /// `midi`, `minuit`, `noon`, `midnight`.
    Clock(u32),
    Et,
    And,
    Of,
    De,
    /// French `à` (kept apart from the verb `a` by the lexer, not a table).
    AFr,
    Ou,
    Or,
    To,
    Au,
    /// English words that make a following `May` a month.
    MonthCtx,
    /// `US`, as in `US$`.
    Us,
}

impl Lex {
    /// The meaning of a table row's fields after the word (`kind`, then
    /// the value and the count if the kind takes them); `None` for an
    /// unknown kind, a missing, extra or out-of-range value.
    fn parse(fields: &[&'static str]) -> Option<Lex> {
        let (&kind, values) = fields.split_first()?;
        let number = |at: usize| values.get(at).and_then(|v| v.parse::<u64>().ok());
        let value = || number(0);
        let in_range = |lo: u64, hi: u64| value().filter(|v| (lo..=hi).contains(v));
        let (lex, arity) = match kind {
            "card" => (Lex::Card(in_range(2, 90)?), 1),
            "one" => (Lex::One, 0),
            "a" => (Lex::A, 0),
            "hundred" => (Lex::Hundred, 0),
            "thousand" => (Lex::Thousand, 0),
            "scale" | "scale-plural" => {
                let pow = value().filter(|p| [6, 9, 12].contains(p))? as usize;
                let plural = kind == "scale-plural";
                (Lex::Scale { pow, plural }, 1)
            }
            "vague" => {
                let pow = in_range(1, 3)? as usize;
                let each = match values.get(1) {
                    Some(_) => number(1).filter(|&n| n > 0)?,
                    None => 0,
                };
                (Lex::Vague { pow, each }, values.len().clamp(1, 2))
            }
            "approx" => (Lex::Approx(in_range(2, u64::from(u32::MAX))?), 1),
            "ord" => (Lex::Ord(in_range(1, u64::from(u32::MAX))?), 1),
            "second" => (Lex::SecondAmb, 0),
            "frac" => (Lex::Frac(in_range(2, 1000)?), 1),
            "half" => (Lex::Half, 0),
            "half-noun" => (Lex::HalfNoun, 0),
            "dur" => (Lex::Dur(Tu::from_name(values.first()?)?), 1),
            "hour-abbr" => (Lex::HourAbbr, 0),
            "qty" => (Lex::Qty(unit_key(values.first()?)?), 1),
            "cur" => (Lex::Cur(unit_key(values.first()?)?), 1),
            "pct" => (Lex::Pct, 0),
            "per" => (Lex::Per, 0),
            "times" => (Lex::Times, 0),
            "reprise" => (Lex::Reprise, 0),
            "twice" => (Lex::Twice(in_range(2, 10)?), 1),
            "once" => (Lex::Once, 0),
            "few" => (Lex::Few, 0),
            "adj" => (Lex::Adj, 0),
            "month" => (Lex::Month(in_range(1, 12)? as u8), 1),
            "month-abbr" => (Lex::MonthAbbr(in_range(1, 12)? as u8), 1),
            "wday" => (Lex::Wday(in_range(1, 7)? as u8), 1),
            "clock" => (Lex::Clock(in_range(0, 23)? as u32), 1),
            "et" => (Lex::Et, 0),
            "and" => (Lex::And, 0),
            "of" => (Lex::Of, 0),
            "de" => (Lex::De, 0),
            "ou" => (Lex::Ou, 0),
            "or" => (Lex::Or, 0),
            "to" => (Lex::To, 0),
            "au" => (Lex::Au, 0),
            "month-ctx" => (Lex::MonthCtx, 0),
            "us" => (Lex::Us, 0),
            _ => return None,
        };
        (values.len() == arity).then_some(lex)
    }
}

/// A unit or currency key as keys write it: lower-case ASCII letters and
/// digits (`mm`, `km2`, `usd`), no `:` to confuse the key's fields.
fn unit_key(s: &'static str) -> Option<&'static str> {
    let ok = !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit());
    ok.then_some(s)
}

/// The rows of a number table that parse, in file order: (word, meaning).
fn table(file: &'static str) -> impl Iterator<Item = (&'static str, Lex)> {
    rows(file).filter_map(|(_, fields)| Some((*fields.first()?, Lex::parse(&fields[1..])?)))
}

/// The words of `lang` with their meanings: the language's own table,
/// then the common one.
pub(crate) fn words(lang: Lang) -> &'static [(&'static str, Lex)] {
    static FR_WORDS: OnceLock<Vec<(&'static str, Lex)>> = OnceLock::new();
    static EN_WORDS: OnceLock<Vec<(&'static str, Lex)>> = OnceLock::new();
    let (cell, own) = match lang {
        Lang::Fr => (&FR_WORDS, NUMBERS_FR),
        Lang::En => (&EN_WORDS, NUMBERS_EN),
    };
    cell.get_or_init(|| table(own).chain(table(NUMBERS_COMMON)).collect())
}

/// The first word of `lang` that means `lex` (`Month(7)` → `july`), for
/// descriptions and for other stages that need month or weekday names.
pub(crate) fn word_for(lang: Lang, lex: Lex) -> Option<&'static str> {
    words(lang)
        .iter()
        .find(|&&(_, l)| l == lex)
        .map(|&(w, _)| w)
}

/// The lexicon of `lang` as a lookup table.
pub(crate) fn lexicon(lang: Lang) -> &'static LexMap {
    static FR_MAP: OnceLock<LexMap> = OnceLock::new();
    static EN_MAP: OnceLock<LexMap> = OnceLock::new();
    let cell = match lang {
        Lang::Fr => &FR_MAP,
        Lang::En => &EN_MAP,
    };
    cell.get_or_init(|| LexMap::new(words(lang).iter().copied()))
}

/// The lexicon as an open-addressing table keyed by a word's [`Fold`] read
/// as one `u128` (15 bytes and a length): one multiply and usually one
/// comparison per word, which matters because every word is looked up.
pub(crate) struct LexMap {
    slots: Vec<(u128, Lex)>,
    mask: usize,
}

impl LexMap {
    fn new(entries: impl Iterator<Item = (&'static str, Lex)>) -> LexMap {
        let entries: Vec<(u128, Lex)> = entries
            .filter_map(|(k, v)| Fold::of(k).map(|f| (f.key(), v)))
            .collect();
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut map = LexMap {
            slots: vec![(0, Lex::Other); size],
            mask: size - 1,
        };
        for (k, v) in entries {
            let mut at = slot(k) & map.mask;
            // A word twice (the tables' test forbids it): the first meaning stays.
            while map.slots[at].0 != 0 && map.slots[at].0 != k {
                at = (at + 1) & map.mask;
            }
            if map.slots[at].0 == 0 {
                map.slots[at] = (k, v);
            }
        }
        map
    }

    #[inline]
    pub(crate) fn get(&self, f: &Fold) -> Lex {
        if f.is_empty() {
            return Lex::Other;
        }
        let k = f.key();
        let mut at = slot(k) & self.mask;
        loop {
            match self.slots.get(at) {
                Some(&(key, lex)) if key == k => return lex,
                Some(&(0, _)) | None => return Lex::Other,
                Some(_) => at = (at + 1) & self.mask,
            }
        }
    }
}

#[inline]
fn slot(k: u128) -> usize {
    let h = ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as usize
}

/// The word lists the rules consult, each from its data file.
pub(crate) struct Lists {
    /// After a glued `m`: metres, not millions (`the 100m sprint`).
    pub(crate) metre_words: WordSet,
    /// After English `a year`: a span, not a rate (`a year ago`).
    pub(crate) span_after: WordSet,
    /// Before English `a year`: a span, not a rate (`for a year`).
    pub(crate) span_before: WordSet,
    /// After `half`: the fraction (`half the votes`).
    pub(crate) half_determiners: WordSet,
    /// After a hyphenated time unit: still a duration (`18-month-old`).
    pub(crate) duration_compounds: WordSet,
    /// Words of no kind that may begin what follows a number (`1990s`, `pm`).
    pub(crate) suffix_starts: WordSet,
    fr_ordinal_suffixes: WordSet,
    en_ordinal_suffixes: WordSet,
    /// After a day number after a month (`September 13th`).
    pub(crate) day_suffixes: WordSet,
    /// Before a hyphen and a year: a date, not a code (`mi-2019`).
    pub(crate) date_prefixes: WordSet,
    /// Before French `N h`: a duration, not a time (`pendant 48 h`).
    pub(crate) hour_span_words: WordSet,
    currency_symbols: Vec<(char, &'static str)>,
    money_suffixes: Vec<(&'static str, usize)>,
}

impl Lists {
    /// Ordinal endings glued to digits: `1er`, `70e`, `2nd`, `13th`.
    pub(crate) fn is_ordinal_suffix(&self, lang: Lang, folded: &str) -> bool {
        match lang {
            Lang::Fr => self.fr_ordinal_suffixes.contains(folded),
            Lang::En => self.en_ordinal_suffixes.contains(folded),
        }
    }

    /// The currency a symbol stands for (`$` → `usd`).
    pub(crate) fn currency_of(&self, c: char) -> Option<&'static str> {
        self.currency_symbols
            .iter()
            .find(|&&(s, _)| s == c)
            .map(|&(_, code)| code)
    }

    /// The first symbol of a currency (`usd` → `$`), for descriptions.
    pub(crate) fn symbol_of(&self, code: &str) -> Option<char> {
        self.currency_symbols
            .iter()
            .find(|&&(_, c)| c == code)
            .map(|&(s, _)| s)
    }

    /// The power of ten of a multiplier glued to an amount (`£300m`: 6).
    pub(crate) fn money_suffix(&self, folded: &str) -> Option<usize> {
        self.money_suffixes
            .iter()
            .find(|&&(w, _)| w == folded)
            .map(|&(_, pow)| pow)
    }
}

/// The word lists, read once.
pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| Lists {
        metre_words: WordSet::of(NUMBERS_METRE_WORDS),
        span_after: WordSet::of(NUMBERS_SPAN_AFTER),
        span_before: WordSet::of(NUMBERS_SPAN_BEFORE),
        half_determiners: WordSet::of(NUMBERS_HALF_DETERMINERS),
        duration_compounds: WordSet::of(NUMBERS_DURATION_COMPOUNDS),
        suffix_starts: WordSet::of(NUMBERS_SUFFIX_STARTS),
        fr_ordinal_suffixes: WordSet::of(NUMBERS_FR_ORDINAL_SUFFIXES),
        en_ordinal_suffixes: WordSet::of(NUMBERS_EN_ORDINAL_SUFFIXES),
        day_suffixes: WordSet::of(NUMBERS_DAY_SUFFIXES),
        date_prefixes: WordSet::of(NUMBERS_DATE_PREFIXES),
        hour_span_words: WordSet::of(NUMBERS_HOUR_SPAN_WORDS),
        currency_symbols: currency_symbols().collect(),
        money_suffixes: money_suffixes().collect(),
    })
}

/// The rows of `currency-symbols.tsv` that parse: (symbol, currency).
fn currency_symbols() -> impl Iterator<Item = (char, &'static str)> {
    rows(NUMBERS_CURRENCY_SYMBOLS).filter_map(|(_, fields)| match fields[..] {
        [symbol, code] => {
            let mut chars = symbol.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => Some((c, unit_key(code)?)),
                _ => None,
            }
        }
        _ => None,
    })
}

/// The rows of `money-suffixes.tsv` that parse: (ending, power of ten).
fn money_suffixes() -> impl Iterator<Item = (&'static str, usize)> {
    rows(NUMBERS_MONEY_SUFFIXES).filter_map(|(_, fields)| match fields[..] {
        [ending, pow] => Some((ending, pow.parse().ok().filter(|p| [3, 6, 9].contains(p))?)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::lines;
    use crate::normalize::fold_word;
    use rustc_hash::FxHashSet;

    /// What the lexer can look up: folded as `fold_word` folds, ASCII, and
    /// short enough for a [`Fold`].
    fn check_word(path: &str, line: usize, word: &str) {
        let mut folded = String::new();
        fold_word(word, &mut folded);
        assert_eq!(folded, word, "data/{path}:{line}: {word:?} is not folded");
        assert!(
            Fold::of(word).is_some(),
            "data/{path}:{line}: {word:?} is not ASCII or longer than the lexer keeps"
        );
    }

    const TABLES: &[(&str, &str)] = &[
        ("numbers/common.tsv", NUMBERS_COMMON),
        ("numbers/fr.tsv", NUMBERS_FR),
        ("numbers/en.tsv", NUMBERS_EN),
    ];

    /// Every kind of the tables, with one row that uses it.
    const KINDS: &[&str] = &[
        "card",
        "one",
        "a",
        "hundred",
        "thousand",
        "scale",
        "scale-plural",
        "vague",
        "approx",
        "ord",
        "second",
        "frac",
        "half",
        "half-noun",
        "dur",
        "hour-abbr",
        "qty",
        "cur",
        "pct",
        "per",
        "times",
        "reprise",
        "twice",
        "once",
        "few",
        "adj",
        "month",
        "month-abbr",
        "wday",
        "clock",
        "et",
        "and",
        "of",
        "de",
        "ou",
        "or",
        "to",
        "au",
        "month-ctx",
        "us",
    ];

    #[test]
    fn every_table_row_parses_and_its_word_is_folded() {
        for (path, file) in TABLES {
            for (line, fields) in rows(file) {
                assert!(
                    fields.len() >= 2 && Lex::parse(&fields[1..]).is_some(),
                    "data/{path}:{line}: {fields:?}: unknown kind or bad value"
                );
                check_word(path, line, fields[0]);
            }
        }
    }

    #[test]
    fn no_word_twice_in_a_language() {
        for (lang, own) in [
            (Lang::Fr, ("numbers/fr.tsv", NUMBERS_FR)),
            (Lang::En, ("numbers/en.tsv", NUMBERS_EN)),
        ] {
            let mut seen = FxHashSet::default();
            for (path, file) in [own, ("numbers/common.tsv", NUMBERS_COMMON)] {
                for (line, fields) in rows(file) {
                    assert!(
                        seen.insert(fields[0]),
                        "data/{path}:{line}: {:?} twice in {lang}",
                        fields[0]
                    );
                }
            }
        }
    }

    #[test]
    fn every_kind_is_known_documented_and_used() {
        let examples = [
            &["card", "2"][..],
            &["one"],
            &["a"],
            &["hundred"],
            &["thousand"],
            &["scale", "6"],
            &["scale-plural", "6"],
            &["vague", "1"],
            &["approx", "12"],
            &["ord", "1"],
            &["second"],
            &["frac", "3"],
            &["half"],
            &["half-noun"],
            &["dur", "year"],
            &["hour-abbr"],
            &["qty", "mm"],
            &["cur", "usd"],
            &["pct"],
            &["per"],
            &["times"],
            &["reprise"],
            &["twice", "2"],
            &["once"],
            &["few"],
            &["adj"],
            &["month", "1"],
            &["month-abbr", "1"],
            &["wday", "1"],
            &["clock", "12"],
            &["et"],
            &["and"],
            &["of"],
            &["de"],
            &["ou"],
            &["or"],
            &["to"],
            &["au"],
            &["month-ctx"],
            &["us"],
        ];
        assert_eq!(examples.len(), KINDS.len());
        for (fields, kind) in examples.iter().zip(KINDS) {
            assert_eq!(fields[0], *kind);
            assert!(Lex::parse(fields).is_some(), "{fields:?}");
        }
        for bad in [
            &["card"][..],
            &["card", "1"],
            &["card", "two"],
            &["one", "1"],
            &["month", "13"],
            &["wday", "0"],
            &["scale", "7"],
            &["vague", "1", "0"],
            &["dur", "fortnight"],
            &["qty", "k:m"],
            &["cardinal", "2"],
        ] {
            assert!(Lex::parse(bad).is_none(), "{bad:?}");
        }
        let used: FxHashSet<&str> = TABLES
            .iter()
            .flat_map(|(_, file)| rows(file).map(|(_, fields)| fields[1]))
            .collect();
        for (path, file) in TABLES {
            for kind in KINDS {
                assert!(used.contains(kind), "no row of kind {kind}");
                let documented = file
                    .lines()
                    .any(|l| l.starts_with('#') && l[1..].split([' ', ',']).any(|w| w == *kind));
                assert!(documented, "data/{path}: kind {kind} not in the header");
            }
        }
    }

    #[test]
    fn months_and_weekdays_have_their_own_rows() {
        for lang in [Lang::Fr, Lang::En] {
            for m in 1..=12 {
                assert!(word_for(lang, Lex::Month(m)).is_some(), "{lang} month {m}");
            }
            for d in 1..=7 {
                assert!(word_for(lang, Lex::Wday(d)).is_some(), "{lang} weekday {d}");
            }
        }
        assert_eq!(word_for(Lang::Fr, Lex::Month(8)), Some("aout"));
        assert_eq!(word_for(Lang::En, Lex::Wday(3)), Some("wednesday"));
    }

    #[test]
    fn word_lists_hold_words_the_lexer_can_read() {
        for (path, file) in FILES.iter().filter(|(p, _)| p.ends_with(".txt")) {
            assert!(lines(file).next().is_some(), "data/{path} is empty");
            for (line, word) in lines(file) {
                check_word(path, line, word);
            }
        }
    }

    #[test]
    fn symbol_and_suffix_tables_parse() {
        for (path, file, parsed) in [
            (
                "numbers/currency-symbols.tsv",
                NUMBERS_CURRENCY_SYMBOLS,
                currency_symbols().count(),
            ),
            (
                "numbers/money-suffixes.tsv",
                NUMBERS_MONEY_SUFFIXES,
                money_suffixes().count(),
            ),
        ] {
            assert_eq!(
                parsed,
                rows(file).count(),
                "data/{path}: a row does not parse"
            );
        }
        let mut seen = FxHashSet::default();
        for (symbol, _) in currency_symbols() {
            assert!(seen.insert(symbol), "{symbol} twice");
        }
        for (line, fields) in rows(NUMBERS_MONEY_SUFFIXES) {
            check_word("numbers/money-suffixes.tsv", line, fields[0]);
        }
        let l = lists();
        assert_eq!(l.currency_of('€'), Some("eur"));
        assert_eq!(l.symbol_of("usd"), Some('$'));
        assert_eq!(l.money_suffix("mln"), Some(6));
    }

    #[test]
    fn suffix_starts_hold_the_words_the_suffix_rules_read() {
        // The words of no kind that `Scanner::suffix` and the rules it
        // calls test for right after a number.
        for word in [
            "s", "am", "pm", "p", "livre", "livres", "pound", "pounds", "degres", "degrees",
        ] {
            assert!(lists().suffix_starts.contains(word), "{word}");
        }
    }
}
