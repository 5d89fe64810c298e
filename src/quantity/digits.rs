//! Exact decimals: the digit strings numbers are read into, scaled and
//! written back from, so that no multiplier or digit run ever overflows.

use std::cmp::Ordering;
use std::fmt;

/// A digit string kept inline when short, so that ordinary numbers cost
/// no allocation; long runs (a megabyte of digits) move to the heap.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Digits {
    buf: [u8; DIGITS_INLINE],
    len: u8,
    /// Boxed so that `Digits` stays 32 bytes: the heap case is rare.
    #[allow(clippy::box_collection)]
    heap: Option<Box<Vec<u8>>>,
}

const DIGITS_INLINE: usize = 23;

impl Digits {
    /// ASCII digits only, so always valid UTF-8 as well.
    pub(crate) fn bytes(&self) -> &[u8] {
        match &self.heap {
            Some(h) => h,
            None => &self.buf[..usize::from(self.len)],
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.bytes().len()
    }

    pub(crate) fn push_bytes(&mut self, s: &[u8]) {
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
    pub(crate) fn drain_front(&mut self, k: usize) {
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
pub(crate) struct Dec {
    pub(crate) int: Digits,
    pub(crate) frac: Digits,
}

impl Dec {
    pub(crate) fn from_u64(v: u64) -> Dec {
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

    pub(crate) fn half() -> Dec {
        Dec {
            int: "0".into(),
            frac: "5".into(),
        }
    }

    /// Multiplies by `10^k` by moving the decimal point.
    pub(crate) fn shift(&mut self, k: usize) {
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
    pub(crate) fn add_half(&mut self) -> bool {
        if self.frac.bytes().iter().all(|&b| b == b'0') {
            self.frac = "5".into();
            true
        } else {
            false
        }
    }

    pub(crate) fn as_u64(&self) -> Option<u64> {
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

    pub(crate) fn mul_small(&self, m: u64) -> Option<Dec> {
        self.as_u64()
            .and_then(|v| v.checked_mul(m))
            .map(Dec::from_u64)
    }

    /// The value in canonical form, as keys write it.
    pub(crate) fn decimal(&self) -> Decimal {
        let mut out = String::new();
        self.canon_into(&mut out);
        Decimal(out)
    }

    /// No leading zeros, no trailing fractional zeros, `.` as point.
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

/// A non-negative decimal in canonical form (no leading zeros, no trailing
/// fractional zeros, `.` as the point), as a key holds it. Equal values
/// have equal strings; the order is that of the values.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Decimal(String);

impl Decimal {
    /// The whole and fractional digits (the latter empty for a whole number).
    pub(crate) fn parts(&self) -> (&str, &str) {
        self.0.split_once('.').unwrap_or((&self.0, ""))
    }

    /// The value when it is a whole number that fits a `u64`.
    pub(crate) fn as_u64(&self) -> Option<u64> {
        match self.parts() {
            (int, "") => int.parse().ok(),
            _ => None,
        }
    }
}

impl From<u64> for Decimal {
    fn from(v: u64) -> Decimal {
        Decimal(v.to_string())
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Decimal) -> Ordering {
        // Canonical whole parts compare by length first; fractional parts
        // without trailing zeros compare as strings.
        let ((a, fa), (b, fb)) = (self.parts(), other.parts());
        a.len()
            .cmp(&b.len())
            .then_with(|| a.cmp(b))
            .then_with(|| fa.cmp(fb))
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Decimal) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}
