//! The segmenter's tests, by rule: table-driven cases checked against the
//! module's invariants (ordered, disjoint, trimmed statements that cover
//! every non-whitespace character but bullet markers).

mod robustness;
mod seeds;

use super::chars::{is_bullet_marker, is_inline_space, is_line_break, is_space};
use super::*;
use StatementKind::{Bullet, Heading, Sentence};
use std::sync::OnceLock;

// ---- shared helpers -------------------------------------------------

/// One segmenter for all tests (also proves it is `Sync`).
fn segmenter() -> &'static Segmenter {
    static SEGMENTER: OnceLock<Segmenter> = OnceLock::new();
    SEGMENTER.get_or_init(Segmenter::new)
}

/// Segments `text` and checks the invariants on the way.
fn segment(text: &str, lang: Lang) -> Vec<Statement> {
    let statements = segmenter().segment(text, lang);
    if let Err(e) = check_invariants(text, &statements) {
        panic!("invariant broken on {text:?}: {e}");
    }
    statements
}

/// The statements' texts with their kinds.
fn kinded(text: &str, lang: Lang) -> Vec<(StatementKind, &str)> {
    segment(text, lang)
        .iter()
        .map(|s| (s.kind, s.span.of(text)))
        .collect()
}

/// The statements' texts.
fn texts(text: &str, lang: Lang) -> Vec<&str> {
    kinded(text, lang).into_iter().map(|(_, t)| t).collect()
}

/// Table-driven check of statement texts.
fn assert_texts(lang: Lang, cases: &[(&str, &[&str])]) {
    for (input, expected) in cases {
        assert_eq!(texts(input, lang), *expected, "input: {input:?}");
    }
}

/// Table-driven check of statement texts and kinds.
fn assert_kinded(lang: Lang, cases: &[(&str, &[(StatementKind, &str)])]) {
    for (input, expected) in cases {
        assert_eq!(kinded(input, lang), *expected, "input: {input:?}");
    }
}

/// The module's contract, checked with its own small oracle: statements
/// are ordered, disjoint, non-empty, on char boundaries, trimmed, and
/// cover every non-whitespace char except line-initial bullet markers.
fn check_invariants(text: &str, statements: &[Statement]) -> Result<(), String> {
    let mut covered = vec![false; text.len()];
    let mut previous_end = 0;
    for st in statements {
        let Span { start, end } = st.span;
        if start < previous_end || start >= end || end > text.len() {
            return Err(format!("bad span {start}..{end} after {previous_end}"));
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(format!("span {start}..{end} off a char boundary"));
        }
        let piece = &text[start..end];
        if piece.starts_with(is_space) || piece.ends_with(is_space) {
            return Err(format!("untrimmed statement {piece:?}"));
        }
        covered[start..end].iter_mut().for_each(|c| *c = true);
        previous_end = end;
    }
    let mut line_start = true;
    for (i, c) in text.char_indices() {
        if is_line_break(c) {
            line_start = true;
            continue;
        }
        if is_space(c) {
            continue;
        }
        let next = text[i + c.len_utf8()..].chars().next();
        let marker = line_start && is_bullet_marker(c) && next.is_some_and(is_inline_space);
        if !covered[i] && !marker {
            return Err(format!("char {c:?} at {i} is in no statement"));
        }
        line_start = false;
    }
    Ok(())
}

// ---- API --------------------------------------------------------------

#[test]
fn api_basics() {
    fn send_sync<T: Send + Sync>() {}
    send_sync::<Segmenter>();
    let seg = Segmenter::default();
    assert!(seg.segment("", Lang::En).is_empty());
    assert!(seg.segment(" \n\u{A0}\u{FEFF}\t\r\n", Lang::Fr).is_empty());
    let text = "Hello there. General Kenobi!";
    let spans: Vec<Span> = seg.segment(text, Lang::En).iter().map(|s| s.span).collect();
    assert_eq!(spans, vec![Span::new(0, 12), Span::new(13, 28)]);
}

// ---- rule 1: sentence ends --------------------------------------------

