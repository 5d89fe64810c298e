//! ⑤ Evidence as people read it: how each side words it, what was shared
//! when no word says it, and never a machine key (`ord:1`, `month:7`, a
//! cognate's stem): those stay in the JSON's `key`.
//!
//! Pieces that both sides word the same way are one line, naming each thing
//! they stand for: `Maison Blanche ↔ White House (White House, United
//! States)` rather than the same pair twice.

use crate::align::{Evidence, EvidenceKind};

/// The word for evidence kinds in reports (and in JSON).
pub(crate) fn kind_word(kind: EvidenceKind) -> &'static str {
    match kind {
        EvidenceKind::Entity => "entity",
        EvidenceKind::Name => "name",
        EvidenceKind::Number => "number",
        EvidenceKind::Quote => "quote",
        EvidenceKind::Term => "term",
        EvidenceKind::Wording => "wording",
        EvidenceKind::Cognate => "cognate",
    }
}

/// One line of evidence: one piece, or several that both sides word alike.
#[derive(Clone, Debug)]
pub(crate) struct EvidenceLine<'a> {
    /// The pieces, strongest first; never empty.
    pub pieces: Vec<&'a Evidence>,
}

/// The lines of a link's evidence, in the order of each line's strongest piece.
pub(crate) fn lines(evidence: &[Evidence]) -> Vec<EvidenceLine<'_>> {
    let mut lines: Vec<EvidenceLine> = Vec::new();
    let mut pairs: Vec<String> = Vec::new();
    for e in evidence {
        let pair = words(e);
        match pairs.iter().position(|p| *p == pair) {
            Some(i) => lines[i].pieces.push(e),
            None => {
                pairs.push(pair);
                lines.push(EvidenceLine { pieces: vec![e] });
            }
        }
    }
    lines
}

/// `Choïgou ↔ Shoigu`: how each side words one piece of evidence (its
/// label where a side has no words).
fn words(e: &Evidence) -> String {
    format!("{} ↔ {}", side_words(e, &e.left), side_words(e, &e.right))
}

fn side_words(e: &Evidence, words: &[String]) -> String {
    if words.is_empty() {
        e.label.clone()
    } else {
        words.join(" / ")
    }
}

impl<'a> EvidenceLine<'a> {
    /// A line of one piece.
    pub fn single(e: &'a Evidence) -> EvidenceLine<'a> {
        EvidenceLine { pieces: vec![e] }
    }

    /// Its strongest piece.
    pub fn first(&self) -> &'a Evidence {
        self.pieces[0]
    }

    /// `Maison Blanche ↔ White House`.
    pub fn pair(&self) -> String {
        words(self.first())
    }

    /// Each side's words, each cut to `width` characters between words.
    pub fn pair_within(&self, width: usize) -> String {
        let e = self.first();
        format!(
            "{} ↔ {}",
            super::mentions::truncate(&side_words(e, &e.left), width),
            super::mentions::truncate(&side_words(e, &e.right), width)
        )
    }

    /// The kinds of its pieces, each once, strongest first.
    pub fn kinds(&self) -> Vec<EvidenceKind> {
        let mut kinds: Vec<EvidenceKind> = Vec::new();
        for p in &self.pieces {
            if !kinds.contains(&p.kind) {
                kinds.push(p.kind);
            }
        }
        kinds
    }

