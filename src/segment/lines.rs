//! Lines and blocks (rules 2 and 3): every line break ends a statement except
//! a hard-wrapped line's, and a bullet marker opens an item whose deeper
//! indented lines belong to it.

use super::chars::{
    is_bullet_marker, is_closer, is_final_punct, is_inline_space, is_line_break, is_space,
    is_spaced_closer,
};
use super::citations::glued_citation_start;

/// One line of the text, without its terminator.
#[derive(Clone, Copy, Debug)]
pub(super) struct Line {
    /// First byte of the line.
    start: usize,
    /// End of the line's content (its terminator excluded).
    end: usize,
    /// The terminator is a paragraph separator (U+2029 or form feed), which
    /// ends a paragraph like a blank line does.
    pub(super) paragraph_end: bool,
}

/// Iterates over the lines of a text, treating `\r\n` as one break so that
/// Windows files do not look double-spaced.
pub(super) struct Lines<'t> {
    /// The whole text.
    text: &'t str,
    /// Start of the next line; `None` once the last line was returned.
    pos: Option<usize>,
}

impl<'t> Lines<'t> {
    /// Lines of `text`; an empty text has one empty line.
    pub(super) fn new(text: &'t str) -> Lines<'t> {
        Lines { text, pos: Some(0) }
    }
}

impl Iterator for Lines<'_> {
    type Item = Line;

    fn next(&mut self) -> Option<Line> {
        let start = self.pos?;
        let rest = self.text.get(start..)?;
        for (i, c) in rest.char_indices() {
            if is_line_break(c) {
                let end = start + i;
                let mut next = end + c.len_utf8();
                if c == '\r' && self.text.as_bytes().get(next) == Some(&b'\n') {
                    next += 1;
                }
                self.pos = Some(next);
                return Some(Line {
                    start,
                    end,
                    paragraph_end: matches!(c, '\u{2029}' | '\u{0C}'),
                });
            }
        }
        self.pos = None;
        Some(Line {
            start,
            end: self.text.len(),
            paragraph_end: false,
        })
    }
}

/// A run of text segmented on its own: one line, a bullet item's line, or
/// hard-wrapped lines joined by rule 2's lowercase continuation.
#[derive(Clone, Copy, Debug)]
pub(super) struct Block {
    /// First byte (after indentation and bullet marker).
    pub(super) start: usize,
    /// End of the last line's content.
    pub(super) end: usize,
    /// The block belongs to a bullet item.
    pub(super) bullet: bool,
}

/// Groups lines into blocks, remembering the open bullet item so that its
/// deeper-indented lines stay bullets.
#[derive(Default)]
pub(super) struct BlockBuilder {
    /// The block still open for continuation lines.
    current: Option<Block>,
    /// Indentation (in chars) of the open bullet item's marker line.
    bullet_indent: Option<usize>,
}

impl BlockBuilder {
    /// Feeds one line; returns the block that this line closed, if any.
    pub(super) fn push_line(&mut self, text: &str, line: Line) -> Option<Block> {
        let content = text.get(line.start..line.end).unwrap_or("");
        let body = content.trim_start_matches(is_space);
        if body.is_empty() {
            // Blank line: ends the statement and the bullet item.
            self.bullet_indent = None;
            return self.current.take();
        }
        let body_start = line.start + (content.len() - body.len());
        let indent = content[..content.len() - body.len()].chars().count();
        if let Some(item_start) = bullet_content(body) {
            self.bullet_indent = Some(indent);
            let block = Block {
                start: body_start + item_start,
                end: line.end,
                bullet: true,
            };
            return self.current.replace(block);
        }
        if let Some(block) = self.current.as_mut()
            && continues_on(text, *block, body)
        {
            block.end = line.end;
            return None;
        }
        let in_item = matches!(self.bullet_indent, Some(marker) if indent > marker);
        if !in_item {
            self.bullet_indent = None;
        }
        self.current.replace(Block {
            start: body_start,
            end: line.end,
            bullet: in_item,
        })
    }

    /// Ends the paragraph: returns the open block and forgets the bullet item.
    pub(super) fn finish(&mut self) -> Option<Block> {
        self.bullet_indent = None;
        self.current.take()
    }
}

/// If `body` (a line without its indentation) starts with a bullet marker
/// and whitespace, the byte offset of the item's text; a marker glued to a
/// word (`-5 °C`, `*emphasis*`) is text, not a bullet.
fn bullet_content(body: &str) -> Option<usize> {
    let marker = body.chars().next().filter(|&c| is_bullet_marker(c))?;
    let after = &body[marker.len_utf8()..];
    let item = after.trim_start_matches(is_space);
    (item.len() < after.len()).then(|| body.len() - item.len())
}

/// True when the line `next_body` continues the hard-wrapped `block`: the
/// block lacks final punctuation and the line starts in lowercase, which a
/// heading's next paragraph would not.
fn continues_on(text: &str, block: Block, next_body: &str) -> bool {
    let starts_lower = next_body.chars().next().is_some_and(char::is_lowercase);
    starts_lower && !ends_with_final_punct(text.get(block.start..block.end).unwrap_or(""))
}

/// True when `s` ends with final punctuation, possibly followed by closing
/// quotes/brackets, glued citation marks and trailing whitespace (rule 2).
pub(super) fn ends_with_final_punct(s: &str) -> bool {
    let mut t = s.trim_end_matches(is_space);
    loop {
        let Some(c) = t.chars().next_back() else {
            return false;
        };
        if c == ']'
            && let Some(start) = glued_citation_start(t)
        {
            t = &t[..start];
            continue;
        }
        if is_closer(c) {
            t = &t[..t.len() - c.len_utf8()];
            if is_spaced_closer(c) {
                t = t.trim_end_matches(is_inline_space);
            }
            continue;
        }
        return is_final_punct(c);
    }
}
