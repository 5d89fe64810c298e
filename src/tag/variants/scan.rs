//! The text's candidate names: runs of capitalised words, with lowercase
//! particles and hyphenated lowercase parts inside (*Rostov-sur-le-Don*,
//! *Kim Jong-un*, *Bachar al-Assad*), each name word folded and keyed once.
//! Lowercase text between runs, most of a text, is skipped eight bytes at a
//! time, and so are the mentions the lexicon search already found.
//!
//! Words are runs of [`is_word_char`] characters, as everywhere else;
//! whether a word is capitalised is the one test of its own here.

use std::ops::Range;

use rustc_hash::FxHashSet;

use crate::normalize::{is_general_punctuation, is_word_char};
use crate::span::{Lang, Span};

use super::Known;
use super::key::{fold_ascii, key_with};
use super::words::{drops_as_particle, is_particle, is_space_particle};

/// What separates a word from the previous one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gap {
    /// First word of the text.
    Start,
    /// Whitespace on one line only (NBSP included).
    Space,
    /// A single hyphen: Kim Jong-un, Rostov-sur-le-Don.
    Hyphen,
    /// A single apostrophe, straight or curly: d’Estaing.
    Apostrophe,
    /// Anything else: punctuation, quotes, line breaks.
    Break,
}

/// A word of the text: a maximal run of word characters.
#[derive(Clone, Copy, Debug)]
pub(super) struct RawTok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) gap: Gap,
    sentence_start: bool,
    pub(super) cap: bool,
}

/// The words of a text with their byte offsets, one pass, no allocation.
pub(super) struct Tokens<'t> {
    text: &'t str,
    pos: usize,
    started: bool,
}

impl<'t> Tokens<'t> {
    pub(super) fn new(text: &'t str) -> Tokens<'t> {
        Tokens {
            text,
            pos: 0,
            started: false,
        }
    }
}

impl Tokens<'_> {
    /// Move to the gap before the next capitalised word, skipping the
    /// lowercase words in between at byte speed: outside a run of name words
    /// they cannot matter, and they are most of a text. Capitalised words
    /// inside `known` spans are skipped too: they are never candidates.
    fn skip_to_capital(&mut self, known: &mut KnownSpans<'_>) {
        let bytes = self.text.as_bytes();
        let mut i = self.pos;
        loop {
            // Eight bytes at a time past lowercase ASCII, which starts no capital.
            while let Some(block) = bytes.get(i..i + 8) {
                let word = u64::from_le_bytes(block.try_into().unwrap_or([0x80; 8]));
                if may_hold_capital(word) {
                    break;
                }
                i += 8;
            }
            let block = bytes.get(i..(i + 8).min(bytes.len())).unwrap_or_default();
            let Some(off) = block
                .iter()
                .position(|&b| b.is_ascii_uppercase() || b >= 0xc0)
            else {
                if block.is_empty() {
                    break;
                }
                i += block.len();
                continue;
            };
            i += off;
            let Some(c) = self.text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            if is_capital(c) && !self.word_char_before(i) {
                if let Some(end) = known.covering(i) {
                    i = end;
                    continue;
                }
                self.pos = self.word_end_before(i);
                return;
            }
            i += c.len_utf8();
        }
        self.pos = self.text.len();
    }

    /// True when the character before byte `i` (not before `self.pos`) is part of a word.
    fn word_char_before(&self, i: usize) -> bool {
        i > self.pos
            && self
                .text
                .get(self.pos..i)
                .and_then(|s| s.chars().next_back())
                .is_some_and(is_word_char)
    }

    /// End of the last word before byte `i`, or `self.pos` if none is after it:
    /// where the gap before the word at `i` starts.
    fn word_end_before(&self, i: usize) -> usize {
        let before = self.text.get(self.pos..i).unwrap_or_default();
        before
            .char_indices()
            .rev()
            .find(|&(_, c)| is_word_char(c))
            .map_or(self.pos, |(k, c)| self.pos + k + c.len_utf8())
    }

    /// Whether the character at byte `i` is part of a word, and its length.
    /// ASCII is decided on the byte: most of a text never reaches the Unicode
    /// tables.
    #[inline]
    fn word_char_at(&self, i: usize) -> Option<(bool, usize)> {
        let b = *self.text.as_bytes().get(i)?;
        if b.is_ascii() {
            return Some((b.is_ascii_alphanumeric(), 1));
        }
        let c = self.text.get(i..)?.chars().next()?;
        Some((is_word_char(c), c.len_utf8()))
    }
}