    /// `entity`, `number, term`.
    pub fn kind_words(&self) -> String {
        self.kinds()
            .into_iter()
            .map(kind_word)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// What the line stands for, where the words do not say it all: the
    /// label of a piece no word says (`Moscou ↔ Moscow`: Russia), who is
    /// quoted (`quoted: Vladimir Putin`), and every thing a line of several
    /// pieces stands for (`White House, United States`). Never a key.
    pub fn names(&self) -> Vec<String> {
        let mut names: Vec<(String, bool)> = Vec::new();
        for p in &self.pieces {
            let Some(name) = name(p) else { continue };
            if !names.iter().any(|(n, _)| *n == name) {
                names.push((name, p.kind == EvidenceKind::Quote || is_unsaid(p)));
            }
        }
        if names.len() > 1 {
            names.into_iter().map(|(n, _)| n).collect()
        } else {
            names
                .into_iter()
                .filter(|(_, shown)| *shown)
                .map(|(n, _)| n)
                .collect()
        }
    }

    /// One line for people: `Maison Blanche ↔ White House (White House,
    /// United States)`.
    pub fn text(&self) -> String {
        with_names(self.pair(), &self.names())
    }

    /// As [`EvidenceLine::text`], each side's words cut to `width` characters.
    pub fn text_within(&self, width: usize) -> String {
        with_names(self.pair_within(width), &self.names())
    }
}

fn with_names(pair: String, names: &[String]) -> String {
    if names.is_empty() {
        pair
    } else {
        format!("{pair} ({})", names.join(", "))
    }
}

/// One piece for a tooltip: `Russia — entity, weight 0.35`, `cognate,
/// weight 0.92`.
pub(crate) fn describe(e: &Evidence) -> String {
    let how = format!("{}, weight {:.2}", kind_word(e.kind), e.weight);
    match name(e) {
        Some(name) => format!("{name} — {how}"),
        None => how,
    }
}

/// What a piece stands for, for people: its label, or who is quoted; none
/// for a cognate (its label is a stem, a key) or a name (its words say it).
fn name(e: &Evidence) -> Option<String> {
    match e.kind {
        EvidenceKind::Cognate | EvidenceKind::Name => None,
        EvidenceKind::Quote => Some(format!("quoted: {}", e.label)),
        _ => Some(e.label.clone()),
    }
}

/// True when neither side's wording says the piece's label (`Russia` for
/// `Moscou ↔ Moscow`, `buy` for `acheter ↔ purchasing`); false when a word
/// holds it (`Kim Jong-un` for Kim Jong Un, `satellites` for satellite),
/// letters and digits compared, and for a piece with no words.
fn is_unsaid(e: &Evidence) -> bool {
    let key = |text: &str| {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    let label = key(&e.label);
    let says = |words: &[String]| words.iter().any(|w| key(w).contains(&label));
    let wordless = e.left.is_empty() && e.right.is_empty();
    !(label.is_empty() || wordless || says(&e.left) || says(&e.right))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(kind: EvidenceKind, key: &str, label: &str, left: &[&str], right: &[&str]) -> Evidence {
        Evidence {
            kind,
            key: key.into(),
            label: label.into(),
            left: left.iter().map(|w| w.to_string()).collect(),
            right: right.iter().map(|w| w.to_string()).collect(),
            weight: 1.0,
        }
    }

    fn entity(label: &str, left: &[&str], right: &[&str]) -> Evidence {
        e(EvidenceKind::Entity, "k", label, left, right)
    }

    #[test]
    fn a_label_is_shown_only_when_no_word_says_it() {
        let cases = [
            (
                entity("Russia", &["Moscou"], &["Moscow"]),
                "Moscou ↔ Moscow (Russia)",
            ),
            (
                entity("Russia", &["Moscou"], &["Russia"]),
                "Moscou ↔ Russia",
            ),
            (
                entity("Kim Jong Un", &["Kim Jong-un"], &["Kim Jong-un"]),
                "Kim Jong-un ↔ Kim Jong-un",
            ),
            (
                entity("satellite", &["satellites"], &["satellites"]),
                "satellites ↔ satellites",
            ),
            (
                entity("buy", &["acheter"], &["purchasing"]),
                "acheter ↔ purchasing (buy)",
            ),
            (
                e(EvidenceKind::Number, "dur:4:year", "4 years", &[], &[]),
                "4 years ↔ 4 years",
            ),
            (
                e(
                    EvidenceKind::Quote,
                    "vladimir_putin",
                    "Vladimir Putin",
                    &["« x »"],
                    &["“x”"],
                ),
                "« x » ↔ “x” (quoted: Vladimir Putin)",
            ),
        ];
        for (evidence, want) in &cases {
            assert_eq!(EvidenceLine::single(evidence).text(), *want, "{evidence:?}");
        }
    }

    #[test]
    fn machine_keys_never_show() {
        // Regression: `ter|or`, `verdikt|` (cognate stems) were shown as labels.
        let cases = [
            e(
                EvidenceKind::Cognate,
                "ter|or",
                "ter|or",
                &["terreur"],
                &["terror"],
            ),
            e(
                EvidenceKind::Cognate,
                "verdikt|",
                "verdikt|",
                &["verdict"],
                &["verdict"],
            ),
            e(
                EvidenceKind::Name,
                "bolsonaro",
                "Bolsonaro",
                &["Bolsonaro"],
                &["Bolsonaro"],
            ),
        ];
        for evidence in &cases {
            let text = EvidenceLine::single(evidence).text();
            assert!(!text.contains('|') && !text.contains('('), "{text}");
        }
    }

    #[test]
    fn pieces_worded_alike_are_one_line_naming_each() {
        let white_house = entity("White House", &["Maison Blanche"], &["White House"]);
        let us = entity("United States", &["Maison Blanche"], &["White House"]);
        let weapons = e(
            EvidenceKind::Term,
            "weapon",
            "weapon",
            &["armes"],
            &["weaponry"],
        );
        let twice_n = e(
            EvidenceKind::Number,
            "times:2",
            "twice",
            &["à deux reprises"],
            &["twice"],
        );
        let twice_t = e(
            EvidenceKind::Term,
            "twice",
            "twice",
            &["à deux reprises"],
            &["twice"],
        );
        let war = entity(
            "war in Ukraine",
            &["guerre contre l’Ukraine"],
            &["invasion of Ukraine"],
        );
        let ukraine = entity(
            "Ukraine",
            &["guerre contre l’Ukraine"],
            &["invasion of Ukraine"],
        );
        let evidence = [white_house, weapons, us, twice_n, war, twice_t, ukraine];
        let shown: Vec<(String, String)> = lines(&evidence)
            .iter()
            .map(|l| (l.text(), l.kind_words()))
            .collect();
        // Regression: `Maison Blanche ↔ White House` and
        // `Maison Blanche ↔ White House (United States)` were two lines.
        assert_eq!(
            shown,
            [
                (
                    "Maison Blanche ↔ White House (White House, United States)".to_string(),
                    "entity".to_string()
                ),
                ("armes ↔ weaponry".to_string(), "term".to_string()),
                (
                    "à deux reprises ↔ twice".to_string(),
                    "number, term".to_string()
                ),
                (
                    "guerre contre l’Ukraine ↔ invasion of Ukraine (war in Ukraine, Ukraine)"
                        .to_string(),
                    "entity".to_string()
                ),
            ]
        );
    }

    #[test]
    fn long_sides_are_cut_between_words() {
        let quote = e(
            EvidenceKind::Quote,
            "vladimir_putin",
            "Vladimir Putin",
            &["C’est pourquoi nous sommes venus au cosmodrome Vostotchny"],
            &["That’s why we came here"],
        );
        assert_eq!(
            EvidenceLine::single(&quote).text_within(30),
            "C’est pourquoi nous sommes… ↔ That’s why we came here (quoted: Vladimir Putin)"
        );
    }
}
