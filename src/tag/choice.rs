//! Which lexicon name a match is. The trie finds *patterns* (distinct folded
//! names); several names may fold to one pattern (`Géorgie` and `Georgie`,
//! `Poutine` the person and `poutine` the dish). A name counts only where the
//! text shows its case (a capital for `Poutine`, all capitals for a short
//! acronym such as `UN`) and, for a TERM, only in its own language; among
//! those left, the choice is deterministic: the name spelled exactly as in
//! the text, then a name of the text's language, then a name from a user
//! lexicon, then load order.

use crate::lexicon::{EntityType, Lexicon, NameLang};
use crate::normalize::is_word_char;
use crate::span::Lang;

/// A pattern with no single name: [`Choice::name`] when there are several.
const SEVERAL: u32 = u32::MAX;

/// The names of each pattern, and what choosing among them needs.
#[derive(Clone, Debug)]
pub(super) struct Names {
    /// For each pattern `p`, the names that fold to it in load order:
    /// `candidates[candidate_starts[p]..candidate_starts[p + 1]]`.
    candidates: Vec<u32>,
    candidate_starts: Vec<u32>,
    /// What choosing among a pattern's names needs of each name, side by side.
    info: Vec<NameInfo>,
    /// For each pattern, its name when it has only one (most do), with what
    /// choosing needs of it: one look-up per match instead of four.
    choices: Vec<Choice>,
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
pub(super) struct NameInfo {
    case: CaseRule,
    /// The name ends with punctuation (`U.S.`, `d’`), which tokens leave out.
    pub(super) tail: bool,
    lang: NameLang,
    /// Its entry's type: TERMs count in their language only, and the
    /// variant search wants to know the people.
    kind: EntityType,
    builtin: bool,
    /// Other forms of its words find it (see `stem`).
    stemmed: bool,
}

/// A pattern's only name and its [`NameInfo`]; `name` is [`SEVERAL`]
/// when the pattern has several names.
#[derive(Clone, Copy, Debug)]
struct Choice {
    name: u32,
    info: NameInfo,
}

impl Names {
    /// The names of `lexicon` grouped by pattern: `pattern_of[n]` is the
    /// pattern of name `n` (`None` for a name without tokens), numbered
    /// `0..patterns`.
    pub(super) fn new(lexicon: &Lexicon, pattern_of: &[Option<u32>], patterns: u32) -> Names {
        // Names grouped by pattern, in load order within each (a counting sort).
        let mut candidate_starts = vec![0u32; patterns as usize + 1];
        for &p in pattern_of.iter().flatten() {
            candidate_starts[p as usize + 1] += 1;
        }
        for p in 0..patterns as usize {
            candidate_starts[p + 1] += candidate_starts[p];
        }
        let mut next = candidate_starts.clone();
        let mut candidates = vec![0u32; pattern_of.iter().flatten().count()];
        for (i, p) in pattern_of
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((i, (*p)?)))
        {
            candidates[next[p as usize] as usize] = i as u32;
            next[p as usize] += 1;
        }
        let info: Vec<NameInfo> = lexicon
            .names()
            .iter()
            .map(|n| NameInfo {
                case: CaseRule::of(&n.text),
                tail: n.text.ends_with(|c: char| !is_word_char(c)),
                lang: n.lang,
                kind: lexicon.entry_of(n).kind,
                builtin: lexicon.files()[n.file].builtin,
                stemmed: super::stem::is_stemmed(n, lexicon.entry_of(n).kind),
            })
            .collect();
        let choices = candidate_starts
            .windows(2)
            .map(|w| match candidates[w[0] as usize..w[1] as usize] {
                [only] => Choice {
                    name: only,
                    info: info[only as usize],
                },
                _ => Choice {
                    name: SEVERAL,
                    info: info[candidates[w[0] as usize] as usize],
                },
            })
            .collect();
        Names {
            candidates,
            candidate_starts,
            info,
            choices,
        }
    }

    /// What choosing needs of name `name`.
    #[inline]
    pub(super) fn info(&self, name: usize) -> NameInfo {
        self.info[name]
    }

    /// True when name `name` is a person's.
    pub(super) fn is_person(&self, name: usize) -> bool {
        self.info
            .get(name)
            .is_some_and(|info| info.kind == EntityType::Person)
    }

    /// The first name of pattern `p` that a word of another form may stand
    /// for: a stemmed TERM name (see `stem`) of `lang`.
    pub(super) fn choose_stemmed(&self, p: usize, lang: Lang) -> Option<usize> {
        let range = self.candidate_starts[p] as usize..self.candidate_starts[p + 1] as usize;
        self.candidates[range]
            .iter()
            .map(|&n| n as usize)
            .find(|&n| self.info[n].stemmed && self.info[n].lang.fits(lang))
    }

    /// The best name of pattern `p` for `surface`, or none if every one fails
    /// its case rule.
    pub(super) fn choose(
        &self,
        lexicon: &Lexicon,
        p: usize,
        surface: &str,
        lang: Lang,
    ) -> Option<usize> {
        // General words are language-specific (English "met" is French
        // "il met"); names of entities are recognised in either language.
        let allows = |info: NameInfo| {
            info.case.allows(surface) && (info.lang.fits(lang) || info.kind != EntityType::Term)
        };
        let choice = self.choices[p];
        if choice.name != SEVERAL {
            return allows(choice.info).then_some(choice.name as usize);
        }
        let allowed = |n: usize| allows(self.info[n]);
        let names = lexicon.names();
        let range = self.candidate_starts[p] as usize..self.candidate_starts[p + 1] as usize;
        self.candidates[range]
            .iter()
            .map(|&n| n as usize)
            .filter(|&n| allowed(n))
            .min_by_key(|&n| {
                let info = self.info[n];
                (
                    names[n].text != surface,
                    !info.lang.fits(lang),
                    info.builtin,
                    n,
                )
            })
    }
}
