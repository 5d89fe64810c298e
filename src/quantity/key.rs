//! Quantity keys: what an expression means, the same for its French and
//! English forms. A key is typed inside; it is written as the short string
//! of the module table (`dur:4:year`) only at the output edge
//! ([`Display`](fmt::Display)), and said in plain English for people by
//! [`QuantityKey::describe`] (`4 years`).

use std::fmt;

use super::digits::Decimal;
use super::lexicon::{Lex, Tu, lists, word_for};
use crate::span::Lang;

/// What kind of thing a key counts or names; the part of the key string
/// before the first `:`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// A number or an order of magnitude (`num:`).
    Number,
    /// A number with a unit of measure (`qty:`).
    Measure,
    /// A percentage (`pct:`).
    Percent,
    /// An amount of money (`money:`).
    Money,
    /// A duration (`dur:`).
    Duration,
    /// A repetition: twice, several times (`times:`).
    Times,
    /// A year (`year:`).
    Year,
    /// A decade (`decade:`).
    Decade,
    /// A month on its own (`month:`).
    Month,
    /// A day of a month, or a month of a year (`date:`).
    Date,
    /// A day of the week (`wday:`).
    Weekday,
    /// An ordinal (`ord:`).
    Ordinal,
    /// A clock time (`time:`).
    Time,
    /// A fraction (`frac:`).
    Fraction,
}

impl Family {
    /// The family's prefix in a key string: `num`, `qty`, `pct`, `money`,
    /// `dur`, `times`, `year`, `decade`, `month`, `date`, `wday`, `ord`,
    /// `time` or `frac`.
    pub fn as_str(self) -> &'static str {
        match self {
            Family::Number => "num",
            Family::Measure => "qty",
            Family::Percent => "pct",
            Family::Money => "money",
            Family::Duration => "dur",
            Family::Times => "times",
            Family::Year => "year",
            Family::Decade => "decade",
            Family::Month => "month",
            Family::Date => "date",
            Family::Weekday => "wday",
            Family::Ordinal => "ord",
            Family::Time => "time",
            Family::Fraction => "frac",
        }
    }
}

impl fmt::Display for Family {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language-independent key of a quantity: equal for "quatre ans" and
/// "four years". Its string form ([`Display`](fmt::Display)) is the key
/// of the module table (`dur:4:year`); keys order by family, then by value
/// (numbers by their size), not as their strings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct QuantityKey(pub(crate) Key);

/// What a key holds, family by family.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Key {
    /// `num:2.5`, `num:tens_of_millions`.
    Number(Amount),
    /// `qty:122:mm`: a value and a unit key.
    Measure(Decimal, &'static str),
    /// `pct:5`.
    Percent(Decimal),
    /// `money:2000000:usd`, `money:millions:usd`: an amount and a currency key.
    Money(Amount, &'static str),
    /// `dur:4:year`: a value in a base unit (decades and centuries are years).
    Duration(Decimal, Tu),
    /// `dur:few:hour`: some of a unit, in the unit's own name.
    FewDurations(Tu),
    /// `times:2`.
    Times(Decimal),
    /// `times:several`.
    SeveralTimes,
    /// `year:2019`. A value, not a `u64`: a year before a multiplier keeps
    /// it ("2019 million" gives `year:2019000000`, as it always has).
    Year(Decimal),
    /// `decade:1990`: the decade's first year.
    Decade(u64),
    /// `month:7`.
    Month(u8),
    /// `date:9-13`: month, then day.
    DayOfMonth { month: u8, day: u64 },
    /// `date:2023-9`: year, then month.
    MonthOfYear { year: u64, month: u8 },
    /// `wday:3`: Monday = 1 … Sunday = 7.
    Weekday(u8),
    /// `ord:70`.
    Ordinal(Decimal),
    /// `time:14:30`.
    Time { hour: u64, minute: u64 },
    /// `frac:2/3`: numerator and denominator.
    Fraction(Decimal, u64),
}

/// An exact number or an order of magnitude.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Amount {
    Exact(Decimal),
    Magnitude(Magnitude),
}

/// "tens", "thousands", "tens of millions": powers of ten, the second
/// (when present) larger than the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Magnitude {
    pub(crate) pow: usize,
    pub(crate) of: Option<usize>,
}

