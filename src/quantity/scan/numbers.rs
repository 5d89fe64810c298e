//! Numbers: digits and spelled-out numbers with their multipliers
//! (`2 millions`, `quatre-vingt-dix`, `two and a half billion`), ranges
//! (`quatre à cinq heures`), orders of magnitude (`des dizaines de
//! millions`) and the identifiers that only look like numbers (`G7`, `F-16`).

use super::{MAX_WORDS, Num, Scanner, Suf, Weak};
use crate::quantity::Quantity;
use crate::quantity::digits::Dec;
use crate::quantity::key::{Amount, Key, Magnitude};
use crate::quantity::lexer::Kind;
use crate::quantity::lexicon::{Lex, lists};
use crate::span::Lang;

impl Scanner<'_> {
    /// A number starting at `i`: digits or words, with "and a half" and a
    /// multiplier word folded in.
    pub(super) fn number(&mut self, i: usize) -> Option<Num> {
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
    pub(super) fn half_after(&mut self, j: usize) -> usize {
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

    /// A multiplier word at `j`: `millions`, `bn`, `thousand` after digits,
    /// an English `m` glued to digits ("5m").
    pub(super) fn scale_at(&mut self, j: usize, after_digits: bool) -> Option<usize> {
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
                && !(self.joined(j + 1) && self.fold_in(j + 1, &lists().metre_words)) =>
            {
                Some(6)
            }
            _ => None,
        }
    }

    /// A spelled-out number: "vingt-deux", "quatre-vingt-dix", "two hundred
    /// and fifty", "trois mille", possibly ending in an ordinal
    /// ("vingt et unième", "twenty-first"). Greedy, never backtracks.
    pub(super) fn word_number(&mut self, i: usize) -> Option<Num> {
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
    pub(super) fn identifier_before(&mut self, i: usize) -> bool {
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
                    && !self.fold_in(i - 2, &lists().date_prefixes)
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
    pub(super) fn identifier_after(&mut self, j: usize) -> bool {
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
    pub(super) fn skip_chain(&mut self, i: usize) -> usize {
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

    /// Two numbers joined by `à`, `to`, `-`, `ou`, `et` …, with the unit or
    /// month written once after the second: the first borrows it.
    pub(super) fn range(&mut self, n: &Num) -> Option<(Option<Suf>, usize)> {
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

    /// The count in a plural approximation after a number ("deux
    /// douzaines" = 24, "trois centaines" = 300).
    pub(super) fn plural_approx(&mut self, k: usize) -> Option<u64> {
        match self.lex(k) {
            Lex::Vague { each, .. } if each > 0 => Some(each),
            _ => None,
        }
    }

    /// Orders of magnitude: `des dizaines de millions`, `thousands of`,
    /// `several hundred`, `millions de dollars`.
    pub(super) fn vague_at(
        &mut self,
        first: usize,
        k: usize,
        few: bool,
        out: &mut Vec<Quantity>,
    ) -> usize {
        if !self.joined(k) {
            return 0;
        }
        let m1 = match self.lex(k) {
            Lex::Vague { pow, .. } => pow,
            Lex::Scale { pow, plural } if plural || few => pow,
            Lex::Hundred if few => 2,
            Lex::Thousand if few => 3,
            _ => return 0,
        };
        let mut e = k + 1;
        let mut magnitude = Magnitude { pow: m1, of: None };
        if matches!(self.lex_j(e), Lex::Of | Lex::De) {
            let m2 = match self.lex_j(e + 1) {
                Lex::Vague { pow, .. } if pow >= 3 => pow,
                Lex::Scale { pow, plural: true } => pow,
                _ => 0,
            };
            if m2 > m1 {
                magnitude.of = Some(m2);
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
                self.emit(
                    out,
                    first,
                    c + 1,
                    Key::Money(Amount::Magnitude(magnitude), code),
                );
                return c + 1 - first;
            }
        }
        self.emit(out, first, e, Key::Number(Amount::Magnitude(magnitude)));
        e - first
    }
}
