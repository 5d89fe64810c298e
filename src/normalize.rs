//! ① Folding: a comparison form of a text, with a map back to the original bytes.
//!
//! Names are found in the folded text, then reported at their original offsets.
//! Folding removes the differences that do not change which name is meant:
//!
//! | difference | example | folded |
//! |---|---|---|
//! | Unicode forms (NFC/NFD/NFKC) | `e` + U+0301, `ﬁ` | `e`, `fi` |
//! | case | `POUTINE` | `poutine` |
//! | accents and diaeresis | `Choïgou` | `choigou` |
//! | apostrophes, quotes, hyphens, dashes, punctuation | `Kim Jong-un`, `l’Ukraine` | `kim jong un`, `l ukraine` |
//! | spaces of any kind (NBSP, thin space, runs) | `Corée\u{a0}du Nord` | `coree du nord` |
//! | invisible characters (soft hyphen, zero-width space, BOM) | `Pou\u{ad}tine` | `poutine` |
//! | look-alike letters from Cyrillic or Greek inside a Latin word | `Сosmodrome` (Cyrillic С) | `cosmodrome` |
//! | other Latin letters | `ß`, `ø`, `æ` | `ss`, `o`, `ae` |
//! | HTML entities left by scraping | `Cor&eacute;e`, `Vladimir&nbsp;Putin` | `coree`, `vladimir putin` |
//!
//! The folded text is a sequence of *tokens* (runs of letters and digits), each
//! written between two spaces: `" kim  jong  un "`. A whole-token search for a
//! name is then a plain substring search for its padded form, so "Kim" is never
//! found inside "Kimberley" and French elision needs no rule of its own:
//! `l’Ukraine` folds to `" l  ukraine "`, which contains `" ukraine "`.
//!
//! Folding is idempotent: folding a folded text changes nothing.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::span::Span;

/// A folded text and, for each of its bytes, the original bytes it came from.
#[derive(Clone, Debug, Default)]
pub struct Folded {
    text: String,
    /// For each folded byte, the start of the original character it came from.
    starts: Vec<u32>,
    /// For each folded byte, the end of that original character, extended over
    /// the combining marks and invisible characters that follow it in its word.
    ends: Vec<u32>,
}

impl Folded {
    /// The folded text: tokens, each between two spaces.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The original span of the folded tokens in `folded` (a byte range of
    /// [`Folded::as_str`] that starts and ends on token bytes, not padding).
    pub fn original_span(&self, folded: std::ops::Range<usize>) -> Span {
        debug_assert!(folded.start < folded.end && folded.end <= self.text.len());
        Span::new(
            self.starts[folded.start] as usize,
            self.ends[folded.end - 1] as usize,
        )
    }

    /// The tokens of the folded text with their original spans, in order.
    pub fn tokens(&self) -> impl Iterator<Item = (&str, Span)> + '_ {
        let mut pos = 0;
        std::iter::from_fn(move || {
            let rest = &self.text[pos..];
            let start = pos + rest.find(|c: char| c != ' ')?;
            let end = start
                + self.text[start..]
                    .find(' ')
                    .unwrap_or(self.text.len() - start);
            pos = end;
            Some((&self.text[start..end], self.original_span(start..end)))
        })
    }
}

/// Folds `text`, keeping the offset map. See the module doc for what folds.
pub fn fold(text: &str) -> Folded {
    let out = fold_with(Folder::with_capacity(text.len()), text);
    Folded {
        text: out.text,
        starts: out.starts,
        ends: out.ends,
    }
}

