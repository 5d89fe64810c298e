//! The scanner: a left-to-right matcher over the lexer's tokens that looks
//! a bounded number of tokens ahead and keeps only a small window of them.
//! This file holds the window, the dispatch from a token to the rules that
//! may start there ([`Scanner::at`]), and a number with what follows it
//! ([`Scanner::num_at`], [`Scanner::suffix`]); the rules of each family
//! are in the files beside it.

mod clock;
mod dates;
mod durations;
mod fractions;
mod measures;
mod numbers;

use super::Quantity;
use super::digits::{Dec, Decimal, Digits};
use super::key::{Amount, Key, QuantityKey};
use super::lexer::{Fold, Gap, Kind, Lexer, Tok};
use super::lexicon::{Lex, Tu, lexicon, lists};
use crate::data::WordSet;
use crate::span::{Lang, Span};
use durations::dur_key;

/// Tokens kept behind the cursor, for the few rules that look back.
const KEEP: usize = 8;
/// Longest spelled-out number, in words ("quatre-vingt-dix-neuf mille …").
const MAX_WORDS: usize = 16;

/// How much a number word can be trusted to be a number.
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

/// What a digit token looks like.
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

/// The matcher: a window of tokens over the lexer and where the last
/// expression ended.
pub(super) struct Scanner<'t> {
    text: &'t str,
    lang: Lang,
    lexer: Lexer<'t>,
    buf: Vec<Tok>,
    base: usize,
    done: bool,
    /// One past the last token of the last expression reported.
    pub(super) last_end: usize,
}

