//! ③ Tagging: every lexicon name in a text, as whole tokens, at original offsets.
//!
//! All names are folded (see [`crate::normalize`]) into token sequences and
//! searched at once, leftmost-longest: "Corée du Nord" wins over "Corée",
//! "Vladimir Putin" is one mention. The search walks a trie over whole folded
//! tokens (the same matches as an Aho-Corasick automaton over the padded forms,
//! `" coree  du  nord "`, but far cheaper to build for millions of names), so
//! a match is always a run of whole tokens. Then two case guards keep names from matching ordinary words:
//!
//! - a name written with a capital needs a capital in the text (`Poutine` is
//!   not the dish `poutine`, `Kim` not `kim`);
//! - an all-caps name of at most four letters needs all caps (`UN` is not the
//!   French article `un`, `US` not `us`).
//!
//! TERM names (general words) match only in texts of their own language:
//! English "met" must not match French "il met". Entity names match in both.
//!
//! When several names fold alike, the choice is deterministic: the name spelled
//! exactly as in the text, then a name of the text's language, then a name
//! from a user lexicon, then load order.
//!
//! Beyond the lexicon, [`crate::variants`] adds transliteration and fuzzy
//! variants of names, unless the tagger is strict.

use std::sync::Arc;

use std::collections::HashMap;

use serde::Serialize;

use crate::lexicon::{EntityType, Entry, Lexicon, Name};
use crate::normalize::{fold, for_each_token};
use crate::span::{Lang, Span};
use crate::variants::{IndexedName, VariantIndex, VariantKind};
use rustc_hash::FxBuildHasher as FxBuild;

/// How a mention was found (contract §2: `match`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchHow {
    /// Spelled exactly as a lexicon name.
    Exact,
    /// Equal to a lexicon name after folding (case, accents, punctuation, look-alikes).
    Folded,
    /// A transliteration variant of a lexicon name.
    Translit,
    /// A close spelling of a long lexicon name.
    Fuzzy,
}

impl MatchHow {
    /// The contract's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            MatchHow::Exact => "exact",
            MatchHow::Folded => "folded",
            MatchHow::Translit => "translit",
            MatchHow::Fuzzy => "fuzzy",
        }
    }
}

/// One entity (or TERM) mention in a text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mention {
    /// Where, in the original text's bytes.
    pub span: Span,
    /// The entry, an index into [`Lexicon::entries`].
    pub entry: usize,
    /// The lexicon name matched, an index into [`Lexicon::names`].
    pub name: usize,
    /// How it matched.
    pub how: MatchHow,
    /// 1.0 for lexicon names; below for variants.
    pub confidence: f32,
}

/// Options for building a [`Tagger`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TagOptions {
    /// Also find transliteration and fuzzy variants of names (off with `--strict`).
    pub variants: bool,
}

impl Default for TagOptions {
    fn default() -> Self {
        TagOptions { variants: true }
    }
}

/// The case a text must show for a name to match there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CaseRule {
    Any,
    /// At least one capital letter (the name has one).
    Capital,
    /// Every letter a capital (a short acronym).
    AllCaps,
}

impl CaseRule {
    fn of(name: &str) -> CaseRule {
        let letters = name.chars().filter(|c| c.is_alphabetic());
        let (n, upper) = letters.fold((0, 0), |(n, u), c| {
            (n + 1, u + usize::from(c.is_uppercase()))
        });
        if (2..=4).contains(&n) && upper == n {
            CaseRule::AllCaps
        } else if upper > 0 {
            CaseRule::Capital
        } else {
            CaseRule::Any
        }
    }

    fn allows(self, text: &str) -> bool {
        match self {
            CaseRule::Any => true,
            CaseRule::Capital if text.as_bytes().first().is_some_and(u8::is_ascii_uppercase) => {
                true
            }
            CaseRule::Capital => text.chars().any(char::is_uppercase),
            CaseRule::AllCaps => text
                .chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase),
        }
    }
}

/// The case rule, language and kind of a name, and whether it is built in.
#[derive(Clone, Copy, Debug)]
struct NameInfo {
    case: CaseRule,
    /// The name ends with punctuation (`U.S.`, `d’`), which tokens leave out.
    tail: bool,
    lang: crate::lexicon::NameLang,
    /// Its entry's type: TERMs count in their language only, and the
    /// variant search wants to know the people.
    kind: EntityType,
    builtin: bool,
}