impl Iterator for Tokens<'_> {
    type Item = RawTok;

    fn next(&mut self) -> Option<RawTok> {
        let bytes = self.text.as_bytes();
        // To the next word: ASCII decided on the byte, the rest by character.
        let mut start = self.pos;
        loop {
            let b = *bytes.get(start)?;
            if b.is_ascii_alphanumeric() {
                break;
            }
            if b.is_ascii() {
                start += 1;
                continue;
            }
            let c = self.text.get(start..)?.chars().next()?;
            if is_word_char(c) {
                break;
            }
            start += c.len_utf8();
        }
        let mut end = start;
        loop {
            // Tight loop over ASCII letters; the Unicode path only for the rest.
            end += bytes[end..]
                .iter()
                .position(|b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - end);
            match self.word_char_at(end) {
                Some((true, len)) => end += len,
                _ => break,
            }
        }
        let (gap, sentence_start) = if self.started {
            classify_gap(self.text.get(self.pos..start).unwrap_or_default())
        } else {
            (Gap::Start, true)
        };
        self.started = true;
        self.pos = end;
        let first = *self.text.as_bytes().get(start)?;
        let cap = if first.is_ascii() {
            first.is_ascii_uppercase()
        } else {
            self.text
                .get(start..)
                .and_then(|w| w.chars().next())
                .is_some_and(char::is_uppercase)
        };
        Some(RawTok {
            start,
            end,
            gap,
            sentence_start,
            cap,
        })
    }
}

/// False when none of the eight bytes of `word` is an ASCII capital or
/// outside ASCII (then none starts a capitalised word): the test of one
/// byte, eight at once.
pub(super) fn may_hold_capital(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if word & HIGH != 0 {
        return true;
    }
    // Every byte is below 0x80, so no sum carries into the next byte: the
    // high bit of b + 0x3F is set from `A` on, that of b + 0x25 from `[` on.
    word.wrapping_add(0x3F * ONES) & !word.wrapping_add(0x25 * ONES) & HIGH != 0
}

/// An uppercase letter. The characters of news text that are not (quotes,
/// dashes, spaces) are decided without the Unicode tables.
#[inline]
pub(super) fn is_capital(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    !is_general_punctuation(c) && c.is_uppercase()
}

/// Classify the characters between two words, and tell whether the second
/// word starts a sentence (after `. ! ? … : ;`, a bullet or a line break).
fn classify_gap(gap: &str) -> (Gap, bool) {
    if gap == " " {
        return (Gap::Space, false);
    }
    let (mut spaces, mut hyphens, mut apostrophes, mut other) = (0, 0, 0, 0);
    let mut sentence = false;
    for c in gap.chars() {
        match c {
            '\n' | '\r' | '\u{2028}' | '\u{2029}' | '.' | '!' | '?' | '…' | ':' | ';' | '•'
            | '·' => {
                sentence = true;
                other += 1;
            }
            '-' | '\u{2010}' | '\u{2011}' => hyphens += 1,
            '\'' | '\u{2019}' | '\u{2018}' | '\u{02bc}' => apostrophes += 1,
            c if c.is_whitespace() => spaces += 1,
            _ => other += 1,
        }
    }
    let gap = match (spaces, hyphens, apostrophes, other) {
        (1.., 0, 0, 0) => Gap::Space,
        (0, 1, 0, 0) => Gap::Hyphen,
        (0, 0, 1, 0) => Gap::Apostrophe,
        _ => Gap::Break,
    };
    (gap, sentence)
}

/// A name word of the text (particles excluded), with its fold and key.
#[derive(Clone, Debug)]
pub(super) struct NameTok {
    pub(super) span: Span,
    pub(super) sentence_start: bool,
    pub(super) cap: bool,
    /// A common word (see `words`): never a name on its own.
    pub(super) common: bool,
    /// Joined to the previous name word of its run directly or through
    /// hyphens, not through a spaced particle: *Nizhny Novgorod*,
    /// *Rostov-sur-le-Don*, but not *la Russie de Poutine*.
    pub(super) glued_prev: bool,
    fold: Range<usize>,
    key: Range<usize>,
}

impl NameTok {
    /// How long its fold is.
    pub(super) fn letters(&self) -> usize {
        self.fold.len()
    }
}

/// The text cut into runs of name words; folds and keys live in two shared
/// buffers so that a text costs a handful of allocations, not one per word.
#[derive(Default)]
pub(super) struct Scan {
    /// The name words, run after run.
    pub(super) toks: Vec<NameTok>,
    /// The runs, as ranges of `toks`.
    pub(super) runs: Vec<Range<usize>>,
    folds: String,
    keys: String,
    /// Scratch buffer for key symbols.
    sym: Vec<u8>,
}

/// State of the run being built.
#[derive(Default)]
struct RunState {
    open: bool,
    start: usize,
    has_name: bool,
    /// No spaced particle since the last name word.
    chain: bool,
}