impl Magnitude {
    /// The plural name of a power of ten, as keys write it.
    fn name(pow: usize) -> &'static str {
        match pow {
            1 => "tens",
            2 => "hundreds",
            3 => "thousands",
            6 => "millions",
            9 => "billions",
            _ => "trillions",
        }
    }

    /// The magnitude in words joined by `sep` (`_` in keys, ` ` for people).
    fn write(&self, f: &mut impl fmt::Write, sep: char) -> fmt::Result {
        f.write_str(Magnitude::name(self.pow))?;
        if let Some(of) = self.of {
            write!(f, "{sep}of{sep}{}", Magnitude::name(of))?;
        }
        Ok(())
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Exact(v) => write!(f, "{v}"),
            Amount::Magnitude(m) => m.write(f, '_'),
        }
    }
}

impl QuantityKey {
    /// The key's family (`Duration` for `dur:4:year`), for callers that
    /// weigh families differently.
    pub fn family(&self) -> Family {
        match self.0 {
            Key::Number(_) => Family::Number,
            Key::Measure(..) => Family::Measure,
            Key::Percent(_) => Family::Percent,
            Key::Money(..) => Family::Money,
            Key::Duration(..) | Key::FewDurations(_) => Family::Duration,
            Key::Times(_) | Key::SeveralTimes => Family::Times,
            Key::Year(_) => Family::Year,
            Key::Decade(_) => Family::Decade,
            Key::Month(_) => Family::Month,
            Key::DayOfMonth { .. } | Key::MonthOfYear { .. } => Family::Date,
            Key::Weekday(_) => Family::Weekday,
            Key::Ordinal(_) => Family::Ordinal,
            Key::Time { .. } => Family::Time,
            Key::Fraction(..) => Family::Fraction,
        }
    }

    /// The key two articles compare: the key itself, except that a fraction
    /// whose percentage is a whole number is that percentage (`un quart` and
    /// `25%`, `la moitié` and `50 %` report the same share).
    pub fn comparable(&self) -> QuantityKey {
        if let Key::Fraction(n, d) = &self.0
            && let Some(n) = n.as_u64()
            && *d > 0
            && (n * 100) % d == 0
        {
            return QuantityKey(Key::Percent(Decimal::from(n * 100 / d)));
        }
        self.clone()
    }

    /// The key in plain English, for human outputs: `first`, `July`,
    /// `twice`, `4 years`, `2 million`, `13 September`, `the 1990s`,
    /// `14:30`, `a third`, `5%`, `122 mm`, `$2 million`, `several hours`.
    pub fn describe(&self) -> String {
        match &self.0 {
            Key::Number(Amount::Exact(v)) => number(v),
            Key::Number(Amount::Magnitude(m)) => magnitude(m),
            Key::Measure(v, unit) => format!("{} {}", number(v), unit_symbol(unit)),
            Key::Percent(v) => format!("{}%", number(v)),
            Key::Money(Amount::Exact(v), code) => match lists().symbol_of(code) {
                Some(symbol) => format!("{symbol}{}", number(v)),
                None => format!("{} {}", number(v), code.to_ascii_uppercase()),
            },
            Key::Money(Amount::Magnitude(m), code) => {
                format!("{} of {}", magnitude(m), code.to_ascii_uppercase())
            }
            Key::Duration(v, tu) => {
                let unit = if v.as_u64() == Some(1) {
                    tu.name()
                } else {
                    plural(*tu)
                };
                format!("{} {unit}", number(v))
            }
            Key::FewDurations(tu) => format!("several {}", plural(*tu)),
            Key::Times(v) => match v.as_u64() {
                Some(1) => "once".into(),
                Some(2) => "twice".into(),
                _ => format!("{} times", number(v)),
            },
            Key::SeveralTimes => "several times".into(),
            Key::Year(y) => y.to_string(),
            Key::Decade(y) => format!("the {y}s"),
            Key::Month(m) => month_name(*m),
            Key::DayOfMonth { month, day } => format!("{day} {}", month_name(*month)),
            Key::MonthOfYear { year, month } => format!("{} {year}", month_name(*month)),
            Key::Weekday(d) => {
                capitalized(word_for(Lang::En, Lex::Wday(*d))).unwrap_or_else(|| format!("day {d}"))
            }
            Key::Ordinal(v) => match v.as_u64() {
                Some(n) => ordinal(n),
                None => format!("{v}th"),
            },
            Key::Time { hour, minute } => format!("{hour:02}:{minute:02}"),
            Key::Fraction(n, d) => fraction(n, *d),
        }
    }
}