/// Finds lexicon names in texts. Build once, reuse; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Tagger {
    lexicon: Arc<Lexicon>,
    trie: TokenTrie,
    /// For each pattern `p`, the names that fold to it in load order:
    /// `candidates[candidate_starts[p]..candidate_starts[p + 1]]`.
    candidates: Vec<u32>,
    candidate_starts: Vec<u32>,
    /// What choosing among a pattern's names needs of each name, side by side.
    name_info: Vec<NameInfo>,
    /// For each pattern, its name when it has only one (most do), with what
    /// choosing needs of it: one look-up per match instead of four.
    choices: Vec<Choice>,
    variants: Option<VariantIndex>,
}

/// A pattern's only name and its [`NameInfo`]; `name` is [`NO_PATTERN`]
/// when the pattern has several names.
#[derive(Clone, Copy, Debug)]
struct Choice {
    name: u32,
    info: NameInfo,
}

impl Tagger {
    /// Builds the token trie over every name of `lexicon`.
    /// The variant index (unless `options` say strict) is built on a second
    /// core while the trie is built: it takes the longer of the two.
    pub fn new(lexicon: Arc<Lexicon>, options: TagOptions) -> Tagger {
        let (mut tagger, variants) = rayon::join(
            || Tagger::without_variants(Arc::clone(&lexicon)),
            || options.variants.then(|| variant_index(&lexicon)),
        );
        tagger.variants = variants;
        tagger
    }

    /// A tagger of lexicon names only.
    fn without_variants(lexicon: Arc<Lexicon>) -> Tagger {
        let names = lexicon.names();
        let mut trie = TokenTrie::with_capacity(names.len());
        // The pattern (distinct folded name) of each name, numbered in order of first use.
        let mut pattern_of: Vec<u32> = Vec::with_capacity(names.len());
        let mut patterns = 0u32;
        let mut lower = String::new();
        for name in names {
            let node = if name.text.is_ascii() {
                // What `fold` makes of ASCII: runs of letters and digits, lower-cased.
                lower.clear();
                lower.push_str(&name.text);
                lower.make_ascii_lowercase();
                trie.insert(
                    lower
                        .split(|c: char| !c.is_ascii_alphanumeric())
                        .filter(|t| !t.is_empty()),
                )
            } else {
                trie.insert(
                    fold(&name.text)
                        .as_str()
                        .split(' ')
                        .filter(|t| !t.is_empty()),
                )
            };
            pattern_of.push(match node {
                None => NO_PATTERN,
                Some(node) => {
                    let node = &mut trie.nodes[node];
                    if node.pattern == NO_PATTERN {
                        node.pattern = patterns;
                        patterns += 1;
                    }
                    node.pattern
                }
            });
        }
        trie.shrink();
        // Names grouped by pattern, in load order within each (a counting sort).
        let mut candidate_starts = vec![0u32; patterns as usize + 1];
        for &p in pattern_of.iter().filter(|&&p| p != NO_PATTERN) {
            candidate_starts[p as usize + 1] += 1;
        }
        for p in 0..patterns as usize {
            candidate_starts[p + 1] += candidate_starts[p];
        }
        let mut next = candidate_starts.clone();
        let mut candidates = vec![0u32; pattern_of.iter().filter(|&&p| p != NO_PATTERN).count()];
        for (i, &p) in pattern_of
            .iter()
            .enumerate()
            .filter(|&(_, &p)| p != NO_PATTERN)
        {
            candidates[next[p as usize] as usize] = i as u32;
            next[p as usize] += 1;
        }
        let name_info: Vec<NameInfo> = lexicon
            .names()
            .iter()
            .map(|n| NameInfo {
                case: CaseRule::of(&n.text),
                tail: n.text.ends_with(|c: char| !c.is_alphanumeric()),
                lang: n.lang,
                kind: lexicon.entry_of(n).kind,
                builtin: lexicon.files()[n.file].builtin,
            })
            .collect();
        let choices = candidate_starts
            .windows(2)
            .map(|w| match candidates[w[0] as usize..w[1] as usize] {
                [only] => Choice {
                    name: only,
                    info: name_info[only as usize],
                },
                _ => Choice {
                    name: NO_PATTERN,
                    info: name_info[candidates[w[0] as usize] as usize],
                },
            })
            .collect();
        Tagger {
            lexicon,
            trie,
            candidates,
            candidate_starts,
            name_info,
            choices,
            variants: None,
        }
    }

