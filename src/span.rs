//! Byte spans into the original text, and the two languages entente knows.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets into the *original* text, so that
/// `&text[span.start..span.end]` is what was found. Every stage reports spans
/// of this kind, never offsets into a normalised copy.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    /// Number of bytes covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies inside this span.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The covered slice of `text`.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// The language of a text. entente aligns French with English.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    Fr,
    /// English.
    En,
}

impl Lang {
    /// The ISO 639-1 code, as used on the command line and in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }

    /// The other language of the pair.
    pub fn other(self) -> Lang {
        match self {
            Lang::Fr => Lang::En,
            Lang::En => Lang::Fr,
        }
    }

    /// The language's name in English, for people.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Fr => "French",
            Lang::En => "English",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = String;

    fn from_str(s: &str) -> Result<Lang, String> {
        match s {
            "fr" => Ok(Lang::Fr),
            "en" => Ok(Lang::En),
            other => Err(format!("unknown language {other:?} (expected fr or en)")),
        }
    }
}

/// What the offsets of results count. Bytes of the UTF-8 text are the
/// default (`bytes[start..end]` is the mention); characters are what Python's
/// `str` indexes (`text[start:end]`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Offsets {
    /// UTF-8 bytes.
    #[default]
    Bytes,
    /// Unicode scalar values (characters).
    Chars,
}

impl Offsets {
    /// True for the default, byte offsets (which JSON leaves unsaid).
    pub fn is_bytes(&self) -> bool {
        *self == Offsets::Bytes
    }

    /// A converter of `text`'s byte offsets into these offsets.
    pub fn of<'t>(self, text: &'t str) -> OffsetMap<'t> {
        OffsetMap::new(self, text)
    }
}

impl FromStr for Offsets {
    type Err = String;

    fn from_str(s: &str) -> Result<Offsets, String> {
        match s {
            "bytes" => Ok(Offsets::Bytes),
            "chars" => Ok(Offsets::Chars),
            other => Err(format!(
                "unknown offsets {other:?} (expected bytes or chars)"
            )),
        }
    }
}

/// Converts byte offsets of one text into [`Offsets`], each in constant
/// time: characters are counted once per 64-byte block, then within the
/// block (a character starts at every byte that is not a continuation byte).
#[derive(Clone, Debug)]
pub struct OffsetMap<'t> {
    bytes: &'t [u8],
    /// Characters before each block; empty when offsets are bytes.
    before: Vec<usize>,
}

/// Bytes per block of [`OffsetMap`].
const BLOCK: usize = 64;

impl<'t> OffsetMap<'t> {
    fn new(offsets: Offsets, text: &'t str) -> OffsetMap<'t> {
        let bytes = text.as_bytes();
        let mut before = Vec::new();
        if offsets == Offsets::Chars {
            let mut chars = 0;
            for block in bytes.chunks(BLOCK) {
                before.push(chars);
                chars += starts(block);
            }
            before.push(chars);
        }
        OffsetMap { bytes, before }
    }

    /// The offset of byte `at` (at most the text's length).
    pub fn at(&self, at: usize) -> usize {
        if self.before.is_empty() {
            return at;
        }
        let block = at / BLOCK;
        self.before[block] + starts(&self.bytes[block * BLOCK..at])
    }
}

/// Characters that start in `bytes`.
fn starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_relations() {
        let a = Span::new(2, 8);
        assert!(a.contains(Span::new(2, 8)));
        assert!(a.contains(Span::new(3, 4)));
        assert!(!a.contains(Span::new(1, 4)));
        assert!(a.overlaps(Span::new(7, 9)));
        assert!(!a.overlaps(Span::new(8, 9)));
        assert_eq!(a.len(), 6);
        assert_eq!(Span::new(1, 4).of("abcdef"), "bcd");
    }

    #[test]
    fn lang_round_trips() {
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(lang.code().parse::<Lang>().unwrap(), lang);
            assert_eq!(lang.other().other(), lang);
        }
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn char_offsets_are_python_str_indices() {
        let text = "Choïgou → 🚀 ".repeat(40) + "end";
        let map = Offsets::Chars.of(&text);
        for (chars, (at, _)) in text.char_indices().enumerate() {
            assert_eq!(map.at(at), chars, "byte {at}");
        }
        assert_eq!(map.at(text.len()), text.chars().count());
        let bytes = Offsets::Bytes.of(&text);
        assert_eq!(bytes.at(17), 17);
        assert_eq!("chars".parse::<Offsets>(), Ok(Offsets::Chars));
        assert!("utf16".parse::<Offsets>().is_err());
    }
}
