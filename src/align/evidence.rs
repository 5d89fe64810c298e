//! What a statement says, as language-independent evidence keys: entities,
//! TERM concepts, numbers and dates, who is quoted, and cognates.
//!
//! | kind | [`EvidenceKey`] | JSON `key` | from |
//! |---|---|---|---|
//! | entity | `Entity(entry)` | `sergei_shoigu` | a lexicon mention; also the country a capital stands for, and names nested in a longer one |
//! | term | `Term(entry)` | `ammunition` | a TERM mention (munitions / ammunition) |
//! | number | `Number(key)` | `dur:4:year` | [`crate::quantity`]: quatre ans / four years |
//! | quote | `Quote(entry)` | `vladimir_putin` | a quotation and the person outside it who said it |
//! | wording | `Wording(entry)` | `w_come` | an everyday word (`scope` = `quote` in the lexicon) inside a quotation |
//! | name | `Name(folded)` | `bolsonaro` | a capitalised word outside the lexicons that both articles use (`names`) |
//! | cognate | `Cognate(prefix)` | `strate` | a long word's first letters (stratégique / strategic), weak |

use std::borrow::Cow;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::cognates;
use super::quotes::quotations;
use super::weights::{COGNATE_PREFIX, EVERYDAY_OUTSIDE_QUOTES, METONYMY_FACTOR, NESTED_FACTOR};
use crate::data::{WordSet, function_words};
use crate::lexicon::{EntityType, Lexicon, NameLang};
use crate::normalize::fold;
use crate::quantity::{self, Family, Quantity, QuantityKey};
use crate::span::{Lang, Span};
use crate::tag::{Mention, Tagger};

/// The kinds of evidence, strongest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EvidenceKind {
    /// A named entity of the lexicon.
    Entity,
    /// A name outside the lexicons that both articles of the pair use.
    Name,
    /// A number, quantity, duration or date.
    Number,
    /// The same person quoted on both sides.
    Quote,
    /// A TERM concept of the lexicon.
    Term,
    /// Everyday words quoted on both sides (lexicon names with `scope` = `quote`).
    Wording,
    /// Words that look alike in both languages.
    Cognate,
}

/// What two statements may share: one piece of evidence under a key that is
/// the same in both languages. Entries are indexes into [`Lexicon::entries`].
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EvidenceKey {
    /// A named entity of the lexicon.
    Entity(usize),
    /// A name outside the lexicons that both articles use, folded.
    Name(String),
    /// A TERM concept of the lexicon.
    Term(usize),
    /// A number, quantity, duration or date, by its language-independent key.
    Number(QuantityKey),
    /// The person quoted.
    Quote(usize),
    /// An everyday word (`scope` = `quote`) inside a quotation.
    Wording(usize),
    /// The first letters of a long word.
    Cognate(String),
}

impl EvidenceKey {
    /// Its kind.
    pub fn kind(&self) -> EvidenceKind {
        match self {
            EvidenceKey::Entity(_) => EvidenceKind::Entity,
            EvidenceKey::Name(_) => EvidenceKind::Name,
            EvidenceKey::Term(_) => EvidenceKind::Term,
            EvidenceKey::Number(_) => EvidenceKind::Number,
            EvidenceKey::Quote(_) => EvidenceKind::Quote,
            EvidenceKey::Wording(_) => EvidenceKind::Wording,
            EvidenceKey::Cognate(_) => EvidenceKind::Cognate,
        }
    }

    /// The key as JSON writes it: an entry's id, a quantity's key, a prefix.
    pub fn id<'a>(&'a self, lexicon: &'a Lexicon) -> Cow<'a, str> {
        match self {
            EvidenceKey::Entity(e)
            | EvidenceKey::Term(e)
            | EvidenceKey::Quote(e)
            | EvidenceKey::Wording(e) => Cow::Borrowed(&lexicon.entries()[*e].id),
            EvidenceKey::Number(key) => Cow::Owned(key.to_string()),
            EvidenceKey::Name(folded) | EvidenceKey::Cognate(folded) => Cow::Borrowed(folded),
        }
    }