/// Calls `f` with each token of `text`, folded, and its original span: the
/// tokens [`Folded::tokens`] gives, without building the folded text or its
/// offset map. This is the tagger's hot path, so most bytes are judged by a
/// table: ASCII words (most of a news text) are handed over as they are,
/// lower-cased only when they need it, and separators (ASCII or not) are
/// skipped. Other words are folded one at a time: after a separator,
/// folding always starts afresh.
pub fn for_each_token(text: &str, mut f: impl FnMut(&str, Span)) {
    let bytes = text.as_bytes();
    let class = |b: u8| BYTE_CLASS[usize::from(b)];
    let mut lower = String::new();
    let mut folder = Folder::tokens_only();
    let mut i = 0;
    while i < bytes.len() {
        match class(bytes[i]) {
            SEPARATOR => {
                i += bytes[i..]
                    .iter()
                    .position(|&b| class(b) != SEPARATOR)
                    .unwrap_or(bytes.len() - i);
                continue;
            }
            LOWER | UPPER => {
                let start = i;
                let mut upper = 0;
                while let Some(&b) = bytes.get(i) {
                    let c = class(b);
                    if c > UPPER {
                        break;
                    }
                    upper |= c;
                    i += 1;
                }
                let ends_here = bytes.get(i).is_none_or(|&b| class(b) == SEPARATOR)
                    || separator_char_at(text, i).is_some();
                if ends_here {
                    let word = &text[start..i];
                    let span = Span::new(start, i);
                    if upper == UPPER {
                        lower.clear();
                        lower.push_str(word);
                        lower.make_ascii_lowercase();
                        f(&lower, span);
                    } else {
                        f(word, span);
                    }
                    continue;
                }
                // The word goes on beyond ASCII, or meets an `&`: fold it whole.
                i = start;
            }
            _ => {
                if let Some(len) = separator_char_at(text, i) {
                    i += len;
                    continue;
                }
            }
        }
        if let Some(end) = fold_latin_word(text, i, &mut lower) {
            f(&lower, Span::new(i, end));
            i = end;
            continue;
        }
        let end = folding_end(text, i);
        folder.clear();
        folder = fold_with(folder, &text[i..end]);
        for (range, span) in &folder.tokens {
            let token = &folder.text[range.start as usize..range.end as usize];
            f(token, Span::new(span.start + i, span.end + i));
        }
        i = end;
    }
}

/// What a byte says about tokens, for [`for_each_token`]: an ASCII
/// lowercase letter or digit, an ASCII capital, ASCII that separates tokens,
/// or `&` (perhaps an HTML entity) and the bytes of non-ASCII characters.
/// Numbers, so that a word's capitals are found by or-ing its bytes' classes.
const LOWER: u8 = 0;
const UPPER: u8 = 1;
const SEPARATOR: u8 = 2;
const OTHER: u8 = 3;

static BYTE_CLASS: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_uppercase() {
            UPPER
        } else if (b as u8).is_ascii_alphanumeric() {
            LOWER
        } else if b == b'&' as usize {
            OTHER
        } else {
            SEPARATOR
        };
        b += 1;
    }
    table
};

/// The length of the character at byte `i` when it is a non-ASCII separator
/// (a curly quote, a dash, a no-break space…), which folding turns into a
/// token boundary.
#[inline]
fn separator_char_at(text: &str, i: usize) -> Option<usize> {
    let c = text.get(i..)?.chars().next()?;
    (!c.is_ascii() && !is_word_char(c)).then(|| c.len_utf8())
}

/// Folds the word at byte `start` into `out` when it is made of ASCII and
/// accented Latin letters only (most French words: `Corée`, `déclaré`), each
/// of which folds on its own; returns where the word ends. `None` for any
/// other word (combining marks, other scripts, an `&`…): [`Folder`] folds it.
fn fold_latin_word(text: &str, start: usize, out: &mut String) -> Option<usize> {
    out.clear();
    for (k, c) in text[start..].char_indices() {
        if c.is_ascii() {
            match BYTE_CLASS[c as usize] {
                LOWER => out.push(c),
                UPPER => out.push(c.to_ascii_lowercase()),
                SEPARATOR => return Some(start + k),
                _ => return None,
            }
        } else if let Some(folded) = latin_letter_fold(c) {
            out.push_str(folded);
        } else if is_word_char(c) {
            return None;
        } else {
            return Some(start + k);
        }
    }
    Some(text.len())
}

/// The folded ASCII of an accented Latin letter of [`LATIN_FOLDS`] whose fold
/// is letters or digits only (`é` → `e`, `œ` → `oe`), from a table built once.
fn latin_letter_fold(c: char) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<Option<String>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        LATIN_FOLDS
            .map(|u| {
                let outs = char::from_u32(u).and_then(latin_folds)?;
                let letters: Option<String> = outs
                    .iter()
                    .map(|o| o.filter(char::is_ascii_alphanumeric))
                    .collect();
                letters.filter(|l| !l.is_empty())
            })
            .collect()
    });
    let index = u32::from(c).checked_sub(LATIN_FOLDS.start)?;
    table.get(index as usize)?.as_deref()
}

