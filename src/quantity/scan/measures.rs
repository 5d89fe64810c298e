//! Measures, money and their units: `122 mm`, `100 km/h`, `30 °C`,
//! `2 millions de dollars`, `$2 million`, `US$5`, `une centaine de km`.

use super::durations::dur_key;
use super::{Num, Scanner, Weak};
use crate::quantity::Quantity;
use crate::quantity::digits::Dec;
use crate::quantity::key::{Amount, Key};
use crate::quantity::lexer::Kind;
use crate::quantity::lexicon::{Lex, lists};
use crate::span::Lang;

impl Scanner<'_> {
    /// A unit of measure after a number: `mm`, `155-mm`, `km/h`, `°C`.
    pub(super) fn measure_after(&mut self, j: usize) -> Option<(&'static str, usize)> {
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

    /// A currency after a number: `$`, `€`, `dollars`, `US dollars`,
    /// French `millions de dollars` / `milliard d'euros`.
    pub(super) fn currency_after(&mut self, j: usize, n: &Num) -> Option<(&'static str, usize)> {
        if !self.joined(j) {
            return None;
        }
        match self.tok(j)?.kind {
            Kind::Punct(c) => lists().currency_of(c).map(|code| (code, j + 1)),
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

    /// `$2 million`, `€1.5bn`, `US$5`, `£300m`.
    pub(super) fn money_prefix(
        &mut self,
        first: usize,
        sym: usize,
        out: &mut Vec<Quantity>,
    ) -> usize {
        let Some(Kind::Punct(c)) = self.tok(sym).map(|t| t.kind) else {
            return 0;
        };
        let Some(code) = lists().currency_of(c) else {
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
                _ if self.glued(e) => self.fold(e).and_then(|f| lists().money_suffix(f.as_str())),
                _ => None,
            };
            if let Some(p) = pow {
                val.shift(p);
                e += 1;
            }
        }
        self.emit(
            out,
            first,
            e,
            Key::Money(Amount::Exact(val.decimal()), code),
        );
        e - first
    }

    /// "une dizaine d'années", "une centaine de kilomètres", "a dozen
    /// years": an approximate count with a unit after it.
    pub(super) fn unit_after_approx(&mut self, v: Dec, e: usize) -> Option<(Key, usize)> {
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
            return Some((Key::Measure(v.decimal(), u), e2));
        }
        if let Lex::Cur(c) = self.lex_j(k) {
            return Some((Key::Money(Amount::Exact(v.decimal()), c), k + 1));
        }
        None
    }
}