impl Scan {
    /// The runs of `text`, outside the `blocked` spans; `common` are the
    /// common words.
    pub(super) fn new(
        text: &str,
        lang: Lang,
        blocked: &mut KnownSpans<'_>,
        common: &FxHashSet<&'static str>,
    ) -> Scan {
        let mut scan = Scan::default();
        let mut run = RunState::default();
        let mut raws = Tokens::new(text);
        let mut next = raws.next();
        while let Some(raw) = next {
            if !run.open && !raw.cap {
                // Outside a run only a capitalised word can start one.
                raws.skip_to_capital(blocked);
                next = raws.next();
                continue;
            }
            let following = raws.next();
            next = following;
            if blocked.overlaps(raw.start, raw.end) {
                scan.close(&mut run);
                continue;
            }
            let word = text.get(raw.start..raw.end).unwrap_or_default();
            let joinable =
                run.open && matches!(raw.gap, Gap::Space | Gap::Hyphen | Gap::Apostrophe);
            let next_glued =
                following.is_some_and(|n| matches!(n.gap, Gap::Hyphen | Gap::Apostrophe));
            if raw.cap {
                if !joinable {
                    scan.close(&mut run);
                    run = RunState {
                        open: true,
                        start: scan.toks.len(),
                        has_name: false,
                        chain: true,
                    };
                }
                if drops_as_particle(word, true, run.has_name, next_glued) {
                    run.chain &= raw.gap == Gap::Hyphen || !run.has_name;
                    continue;
                }
                scan.push_name(word, raw, lang, common, &mut run);
            } else if joinable && raw.gap == Gap::Hyphen {
                // Lowercase parts of a name: Jong-un, Rostov-sur-le-Don.
                if !is_particle(word) {
                    scan.push_name(word, raw, lang, common, &mut run);
                }
            } else if joinable
                && raw.gap == Gap::Space
                && (is_space_particle(word) || (is_particle(word) && next_glued))
            {
                run.chain = false;
            } else {
                scan.close(&mut run);
                if following.is_some_and(|f| !f.cap) {
                    raws.skip_to_capital(blocked);
                    next = raws.next();
                }
            }
        }
        scan.close(&mut run);
        scan
    }

    fn push_name(
        &mut self,
        word: &str,
        raw: RawTok,
        lang: Lang,
        common: &FxHashSet<&'static str>,
        run: &mut RunState,
    ) {
        let f0 = self.folds.len();
        fold_ascii(word, &mut self.folds);
        let fold = f0..self.folds.len();
        let k0 = self.keys.len();
        key_with(
            self.folds.get(fold.clone()).unwrap_or_default(),
            lang,
            &mut self.keys,
            &mut self.sym,
        );
        let key = k0..self.keys.len();
        let is_common = common.contains(self.folds.get(fold.clone()).unwrap_or_default());
        self.toks.push(NameTok {
            span: Span::new(raw.start, raw.end),
            sentence_start: raw.sentence_start,
            cap: raw.cap,
            common: is_common,
            glued_prev: run.has_name && run.chain,
            fold,
            key,
        });
        run.has_name = true;
        run.chain = true;
    }

    fn close(&mut self, run: &mut RunState) {
        if run.open && self.toks.len() > run.start {
            self.runs.push(run.start..self.toks.len());
        }
        *run = RunState::default();
    }

    /// The fold of a name word.
    pub(super) fn fold(&self, t: &NameTok) -> &str {
        self.folds.get(t.fold.clone()).unwrap_or_default()
    }

    /// The key of a name word.
    pub(super) fn key(&self, t: &NameTok) -> &str {
        self.keys.get(t.key.clone()).unwrap_or_default()
    }
}

/// The `known` spans, sorted, walked in step with the text's words.
pub(super) struct KnownSpans<'k> {
    spans: std::borrow::Cow<'k, [Known<'k>]>,
    next: usize,
}

impl<'k> KnownSpans<'k> {
    pub(super) fn new(known: &'k [Known<'k>]) -> KnownSpans<'k> {
        // The tagger hands its mentions over in text order: no copy then.
        let spans = if known.is_sorted_by_key(|k| k.span) {
            std::borrow::Cow::Borrowed(known)
        } else {
            let mut sorted = known.to_vec();
            sorted.sort_unstable_by_key(|k| k.span);
            std::borrow::Cow::Owned(sorted)
        };
        KnownSpans { spans, next: 0 }
    }

    /// Back to the start of the text, for another pass.
    pub(super) fn rewind(&mut self) {
        self.next = 0;
    }

    /// The end of the known span that holds byte `i`, if any. Same order
    /// of calls as [`KnownSpans::overlaps`].
    fn covering(&mut self, i: usize) -> Option<usize> {
        self.ending_after(i)
            .iter()
            .map(|k| k.span)
            .take_while(|s| s.start <= i)
            .filter(|s| s.end > i)
            .map(|s| s.end)
            .max()
    }

    /// True when `start..end` overlaps a known span. Calls come in increasing
    /// `start` order, so spans ending before `start` are skipped for good.
    pub(super) fn overlaps(&mut self, start: usize, end: usize) -> bool {
        self.ending_after(start)
            .iter()
            .map(|k| k.span)
            .take_while(|s| s.start < end)
            .any(|s| s.end > start && s.start < s.end)
    }

    /// The spans from the first one that ends after byte `at`; those before
    /// it are skipped for good (calls come in increasing `at` order).
    fn ending_after(&mut self, at: usize) -> &[Known<'k>] {
        while self.spans.get(self.next).is_some_and(|k| k.span.end <= at) {
            self.next += 1;
        }
        self.spans.get(self.next..).unwrap_or_default()
    }
}
