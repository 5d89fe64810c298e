//! Numbers, quantities, durations, dates, months and weekdays as
//! language-independent keys.
//!
//! Two articles that report the same event in French and in English rarely
//! share words, but they share figures: "quatre ans" and "four years",
//! "à deux reprises" and "twice", "le 13 septembre" and "September 13".
//! [`extract`] finds such expressions and gives each one a key that is the
//! same in both languages, so that statements can be linked by equal keys.
//!
//! The scanner is hand-written: a tokenizer (words, digit runs, single
//! punctuation marks, with the kind of gap before each token) feeds a
//! left-to-right matcher that looks a bounded number of tokens ahead. It is
//! linear in the text, keeps only a small window of tokens in memory, and
//! never panics.
//!
//! # Keys
//!
//! | family | French | English | key |
//! |---|---|---|---|
//! | plain number | `122`, `1 000`, `2,5` | `122`, `1,000`, `2.5` | `num:122`, `num:1000`, `num:2.5` |
//! | number words | `vingt-deux`, `quatre-vingt-dix` | `twenty-two`, `ninety` | `num:22`, `num:90` |
//! | multipliers | `2 millions`, `1,5 milliard` | `two million`, `1.5 billion` | `num:2000000`, `num:1500000000` |
//! | about N | `une douzaine`, `une centaine de` | `a dozen`, `a hundred` | `num:12`, `num:100` |
//! | … with a unit | `une dizaine d'années`, `une centaine de km` | `a dozen years`, `a hundred km` | `dur:10:year`, `qty:100:km` |
//! | orders of magnitude | `des dizaines de millions`, `des milliers`, `plusieurs centaines` | `tens of millions`, `thousands`, `several hundred` | `num:tens_of_millions`, `num:thousands`, `num:hundreds` |
//! | measures | `122 mm`, `40 km`, `5 tonnes` | `122-mm`, `40 kilometres`, `5 tons` | `qty:122:mm`, `qty:40:km`, `qty:5:t` |
//! | percent | `5 %`, `5 pour cent` | `5%`, `5 per cent`, `5 percent` | `pct:5` |
//! | money | `2 millions de dollars`, `5 €` | `$2 million`, `€5` | `money:2000000:usd`, `money:5:eur` |
//! | durations | `quatre ans`, `deux heures`, `40 secondes`, `un an et demi`, `une décennie` | `four years`, `two hours`, `40 seconds`, `a year and a half`, `a decade` | `dur:4:year`, `dur:2:hour`, `dur:40:second`, `dur:1.5:year`, `dur:10:year` |
//! | … compounds | `une guerre de 18 mois`, `une demi-heure`, `trois quarts d'heure` | `the 18-month-old war`, `half an hour`, `three quarters of an hour` | `dur:18:month`, `dur:0.5:hour`, `dur:0.75:hour` |
//! | vague durations | `quelques heures`, `plusieurs jours` | `a few hours`, `several days` | `dur:few:hour`, `dur:few:day` |
//! | repetitions | `à deux reprises`, `deux fois`, `à plusieurs reprises` | `twice`, `two times`, `several times` | `times:2`, `times:several` |
//! | years | `en 2019`, `2022-23` | `in 2019`, `2022–2023` | `year:2019`; `year:2022` + `year:2023` |
//! | decades | `les années 1990`, `les années 80` | `the 1990s`, `the ’80s` | `decade:1990`, `decade:1980` |
//! | months | `juillet`, `en mai` | `July`, `in May` | `month:7`, `month:5` |
//! | day and month | `le 13 septembre`, `1er janvier` | `13 September`, `September 13`, `January 1st` | `date:9-13`, `date:1-1` |
//! | month and year | `septembre 2023` | `September 2023` | `date:2023-9` |
//! | weekdays | `mercredi` | `Wednesday` | `wday:3` (Monday = 1 … Sunday = 7) |
//! | ordinals | `70e`, `première`, `vingt-deuxième` | `70th`, `first`, `twenty-second` | `ord:70`, `ord:1`, `ord:22` |
//! | clock times | `14 h 30`, `à 9 heures`, `deux heures du matin`, `midi` | `2:30 p.m.`, `9 am`, `2 a.m.`, `noon` | `time:14:30`, `time:09:00`, `time:02:00`, `time:12:00` |
//! | fractions | `un tiers`, `deux tiers`, `la moitié` | `a third of`, `two-thirds`, `half of` | `frac:1/3`, `frac:2/3`, `frac:1/2` |
//!
//! Values are canonical decimals: no leading zeros, no trailing fractional
//! zeros, `.` as decimal point. Multipliers are applied exactly on the digit
//! string, so no value overflows; a number with more than 15 digits simply
//! keeps its digit string. Durations are keyed in their base unit (a decade
//! is ten years, a century a hundred) so that `une décennie` meets `ten
//! years`.
//!
//! A full date such as `13 septembre 2023` gives two expressions,
//! `date:9-13` and `year:2023`, because the other article often omits the
//! year; a month with a year but no day gives the single `date:2023-9`.
//! A range (`quatre à cinq heures`, `10-13 September`, `entre 2 et 3
//! millions`, `between 3 and 5 pm`) gives one expression per number, each
//! with the unit, month or multiplier written only after the last one.
//! Spans leave out articles and prepositions (`le 13 septembre` covers
//! `13 septembre`), except the `à` of `à deux reprises`, which is part of
//! the phrase. A blank line ends every expression.
//!
//! # What is left out on purpose
//!
//! * `un`, `une`, `one`, `a`, `an` on their own: articles and pronouns far
//!   more often than numbers (`un homme`, `one of them`, `Kim Jong-un`,
//!   `l'un`). They count only before a unit, a multiplier or a fraction
//!   (`un an`, `one million`, `a third of`), and `un jour` / `one day` /
//!   `a day` ("some day", "per day") only in `un jour et demi` / `a day and
//!   a half`. An English `a` before a time unit is often a rate (`twice a
//!   year`, `2 million shells a year`): it counts only next to a word that
//!   makes it a span (`a year ago`, `for a week`, `more than a month`, `a
//!   month-long`, `an hour before`) or for `a decade` and `a century`.
//! * An English `m` glued to digits is a million (`2m people`, `£5m`), but
//!   metres before a hyphen or a word such as `sprint` or `high`.
//! * `once`, `une fois`: too often "once again" or "once that".
//! * Relative words (`hier`, `yesterday`, `last week`) and Roman numerals.
//! * Identifiers glued to letters or codes (`G7`, `F-16`, `COVID-19`,
//!   `A320`, `5G`, `1.2.3`, `24/7`) and bracketed citation marks (`[3]`).
//! * English `May`, `March`, `August` need a capital; `May` also needs a
//!   date context (a number next to it, or `in`, `of`, `since`, `early`, …).
//!   French `Mars` with a capital needs a number next to it (the planet).
//! * An English `second` is an ordinal unless a number stands before it
//!   (`40 seconds`, `a second attempt` → `ord:2`); French `second` is always
//!   ordinal and `seconde` follows the English rule.

use std::sync::OnceLock;

use crate::span::{Lang, Span};

/// One numeric or temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Byte offsets into the text given to [`extract`], covering the whole
    /// expression ("2 millions", "quatre ans", "à deux reprises", "mercredi").
    pub span: Span,
    /// Language-independent key, identical for the French and English forms
    /// of the same thing (see the module documentation).
    pub key: String,
}

impl Quantity {
    /// The key's family, the part before the first `:` (`num`, `dur`, …),
    /// for callers that weigh families differently.
    pub fn family(&self) -> &str {
        self.key.split(':').next().unwrap_or("")
    }
}

/// Every numeric/temporal expression in `text` written in `lang`, in text
/// order, non-overlapping.
pub fn extract(text: &str, lang: Lang) -> Vec<Quantity> {
    let mut sc = Scanner::new(text, lang);
    let mut out = Vec::new();
    let mut i = 0;
    while sc.peek(i).is_some() {
        let used = sc.at(i, &mut out);
        // Never step back inside an expression already reported.
        i = (i + used.max(1)).max(sc.last_end);
        sc.release(i);
    }
    out
}

// ---------------------------------------------------------------------------
// Lexicon
// ---------------------------------------------------------------------------

/// Time units. Decades and centuries are keyed in years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tu {
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
    /// The unit's own name, used for vague durations (`dur:few:decade`).
    fn name(self) -> &'static str {
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
    fn base(self) -> (&'static str, usize) {
        match self {
            Tu::Decade => ("year", 1),
            Tu::Century => ("year", 2),
            other => (other.name(), 0),
        }
    }
}

/// What a word means to this module; almost every word is `Other`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Lex {
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
    /// Plural magnitudes used vaguely: `dizaines`, `tens`, `milliers`.
    Vague(usize),
    /// Approximate counts: `douzaine`, `dozen`, `centaine`.
    Approx(u64),
    Ord(u64),
    /// `second` (en), `seconde` (fr): ordinal or time unit.
    SecondAmb,
    /// Fraction denominators: `tiers`, `quart`, `thirds`, `quarter`.
    Frac(u64),
    /// `demi(e)`, `half`.
    Half,
    /// `moitié`.
    Moitie,
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
    /// French `à` (kept apart from the verb `a`).
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

