//! Durations and repetitions: `quatre ans`, `18-month-old`, `a year
//! ago` (and when an English `a` or a French `un` counts as one), `quelques
//! heures`, `à deux reprises`, `plusieurs fois`.

use super::{Num, Scanner, Suf, Weak};
use crate::quantity::Quantity;
use crate::quantity::digits::Dec;
use crate::quantity::key::Key;
use crate::quantity::lexicon::{Lex, Tu, lists};

impl Scanner<'_> {
    /// A time unit after a number: `ans`, `-month-old`, `prochaines
    /// années`, with `et demi` / `and a half`.
    pub(super) fn dur_after(&mut self, j: usize, weak: Weak) -> Option<(Tu, bool, usize)> {
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
        if self.hyphen(e) && self.fold_in(e + 1, &lists().duration_compounds) {
            e += 2;
        }
        Some((tu, half, e))
    }

    pub(super) fn tu_at(&mut self, k: usize, weak: Weak) -> Option<Tu> {
        match self.lex_j(k) {
            Lex::Dur(tu) => Some(tu),
            Lex::SecondAmb if weak == Weak::No => Some(Tu::Second),
            _ => None,
        }
    }

    /// Whether an `un`/`one`/`a` alone may stand for 1 before this suffix.
    pub(super) fn weak_ok(&mut self, n: &Num, suf: Suf, end: usize) -> bool {
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
    pub(super) fn a_span_context(&mut self, first: usize, end: usize) -> bool {
        let hyphenated = end >= 2
            && self.punct(end - 2, '-')
            && self.fold_in(end - 1, &lists().duration_compounds);
        hyphenated
            || (self.joined(end) && self.fold_in(end, &lists().span_after))
            || (first > 0 && self.joined(first) && self.fold_in(first - 1, &lists().span_before))
    }

    /// `quelques heures`, `several days`, `plusieurs fois`, `a few
    /// thousand`.
    pub(super) fn few_at(&mut self, first: usize, k: usize, out: &mut Vec<Quantity>) -> usize {
        let mut u = k + 1;
        if self.lex_j(u) == Lex::Adj && matches!(self.lex_j(u + 1), Lex::Dur(_)) {
            u += 1;
        }
        match self.lex_j(u) {
            Lex::Dur(tu) => {
                self.emit(out, first, u + 1, Key::FewDurations(tu));
                u + 1 - first
            }
            Lex::Times | Lex::Reprise => {
                self.emit(out, first, u + 1, Key::SeveralTimes);
                u + 1 - first
            }
            _ => self.vague_at(first, k + 1, true, out),
        }
    }

    /// French `à`: `à deux reprises`, `à plusieurs reprises`, `à 14 heures`.
    pub(super) fn a_fr(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
        let k = i + 1;
        if !self.joined(k) {
            return 0;
        }
        if self.lex(k) == Lex::Few && self.lex_j(k + 1) == Lex::Reprise {
            self.emit(out, i, k + 2, Key::SeveralTimes);
            return k + 2 - i;
        }
        let Some(n) = self.number(k) else { return 0 };
        if n.weak != Weak::No || n.ord || n.scale > 0 {
            return 0;
        }
        if self.lex_j(n.end) == Lex::Reprise {
            self.emit(out, i, n.end + 1, Key::Times(n.val.decimal()));
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
                self.emit(
                    out,
                    k,
                    e,
                    Key::Time {
                        hour: h % 24,
                        minute: m,
                    },
                );
                return e - i;
            }
        }
        0
    }
}

/// A duration's key, in its base unit (a decade is ten years), with "and
/// a half" added.
pub(super) fn dur_key(val: &Dec, tu: Tu, half: bool) -> Key {
    let (base, pow) = tu.base();
    if half || pow > 0 {
        let mut v = val.clone();
        if half {
            v.add_half();
        }
        v.shift(pow);
        Key::Duration(v.decimal(), base)
    } else {
        Key::Duration(val.decimal(), base)
    }
}
