//! The [`Folder`]: builds the folded text one original character at a time,
//! with its map back to the original bytes or, for the tagger, only its tokens.

use unicode_normalization::char::is_combining_mark;

use super::chars::{
    fold_char_with, is_invisible, is_latin_letter, is_word_char, latin_folds, latin_lookalike,
};
use super::entities::{Decoded, html_entity};
use crate::span::Span;

/// Accumulates the folded text and its offset map.
pub(super) struct Folder {
    pub(super) text: String,
    pub(super) starts: Vec<u32>,
    pub(super) ends: Vec<u32>,
    in_token: bool,
    /// Index in `text` where the last emitted original character's bytes begin.
    last_char_out: usize,
    /// False: no byte map, only `tokens` (see [`for_each_token`](super::for_each_token)).
    map: bool,
    pub(super) tokens: Vec<(std::ops::Range<u32>, Span)>,
    /// The current token's first byte in `text` and its original span so far.
    token_at: usize,
    token_span: Span,
}

impl Folder {
    pub(super) fn with_capacity(n: usize) -> Folder {
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
    /// [`for_each_token`](super::for_each_token)): its buffers grow to the longest word and are reused.
    pub(super) fn tokens_only() -> Folder {
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
    pub(super) fn clear(&mut self) {
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

    pub(super) fn end_token(&mut self) {
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

    pub(super) fn fold_word(&mut self, word: &str, offset: usize) {
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

/// Folds `text` into `out`: ASCII a byte at a time, HTML entities decoded,
/// other words through [`Folder::fold_word`].
pub(super) fn fold_with(mut out: Folder, text: &str) -> Folder {
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