impl fmt::Display for QuantityKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Key::Number(a) => write!(f, "num:{a}"),
            Key::Measure(v, unit) => write!(f, "qty:{v}:{unit}"),
            Key::Percent(v) => write!(f, "pct:{v}"),
            Key::Money(a, code) => write!(f, "money:{a}:{code}"),
            Key::Duration(v, tu) => write!(f, "dur:{v}:{}", tu.name()),
            Key::FewDurations(tu) => write!(f, "dur:few:{}", tu.name()),
            Key::Times(v) => write!(f, "times:{v}"),
            Key::SeveralTimes => f.write_str("times:several"),
            Key::Year(y) => write!(f, "year:{y}"),
            Key::Decade(y) => write!(f, "decade:{y}"),
            Key::Month(m) => write!(f, "month:{m}"),
            Key::DayOfMonth { month, day } => write!(f, "date:{month}-{day}"),
            Key::MonthOfYear { year, month } => write!(f, "date:{year}-{month}"),
            Key::Weekday(d) => write!(f, "wday:{d}"),
            Key::Ordinal(v) => write!(f, "ord:{v}"),
            Key::Time { hour, minute } => write!(f, "time:{hour:02}:{minute:02}"),
            Key::Fraction(n, d) => write!(f, "frac:{n}/{d}"),
        }
    }
}

/// A number for people: `122`, `2.5`, `1,500`, `2 million`, `1.5 billion`.
fn number(v: &Decimal) -> String {
    let (int, frac) = v.parts();
    // Round millions and up in words ("2 million"), with at most two
    // decimals ("1.25 billion"); up to trillions.
    if frac.is_empty() && (7..=15).contains(&int.len()) {
        for pow in [12, 9, 6] {
            if int.len() <= pow {
                continue;
            }
            let (head, tail) = int.split_at(int.len() - pow);
            let tail = tail.trim_end_matches('0');
            let word = word_for(Lang::En, Lex::Scale { pow, plural: false });
            if let (true, Some(word)) = (tail.len() <= 2, word) {
                let point = if tail.is_empty() { "" } else { "." };
                return format!("{}{point}{tail} {word}", grouped(head));
            }
            break;
        }
    }
    if frac.is_empty() {
        grouped(int)
    } else {
        format!("{}.{frac}", grouped(int))
    }
}

/// Whole digits with a comma every three (`1,500`); very long runs as they are.
fn grouped(int: &str) -> String {
    if int.len() <= 3 || int.len() > 15 {
        return int.to_string();
    }
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn magnitude(m: &Magnitude) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = m.write(&mut out, ' ');
    out
}

/// How people write a unit key: `km/h`, `km²`, `°C`; most as they are.
fn unit_symbol(unit: &str) -> &str {
    match unit {
        "kmh" => "km/h",
        "km2" => "km²",
        "m2" => "m²",
        "c" => "°C",
        "f" => "°F",
        other => other,
    }
}

fn plural(tu: Tu) -> &'static str {
    match tu {
        Tu::Year => "years",
        Tu::Month => "months",
        Tu::Week => "weeks",
        Tu::Day => "days",
        Tu::Hour => "hours",
        Tu::Minute => "minutes",
        Tu::Second => "seconds",
        Tu::Decade => "decades",
        Tu::Century => "centuries",
    }
}