/// Where folding from byte `i` (a word start) may stop: after the word, or,
/// when an `&` follows it (an HTML entity may join it to what comes next:
/// `Cor&eacute;e`), at the next ASCII whitespace.
fn folding_end(text: &str, i: usize) -> usize {
    let rest = &text[i..];
    let word = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
    if !rest[word..].starts_with('&') {
        return i + word.max(rest.chars().next().map_or(1, char::len_utf8));
    }
    rest.bytes()
        .position(|b| b.is_ascii_whitespace())
        .map_or(text.len(), |n| i + n)
}

fn fold_with(mut out: Folder, text: &str) -> Folder {
    let mut pos = 0;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // ASCII first, a byte at a time: most of a news text is. `&` may open
        // an HTML entity, decoded below.
        if !bytes[pos].is_ascii_alphanumeric() && bytes[pos].is_ascii() && bytes[pos] != b'&' {
            out.end_token();
            pos += 1;
            continue;
        }
        let ascii_len = bytes[pos..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        if ascii_len > 0 && bytes.get(pos + ascii_len).is_none_or(u8::is_ascii) {
            out.push_ascii_word(&bytes[pos..pos + ascii_len], pos);
            pos += ascii_len;
            continue;
        }
        let rest = &text[pos..];
        let word_len = ascii_len
            + rest[ascii_len..]
                .find(|c: char| !is_word_char(c))
                .unwrap_or(rest.len() - ascii_len);
        if word_len == 0 {
            if let Some((decoded, len)) = html_entity(rest) {
                // Scraped text: `Cor&eacute;e` is Corée, `Vladimir&nbsp;Putin` two words.
                match decoded {
                    Decoded::Letters(letters) => out.push_letters(letters, pos, pos + len),
                    Decoded::Char(c) if is_word_char(c) => out.fold_char(c, pos, pos + len, false),
                    Decoded::Char(_) => out.end_token(),
                }
                pos += len;
                continue;
            }
            // A separator: ends the current token, if any.
            let c = rest.chars().next().unwrap_or(' ');
            out.end_token();
            pos += c.len_utf8();
            continue;
        }
        out.fold_word(&rest[..word_len], pos);
        pos += word_len;
    }
    out.end_token();
    out
}

/// The folded tokens of `text` joined by single spaces (`"Kim Jong-un"` →
/// `"kim jong un"`): the key under which two names count as the same.
pub fn fold_key(text: &str) -> String {
    let folded = fold(text);
    let mut key = String::with_capacity(folded.text.len());
    for token in folded.text.split(' ').filter(|t| !t.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(token);
    }
    key
}

/// The padded folded form of a name (`" kim  jong  un "`), as it appears in a
/// folded text where the name occurs as whole tokens. Empty when the name has
/// no letter or digit.
pub fn padded_key(name: &str) -> String {
    fold(name).text
}

/// What an HTML entity stands for, as far as folding cares.
enum Decoded {
    /// A character (from a numeric entity or a named punctuation/space).
    Char(char),
    /// The folded letters of a named letter entity (`&eacute;` → `e`).
    Letters(&'static str),
}

/// The HTML entity at the start of `text` (`&nbsp;`, `&eacute;`, `&#233;`,
/// `&#xE9;`) and its length in bytes. Letter entities fold like the letters they
/// name (accents drop anyway), so only their base letters are needed.
fn html_entity(text: &str) -> Option<(Decoded, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..end];
    let len = end + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return Some((Decoded::Char(char::from_u32(code)?), len));
    }
    if !name.bytes().all(|b| b.is_ascii_alphabetic()) || name.is_empty() {
        return None;
    }
    let punctuation = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
        "amp" => Some('&'),
        "quot" | "ldquo" | "rdquo" | "bdquo" | "laquo" | "raquo" => Some('"'),
        "apos" | "rsquo" | "lsquo" | "sbquo" => Some('\''),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "ndash" | "mdash" | "hellip" | "shy" | "zwj" | "zwnj" | "lrm" | "rlm" => Some(' '),
        _ => None,
    };
    if let Some(c) = punctuation {
        return Some((Decoded::Char(c), len));
    }
    let letters = match name.to_ascii_lowercase().as_str() {
        "szlig" => "ss",
        "aelig" => "ae",
        "oelig" => "oe",
        "eth" => "d",
        "thorn" => "th",
        lower => {
            let base = lower.get(..1)?;
            let accent = &lower[1..];
            if !matches!(
                accent,
                "acute" | "grave" | "circ" | "uml" | "cedil" | "tilde" | "ring" | "slash" | "caron"
            ) {
                return None;
            }
            // One static string per base letter.
            const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
            let at = LETTERS.find(base)?;
            &LETTERS[at..at + 1]
        }
    };
    Some((Decoded::Letters(letters), len))
}

