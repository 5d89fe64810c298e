//! Sentence ends inside a block (rules 1, 5, 6 and 7): a run of terminal
//! punctuation ends a sentence when whitespace and a sentence start follow,
//! unless it is the dot of an abbreviation, an initial or a list number.

use std::sync::OnceLock;

use super::abbreviations::{
    Abbrev, Abbreviations, is_dotted_acronym, is_enumerator, is_initial, token_before,
};
use super::chars::{
    char_at, char_before, is_closer, is_inline_space, is_open_bracket, is_open_quote, is_space,
    is_spaced_closer, is_terminal, is_upper_like, skip_spaces,
};
use super::citations::citation_end;
use super::lines::{Block, ends_with_final_punct};
use super::openers::Openers;
use super::quotations::suppress_quoted;
use super::{Statement, StatementKind};
use crate::span::{Lang, Span};

/// The punctuation cluster that may end a sentence: terminals with the
/// closing quotes, brackets and citation marks glued to them.
#[derive(Clone, Copy, Debug)]
struct Cluster {
    /// First byte after the cluster, where a next statement would start.
    end: usize,
    /// The cluster is one bare `.`, the only case an abbreviation can explain.
    single_dot: bool,
    /// The cluster is `.` or `.)`, as after a list number (`1.)`).
    enumerator_dot: bool,
    /// The cluster's last part is a citation mark, after which a capital may
    /// follow without a space (rule 7).
    ends_with_citation: bool,
}

/// Reads the cluster that starts with the terminal at byte `start`.
fn scan_cluster(s: &str, start: usize) -> Cluster {
    let mut j = start;
    let mut dots = 0;
    let mut other = false;
    let mut citation = false;
    while let Some(c) = char_at(s, j) {
        if is_terminal(c) {
            if c == '.' {
                dots += 1;
            } else {
                other = true;
            }
            citation = false;
            j += c.len_utf8();
        } else if is_closer(c) {
            other = true;
            citation = false;
            j += c.len_utf8();
        } else if let Some(end) = (c == '[').then(|| citation_end(s, j)).flatten() {
            other = true;
            citation = true;
            j = end;
        } else if let Some(end) = spaced_closer_end(s, j) {
            other = true;
            citation = false;
            j = end;
        } else {
            break;
        }
    }
    let single_dot = dots == 1 && !other;
    let enumerator_dot = single_dot || s.get(start..j) == Some(".)");
    Cluster {
        end: j,
        single_dot,
        enumerator_dot,
        ends_with_citation: citation,
    }
}

/// End of a French spaced closing guillemet (one or two spaces, then `»`)
/// starting at byte `i`.
fn spaced_closer_end(s: &str, i: usize) -> Option<usize> {
    let mut j = i;
    for _ in 0..2 {
        let c = char_at(s, j).filter(|&c| is_inline_space(c))?;
        j += c.len_utf8();
        if let Some(q) = char_at(s, j).filter(|&q| is_spaced_closer(q)) {
            return Some(j + q.len_utf8());
        }
    }
    None
}

/// True when the text at byte `k` (after whitespace) can start a sentence.
fn starts_sentence(s: &str, k: usize) -> bool {
    let Some(c) = char_at(s, k) else { return true };
    if is_upper_like(c) || c.is_numeric() || is_open_quote(c) {
        return true;
    }
    is_open_bracket(c)
        && char_at(s, k + c.len_utf8())
            .is_some_and(|n| is_upper_like(n) || n.is_numeric() || is_open_quote(n))
}

/// The tables of one language, read from its data files once.
#[derive(Debug)]
pub(super) struct Rules {
    /// Abbreviations, whose dot may not end a sentence.
    abbreviations: Abbreviations,
    /// Words that commonly open a sentence.
    openers: Openers,
}