impl<'t> Scanner<'t> {
    pub(super) fn new(text: &'t str, lang: Lang) -> Scanner<'t> {
        Scanner {
            text,
            lang,
            lexer: Lexer::new(text, lang, lexicon(lang)),
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
    pub(super) fn peek(&mut self, i: usize) -> Option<&Tok> {
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
    pub(super) fn release(&mut self, i: usize) {
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

    fn fold_in(&mut self, i: usize, set: &WordSet) -> bool {
        matches!(self.peek(i), Some(Tok { kind: Kind::Word { fold, .. }, .. }) if set.contains(fold.as_str()))
    }

    /// The folded word at `i`, if it is a word.
    fn fold(&mut self, i: usize) -> Option<Fold> {
        match self.peek(i) {
            Some(Tok {
                kind: Kind::Word { fold, .. },
                ..
            }) => Some(*fold),
            _ => None,
        }
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

    fn emit(&mut self, out: &mut Vec<Quantity>, first: usize, end: usize, key: Key) {
        let (Some(a), Some(b)) = (
            self.tok(first),
            end.checked_sub(1).and_then(|e| self.tok(e)),
        ) else {
            return;
        };
        out.push(Quantity {
            span: Span::new(a.start, b.end.max(a.start)),
            key: QuantityKey(key),
        });
        self.last_end = self.last_end.max(end);
    }

    // -- dispatch -----------------------------------------------------------

    /// Tries every rule that can start at token `i`; returns how many tokens
    /// were used (0 when nothing starts here).
    pub(super) fn at(&mut self, i: usize, out: &mut Vec<Quantity>) -> usize {
        let (lex, cap) = match self.peek(i).map(|t| &t.kind) {
            None => return 0,
            Some(Kind::Num { .. }) => return self.num_at(i, out),
            Some(&Kind::Punct(c)) if lists().currency_of(c).is_some() => {
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
            Lex::Vague { .. } | Lex::Scale { plural: true, .. } => self.vague_at(i, i, false, out),
            Lex::Approx(a) if self.lex_j(i + 1) == Lex::De => {
                self.emit(out, i, i + 1, Key::Number(Amount::Exact(a.into())));
                1
            }
            Lex::Ord(v) => self.ord_at(i, v, out),
            Lex::SecondAmb => self.ord_at(i, 2, out),
            Lex::Month(m) => self.month_at(i, m, false, out),
            Lex::MonthAbbr(m) => self.month_at(i, m, true, out),
            Lex::Wday(d) => {
                self.emit(out, i, i + 1, Key::Weekday(d));
                1
            }
            Lex::Twice(n) => {
                self.emit(out, i, i + 1, Key::Times(n.into()));
                1
            }
            Lex::Half => self.half_at(i, i, out),
            Lex::HalfNoun => {
                self.emit(out, i, i + 1, half_fraction());
                1
            }
            // "le Midi" is the south of France.
            Lex::Clock(h) if !(cap && self.fold_is(i, "midi")) => {
                self.emit(
                    out,
                    i,
                    i + 1,
                    Key::Time {
                        hour: u64::from(h),
                        minute: 0,
                    },
                );
                1
            }
            Lex::Dur(Tu::Year) if self.fold_is(i, "annees") => self.decade_words(i, out),
            Lex::Us if self.punct(i + 1, '$') && self.glued(i + 1) => {
                self.money_prefix(i, i + 1, out)
            }
            _ => 0,
        }
    }

    // -- a number and what follows it ---------------------------------------

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
                None => Key::Number(Amount::Exact(n1.val.decimal())),
            };
            self.emit(out, n.first, n.end, key);
            return n.end - i;
        }
        if n.weak != Weak::No {
            return 0;
        }
        if let Some(y) = self.short_year(&n) {
            self.emit(out, n.first, n.end, Key::Year(y.into()));
            return n.end - i;
        }
        let key = match n.dig {
            Some(DigInfo {
                plain: true,
                ndig: 4,
                int: Some(y),
                ..
            }) if (1900..=2099).contains(&y) => Key::Year(n.val.decimal()),
            _ => Key::Number(Amount::Exact(n.val.decimal())),
        };
        self.emit(out, n.first, n.end, key);
        n.end - i
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
                && lists().is_ordinal_suffix(self.lang, fold.as_str())
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
                Lex::Vague { .. } if n.weak == Weak::No => {
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
        let Some(t) = self.tok(j) else { return false };
        if t.gap == Gap::Break {
            return false;
        }
        match t.kind {
            Kind::Num { .. } => false,
            Kind::Punct('%' | '°' | ':' | '\'') => true,
            // "18-month-old", "155-mm", "two-thirds".
            Kind::Punct('-') => self.hyphen(j) && self.is_word(j + 1),
            Kind::Punct(c) => lists().currency_of(c).is_some(),
            Kind::Word {
                lex: Lex::Other,
                fold,
                ..
            } => {
                let words = lists();
                words.suffix_starts.contains(fold.as_str())
                    || words.is_ordinal_suffix(self.lang, fold.as_str())
            }
            Kind::Word { .. } => true,
        }
    }
}

/// The key of number `n` with what follows it.
fn key_for(n: &Num, suf: Suf) -> Key {
    let int = n.dig.and_then(|d| d.int).unwrap_or(0);
    match suf {
        Suf::Date(m) => Key::DayOfMonth { month: m, day: int },
        Suf::Decade(v) => Key::Decade(v),
        Suf::Clock(h, m) => Key::Time { hour: h, minute: m },
        Suf::Dur(tu, half) => dur_key(&n.val, tu, half),
        Suf::Approx(a) => Key::Number(Amount::Exact(match n.val.mul_small(a) {
            Some(v) => v.decimal(),
            None => n.val.decimal(),
        })),
        Suf::Ord => Key::Ordinal(n.val.decimal()),
        Suf::Pct => Key::Percent(n.val.decimal()),
        Suf::Money(c) => Key::Money(Amount::Exact(n.val.decimal()), c),
        Suf::Times => Key::Times(n.val.decimal()),
        Suf::Qty(u) => Key::Measure(n.val.decimal(), u),
        Suf::Frac(d) => Key::Fraction(n.val.decimal(), d),
    }
}

/// `frac:1/2`: "la moitié", "half of".
fn half_fraction() -> Key {
    Key::Fraction(Decimal::from(1), 2)
}