/// Folds one word as [`fold`] folds it, appending the folded letters and
/// digits to `out` (lower case, accents dropped, other Latin letters in ASCII:
/// `Łódź` → `lodz`, `Straße` → `strasse`, look-alike Cyrillic or Greek letters
/// in a Latin word as Latin letters). What [`fold`] would split the word at
/// (an apostrophe, a hyphen) is dropped, so `aujourd’hui` gives `aujourdhui`.
/// The one letter fold every stage uses.
pub(crate) fn fold_word(word: &str, out: &mut String) {
    if word.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        return;
    }
    let folder = fold_with(Folder::tokens_only(), word);
    for (range, _) in &folder.tokens {
        out.push_str(&folder.text[range.start as usize..range.end as usize]);
    }
}

/// True for characters that belong to a word: letters, digits, combining marks
/// and invisible format characters (which join, not split, a word). The one
/// definition of a word character every stage uses.
pub(crate) fn is_word_char(c: char) -> bool {
    // Below U+0250 (ASCII, Latin-1, Latin Extended) from a table built once:
    // the Unicode look-ups were a twentieth of tagging French text.
    static LOW: std::sync::OnceLock<[bool; 0x250]> = std::sync::OnceLock::new();
    if u32::from(c) >= 0x250 {
        // General Punctuation (curly quotes, dashes, spaces) holds no letter,
        // digit or mark: only its invisible characters join a word.
        if is_general_punctuation(c) {
            return is_invisible(c);
        }
        return is_word_char_by_unicode(c);
    }
    LOW.get_or_init(|| {
        let mut low = [false; 0x250];
        for (u, slot) in low.iter_mut().enumerate() {
            *slot = char::from_u32(u as u32).is_some_and(is_word_char_by_unicode);
        }
        low
    })[c as usize]
}

/// U+2000–U+206F: spaces, dashes, quotes, bullets; no letter, digit or
/// mark, so word tests decide it without the Unicode tables.
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

fn is_word_char_by_unicode(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c)
}

/// Format characters that only affect display: dropped without splitting a word.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Latin letters outside ASCII, which `deunicode` spells in ASCII.
fn is_latin_extended(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' | '\u{0250}'..='\u{02AF}')
}

/// A Latin letter, or a character whose compatibility decomposition holds one
/// (`º` is `o`): judged on the decomposition so that folding stays idempotent.
fn is_latin_letter(c: char) -> bool {
    let latin = |d: char| d.is_ascii_alphabetic() || (is_latin_extended(d) && d.is_alphabetic());
    latin(c) || (!c.is_ascii() && std::iter::once(c).nfkd().any(latin))
}

/// The Latin letter a Cyrillic or Greek letter looks like, used only inside a
/// word that also has Latin letters (a scraped "Сosmodrome" with a Cyrillic С).
fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'а' | 'Α' | 'α' => 'a',
        'В' | 'Β' | 'в' => 'b',
        'С' | 'с' | 'Ϲ' | 'ϲ' => 'c',
        'Ԁ' | 'ԁ' => 'd',
        'Е' | 'е' | 'Ε' | 'ε' | 'Ѐ' | 'ѐ' => 'e',
        'Һ' | 'һ' | 'Н' | 'Η' | 'н' => 'h',
        'І' | 'і' | 'Ι' | 'ι' | 'Ӏ' => 'i',
        'Ј' | 'ј' => 'j',
        'К' | 'Κ' | 'к' | 'κ' => 'k',
        'М' | 'Μ' | 'м' => 'm',
        'Ν' => 'n',
        'О' | 'о' | 'Ο' | 'ο' | 'σ' => 'o',
        'Р' | 'р' | 'Ρ' | 'ρ' => 'p',
        'Ԛ' | 'ԛ' => 'q',
        'Ѕ' | 'ѕ' => 's',
        'Т' | 'Τ' | 'т' | 'τ' => 't',
        'υ' | 'ν' => 'v',
        'Ԝ' | 'ԝ' => 'w',
        'Х' | 'х' | 'Χ' | 'χ' => 'x',
        'У' | 'у' | 'Υ' | 'Ү' | 'ү' | 'γ' => 'y',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// Accumulates the folded text and its offset map.