/// The lexicon as an open-addressing table keyed by a word's [`Fold`] read
/// as one `u128` (15 bytes and a length): one multiply and usually one
/// comparison per word, which matters because every word is looked up.
struct LexMap {
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
            // A later entry (the language's own) replaces a common one.
            while map.slots[at].0 != 0 && map.slots[at].0 != k {
                at = (at + 1) & map.mask;
            }
            map.slots[at] = (k, v);
        }
        map
    }

    fn get(&self, f: &Fold) -> Lex {
        if f.len == 0 {
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

fn slot(k: u128) -> usize {
    let h = ((k as u64) ^ ((k >> 64) as u64).rotate_left(29)).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (h >> 40) as usize
}

const COMMON: &[(&str, Lex)] = &[
    ("mm", Lex::Qty("mm")),
    ("cm", Lex::Qty("cm")),
    ("km", Lex::Qty("km")),
    ("km2", Lex::Qty("km2")),
    ("m", Lex::Qty("m")),
    ("kg", Lex::Qty("kg")),
    ("g", Lex::Qty("g")),
    ("ha", Lex::Qty("ha")),
    ("mph", Lex::Qty("mph")),
    ("mw", Lex::Qty("mw")),
    ("gw", Lex::Qty("gw")),
    ("kw", Lex::Qty("kw")),
    ("min", Lex::Dur(Tu::Minute)),
    ("sec", Lex::Dur(Tu::Second)),
    ("usd", Lex::Cur("usd")),
    ("eur", Lex::Cur("eur")),
    ("gbp", Lex::Cur("gbp")),
    ("rub", Lex::Cur("rub")),
    ("cny", Lex::Cur("cny")),
    ("jpy", Lex::Cur("jpy")),
    ("krw", Lex::Cur("krw")),
    ("chf", Lex::Cur("chf")),
    ("us", Lex::Us),
];

const FR: &[(&str, Lex)] = &[
    ("deux", Lex::Card(2)),
    ("trois", Lex::Card(3)),
    ("quatre", Lex::Card(4)),
    ("cinq", Lex::Card(5)),
    ("six", Lex::Card(6)),
    ("sept", Lex::Card(7)),
    ("huit", Lex::Card(8)),
    ("neuf", Lex::Card(9)),
    ("dix", Lex::Card(10)),
    ("onze", Lex::Card(11)),
    ("douze", Lex::Card(12)),
    ("treize", Lex::Card(13)),
    ("quatorze", Lex::Card(14)),
    ("quinze", Lex::Card(15)),
    ("seize", Lex::Card(16)),
    ("vingt", Lex::Card(20)),
    ("vingts", Lex::Card(20)),
    ("trente", Lex::Card(30)),
    ("quarante", Lex::Card(40)),
    ("cinquante", Lex::Card(50)),
    ("soixante", Lex::Card(60)),
    ("septante", Lex::Card(70)),
    ("huitante", Lex::Card(80)),
    ("octante", Lex::Card(80)),
    ("nonante", Lex::Card(90)),
    ("un", Lex::One),
    ("une", Lex::One),
    ("cent", Lex::Hundred),
    ("cents", Lex::Hundred),
    ("mille", Lex::Thousand),
    (
        "million",
        Lex::Scale {
            pow: 6,
            plural: false,
        },
    ),
    (
        "millions",
        Lex::Scale {
            pow: 6,
            plural: true,
        },
    ),
    (
        "milliard",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    (
        "milliards",
        Lex::Scale {
            pow: 9,
            plural: true,
        },
    ),
    (
        "billion",
        Lex::Scale {
            pow: 12,
            plural: false,
        },
    ),
    (
        "billions",
        Lex::Scale {
            pow: 12,
            plural: true,
        },
    ),
    (
        "md",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    (
        "mds",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    (
        "mrd",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    (
        "mrds",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    ("dizaines", Lex::Vague(1)),
    ("douzaines", Lex::Vague(1)),
    ("centaines", Lex::Vague(2)),
    ("milliers", Lex::Vague(3)),
    ("dizaine", Lex::Approx(10)),
    ("douzaine", Lex::Approx(12)),
    ("quinzaine", Lex::Approx(15)),
    ("vingtaine", Lex::Approx(20)),
    ("trentaine", Lex::Approx(30)),
    ("quarantaine", Lex::Approx(40)),
    ("cinquantaine", Lex::Approx(50)),
    ("soixantaine", Lex::Approx(60)),
    ("centaine", Lex::Approx(100)),
    ("millier", Lex::Approx(1000)),
    ("premier", Lex::Ord(1)),
    ("premiere", Lex::Ord(1)),
    ("unieme", Lex::Ord(1)),
    ("second", Lex::Ord(2)),
    ("seconde", Lex::SecondAmb),
    ("deuxieme", Lex::Ord(2)),
    ("troisieme", Lex::Ord(3)),
    ("quatrieme", Lex::Ord(4)),
    ("cinquieme", Lex::Ord(5)),
    ("sixieme", Lex::Ord(6)),
    ("septieme", Lex::Ord(7)),
    ("huitieme", Lex::Ord(8)),
    ("neuvieme", Lex::Ord(9)),
    ("dixieme", Lex::Ord(10)),
    ("onzieme", Lex::Ord(11)),
    ("douzieme", Lex::Ord(12)),
    ("treizieme", Lex::Ord(13)),
    ("quatorzieme", Lex::Ord(14)),
    ("quinzieme", Lex::Ord(15)),
    ("seizieme", Lex::Ord(16)),
    ("vingtieme", Lex::Ord(20)),
    ("trentieme", Lex::Ord(30)),
    ("quarantieme", Lex::Ord(40)),
    ("cinquantieme", Lex::Ord(50)),
    ("soixantieme", Lex::Ord(60)),
    ("centieme", Lex::Ord(100)),
    ("millieme", Lex::Ord(1000)),
    ("tiers", Lex::Frac(3)),
    ("quart", Lex::Frac(4)),
    ("quarts", Lex::Frac(4)),
    ("demi", Lex::Half),
    ("demie", Lex::Half),
    ("moitie", Lex::Moitie),
    ("an", Lex::Dur(Tu::Year)),
    ("ans", Lex::Dur(Tu::Year)),
    ("annee", Lex::Dur(Tu::Year)),
    ("annees", Lex::Dur(Tu::Year)),
    ("mois", Lex::Dur(Tu::Month)),
    ("semaine", Lex::Dur(Tu::Week)),
    ("semaines", Lex::Dur(Tu::Week)),
    ("jour", Lex::Dur(Tu::Day)),
    ("jours", Lex::Dur(Tu::Day)),
    ("journee", Lex::Dur(Tu::Day)),
    ("journees", Lex::Dur(Tu::Day)),
    ("heure", Lex::Dur(Tu::Hour)),
    ("heures", Lex::Dur(Tu::Hour)),
    ("minute", Lex::Dur(Tu::Minute)),
    ("minutes", Lex::Dur(Tu::Minute)),
    ("mn", Lex::Dur(Tu::Minute)),
    ("secondes", Lex::Dur(Tu::Second)),
    ("decennie", Lex::Dur(Tu::Decade)),
    ("decennies", Lex::Dur(Tu::Decade)),
    ("siecle", Lex::Dur(Tu::Century)),
    ("siecles", Lex::Dur(Tu::Century)),
    ("h", Lex::HourAbbr),
    ("millimetre", Lex::Qty("mm")),
    ("millimetres", Lex::Qty("mm")),
    ("centimetre", Lex::Qty("cm")),
    ("centimetres", Lex::Qty("cm")),
    ("metre", Lex::Qty("m")),
    ("metres", Lex::Qty("m")),
    ("kilometre", Lex::Qty("km")),
    ("kilometres", Lex::Qty("km")),
    ("kilo", Lex::Qty("kg")),
    ("kilos", Lex::Qty("kg")),
    ("kilogramme", Lex::Qty("kg")),
    ("kilogrammes", Lex::Qty("kg")),
    ("gramme", Lex::Qty("g")),
    ("grammes", Lex::Qty("g")),
    ("tonne", Lex::Qty("t")),
    ("tonnes", Lex::Qty("t")),
    ("litre", Lex::Qty("l")),
    ("litres", Lex::Qty("l")),
    ("hectare", Lex::Qty("ha")),
    ("hectares", Lex::Qty("ha")),
    ("mile", Lex::Qty("mi")),
    ("miles", Lex::Qty("mi")),
    ("pieds", Lex::Qty("ft")),
    ("kilotonne", Lex::Qty("kt")),
    ("kilotonnes", Lex::Qty("kt")),
    ("megatonne", Lex::Qty("mt")),
    ("megatonnes", Lex::Qty("mt")),
    ("megawatt", Lex::Qty("mw")),
    ("megawatts", Lex::Qty("mw")),
    ("gigawatt", Lex::Qty("gw")),
    ("gigawatts", Lex::Qty("gw")),
    ("kilowatt", Lex::Qty("kw")),
    ("kilowatts", Lex::Qty("kw")),
    ("dollar", Lex::Cur("usd")),
    ("dollars", Lex::Cur("usd")),
    ("euro", Lex::Cur("eur")),
    ("euros", Lex::Cur("eur")),
    ("rouble", Lex::Cur("rub")),
    ("roubles", Lex::Cur("rub")),
    ("yuan", Lex::Cur("cny")),
    ("yuans", Lex::Cur("cny")),
    ("yen", Lex::Cur("jpy")),
    ("yens", Lex::Cur("jpy")),
    ("won", Lex::Cur("krw")),
    ("wons", Lex::Cur("krw")),
    ("pourcent", Lex::Pct),
    ("pourcents", Lex::Pct),
    ("pour", Lex::Per),
    ("fois", Lex::Times),
    ("reprise", Lex::Reprise),
    ("reprises", Lex::Reprise),
    ("quelques", Lex::Few),
    ("plusieurs", Lex::Few),
    ("prochain", Lex::Adj),
    ("prochaine", Lex::Adj),
    ("prochains", Lex::Adj),
    ("prochaines", Lex::Adj),
    ("dernier", Lex::Adj),
    ("derniere", Lex::Adj),
    ("derniers", Lex::Adj),
    ("dernieres", Lex::Adj),
    ("premiers", Lex::Adj),
    ("premieres", Lex::Adj),
    ("long", Lex::Adj),
    ("longs", Lex::Adj),
    ("longue", Lex::Adj),
    ("longues", Lex::Adj),
    ("plein", Lex::Adj),
    ("pleins", Lex::Adj),
    ("pleine", Lex::Adj),
    ("pleines", Lex::Adj),
    ("bonne", Lex::Adj),
    ("bonnes", Lex::Adj),
    ("petite", Lex::Adj),
    ("petites", Lex::Adj),
    ("courtes", Lex::Adj),
    ("autres", Lex::Adj),
    ("janvier", Lex::Month(1)),
    ("fevrier", Lex::Month(2)),
    ("mars", Lex::Month(3)),
    ("avril", Lex::Month(4)),
    ("mai", Lex::Month(5)),
    ("juin", Lex::Month(6)),
    ("juillet", Lex::Month(7)),
    ("aout", Lex::Month(8)),
    ("septembre", Lex::Month(9)),
    ("octobre", Lex::Month(10)),
    ("novembre", Lex::Month(11)),
    ("decembre", Lex::Month(12)),
    ("lundi", Lex::Wday(1)),
    ("mardi", Lex::Wday(2)),
    ("mercredi", Lex::Wday(3)),
    ("jeudi", Lex::Wday(4)),
    ("vendredi", Lex::Wday(5)),
    ("samedi", Lex::Wday(6)),
    ("dimanche", Lex::Wday(7)),
    ("midi", Lex::Clock(12)),
    ("minuit", Lex::Clock(0)),
    ("et", Lex::Et),
    ("de", Lex::De),
    ("d", Lex::De),
    ("ou", Lex::Ou),
    ("au", Lex::Au),
];

const EN: &[(&str, Lex)] = &[
    ("two", Lex::Card(2)),
    ("three", Lex::Card(3)),
    ("four", Lex::Card(4)),
    ("five", Lex::Card(5)),
    ("six", Lex::Card(6)),
    ("seven", Lex::Card(7)),
    ("eight", Lex::Card(8)),
    ("nine", Lex::Card(9)),
    ("ten", Lex::Card(10)),
    ("eleven", Lex::Card(11)),
    ("twelve", Lex::Card(12)),
    ("thirteen", Lex::Card(13)),
    ("fourteen", Lex::Card(14)),
    ("fifteen", Lex::Card(15)),
    ("sixteen", Lex::Card(16)),
    ("seventeen", Lex::Card(17)),
    ("eighteen", Lex::Card(18)),
    ("nineteen", Lex::Card(19)),
    ("twenty", Lex::Card(20)),
    ("thirty", Lex::Card(30)),
    ("forty", Lex::Card(40)),
    ("fifty", Lex::Card(50)),
    ("sixty", Lex::Card(60)),
    ("seventy", Lex::Card(70)),
    ("eighty", Lex::Card(80)),
    ("ninety", Lex::Card(90)),
    ("one", Lex::One),
    ("a", Lex::A),
    ("an", Lex::A),
    ("hundred", Lex::Hundred),
    ("thousand", Lex::Thousand),
    (
        "million",
        Lex::Scale {
            pow: 6,
            plural: false,
        },
    ),
    (
        "millions",
        Lex::Scale {
            pow: 6,
            plural: true,
        },
    ),
    (
        "billion",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    (
        "billions",
        Lex::Scale {
            pow: 9,
            plural: true,
        },
    ),
    (
        "trillion",
        Lex::Scale {
            pow: 12,
            plural: false,
        },
    ),
    (
        "trillions",
        Lex::Scale {
            pow: 12,
            plural: true,
        },
    ),
    (
        "bn",
        Lex::Scale {
            pow: 9,
            plural: false,
        },
    ),
    (
        "tn",
        Lex::Scale {
            pow: 12,
            plural: false,
        },
    ),
    ("tens", Lex::Vague(1)),
    ("dozens", Lex::Vague(1)),
    ("hundreds", Lex::Vague(2)),
    ("thousands", Lex::Vague(3)),
    ("dozen", Lex::Approx(12)),
    ("first", Lex::Ord(1)),
    ("second", Lex::SecondAmb),
    ("third", Lex::Ord(3)),
    ("fourth", Lex::Ord(4)),
    ("fifth", Lex::Ord(5)),
    ("sixth", Lex::Ord(6)),
    ("seventh", Lex::Ord(7)),
    ("eighth", Lex::Ord(8)),
    ("ninth", Lex::Ord(9)),
    ("tenth", Lex::Ord(10)),
    ("eleventh", Lex::Ord(11)),
    ("twelfth", Lex::Ord(12)),
    ("thirteenth", Lex::Ord(13)),
    ("fourteenth", Lex::Ord(14)),
    ("fifteenth", Lex::Ord(15)),
    ("sixteenth", Lex::Ord(16)),
    ("seventeenth", Lex::Ord(17)),
    ("eighteenth", Lex::Ord(18)),
    ("nineteenth", Lex::Ord(19)),
    ("twentieth", Lex::Ord(20)),
    ("thirtieth", Lex::Ord(30)),
    ("fortieth", Lex::Ord(40)),
    ("fiftieth", Lex::Ord(50)),
    ("sixtieth", Lex::Ord(60)),
    ("seventieth", Lex::Ord(70)),
    ("eightieth", Lex::Ord(80)),
    ("ninetieth", Lex::Ord(90)),
    ("hundredth", Lex::Ord(100)),
    ("thousandth", Lex::Ord(1000)),
    ("thirds", Lex::Frac(3)),
    ("quarter", Lex::Frac(4)),
    ("quarters", Lex::Frac(4)),
    ("fourths", Lex::Frac(4)),
    ("fifths", Lex::Frac(5)),
    ("tenths", Lex::Frac(10)),
    ("half", Lex::Half),
    ("year", Lex::Dur(Tu::Year)),
    ("years", Lex::Dur(Tu::Year)),
    ("yr", Lex::Dur(Tu::Year)),
    ("yrs", Lex::Dur(Tu::Year)),
    ("month", Lex::Dur(Tu::Month)),
    ("months", Lex::Dur(Tu::Month)),
    ("week", Lex::Dur(Tu::Week)),
    ("weeks", Lex::Dur(Tu::Week)),
    ("day", Lex::Dur(Tu::Day)),
    ("days", Lex::Dur(Tu::Day)),
    ("hour", Lex::Dur(Tu::Hour)),
    ("hours", Lex::Dur(Tu::Hour)),
    ("hr", Lex::Dur(Tu::Hour)),
    ("hrs", Lex::Dur(Tu::Hour)),
    ("minute", Lex::Dur(Tu::Minute)),
    ("minutes", Lex::Dur(Tu::Minute)),
    ("mins", Lex::Dur(Tu::Minute)),
    ("seconds", Lex::Dur(Tu::Second)),
    ("secs", Lex::Dur(Tu::Second)),
    ("decade", Lex::Dur(Tu::Decade)),
    ("decades", Lex::Dur(Tu::Decade)),
    ("century", Lex::Dur(Tu::Century)),
    ("centuries", Lex::Dur(Tu::Century)),
    ("millimetre", Lex::Qty("mm")),
    ("millimetres", Lex::Qty("mm")),
    ("millimeter", Lex::Qty("mm")),
    ("millimeters", Lex::Qty("mm")),
    ("centimetre", Lex::Qty("cm")),
    ("centimetres", Lex::Qty("cm")),
    ("centimeter", Lex::Qty("cm")),
    ("centimeters", Lex::Qty("cm")),
    ("metre", Lex::Qty("m")),
    ("metres", Lex::Qty("m")),
    ("meter", Lex::Qty("m")),
    ("meters", Lex::Qty("m")),
    ("kilometre", Lex::Qty("km")),
    ("kilometres", Lex::Qty("km")),
    ("kilometer", Lex::Qty("km")),
    ("kilometers", Lex::Qty("km")),
    ("mile", Lex::Qty("mi")),
    ("miles", Lex::Qty("mi")),
    ("kilogram", Lex::Qty("kg")),
    ("kilograms", Lex::Qty("kg")),
    ("kilogramme", Lex::Qty("kg")),
    ("kilogrammes", Lex::Qty("kg")),
    ("kilo", Lex::Qty("kg")),
    ("kilos", Lex::Qty("kg")),
    ("gram", Lex::Qty("g")),
    ("grams", Lex::Qty("g")),
    ("gramme", Lex::Qty("g")),
    ("grammes", Lex::Qty("g")),
    ("tonne", Lex::Qty("t")),
    ("tonnes", Lex::Qty("t")),
    ("ton", Lex::Qty("t")),
    ("tons", Lex::Qty("t")),
    ("litre", Lex::Qty("l")),
    ("litres", Lex::Qty("l")),
    ("liter", Lex::Qty("l")),
    ("liters", Lex::Qty("l")),
    ("hectare", Lex::Qty("ha")),
    ("hectares", Lex::Qty("ha")),
    ("feet", Lex::Qty("ft")),
    ("foot", Lex::Qty("ft")),
    ("ft", Lex::Qty("ft")),
    ("lb", Lex::Qty("lb")),
    ("lbs", Lex::Qty("lb")),
    ("kiloton", Lex::Qty("kt")),
    ("kilotons", Lex::Qty("kt")),
    ("kilotonne", Lex::Qty("kt")),
    ("kilotonnes", Lex::Qty("kt")),
    ("megaton", Lex::Qty("mt")),
    ("megatons", Lex::Qty("mt")),
    ("megatonne", Lex::Qty("mt")),
    ("megatonnes", Lex::Qty("mt")),
    ("megawatt", Lex::Qty("mw")),
    ("megawatts", Lex::Qty("mw")),
    ("gigawatt", Lex::Qty("gw")),
    ("gigawatts", Lex::Qty("gw")),
    ("kilowatt", Lex::Qty("kw")),
    ("kilowatts", Lex::Qty("kw")),
    ("dollar", Lex::Cur("usd")),
    ("dollars", Lex::Cur("usd")),
    ("euro", Lex::Cur("eur")),
    ("euros", Lex::Cur("eur")),
    ("rouble", Lex::Cur("rub")),
    ("roubles", Lex::Cur("rub")),
    ("ruble", Lex::Cur("rub")),
    ("rubles", Lex::Cur("rub")),
    ("yuan", Lex::Cur("cny")),
    ("yen", Lex::Cur("jpy")),
    ("won", Lex::Cur("krw")),
    ("percent", Lex::Pct),
    ("per", Lex::Per),
    ("times", Lex::Times),
    ("twice", Lex::Twice(2)),
    ("thrice", Lex::Twice(3)),
    ("once", Lex::Once),
    ("several", Lex::Few),
    ("few", Lex::Few),
    ("more", Lex::Adj),
    ("full", Lex::Adj),
    ("long", Lex::Adj),
    ("short", Lex::Adj),
    ("additional", Lex::Adj),
    ("further", Lex::Adj),
    ("extra", Lex::Adj),
    ("straight", Lex::Adj),
    ("consecutive", Lex::Adj),
    ("whole", Lex::Adj),
    ("january", Lex::Month(1)),
    ("february", Lex::Month(2)),
    ("march", Lex::Month(3)),
    ("april", Lex::Month(4)),
    ("may", Lex::Month(5)),
    ("june", Lex::Month(6)),
    ("july", Lex::Month(7)),
    ("august", Lex::Month(8)),
    ("september", Lex::Month(9)),
    ("october", Lex::Month(10)),
    ("november", Lex::Month(11)),
    ("december", Lex::Month(12)),
    ("jan", Lex::MonthAbbr(1)),
    ("feb", Lex::MonthAbbr(2)),
    ("mar", Lex::MonthAbbr(3)),
    ("apr", Lex::MonthAbbr(4)),
    ("jun", Lex::MonthAbbr(6)),
    ("jul", Lex::MonthAbbr(7)),
    ("aug", Lex::MonthAbbr(8)),
    ("sep", Lex::MonthAbbr(9)),
    ("sept", Lex::MonthAbbr(9)),
    ("oct", Lex::MonthAbbr(10)),
    ("nov", Lex::MonthAbbr(11)),
    ("dec", Lex::MonthAbbr(12)),
    ("monday", Lex::Wday(1)),
    ("tuesday", Lex::Wday(2)),
    ("wednesday", Lex::Wday(3)),
    ("thursday", Lex::Wday(4)),
    ("friday", Lex::Wday(5)),
    ("saturday", Lex::Wday(6)),
    ("sunday", Lex::Wday(7)),
    ("noon", Lex::Clock(12)),
    ("midnight", Lex::Clock(0)),
    ("and", Lex::And),
    ("of", Lex::Of),
    ("or", Lex::Or),
    ("to", Lex::To),
    ("in", Lex::MonthCtx),
    ("since", Lex::MonthCtx),
    ("until", Lex::MonthCtx),
    ("till", Lex::MonthCtx),
    ("early", Lex::MonthCtx),
    ("late", Lex::MonthCtx),
    ("mid", Lex::MonthCtx),
    ("last", Lex::MonthCtx),
    ("next", Lex::MonthCtx),
    ("from", Lex::MonthCtx),
    ("during", Lex::MonthCtx),
    ("through", Lex::MonthCtx),
];

fn lexicon(lang: Lang) -> &'static LexMap {
    static FR_MAP: OnceLock<LexMap> = OnceLock::new();
    static EN_MAP: OnceLock<LexMap> = OnceLock::new();
    let (cell, own) = match lang {
        Lang::Fr => (&FR_MAP, FR),
        Lang::En => (&EN_MAP, EN),
    };
    cell.get_or_init(|| LexMap::new(COMMON.iter().chain(own).copied()))
}

/// Ordinal suffixes glued to digits: `1er`, `70e`, `2nd`, `13th`.
fn is_ord_suffix(lang: Lang, s: &[u8]) -> bool {
    match lang {
        Lang::Fr => matches!(
            s,
            b"e" | b"er"
                | b"re"
                | b"ere"
                | b"eme"
                | b"emes"
                | b"es"
                | b"ieme"
                | b"iemes"
                | b"nd"
                | b"nde"
        ),
        Lang::En => matches!(s, b"st" | b"nd" | b"rd" | b"th"),
    }
}

fn currency_symbol(c: char) -> Option<&'static str> {
    match c {
        '$' => Some("usd"),
        '€' => Some("eur"),
        '£' => Some("gbp"),
        '¥' => Some("jpy"),
        '₽' => Some("rub"),
        '₩' => Some("krw"),
        '₹' => Some("inr"),
        _ => None,
    }
}

fn mag_name(pow: usize) -> &'static str {
    match pow {
        1 => "tens",
        2 => "hundreds",
        3 => "thousands",
        6 => "millions",
        9 => "billions",
        _ => "trillions",
    }
}

/// "tens of thousands" and the like (`m1 < m2`).
fn mag_pair(m1: usize, m2: usize) -> &'static str {
    match (m1, m2) {
        (1, 3) => "tens_of_thousands",
        (1, 6) => "tens_of_millions",
        (1, 9) => "tens_of_billions",
        (1, _) => "tens_of_trillions",
        (2, 3) => "hundreds_of_thousands",
        (2, 6) => "hundreds_of_millions",
        (2, 9) => "hundreds_of_billions",
        (2, _) => "hundreds_of_trillions",
        (3, 6) => "thousands_of_millions",
        (3, 9) => "thousands_of_billions",
        (3, _) => "thousands_of_trillions",
        (6, 9) => "millions_of_billions",
        (6, _) => "millions_of_trillions",
        _ => "billions_of_trillions",
    }
}

// ---------------------------------------------------------------------------
// Exact decimals
// ---------------------------------------------------------------------------

/// A digit string kept inline when short, so that ordinary numbers cost
/// no allocation; long runs (a megabyte of digits) move to the heap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Digits {
    buf: [u8; DIGITS_INLINE],
    len: u8,
    /// Boxed so that `Digits` stays 32 bytes: the heap case is rare.
    #[allow(clippy::box_collection)]
    heap: Option<Box<Vec<u8>>>,
}

const DIGITS_INLINE: usize = 23;

impl Digits {
    /// ASCII digits only, so always valid UTF-8 as well.
    fn bytes(&self) -> &[u8] {
        match &self.heap {
            Some(h) => h,
            None => &self.buf[..usize::from(self.len)],
        }
    }

    fn len(&self) -> usize {
        self.bytes().len()
    }

    fn push_bytes(&mut self, s: &[u8]) {
        let n = usize::from(self.len);
        match &mut self.heap {
            Some(h) => h.extend_from_slice(s),
            None if n + s.len() <= DIGITS_INLINE => {
                self.buf[n..n + s.len()].copy_from_slice(s);
                self.len += s.len() as u8;
            }
            None => {
                let mut h = Vec::with_capacity(n + s.len());
                h.extend_from_slice(&self.buf[..n]);
                h.extend_from_slice(s);
                self.heap = Some(Box::new(h));
            }
        }
    }

    /// Drops the first `k` digits.
    fn drain_front(&mut self, k: usize) {
        match &mut self.heap {
            Some(h) => {
                h.drain(..k.min(h.len()));
            }
            None => {
                let n = usize::from(self.len);
                let k = k.min(n);
                self.buf.copy_within(k..n, 0);
                self.len -= k as u8;
            }
        }
    }
}

impl From<&str> for Digits {
    fn from(s: &str) -> Digits {
        let mut d = Digits::default();
        d.push_bytes(s.as_bytes());
        d
    }
}

/// A non-negative decimal kept as digit strings, so that multipliers and
/// very long digit runs never overflow.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Dec {
    int: Digits,
    frac: Digits,
}

impl Dec {
    fn from_u64(v: u64) -> Dec {
        // Written by hand: `to_string` would allocate for every number word.
        let mut buf = [0u8; 20];
        let mut at = buf.len();
        let mut v = v;
        loop {
            at -= 1;
            buf[at] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        let mut int = Digits::default();
        int.push_bytes(&buf[at..]);
        Dec {
            int,
            frac: Digits::default(),
        }
    }

    fn half() -> Dec {
        Dec {
            int: "0".into(),
            frac: "5".into(),
        }
    }

    /// Multiplies by `10^k` by moving the decimal point.
    fn shift(&mut self, k: usize) {
        let take = k.min(self.frac.len());
        let moved = self.frac.bytes().get(..take).unwrap_or_default().to_vec();
        self.int.push_bytes(&moved);
        self.frac.drain_front(take);
        for _ in take..k {
            self.int.push_bytes(b"0");
        }
    }

    /// Adds one half to a whole number ("deux ans et demi"); false when the
    /// number already has a fractional part.
    fn add_half(&mut self) -> bool {
        if self.frac.bytes().iter().all(|&b| b == b'0') {
            self.frac = "5".into();
            true
        } else {
            false
        }
    }

    fn as_u64(&self) -> Option<u64> {
        if !self.frac.bytes().iter().all(|&b| b == b'0') {
            return None;
        }
        let int = self.int.bytes();
        let int = &int[int.iter().take_while(|&&b| b == b'0').count()..];
        if int.len() > 15 {
            return None;
        }
        Some(int.iter().fold(0u64, |v, &b| {
            v.saturating_mul(10)
                .saturating_add(u64::from(b.saturating_sub(b'0')))
        }))
    }

    fn mul_small(&self, m: u64) -> Option<Dec> {
        self.as_u64()
            .and_then(|v| v.checked_mul(m))
            .map(Dec::from_u64)
    }

    /// No leading zeros, no trailing fractional zeros, `.` as point.
    #[cfg(test)]
    fn canon(&self) -> String {
        let mut out = String::new();
        self.canon_into(&mut out);
        out
    }

    fn canon_into(&self, out: &mut String) {
        let int = self.int.bytes();
        let int = &int[int.iter().take_while(|&&b| b == b'0').count()..];
        let frac = self.frac.bytes();
        let frac = &frac[..frac.len() - frac.iter().rev().take_while(|&&b| b == b'0').count()];
        out.reserve(int.len() + frac.len() + 2);
        if int.is_empty() {
            out.push('0');
        }
        out.extend(int.iter().map(|&b| char::from(b)));
        if !frac.is_empty() {
            out.push('.');
            out.extend(frac.iter().map(|&b| char::from(b)));
        }
    }
}

// ---------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------

/// What separates a token from the one before it. A blank line ends every
/// expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gap {
    Glued,
    Space,
    Break,
}

const FOLD_MAX: usize = 15;

/// A word lower-cased and stripped of accents, when short enough to be in
/// the lexicon (`len == 0` otherwise).
#[derive(Clone, Copy, Debug)]
struct Fold {
    buf: [u8; FOLD_MAX],
    len: u8,
}

impl Fold {
    fn bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    fn is(&self, s: &str) -> bool {
        self.bytes() == s.as_bytes()
    }

    /// The fold of a lexicon key (already lower-case ASCII).
    fn of(s: &str) -> Option<Fold> {
        let mut f = Fold {
            buf: [0; FOLD_MAX],
            len: 0,
        };
        (!s.is_empty() && s.is_ascii() && f.push(s)).then_some(f)
    }

    /// The 15 bytes and the length as one number, for the lexicon table.
    fn key(&self) -> u128 {
        let mut b = [0u8; 16];
        b[..FOLD_MAX].copy_from_slice(&self.buf);
        b[FOLD_MAX] = self.len;
        u128::from_le_bytes(b)
    }

    fn push(&mut self, s: &str) -> bool {
        let n = usize::from(self.len);
        if n + s.len() > FOLD_MAX {
            return false;
        }
        self.buf[n..n + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len() as u8;
        true
    }
}

/// The ASCII spelling of a non-ASCII letter, for accent-insensitive lookup
/// (precomposed or decomposed: combining marks fold to nothing).
fn fold_char(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
        'œ' | 'Œ' => "oe",
        'æ' | 'Æ' => "ae",
        '²' => "2",
        '³' => "3",
        'ᵉ' => "e",
        'ʳ' => "r",
        'ᵈ' => "d",
        'ˢ' => "s",
        'ᵗ' => "t",
        'ʰ' => "h",
        'ⁿ' => "n",
        '\u{300}'..='\u{36f}' => "",
        _ => return None,
    })
}

fn is_word_char(c: char) -> bool {
    // Quotes, dashes and spaces of General Punctuation, « » and NBSP are
    // frequent in news and never letters: skip the slow Unicode lookup.
    if matches!(c, '\u{2000}'..='\u{206f}' | '\u{a0}' | '«' | '»') {
        return false;
    }
    c.is_alphabetic() || ('\u{300}'..='\u{36f}').contains(&c)
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Word {
        lex: Lex,
        cap: bool,
        fold: Fold,
    },
    /// A run of ASCII digits with its group separators and decimal point;
    /// `dec_at` is the byte offset of the point (`usize::MAX` if none),
    /// `plain` means digits only.
    Num {
        dec_at: usize,
        plain: bool,
    },
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
struct Tok {
    start: usize,
    end: usize,
    gap: Gap,
    kind: Kind,
}

/// Group-separator classes: a number keeps to one class (`1 000 000`).
const SEP_SPACE: u8 = 0;
const SEP_DOT: u8 = 1;
const SEP_COMMA: u8 = 2;

struct Lexer<'t> {
    text: &'t str,
    pos: usize,
    lang: Lang,
    map: &'static LexMap,
}

impl Lexer<'_> {
    /// A thousands separator at byte `p`: class and width.
    fn group_sep(&self, p: usize) -> Option<(u8, usize)> {
        let b = self.text.as_bytes().get(p..)?;
        for ws in ["\u{a0}", "\u{202f}", "\u{2009}"] {
            if b.starts_with(ws.as_bytes()) {
                return Some((SEP_SPACE, ws.len()));
            }
        }
        match (self.lang, b.first()) {
            (Lang::Fr, Some(b' ')) => Some((SEP_SPACE, 1)),
            (Lang::Fr, Some(b'.')) => Some((SEP_DOT, 1)),
            (Lang::En, Some(b',')) => Some((SEP_COMMA, 1)),
            _ => None,
        }
    }

    fn number(&mut self) -> Kind {
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut p = start;
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        let mut class: Option<u8> = None;
        if p - start <= 3 {
            while let Some((cls, w)) = self.group_sep(p) {
                if class.is_some_and(|c| c != cls) {
                    break;
                }
                let q = p + w;
                let three = b
                    .get(q..q + 3)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit));
                let more = b.get(q + 3).is_some_and(u8::is_ascii_digit);
                if !three || more {
                    break;
                }
                class = Some(cls);
                p = q + 3;
            }
        }
        let mut dec_at = usize::MAX;
        if b.get(p + 1).is_some_and(u8::is_ascii_digit) {
            let point = match self.lang {
                Lang::Fr => b[p] == b',' || (b[p] == b'.' && class != Some(SEP_DOT)),
                Lang::En => b[p] == b'.',
            };
            if point {
                dec_at = p;
                p += 1;
                while p < b.len() && b[p].is_ascii_digit() {
                    p += 1;
                }
            }
        }
        self.pos = p;
        Kind::Num {
            dec_at,
            plain: class.is_none() && dec_at == usize::MAX,
        }
    }

    fn word(&mut self) -> Kind {
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut buf = [0u8; FOLD_MAX];
        let mut n = 0usize;
        let mut ok = true;
        let mut cap = false;
        let mut p = start;
        loop {
            // Runs of ASCII letters, the common case, byte by byte.
            let run = b.get(p..).map_or(0, |r| {
                r.iter().take_while(|x| x.is_ascii_alphabetic()).count()
            });
            for (slot, &x) in buf
                .iter_mut()
                .skip(n)
                .zip(b.get(p..p + run).unwrap_or_default())
            {
                *slot = x | 0x20;
            }
            n += run;
            p += run;
            if b.get(p).is_none_or(|&x| x < 0x80) {
                break;
            }
            let Some(c) = self.text.get(p..).and_then(|r| r.chars().next()) else {
                break;
            };
            let folded = fold_char(c);
            let letter = match folded {
                Some(_) => c != '²' && c != '³' || p > start,
                None => is_word_char(c),
            };
            if !letter {
                break;
            }
            if p == start {
                cap = c.is_uppercase();
            }
            match folded {
                Some(f) => {
                    for &fb in f.as_bytes() {
                        if let Some(slot) = buf.get_mut(n) {
                            *slot = fb;
                        }
                        n += 1;
                    }
                }
                None => ok = false,
            }
            p += c.len_utf8();
        }
        if b.get(start).is_some_and(u8::is_ascii_uppercase) {
            cap = true;
        }
        self.pos = p;
        let len = if ok && n <= FOLD_MAX { n as u8 } else { 0 };
        let fold = Fold { buf, len };
        let lex = if self.lang == Lang::Fr && fold.is("a") && p - start > 1 {
            Lex::AFr
        } else {
            self.map.get(&fold)
        };
        Kind::Word { lex, cap, fold }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let b = self.text.as_bytes();
        let ws_start = self.pos;
        let mut newlines = 0;
        let c = loop {
            let x = *b.get(self.pos)?;
            if x < 0x80 {
                match x {
                    b'\n' => newlines += 1,
                    b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                    _ => break char::from(x),
                }
                self.pos += 1;
                continue;
            }
            let c = self.text.get(self.pos..)?.chars().next()?;
            if !c.is_whitespace() {
                break c;
            }
            self.pos += c.len_utf8();
        };
        let gap = if self.pos == ws_start {
            Gap::Glued
        } else if newlines >= 2 {
            Gap::Break
        } else {
            Gap::Space
        };
        let start = self.pos;
        let kind = if c.is_ascii_digit() {
            self.number()
        } else if is_word_char(c) {
            self.word()
        } else {
            self.pos += c.len_utf8();
            Kind::Punct(match c {
                '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{b4}' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                other => other,
            })
        };
        Some(Tok {
            start,
            end: self.pos,
            gap,
            kind,
        })
    }
}

