//! Fractions and ordinals: `un tiers`, `la moitié`, `trois quarts
//! d'heure`, `une demi-heure`, `half the votes`, `première`, `le premier
//! janvier`.

use super::durations::dur_key;
use super::{Scanner, half_fraction};
use crate::quantity::Quantity;
use crate::quantity::digits::Dec;
use crate::quantity::key::{Amount, Key};
use crate::quantity::lexicon::{Lex, lists};
use crate::span::Lang;

impl Scanner<'_> {
    /// `demi-heure`, `half an hour`, `half-hour`, `half of`; `first` is
    /// where the expression starts (an `une` / `a` before `k`).
    pub(super) fn half_at(&mut self, first: usize, k: usize, out: &mut Vec<Quantity>) -> usize {
        let mut u = k + 1;
        // "demi-heure", "half-hour", "half an hour".
        if self.hyphen(u) || (self.lang == Lang::En && self.lex_j(u) == Lex::A) {
            u += 1;
        }
        // "une demi-douzaine", "half a dozen".
        if let Lex::Approx(a) = self.lex_j(u)
            && a % 2 == 0
        {
            self.emit(
                out,
                first,
                u + 1,
                Key::Number(Amount::Exact((a / 2).into())),
            );
            return u + 1 - first;
        }
        if let Lex::Dur(tu) = self.lex_j(u) {
            self.emit(out, first, u + 1, dur_key(&Dec::half(), tu, false));
            return u + 1 - first;
        }
        if first == k
            && self.lang == Lang::En
            && self.joined(k + 1)
            && (self.lex(k + 1) == Lex::Of || self.fold_in(k + 1, &lists().half_determiners))
        {
            self.emit(out, k, k + 1, half_fraction());
            return 1;
        }
        0
    }

    /// "trois quarts d'heure", "a quarter of a century" … as a duration,
    /// when the fraction is a short decimal (halves, quarters, fifths).
    pub(super) fn unit_after_frac(&mut self, num: &Dec, d: u64, e: usize) -> Option<(Key, usize)> {
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

    /// An ordinal, or a date when a month follows ("premier septembre",
    /// "the first of September").
    pub(super) fn ord_emit(
        &mut self,
        first: usize,
        end: usize,
        v: u64,
        out: &mut Vec<Quantity>,
    ) -> usize {
        if (1..=31).contains(&v)
            && let Some((m, e)) = self.month_after(end)
        {
            self.emit(out, first, e, Key::DayOfMonth { month: m, day: v });
            return e - first;
        }
        self.emit(out, first, end, Key::Ordinal(v.into()));
        end - first
    }

    pub(super) fn ord_at(&mut self, i: usize, v: u64, out: &mut Vec<Quantity>) -> usize {
        // "le Premier ministre" is the prime minister.
        if self.lang == Lang::Fr
            && v == 1
            && self.joined(i + 1)
            && (self.fold_is(i + 1, "ministre") || self.fold_is(i + 1, "ministres"))
        {
            return 2;
        }
        self.ord_emit(i, i + 1, v, out)
    }
}