struct Folder {
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    in_token: bool,
    /// Index in `text` where the last emitted original character's bytes begin.
    last_char_out: usize,
    /// False: no byte map, only `tokens` (see [`for_each_token`]).
    map: bool,
    tokens: Vec<(std::ops::Range<u32>, Span)>,
    /// The current token's first byte in `text` and its original span so far.
    token_at: usize,
    token_span: Span,
}

impl Folder {
    fn with_capacity(n: usize) -> Folder {
        let n = n + n / 4 + 2;
        Folder {
            text: String::with_capacity(n),
            starts: Vec::with_capacity(n),
            ends: Vec::with_capacity(n),
            in_token: false,
            last_char_out: 0,
            map: true,
            tokens: Vec::new(),
            token_at: 0,
            token_span: Span::default(),
        }
    }

    /// A folder without the byte map, for one word at a time (see
    /// [`for_each_token`]): its buffers grow to the longest word and are reused.
    fn tokens_only() -> Folder {
        Folder {
            text: String::new(),
            starts: Vec::new(),
            ends: Vec::new(),
            in_token: false,
            last_char_out: 0,
            map: false,
            tokens: Vec::new(),
            token_at: 0,
            token_span: Span::default(),
        }
    }

    /// Empties a tokens-only folder for the next piece of text.
    fn clear(&mut self) {
        self.text.clear();
        self.tokens.clear();
        self.in_token = false;
        self.last_char_out = 0;
        self.token_at = 0;
        self.token_span = Span::default();
    }

    /// Opens a token at the current end of `text` for the original character at `start`.
    fn open_token(&mut self, start: usize) {
        self.push_raw(' ', start, start);
        self.in_token = true;
        self.token_at = self.text.len();
        self.token_span = Span::new(start, start);
    }

    fn push_raw(&mut self, c: char, start: usize, end: usize) {
        self.text.push(c);
        if self.map {
            for _ in 0..c.len_utf8() {
                self.starts.push(start as u32);
                self.ends.push(end as u32);
            }
        }
    }

    /// Emits one folded letter or digit of the original character at `start..end`.
    fn push_alnum(&mut self, c: char, start: usize, end: usize) {
        if !self.in_token {
            self.open_token(start);
        }
        self.push_raw(c, start, end);
        self.token_span.end = end;
    }

    fn end_token(&mut self) {
        if self.in_token {
            self.latin_lookalikes_in_token();
            if !self.map {
                let range = self.token_at as u32..self.text.len() as u32;
                self.tokens.push((range, self.token_span));
            }
            let at = if self.map {
                self.ends.last().copied().unwrap_or(0) as usize
            } else {
                self.token_span.end
            };
            self.push_raw(' ', at, at);
            self.in_token = false;
        }
    }

    /// A token joined across an HTML entity (`Cor&#917;e`) or made of several
    /// words' pieces is judged again as a whole: if it has a Latin letter,
    /// its Cyrillic and Greek look-alikes become Latin letters, as they would
    /// when the folded text is folded again (folding stays idempotent).
    fn latin_lookalikes_in_token(&mut self) {
        let token = &self.text[self.token_at..];
        if token.is_ascii()
            || !token.bytes().any(|b| b.is_ascii_alphabetic())
            || !token.chars().any(|c| latin_lookalike(c).is_some())
        {
            return;
        }
        let old: Vec<(usize, char)> = token
            .char_indices()
            .map(|(i, c)| (self.token_at + i, c))
            .collect();
        let (starts, ends) = if self.map {
            (
                self.starts.split_off(self.token_at),
                self.ends.split_off(self.token_at),
            )
        } else {
            (Vec::new(), Vec::new())
        };
        self.text.truncate(self.token_at);
        for (at, c) in old {
            let c = latin_lookalike(c).unwrap_or(c);
            self.text.push(c);
            if self.map {
                let k = at - self.token_at;
                for _ in 0..c.len_utf8() {
                    self.starts.push(starts[k]);
                    self.ends.push(ends[k]);
                }
            }
        }
        self.last_char_out = self.last_char_out.min(self.text.len());
    }

    /// Extends the last emitted character over a dropped mark or invisible char.
    fn extend_last(&mut self, end: usize) {
        if self.in_token {
            if self.last_char_out < self.text.len() {
                self.token_span.end = end;
            }
            if self.map {
                for e in &mut self.ends[self.last_char_out..] {
                    *e = end as u32;
                }
            }
        }
    }