#[test]
fn rule1_terminal_punctuation_en() {
    assert_texts(
        Lang::En,
        &[
            (
                "Hello world. My name is Ada.",
                &["Hello world.", "My name is Ada."],
            ),
            (
                "Is it true? Yes it is! Fine.",
                &["Is it true?", "Yes it is!", "Fine."],
            ),
            (
                "Really?! Yes. Wow!! Ok?? Sure.",
                &["Really?!", "Yes.", "Wow!!", "Ok??", "Sure."],
            ),
            (
                "She paused… Then she left.",
                &["She paused…", "Then she left."],
            ),
            (
                "He waited... Nothing came.",
                &["He waited...", "Nothing came."],
            ),
            (
                "It was over. 12 people died.",
                &["It was over.", "12 people died."],
            ),
            (
                "He said it. “Nobody knows,” she added.",
                &["He said it.", "“Nobody knows,” she added."],
            ),
            (
                "He said it. \"Nobody knows,\" she added.",
                &["He said it.", "\"Nobody knows,\" she added."],
            ),
            (
                "Prices rose. (Details follow.) More later.",
                &["Prices rose.", "(Details follow.)", "More later."],
            ),
            (
                "She said “it is over.” Then she left.",
                &["She said “it is over.”", "Then she left."],
            ),
            (
                "She said 'it is over.' Then she left.",
                &["She said 'it is over.'", "Then she left."],
            ),
            (
                "He left (for good.) Later he returned.",
                &["He left (for good.)", "Later he returned."],
            ),
            (
                "The value is 5. and then some.",
                &["The value is 5. and then some."],
            ),
            (
                "She works at Yahoo! in the finance team.",
                &["She works at Yahoo! in the finance team."],
            ),
            ("It is done. ", &["It is done."]),
        ],
    );
}

#[test]
fn rule1_french_spacing() {
    assert_texts(
        Lang::Fr,
        &[
            (
                "Qui est là ? Personne ne répond.",
                &["Qui est là ?", "Personne ne répond."],
            ),
            (
                "Qui est là\u{202F}? Personne.",
                &["Qui est là\u{202F}?", "Personne."],
            ),
            (
                "Quelle surprise\u{A0}! Il est venu.",
                &["Quelle surprise\u{A0}!", "Il est venu."],
            ),
            ("Vraiment ?! Oui.", &["Vraiment ?!", "Oui."]),
            ("Pourquoi ? demande-t-il.", &["Pourquoi ? demande-t-il."]),
            (
                "Il a répondu\u{A0}: «\u{A0}nous verrons\u{A0}». Puis il est parti.",
                &[
                    "Il a répondu\u{A0}: «\u{A0}nous verrons\u{A0}».",
                    "Puis il est parti.",
                ],
            ),
            (
                "Il a dit «\u{A0}c’est fini.\u{A0}» Puis il est parti.",
                &["Il a dit «\u{A0}c’est fini.\u{A0}»", "Puis il est parti."],
            ),
            (
                "Il a dit « Il y a du temps. ». Ensuite, rien.",
                &["Il a dit « Il y a du temps. ».", "Ensuite, rien."],
            ),
            (
                "C’est la fin. « Et après ? » demande-t-il.",
                &["C’est la fin.", "« Et après ? » demande-t-il."],
            ),
        ],
    );
}

// ---- rule 2: line structure ---------------------------------------------

