//! The tokens the scanner reads: words (folded, with their meaning),
//! digit runs (with their group separators and decimal point) and single
//! punctuation marks, each with the kind of gap before it.
//!
//! Words are cut and folded with the character model of
//! [`crate::normalize`]: a word goes on through every [`is_word_char`] and
//! is folded by [`fold_word`]. Two deliberate differences, each tested:
//! digits are not part of a word, since the rules read `122mm`, `G7` or
//! `1er` as a number glued to a word; and a superscript `²` or `³` after
//! letters is (`km²` folds to `km2`). Invisible format characters (soft
//! hyphen, zero-width space, byte-order mark) join the letters around them
//! but never start a word, so that one before a number stays apart from it.

use rustc_hash::FxHashMap;
use unicode_normalization::char::is_combining_mark;

use super::lexicon::{Lex, LexMap};
use crate::normalize::{fold_word, is_general_punctuation, is_word_char};
use crate::span::Lang;

/// What separates a token from the one before it. A blank line ends every
/// expression.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gap {
    Glued,
    Space,
    Break,
}

/// The longest folded word the lexicon can hold.
const FOLD_MAX: usize = 15;

/// A word lower-cased and stripped of accents, when short enough and ASCII
/// enough to be in the lexicon (empty otherwise).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fold {
    buf: [u8; FOLD_MAX],
    len: u8,
}

impl Fold {
    const EMPTY: Fold = Fold {
        buf: [0; FOLD_MAX],
        len: 0,
    };

    pub(crate) fn bytes(&self) -> &[u8] {
        &self.buf[..usize::from(self.len)]
    }

    /// The folded word (ASCII), empty when the word could not be kept.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.bytes()).unwrap_or_default()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub(crate) fn is(&self, s: &str) -> bool {
        self.bytes() == s.as_bytes()
    }

    /// A folded word as the lexicon keeps it: non-empty ASCII of at most
    /// [`FOLD_MAX`] bytes.
    pub(crate) fn of(s: &str) -> Option<Fold> {
        if s.is_empty() || !s.is_ascii() || s.len() > FOLD_MAX {
            return None;
        }
        let mut f = Fold::EMPTY;
        f.buf[..s.len()].copy_from_slice(s.as_bytes());
        f.len = s.len() as u8;
        Some(f)
    }

    /// A word of ASCII letters lower-cased, or empty when too long.
    fn of_ascii_letters(word: &[u8]) -> Fold {
        let mut f = Fold::EMPTY;
        if word.len() <= FOLD_MAX {
            for (slot, &b) in f.buf.iter_mut().zip(word) {
                // Letters only: setting the case bit lower-cases them.
                *slot = b | 0x20;
            }
            f.len = word.len() as u8;
        }
        f
    }

    /// The 15 bytes and the length as one number, for the lexicon table.
    #[inline]
    pub(crate) fn key(&self) -> u128 {
        let mut b = [0u8; 16];
        b[..FOLD_MAX].copy_from_slice(&self.buf);
        b[FOLD_MAX] = self.len;
        u128::from_le_bytes(b)
    }
}

/// A character that starts a word: a letter or a combining mark (not a
/// digit, and not an invisible format character).
pub(crate) fn starts_word(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    match latin_class(c) {
        Some(class) => class & STARTS != 0,
        None => starts_word_by_unicode(c),
    }
}

/// A character that goes on with a word: any word character of
/// [`is_word_char`] but a digit.
pub(crate) fn continues_word(c: char) -> bool {
    match latin_class(c) {
        Some(class) => class & CONTINUES != 0,
        None => continues_word_by_unicode(c),
    }
}

fn starts_word_by_unicode(c: char) -> bool {
    // General Punctuation (curly quotes, dashes) holds no letter or mark.
    !is_general_punctuation(c) && (c.is_alphabetic() || is_combining_mark(c))
}

fn continues_word_by_unicode(c: char) -> bool {
    is_word_char(c) && (c.is_alphabetic() || !c.is_numeric())
}

const STARTS: u8 = 1;
const CONTINUES: u8 = 2;

/// The two tests above for a character below U+0250 (ASCII, Latin-1, Latin
/// Extended), from a table built once by the same functions: the Unicode
/// look-ups were a tenth of the stage's time on French prose.
fn latin_class(c: char) -> Option<u8> {
    static LOW: std::sync::OnceLock<[u8; 0x250]> = std::sync::OnceLock::new();
    let table = LOW.get_or_init(|| {
        let mut low = [0; 0x250];
        for (u, slot) in low.iter_mut().enumerate() {
            if let Some(c) = char::from_u32(u as u32) {
                if starts_word_by_unicode(c) {
                    *slot |= STARTS;
                }
                if continues_word_by_unicode(c) {
                    *slot |= CONTINUES;
                }
            }
        }
        low
    });
    table.get(c as usize).copied()
}

/// Superscript two and three, which go on with a word (`km²`, `m³`).
fn is_power_sign(c: char) -> bool {
    matches!(c, '²' | '³')
}

#[derive(Clone, Copy, Debug)]
pub(crate) enum Kind {
    Word {
        lex: Lex,
        cap: bool,
        fold: Fold,
    },
    /// A run of ASCII digits with its group separators and decimal point;
    /// `dec_at` is the byte offset of the point (`usize::MAX` if none),
    /// `plain` means digits only.
    Num {
        dec_at: usize,
        plain: bool,
    },
    Punct(char),
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) gap: Gap,
    pub(crate) kind: Kind,
}

/// Group-separator classes: a number keeps to one class (`1 000 000`).
const SEP_SPACE: u8 = 0;
const SEP_DOT: u8 = 1;
const SEP_COMMA: u8 = 2;