impl Rules {
    /// The rules of `lang`, built on first use.
    pub(super) fn of(lang: Lang) -> &'static Rules {
        static EN: OnceLock<Rules> = OnceLock::new();
        static FR: OnceLock<Rules> = OnceLock::new();
        let cell = match lang {
            Lang::En => &EN,
            Lang::Fr => &FR,
        };
        cell.get_or_init(|| Rules {
            abbreviations: Abbreviations::of(lang),
            openers: Openers::of(lang),
        })
    }

    /// Cuts one block into statements, appended to `out`.
    pub(super) fn segment_block(&self, text: &str, block: Block, out: &mut Vec<Statement>) {
        let Some(s) = text.get(block.start..block.end) else {
            return;
        };
        let boundaries = suppress_quoted(s, self.find_boundaries(s));
        let first = out.len();
        let mut from = 0;
        for to in boundaries.into_iter().chain(std::iter::once(s.len())) {
            if let Some(span) = trimmed(s, from, to) {
                let kind = if block.bullet {
                    StatementKind::Bullet
                } else {
                    StatementKind::Sentence
                };
                let span = Span::new(block.start + span.start, block.start + span.end);
                out.push(Statement { span, kind });
            }
            from = to;
        }
        if !block.bullet
            && out.len() > first
            && !ends_with_final_punct(s)
            && let Some(last) = out.last_mut()
        {
            last.kind = StatementKind::Heading;
        }
    }

    /// Byte offsets (ascending, inside `s`) where a sentence ends, before the
    /// quotation rule is applied.
    fn find_boundaries(&self, s: &str) -> Vec<usize> {
        let mut boundaries = Vec::new();
        let mut has_content = false;
        let mut i = 0;
        while let Some(c) = char_at(s, i) {
            if is_terminal(c) {
                let cluster = scan_cluster(s, i);
                if has_content && self.ends_sentence(s, i, cluster) {
                    boundaries.push(cluster.end);
                    has_content = false;
                } else {
                    has_content = true;
                }
                i = cluster.end;
                continue;
            }
            has_content |= !is_space(c);
            i += c.len_utf8();
        }
        boundaries
    }

    /// True when the cluster starting at byte `start` ends a sentence (rules
    /// 1, 5, 6 and 7).
    fn ends_sentence(&self, s: &str, start: usize, cluster: Cluster) -> bool {
        if char_before(s, start).is_some_and(|p| matches!(p, '(' | '[')) {
            return false; // an elision mark: "[...]", "(…)"
        }
        match char_at(s, cluster.end) {
            None => true,
            Some(c) if is_space(c) => {
                let next = skip_spaces(s, cluster.end);
                if next >= s.len() {
                    return true;
                }
                starts_sentence(s, next) && !self.dot_continues(s, start, cluster, next)
            }
            Some(c) => cluster.ends_with_citation && is_upper_like(c),
        }
    }

    /// True when the cluster at byte `dot` is the dot of an abbreviation, an
    /// initial or a list number and the sentence goes on at byte `next`.
    fn dot_continues(&self, s: &str, dot: usize, cluster: Cluster, next: usize) -> bool {
        if !cluster.enumerator_dot {
            return false;
        }
        let Some((token_start, token)) = token_before(s, dot) else {
            return false;
        };
        if token.is_empty() {
            return false;
        }
        if token_start == 0 && is_enumerator(token) {
            return true;
        }
        if !cluster.single_dot {
            return false;
        }
        match self.abbreviations.get(token) {
            Some(Abbrev::Prefix) => true,
            Some(Abbrev::Suffix) => !self.openers.opens_sentence_at(s, next),
            None if is_initial(token) || is_dotted_acronym(token) => {
                !self.openers.opens_sentence_at(s, next)
            }
            None => false,
        }
    }
}

/// The span `from..to` of `s` without its surrounding whitespace, or `None`
/// when nothing is left.
fn trimmed(s: &str, from: usize, to: usize) -> Option<Span> {
    let piece = s.get(from..to)?;
    let start_trimmed = piece.trim_start_matches(is_space);
    let start = from + (piece.len() - start_trimmed.len());
    let end = start + start_trimmed.trim_end_matches(is_space).len();
    (end > start).then(|| Span::new(start, end))
}