#[test]
fn rule2_lines_and_headings() {
    assert_kinded(
        Lang::En,
        &[
            (
                "Military demonstration\nThis is the first meeting.",
                &[
                    (Heading, "Military demonstration"),
                    (Sentence, "This is the first meeting."),
                ],
            ),
            (
                "Putin greets Kim in the Amur region [Vladimir Smirnov/Sputnik/Pool via Reuters]\nThe talks began.",
                &[
                    (
                        Heading,
                        "Putin greets Kim in the Amur region [Vladimir Smirnov/Sputnik/Pool via Reuters]",
                    ),
                    (Sentence, "The talks began."),
                ],
            ),
            (
                "First paragraph.\nSecond paragraph.",
                &[
                    (Sentence, "First paragraph."),
                    (Sentence, "Second paragraph."),
                ],
            ),
            (
                "Here is the list:\nThe first one",
                &[(Sentence, "Here is the list:"), (Heading, "The first one")],
            ),
            (
                "Title\n\nBody text.",
                &[(Heading, "Title"), (Sentence, "Body text.")],
            ),
            (
                "He said “yes.”\nThen nothing",
                &[(Sentence, "He said “yes.”"), (Heading, "Then nothing")],
            ),
            (
                "Signed by Mr.\nSmith arrived late.",
                &[
                    (Sentence, "Signed by Mr."),
                    (Sentence, "Smith arrived late."),
                ],
            ),
            (
                "Breaking. Markets fall",
                &[(Sentence, "Breaking."), (Heading, "Markets fall")],
            ),
            (
                "Title\r\nBody text.\r\n",
                &[(Heading, "Title"), (Sentence, "Body text.")],
            ),
            (
                "One\u{2029}Two.\u{2028}Three",
                &[(Heading, "One"), (Sentence, "Two."), (Heading, "Three")],
            ),
            (
                "\u{FEFF}Hello world.\u{A0}\n",
                &[(Sentence, "Hello world.")],
            ),
            (
                "Source: Al Jazeera and agencies\n\nAdvertisement",
                &[
                    (Heading, "Source: Al Jazeera and agencies"),
                    (Heading, "Advertisement"),
                ],
            ),
        ],
    );
}

#[test]
fn rule2_hard_wrapped_lines_continue() {
    assert_kinded(
        Lang::En,
        &[
            (
                "The pair were expected to discuss arms\ndeals as the war rages. They met.",
                &[
                    (
                        Sentence,
                        "The pair were expected to discuss arms\ndeals as the war rages.",
                    ),
                    (Sentence, "They met."),
                ],
            ),
            (
                "Headline here\nthe end",
                &[(Heading, "Headline here\nthe end")],
            ),
            (
                "It ended.\nand then",
                &[(Sentence, "It ended."), (Heading, "and then")],
            ),
            (
                "A title\n\nlowercase start.",
                &[(Heading, "A title"), (Sentence, "lowercase start.")],
            ),
        ],
    );
}

// ---- rule 3: bullets ---------------------------------------------------

#[test]
fn rule3_bullets() {
    assert_kinded(
        Lang::En,
        &[
            (
                "• First point. Second sentence.\n• Other point",
                &[
                    (Bullet, "First point."),
                    (Bullet, "Second sentence."),
                    (Bullet, "Other point"),
                ],
            ),
            ("- dash item.", &[(Bullet, "dash item.")]),
            ("* star item", &[(Bullet, "star item")]),
            ("– en dash item", &[(Bullet, "en dash item")]),
            ("· middle dot item", &[(Bullet, "middle dot item")]),
            ("▪ square item", &[(Bullet, "square item")]),
            ("•\u{A0}nbsp item", &[(Bullet, "nbsp item")]),
            (
                "  • Item one.\n    Its detail.\nAfter the list.",
                &[
                    (Bullet, "Item one."),
                    (Bullet, "Its detail."),
                    (Sentence, "After the list."),
                ],
            ),
            (
                "• Item.\n\n  Indented paragraph.",
                &[(Bullet, "Item."), (Sentence, "Indented paragraph.")],
            ),
            (
                "• an item that wraps\n  onto the next line.",
                &[(Bullet, "an item that wraps\n  onto the next line.")],
            ),
            ("-5 degrees outside.", &[(Sentence, "-5 degrees outside.")]),
            ("*emphasis* here", &[(Heading, "*emphasis* here")]),
            (
                "Intro:\n- one\n- two.",
                &[(Sentence, "Intro:"), (Bullet, "one"), (Bullet, "two.")],
            ),
            ("• ", &[]),
            ("•", &[(Heading, "•")]),
        ],
    );
    let text = "  •  Point.";
    let st = segment(text, Lang::Fr);
    assert_eq!(
        st[0].span,
        Span::new(text.len() - "Point.".len(), text.len())
    );
}

// ---- rule 4: quotations ---------------------------------------------------