// ---------------------------------------------------------------------------
// Scanner
// ---------------------------------------------------------------------------

/// Words after a glued "m" that make it metres rather than millions.
const METRE_WORDS: &[&str] = &[
    "sprint",
    "hurdles",
    "race",
    "relay",
    "final",
    "dash",
    "freestyle",
    "backstroke",
    "breaststroke",
    "butterfly",
    "medley",
    "high",
    "tall",
    "long",
    "deep",
    "wide",
    "away",
];

/// Tokens kept behind the cursor, for the few rules that look back.
const KEEP: usize = 8;
/// Longest spelled-out number, in words ("quatre-vingt-dix-neuf mille …").
const MAX_WORDS: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Weak {
    /// A number in its own right.
    No,
    /// `un`, `une`, `one` alone.
    One,
    /// English `a`, `an` alone.
    A,
    /// French `neuf` alone ("new" as often as "nine").
    Neuf,
}

#[derive(Clone, Copy, Debug, Default)]
struct DigInfo {
    /// Digits only: no separator, no decimal point.
    plain: bool,
    int: Option<u64>,
    ndig: usize,
    frac_len: usize,
}

/// A number just parsed, with the tokens it covers.
#[derive(Clone, Debug)]
struct Num {
    val: Dec,
    first: usize,
    end: usize,
    dig: Option<DigInfo>,
    weak: Weak,
    /// Ends in an ordinal word ("vingt-deuxième").
    ord: bool,
    /// Power of ten applied by a multiplier word.
    scale: usize,
}