/// An English word of the number tables with a capital (`july` → `July`).
fn capitalized(word: Option<&str>) -> Option<String> {
    let word = word?;
    let mut chars = word.chars();
    let first = chars.next()?;
    Some(first.to_uppercase().chain(chars).collect())
}

fn month_name(m: u8) -> String {
    capitalized(word_for(Lang::En, Lex::Month(m))).unwrap_or_else(|| format!("month {m}"))
}

/// `first`, `second`, `tenth` from the English table; `21st`, `70th` beyond it.
fn ordinal(n: u64) -> String {
    if n == 2 {
        return "second".into();
    }
    if let Some(word) = word_for(Lang::En, Lex::Ord(n)) {
        return word.into();
    }
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `a half`, `a third`, `a quarter`, `two thirds`, `three quarters`;
/// `2.5/3` when the numerator is not a whole number.
fn fraction(n: &Decimal, d: u64) -> String {
    let part = match d {
        2 => "half".to_string(),
        4 => "quarter".to_string(),
        _ => ordinal(d),
    };
    match n.as_u64() {
        Some(1) => format!("a {part}"),
        Some(k) if k > 1 => {
            let parts = if d == 2 {
                "halves".to_string()
            } else {
                format!("{part}s")
            };
            let count =
                word_for(Lang::En, Lex::Card(k)).map_or_else(|| k.to_string(), str::to_string);
            format!("{count} {parts}")
        }
        _ => format!("{n}/{d}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        let mut d = super::super::digits::Dec::default();
        let (int, frac) = s.split_once('.').unwrap_or((s, ""));
        d.int = int.into();
        d.frac = frac.into();
        d.decimal()
    }

    fn key(k: Key) -> QuantityKey {
        QuantityKey(k)
    }

    /// (key, its string, its family, its description): one or more per family.
    fn cases() -> Vec<(QuantityKey, &'static str, Family, &'static str)> {
        use Key::*;
        let mag = |pow, of| Amount::Magnitude(Magnitude { pow, of });
        vec![
            (
                key(Number(Amount::Exact(dec("2000000")))),
                "num:2000000",
                Family::Number,
                "2 million",
            ),
            (
                key(Number(Amount::Exact(dec("1500000000")))),
                "num:1500000000",
                Family::Number,
                "1.5 billion",
            ),
            (
                key(Number(Amount::Exact(dec("1234567")))),
                "num:1234567",
                Family::Number,
                "1,234,567",
            ),
            (
                key(Number(Amount::Exact(dec("2.5")))),
                "num:2.5",
                Family::Number,
                "2.5",
            ),
            (
                key(Number(Amount::Exact(dec("122")))),
                "num:122",
                Family::Number,
                "122",
            ),
            (
                key(Number(mag(1, Some(6)))),
                "num:tens_of_millions",
                Family::Number,
                "tens of millions",
            ),
            (
                key(Number(mag(3, None))),
                "num:thousands",
                Family::Number,
                "thousands",
            ),
            (
                key(Measure(dec("122"), "mm")),
                "qty:122:mm",
                Family::Measure,
                "122 mm",
            ),
            (
                key(Measure(dec("100"), "kmh")),
                "qty:100:kmh",
                Family::Measure,
                "100 km/h",
            ),
            (
                key(Measure(dec("30"), "c")),
                "qty:30:c",
                Family::Measure,
                "30 °C",
            ),
            (key(Percent(dec("5"))), "pct:5", Family::Percent, "5%"),
            (
                key(Money(Amount::Exact(dec("2000000")), "usd")),
                "money:2000000:usd",
                Family::Money,
                "$2 million",
            ),
            (
                key(Money(Amount::Exact(dec("5")), "chf")),
                "money:5:chf",
                Family::Money,
                "5 CHF",
            ),
            (
                key(Money(mag(6, None), "usd")),
                "money:millions:usd",
                Family::Money,
                "millions of USD",
            ),
            (
                key(Duration(dec("4"), Tu::Year)),
                "dur:4:year",
                Family::Duration,
                "4 years",
            ),
            (
                key(Duration(dec("1"), Tu::Hour)),
                "dur:1:hour",
                Family::Duration,
                "1 hour",
            ),
            (
                key(Duration(dec("0.5"), Tu::Hour)),
                "dur:0.5:hour",
                Family::Duration,
                "0.5 hours",
            ),
            (
                key(FewDurations(Tu::Hour)),
                "dur:few:hour",
                Family::Duration,
                "several hours",
            ),
            (
                key(FewDurations(Tu::Century)),
                "dur:few:century",
                Family::Duration,
                "several centuries",
            ),
            (key(Times(dec("2"))), "times:2", Family::Times, "twice"),
            (key(Times(dec("3"))), "times:3", Family::Times, "3 times"),
            (
                key(SeveralTimes),
                "times:several",
                Family::Times,
                "several times",
            ),
            (key(Year(2019.into())), "year:2019", Family::Year, "2019"),
            (
                key(Decade(1990)),
                "decade:1990",
                Family::Decade,
                "the 1990s",
            ),
            (key(Month(7)), "month:7", Family::Month, "July"),
            (
                key(DayOfMonth { month: 9, day: 13 }),
                "date:9-13",
                Family::Date,
                "13 September",
            ),
            (
                key(MonthOfYear {
                    year: 2023,
                    month: 9,
                }),
                "date:2023-9",
                Family::Date,
                "September 2023",
            ),
            (key(Weekday(3)), "wday:3", Family::Weekday, "Wednesday"),
            (key(Ordinal(dec("1"))), "ord:1", Family::Ordinal, "first"),
            (key(Ordinal(dec("2"))), "ord:2", Family::Ordinal, "second"),
            (key(Ordinal(dec("21"))), "ord:21", Family::Ordinal, "21st"),
            (
                key(Time {
                    hour: 14,
                    minute: 30,
                }),
                "time:14:30",
                Family::Time,
                "14:30",
            ),
            (
                key(Time { hour: 9, minute: 0 }),
                "time:09:00",
                Family::Time,
                "09:00",
            ),
            (
                key(Fraction(dec("1"), 3)),
                "frac:1/3",
                Family::Fraction,
                "a third",
            ),
            (
                key(Fraction(dec("1"), 2)),
                "frac:1/2",
                Family::Fraction,
                "a half",
            ),
            (
                key(Fraction(dec("2"), 3)),
                "frac:2/3",
                Family::Fraction,
                "two thirds",
            ),
            (
                key(Fraction(dec("3"), 4)),
                "frac:3/4",
                Family::Fraction,
                "three quarters",
            ),
        ]
    }

    #[test]
    fn keys_write_the_table_strings_and_say_them_in_english() {
        let mut families = std::collections::BTreeSet::new();
        for (k, string, family, words) in cases() {
            assert_eq!(k.to_string(), string);
            assert_eq!(k.family(), family, "{string}");
            assert!(string.starts_with(&format!("{family}:")), "{string}");
            assert_eq!(k.describe(), words, "{string}");
            families.insert(family);
        }
        assert_eq!(families.len(), 14, "every family is tested");
    }

    #[test]
    fn a_fraction_compares_as_its_whole_percentage() {
        use Key::*;
        let quarter = key(Fraction(dec("1"), 4)).comparable();
        assert_eq!(quarter, key(Percent(dec("25"))));
        assert_eq!(
            key(Fraction(dec("3"), 4)).comparable().to_string(),
            "pct:75"
        );
        // A third is 33.3…%: no whole percentage, the fraction stays.
        assert_eq!(
            key(Fraction(dec("1"), 3)).comparable().to_string(),
            "frac:1/3"
        );
        assert_eq!(key(Percent(dec("5"))).comparable().to_string(), "pct:5");
    }

    #[test]
    fn keys_order_by_family_then_value() {
        let small = key(Key::Number(Amount::Exact(dec("9"))));
        let big = key(Key::Number(Amount::Exact(dec("10"))));
        assert!(small < big, "9 before 10, unlike their strings");
        assert!(dec("0.5") < dec("0.75") && dec("0.75") < dec("1"));
        assert!(big < key(Key::Percent(dec("1"))));
    }
}