#[test]
fn rule4_quotations_that_close() {
    assert_texts(
        Lang::Fr,
        &[
            (
                "Poutine a répondu « nous discuterons, sans se presser. Il y a du temps. ». Puis il est parti.",
                &[
                    "Poutine a répondu « nous discuterons, sans se presser. Il y a du temps. ».",
                    "Puis il est parti.",
                ],
            ),
            (
                "Selon lui, la Russie « remportera une victoire. » La suite viendra.",
                &[
                    "Selon lui, la Russie « remportera une victoire. »",
                    "La suite viendra.",
                ],
            ),
            (
                "Il dit « Un. Deux. Trois. Quatre. Cinq. » Fin.",
                &["Il dit « Un. Deux. Trois. Quatre. Cinq. »", "Fin."],
            ),
        ],
    );
    assert_texts(
        Lang::En,
        &[
            (
                "“That’s why we came. They are trying,” Mr. Putin said. Next one.",
                &[
                    "“That’s why we came. They are trying,” Mr. Putin said.",
                    "Next one.",
                ],
            ),
            (
                "He said \"Go now. Run fast.\" Then silence.",
                &["He said \"Go now. Run fast.\"", "Then silence."],
            ),
            (
                "He spoke (He was tired. He left early.) for an hour.",
                &["He spoke (He was tired. He left early.) for an hour."],
            ),
            (
                "“A whole quoted paragraph. With two sentences. And three.”",
                &["“A whole quoted paragraph. With two sentences. And three.”"],
            ),
        ],
    );
}

#[test]
fn rule4_quotations_that_do_not_close_fall_back() {
    assert_texts(
        Lang::En,
        &[
            (
                "“Russia is engaged in a fight. I take this chance to say it.\n\n“We believe it.”",
                &[
                    "“Russia is engaged in a fight.",
                    "I take this chance to say it.",
                    "“We believe it.”",
                ],
            ),
            (
                "He said \"Go now. Run fast. Then silence.",
                &["He said \"Go now.", "Run fast.", "Then silence."],
            ),
            (
                "He said “We go. We stay.\nIt is done.” Fine.",
                &["He said “We go.", "We stay.", "It is done.”", "Fine."],
            ),
            (
                "“One. Two. Three. Four. Five. Six.” he said.",
                &[
                    "“One.",
                    "Two.",
                    "Three.",
                    "Four.",
                    "Five.",
                    "Six.” he said.",
                ],
            ),
        ],
    );
}

// ---- rule 5: abbreviations ---------------------------------------------

#[test]
fn rule5_abbreviations_en() {
    assert_texts(
        Lang::En,
        &[
            (
                "Mr. Putin met Dr. Kim and Gen. Shoigu.",
                &["Mr. Putin met Dr. Kim and Gen. Shoigu."],
            ),
            (
                "Mrs. Smith, Ms. Jones, Prof. Lee, Col. Mustard, Lt. Dan, Sgt. Pepper, Gov. Newsom, Sen. Warren and Rep. Pelosi came.",
                &[
                    "Mrs. Smith, Ms. Jones, Prof. Lee, Col. Mustard, Lt. Dan, Sgt. Pepper, Gov. Newsom, Sen. Warren and Rep. Pelosi came.",
                ],
            ),
            (
                "They flew to St. Petersburg on Jan. 5 and Feb. 10.",
                &["They flew to St. Petersburg on Jan. 5 and Feb. 10."],
            ),
            (
                "I work for the U.S. Government in Virginia.",
                &["I work for the U.S. Government in Virginia."],
            ),
            (
                "No U.N. member state agreed.",
                &["No U.N. member state agreed."],
            ),
            (
                "The E.U. Commission and the U.K. Parliament met.",
                &["The E.U. Commission and the U.K. Parliament met."],
            ),
            (
                "I live in the U.S. How about you?",
                &["I live in the U.S.", "How about you?"],
            ),
            (
                "Talks with the D.P.R.K. The meeting ended.",
                &["Talks with the D.P.R.K.", "The meeting ended."],
            ),
            (
                "She met John F. Kennedy and J. R. R. Tolkien.",
                &["She met John F. Kennedy and J. R. R. Tolkien."],
            ),
            (
                "You and I. Did you see Albert I. Jones?",
                &["You and I.", "Did you see Albert I. Jones?"],
            ),
            (
                "Cities, e.g. Paris and Lyon, i.e. France.",
                &["Cities, e.g. Paris and Lyon, i.e. France."],
            ),
            (
                "Brazil vs. Argentina ended 2-1.",
                &["Brazil vs. Argentina ended 2-1."],
            ),
            (
                "Fruit, bread, etc. The shop closes.",
                &["Fruit, bread, etc.", "The shop closes."],
            ),
            (
                "Pitt & Co. It closed yesterday.",
                &["Pitt & Co.", "It closed yesterday."],
            ),
            (
                "Pitt & Co. Ltd. Announced a deal.",
                &["Pitt & Co. Ltd. Announced a deal."],
            ),
            (
                "At 5 p.m. The meeting ended. He left at 6 p.m. yesterday.",
                &[
                    "At 5 p.m.",
                    "The meeting ended.",
                    "He left at 6 p.m. yesterday.",
                ],
            ),
            (
                "He is the No. 1 seed. Smith et al. Found it.",
                &["He is the No. 1 seed.", "Smith et al. Found it."],
            ),
            ("Cf. Smith for details.", &["Cf. Smith for details."]),
            ("That is JFK Jr.'s book.", &["That is JFK Jr.'s book."]),
            ("Please turn to p. 55.", &["Please turn to p. 55."]),
        ],
    );
}