    /// Emits a word of ASCII letters and digits, lower-cased, as `fold_word`
    /// would one byte at a time.
    fn push_ascii_word(&mut self, word: &[u8], offset: usize) {
        if !self.in_token {
            self.open_token(offset);
        }
        let at = self.text.len();
        self.text
            .push_str(std::str::from_utf8(word).unwrap_or_default());
        self.text.as_mut_str()[at..].make_ascii_lowercase();
        if self.map {
            self.starts
                .extend((offset..offset + word.len()).map(|i| i as u32));
            self.ends
                .extend((offset + 1..=offset + word.len()).map(|i| i as u32));
        }
        self.token_span.end = offset + word.len();
        self.last_char_out = self.text.len() - 1;
    }

    fn fold_word(&mut self, word: &str, offset: usize) {
        if word.is_ascii() {
            for (i, b) in word.bytes().enumerate() {
                self.last_char_out = self.text.len() + usize::from(!self.in_token);
                self.push_alnum(b.to_ascii_lowercase() as char, offset + i, offset + i + 1);
            }
            return;
        }
        let latin_word = word.chars().any(is_latin_letter);
        for (i, c) in word.char_indices() {
            let (start, end) = (offset + i, offset + i + c.len_utf8());
            if c.is_ascii() {
                // What `fold_char` makes of an ASCII letter or digit, without
                // its decompositions (a word holds no other ASCII).
                self.mark_char_start();
                self.push_alnum(c.to_ascii_lowercase(), start, end);
                continue;
            }
            if is_invisible(c) || is_combining_mark(c) {
                self.extend_last(end);
                continue;
            }
            let before = self.text.len();
            self.fold_char(c, start, end, latin_word);
            if self.text.len() == before {
                self.extend_last(end);
            }
        }
    }

    fn mark_char_start(&mut self) {
        self.last_char_out = self.text.len() + usize::from(!self.in_token);
    }

    /// Folds one non-ASCII character: compatibility decomposition, lower case,
    /// marks dropped, Latin letters spelled in ASCII, anything else that is not
    /// a letter or digit turned into a token boundary.
    /// In a word with Latin letters, Cyrillic and Greek look-alikes become the
    /// Latin letter, judged after decomposition and lower-casing (`Ἐ` is `ε`,
    /// which looks like `e`) so that folding stays idempotent.
    fn fold_char(&mut self, c: char, start: usize, end: usize, latin_word: bool) {
        self.mark_char_start();
        // A separator inside one character's decomposition (`½` is `1⁄2`, `℅`
        // is `c/o`) ends the token only at its edges, so that one character
        // never becomes two tokens with the same original span.
        let mut alnum_seen = false;
        let mut pending_break = false;
        let mut emit = |out: Option<char>| match out {
            Some(x) => {
                if pending_break && !alnum_seen {
                    self.end_token();
                }
                pending_break = false;
                alnum_seen = true;
                self.push_alnum(x, start, end);
            }
            None => pending_break = true,
        };
        match latin_folds(c) {
            Some(outs) => outs.iter().copied().for_each(&mut emit),
            None => fold_char_with(c, latin_word, &mut emit),
        }
        if pending_break {
            self.end_token();
        }
    }

    /// Emits already-folded ASCII letters that all come from `start..end`.
    fn push_letters(&mut self, letters: &str, start: usize, end: usize) {
        self.mark_char_start();
        for c in letters.chars() {
            self.push_alnum(c, start, end);
        }
    }
}

/// What folding one non-ASCII character gives, in order: `Some(letter or
/// digit)` to append to the token, `None` for a token boundary. See
/// [`Folder::fold_char`] for the steps.
fn fold_char_with(c: char, latin_word: bool, emit: &mut impl FnMut(Option<char>)) {
    for d in std::iter::once(c).nfkd() {
        for l in d.to_lowercase() {
            for m in std::iter::once(l).nfkd() {
                if is_combining_mark(m) || is_invisible(m) {
                    continue;
                }
                if let Some(latin) = latin_word.then(|| latin_lookalike(m)).flatten() {
                    emit(Some(latin));
                } else if m.is_ascii_alphanumeric() {
                    emit(Some(m.to_ascii_lowercase()));
                } else if is_latin_extended(m) && m.is_alphanumeric() {
                    // Spelled in ASCII by deunicode.
                    for a in deunicode::deunicode_char(m).unwrap_or("").chars() {
                        emit(a.is_ascii_alphanumeric().then(|| a.to_ascii_lowercase()));
                    }
                } else if m.is_alphanumeric() {
                    emit(Some(m));
                } else {
                    emit(None);
                }
            }
        }
    }
}