    /// A readable name: the entry's label, a quantity in words (`first`,
    /// `July`, `twice`), else the key.
    pub fn label<'a>(&'a self, lexicon: &'a Lexicon) -> Cow<'a, str> {
        match self {
            EvidenceKey::Entity(e)
            | EvidenceKey::Term(e)
            | EvidenceKey::Quote(e)
            | EvidenceKey::Wording(e) => Cow::Borrowed(&lexicon.entries()[*e].label),
            EvidenceKey::Number(key) => Cow::Owned(key.describe()),
            EvidenceKey::Name(_) | EvidenceKey::Cognate(_) => self.id(lexicon),
        }
    }
}

/// The optional lexicon column that limits where a name counts as evidence.
pub const SCOPE_COLUMN: &str = "scope";

/// Long words alike in both languages that say nothing about the claim
/// (`data/align/cognate-stoplist.txt`).
fn cognate_stoplist() -> &'static WordSet {
    static LIST: OnceLock<WordSet> = OnceLock::new();
    LIST.get_or_init(|| WordSet::of(crate::data::COGNATE_STOPLIST))
}

/// One piece of evidence in a statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Feature {
    /// Its language-independent key.
    pub key: EvidenceKey,
    /// Where it is, in the original text.
    pub span: Span,
    /// How much it counts relative to a direct mention (metonymy, nesting, variants).
    pub factor: f32,
    /// True when it lies inside a quotation.
    pub in_quote: bool,
    /// Evidence that places a statement rather than says what happened (a
    /// weekday, a date, the news source): it counts only beside other evidence.
    pub context: bool,
    /// For a bare number, the concept or entity it counts (`1 500 morts`:
    /// death), when a mention follows it: two counts of different things do
    /// not meet.
    pub counted: Option<usize>,
    /// For evidence derived from a mention (the country a capital stands for,
    /// the place an event is named after), the mention's own key: when two
    /// statements share that key, the derived one adds nothing.
    pub parent: Option<EvidenceKey>,
}

/// What a piece of evidence is besides its key, span and factor.
#[derive(Clone, Debug, Default)]
struct Role {
    context: bool,
    counted: Option<usize>,
    parent: Option<EvidenceKey>,
}

/// The evidence of one statement and its length in tokens.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StatementFeatures {
    /// Evidence in text order (one key may appear several times).
    pub features: Vec<Feature>,
    /// Number of word tokens, for length normalisation.
    pub tokens: usize,
}

/// Extracts the features of each statement (spans in text order, not overlapping).
pub fn extract(
    text: &str,
    lang: Lang,
    statements: &[Span],
    mentions: &[Mention],
    tagger: &Tagger,
    contains: &[Box<[usize]>],
) -> Vec<StatementFeatures> {
    let quantities = quantity::extract(text, lang);
    let mut mention_at = 0;
    let mut quantity_at = 0;
    statements
        .iter()
        .map(|&stmt| {
            let own_mentions = take_within(mentions, &mut mention_at, stmt, |m| m.span);
            let own_quantities = take_within(&quantities, &mut quantity_at, stmt, |q| q.span);
            let own = Own {
                mentions: own_mentions,
                quantities: own_quantities,
            };
            statement_features(text, lang, stmt, own, tagger, contains)
        })
        .collect()
}

/// The items of a sorted list that lie inside `within`, advancing `at` past
/// them so the whole text is walked once.
fn take_within<'a, T>(
    items: &'a [T],
    at: &mut usize,
    within: Span,
    span: impl Fn(&T) -> Span,
) -> &'a [T] {
    while *at < items.len() && span(&items[*at]).start < within.start {
        *at += 1;
    }
    let start = *at;
    while *at < items.len() && span(&items[*at]).end <= within.end {
        *at += 1;
    }
    &items[start..*at]
}

/// A statement's own mentions and quantities.
struct Own<'a> {
    mentions: &'a [Mention],
    quantities: &'a [Quantity],
}

