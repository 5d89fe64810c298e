//! ⑤ Which entities each side of a pair mentions: the "both sides / only one
//! side" lists of the summaries, and the `entities` field of the JSON.
//!
//! The lists count what the aligner counts (see `aligner_view`): a name
//! in a caption with a photo credit is not counted, and an event,
//! organisation or facility named after a place counts for the place too, so
//! that `guerre contre l’Ukraine` puts Ukraine on the French side.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::aligner_view;
use super::mentions::MentionRecord;
use crate::align::{Aligner, Analysis};
use crate::lexicon::EntityType;

/// How often each side mentions one entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityUse {
    /// The entry's id.
    pub entity: String,
    /// The entry's label.
    pub label: String,
    /// The entry's type (never TERM).
    #[serde(rename = "type")]
    pub kind: EntityType,
    /// Mentions in the left article.
    pub left: usize,
    /// Mentions in the right article.
    pub right: usize,
}

impl EntityUse {
    /// Which sides mention it.
    pub fn sides(&self) -> Sides {
        match (self.left > 0, self.right > 0) {
            (true, false) => Sides::Left,
            (false, true) => Sides::Right,
            _ => Sides::Both,
        }
    }
}

/// Which sides of a pair mention an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sides {
    /// Both articles.
    Both,
    /// Only the left one.
    Left,
    /// Only the right one.
    Right,
}

/// The entities (not TERMs) of two analysed articles, as the aligner counts
/// them (see the module doc), most mentioned first, then by label.
pub fn entity_uses(aligner: &Aligner, left: &Analysis, right: &Analysis) -> Vec<EntityUse> {
    let lexicon = aligner.tagger().lexicon();
    let mut counts = Tally::default();
    for (a, is_left) in [(left, true), (right, false)] {
        let mut at = 0;
        for (s, st) in a.statements.iter().enumerate() {
            while at < a.mentions.len() && a.mentions[at].span.start < st.span.start {
                at += 1;
            }
            let first = at;
            while at < a.mentions.len() && a.mentions[at].span.end <= st.span.end {
                at += 1;
            }
            let mentions = &a.mentions[first..at];
            if aligner_view::is_credit_line(aligner, a, s, mentions) {
                continue;
            }
            for m in mentions {
                let places = aligner_view::contained_places(aligner, a, s, m);
                for entry in std::iter::once(m.entry).chain(places) {
                    let e = &lexicon.entries()[entry];
                    counts.add(&e.id, &e.label, e.kind, is_left);
                }
            }
        }
    }
    counts.sorted()
}

/// The entities (not TERMs) of two lists of mentions, each mention counted:
/// for one tagged text, where there is no aligner.
pub fn of_records(left: &[MentionRecord], right: &[MentionRecord]) -> Vec<EntityUse> {
    let mut counts = Tally::default();
    for (records, is_left) in [(left, true), (right, false)] {
        for r in records {
            counts.add(r.entity, r.label, r.kind, is_left);
        }
    }
    counts.sorted()
}

/// Mention counts per entity, in order of first mention.
#[derive(Default)]
struct Tally {
    uses: Vec<EntityUse>,
    at: HashMap<String, usize>,
}

impl Tally {
    fn add(&mut self, entity: &str, label: &str, kind: EntityType, is_left: bool) {
        if kind == EntityType::Term {
            return;
        }
        let i = match self.at.get(entity) {
            Some(&i) => i,
            None => {
                self.at.insert(entity.to_string(), self.uses.len());
                self.uses.push(EntityUse {
                    entity: entity.to_string(),
                    label: label.to_string(),
                    kind,
                    left: 0,
                    right: 0,
                });
                self.uses.len() - 1
            }
        };
        if is_left {
            self.uses[i].left += 1;
        } else {
            self.uses[i].right += 1;
        }
    }

    /// Most mentioned first, then by label and id.
    fn sorted(mut self) -> Vec<EntityUse> {
        self.uses.sort_by(|a, b| {
            (b.left + b.right)
                .cmp(&(a.left + a.right))
                .then_with(|| a.label.cmp(&b.label))
                .then_with(|| a.entity.cmp(&b.entity))
        });
        self.uses
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::AlignOptions;
    use crate::lexicon::Lexicon;
    use crate::span::Lang;
    use crate::tag::{TagOptions, Tagger};

    fn aligner(csv: &str) -> Aligner {
        let lexicon = Lexicon::builder()
            .builtin(false)
            .add_text("test.csv", csv)
            .build()
            .unwrap();
        Aligner::new(
            Tagger::new(lexicon, TagOptions::default()),
            AlignOptions::default(),
        )
    }

    fn uses(aligner: &Aligner, fr: &str, en: &str) -> Vec<(String, usize, usize)> {
        let (l, r) = (aligner.analyse(fr, Lang::Fr), aligner.analyse(en, Lang::En));
        entity_uses(aligner, &l, &r)
            .into_iter()
            .map(|u| (u.entity, u.left, u.right))
            .collect()
    }

    #[test]
    fn an_event_named_after_a_place_counts_for_the_place() {
        let a = aligner(
            "entity,type,lang,name\n\
             ukraine,GPE,fr,Ukraine\nukraine,GPE,en,Ukraine\n\
             war_in_ukraine,EVENT,fr,guerre contre l'Ukraine\nwar_in_ukraine,EVENT,en,war in Ukraine\n",
        );
        // Regression: Ukraine was "only in English" beside "guerre contre l’Ukraine".
        let got = uses(
            &a,
            "Moscou poursuit sa guerre contre l’Ukraine.",
            "Ukraine said the war in Ukraine goes on.",
        );
        assert_eq!(
            got,
            [
                ("ukraine".to_string(), 1, 2),
                ("war_in_ukraine".to_string(), 1, 1)
            ]
        );
    }

    #[test]
    fn names_in_a_caption_with_a_photo_credit_are_not_counted() {
        let a = aligner(
            "entity,type,lang,name\n\
             vladimir_putin,PER,*,Vladimir Putin\nvladimir_putin,PER,fr,Poutine\n\
             vladimir_smirnov,PER,*,Vladimir Smirnov\n",
        );
        // Regression: the credit and its caption were entities "only in English".
        let got = uses(
            &a,
            "Poutine a parlé.\n",
            "Vladimir Putin spoke.\n\nVladimir Putin in Vostochny. [Vladimir Smirnov/Sputnik/Pool via Reuters]\n",
        );
        assert_eq!(got, [("vladimir_putin".to_string(), 1, 1)]);
    }
}