    /// The lexicon this tagger searches for.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// A shared handle on the lexicon.
    pub fn lexicon_arc(&self) -> &Arc<Lexicon> {
        &self.lexicon
    }

    /// Every mention in `text` (written in `lang`), in text order, not overlapping.
    pub fn tag(&self, text: &str, lang: Lang) -> Vec<Mention> {
        // News text holds a mention every dozen bytes or so (general words
        // included): growing the vector from nothing would copy it a dozen
        // times over.
        let mut mentions = Vec::with_capacity(text.len() / 16);
        let mut found = |span: Span, pattern: usize| {
            let surface = span.of(text);
            let Some(name) = self.choose(pattern, surface, lang) else {
                return;
            };
            let name_text = &self.lexicon.names()[name].text;
            let span = if self.name_info[name].tail {
                with_trailing_punctuation(text, span, name_text)
            } else {
                span
            };
            let how = if name_text == span.of(text) {
                MatchHow::Exact
            } else {
                MatchHow::Folded
            };
            mentions.push(Mention {
                span,
                entry: self.lexicon.names()[name].entry,
                name,
                how,
                confidence: 1.0,
            });
        };
        if self.trie.token_count > 0 {
            let mut walk = Walk::new(&self.trie);
            for_each_token(text, |token, span| {
                walk.push(self.trie.token(token), span, &mut found)
            });
            walk.finish(&mut found);
        }
        if let Some(variants) = &self.variants {
            self.add_variants(variants, text, lang, &mut mentions);
        }
        mentions
    }

    fn add_variants(
        &self,
        variants: &VariantIndex,
        text: &str,
        lang: Lang,
        mentions: &mut Vec<Mention>,
    ) {
        // Only people's ids matter beyond the spans (see `VariantIndex::find`):
        // the other entries are not even looked at (with a large lexicon,
        // each look-up missed the cache).
        let entries = self.lexicon.entries();
        let known: Vec<(Span, &str)> = mentions
            .iter()
            .map(|m| {
                let person = self
                    .name_info
                    .get(m.name)
                    .is_some_and(|info| info.kind == EntityType::Person);
                let id = match entries.get(m.entry) {
                    Some(entry) if person => entry.id.as_str(),
                    _ => "",
                };
                (m.span, id)
            })
            .collect();
        let found = variants.find(text, lang, &known);
        if found.is_empty() {
            return;
        }
        drop(known);
        let variants: Vec<Mention> = found
            .into_iter()
            .filter_map(|v| {
                let name = self.lexicon.names().get(v.name)?;
                let how = match v.kind {
                    VariantKind::Translit => MatchHow::Translit,
                    VariantKind::Fuzzy => MatchHow::Fuzzy,
                };
                Some(Mention {
                    span: v.span,
                    entry: name.entry,
                    name: v.name,
                    how,
                    confidence: v.confidence,
                })
            })
            .collect();
        // Both lists are in text order: merged from the back, in place, so
        // that a long text's mentions are neither sorted nor copied again.
        let mut kept = mentions.len();
        let mut taken = variants.len();
        mentions.extend_from_slice(&variants);
        for slot in (0..mentions.len()).rev() {
            if taken == 0 {
                break;
            }
            if kept > 0 && mentions[kept - 1].span > variants[taken - 1].span {
                mentions[slot] = mentions[kept - 1];
                kept -= 1;
            } else {
                mentions[slot] = variants[taken - 1];
                taken -= 1;
            }
        }
        // The variant index promises no overlap with `known`; keep the first if it ever does.
        mentions.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    }

    /// The best name of pattern `p` for `surface`, or none if every one fails
    /// its case rule.
    fn choose(&self, p: usize, surface: &str, lang: Lang) -> Option<usize> {
        // General words are language-specific (English "met" is French
        // "il met"); names of entities are recognised in either language.
        let allows = |info: NameInfo| {
            info.case.allows(surface) && (info.lang.fits(lang) || info.kind != EntityType::Term)
        };
        let choice = self.choices[p];
        if choice.name != NO_PATTERN {
            return allows(choice.info).then_some(choice.name as usize);
        }
        let allowed = |n: usize| allows(self.name_info[n]);
        let names = self.lexicon.names();
        let range = self.candidate_starts[p] as usize..self.candidate_starts[p + 1] as usize;
        self.candidates[range]
            .iter()
            .map(|&n| n as usize)
            .filter(|&n| allowed(n))
            .min_by_key(|&n| {
                let info = self.name_info[n];
                (
                    names[n].text != surface,
                    !info.lang.fits(lang),
                    info.builtin,
                    n,
                )
            })
    }