/// For each entry of the tagger's lexicon, the places (GPE, LOC) that its
/// names contain: `war in Ukraine` contains Ukraine, `Ukrainian army`
/// Ukraine. Only events, organisations and facilities are looked at.
pub(super) fn containment(tagger: &Tagger) -> Vec<Box<[usize]>> {
    let lexicon = tagger.lexicon();
    lexicon
        .entries()
        .iter()
        .enumerate()
        .map(|(e, entry)| {
            if !matches!(
                entry.kind,
                EntityType::Event | EntityType::Organisation | EntityType::Facility
            ) {
                return Box::default();
            }
            let mut places: Vec<usize> = Vec::new();
            for &n in &entry.names {
                let name = &lexicon.names()[n];
                let langs: &[Lang] = match name.lang {
                    NameLang::Fr => &[Lang::Fr],
                    NameLang::En => &[Lang::En],
                    NameLang::Any => &[Lang::Fr, Lang::En],
                };
                for &lang in langs {
                    for window in word_windows(&name.text) {
                        for m in tagger.tag(window, lang) {
                            let inner = &lexicon.entries()[m.entry];
                            if m.entry != e
                                && matches!(
                                    inner.kind,
                                    EntityType::Political | EntityType::Location
                                )
                                && !places.contains(&m.entry)
                            {
                                places.push(m.entry);
                            }
                        }
                    }
                }
            }
            places.into_boxed_slice()
        })
        .collect()
}

/// Every run of whole words of a name shorter than the name (`guerre en
/// Ukraine`: `guerre`, `guerre en`, `en`, `en Ukraine`, `Ukraine`…), where
/// a shorter name may be found that the whole name hides.
fn word_windows(name: &str) -> Vec<&str> {
    let mut starts = vec![0];
    let mut ends = Vec::new();
    let mut previous_is_word = false;
    for (i, c) in name.char_indices() {
        let is_word = crate::normalize::is_word_char(c);
        if is_word && !previous_is_word && i > 0 {
            starts.push(i);
        }
        if !is_word && previous_is_word {
            ends.push(i);
        }
        previous_is_word = is_word;
    }
    ends.push(name.len());
    let mut out = Vec::new();
    for &s in &starts {
        for &e in ends.iter().filter(|&&e| e > s) {
            if (s, e) != (0, name.len()) {
                out.push(&name[s..e]);
            }
        }
    }
    out
}

fn statement_features(
    text: &str,
    lang: Lang,
    stmt: Span,
    own: Own,
    tagger: &Tagger,
    contains: &[Box<[usize]>],
) -> StatementFeatures {
    let Own {
        mentions,
        quantities,
    } = own;
    let body = stmt.of(text);
    let quotes: Vec<Span> = quotations(body)
        .into_iter()
        .map(|q| Span::new(q.start + stmt.start, q.end + stmt.start))
        .collect();
    let in_quote = |span: Span| within_one(&quotes, span);
    let mut features = Vec::new();
    if is_photo_credit(line_of(text, stmt)) {
        // A caption with its credit describes a picture, not a claim.
        let tokens = fold(body).tokens().count();
        return StatementFeatures { features, tokens };
    }
    let mut push = |key: EvidenceKey, span: Span, factor: f32, role: Role| {
        // A speaker key stands for the whole quotation: it is not evidence
        // "inside" one, so it takes no quoted-on-both-sides bonus.
        let quoted = !matches!(key, EvidenceKey::Quote(_)) && in_quote(span);
        features.push(Feature {
            key,
            span,
            factor,
            in_quote: quoted,
            context: role.context,
            counted: role.counted,
            parent: role.parent,
        });
    };

    for m in mentions {
        let entry = tagger.entry(m);
        if is_quote_scoped(tagger, m) {
            // Everyday words say most when both sides quote them; outside
            // quotations they are weak evidence.
            let factor = if in_quote(m.span) {
                m.confidence
            } else {
                m.confidence * EVERYDAY_OUTSIDE_QUOTES
            };
            push(
                EvidenceKey::Wording(m.entry),
                m.span,
                factor,
                Role::default(),
            );
            continue;
        }
        let own = lexicon_key(tagger, m.entry);
        let role = Role {
            context: is_scoped(tagger, m, "context"),
            ..Role::default()
        };
        push(own.clone(), m.span, m.confidence, role);
        let derived = || Role {
            parent: Some(own.clone()),
            ..Role::default()
        };
        for &place in &contains[m.entry] {
            push(
                EvidenceKey::Entity(place),
                m.span,
                m.confidence * NESTED_FACTOR,
                derived(),
            );
        }
        for &target in &entry.stands_for {
            push(
                EvidenceKey::Entity(target),
                m.span,
                m.confidence * METONYMY_FACTOR,
                derived(),
            );
        }
    }
    for q in quantities {
        let family = q.key.family();
        if family == Family::Number && is_reference(text, lang, q) {
            // "les deux dirigeants", "the two leaders": who, not how many.
            continue;
        }
        let context = matches!(
            family,
            Family::Weekday | Family::Date | Family::Month | Family::Year
        );
        let counts = (family == Family::Number)
            .then(|| counted(text, q.span, mentions, tagger))
            .flatten();
        let role = Role {
            context,
            counted: counts,
            parent: None,
        };
        push(EvidenceKey::Number(q.key.comparable()), q.span, 1.0, role);
    }
    if let Some((speaker, span)) = speaker(mentions, &quotes, tagger) {
        push(EvidenceKey::Quote(speaker), span, 1.0, Role::default());
    }
    let mention_spans: Vec<Span> = mentions.iter().map(|m| m.span).collect();
    let quantity_spans: Vec<Span> = quantities.iter().map(|q| q.span).collect();
    let covered =
        |span: Span| overlaps_one(&mention_spans, span) || overlaps_one(&quantity_spans, span);
    let folded = fold(body);
    let mut tokens = 0;
    for (token, span) in folded.tokens() {
        tokens += 1;
        let span = Span::new(span.start + stmt.start, span.end + stmt.start);
        // Capitalised words are names: the pair's names, not cognates.
        let capitalised = span.of(text).starts_with(char::is_uppercase);
        if token.len() < cognates::MIN_WORD
            || capitalised
            || covered(span)
            || function_words(lang).contains(token)
            || cognate_stoplist().iter().any(|s| {
                token.starts_with(s) || s.starts_with(leading_letters(token, COGNATE_PREFIX))
            })
        {
            continue;
        }
        for key in cognates::keys(token, lang) {
            push(EvidenceKey::Cognate(key), span, 1.0, Role::default());
        }
    }
    features.sort_by_key(|f| (f.span.start, f.key.kind()));
    StatementFeatures { features, tokens }
}

