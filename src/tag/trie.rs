//! The lexicon's names as a trie of folded tokens: a name is a sequence of
//! tokens (`Corée du Nord` is `coree` `du` `nord`), children are found by
//! `(node, token id)`, and a node where a name ends holds its *pattern* (the
//! distinct folded name; several names may share one, see `choice`).
//!
//! Why a trie and not an Aho-Corasick automaton: the tagger first built one
//! (`aho-corasick`, leftmost-longest) over the padded folded names
//! (`" coree  du  nord "`), which finds the same matches, but building it was
//! 70% of loading a lexicon (38 s of 51 s for 1,000,000 names, 3.2 s for
//! 100,000). Names only ever match as whole tokens, so a trie over tokens
//! gives the same leftmost-longest matches (see `walk`) at a fraction of the
//! building cost; the root's children are found from the token itself, and
//! short tokens are looked up as packed integers.

use std::collections::HashMap;

use rustc_hash::FxBuildHasher as FxBuild;

/// No name ends at this trie node.
pub(super) const NO_PATTERN: u32 = u32::MAX;

/// A token of up to 16 bytes as a number: its bytes, zero-padded. Folded
/// tokens are letters and digits, whose UTF-8 never holds a zero byte, so no
/// two tokens share a number.
#[inline]
fn packed(token: &str) -> Option<u128> {
    let bytes = token.as_bytes();
    if bytes.len() <= 8 {
        // Most words: cheaper in 64 bits.
        Some(u128::from(
            bytes
                .iter()
                .rev()
                .fold(0u64, |word, &b| word << 8 | u64::from(b)),
        ))
    } else {
        (bytes.len() <= 16).then(|| {
            bytes
                .iter()
                .rev()
                .fold(0u128, |word, &b| word << 8 | u128::from(b))
        })
    }
}

/// The bit of token `id` in a node's child mask.
#[inline]
fn child_bit(id: u32) -> u64 {
    1 << (id % 64)
}

/// A token of the names: its id, and the node of the names that start with it.
#[derive(Clone, Copy, Debug)]
pub(super) struct Token {
    id: u32,
    /// 0: no name starts with this token.
    pub(super) root: u32,
}

/// A trie node: the pattern that ends there and a summary of its children.
#[derive(Clone, Copy, Debug)]
pub(super) struct Node {
    /// The pattern (distinct folded name) that ends here, or [`NO_PATTERN`].
    pub(super) pattern: u32,
    /// A bit for each child's token id modulo 64: most tokens after a
    /// name's first word continue no name, and this says so without a
    /// look-up in `children`.
    pub(super) child_mask: u64,
}

const EMPTY_NODE: Node = Node {
    pattern: NO_PATTERN,
    child_mask: 0,
};

/// A trie over folded tokens: names are token sequences, children are found
/// by `(node, token id)`. Leftmost-longest search over a folded text gives
/// the matches an Aho-Corasick automaton over the padded names would.
///
/// What the search touches for one token is kept together (the token's id
/// and first node in one value, a node's pattern and children in one
/// record): with many names, the tables outgrow the processor's caches, and
/// each separate look-up is a wait for memory.
#[derive(Clone, Debug, Default)]
pub(super) struct TokenTrie {
    /// Every token of every name: those of up to 16 bytes packed into a
    /// `u128` (nearly all words; found without following a pointer to
    /// compare strings), the longer ones by their text.
    short_tokens: HashMap<u128, Token, FxBuild>,
    long_tokens: HashMap<Box<str>, Token, FxBuild>,
    /// How many tokens there are.
    token_count: u32,
    /// `(node << 32 | token id)` → child node, below the root; node 0 is the root.
    children: HashMap<u64, u32, FxBuild>,
    nodes: Vec<Node>,
    /// How many patterns there are, numbered in order of first insertion.
    patterns: u32,
}

impl TokenTrie {
    /// An empty trie with room for about `names` names.
    pub(super) fn with_capacity(names: usize) -> TokenTrie {
        let mut nodes = Vec::with_capacity(names + 1);
        nodes.push(EMPTY_NODE);
        TokenTrie {
            short_tokens: HashMap::with_capacity_and_hasher(names, FxBuild),
            long_tokens: HashMap::default(),
            token_count: 0,
            children: HashMap::with_capacity_and_hasher(names / 2, FxBuild),
            nodes,
            patterns: 0,
        }
    }

    /// Adds a name given as its tokens; its pattern (the same for every
    /// name of the same tokens), or `None` for a name without tokens.
    pub(super) fn insert<'a>(&mut self, name: impl Iterator<Item = &'a str>) -> Option<u32> {
        if self.nodes.is_empty() {
            self.nodes.push(EMPTY_NODE);
        }
        let mut node = 0u32;
        for token in name {
            let fresh = Token {
                id: self.token_count,
                root: 0,
            };
            let entry = match packed(token) {
                Some(key) => self.short_tokens.entry(key).or_insert(fresh),
                None => {
                    if !self.long_tokens.contains_key(token) {
                        self.long_tokens.insert(token.into(), fresh);
                    }
                    self.long_tokens.get_mut(token).expect("inserted above")
                }
            };
            if entry.id == fresh.id {
                self.token_count += 1;
            }
            let next_node = self.nodes.len() as u32;
            node = if node == 0 {
                if entry.root == 0 {
                    entry.root = next_node;
                }
                entry.root
            } else {
                self.nodes[node as usize].child_mask |= child_bit(entry.id);
                *self
                    .children
                    .entry(u64::from(node) << 32 | u64::from(entry.id))
                    .or_insert(next_node)
            };
            if node == next_node {
                self.nodes.push(EMPTY_NODE);
            }
        }
        if node == 0 {
            return None;
        }
        let node = &mut self.nodes[node as usize];
        if node.pattern == NO_PATTERN {
            node.pattern = self.patterns;
            self.patterns += 1;
        }
        Some(node.pattern)
    }

    /// How many patterns there are: they are numbered `0..patterns()`.
    pub(super) fn patterns(&self) -> u32 {
        self.patterns
    }

    /// True when no name has a token: nothing can match.
    pub(super) fn is_empty(&self) -> bool {
        self.token_count == 0
    }

    /// Node `node`.
    #[inline]
    pub(super) fn node(&self, node: u32) -> Node {
        self.nodes[node as usize]
    }

    /// The token, if some name has it.
    #[inline]
    pub(super) fn token(&self, token: &str) -> Option<Token> {
        match packed(token) {
            Some(key) => self.short_tokens.get(&key).copied(),
            None => self.long_tokens.get(token).copied(),
        }
    }

    /// Gives back the room reserved for growing.
    pub(super) fn shrink(&mut self) {
        self.short_tokens.shrink_to_fit();
        self.long_tokens.shrink_to_fit();
        self.children.shrink_to_fit();
        self.nodes.shrink_to_fit();
    }

    /// The node reached from `node` by `token`, if any name goes on that way.
    #[inline]
    pub(super) fn child(&self, node: u32, token: Token) -> Option<u32> {
        let child = if node == 0 {
            token.root
        } else if self.nodes[node as usize].child_mask & child_bit(token.id) == 0 {
            0
        } else {
            self.children
                .get(&(u64::from(node) << 32 | u64::from(token.id)))
                .copied()
                .unwrap_or(0)
        };
        (child != 0).then_some(child)
    }
}
