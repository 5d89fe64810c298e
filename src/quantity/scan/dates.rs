//! Dates: month names with their day or year (`le 13 septembre`,
//! `September 2023`), decades (`les années 1990`) and the short second year
//! of `2022-23`.

use super::{Num, Scanner};
use crate::quantity::Quantity;
use crate::quantity::key::Key;
use crate::quantity::lexicon::{Lex, lists};
use crate::span::Lang;

impl Scanner<'_> {
    /// A month name at `k` (after an English `of`), for a day number
    /// before it: (month, end).
    pub(super) fn month_after(&mut self, k: usize) -> Option<(u8, usize)> {
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
    pub(super) fn month_ok(&mut self, i: usize, m: u8, abbr: bool, digit_ctx: bool) -> bool {
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

    pub(super) fn month_ctx_before(&mut self, i: usize) -> bool {
        if i == 0 || !self.joined(i) {
            return false;
        }
        match self.lex(i - 1) {
            Lex::MonthCtx | Lex::Of => true,
            _ => self.punct(i - 1, '-') && self.glued(i) && i >= 2 && self.fold_is(i - 2, "mid"),
        }
    }

    pub(super) fn month_at(
        &mut self,
        i: usize,
        m: u8,
        abbr: bool,
        out: &mut Vec<Quantity>,
    ) -> usize {
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
                if self.glued(d_end) && self.fold_in(d_end, &lists().day_suffixes) {
                    d_end += 1;
                }
                if !self.identifier_after(d_end) {
                    self.emit(out, i, d_end, Key::DayOfMonth { month: m, day });
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
                        if self.glued(e2) && self.fold_in(e2, &lists().day_suffixes) {
                            e2 += 1;
                        }
                        if !self.identifier_after(e2) {
                            self.emit(
                                out,
                                d_end + 1,
                                e2,
                                Key::DayOfMonth {
                                    month: m,
                                    day: day2,
                                },
                            );
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
                self.emit(out, i, e + 1, Key::MonthOfYear { year: y, month: m });
                return e + 1 - i;
            }
        }
        self.emit(out, i, e, Key::Month(m));
        e - i
    }

    /// French "les années 1990".
    pub(super) fn decade_words(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
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
        self.emit(out, i, i + 2, Key::Decade(year));
        2
    }

    /// The second year of "2022-23".
    pub(super) fn short_year(&mut self, n: &Num) -> Option<u64> {
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
}