/// The first `n` letters of a word (the whole word when shorter): folded
/// tokens may still hold letters of other scripts, several bytes long.
fn leading_letters(word: &str, n: usize) -> &str {
    word.char_indices()
        .nth(n)
        .map_or(word, |(at, _)| &word[..at])
}

/// The evidence key of a lexicon entry: a TERM concept or a named entity.
fn lexicon_key(tagger: &Tagger, entry: usize) -> EvidenceKey {
    if tagger.lexicon().entries()[entry].kind == EntityType::Term {
        EvidenceKey::Term(entry)
    } else {
        EvidenceKey::Entity(entry)
    }
}

/// True for a mention of a lexicon name with `scope` = `quote` (everyday
/// words, counted only inside quotations).
fn is_quote_scoped(tagger: &Tagger, m: &Mention) -> bool {
    is_scoped(tagger, m, "quote")
}

/// True when the lexicon name of `m` has this `scope`: `quote` (everyday
/// words, evidence only inside quotations) or `context` (news sources,
/// evidence only beside other evidence).
fn is_scoped(tagger: &Tagger, m: &Mention, scope: &str) -> bool {
    tagger
        .name(m)
        .extra
        .get(SCOPE_COLUMN)
        .is_some_and(|s| s == scope)
}

/// The entry a bare number counts: a mention right after it (`1 500 morts`,
/// `2 millions d'obus`, `2.1 million votes`, `dozens of people`).
/// Everyday words (`scope` = `quote`: people, voice, thing) are too loose to
/// say that two counts differ, so they count as unknown.
fn counted(text: &str, number: Span, mentions: &[Mention], tagger: &Tagger) -> Option<usize> {
    let at = mentions.partition_point(|m| m.span.start < number.end);
    let next = mentions.get(at)?;
    let gap = text.get(number.end..next.span.start)?.trim();
    let joins = ["", "de", "d'", "d’", "d", "of"];
    (joins.contains(&gap) && !is_quote_scoped(tagger, next)).then_some(next.entry)
}