pub(crate) struct Lexer<'t> {
    text: &'t str,
    pos: usize,
    lang: Lang,
    map: &'static LexMap,
    /// Reused for folding words that are not plain ASCII.
    folded: String,
    /// The folds of the last non-ASCII words seen (`à`, `été`, `médias`
    /// recur in every French article), so that each is folded once.
    seen: FxHashMap<&'t str, Fold>,
}

/// How many folds [`Lexer::seen`] keeps before starting afresh.
const SEEN_MAX: usize = 4096;

impl<'t> Lexer<'t> {
    pub(crate) fn new(text: &'t str, lang: Lang, map: &'static LexMap) -> Lexer<'t> {
        Lexer {
            text,
            pos: 0,
            lang,
            map,
            folded: String::new(),
            seen: FxHashMap::default(),
        }
    }
}

impl<'t> Lexer<'t> {
    /// A thousands separator at byte `p`: class and width.
    fn group_sep(&self, p: usize) -> Option<(u8, usize)> {
        let b = self.text.as_bytes().get(p..)?;
        for ws in ["\u{a0}", "\u{202f}", "\u{2009}"] {
            if b.starts_with(ws.as_bytes()) {
                return Some((SEP_SPACE, ws.len()));
            }
        }
        match (self.lang, b.first()) {
            (Lang::Fr, Some(b' ')) => Some((SEP_SPACE, 1)),
            (Lang::Fr, Some(b'.')) => Some((SEP_DOT, 1)),
            (Lang::En, Some(b',')) => Some((SEP_COMMA, 1)),
            _ => None,
        }
    }

    fn number(&mut self) -> Kind {
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut p = start;
        while p < b.len() && b[p].is_ascii_digit() {
            p += 1;
        }
        let mut class: Option<u8> = None;
        if p - start <= 3 {
            while let Some((cls, w)) = self.group_sep(p) {
                if class.is_some_and(|c| c != cls) {
                    break;
                }
                let q = p + w;
                let three = b
                    .get(q..q + 3)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit));
                let more = b.get(q + 3).is_some_and(u8::is_ascii_digit);
                if !three || more {
                    break;
                }
                class = Some(cls);
                p = q + 3;
            }
        }
        let mut dec_at = usize::MAX;
        if b.get(p + 1).is_some_and(u8::is_ascii_digit) {
            let point = match self.lang {
                Lang::Fr => b[p] == b',' || (b[p] == b'.' && class != Some(SEP_DOT)),
                Lang::En => b[p] == b'.',
            };
            if point {
                dec_at = p;
                p += 1;
                while p < b.len() && b[p].is_ascii_digit() {
                    p += 1;
                }
            }
        }
        self.pos = p;
        Kind::Num {
            dec_at,
            plain: class.is_none() && dec_at == usize::MAX,
        }
    }

    fn word(&mut self) -> Kind {
        let b = self.text.as_bytes();
        let start = self.pos;
        let mut p = start;
        let mut ascii = true;
        loop {
            // Runs of ASCII letters, the common case, byte by byte.
            p += b.get(p..).map_or(0, |r| {
                r.iter().take_while(|x| x.is_ascii_alphabetic()).count()
            });
            if b.get(p).is_none_or(|&x| x < 0x80) {
                break;
            }
            let Some(c) = self.text.get(p..).and_then(|r| r.chars().next()) else {
                break;
            };
            if !(continues_word(c) || (p > start && is_power_sign(c))) {
                break;
            }
            ascii = false;
            p += c.len_utf8();
        }
        self.pos = p;
        let word = self.text.get(start..p).unwrap_or_default();
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        let fold = if ascii {
            Fold::of_ascii_letters(word.as_bytes())
        } else if let Some(&fold) = self.seen.get(word) {
            fold
        } else {
            self.folded.clear();
            fold_word(word, &mut self.folded);
            let fold = Fold::of(&self.folded).unwrap_or(Fold::EMPTY);
            if self.seen.len() >= SEEN_MAX {
                self.seen.clear();
            }
            self.seen.insert(word, fold);
            fold
        };
        let lex = if self.lang == Lang::Fr && fold.is("a") && p - start > 1 {
            Lex::AFr
        } else {
            self.map.get(&fold)
        };
        Kind::Word { lex, cap, fold }
    }
}

impl Iterator for Lexer<'_> {
    type Item = Tok;

    fn next(&mut self) -> Option<Tok> {
        let b = self.text.as_bytes();
        let ws_start = self.pos;
        let mut newlines = 0;
        let c = loop {
            let x = *b.get(self.pos)?;
            if x < 0x80 {
                match x {
                    b'\n' => newlines += 1,
                    b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
                    _ => break char::from(x),
                }
                self.pos += 1;
                continue;
            }
            let c = self.text.get(self.pos..)?.chars().next()?;
            if !c.is_whitespace() {
                break c;
            }
            self.pos += c.len_utf8();
        };
        let gap = if self.pos == ws_start {
            Gap::Glued
        } else if newlines >= 2 {
            Gap::Break
        } else {
            Gap::Space
        };
        let start = self.pos;
        let kind = if c.is_ascii_digit() {
            self.number()
        } else if starts_word(c) {
            self.word()
        } else {
            self.pos += c.len_utf8();
            Kind::Punct(match c {
                '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{b4}' => '\'',
                '\u{2010}' | '\u{2011}' => '-',
                other => other,
            })
        };
        Some(Tok {
            start,
            end: self.pos,
            gap,
            kind,
        })
    }
}
