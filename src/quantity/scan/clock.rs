//! Clock times: `14:30`, `2 pm`, `2:30 p.m.`, `14 h 30`, `deux heures
//! du matin`.

use super::{Num, Scanner, Suf};
use crate::quantity::digits::{Dec, Digits};
use crate::quantity::lexicon::{Lex, Tu, lists};
use crate::span::Lang;

impl Scanner<'_> {
    /// `14:30`, `2 pm`, `2:30 p.m.`, `2.30pm`, French `14 h 30`, `14h`.
    pub(super) fn clock_after(&mut self, n: &Num) -> Option<(Suf, usize)> {
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
                .is_some_and(|p| self.fold_in(p, &lists().hour_span_words));
            if h <= 23 && !span_word {
                return Some((Suf::Clock(h, 0), j + 1));
            }
            return Some((Suf::Dur(Tu::Hour, false), j + 1));
        }
        None
    }

    /// `am`, `pm`, `a.m.`, `p.m.` at `j`: (is pm, end).
    pub(super) fn ampm(&mut self, j: usize) -> Option<(bool, usize)> {
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

    /// French "du matin", "du soir", "de l'après-midi", "de la nuit" after
    /// an hour: (is afternoon or evening, end).
    pub(super) fn day_part(&mut self, j: usize) -> Option<(bool, usize)> {
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
}

/// A 12-hour clock's hour on the 24-hour clock.
fn ampm_hour(h: u64, pm: bool) -> u64 {
    match (pm, h) {
        (true, 1..=11) => h + 12,
        (false, 12) => 0,
        _ => h,
    }
}
