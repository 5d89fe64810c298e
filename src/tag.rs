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
use crate::normalize::{FoldedTokens, fold, fold_tokens};
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
    lang: crate::lexicon::NameLang,
    term: bool,
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
    variants: Option<VariantIndex>,
}

impl Tagger {
    /// Builds the token trie over every name of `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>, options: TagOptions) -> Tagger {
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
                    if trie.pattern[node] == NO_PATTERN {
                        trie.pattern[node] = patterns;
                        patterns += 1;
                    }
                    trie.pattern[node]
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
        let name_info = lexicon
            .names()
            .iter()
            .map(|n| NameInfo {
                case: CaseRule::of(&n.text),
                lang: n.lang,
                term: lexicon.entry_of(n).kind == EntityType::Term,
                builtin: lexicon.files()[n.file].builtin,
            })
            .collect();
        let variants = options.variants.then(|| {
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
        });
        Tagger {
            lexicon,
            trie,
            candidates,
            candidate_starts,
            name_info,
            variants,
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
        let folded = fold_tokens(text);
        let mut mentions = Vec::new();
        for (span, pattern) in self.trie.find_iter(&folded) {
            let surface = span.of(text);
            if let Some(name) = self.choose(pattern, surface, lang) {
                let span = with_trailing_punctuation(text, span, &self.lexicon.names()[name].text);
                let surface = span.of(text);
                let how = if self.lexicon.names()[name].text == surface {
                    MatchHow::Exact
                } else {
                    MatchHow::Folded
                };
                let entry = self.lexicon.names()[name].entry;
                mentions.push(Mention {
                    span,
                    entry,
                    name,
                    how,
                    confidence: 1.0,
                });
            }
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
        let known: Vec<(Span, &str)> = mentions
            .iter()
            .map(|m| (m.span, self.lexicon.entries()[m.entry].id.as_str()))
            .collect();
        let found = variants.find(text, lang, &known);
        if found.is_empty() {
            return;
        }
        mentions.extend(found.into_iter().filter_map(|v| {
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
        }));
        mentions.sort_by_key(|m| m.span);
        // The variant index promises no overlap with `known`; keep the first if it ever does.
        mentions.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    }

    /// The best name of pattern `p` for `surface`, or none if every one fails
    /// its case rule.
    fn choose(&self, p: usize, surface: &str, lang: Lang) -> Option<usize> {
        let names = self.lexicon.names();
        let range = self.candidate_starts[p] as usize..self.candidate_starts[p + 1] as usize;
        let allowed = |n: usize| {
            let info = self.name_info[n];
            // General words are language-specific (English "met" is French
            // "il met"); names of entities are recognised in either language.
            info.case.allows(surface) && (info.lang.fits(lang) || !info.term)
        };
        if let [only] = self.candidates[range.clone()] {
            return allowed(only as usize).then_some(only as usize);
        }
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

/// A token of up to 8 bytes as a number: its bytes, zero-padded. Folded
/// tokens are letters and digits, whose UTF-8 never holds a zero byte, so no
/// two tokens share a number.
#[inline]
fn packed(token: &str) -> Option<u64> {
    let bytes = token.as_bytes();
    (bytes.len() <= 8).then(|| {
        let mut word = [0u8; 8];
        word[..bytes.len()].copy_from_slice(bytes);
        u64::from_le_bytes(word)
    })
}

/// A trie over folded tokens: names are token sequences, children are found
/// by `(node, token id)`. Leftmost-longest search over a folded text gives
/// the matches an Aho-Corasick automaton over the padded names would.
#[derive(Clone, Debug, Default)]
struct TokenTrie {
    /// Every token of every name, by id: those of up to 8 bytes packed into
    /// a `u64` (most words; found without following a pointer to compare
    /// strings), the longer ones by their text.
    short_tokens: HashMap<u64, u32, FxBuild>,
    long_tokens: HashMap<Box<str>, u32, FxBuild>,
    /// How many tokens there are.
    token_count: u32,
    /// `(node << 32 | token id)` → child node; node 0 is the root.
    children: HashMap<u64, u32, FxBuild>,
    /// The root's child for each token id (0: none), apart because every name
    /// starts there and most have a first word of their own.
    root_children: Vec<u32>,
    /// For each node, the pattern (distinct folded name) that ends there.
    pattern: Vec<u32>,
}

impl TokenTrie {
    /// An empty trie with room for about `names` names.
    fn with_capacity(names: usize) -> TokenTrie {
        let mut pattern = Vec::with_capacity(names + 1);
        pattern.push(NO_PATTERN);
        TokenTrie {
            short_tokens: HashMap::with_capacity_and_hasher(names, FxBuild),
            long_tokens: HashMap::default(),
            token_count: 0,
            children: HashMap::with_capacity_and_hasher(names / 2, FxBuild),
            root_children: Vec::with_capacity(names),
            pattern,
        }
    }

    /// Adds a name given as its tokens; the node where it ends, or `None` for a name without tokens.
    fn insert<'a>(&mut self, name: impl Iterator<Item = &'a str>) -> Option<usize> {
        if self.pattern.is_empty() {
            self.pattern.push(NO_PATTERN);
        }
        let mut node = 0u32;
        for token in name {
            let next = self.token_count;
            let token = match packed(token) {
                Some(key) => *self.short_tokens.entry(key).or_insert(next),
                None => match self.long_tokens.get(token) {
                    Some(&id) => id,
                    None => {
                        self.long_tokens.insert(token.into(), next);
                        next
                    }
                },
            };
            if token == next {
                self.token_count += 1;
                self.root_children.push(0);
            }
            let next_node = self.pattern.len() as u32;
            node = if node == 0 {
                let child = &mut self.root_children[token as usize];
                if *child == 0 {
                    *child = next_node;
                }
                *child
            } else {
                *self
                    .children
                    .entry(u64::from(node) << 32 | u64::from(token))
                    .or_insert(next_node)
            };
            if node == next_node {
                self.pattern.push(NO_PATTERN);
            }
        }
        (node != 0).then_some(node as usize)
    }

    /// The id of a token, if some name has it.
    #[inline]
    fn token_id(&self, token: &str) -> Option<u32> {
        match packed(token) {
            Some(key) => self.short_tokens.get(&key).copied(),
            None => self.long_tokens.get(token).copied(),
        }
    }

    fn shrink(&mut self) {
        self.short_tokens.shrink_to_fit();
        self.long_tokens.shrink_to_fit();
        self.children.shrink_to_fit();
        self.root_children.shrink_to_fit();
        self.pattern.shrink_to_fit();
    }

    /// Leftmost-longest, non-overlapping matches among the tokens of a
    /// folded text: the original span of the matched tokens and the pattern.
    fn find_iter<'t>(
        &'t self,
        folded: &'t FoldedTokens,
    ) -> impl Iterator<Item = (Span, usize)> + 't {
        // The id of each token of the text (u32::MAX: in no name).
        let ids: Vec<u32> = if self.token_count == 0 {
            Vec::new()
        } else {
            folded
                .tokens
                .iter()
                .map(|(range, _)| {
                    let token = &folded.text[range.start as usize..range.end as usize];
                    self.token_id(token).unwrap_or(u32::MAX)
                })
                .collect()
        };
        let mut i = 0;
        std::iter::from_fn(move || {
            while i < ids.len() {
                let mut node = 0u32;
                let mut best: Option<(usize, u32)> = None;
                for (j, &id) in ids.iter().enumerate().skip(i) {
                    if id == u32::MAX {
                        break;
                    }
                    let child = if node == 0 {
                        self.root_children[id as usize]
                    } else {
                        self.children
                            .get(&(u64::from(node) << 32 | u64::from(id)))
                            .copied()
                            .unwrap_or(0)
                    };
                    if child == 0 {
                        break;
                    }
                    node = child;
                    if self.pattern[node as usize] != NO_PATTERN {
                        best = Some((j, self.pattern[node as usize]));
                    }
                }
                match best {
                    Some((last, pattern)) => {
                        let span = Span::new(folded.tokens[i].1.start, folded.tokens[last].1.end);
                        i = last + 1;
                        return Some((span, pattern as usize));
                    }
                    None => i += 1,
                }
            }
            None
        })
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
        let lex = LexiconBuilder::new()
            .builtin(false)
            .add_text("t.csv", LEXICON)
            .build()
            .unwrap();
        Tagger::new(Arc::new(lex), TagOptions { variants: !strict })
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
        let lex = LexiconBuilder::new()
            .builtin(false)
            .add_text("a.csv", csv)
            .build()
            .unwrap();
        let t = Tagger::new(Arc::new(lex), TagOptions { variants: false });
        let text = "The U.S. said; au terme d’un accord; the U.S";
        let found: Vec<(&str, &str)> = t
            .tag(text, Lang::Fr)
            .iter()
            .map(|m| (m.span.of(text), m.how.as_str()))
            .collect();
        assert_eq!(
            found,
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
        let lex = LexiconBuilder::new()
            .builtin(false)
            .add_text("a.csv", csv)
            .build()
            .unwrap();
        let t = Tagger::new(Arc::new(lex), TagOptions { variants: false });
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
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tagger>();
    }
}
