//! Leftmost-longest search of a text's tokens in the [`TokenTrie`]: at each
//! token, the longest name that starts there wins ("Corée du Nord" over
//! "Corée"), and the search goes on after it; the same matches as an
//! Aho-Corasick automaton in leftmost-longest mode over the padded names.

use super::trie::{NO_PATTERN, Token, TokenTrie};
use crate::span::Span;

/// Leftmost-longest search over a text's tokens, fed one token at a time so
/// that the text is never held as a whole: only the tokens of the current
/// attempt are kept (a failed attempt starts again at its second token).
pub(super) struct Walk<'a> {
    trie: &'a TokenTrie,
    /// The current attempt's tokens.
    pending: Vec<Pending>,
    /// How many of them the attempt has walked, and the node it is at.
    walked: usize,
    node: u32,
    /// The longest name found so far.
    best: Option<Longest>,
}

/// A token of the current attempt.
#[derive(Clone, Copy, Debug)]
struct Pending {
    /// `None`: in no name.
    token: Option<Token>,
    /// Where it is in the original text.
    span: Span,
}

/// The longest name of the current attempt so far.
#[derive(Clone, Copy, Debug)]
struct Longest {
    /// Its last token, in `pending`.
    last: usize,
    pattern: u32,
}

impl<'a> Walk<'a> {
    pub(super) fn new(trie: &'a TokenTrie) -> Walk<'a> {
        Walk {
            trie,
            pending: Vec::new(),
            walked: 0,
            node: 0,
            best: None,
        }
    }

    /// True when no attempt is under way: a token in no name changes nothing.
    #[inline]
    pub(super) fn is_idle(&self) -> bool {
        self.pending.is_empty()
    }

    /// The next token of the text; `found` gets each match (span, pattern) once it is sure.
    #[inline]
    pub(super) fn push(
        &mut self,
        token: Option<Token>,
        span: Span,
        found: &mut impl FnMut(Span, usize),
    ) {
        if self.pending.is_empty() {
            self.start(token, span, found);
            return;
        }
        // An attempt is under way: this token goes on with it, or ends it.
        if let Some(child) = token.and_then(|t| self.trie.child(self.node, t)) {
            self.pending.push(Pending { token, span });
            self.step(child, found);
            return;
        }
        self.settle(found);
        if self.pending.is_empty() {
            self.start(token, span, found);
        } else {
            // The tokens after a failed attempt's first one start again.
            self.pending.push(Pending { token, span });
            self.advance(found);
        }
    }

    /// A token with nothing pending. Most tokens start no name, or only a
    /// one-word name that no longer name goes on from: nothing to keep.
    #[inline]
    fn start(&mut self, token: Option<Token>, span: Span, found: &mut impl FnMut(Span, usize)) {
        let Some(root) = token.map(|t| t.root).filter(|&r| r != 0) else {
            return;
        };
        let node = self.trie.node(root);
        if node.child_mask == 0 {
            if node.pattern != NO_PATTERN {
                found(span, node.pattern as usize);
            }
            return;
        }
        self.pending.push(Pending { token, span });
        self.step(root, found);
    }

    /// The last pending token took the attempt to `child`.
    #[inline]
    fn step(&mut self, child: u32, found: &mut impl FnMut(Span, usize)) {
        let node = self.trie.node(child);
        self.node = child;
        self.walked = self.pending.len();
        if node.pattern != NO_PATTERN {
            self.best = Some(Longest {
                last: self.walked - 1,
                pattern: node.pattern,
            });
        }
        if node.child_mask == 0 {
            // No name goes further: the attempt is over.
            self.settle(found);
            self.advance(found);
        }
    }

    /// Walks the pending tokens as far as the trie goes.
    fn advance(&mut self, found: &mut impl FnMut(Span, usize)) {
        while let Some(&Pending { token, .. }) = self.pending.get(self.walked) {
            match token.and_then(|t| self.trie.child(self.node, t)) {
                Some(child) => {
                    self.node = child;
                    let pattern = self.trie.node(child).pattern;
                    if pattern != NO_PATTERN {
                        self.best = Some(Longest {
                            last: self.walked,
                            pattern,
                        });
                    }
                    self.walked += 1;
                }
                None => self.settle(found),
            }
        }
    }

    /// The attempt at the first pending token is over: reports its longest
    /// match, or gives that token up, and starts again after it.
    fn settle(&mut self, found: &mut impl FnMut(Span, usize)) {
        let used = match self.best.take() {
            Some(Longest { last, pattern }) => {
                let span = Span::new(self.pending[0].span.start, self.pending[last].span.end);
                found(span, pattern as usize);
                last + 1
            }
            None => 1,
        };
        if used >= self.pending.len() {
            self.pending.clear();
        } else {
            self.pending.drain(..used);
        }
        self.walked = 0;
        self.node = 0;
    }

    /// The text is over: settles what is still pending.
    pub(super) fn finish(&mut self, found: &mut impl FnMut(Span, usize)) {
        loop {
            self.advance(found);
            if self.pending.is_empty() {
                break;
            }
            self.settle(found);
        }
    }
}