#[test]
fn rule5_abbreviations_fr() {
    assert_texts(
        Lang::Fr,
        &[
            (
                "M. Poutine a rencontré MM. Kim et Choïgou.",
                &["M. Poutine a rencontré MM. Kim et Choïgou."],
            ),
            (
                "Mme Dupont et Mlle Martin sont venues. Le Dr Kim aussi.",
                &["Mme Dupont et Mlle Martin sont venues.", "Le Dr Kim aussi."],
            ),
            (
                "Il est mort en 44 av. J.-C. Les Romains le pleurent.",
                &["Il est mort en 44 av. J.-C.", "Les Romains le pleurent."],
            ),
            (
                "En 52 av. J.-C. César conquit la Gaule.",
                &["En 52 av. J.-C. César conquit la Gaule."],
            ),
            (
                "Fin en 1945 av. J.-C. L’empire s’effondre.",
                &["Fin en 1945 av. J.-C.", "L’empire s’effondre."],
            ),
            (
                "Voir p. 12 et cf. Article 5 du traité.",
                &["Voir p. 12 et cf. Article 5 du traité."],
            ),
            (
                "Des pommes, des poires, etc. Le marché ferme.",
                &["Des pommes, des poires, etc.", "Le marché ferme."],
            ),
            (
                "Il vit aux U.S. Depuis vingt ans.",
                &["Il vit aux U.S.", "Depuis vingt ans."],
            ),
            (
                "Rendez-vous le 5 janv. Le lendemain, rien.",
                &["Rendez-vous le 5 janv.", "Le lendemain, rien."],
            ),
            (
                "Rendez-vous le 5 janv. 2024 au matin.",
                &["Rendez-vous le 5 janv. 2024 au matin."],
            ),
            (
                "Selon l’art. 5 de la loi, c’est interdit.",
                &["Selon l’art. 5 de la loi, c’est interdit."],
            ),
            (
                "Il l’a vu à l’Est. Le front bouge.",
                &["Il l’a vu à l’Est.", "Le front bouge."],
            ),
        ],
    );
}

// ---- rule 6: numbers, addresses, ellipses ---------------------------------