/// The characters whose folds are computed once and kept: Latin-1 and the
/// Latin Extended blocks, the accented letters of French text.
const LATIN_FOLDS: std::ops::Range<u32> = 0x80..0x250;

/// [`fold_char_with`]'s output for a character of [`LATIN_FOLDS`], from a table
/// built on first use.
fn latin_folds(c: char) -> Option<&'static [Option<char>]> {
    static TABLE: std::sync::OnceLock<Vec<Vec<Option<char>>>> = std::sync::OnceLock::new();
    if !LATIN_FOLDS.contains(&u32::from(c)) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        LATIN_FOLDS
            .map(|u| {
                let mut outs = Vec::new();
                if let Some(c) = char::from_u32(u) {
                    // No character of the table decomposes into a Cyrillic or Greek one.
                    fold_char_with(c, false, &mut |out| outs.push(out));
                }
                outs
            })
            .collect()
    });
    Some(&table[(u32::from(c) - LATIN_FOLDS.start) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_the_differences_the_module_doc_lists() {
        let cases = [
            ("Kim Jong-un", "kim jong un"),
            ("KIM JONG UN", "kim jong un"),
            ("Sergueï Choïgou", "serguei choigou"),
            ("Serguei\u{0308} Cho\u{0308}i", "serguei choi"),
            ("l’Ukraine", "l ukraine"),
            ("d'Ukraine", "d ukraine"),
            ("Corée\u{a0}du\u{202f}Nord", "coree du nord"),
            ("Pou\u{ad}tine", "poutine"),
            ("\u{feff}Moscou", "moscou"),
            ("Vostochny Сosmodrome", "vostochny cosmodrome"),
            ("Путин", "путин"),
            ("Straße", "strasse"),
            ("ﬁnal", "final"),
            ("« C’est »", "c est"),
            ("U.S.", "u s"),
            ("122 mm", "122 mm"),
            ("Łódź", "lodz"),
            ("— obus —", "obus"),
            ("Cor&eacute;e&nbsp;du Nord", "coree du nord"),
            ("Vladimir&#160;Putin &amp; &#x4B;im", "vladimir putin kim"),
            ("AT&T; R&D &unknown; &", "at t r d unknown"),
        ];
        for (input, want) in cases {
            assert_eq!(fold_key(input), want, "fold of {input:?}");
        }
    }

    #[test]
    fn one_word_folds_as_its_tokens_joined() {
        for word in [
            "Choïgou",
            "Straße",
            "Łódź",
            "POUTINE",
            "Сosmodrome",
            "aujourd’hui",
            "1ᵉʳ",
            "x",
        ] {
            let mut got = String::new();
            fold_word(word, &mut got);
            let want: String = fold(word).tokens().map(|(t, _)| t).collect();
            assert_eq!(got, want, "{word:?}");
        }
    }

    /// `fold` as it was before its ASCII fast path: every word through `fold_word`.
    fn fold_by_words(text: &str) -> Folded {
        let mut out = Folder::with_capacity(text.len());
        let mut pos = 0;
        while pos < text.len() {
            let rest = &text[pos..];
            let word_len = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
            if word_len == 0 {
                out.end_token();
                pos += rest.chars().next().map_or(1, char::len_utf8);
                continue;
            }
            out.fold_word(&rest[..word_len], pos);
            pos += word_len;
        }
        out.end_token();
        Folded {
            text: out.text,
            starts: out.starts,
            ends: out.ends,
        }
    }

    #[test]
    fn the_ascii_fast_path_folds_as_the_general_one() {
        let pieces = [
            "a",
            "Z",
            "9",
            " ",
            ".",
            "-",
            "’",
            "é",
            "E\u{301}",
            "\u{301}",
            "\u{ad}",
            "\u{200b}",
            "С",
            "о",
            "ß",
            "ﬁ",
            "Ω",
            "\u{a0}",
            "Ł",
            "ǅ",
            "İ",
            "«",
            "\n",
            "Kim",
            "Jong-un",
            "l’Ukraine",
            "U.S.",
            "&",
            "&eacute;",
            "&#917;",
            "\t",
            "AT&T",
            "“",
            "\u{2060}",
            "½",
            "ª",
            "Œ",
            "\u{ad}",
            "ŉ",
        ];
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..12 {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                text.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            let (fast, slow) = (fold(&text), fold_by_words(&text));
            let want: Vec<(String, Span)> = fast
                .tokens()
                .map(|(t, span)| (t.to_string(), span))
                .collect();
            let mut got: Vec<(String, Span)> = Vec::new();
            for_each_token(&text, |token, span| got.push((token.to_string(), span)));
            assert_eq!(got, want, "{text:?}");
            if !text.contains('&') {
                // `fold_by_words` knows no HTML entities.
                assert_eq!(
                    (fast.text, fast.starts, fast.ends),
                    (slow.text, slow.starts, slow.ends),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn kept_latin_folds_are_the_computed_ones() {
        for u in LATIN_FOLDS {
            let Some(c) = char::from_u32(u) else { continue };
            let mut direct = Vec::new();
            fold_char_with(c, false, &mut |out| direct.push(out));
            assert_eq!(latin_folds(c), Some(direct.as_slice()), "{c:?}");
        }
        assert_eq!(latin_folds('a'), None);
        for u in (0..0x300).chain(0x2000..0x2070) {
            let Some(c) = char::from_u32(u) else { continue };
            assert_eq!(is_word_char(c), is_word_char_by_unicode(c), "{c:?}");
        }
        assert_eq!(latin_folds('С'), None);
    }

    /// Found by `cargo fuzz run normalize`: `½` folded to the tokens `1` and
    /// `2` with the same original span, so token spans overlapped.
    #[test]
    fn regression_fraction_folded_into_two_overlapping_tokens() {
        for (text, want) in [
            ("½", "12"),
            ("1½ an", "112 an"),
            ("⅓ Kim", "13 kim"),
            ("a⑴b", "a 1 b"),
        ] {
            assert_eq!(fold_key(text), want, "fold of {text:?}");
            let spans: Vec<Span> = fold(text).tokens().map(|(_, s)| s).collect();
            assert!(
                spans.windows(2).all(|w| w[0].end <= w[1].start),
                "{text:?}: {spans:?}"
            );
        }
    }

    /// Found by `cargo fuzz run normalize`: a Greek letter decoded from an
    /// HTML entity inside a Latin word (`Cor&#917;e` → `corεe`, then `coree`).
    #[test]
    fn regression_lookalike_across_html_entity_not_idempotent() {
        for (text, want) in [
            ("ᾈi", "ai"),
            ("Σa", "oa"),
            ("Cor&#917;e", "coree"),
            ("Σ&eacute;", "oe"),
            ("Путин", "путин"),
        ] {
            assert_eq!(fold_key(text), want, "fold of {text:?}");
            let once = fold(text);
            assert_eq!(fold(once.as_str()).as_str(), once.as_str(), "{text:?}");
        }
        let text = "Cor&#917;e";
        let folded = fold(text);
        let tokens: Vec<(&str, &str)> = folded.tokens().map(|(t, s)| (t, s.of(text))).collect();
        assert_eq!(tokens, [("coree", text)]);
    }

    #[test]
    fn padded_form_wraps_every_token() {
        assert_eq!(padded_key("Kim Jong-un"), " kim  jong  un ");
        assert_eq!(padded_key("..."), "");
    }

    #[test]
    fn spans_point_at_original_bytes() {
        let text = "Selon l’Ukraine, Sergue\u{0308}i\u{ad} Сhoïgou.";
        let folded = fold(text);
        let tokens: Vec<(&str, &str)> = folded.tokens().map(|(t, s)| (t, s.of(text))).collect();
        assert_eq!(
            tokens,
            vec![
                ("selon", "Selon"),
                ("l", "l"),
                ("ukraine", "Ukraine"),
                ("serguei", "Sergue\u{0308}i\u{ad}"),
                ("choigou", "Сhoïgou"),
            ]
        );
    }

    #[test]
    fn folding_is_idempotent_on_awkward_characters() {
        for text in [
            "Ἐº",
            "𐞇ὐ",
            "&eacute;",
            "&#769;",
            "&#x0;",
            "ꞏ",
            "Һº",
            "İstanbul",
            "⁗",
            "ǅ",
            "ﬀ",
            "Ⅻ",
            "㎏",
            "ŉ",
            "ẞ",
            "ᾈ",
        ] {
            let once = fold(text);
            let twice = fold(once.as_str());
            assert_eq!(once.as_str(), twice.as_str(), "{text:?}");
        }
    }
}
