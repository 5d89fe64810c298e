//! Numbers, quantities, durations, dates, months and weekdays as
//! language-independent keys.
//!
//! Two articles that report the same event in French and in English rarely
//! share words, but they share figures: "quatre ans" and "four years",
//! "à deux reprises" and "twice", "le 13 septembre" and "September 13".
//! [`extract`] finds such expressions and gives each one a [`QuantityKey`]
//! that is the same in both languages, so that statements can be linked by
//! equal keys. It is a stage of its own, beside tagging: the aligner reads
//! its keys.
//!
//! The scanner is hand-written: a tokenizer (`lexer.rs`: words, digit runs,
//! single punctuation marks, with the kind of gap before each token) feeds a
//! left-to-right matcher (`scan/`) that looks a bounded number of tokens
//! ahead. It is linear in the text, keeps only a small window of tokens in
//! memory, and never panics. What words mean is data: the number tables and
//! word lists of `data/numbers/` (read by `lexicon.rs`), where a month name, a unit or
//! a currency is added without touching the code.
//!
//! # Keys
//!
//! A key is typed ([`QuantityKey`]); its string form is the last column.
//! [`QuantityKey::describe`] says it in English (`4 years`, `July`).
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

mod digits;
mod key;
mod lexer;
mod lexicon;
mod scan;
#[cfg(test)]
mod tests;

use crate::span::{Lang, Span};

pub use key::{Family, QuantityKey};

/// One numeric or temporal expression found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    /// Byte offsets into the text given to [`extract`], covering the whole
    /// expression ("2 millions", "quatre ans", "à deux reprises", "mercredi").
    pub span: Span,
    /// Language-independent key, identical for the French and English forms
    /// of the same thing (see the module documentation).
    pub key: QuantityKey,
}

/// Every numeric/temporal expression in `text` written in `lang`, in text
/// order, non-overlapping.
pub fn extract(text: &str, lang: Lang) -> Vec<Quantity> {
    let mut sc = scan::Scanner::new(text, lang);
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