#[test]
fn rule6_numbers_urls_ellipses() {
    assert_texts(
        Lang::En,
        &[
            (
                "Growth was 3.5 percent. Inflation fell.",
                &["Growth was 3.5 percent.", "Inflation fell."],
            ),
            (
                "She has $100.00 in her bag.",
                &["She has $100.00 in her bag."],
            ),
            (
                "She has $100.00. It is in her bag.",
                &["She has $100.00.", "It is in her bag."],
            ),
            (
                "Meet at 10.30 a.m. tomorrow.",
                &["Meet at 10.30 a.m. tomorrow."],
            ),
            (
                "Her email is jane.doe@example.com. I wrote.",
                &["Her email is jane.doe@example.com.", "I wrote."],
            ),
            (
                "See https://www.example.com/a.b/c.html. Then click.",
                &["See https://www.example.com/a.b/c.html.", "Then click."],
            ),
            (
                "Visit www.example.org for details.",
                &["Visit www.example.org for details."],
            ),
            (
                "I wasn’t really ... well, I mean...see the point.",
                &["I wasn’t really ... well, I mean...see the point."],
            ),
            (
                "\"Bohr [...] used stairways [...]\" (Smith 55).",
                &["\"Bohr [...] used stairways [...]\" (Smith 55)."],
            ),
            ("He said (…) Nothing more.", &["He said (…) Nothing more."]),
            ("1. The first item", &["1. The first item"]),
            ("1.) The first item.", &["1.) The first item."]),
            ("IV. The fourth part", &["IV. The fourth part"]),
        ],
    );
    assert_texts(
        Lang::Fr,
        &[
            (
                "Il a payé 1.000 euros, soit 2,5 fois plus. Puis il est parti.",
                &[
                    "Il a payé 1.000 euros, soit 2,5 fois plus.",
                    "Puis il est parti.",
                ],
            ),
            (
                "Le 1er janvier à 10h30, le n° 5 est parti.",
                &["Le 1er janvier à 10h30, le n° 5 est parti."],
            ),
            ("Il hésite… puis il part.", &["Il hésite… puis il part."]),
        ],
    );
}

// ---- rule 7: citation marks ---------------------------------------------

#[test]
fn rule7_citation_marks() {
    assert_texts(
        Lang::En,
        &[
            (
                "It was reported in 2019.[4] The meeting followed.",
                &["It was reported in 2019.[4]", "The meeting followed."],
            ),
            (
                "Russia faced shortages,[7][8] lack of support and more.[9] There was talk.",
                &[
                    "Russia faced shortages,[7][8] lack of support and more.[9]",
                    "There was talk.",
                ],
            ),
            (
                "to be \"effective\".[20]United Nations chief spoke.",
                &["to be \"effective\".[20]", "United Nations chief spoke."],
            ),
            (
                "It ended.[note 3] Then it resumed.",
                &["It ended.[note 3]", "Then it resumed."],
            ),
            (
                "It ended.[5][6]\nNext line here",
                &["It ended.[5][6]", "Next line here"],
            ),
            (
                "He cited source [12] in the text.",
                &["He cited source [12] in the text."],
            ),
            ("It ended.[5]and went on.", &["It ended.[5]and went on."]),
        ],
    );
    assert_kinded(
        Lang::En,
        &[("Council.\"[20]", &[(Sentence, "Council.\"[20]")])],
    ); // A citation mark holds word characters as every stage defines them
    // (`normalize::is_word_char`): a decomposed accent is part of its
    // letter, as the composed one is.
    assert_texts(
        Lang::Fr,
        &[
            ("Fin.[réf] Ensuite.", &["Fin.[réf]", "Ensuite."]),
            (
                "Fin.[re\u{301}f] Ensuite.",
                &["Fin.[re\u{301}f]", "Ensuite."],
            ),
        ],
    );
}

// ---- rule 8: headlines and questions -----------------------------------

#[test]
fn rule8_question_headlines() {
    assert_kinded(
        Lang::En,
        &[
            (
                "Why Kim’s visit is crucial for Russia?\nFor Putin, the meeting is an opportunity.",
                &[
                    (Sentence, "Why Kim’s visit is crucial for Russia?"),
                    (Sentence, "For Putin, the meeting is an opportunity."),
                ],
            ),
            (
                "Talks end in Russia: What did they say?",
                &[(Sentence, "Talks end in Russia: What did they say?")],
            ),
            (
                "South Korea says it is monitoring the meeting\nAn arms deal would violate sanctions.",
                &[
                    (Heading, "South Korea says it is monitoring the meeting"),
                    (Sentence, "An arms deal would violate sanctions."),
                ],
            ),
        ],
    );
}
