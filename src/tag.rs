//! ③ Tagging: every lexicon name in a text, as whole tokens, at original offsets.
//!
//! All names are folded (see [`crate::normalize`]) into padded patterns and
//! searched at once with one Aho-Corasick automaton, leftmost-longest: "Corée du
//! Nord" wins over "Corée", "Vladimir Putin" is one mention. Because patterns
//! and text are padded with spaces around every token, a match is always a run
//! of whole tokens. Then two case guards keep names from matching ordinary words:
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

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use serde::Serialize;

use crate::lexicon::{Entry, EntityType, Lexicon, Name};
use crate::normalize::{fold, padded_key};
use crate::span::{Lang, Span};
use crate::variants::{IndexedName, VariantIndex, VariantKind};

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
        let (n, upper) = letters.fold((0, 0), |(n, u), c| (n + 1, u + usize::from(c.is_uppercase())));
        if n >= 2 && n <= 4 && upper == n {
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
            CaseRule::AllCaps => text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase),
        }
    }
}

/// Finds lexicon names in texts. Build once, reuse; `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Tagger {
    lexicon: Arc<Lexicon>,
    automaton: AhoCorasick,
    /// For each pattern, the names that fold to it, best first by load order.
    candidates: Vec<Vec<usize>>,
    case_rules: Vec<CaseRule>,
    variants: Option<VariantIndex>,
}

impl Tagger {
    /// Builds the automaton over every name of `lexicon`.
    pub fn new(lexicon: Arc<Lexicon>, options: TagOptions) -> Tagger {
        let mut patterns: Vec<String> = Vec::new();
        let mut candidates: Vec<Vec<usize>> = Vec::new();
        let mut by_pattern = std::collections::HashMap::new();
        for (i, name) in lexicon.names().iter().enumerate() {
            let key = padded_key(&name.text);
            if key.is_empty() {
                continue;
            }
            let p = *by_pattern.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                candidates.push(Vec::new());
                patterns.len() - 1
            });
            candidates[p].push(i);
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .expect("folded lexicon names always make a valid automaton");
        let case_rules = lexicon.names().iter().map(|n| CaseRule::of(&n.text)).collect();
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
        Tagger { lexicon, automaton, candidates, case_rules, variants }
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
        let folded = fold(text);
        let mut mentions = Vec::new();
        for m in self.automaton.find_iter(folded.as_str()) {
            // The match is " tok  tok "; the tokens are inside the padding.
            let span = folded.original_span(m.start() + 1..m.end() - 1);
            let surface = span.of(text);
            if let Some(name) = self.choose(m.pattern().as_usize(), surface, lang) {
                let span = with_trailing_punctuation(text, span, &self.lexicon.names()[name].text);
                let surface = span.of(text);
                let how = if self.lexicon.names()[name].text == surface { MatchHow::Exact } else { MatchHow::Folded };
                let entry = self.lexicon.names()[name].entry;
                mentions.push(Mention { span, entry, name, how, confidence: 1.0 });
            }
        }
        if let Some(variants) = &self.variants {
            self.add_variants(variants, text, lang, &mut mentions);
        }
        mentions
    }

    fn add_variants(&self, variants: &VariantIndex, text: &str, lang: Lang, mentions: &mut Vec<Mention>) {
        let known: Vec<(Span, &str)> =
            mentions.iter().map(|m| (m.span, self.lexicon.entries()[m.entry].id.as_str())).collect();
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
            Some(Mention { span: v.span, entry: name.entry, name: v.name, how, confidence: v.confidence })
        }));
        mentions.sort_by_key(|m| m.span);
        // The variant index promises no overlap with `known`; keep the first if it ever does.
        mentions.dedup_by(|later, earlier| later.span.overlaps(earlier.span));
    }

    /// The best name of pattern `p` for `surface`, or none if every one fails
    /// its case rule.
    fn choose(&self, p: usize, surface: &str, lang: Lang) -> Option<usize> {
        let names = self.lexicon.names();
        let files = self.lexicon.files();
        self.candidates[p]
            .iter()
            .copied()
            .filter(|&n| self.case_rules[n].allows(surface))
            // General words are language-specific (English "met" is French
            // "il met"); names of entities are recognised in either language.
            .filter(|&n| names[n].lang.fits(lang) || self.lexicon.entry_of(&names[n]).kind != EntityType::Term)
            .min_by_key(|&n| {
                let name = &names[n];
                (name.text != surface, !name.lang.fits(lang), files[name.file].builtin, n)
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
            Some(got) if got == want || (is_apostrophe(got) && is_apostrophe(want)) => end += got.len_utf8(),
            _ => return span,
        }
    }
    Span::new(span.start, end)
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '`' | '´')
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
        let lex = LexiconBuilder::new().builtin(false).add_text("t.csv", LEXICON).build().unwrap();
        Tagger::new(Arc::new(lex), TagOptions { variants: !strict })
    }

    /// (surface, entity, how) of every mention.
    fn tags(text: &str, lang: Lang) -> Vec<(String, String, &'static str)> {
        let t = tagger(true);
        t.tag(text, lang)
            .iter()
            .map(|m| (m.span.of(text).to_string(), t.entry(m).id.clone(), m.how.as_str()))
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
        assert_eq!(surfaces("la Corée du Nord et la Corée", Lang::Fr), ["Corée du Nord", "Corée"]);
        assert_eq!(surfaces("Vladimir Putin and Putin", Lang::En), ["Vladimir Putin", "Putin"]);
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
        assert_eq!(surfaces("the Vostochny Сosmodrome", Lang::En), ["Vostochny Сosmodrome"]);
    }

    #[test]
    fn names_ending_in_punctuation_keep_it() {
        let csv = "entity,type,lang,name\nus,GPE,en,U.S.\nend,TERM,fr,au terme d'\n";
        let lex = LexiconBuilder::new().builtin(false).add_text("a.csv", csv).build().unwrap();
        let t = Tagger::new(Arc::new(lex), TagOptions { variants: false });
        let text = "The U.S. said; au terme d’un accord; the U.S";
        let found: Vec<(&str, &str)> = t.tag(text, Lang::Fr).iter().map(|m| (m.span.of(text), m.how.as_str())).collect();
        assert_eq!(found, [("U.S.", "exact"), ("au terme d’", "folded"), ("U.S", "folded")]);
    }

    #[test]
    fn case_guards_keep_ordinary_words_out() {
        assert_eq!(surfaces("une poutine et un café; Poutine", Lang::Fr), ["Poutine"]);
        assert_eq!(surfaces("tell us about the UN and the US", Lang::En), ["UN", "US"]);
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
        let lex = LexiconBuilder::new().builtin(false).add_text("a.csv", csv).build().unwrap();
        let t = Tagger::new(Arc::new(lex), TagOptions { variants: false });
        let entity = |text: &str, lang| t.entry(&t.tag(text, lang)[0]).id.clone();
        assert_eq!(entity("Géorgie", Lang::En), "georgia", "exact spelling wins over language");
        assert_eq!(entity("Georgie", Lang::Fr), "georgie_best", "exact spelling wins over language");
        assert_eq!(entity("GEORGIE", Lang::Fr), "georgia", "then the text's language");
        assert_eq!(entity("GEORGIE", Lang::En), "georgie_best", "then the text's language");
    }

    #[test]
    fn a_user_lexicon_wins_over_the_built_in_one_when_all_else_is_equal() {
        let user = "entity,type,lang,name\nmy_poutine,PER,fr,Poutine\n";
        let lex = LexiconBuilder::new().add_text("user.csv", user).build().unwrap();
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