/// What follows a number and decides its key.
#[derive(Clone, Copy, Debug)]
enum Suf {
    Ord,
    Date(u8),
    /// The decade's first year.
    Decade(u64),
    Clock(u64, u64),
    Pct,
    Money(&'static str),
    Times,
    Dur(Tu, bool),
    Qty(&'static str),
    Frac(u64),
    Approx(u64),
}

struct Scanner<'t> {
    text: &'t str,
    lang: Lang,
    lexer: Lexer<'t>,
    buf: Vec<Tok>,
    base: usize,
    done: bool,
    /// One past the last token of the last expression reported.
    last_end: usize,
}

impl<'t> Scanner<'t> {
    fn new(text: &'t str, lang: Lang) -> Scanner<'t> {
        Scanner {
            text,
            lang,
            lexer: Lexer {
                text,
                pos: 0,
                lang,
                map: lexicon(lang),
            },
            buf: Vec::new(),
            base: 0,
            done: false,
            last_end: 0,
        }
    }

    // -- token access -------------------------------------------------------

    #[inline]
    fn tok(&mut self, i: usize) -> Option<Tok> {
        self.peek(i).copied()
    }

    /// Token `i` by reference, lexing on as needed; the accessors below
    /// read one field without copying the token.
    #[inline]
    fn peek(&mut self, i: usize) -> Option<&Tok> {
        let k = i.checked_sub(self.base)?;
        if k >= self.buf.len() {
            self.fill(i)?;
        }
        self.buf.get(k)
    }

    /// Lexes on until token `i` exists (or the text ends).
    #[inline(never)]
    fn fill(&mut self, i: usize) -> Option<()> {
        if i < self.base {
            return None;
        }
        while self.base + self.buf.len() <= i {
            if self.done {
                return None;
            }
            match self.lexer.next() {
                Some(t) => self.buf.push(t),
                None => {
                    self.done = true;
                    return None;
                }
            }
        }
        Some(())
    }

    /// Forgets tokens well behind the cursor so memory stays bounded; done
    /// in batches so each token is moved a bounded number of times.
    fn release(&mut self, i: usize) {
        if i > self.base + KEEP + 4096 {
            let drop = (i - KEEP - self.base).min(self.buf.len());
            self.buf.drain(..drop);
            self.base += drop;
        }
    }

    fn lex(&mut self, i: usize) -> Lex {
        match self.peek(i) {
            Some(Tok {
                kind: Kind::Word { lex, .. },
                ..
            }) => *lex,
            _ => Lex::Other,
        }
    }

    /// The word at `i` if it is joined to the token before it.
    fn lex_j(&mut self, i: usize) -> Lex {
        if self.joined(i) {
            self.lex(i)
        } else {
            Lex::Other
        }
    }

    /// Token `i` exists and no blank line separates it from token `i - 1`.
    fn joined(&mut self, i: usize) -> bool {
        self.peek(i).is_some_and(|t| t.gap != Gap::Break)
    }

    /// Token `i` exists and touches token `i - 1`.
    fn glued(&mut self, i: usize) -> bool {
        i > 0 && self.peek(i).is_some_and(|t| t.gap == Gap::Glued)
    }

    fn punct(&mut self, i: usize, c: char) -> bool {
        matches!(self.peek(i), Some(Tok { kind: Kind::Punct(p), .. }) if *p == c)
    }

    /// A hyphen at `i` glued on both sides (`vingt-deux`, `18-month`).
    fn hyphen(&mut self, i: usize) -> bool {
        self.punct(i, '-') && self.glued(i) && self.glued(i + 1)
    }

    fn fold_is(&mut self, i: usize, s: &str) -> bool {
        matches!(self.peek(i), Some(Tok { kind: Kind::Word { fold, .. }, .. }) if fold.is(s))
    }

    fn fold_in(&mut self, i: usize, set: &[&str]) -> bool {
        matches!(self.peek(i), Some(Tok { kind: Kind::Word { fold, .. }, .. }) if set.iter().any(|s| fold.is(s)))
    }

    fn is_cap(&mut self, i: usize) -> bool {
        matches!(
            self.peek(i),
            Some(Tok {
                kind: Kind::Word { cap: true, .. },
                ..
            })
        )
    }

    fn is_word(&mut self, i: usize) -> bool {
        matches!(
            self.peek(i),
            Some(Tok {
                kind: Kind::Word { .. },
                ..
            })
        )
    }

    fn is_num(&mut self, i: usize) -> bool {
        matches!(
            self.peek(i),
            Some(Tok {
                kind: Kind::Num { .. },
                ..
            })
        )
    }

    /// The value of the digit token at `i`.
    fn digits(&mut self, i: usize) -> Option<(Dec, DigInfo)> {
        let t = self.tok(i)?;
        let Kind::Num { dec_at, plain } = t.kind else {
            return None;
        };
        let raw = self.text.get(t.start..t.end)?;
        let d = if plain {
            Dec {
                int: raw.into(),
                frac: Digits::default(),
            }
        } else {
            let (int, frac) = raw.split_at(dec_at.saturating_sub(t.start).min(raw.len()));
            let keep = |s: &str| {
                let mut d = Digits::default();
                for run in s.as_bytes().split(|b| !b.is_ascii_digit()) {
                    d.push_bytes(run);
                }
                d
            };
            Dec {
                int: keep(int),
                frac: keep(frac),
            }
        };
        let info = DigInfo {
            plain,
            int: d.as_u64(),
            ndig: d.int.len(),
            frac_len: d.frac.len(),
        };
        Some((d, info))
    }

    /// A plain number of one or two digits at `i` (minutes, days).
    fn small_plain(&mut self, i: usize) -> Option<(u64, usize)> {
        let (_, d) = self.digits(i)?;
        if d.plain && d.ndig <= 2 {
            d.int.map(|v| (v, d.ndig))
        } else {
            None
        }
    }

    fn emit(&mut self, out: &mut Vec<Quantity>, first: usize, end: usize, key: String) {
        let (Some(a), Some(b)) = (
            self.tok(first),
            end.checked_sub(1).and_then(|e| self.tok(e)),
        ) else {
            return;
        };
        out.push(Quantity {
            span: Span::new(a.start, b.end.max(a.start)),
            key,
        });
        self.last_end = self.last_end.max(end);
    }

    // -- dispatch -----------------------------------------------------------

    /// Tries every rule that can start at token `i`; returns how many tokens
    /// were used (0 when nothing starts here).
    fn at(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
        let (lex, cap) = match self.peek(i).map(|t| &t.kind) {
            None => return 0,
            Some(Kind::Num { .. }) => return self.num_at(i, out),
            Some(&Kind::Punct(c)) if currency_symbol(c).is_some() => {
                return self.money_prefix(i, i, out);
            }
            Some(Kind::Punct(_)) => return 0,
            Some(&Kind::Word { lex, cap, .. }) => (lex, cap),
        };
        match lex {
            Lex::Card(_) | Lex::One | Lex::Hundred | Lex::Thousand => self.num_at(i, out),
            Lex::A if self.lex_j(i + 1) == Lex::Few => self.few_at(i, i + 1, out),
            Lex::A => self.num_at(i, out),
            Lex::AFr => self.a_fr(i, out),
            Lex::Few => self.few_at(i, i, out),
            Lex::Vague(_) | Lex::Scale { plural: true, .. } => self.vague_at(i, i, false, out),
            Lex::Approx(a) if self.lex_j(i + 1) == Lex::De => {
                self.emit(out, i, i + 1, format!("num:{a}"));
                1
            }
            Lex::Ord(v) => self.ord_at(i, v, out),
            Lex::SecondAmb => self.ord_at(i, 2, out),
            Lex::Month(m) => self.month_at(i, m, false, out),
            Lex::MonthAbbr(m) => self.month_at(i, m, true, out),
            Lex::Wday(d) => {
                self.emit(out, i, i + 1, format!("wday:{d}"));
                1
            }
            Lex::Twice(n) => {
                self.emit(out, i, i + 1, format!("times:{n}"));
                1
            }
            Lex::Half => self.half_at(i, i, out),
            Lex::Moitie => {
                self.emit(out, i, i + 1, "frac:1/2".into());
                1
            }
            // "le Midi" is the south of France.
            Lex::Clock(h) if !(cap && self.fold_is(i, "midi")) => {
                self.emit(out, i, i + 1, format!("time:{h:02}:00"));
                1
            }
            Lex::Dur(Tu::Year) if self.fold_is(i, "annees") => self.decade_words(i, out),
            Lex::Us if self.punct(i + 1, '$') && self.glued(i + 1) => {
                self.money_prefix(i, i + 1, out)
            }
            _ => 0,
        }
    }

    // -- numbers ------------------------------------------------------------

    /// A number starting at `i`: digits or words, with "and a half" and a
    /// multiplier word folded in.
    fn number(&mut self, i: usize) -> Option<Num> {
        let t = self.tok(i)?;
        let mut n = match t.kind {
            Kind::Num { .. } => {
                let (val, d) = self.digits(i)?;
                Num {
                    val,
                    first: i,
                    end: i + 1,
                    dig: Some(d),
                    weak: Weak::No,
                    ord: false,
                    scale: 0,
                }
            }
            Kind::Word { .. } => self.word_number(i)?,
            Kind::Punct(_) => return None,
        };
        if n.ord {
            return Some(n);
        }
        let e = n.end;
        if self.lang == Lang::En
            && n.weak != Weak::A
            && self.lex_j(e) == Lex::And
            && self.lex_j(e + 1) == Lex::A
            && self.lex_j(e + 2) == Lex::Half
            && n.val.add_half()
        {
            n.end += 3;
            n.weak = Weak::No;
        }
        if let Some(pow) = self.scale_at(n.end, n.dig.is_some()) {
            n.end += 1;
            // "un million et demi", "a million and a half".
            let half = self.half_after(n.end);
            if half > 0 && n.val.add_half() {
                n.end += half;
            }
            n.val.shift(pow);
            n.scale = pow;
            n.weak = Weak::No;
        }
        Some(n)
    }

    /// Tokens taken by "et demi(e)" / "and a half" at `j` (0 if none).
    fn half_after(&mut self, j: usize) -> usize {
        let lang = self.lang;
        match lang {
            Lang::Fr => {
                if self.lex_j(j) == Lex::Et && self.lex_j(j + 1) == Lex::Half {
                    return 2;
                }
            }
            Lang::En => {
                if self.lex_j(j) == Lex::And
                    && self.lex_j(j + 1) == Lex::A
                    && self.lex_j(j + 2) == Lex::Half
                {
                    return 3;
                }
            }
        }
        0
    }

    /// French "du matin", "du soir", "de l'après-midi", "de la nuit" after
    /// an hour: (is afternoon or evening, end).
    fn day_part(&mut self, j: usize) -> Option<(bool, usize)> {
        if self.lang != Lang::Fr || !self.joined(j) || !self.joined(j + 1) {
            return None;
        }
        if self.fold_is(j, "du") {
            if self.fold_is(j + 1, "matin") {
                return Some((false, j + 2));
            }
            if self.fold_is(j + 1, "soir") {
                return Some((true, j + 2));
            }
        }
        if self.lex(j) == Lex::De {
            if self.fold_is(j + 1, "la") && self.joined(j + 2) && self.fold_is(j + 2, "nuit") {
                return Some((false, j + 3));
            }
            let afternoon = self.fold_is(j + 1, "l")
                && self.punct(j + 2, '\'')
                && self.fold_is(j + 3, "apres")
                && self.hyphen(j + 4)
                && self.fold_is(j + 5, "midi");
            if afternoon {
                return Some((true, j + 6));
            }
        }
        None
    }

    /// A multiplier word at `j`: `millions`, `bn`, `thousand` after digits,
    /// an English `m` glued to digits ("5m").
    fn scale_at(&mut self, j: usize, after_digits: bool) -> Option<usize> {
        if !self.joined(j) {
            return None;
        }
        match self.lex(j) {
            Lex::Scale { pow, .. } => Some(pow),
            Lex::Thousand if after_digits => Some(3),
            // "2m people" is two million, but "the 100m sprint" and a
            // "100m-high" tower are metres.
            _ if after_digits
                && self.lang == Lang::En
                && self.glued(j)
                && self.fold_is(j, "m")
                && !self.hyphen(j + 1)
                && !(self.joined(j + 1) && self.fold_in(j + 1, METRE_WORDS)) =>
            {
                Some(6)
            }
            _ => None,
        }
    }

    /// A spelled-out number: "vingt-deux", "quatre-vingt-dix", "two hundred
    /// and fifty", "trois mille", possibly ending in an ordinal
    /// ("vingt et unième", "twenty-first"). Greedy, never backtracks.
    fn word_number(&mut self, i: usize) -> Option<Num> {
        let fr = self.lang == Lang::Fr;
        let (mut total, mut cur, mut last, mut weak) = match self.lex(i) {
            Lex::Card(v) if fr && v == 9 => (0, v, v, Weak::Neuf),
            Lex::Card(v) => (0, v, v, Weak::No),
            Lex::One => (0, 1, 1, Weak::One),
            Lex::A => (0, 1, 1, Weak::A),
            Lex::Hundred => (0, 100, 100, Weak::No),
            Lex::Thousand => (1000, 0, 1000, Weak::No),
            _ => return None,
        };
        let mut end = i + 1;
        let mut ord = false;
        for _ in 0..MAX_WORDS {
            let hyphen = self.hyphen(end);
            let mut k = if hyphen {
                end + 1
            } else if self.joined(end) {
                end
            } else {
                break;
            };
            let mut via_et = false;
            match self.lex(k) {
                Lex::Et if fr => {
                    k = if self.hyphen(k + 1) {
                        k + 2
                    } else if self.joined(k + 1) {
                        k + 1
                    } else {
                        break;
                    };
                    via_et = true;
                }
                Lex::And if !fr && last >= 100 && self.joined(k + 1) => k += 1,
                _ => {}
            }
            let tens = (20..=90).contains(&last) && last % 10 == 0;
            let big = last >= 100;
            let (v, is_ord) = match self.lex(k) {
                Lex::Card(v) => (v, false),
                Lex::One => (1, false),
                Lex::Ord(v) => (v, true),
                Lex::SecondAmb if !fr => (2, true),
                Lex::Hundred if !via_et => {
                    if (1..=9).contains(&cur) && last == cur {
                        cur *= 100;
                    } else if cur == 0 && total > 0 {
                        cur = 100;
                    } else {
                        break;
                    }
                    last = 100;
                    end = k + 1;
                    weak = Weak::No;
                    continue;
                }
                Lex::Thousand if !via_et && total == 0 && cur > 0 => {
                    total = cur * 1000;
                    cur = 0;
                    last = 1000;
                    end = k + 1;
                    weak = Weak::No;
                    continue;
                }
                _ => break,
            };
            let ok = if via_et {
                tens && last <= 60 && (v == 1 || v == 11)
            } else if v == 1 {
                (tens && (hyphen || !fr)) || big
            } else if v < 10 {
                tens || (fr && last == 10 && hyphen) || big
            } else if v < 20 {
                big || (fr && hyphen && (last == 60 || last == 80))
            } else if fr && v == 20 && last == 4 && hyphen {
                // quatre-vingt(s): replace the 4 just added by 80.
                cur += 76;
                last = 80;
                end = k + 1;
                weak = Weak::No;
                if is_ord {
                    ord = true;
                    break;
                }
                continue;
            } else {
                big && v % 10 == 0 && v <= 90
            };
            if !ok {
                break;
            }
            cur += v;
            last = v;
            end = k + 1;
            weak = Weak::No;
            if is_ord {
                ord = true;
                break;
            }
        }
        Some(Num {
            val: Dec::from_u64(total + cur),
            first: i,
            end,
            dig: None,
            weak,
            ord,
            scale: 0,
        })
    }

    /// Digits glued to letters or code punctuation before them: `G7`,
    /// `F-16`, `COVID-19`, `1.2.3`, `[3]`.
    fn identifier_before(&mut self, i: usize) -> bool {
        if !self.glued(i) {
            return false;
        }
        let Some(prev) = self.tok(i - 1) else {
            return false;
        };
        match prev.kind {
            Kind::Word { .. } => true,
            Kind::Punct('-') => {
                i >= 2
                    && self.glued(i - 1)
                    && self.is_word(i - 2)
                    && !self.fold_in(
                        i - 2,
                        &[
                            "mid", "mi", "pre", "post", "early", "late", "fin", "debut", "avant",
                            "apres",
                        ],
                    )
            }
            Kind::Punct('/' | '.' | ':' | '_' | ',') => {
                i >= 2 && self.glued(i - 1) && (self.is_num(i - 2) || self.is_word(i - 2))
            }
            Kind::Punct('[') => self.punct(i + 1, ']') && self.glued(i + 1),
            Kind::Punct('#' | '№' | '°') => true,
            _ => false,
        }
    }

    /// Digits followed by glued letters or code punctuation and more
    /// digits: `5G`, `24/7`, `1.2.3`, `3:2`.
    fn identifier_after(&mut self, j: usize) -> bool {
        if !self.glued(j) {
            return false;
        }
        match self.tok(j).map(|t| t.kind) {
            Some(Kind::Word { .. }) => true,
            Some(Kind::Punct('/' | '.' | ':' | '_' | ',')) => {
                self.glued(j + 1) && self.is_num(j + 1)
            }
            _ => false,
        }
    }

    /// Skips a glued identifier such as `A320neo` or `1.2.3`.
    fn skip_chain(&mut self, i: usize) -> usize {
        let mut k = i + 1;
        while self.glued(k)
            && matches!(
                self.tok(k).map(|t| t.kind),
                Some(
                    Kind::Word { .. }
                        | Kind::Num { .. }
                        | Kind::Punct('-' | '/' | '.' | ':' | '_' | ',')
                )
            )
        {
            k += 1;
            // A chain can be as long as the text: keep the window small.
            self.release(k);
        }
        k - i
    }

    /// A number at `i` (digits or words) and what follows it.
    fn num_at(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
        if self.is_num(i) && self.identifier_before(i) {
            return self.skip_chain(i);
        }
        let Some(n) = self.number(i) else { return 0 };
        if n.ord {
            return self.ord_emit(n.first, n.end, n.val.as_u64().unwrap_or(0), out);
        }
        if matches!(n.weak, Weak::One | Weak::A) && self.lex_j(n.end) == Lex::Half {
            return self.half_at(n.first, n.end, out);
        }
        // The English article, the commonest word: it counts only before a
        // unit, a fraction or an approximate count.
        if n.weak == Weak::A
            && !matches!(
                self.lex_j(n.end),
                Lex::Dur(_) | Lex::Frac(_) | Lex::Ord(_) | Lex::Approx(_)
            )
        {
            return 0;
        }
        if let Some((suf, e)) = self.suffix(&n) {
            if !self.weak_ok(&n, suf, e) {
                return 0;
            }
            if let Suf::Approx(a) = suf
                && let Some(v) = n.val.mul_small(a)
                && let Some((key, e2)) = self.unit_after_approx(v, e)
            {
                self.emit(out, n.first, e2, key);
                return e2 - i;
            }
            if let Suf::Frac(d) = suf
                && let Some((key, e2)) = self.unit_after_frac(&n.val, d, e)
            {
                self.emit(out, n.first, e2, key);
                return e2 - i;
            }
            let key = key_for(&n, suf);
            self.emit(out, n.first, e, key);
            return e - i;
        }
        if n.dig.is_some() && self.identifier_after(n.end) {
            return self.skip_chain(i);
        }
        if let Some((suf, pow)) = self.range(&n) {
            let mut n1 = n.clone();
            if n1.scale == 0 && pow > 0 {
                n1.val.shift(pow);
                n1.scale = pow;
            }
            let key = match suf {
                Some(suf) => key_for(&n1, suf),
                None => vkey("num:", &n1.val, ""),
            };
            self.emit(out, n.first, n.end, key);
            return n.end - i;
        }
        if n.weak != Weak::No {
            return 0;
        }
        if let Some(y) = self.short_year(&n) {
            self.emit(out, n.first, n.end, format!("year:{y}"));
            return n.end - i;
        }
        let key = match n.dig {
            Some(d)
                if d.plain && d.ndig == 4 && d.int.is_some_and(|v| (1900..=2099).contains(&v)) =>
            {
                vkey("year:", &n.val, "")
            }
            _ => vkey("num:", &n.val, ""),
        };
        self.emit(out, n.first, n.end, key);
        n.end - i
    }

    /// "une dizaine d'années", "une centaine de kilomètres", "a dozen
    /// years": an approximate count with a unit after it.
    fn unit_after_approx(&mut self, v: Dec, e: usize) -> Option<(String, usize)> {
        let mut k = e;
        if self.lex_j(k) == Lex::De {
            k += 1;
            if self.punct(k, '\'') && self.glued(k) {
                k += 1;
            }
        }
        if let Some((tu, half, e2)) = self.dur_after(k, Weak::No) {
            return Some((dur_key(&v, tu, half), e2));
        }
        if let Some((u, e2)) = self.measure_after(k) {
            return Some((vkey2("qty:", &v, ":", u), e2));
        }
        if let Lex::Cur(c) = self.lex_j(k) {
            return Some((vkey2("money:", &v, ":", c), k + 1));
        }
        None
    }

    /// "trois quarts d'heure", "a quarter of a century" … as a duration,
    /// when the fraction is a short decimal (halves, quarters, fifths).
    fn unit_after_frac(&mut self, num: &Dec, d: u64, e: usize) -> Option<(String, usize)> {
        let n = num.as_u64()?;
        if d == 0 || 100 % d != 0 || n > 1000 {
            return None;
        }
        let mut k = e;
        if !matches!(self.lex_j(k), Lex::De | Lex::Of) {
            return None;
        }
        k += 1;
        if self.punct(k, '\'') && self.glued(k) {
            k += 1;
        }
        if matches!(self.lex_j(k), Lex::A | Lex::One) {
            k += 1;
        }
        let Lex::Dur(tu) = self.lex_j(k) else {
            return None;
        };
        let cents = n * (100 / d);
        let v = Dec {
            int: (cents / 100).to_string().as_str().into(),
            frac: format!("{:02}", cents % 100).as_str().into(),
        };
        Some((dur_key(&v, tu, false), k + 1))
    }

    /// The second year of "2022-23".
    fn short_year(&mut self, n: &Num) -> Option<u64> {
        let d = n.dig.filter(|d| d.plain && d.ndig == 2)?;
        let i = n.first;
        if i < 2
            || !self.glued(i)
            || !self.glued(i - 1)
            || !(self.punct(i - 1, '-') || self.punct(i - 1, '–'))
        {
            return None;
        }
        let (_, yd) = self.digits(i - 2)?;
        let y = yd
            .int
            .filter(|y| yd.plain && yd.ndig == 4 && (1900..=2099).contains(y))?;
        let full = y / 100 * 100 + d.int?;
        (full > y).then_some(full)
    }

    /// Whether an `un`/`one`/`a` alone may stand for 1 before this suffix.
    fn weak_ok(&mut self, n: &Num, suf: Suf, end: usize) -> bool {
        match n.weak {
            Weak::No | Weak::Neuf => true,
            Weak::One => match suf {
                // "un jour" is "some day" as often as "one day".
                Suf::Dur(Tu::Day, half) => half,
                Suf::Dur(..)
                | Suf::Qty(_)
                | Suf::Money(_)
                | Suf::Pct
                | Suf::Frac(_)
                | Suf::Approx(_)
                | Suf::Clock(..) => true,
                _ => false,
            },
            Weak::A => match suf {
                Suf::Dur(Tu::Day, half) => half,
                Suf::Dur(tu, half) => {
                    half || matches!(tu, Tu::Decade | Tu::Century)
                        || self.a_span_context(n.first, end)
                }
                Suf::Frac(_) | Suf::Approx(_) => true,
                _ => false,
            },
        }
    }

    /// English "a year" is a rate as often as a span ("twice a year", "2
    /// million shells a year"); it counts only next to a word that makes it
    /// a span of time ("a year ago", "for a year", "a month-long visit").
    fn a_span_context(&mut self, first: usize, end: usize) -> bool {
        const AFTER: &[&str] = &[
            "ago", "later", "earlier", "before", "after", "prior", "since",
        ];
        const BEFORE: &[&str] = &[
            "for",
            "in",
            "over",
            "than",
            "within",
            "about",
            "nearly",
            "almost",
            "around",
            "after",
            "just",
            "only",
            "barely",
            "roughly",
            "some",
            "approximately",
            "under",
            "least",
            "to",
            "lasted",
            "lasts",
            "last",
            "took",
            "takes",
            "spent",
            "spend",
            "past",
        ];
        let hyphenated =
            end >= 2 && self.punct(end - 2, '-') && self.fold_in(end - 1, &["long", "old"]);
        hyphenated
            || (self.joined(end) && self.fold_in(end, AFTER))
            || (first > 0 && self.joined(first) && self.fold_in(first - 1, BEFORE))
    }

    /// What follows number `n`, and where the expression ends.
    fn suffix(&mut self, n: &Num) -> Option<(Suf, usize)> {
        let j = n.end;
        if !self.may_start_suffix(j) {
            return None;
        }
        if let Some(d) = n.dig.filter(|d| d.plain && n.scale == 0)
            && self.glued(j)
        {
            if let Some(Kind::Word { fold, .. }) = self.tok(j).map(|t| t.kind)
                && is_ord_suffix(self.lang, fold.bytes())
            {
                if d.int.is_some_and(|v| (1..=31).contains(&v))
                    && let Some((m, e)) = self.month_after(j + 1)
                {
                    return Some((Suf::Date(m), e));
                }
                return Some((Suf::Ord, j + 1));
            }
            // "1990s", "1990's"; "’80s", "the 80s" (not "in his 80s").
            let end = if self.fold_is(j, "s") {
                Some(j + 1)
            } else if self.punct(j, '\'') && self.glued(j + 1) && self.fold_is(j + 1, "s") {
                Some(j + 2)
            } else {
                None
            };
            if let (Some(e), Some(v)) = (end, d.int.filter(|v| v % 10 == 0)) {
                if d.ndig == 4 {
                    return Some((Suf::Decade(v), e));
                }
                let short = d.ndig == 2 && (30..=90).contains(&v) && n.first > 0;
                if short
                    && ((self.glued(n.first) && self.punct(n.first - 1, '\''))
                        || self.fold_is(n.first - 1, "the"))
                {
                    return Some((Suf::Decade(1900 + v), e));
                }
            }
        }
        if let Some(r) = self.clock_after(n) {
            return Some(r);
        }
        // "deux heures du matin", "à 3 heures de l'après-midi".
        if self.lex_j(j) == Lex::Dur(Tu::Hour)
            && let Some(h) = n
                .val
                .as_u64()
                .filter(|h| (1..=12).contains(h) && n.scale == 0)
            && let Some((pm, e)) = self.day_part(j + 1)
        {
            let h = if pm && h < 12 {
                h + 12
            } else if !pm && h == 12 {
                0
            } else {
                h
            };
            return Some((Suf::Clock(h, 0), e));
        }
        if self.joined(j) {
            if self.punct(j, '%') {
                return Some((Suf::Pct, j + 1));
            }
            match self.lex(j) {
                Lex::Pct => return Some((Suf::Pct, j + 1)),
                Lex::Per if self.joined(j + 1) && self.fold_is(j + 1, "cent") => {
                    return Some((Suf::Pct, j + 2));
                }
                _ => {}
            }
        }
        if let Some((c, e)) = self.currency_after(j, n) {
            return Some((Suf::Money(c), e));
        }
        if matches!(self.lex_j(j), Lex::Times | Lex::Reprise) {
            return Some((Suf::Times, j + 1));
        }
        if let Some((tu, half, e)) = self.dur_after(j, n.weak) {
            return Some((Suf::Dur(tu, half), e));
        }
        if let Some((u, e)) = self.measure_after(j) {
            return Some((Suf::Qty(u), e));
        }
        let k = if self.hyphen(j) { j + 1 } else { j };
        if self.joined(k) {
            match self.lex(k) {
                Lex::Frac(d) => return Some((Suf::Frac(d), k + 1)),
                Lex::Ord(d) if d >= 3 && matches!(self.lex_j(k + 1), Lex::Of | Lex::De) => {
                    return Some((Suf::Frac(d), k + 1));
                }
                Lex::Approx(a) => return Some((Suf::Approx(a), k + 1)),
                Lex::Vague(_) if n.weak == Weak::No => {
                    if let Some(a) = self.plural_approx(k) {
                        return Some((Suf::Approx(a), k + 1));
                    }
                }
                _ => {}
            }
        }
        if let Some(d) = n.dig.filter(|d| d.plain && d.ndig <= 2 && n.scale == 0)
            && d.int.is_some_and(|v| (1..=31).contains(&v))
            && let Some((m, e)) = self.month_after(j)
        {
            return Some((Suf::Date(m), e));
        }
        None
    }

    /// A cheap test that rules out most tokens after a number (another
    /// number, an ordinary word) before the many rules of [`Self::suffix`].
    fn may_start_suffix(&mut self, j: usize) -> bool {
        const OTHER: &[&str] = &[
            "s", "am", "pm", "p", "livre", "livres", "pound", "pounds", "degres", "degrees",
        ];
        let Some(t) = self.tok(j) else { return false };
        if t.gap == Gap::Break {
            return false;
        }
        match t.kind {
            Kind::Num { .. } => false,
            Kind::Punct('%' | '°' | ':' | '\'') => true,
            // "18-month-old", "155-mm", "two-thirds".
            Kind::Punct('-') => self.hyphen(j) && self.is_word(j + 1),
            Kind::Punct(c) => currency_symbol(c).is_some(),
            Kind::Word {
                lex: Lex::Other,
                fold,
                ..
            } => OTHER.iter().any(|w| fold.is(w)) || is_ord_suffix(self.lang, fold.bytes()),
            Kind::Word { .. } => true,
        }
    }

    /// The count in a plural approximation after a number ("deux
    /// douzaines" = 24, "trois centaines" = 300).
    fn plural_approx(&mut self, k: usize) -> Option<u64> {
        match self.tok(k)?.kind {
            Kind::Word { fold, .. } => match fold.bytes() {
                b"dizaines" => Some(10),
                b"douzaines" | b"dozens" => Some(12),
                b"centaines" | b"hundreds" => Some(100),
                b"milliers" | b"thousands" => Some(1000),
                _ => None,
            },
            _ => None,
        }
    }

    /// `14:30`, `2 pm`, `2:30 p.m.`, `2.30pm`, French `14 h 30`, `14h`.
    fn clock_after(&mut self, n: &Num) -> Option<(Suf, usize)> {
        let d = n.dig?;
        if n.scale > 0 {
            return None;
        }
        let j = n.end;
        let en = self.lang == Lang::En;
        if !d.plain {
            // British "2.30pm".
            if en && d.frac_len == 2 && d.ndig <= 2 {
                let h = Dec {
                    int: n.val.int.clone(),
                    frac: Digits::default(),
                }
                .as_u64()?;
                let m = Dec {
                    int: n.val.frac.clone(),
                    frac: Digits::default(),
                }
                .as_u64()?;
                if (1..=12).contains(&h)
                    && m < 60
                    && let Some((pm, e)) = self.ampm(j)
                {
                    return Some((Suf::Clock(ampm_hour(h, pm), m), e));
                }
            }
            return None;
        }
        let h = d.int?;
        if d.ndig > 2 {
            return None;
        }
        if h <= 24
            && self.punct(j, ':')
            && self.glued(j)
            && self.glued(j + 1)
            && let Some((m, 2)) = self.small_plain(j + 1)
            && m < 60
        {
            let mut e = j + 2;
            let mut hh = h;
            if en
                && (1..=12).contains(&h)
                && let Some((pm, e2)) = self.ampm(e)
            {
                hh = ampm_hour(h, pm);
                e = e2;
            }
            return Some((Suf::Clock(hh, m), e));
        }
        if en
            && (1..=12).contains(&h)
            && let Some((pm, e)) = self.ampm(j)
        {
            return Some((Suf::Clock(ampm_hour(h, pm), 0), e));
        }
        if !en && self.lex_j(j) == Lex::HourAbbr {
            if h <= 24
                && self.joined(j + 1)
                && let Some((m, 2)) = self.small_plain(j + 1)
                && m < 60
            {
                return Some((Suf::Clock(h % 24, m), j + 2));
            }
            let span_word = n
                .first
                .checked_sub(1)
                .is_some_and(|p| self.fold_in(p, &["en", "pendant", "durant"]));
            if h <= 23 && !span_word {
                return Some((Suf::Clock(h, 0), j + 1));
            }
            return Some((Suf::Dur(Tu::Hour, false), j + 1));
        }
        None
    }

    /// `am`, `pm`, `a.m.`, `p.m.` at `j`: (is pm, end).
    fn ampm(&mut self, j: usize) -> Option<(bool, usize)> {
        if !self.joined(j) {
            return None;
        }
        if self.fold_is(j, "am") {
            return Some((false, j + 1));
        }
        if self.fold_is(j, "pm") {
            return Some((true, j + 1));
        }
        let pm = if self.fold_is(j, "a") {
            false
        } else if self.fold_is(j, "p") {
            true
        } else {
            return None;
        };
        if self.punct(j + 1, '.')
            && self.glued(j + 1)
            && self.glued(j + 2)
            && self.fold_is(j + 2, "m")
        {
            let mut e = j + 3;
            if self.punct(e, '.') && self.glued(e) {
                e += 1;
            }
            return Some((pm, e));
        }
        None
    }

    /// A currency after a number: `$`, `€`, `dollars`, `US dollars`,
    /// French `millions de dollars` / `milliard d'euros`.
    fn currency_after(&mut self, j: usize, n: &Num) -> Option<(&'static str, usize)> {
        if !self.joined(j) {
            return None;
        }
        match self.tok(j)?.kind {
            Kind::Punct(c) => currency_symbol(c).map(|code| (code, j + 1)),
            Kind::Word { lex, fold, .. } => {
                match lex {
                    // English "won" is mostly the verb.
                    Lex::Cur("krw") if self.lang == Lang::En && n.scale == 0 => return None,
                    Lex::Cur(code) => return Some((code, j + 1)),
                    Lex::Us => {
                        if let Lex::Cur(code) = self.lex_j(j + 1) {
                            return Some((code, j + 2));
                        }
                    }
                    Lex::De if n.scale > 0 => {
                        let mut k = j + 1;
                        if self.punct(k, '\'') && self.glued(k) {
                            k += 1;
                        }
                        if let Lex::Cur(code) = self.lex_j(k) {
                            return Some((code, k + 1));
                        }
                    }
                    _ => {}
                }
                let pound = matches!(fold.bytes(), b"livre" | b"livres" | b"pound" | b"pounds");
                if pound && self.joined(j + 1) && self.fold_is(j + 1, "sterling") {
                    return Some(("gbp", j + 2));
                }
                None
            }
            Kind::Num { .. } => None,
        }
    }

    /// A time unit after a number: `ans`, `-month-old`, `prochaines
    /// années`, with `et demi` / `and a half`.
    fn dur_after(&mut self, j: usize, weak: Weak) -> Option<(Tu, bool, usize)> {
        let mut k = j;
        // A hyphen ("18-month") or one adjective ("deux prochaines années").
        let adj =
            weak == Weak::No && self.lex_j(k) == Lex::Adj && self.tu_at(k + 1, weak).is_some();
        if self.hyphen(k) || adj {
            k += 1;
        }
        let tu = self.tu_at(k, weak)?;
        let mut e = k + 1;
        let taken = self.half_after(e);
        let half = taken > 0;
        e += taken;
        if self.hyphen(e) && self.fold_in(e + 1, &["old", "long"]) {
            e += 2;
        }
        Some((tu, half, e))
    }

    fn tu_at(&mut self, k: usize, weak: Weak) -> Option<Tu> {
        match self.lex_j(k) {
            Lex::Dur(tu) => Some(tu),
            Lex::SecondAmb if weak == Weak::No => Some(Tu::Second),
            _ => None,
        }
    }

    /// A unit of measure after a number: `mm`, `155-mm`, `km/h`, `°C`.
    fn measure_after(&mut self, j: usize) -> Option<(&'static str, usize)> {
        let k = if self.hyphen(j) { j + 1 } else { j };
        if !self.joined(k) {
            return None;
        }
        match self.tok(k)?.kind {
            Kind::Word {
                lex: Lex::Qty(u),
                cap,
                ..
            } => {
                if u == "g" && cap {
                    return None; // 5G, 4G
                }
                if u == "km"
                    && self.punct(k + 1, '/')
                    && self.glued(k + 1)
                    && self.glued(k + 2)
                    && self.fold_is(k + 2, "h")
                {
                    return Some(("kmh", k + 3));
                }
                let squared = self.glued(k + 1) && self.small_plain(k + 1) == Some((2, 1));
                match u {
                    "km" if squared => Some(("km2", k + 2)),
                    "m" if squared => Some(("m2", k + 2)),
                    _ => Some((u, k + 1)),
                }
            }
            Kind::Word { fold, .. } if matches!(fold.bytes(), b"degres" | b"degrees") => {
                if self.joined(k + 1) && self.fold_is(k + 1, "celsius") {
                    Some(("c", k + 2))
                } else {
                    None
                }
            }
            Kind::Punct('°') if self.glued(k + 1) => {
                if self.fold_is(k + 1, "c") {
                    Some(("c", k + 2))
                } else if self.fold_is(k + 1, "f") {
                    Some(("f", k + 2))
                } else {
                    None
                }
            }
            _ => None,
        }
    }

    /// Two numbers joined by `à`, `to`, `-`, `ou`, `et` …, with the unit or
    /// month written once after the second: the first borrows it.
    fn range(&mut self, n: &Num) -> Option<(Option<Suf>, usize)> {
        if n.weak == Weak::A || n.ord {
            return None;
        }
        let j = n.end;
        if !self.joined(j) {
            return None;
        }
        let conn = match self.tok(j)?.kind {
            Kind::Punct('-' | '–') => true,
            Kind::Word { lex, .. } => matches!(
                lex,
                Lex::To | Lex::Or | Lex::And | Lex::AFr | Lex::Ou | Lex::Et | Lex::Au
            ),
            _ => false,
        };
        if !conn || !self.joined(j + 1) {
            return None;
        }
        let n2 = self.number(j + 1)?;
        if n2.weak != Weak::No || n2.ord {
            return None;
        }
        let Some((suf, _)) = self.suffix(&n2) else {
            // "entre 2 et 3 millions": only the multiplier is shared.
            return (n2.scale > 0 && n.scale == 0).then_some((None, n2.scale));
        };
        let small = n.dig.filter(|d| d.plain && d.ndig <= 2).and_then(|d| d.int);
        let suf = match suf {
            Suf::Dur(tu, _) => Suf::Dur(tu, false),
            Suf::Qty(_) | Suf::Pct | Suf::Money(_) | Suf::Times => suf,
            Suf::Date(_) if small.is_some_and(|v| (1..=31).contains(&v)) => suf,
            // "between 3 and 5 pm", "de 15 à 17 h".
            Suf::Clock(h2, _) => match small {
                Some(h1) if h1 < 12 && h2 >= 12 && h1 + 12 <= h2 => Suf::Clock(h1 + 12, 0),
                Some(h1) if h1 <= h2 => Suf::Clock(h1, 0),
                _ => return None,
            },
            _ => return None,
        };
        Some((Some(suf), n2.scale))
    }

    // -- dates --------------------------------------------------------------

    /// A month name at `k` (after an English `of`), for a day number
    /// before it: (month, end).
    fn month_after(&mut self, k: usize) -> Option<(u8, usize)> {
        let mut k = k;
        if self.lang == Lang::En && self.lex_j(k) == Lex::Of {
            k += 1;
        }
        let (m, abbr) = match self.lex_j(k) {
            Lex::Month(m) => (m, false),
            Lex::MonthAbbr(m) => (m, true),
            _ => return None,
        };
        if !self.month_ok(k, m, abbr, true) {
            return None;
        }
        let mut e = k + 1;
        if abbr && self.punct(e, '.') && self.glued(e) {
            e += 1;
        }
        Some((m, e))
    }

    /// Case rules for month names that are also ordinary words.
    fn month_ok(&mut self, i: usize, m: u8, abbr: bool, digit_ctx: bool) -> bool {
        let cap = self.is_cap(i);
        if abbr {
            return cap && digit_ctx;
        }
        match self.lang {
            Lang::En => match m {
                5 => cap && (digit_ctx || self.month_ctx_before(i)),
                3 | 8 => cap,
                _ => true,
            },
            // "Mars" is also the planet.
            Lang::Fr => !(m == 3 && cap) || digit_ctx,
        }
    }

    fn month_ctx_before(&mut self, i: usize) -> bool {
        if i == 0 || !self.joined(i) {
            return false;
        }
        match self.lex(i - 1) {
            Lex::MonthCtx | Lex::Of => true,
            _ => self.punct(i - 1, '-') && self.glued(i) && i >= 2 && self.fold_is(i - 2, "mid"),
        }
    }

    fn month_at(&mut self, i: usize, m: u8, abbr: bool, out: &mut Vec<Quantity>) -> usize {
        let mut e = i + 1;
        if abbr && self.punct(e, '.') && self.glued(e) {
            e += 1;
        }
        let next_num = self.joined(e) && self.is_num(e);
        let prev_num = i > 0 && self.joined(i) && self.is_num(i - 1);
        if !self.month_ok(i, m, abbr, next_num || prev_num) {
            return 0;
        }
        if next_num {
            if let Some((day, _)) = self.small_plain(e).filter(|(v, _)| (1..=31).contains(v)) {
                let mut d_end = e + 1;
                if self.glued(d_end) && self.fold_in(d_end, &["st", "nd", "rd", "th", "er"]) {
                    d_end += 1;
                }
                if !self.identifier_after(d_end) {
                    self.emit(out, i, d_end, format!("date:{m}-{day}"));
                    // "September 10-13", "September 10 and 13".
                    let conn = self.joined(d_end)
                        && (self.punct(d_end, '-')
                            || self.punct(d_end, '–')
                            || matches!(self.lex(d_end), Lex::To | Lex::And | Lex::Et | Lex::Au));
                    if conn
                        && self.joined(d_end + 1)
                        && let Some((day2, _)) = self
                            .small_plain(d_end + 1)
                            .filter(|(v, _)| (1..=31).contains(v))
                    {
                        let mut e2 = d_end + 2;
                        if self.glued(e2) && self.fold_in(e2, &["st", "nd", "rd", "th", "er"]) {
                            e2 += 1;
                        }
                        if !self.identifier_after(e2) {
                            self.emit(out, d_end + 1, e2, format!("date:{m}-{day2}"));
                            return e2 - i;
                        }
                    }
                    return d_end - i;
                }
            }
            if let Some((_, d)) = self.digits(e)
                && d.plain
                && d.ndig == 4
                && !self.identifier_after(e + 1)
                && let Some(y) = d.int.filter(|v| (1900..=2099).contains(v))
            {
                self.emit(out, i, e + 1, format!("date:{y}-{m}"));
                return e + 1 - i;
            }
        }
        self.emit(out, i, e, format!("month:{m}"));
        e - i
    }

    /// French "les années 1990".
    fn decade_words(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
        if !self.joined(i + 1) || self.identifier_after(i + 2) {
            return 0;
        }
        let Some((_, d)) = self.digits(i + 1) else {
            return 0;
        };
        let year = match d.int {
            Some(v) if d.plain && d.ndig == 4 && v % 10 == 0 && (1000..=2090).contains(&v) => v,
            // "les années 80": only 30 to 90, where the century is clear.
            Some(v) if d.plain && d.ndig == 2 && v % 10 == 0 && (30..=90).contains(&v) => 1900 + v,
            _ => return 0,
        };
        self.emit(out, i, i + 2, format!("decade:{year}"));
        2
    }

    // -- other word rules ---------------------------------------------------

    /// An ordinal, or a date when a month follows ("premier septembre",
    /// "the first of September").
    fn ord_emit(&mut self, first: usize, end: usize, v: u64, out: &mut Vec<Quantity>) -> usize {
        if (1..=31).contains(&v)
            && let Some((m, e)) = self.month_after(end)
        {
            self.emit(out, first, e, format!("date:{m}-{v}"));
            return e - first;
        }
        self.emit(out, first, end, format!("ord:{v}"));
        end - first
    }

    fn ord_at(&mut self, i: usize, v: u64, out: &mut Vec<Quantity>) -> usize {
        // "le Premier ministre" is the prime minister.
        if self.lang == Lang::Fr
            && v == 1
            && self.joined(i + 1)
            && self.fold_in(i + 1, &["ministre", "ministres"])
        {
            return 2;
        }
        self.ord_emit(i, i + 1, v, out)
    }

    /// `demi-heure`, `half an hour`, `half-hour`, `half of`; `first` is
    /// where the expression starts (an `une` / `a` before `k`).
    fn half_at(&mut self, first: usize, k: usize, out: &mut Vec<Quantity>) -> usize {
        let mut u = k + 1;
        // "demi-heure", "half-hour", "half an hour".
        if self.hyphen(u) || (self.lang == Lang::En && self.lex_j(u) == Lex::A) {
            u += 1;
        }
        // "une demi-douzaine", "half a dozen".
        if let Lex::Approx(a) = self.lex_j(u)
            && a % 2 == 0
        {
            self.emit(out, first, u + 1, format!("num:{}", a / 2));
            return u + 1 - first;
        }
        if let Lex::Dur(tu) = self.lex_j(u) {
            self.emit(out, first, u + 1, dur_key(&Dec::half(), tu, false));
            return u + 1 - first;
        }
        let determiner = [
            "the", "its", "their", "his", "her", "our", "all", "this", "that", "those", "these",
        ];
        if first == k
            && self.lang == Lang::En
            && self.joined(k + 1)
            && (self.lex(k + 1) == Lex::Of || self.fold_in(k + 1, &determiner))
        {
            self.emit(out, k, k + 1, "frac:1/2".into());
            return 1;
        }
        0
    }

    /// `quelques heures`, `several days`, `plusieurs fois`, `a few
    /// thousand`.
    fn few_at(&mut self, first: usize, k: usize, out: &mut Vec<Quantity>) -> usize {
        let mut u = k + 1;
        if self.lex_j(u) == Lex::Adj && matches!(self.lex_j(u + 1), Lex::Dur(_)) {
            u += 1;
        }
        match self.lex_j(u) {
            Lex::Dur(tu) => {
                self.emit(out, first, u + 1, format!("dur:few:{}", tu.name()));
                u + 1 - first
            }
            Lex::Times | Lex::Reprise => {
                self.emit(out, first, u + 1, "times:several".into());
                u + 1 - first
            }
            _ => self.vague_at(first, k + 1, true, out),
        }
    }

    /// Orders of magnitude: `des dizaines de millions`, `thousands of`,
    /// `several hundred`, `millions de dollars`.
    fn vague_at(&mut self, first: usize, k: usize, few: bool, out: &mut Vec<Quantity>) -> usize {
        if !self.joined(k) {
            return 0;
        }
        let m1 = match self.lex(k) {
            Lex::Vague(m) => m,
            Lex::Scale { pow, plural } if plural || few => pow,
            Lex::Hundred if few => 2,
            Lex::Thousand if few => 3,
            _ => return 0,
        };
        let mut e = k + 1;
        let mut name = mag_name(m1);
        if matches!(self.lex_j(e), Lex::Of | Lex::De) {
            let m2 = match self.lex_j(e + 1) {
                Lex::Vague(m) if m >= 3 => m,
                Lex::Scale { pow, plural: true } => pow,
                _ => 0,
            };
            if m2 > m1 {
                name = mag_pair(m1, m2);
                e += 2;
            }
        }
        // A bare English "tens" is rarely a number.
        if m1 == 1 && self.lang == Lang::En && !few && e == k + 1 && self.lex_j(e) != Lex::Of {
            return 0;
        }
        let mut c = e;
        if matches!(self.lex_j(c), Lex::Of | Lex::De) {
            c += 1;
            if self.punct(c, '\'') && self.glued(c) {
                c += 1;
            }
            if let Lex::Cur(code) = self.lex_j(c) {
                self.emit(out, first, c + 1, cat(&["money:", name, ":", code]));
                return c + 1 - first;
            }
        }
        self.emit(out, first, e, cat(&["num:", name]));
        e - first
    }

    /// French `à`: `à deux reprises`, `à plusieurs reprises`, `à 14 heures`.
    fn a_fr(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
        let k = i + 1;
        if !self.joined(k) {
            return 0;
        }
        if self.lex(k) == Lex::Few && self.lex_j(k + 1) == Lex::Reprise {
            self.emit(out, i, k + 2, "times:several".into());
            return k + 2 - i;
        }
        let Some(n) = self.number(k) else { return 0 };
        if n.weak != Weak::No || n.ord || n.scale > 0 {
            return 0;
        }
        if self.lex_j(n.end) == Lex::Reprise {
            self.emit(out, i, n.end + 1, vkey("times:", &n.val, ""));
            return n.end + 1 - i;
        }
        let hour_word =
            self.lex_j(n.end) == Lex::Dur(Tu::Hour) && self.day_part(n.end + 1).is_none();
        if let (Some(d), true) = (n.dig, hour_word) {
            // "à 2 heures de Paris" is a distance.
            if let Some(h) = d.int.filter(|h| d.plain && d.ndig <= 2 && *h <= 24)
                && self.lex_j(n.end + 1) != Lex::De
            {
                let mut e = n.end + 1;
                let mut m = 0;
                if let Some((mm, 2)) = self.joined(e).then(|| self.small_plain(e)).flatten()
                    && mm < 60
                {
                    m = mm;
                    e += 1;
                }
                self.emit(out, k, e, format!("time:{:02}:{m:02}", h % 24));
                return e - i;
            }
        }
        0
    }

    /// `$2 million`, `€1.5bn`, `US$5`, `£300m`.
    fn money_prefix(&mut self, first: usize, sym: usize, out: &mut Vec<Quantity>) -> usize {
        let Some(Kind::Punct(c)) = self.tok(sym).map(|t| t.kind) else {
            return 0;
        };
        let Some(code) = currency_symbol(c) else {
            return 0;
        };
        let k = sym + 1;
        if !self.joined(k) {
            return 0;
        }
        let Some((mut val, _)) = self.digits(k) else {
            return 0;
        };
        let mut e = k + 1;
        if self.joined(e) {
            let pow = match self.lex(e) {
                Lex::Scale { pow, .. } => Some(pow),
                Lex::Thousand => Some(3),
                _ if self.glued(e) && self.fold_in(e, &["m", "mn", "mln"]) => Some(6),
                _ if self.glued(e) && self.fold_is(e, "k") => Some(3),
                _ => None,
            };
            if let Some(p) = pow {
                val.shift(p);
                e += 1;
            }
        }
        self.emit(out, first, e, vkey2("money:", &val, ":", code));
        e - first
    }
}

fn ampm_hour(h: u64, pm: bool) -> u64 {
    match (pm, h) {
        (true, 1..=11) => h + 12,
        (false, 12) => 0,
        _ => h,
    }
}

fn dur_key(val: &Dec, tu: Tu, half: bool) -> String {
    let (base, pow) = tu.base();
    if half || pow > 0 {
        let mut v = val.clone();
        if half {
            v.add_half();
        }
        v.shift(pow);
        vkey2("dur:", &v, ":", base)
    } else {
        vkey2("dur:", val, ":", base)
    }
}

/// Concatenates key parts into one exactly sized string.
fn cat(parts: &[&str]) -> String {
    let mut s = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    for p in parts {
        s.push_str(p);
    }
    s
}

/// `prefix`, the canonical value, `suffix`: most keys, in one allocation.
fn vkey(prefix: &str, val: &Dec, suffix: &str) -> String {
    vkey2(prefix, val, suffix, "")
}

/// Like [`vkey`] with a second suffix part (`":"` and a unit).
fn vkey2(prefix: &str, val: &Dec, suffix: &str, unit: &str) -> String {
    let cap = prefix.len() + val.int.len() + val.frac.len() + suffix.len() + unit.len() + 2;
    let mut s = String::with_capacity(cap);
    s.push_str(prefix);
    val.canon_into(&mut s);
    s.push_str(suffix);
    s.push_str(unit);
    s
}
fn key_for(n: &Num, suf: Suf) -> String {
    let int = n.dig.and_then(|d| d.int).unwrap_or(0);
    match suf {
        Suf::Date(m) => format!("date:{m}-{int}"),
        Suf::Decade(v) => format!("decade:{v}"),
        Suf::Clock(h, m) => format!("time:{h:02}:{m:02}"),
        Suf::Dur(tu, half) => dur_key(&n.val, tu, half),
        Suf::Approx(a) => match n.val.mul_small(a) {
            Some(v) => vkey("num:", &v, ""),
            None => vkey("num:", &n.val, ""),
        },
        Suf::Ord => vkey("ord:", &n.val, ""),
        Suf::Pct => vkey("pct:", &n.val, ""),
        Suf::Money(c) => vkey2("money:", &n.val, ":", c),
        Suf::Times => vkey("times:", &n.val, ""),
        Suf::Qty(u) => vkey2("qty:", &n.val, ":", u),
        Suf::Frac(d) => vkey("frac:", &n.val, &format!("/{d}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn keys(text: &str, lang: Lang) -> Vec<String> {
        extract(text, lang).into_iter().map(|q| q.key).collect()
    }

    /// (French, English, the one key both must give).
    const PAIRS: &[(&str, &str, &str)] = &[
        // plain numbers and number words
        ("122", "122", "num:122"),
        ("1 000 soldats", "1,000 soldiers", "num:1000"),
        ("1\u{a0}000 soldats", "1\u{202f}000 soldiers", "num:1000"),
        ("1\u{202f}000\u{202f}000", "1,000,000", "num:1000000"),
        ("2,5", "2.5", "num:2.5"),
        ("007", "7", "num:7"),
        ("deux", "two", "num:2"),
        ("douze", "twelve", "num:12"),
        ("dix-sept", "seventeen", "num:17"),
        ("vingt-deux", "twenty-two", "num:22"),
        ("vingt et un", "twenty-one", "num:21"),
        ("soixante-dix", "seventy", "num:70"),
        ("soixante et onze", "seventy-one", "num:71"),
        ("quatre-vingts", "eighty", "num:80"),
        ("quatre-vingt-dix", "ninety", "num:90"),
        ("quatre-vingt-dix-neuf", "ninety-nine", "num:99"),
        ("cent", "a hundred", "num:100"),
        ("deux cent cinquante", "two hundred and fifty", "num:250"),
        ("trois mille", "three thousand", "num:3000"),
        (
            "mille neuf cent quatre-vingt-dix",
            "one thousand nine hundred and ninety",
            "num:1990",
        ),
        ("une douzaine de pays", "a dozen countries", "num:12"),
        ("une douzaine d’années", "a dozen years", "dur:12:year"),
        (
            "une centaine de kilomètres",
            "a hundred kilometres",
            "qty:100:km",
        ),
        ("deux douzaines", "two dozen", "num:24"),
        (
            "une demi-douzaine de pays",
            "half a dozen countries",
            "num:6",
        ),
        // multipliers
        ("2 millions", "2 million", "num:2000000"),
        ("deux millions", "two million", "num:2000000"),
        ("un million", "one million", "num:1000000"),
        ("1,5 milliard", "1.5 billion", "num:1500000000"),
        ("un million et demi", "a million and a half", "num:1500000"),
        (
            "deux milliards et demi",
            "two and a half billion",
            "num:2500000000",
        ),
        ("3 milliards", "3bn", "num:3000000000"),
        ("68 millions d'habitants", "68m people", "num:68000000"),
        (
            "des dizaines de millions",
            "tens of millions",
            "num:tens_of_millions",
        ),
        (
            "des dizaines de milliers",
            "tens of thousands",
            "num:tens_of_thousands",
        ),
        (
            "des centaines de milliers",
            "hundreds of thousands",
            "num:hundreds_of_thousands",
        ),
        (
            "des milliers de personnes",
            "thousands of people",
            "num:thousands",
        ),
        ("plusieurs centaines", "several hundred", "num:hundreds"),
        ("quelques milliers", "a few thousand", "num:thousands"),
        ("des dizaines de morts", "dozens of dead", "num:tens"),
        // measures
        ("122 mm", "122 mm", "qty:122:mm"),
        ("obus de 155 mm", "155-mm shells", "qty:155:mm"),
        ("40 kilomètres", "40 kilometres", "qty:40:km"),
        ("40 km", "40km", "qty:40:km"),
        ("5 tonnes", "5 tons", "qty:5:t"),
        ("330 mètres", "330 metres", "qty:330:m"),
        ("42,195 km", "42.195 km", "qty:42.195:km"),
        ("100 km/h", "100 km/h", "qty:100:kmh"),
        ("30 °C", "30°C", "qty:30:c"),
        ("deux kilomètres", "two kilometers", "qty:2:km"),
        // percent
        ("5 %", "5%", "pct:5"),
        ("5 pour cent", "5 per cent", "pct:5"),
        ("2,5\u{a0}%", "2.5 percent", "pct:2.5"),
        ("cinq pour cent", "five percent", "pct:5"),
        // money
        ("2 millions de dollars", "$2 million", "money:2000000:usd"),
        ("1,5 milliard d'euros", "€1.5bn", "money:1500000000:eur"),
        ("300 dollars", "300 dollars", "money:300:usd"),
        ("5 $", "$5", "money:5:usd"),
        ("5\u{a0}€", "US$5", "money:5"),
        (
            "des millions de dollars",
            "millions of dollars",
            "money:millions:usd",
        ),
        // durations
        ("quatre ans", "four years", "dur:4:year"),
        ("deux heures", "two hours", "dur:2:hour"),
        ("cinq heures", "five hours", "dur:5:hour"),
        ("40 secondes", "40 seconds", "dur:40:second"),
        ("trois mois", "three months", "dur:3:month"),
        ("deux semaines", "two weeks", "dur:2:week"),
        ("dix jours", "ten days", "dur:10:day"),
        ("30 minutes", "30 minutes", "dur:30:minute"),
        ("une heure", "one hour", "dur:1:hour"),
        ("il y a un an", "a year ago", "dur:1:year"),
        ("un an et demi", "a year and a half", "dur:1.5:year"),
        ("deux ans et demi", "two and a half years", "dur:2.5:year"),
        ("une demi-heure", "half an hour", "dur:0.5:hour"),
        ("une décennie", "a decade", "dur:10:year"),
        ("deux décennies", "twenty years", "dur:20:year"),
        ("un demi-siècle", "fifty years", "dur:50:year"),
        ("un siècle", "a century", "dur:100:year"),
        (
            "une guerre de 18 mois",
            "the 18-month-old war",
            "dur:18:month",
        ),
        (
            "un enfant de quatre ans",
            "a four-year-old child",
            "dur:4:year",
        ),
        (
            "une réunion de deux heures",
            "a two-hour meeting",
            "dur:2:hour",
        ),
        (
            "les deux prochaines années",
            "the next two years",
            "dur:2:year",
        ),
        ("les deux dernières années", "two more years", "dur:2:year"),
        ("quelques heures", "a few hours", "dur:few:hour"),
        ("plusieurs jours", "several days", "dur:few:day"),
        ("pendant 48 h", "for 48 hours", "dur:48:hour"),
        // repetitions
        ("à deux reprises", "twice", "times:2"),
        ("deux fois", "two times", "times:2"),
        ("trois fois", "three times", "times:3"),
        ("trois fois plus", "thrice", "times:3"),
        ("à plusieurs reprises", "several times", "times:several"),
        ("plusieurs fois", "a few times", "times:several"),
        // years and decades
        ("en 2019", "in 2019", "year:2019"),
        (
            "depuis le début de 2022",
            "since the start of 2022",
            "year:2022",
        ),
        ("mi-2019", "mid-2019", "year:2019"),
        ("les années 1990", "the 1990s", "decade:1990"),
        ("les années 2000", "the 2000's", "decade:2000"),
        ("les années 80", "the ’80s", "decade:1980"),
        ("les années 70", "the 70s", "decade:1970"),
        // months
        ("juillet", "July", "month:7"),
        ("en juillet", "in july", "month:7"),
        ("en mai", "in May", "month:5"),
        ("Mai", "since May", "month:5"),
        ("en mars", "in March", "month:3"),
        ("août", "August", "month:8"),
        ("décembre", "December", "month:12"),
        ("decembre", "DECEMBER", "month:12"),
        ("fin mai", "late May", "month:5"),
        // dates
        ("13 septembre", "13 September", "date:9-13"),
        ("le 13 septembre", "September 13", "date:9-13"),
        ("le 10 septembre", "on Sept. 10", "date:9-10"),
        ("le 1er janvier", "January 1st", "date:1-1"),
        ("le premier janvier", "the first of January", "date:1-1"),
        ("le 3 mai", "May 3", "date:5-3"),
        ("le 15 août", "the 15th of August", "date:8-15"),
        ("septembre 2023", "September 2023", "date:2023-9"),
        ("début mars 2022", "early March 2022", "date:2022-3"),
        // weekdays
        ("mercredi", "Wednesday", "wday:3"),
        ("lundi", "Monday", "wday:1"),
        ("Dimanche", "sunday", "wday:7"),
        // ordinals
        ("70e anniversaire", "70th anniversary", "ord:70"),
        ("70ème", "70th", "ord:70"),
        ("1re", "1st", "ord:1"),
        ("la première visite", "the first visit", "ord:1"),
        ("une seconde tentative", "a second attempt", "ord:2"),
        ("la deuxième", "second", "ord:2"),
        ("troisième", "third", "ord:3"),
        ("vingt-deuxième", "twenty-second", "ord:22"),
        ("vingt et unième", "twenty-first", "ord:21"),
        ("quatre-vingtième", "eightieth", "ord:80"),
        ("le 21e siècle", "the 21st century", "ord:21"),
        // clock times
        ("à 14 h 30", "at 2:30 p.m.", "time:14:30"),
        ("14h30", "2.30pm", "time:14:30"),
        ("à 9 heures", "at 9 am", "time:09:00"),
        ("à 9 h", "9 a.m.", "time:09:00"),
        ("à 0 h 15", "12:15 am", "time:00:15"),
        ("à 18:45", "at 18:45", "time:18:45"),
        ("à midi", "at noon", "time:12:00"),
        ("à deux heures du matin", "at 2 a.m.", "time:02:00"),
        ("à 3 heures de l'après-midi", "at 3pm", "time:15:00"),
        ("à 1 heure", "at 1 am", "time:01:00"),
        ("minuit", "midnight", "time:00:00"),
        // fractions
        (
            "un tiers de la population",
            "a third of the population",
            "frac:1/3",
        ),
        ("deux tiers", "two-thirds", "frac:2/3"),
        ("un quart d'heure", "a quarter of an hour", "dur:0.25:hour"),
        (
            "trois quarts d’heure",
            "three quarters of an hour",
            "dur:0.75:hour",
        ),
        (
            "un quart de siècle",
            "a quarter of a century",
            "dur:25:year",
        ),
        ("la moitié", "half of them", "frac:1/2"),
        ("un quart", "a quarter of", "frac:1/4"),
        ("trois quarts", "three quarters", "frac:3/4"),
    ];

    #[test]
    fn french_and_english_meet() {
        let mut bad = Vec::new();
        for &(fr, en, key) in PAIRS {
            for (text, lang) in [(fr, Lang::Fr), (en, Lang::En)] {
                let got = keys(text, lang);
                // "money:5" stands for any currency agreed between the two.
                let ok = got.len() == 1
                    && got[0].starts_with(key)
                    && (key.matches(':').count() > 1 || got[0] == key || key == "money:5");
                if !ok {
                    bad.push(format!("{lang} {text:?}: {got:?}, want {key}"));
                }
            }
        }
        assert!(
            bad.is_empty(),
            "{} failures:\n{}",
            bad.len(),
            bad.join("\n")
        );
    }

    /// Texts that must give nothing at all.
    const NOTHING: &[(&str, Lang)] = &[
        ("un homme", Lang::Fr),
        ("l'un d'eux", Lang::Fr),
        ("l’une d’elles", Lang::Fr),
        ("a day later", Lang::En),
        ("un jour plus tard", Lang::Fr),
        ("Kim Jong-un", Lang::Fr),
        ("Kim Jong-un", Lang::En),
        ("une fois que", Lang::Fr),
        ("tout neuf", Lang::Fr),
        ("un jour", Lang::Fr),
        ("one day", Lang::En),
        ("le Premier ministre", Lang::Fr),
        ("hier", Lang::Fr),
        ("yesterday", Lang::En),
        ("Mars est une planète", Lang::Fr),
        ("un pays tiers", Lang::Fr),
        ("un an", Lang::En),
        ("la demi-finale", Lang::Fr),
        ("le F-16 et le Su-27", Lang::Fr),
        ("COVID-19", Lang::En),
        ("le G7", Lang::Fr),
        ("a 5G network", Lang::En),
        ("the A320neo", Lang::En),
        ("version 1.2.3", Lang::En),
        ("open 24/7", Lang::En),
        ("a 3:2 ratio", Lang::En),
        ("Louis XIV", Lang::Fr),
        ("Xi Jinping", Lang::En),
        ("in the XXth century", Lang::En),
        ("the source[3] said", Lang::En),
        ("one of them", Lang::En),
        ("the number one", Lang::En),
        ("one-on-one talks", Lang::En),
        ("Kim once again", Lang::En),
        ("at times", Lang::En),
        ("The New York Times", Lang::En),
        ("May I ask", Lang::En),
        ("Theresa May said", Lang::En),
        ("it may rain", Lang::En),
        ("they march on", Lang::En),
        ("an august body", Lang::En),
        ("a man", Lang::En),
        ("tens", Lang::En),
        ("they won the game", Lang::En),
        ("", Lang::En),
        ("   \n\n  ", Lang::Fr),
    ];

    #[test]
    fn nothing_where_nothing_is() {
        let mut bad = Vec::new();
        for &(text, lang) in NOTHING {
            let got = keys(text, lang);
            if !got.is_empty() {
                bad.push(format!("{lang} {text:?}: {got:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// Texts that give several expressions, in order.
    const SEVERAL: &[(&str, Lang, &[&str])] = &[
        (
            "quatre à cinq heures",
            Lang::Fr,
            &["dur:4:hour", "dur:5:hour"],
        ),
        (
            "four to five hours",
            Lang::En,
            &["dur:4:hour", "dur:5:hour"],
        ),
        (
            "entre 2 et 3 millions",
            Lang::Fr,
            &["num:2000000", "num:3000000"],
        ),
        (
            "between 2 and 3 million",
            Lang::En,
            &["num:2000000", "num:3000000"],
        ),
        (
            "du 10 au 13 septembre",
            Lang::Fr,
            &["date:9-10", "date:9-13"],
        ),
        ("10-13 September", Lang::En, &["date:9-10", "date:9-13"]),
        ("September 10-13", Lang::En, &["date:9-10", "date:9-13"]),
        ("un ou deux jours", Lang::Fr, &["dur:1:day", "dur:2:day"]),
        ("13 septembre 2023", Lang::Fr, &["date:9-13", "year:2023"]),
        ("September 13, 2023", Lang::En, &["date:9-13", "year:2023"]),
        ("mercredi 13 septembre", Lang::Fr, &["wday:3", "date:9-13"]),
        ("Wednesday, Sept. 13", Lang::En, &["wday:3", "date:9-13"]),
        ("2019-2020", Lang::En, &["year:2019", "year:2020"]),
        ("2 million shells a year", Lang::En, &["num:2000000"]),
        ("2 millions d'obus par an", Lang::Fr, &["num:2000000"]),
        ("twice a year", Lang::En, &["times:2"]),
        ("once a year", Lang::En, &[]),
        ("a year later", Lang::En, &["dur:1:year"]),
        ("for a week", Lang::En, &["dur:1:week"]),
        ("a month-long visit", Lang::En, &["dur:1:month"]),
        ("$5bn a year", Lang::En, &["money:5000000000:usd"]),
        ("a day and a half", Lang::En, &["dur:1.5:day"]),
        ("122 mm et 155 mm", Lang::Fr, &["qty:122:mm", "qty:155:mm"]),
        ("deux trois", Lang::Fr, &["num:2", "num:3"]),
        (
            "the two leaders met for two hours",
            Lang::En,
            &["num:2", "dur:2:hour"],
        ),
        ("2023\n\nseptembre", Lang::Fr, &["year:2023", "month:9"]),
        ("huit\n\nans", Lang::Fr, &["num:8"]),
        ("neuf ans", Lang::Fr, &["dur:9:year"]),
        (
            "1 000 000 000 000 000 000 000",
            Lang::Fr,
            &["num:1000000000000000000000"],
        ),
        ("2 000 milliards", Lang::Fr, &["num:2000000000000"]),
        ("1,000.5", Lang::En, &["num:1000.5"]),
        ("2.500 euros", Lang::Fr, &["money:2500:eur"]),
        (
            "between 3 and 5 pm",
            Lang::En,
            &["time:15:00", "time:17:00"],
        ),
        ("de 15 à 17 h", Lang::Fr, &["time:15:00", "time:17:00"]),
        ("en 2022-23", Lang::Fr, &["year:2022", "year:2023"]),
        ("in 2022–2023", Lang::En, &["year:2022", "year:2023"]),
        ("the 100m sprint", Lang::En, &["qty:100:m"]),
        ("a 300m-high tower", Lang::En, &["qty:300:m"]),
        ("1.5m people", Lang::En, &["num:1500000"]),
        ("in his 80s", Lang::En, &[]),
    ];

    #[test]
    fn several_expressions() {
        let mut bad = Vec::new();
        for &(text, lang, want) in SEVERAL {
            let got = keys(text, lang);
            if got != want {
                bad.push(format!("{lang} {text:?}: {got:?}, want {want:?}"));
            }
        }
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// (text, language, the text the span must cover, key).
    const SPANS: &[(&str, Lang, &str, &str)] = &[
        (
            "Il a échoué à deux reprises cette année.",
            Lang::Fr,
            "à deux reprises",
            "times:2",
        ),
        (
            "autour de 2 millions d’obus par an",
            Lang::Fr,
            "2 millions",
            "num:2000000",
        ),
        (
            "obus d’artillerie de 122\u{a0}mm",
            Lang::Fr,
            "122\u{a0}mm",
            "qty:122:mm",
        ),
        (
            "à 1\u{202f}000\u{a0}km d’ici",
            Lang::Fr,
            "1\u{202f}000\u{a0}km",
            "qty:1000:km",
        ),
        (
            "Élysée : quatre-vingt-dix jours",
            Lang::Fr,
            "quatre-vingt-dix jours",
            "dur:90:day",
        ),
        ("réunion le mercredi", Lang::Fr, "mercredi", "wday:3"),
        (
            "depuis quatre ans soulignait",
            Lang::Fr,
            "quatre ans",
            "dur:4:year",
        ),
        (
            "fin de\u{301}cembre",
            Lang::Fr,
            "de\u{301}cembre",
            "month:12",
        ),
        ("l’été 2023", Lang::Fr, "2023", "year:2023"),
        ("le 1ᵉʳ mai", Lang::Fr, "1ᵉʳ mai", "date:5-1"),
        (
            "an 18-month-old war",
            Lang::En,
            "18-month-old",
            "dur:18:month",
        ),
        (
            "In early September 2023, it",
            Lang::En,
            "September 2023",
            "date:2023-9",
        ),
        (
            "lasted around 40 seconds.",
            Lang::En,
            "40 seconds",
            "dur:40:second",
        ),
        (
            "for more than a year and a half.",
            Lang::En,
            "a year and a half",
            "dur:1.5:year",
        ),
        ("“Ça coûte 5 €”", Lang::Fr, "5 €", "money:5:eur"),
        ("café à 2,5 %", Lang::Fr, "2,5 %", "pct:2.5"),
    ];

    #[test]
    fn spans_cover_the_expression() {
        for &(text, lang, covered, key) in SPANS {
            let got = extract(text, lang);
            assert_eq!(got.len(), 1, "{text:?}: {got:?}");
            let q = &got[0];
            assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            assert_eq!(q.span.of(text), covered, "{text:?}");
            assert_eq!(q.key, key, "{text:?}");
        }
    }

    #[test]
    fn family_is_the_key_prefix() {
        let q = &extract("quatre ans", Lang::Fr)[0];
        assert_eq!(q.family(), "dur");
    }

    #[test]
    fn decimals_are_exact() {
        let mut d = Dec {
            int: "1".into(),
            frac: "5".into(),
        };
        d.shift(9);
        assert_eq!(d.canon(), "1500000000");
        let mut d = Dec {
            int: "0".into(),
            frac: "123456".into(),
        };
        d.shift(3);
        assert_eq!(d.canon(), "123.456");
        assert_eq!(
            Dec {
                int: "000".into(),
                frac: "500".into()
            }
            .canon(),
            "0.5"
        );
        assert_eq!(
            Dec {
                int: "9".repeat(40).as_str().into(),
                frac: Digits::default()
            }
            .as_u64(),
            None
        );
    }

    #[test]
    fn huge_digit_runs_keep_their_digits() {
        let digits = "7".repeat(1 << 20);
        let got = extract(&digits, Lang::En);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].key.len(), 4 + (1 << 20));
        assert!(got[0].key.starts_with("num:777"));
        let text = format!("{digits} millions de dollars");
        let got = extract(&text, Lang::Fr);
        assert_eq!(got.len(), 1);
        assert!(got[0].key.ends_with("777000000:usd"));
        let sixteen = "1234567890123456";
        assert_eq!(keys(sixteen, Lang::Fr), [format!("num:{sixteen}")]);
        // Grouped runs too: "1 000 000 …" over a megabyte.
        let grouped = format!("1{}", " 000".repeat(1 << 18));
        let got = extract(&grouped, Lang::Fr);
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].span.len(), grouped.len());
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for text in [
            "\0",
            "\0\0 2\0 000",
            "½ ¾ ² ³ ٣ ۴ 𝟙",
            "1\u{a0}",
            "1\u{202f}00",
            "1,",
            "1.",
            "$",
            "$$5",
            "€ ",
            "5 de",
            "à",
            "14:",
            "14:3",
            "2.30",
            "a.m.",
            "p.",
            "1e",
            "-",
            "--5--",
            "ᵉʳ",
            "\u{301}\u{301}",
            "mi-",
            "[",
            "[1",
            "années",
            "quatre-",
            "vingt-et-",
            "cent et un",
            "a and a half",
            "one and a half",
            "10 au",
            "la moitié",
        ] {
            for lang in [Lang::Fr, Lang::En] {
                check_invariants(text, &extract(text, lang));
            }
        }
    }

    fn check_invariants(text: &str, got: &[Quantity]) {
        let mut prev_end = 0;
        for q in got {
            assert!(q.span.start < q.span.end, "{text:?}: empty span {q:?}");
            assert!(
                q.span.start >= prev_end,
                "{text:?}: overlap or disorder at {q:?}"
            );
            assert!(q.span.end <= text.len(), "{text:?}: out of bounds {q:?}");
            assert!(
                text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end),
                "{text:?}: {q:?}"
            );
            assert!(!q.key.is_empty());
            prev_end = q.span.end;
        }
    }

    /// Pieces that exercise the rules when glued together at random.
    const PIECES: &[&str] = &[
        "2",
        "13",
        "000",
        "2019",
        "1",
        "31",
        " ",
        " ",
        "\u{a0}",
        "\u{202f}",
        "\n\n",
        "-",
        "–",
        ",",
        ".",
        ":",
        "'",
        "’",
        "%",
        "$",
        "€",
        "°",
        "/",
        "[",
        "]",
        "h",
        "mm",
        "km",
        "s",
        "th",
        "er",
        "e",
        "deux",
        "vingt",
        "quatre",
        "un",
        "une",
        "one",
        "a",
        "and",
        "half",
        "et",
        "demi",
        "à",
        "de",
        "d",
        "of",
        "cent",
        "mille",
        "millions",
        "million",
        "bn",
        "m",
        "ans",
        "years",
        "heures",
        "second",
        "seconde",
        "fois",
        "reprises",
        "times",
        "mai",
        "May",
        "septembre",
        "September",
        "Sept",
        "mercredi",
        "premier",
        "first",
        "tiers",
        "quelques",
        "several",
        "dizaines",
        "tens",
        "pour",
        "per",
        "années",
        "US",
        "am",
        "p",
        "é",
        "\u{301}",
        "ᵉ",
        "\0",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_on_arbitrary_text(text in any::<String>()) {
            for lang in [Lang::Fr, Lang::En] {
                check_invariants(&text, &extract(&text, lang));
            }
        }

        #[test]
        fn never_panics_on_mixed_pieces(parts in prop::collection::vec(
            prop_oneof![prop::sample::select(PIECES).prop_map(String::from), any::<char>().prop_map(String::from)],
            0..60,
        )) {
            let text = parts.concat();
            for lang in [Lang::Fr, Lang::En] {
                check_invariants(&text, &extract(&text, lang));
            }
        }
    }

    /// Facts told in both languages; each side must give the same keys.
    const FACTS: &[(&str, &str)] = &[
        (
            "Le mur de Berlin est tombé le 9 novembre 1989.",
            "The Berlin Wall fell on 9 November 1989.",
        ),
        (
            "Neil Armstrong a posé le pied sur la Lune le 21 juillet 1969.",
            "Neil Armstrong set foot on the Moon on July 21, 1969.",
        ),
        (
            "La tour Eiffel mesure 330 mètres.",
            "The Eiffel Tower is 330 metres tall.",
        ),
        (
            "La guerre de Cent Ans a en réalité duré 116 ans.",
            "The Hundred Years' War actually lasted 116 years.",
        ),
        (
            "Le Tour de France dure trois semaines et compte 21 étapes.",
            "The Tour de France lasts three weeks and has 21 stages.",
        ),
        (
            "La France compte environ 68 millions d’habitants.",
            "France has about 68 million inhabitants.",
        ),
        (
            "Un marathon fait 42,195 km.",
            "A marathon is 42.195 km long.",
        ),
        (
            "La Seconde Guerre mondiale a duré près de six ans, de 1939 à 1945.",
            "The second world war lasted almost six years, from 1939 to 1945.",
        ),
        (
            "Le 14 juillet, fête nationale, le défilé commence à 10 h.",
            "On 14 July, the national day, the parade starts at 10 am.",
        ),
        (
            "L’eau bout à 100 °C au niveau de la mer.",
            "Water boils at 100°C at sea level.",
        ),
        (
            "Le siège de Leningrad a duré près de 900 jours.",
            "The siege of Leningrad lasted nearly 900 days.",
        ),
        (
            "Environ un tiers des électeurs se sont abstenus, soit des millions de personnes.",
            "About a third of voters abstained, millions of people.",
        ),
    ];

    #[test]
    fn known_facts_align() {
        for &(fr, en) in FACTS {
            let (f, e) = (keys(fr, Lang::Fr), keys(en, Lang::En));
            assert!(!f.is_empty(), "{fr:?} gave nothing");
            assert_eq!(f, e, "\n{fr}\n{en}");
        }
    }

    /// The seed articles: prints what each yields, and checks only that the
    /// French one shares evidence with most English ones.
    #[test]
    fn seed_articles() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("no seeds at {}", dir.display());
            return;
        };
        let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
        files.sort();
        let mut fr_keys = Vec::new();
        let mut en_keys = Vec::new();
        for path in files {
            let name = path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
                .to_string();
            let lang = if name.ends_with("-fr.txt") {
                Lang::Fr
            } else if name.ends_with("-en.txt") {
                Lang::En
            } else {
                continue;
            };
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let found = extract(&text, lang);
            check_invariants(&text, &found);
            let shown: Vec<String> = found
                .iter()
                .map(|q| format!("{} {:?}", q.key, q.span.of(&text)))
                .collect();
            println!("{name}: {}", shown.join(" | "));
            let set: std::collections::BTreeSet<String> =
                found.into_iter().map(|q| q.key).collect();
            match lang {
                Lang::Fr => fr_keys.push(set),
                Lang::En => en_keys.push((name, set)),
            }
        }
        for fr in &fr_keys {
            let mut sharing = 0;
            for (name, en) in &en_keys {
                let shared: Vec<_> = fr.intersection(en).collect();
                println!("shared with {name}: {shared:?}");
                sharing += usize::from(!shared.is_empty());
            }
            assert!(
                2 * sharing >= en_keys.len(),
                "the French seed shares too little"
            );
        }
    }

    /// Linear time: run with `cargo test --release -- --ignored`.
    #[test]
    #[ignore]
    fn twenty_megabytes_in_well_under_a_second() {
        // Ordinary news prose, and prose packed with figures.
        let news = "Selon les médias d’État nord-coréens, le dirigeant aurait déclaré avant la réunion que sa \
                    première visite en Russie depuis quatre ans soulignait « l’importance stratégique » des relations \
                    entre les deux pays. La visite intervient à un moment où Moscou cherche à acheter des munitions \
                    pour alimenter sa guerre. The talks lasted four to five hours, the agency said on Wednesday, \
                    and the two leaders will meet again in the Far East after the summit, officials said. ";
        let dense = "Kim Jong-un (le 13 septembre 2023, à 14 h 30), 2 millions d’obus de 122\u{a0}mm, soit 1,5 \
                     milliard de dollars, à deux reprises en juillet. Tens of millions of shells, 40 seconds, \
                     twenty-two percent, $1.5bn, the 70th anniversary on Wednesday, 1 000 km. ";
        for (name, base) in [("news", news), ("dense", dense)] {
            let text = base.repeat(20_000_000 / base.len() + 1);
            for lang in [Lang::Fr, Lang::En] {
                // Best of three: a shared machine adds noise, never speed.
                let mut best = std::time::Duration::MAX;
                let mut n = 0;
                for _ in 0..3 {
                    let t0 = std::time::Instant::now();
                    n = extract(&text, lang).len();
                    best = best.min(t0.elapsed());
                }
                println!(
                    "{name} {lang}: {} MB, {n} expressions in {best:?}",
                    text.len() >> 20
                );
                if !cfg!(debug_assertions) {
                    // Prose packed with figures (one every 20 bytes) may take
                    // longer; ordinary prose must stay well under a second.
                    let limit = if name == "news" { 1.0 } else { 2.0 };
                    assert!(best.as_secs_f64() < limit, "{name} {lang}: {best:?}");
                }
            }
        }
    }
}