/// True for a small number that says who rather than how many: after a
/// definite article or demonstrative (`les deux dirigeants`, `the two
/// leaders`, `ces trois pays`).
fn is_reference(text: &str, lang: Lang, q: &Quantity) -> bool {
    let small = q
        .key
        .to_string()
        .strip_prefix("num:")
        .and_then(|n| n.parse::<u32>().ok())
        .is_some_and(|n| n <= 12);
    if !small {
        return false;
    }
    let before = &text[..q.span.start];
    let word = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let determiners: &[&str] = match lang {
        Lang::Fr => &[
            "les", "ces", "des", "ses", "leurs", "nos", "vos", "mes", "aux",
        ],
        Lang::En => &[
            "the", "these", "those", "its", "their", "his", "her", "our", "both",
        ],
    };
    determiners.contains(&word.as_str())
}

/// The line that holds `span` (a caption's statements share its line with
/// its credit).
fn line_of(text: &str, span: Span) -> &str {
    let start = text[..span.start].rfind('\n').map_or(0, |n| n + 1);
    let end = text[span.end..]
        .find('\n')
        .map_or(text.len(), |n| span.end + n);
    &text[start..end]
}

/// True for a line with a photo credit: `(Photo : Jane Doe / AFP)`,
/// `[John Smith/Reuters]`, `(AP Photo/Daniel Marsh)`, `© AFP`.
fn is_photo_credit(statement: &str) -> bool {
    if statement.contains('©') {
        return true;
    }
    let lower = statement.to_lowercase();
    let groups = lower
        .split(['(', '['])
        .skip(1)
        .filter_map(|g| g.split([')', ']']).next());
    for group in groups {
        let words = group.split_whitespace().count();
        let credit_word = [
            "photo", "crédit", "credit", "getty", "afp", "reuters", "ap ", "epa",
        ]
        .iter()
        .any(|w| group.contains(w));
        if words <= 8 && group.contains('/') && credit_word {
            return true;
        }
    }
    lower.trim_start().starts_with("photo :") || lower.trim_start().starts_with("photo:")
}

/// The person quoted: a person mentioned outside the quotations, nearest to
/// one. The feature spans the longest quotation: short ones are often a term
/// in quotation marks (« coopération militaro-technique »), the long one the
/// speech.
fn speaker(mentions: &[Mention], quotes: &[Span], tagger: &Tagger) -> Option<(usize, Span)> {
    let longest = *quotes
        .iter()
        .max_by_key(|q| (q.len(), std::cmp::Reverse(q.start)))?;
    let distance = |span: Span| {
        // The quotations just before and just after the mention.
        let after = quotes.partition_point(|q| q.end <= span.start);
        let before_gap = after.checked_sub(1).map(|k| span.start - quotes[k].end);
        let after_gap = quotes.get(after).map(|q| q.start.saturating_sub(span.end));
        before_gap
            .into_iter()
            .chain(after_gap)
            .min()
            .unwrap_or(usize::MAX)
    };
    mentions
        .iter()
        .filter(|m| tagger.entry(m).kind == EntityType::Person && !overlaps_one(quotes, m.span))
        .min_by_key(|m| (distance(m.span), m.span.start))
        .map(|m| (m.entry, longest))
}

/// True when `span` overlaps one of `sorted` (in order, not overlapping):
/// a binary search, so a statement with a million mentions stays linear.
fn overlaps_one(sorted: &[Span], span: Span) -> bool {
    let at = sorted.partition_point(|s| s.end <= span.start);
    sorted.get(at).is_some_and(|s| s.start < span.end)
}

/// True when `span` lies inside one of `sorted` (in order, not overlapping).
pub(super) fn within_one(sorted: &[Span], span: Span) -> bool {
    let at = sorted.partition_point(|s| s.end < span.end);
    sorted.get(at).is_some_and(|s| s.contains(span))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn span_searches_match_a_linear_scan() {
        let sorted = [Span::new(2, 5), Span::new(8, 9), Span::new(12, 20)];
        for start in 0..22 {
            for end in start..23 {
                let span = Span::new(start, end);
                let overlaps = sorted.iter().any(|s| s.overlaps(span));
                let within = sorted.iter().any(|s| s.contains(span));
                assert_eq!(overlaps_one(&sorted, span), overlaps, "{span:?}");
                assert_eq!(within_one(&sorted, span), within, "{span:?}");
            }
        }
    }
}