    /// The entry of a mention.
    pub fn entry(&self, mention: &Mention) -> &Entry {
        &self.lexicon.entries()[mention.entry]
    }

    /// The lexicon name a mention matched.
    pub fn name(&self, mention: &Mention) -> &Name {
        &self.lexicon.names()[mention.name]
    }
}

/// The index of transliteration and fuzzy variants of `lexicon`'s names.
fn variant_index(lexicon: &Lexicon) -> VariantIndex {
    VariantIndex::new(lexicon.names().iter().enumerate().map(|(id, name)| {
        let entry = lexicon.entry_of(name);
        IndexedName {
            id,
            entity: entry.id.as_str(),
            name: name.text.as_str(),
            lang: name.lang.lang(),
            is_person: entry.kind == EntityType::Person,
        }
    }))
}

/// Extends `span` over the punctuation the lexicon name ends with (`U.S.`,
/// `d’`), when the text has it too: tokens end at the last letter, names may not.
fn with_trailing_punctuation(text: &str, span: Span, name: &str) -> Span {
    let tail = &name[name.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
    let mut end = span.end;
    let mut rest = text[end..].chars();
    for want in tail.chars() {
        match rest.next() {
            Some(got) if got == want || (is_apostrophe(got) && is_apostrophe(want)) => {
                end += got.len_utf8()
            }
            _ => return span,
        }
    }
    Span::new(span.start, end)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
}

/// No name ends at this trie node.
const NO_PATTERN: u32 = u32::MAX;

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
struct Token {
    id: u32,
    /// 0: no name starts with this token.
    root: u32,
}

/// A trie node: the pattern that ends there and a summary of its children.
#[derive(Clone, Copy, Debug)]
struct Node {
    /// The pattern (distinct folded name) that ends here, or [`NO_PATTERN`].
    pattern: u32,
    /// A bit for each child's token id modulo 64: most tokens after a
    /// name's first word continue no name, and this says so without a
    /// look-up in `children`.
    child_mask: u64,
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
struct TokenTrie {
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
}

impl TokenTrie {
    /// An empty trie with room for about `names` names.
    fn with_capacity(names: usize) -> TokenTrie {
        let mut nodes = Vec::with_capacity(names + 1);
        nodes.push(EMPTY_NODE);
        TokenTrie {
            short_tokens: HashMap::with_capacity_and_hasher(names, FxBuild),
            long_tokens: HashMap::default(),
            token_count: 0,
            children: HashMap::with_capacity_and_hasher(names / 2, FxBuild),
            nodes,
        }
    }

    /// Adds a name given as its tokens; the node where it ends, or `None` for a name without tokens.
    fn insert<'a>(&mut self, name: impl Iterator<Item = &'a str>) -> Option<usize> {
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
        (node != 0).then_some(node as usize)
    }

    /// The token, if some name has it.
    #[inline]
    fn token(&self, token: &str) -> Option<Token> {
        match packed(token) {
            Some(key) => self.short_tokens.get(&key).copied(),
            None => self.long_tokens.get(token).copied(),
        }
    }

    fn shrink(&mut self) {
        self.short_tokens.shrink_to_fit();
        self.long_tokens.shrink_to_fit();
        self.children.shrink_to_fit();
        self.nodes.shrink_to_fit();
    }

    /// The node reached from `node` by `token`, if any name goes on that way.
    #[inline]
    fn child(&self, node: u32, token: Token) -> Option<u32> {
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

/// Leftmost-longest search over a text's tokens, fed one token at a time so
/// that the text is never held as a whole: only the tokens of the current
/// attempt are kept (a failed attempt starts again at its second token).
struct Walk<'a> {
    trie: &'a TokenTrie,
    /// The current attempt's tokens (`None`: in no name) and their original spans.
    pending: Vec<(Option<Token>, Span)>,
    /// How many of them the attempt has walked, and the node it is at.
    walked: usize,
    node: u32,
    /// The longest name found so far: its last token in `pending` and its pattern.
    best: Option<(usize, u32)>,
}

impl<'a> Walk<'a> {
    fn new(trie: &'a TokenTrie) -> Walk<'a> {
        Walk {
            trie,
            pending: Vec::new(),
            walked: 0,
            node: 0,
            best: None,
        }
    }

    /// The next token of the text; `found` gets each match (span, pattern) once it is sure.
    #[inline]
    fn push(&mut self, token: Option<Token>, span: Span, found: &mut impl FnMut(Span, usize)) {
        if self.pending.is_empty() {
            self.start(token, span, found);
            return;
        }
        // An attempt is under way: this token goes on with it, or ends it.
        if let Some(child) = token.and_then(|t| self.trie.child(self.node, t)) {
            self.pending.push((token, span));
            self.step(child, found);
            return;
        }
        self.settle(found);
        if self.pending.is_empty() {
            self.start(token, span, found);
        } else {
            // The tokens after a failed attempt's first one start again.
            self.pending.push((token, span));
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
        let node = self.trie.nodes[root as usize];
        if node.child_mask == 0 {
            if node.pattern != NO_PATTERN {
                found(span, node.pattern as usize);
            }
            return;
        }
        self.pending.push((token, span));
        self.step(root, found);
    }

    /// The last pending token took the attempt to `child`.
    #[inline]
    fn step(&mut self, child: u32, found: &mut impl FnMut(Span, usize)) {
        let node = self.trie.nodes[child as usize];
        self.node = child;
        self.walked = self.pending.len();
        if node.pattern != NO_PATTERN {
            self.best = Some((self.walked - 1, node.pattern));
        }
        if node.child_mask == 0 {
            // No name goes further: the attempt is over.
            self.settle(found);
            self.advance(found);
        }
    }

    /// Walks the pending tokens as far as the trie goes.
    fn advance(&mut self, found: &mut impl FnMut(Span, usize)) {
        while let Some(&(token, _)) = self.pending.get(self.walked) {
            match token.and_then(|t| self.trie.child(self.node, t)) {
                Some(child) => {
                    self.node = child;
                    let pattern = self.trie.nodes[child as usize].pattern;
                    if pattern != NO_PATTERN {
                        self.best = Some((self.walked, pattern));
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
            Some((last, pattern)) => {
                let span = Span::new(self.pending[0].1.start, self.pending[last].1.end);
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
    fn finish(&mut self, found: &mut impl FnMut(Span, usize)) {
        loop {
            self.advance(found);
            if self.pending.is_empty() {
                break;
            }
            self.settle(found);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::LexiconBuilder;

    const LEXICON: &str = "entity,type,lang,name\n\
        vladimir_putin,PER,en,Vladimir Putin\n\
        vladimir_putin,PER,en,Putin\n\
        vladimir_putin,PER,fr,Poutine\n\
        kim_jong_un,PER,*,Kim Jong Un\n\
        kim_jong_un,PER,*,Kim\n\
        north_korea,GPE,fr,Corée du Nord\n\
        korea,GPE,fr,Corée\n\
        ukraine,GPE,fr,Ukraine\n\
        united_nations,ORG,*,UN\n\
        united_states,GPE,en,US\n\
        sergei_shoigu,PER,fr,Sergueï Choïgou\n\
        vostochny,FAC,en,Vostochny Cosmodrome\n";

    fn tagger(strict: bool) -> Tagger {
        tagger_of(LEXICON, !strict)
    }

    /// A tagger of `csv` alone (no built-in lexicon).
    fn tagger_of(csv: &str, variants: bool) -> Tagger {
        let lex = LexiconBuilder::new()
            .builtin(false)
            .add_text("t.csv", csv)
            .build()
            .unwrap();
        Tagger::new(Arc::new(lex), TagOptions { variants })
    }

    /// (surface, how) of every mention.
    fn surfaces_and_how<'t>(t: &Tagger, text: &'t str, lang: Lang) -> Vec<(&'t str, &'static str)> {
        t.tag(text, lang)
            .iter()
            .map(|m| (m.span.of(text), m.how.as_str()))
            .collect()
    }

    /// (surface, entity, how) of every mention.
    fn tags(text: &str, lang: Lang) -> Vec<(String, String, &'static str)> {
        let t = tagger(true);
        t.tag(text, lang)
            .iter()
            .map(|m| {
                (
                    m.span.of(text).to_string(),
                    t.entry(m).id.clone(),
                    m.how.as_str(),
                )
            })
            .collect()
    }

    fn surfaces(text: &str, lang: Lang) -> Vec<String> {
        tags(text, lang).into_iter().map(|(s, _, _)| s).collect()
    }

    #[test]
    fn whole_tokens_only() {
        assert_eq!(surfaces("Kimberley met Kim.", Lang::En), ["Kim"]);
        assert_eq!(surfaces("Akim and Kims", Lang::En), Vec::<String>::new());
    }

    #[test]
    fn leftmost_longest() {
        assert_eq!(
            surfaces("la Corée du Nord et la Corée", Lang::Fr),
            ["Corée du Nord", "Corée"]
        );
        assert_eq!(
            surfaces("Vladimir Putin and Putin", Lang::En),
            ["Vladimir Putin", "Putin"]
        );
        assert_eq!(surfaces("Kim Jong-un", Lang::Fr), ["Kim Jong-un"]);
    }

    #[test]
    fn folding_and_elision() {
        assert_eq!(
            tags("l’Ukraine et d'Ukraine, Serguei Choigou", Lang::Fr),
            [
                ("Ukraine".into(), "ukraine".into(), "exact"),
                ("Ukraine".into(), "ukraine".into(), "exact"),
                ("Serguei Choigou".into(), "sergei_shoigu".into(), "folded"),
            ]
        );
        assert_eq!(
            surfaces("the Vostochny Сosmodrome", Lang::En),
            ["Vostochny Сosmodrome"]
        );
    }

    #[test]
    fn names_ending_in_punctuation_keep_it() {
        let csv = "entity,type,lang,name\nus,GPE,en,U.S.\nend,TERM,fr,au terme d'\n";
        let t = tagger_of(csv, false);
        let text = "The U.S. said; au terme d’un accord; the U.S";
        assert_eq!(
            surfaces_and_how(&t, text, Lang::Fr),
            [
                ("U.S.", "exact"),
                ("au terme d’", "folded"),
                ("U.S", "folded")
            ]
        );
    }

    #[test]
    fn case_guards_keep_ordinary_words_out() {
        assert_eq!(
            surfaces("une poutine et un café; Poutine", Lang::Fr),
            ["Poutine"]
        );
        assert_eq!(
            surfaces("tell us about the UN and the US", Lang::En),
            ["UN", "US"]
        );
        assert_eq!(surfaces("POUTINE A DIT", Lang::Fr), ["POUTINE"]);
    }

    #[test]
    fn offsets_survive_multibyte_text() {
        let text = "« Choïgou » — Sergueï Choïgou\u{a0}! Poutine";
        let t = tagger(true);
        for m in t.tag(text, Lang::Fr) {
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        }
        assert_eq!(surfaces(text, Lang::Fr), ["Sergueï Choïgou", "Poutine"]);
    }

    #[test]
    fn ambiguity_is_resolved_by_spelling_then_language() {
        let csv = "entity,type,lang,name\ngeorgia,GPE,fr,Géorgie\ngeorgie_best,PER,en,Georgie\n";
        let t = tagger_of(csv, false);
        let entity = |text: &str, lang| t.entry(&t.tag(text, lang)[0]).id.clone();
        assert_eq!(
            entity("Géorgie", Lang::En),
            "georgia",
            "exact spelling wins over language"
        );
        assert_eq!(
            entity("Georgie", Lang::Fr),
            "georgie_best",
            "exact spelling wins over language"
        );
        assert_eq!(
            entity("GEORGIE", Lang::Fr),
            "georgia",
            "then the text's language"
        );
        assert_eq!(
            entity("GEORGIE", Lang::En),
            "georgie_best",
            "then the text's language"
        );
    }

    #[test]
    fn a_user_lexicon_wins_over_the_built_in_one_when_all_else_is_equal() {
        let user = "entity,type,lang,name\nmy_poutine,PER,fr,Poutine\n";
        let lex = LexiconBuilder::new()
            .add_text("user.csv", user)
            .build()
            .unwrap();
        let t = Tagger::new(Arc::new(lex), TagOptions { variants: false });
        let found = t.tag("Poutine", Lang::Fr);
        assert_eq!(t.entry(&found[0]).id, "my_poutine");
    }

    #[test]
    fn variants_are_merged_in_text_order() {
        let csv =
            "entity,type,lang,name\nputin,PER,fr,Poutine\nprigozhin,PER,en,Yevgeny Prigozhin\n";
        let t = tagger_of(csv, true);
        let text = "Poutine et Evgueni Prigojine, puis Poutine, Prigojine et Poutine.";
        assert_eq!(
            surfaces_and_how(&t, text, Lang::Fr),
            [
                ("Poutine", "exact"),
                ("Evgueni Prigojine", "translit"),
                ("Poutine", "exact"),
                ("Prigojine", "translit"),
                ("Poutine", "exact"),
            ]
        );
    }

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
