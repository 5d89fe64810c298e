//! The seed articles: statement counts and the cases each one shows.

use super::*;

// ---- seeds -------------------------------------------------------------------

/// The five seed articles with their language.
fn seeds() -> [(&'static str, Lang); 5] {
    [
        (include_str!("../../../seeds/000-fr.txt"), Lang::Fr),
        (include_str!("../../../seeds/001-en.txt"), Lang::En),
        (include_str!("../../../seeds/002-en.txt"), Lang::En),
        (include_str!("../../../seeds/003-en.txt"), Lang::En),
        (include_str!("../../../seeds/004-en.txt"), Lang::En),
    ]
}

#[test]
fn seeds_statement_counts() {
    let counts: Vec<usize> = seeds()
        .iter()
        .map(|&(text, lang)| segment(text, lang).len())
        .collect();
    assert_eq!(counts, vec![13, 19, 46, 13, 27]);
}

#[test]
fn seed_000_french_bullets_and_quotes() {
    let [(text, lang), ..] = seeds();
    let got = kinded(text, lang);
    assert_eq!(got.iter().filter(|(k, _)| *k == Bullet).count(), 11);
    assert_eq!(got[0].0, Sentence);
    assert_eq!(got[12].0, Sentence);
    assert!(
        got[2].1.starts_with("Selon ce dernier") && got[2].1.ends_with("expansionnistes.\u{A0}»")
    );
    assert!(
        got[5].1.starts_with("Selon la BBC")
            && got[5]
                .1
                .ends_with("sans se presser. Il y a du temps.\u{A0}».")
    );
    assert!(got[10].1.ends_with("Vostotchny\u{A0}»."));
    assert!(got.iter().all(|(_, t)| !t.starts_with('•')));
}

#[test]
fn seed_001_mr_and_heading() {
    let [_, (text, lang), ..] = seeds();
    let got = kinded(text, lang);
    assert_eq!(got[6], (Heading, "Military demonstration"));
    assert!(got[5].1.starts_with("Mr. Putin, for his part"));
    assert!(got.iter().any(|(_, t)| {
        t.contains("the DPRK [République populaire démocratique de Corée] when")
    }));
    assert!(got.iter().any(
        |(_, t)| t.starts_with("“That’s why we came here. North Korea’s")
            && t.ends_with("news agencies.")
    ));
    assert_eq!(got.iter().filter(|(k, _)| *k == Heading).count(), 1);
}

#[test]
fn seed_002_headings_captions_and_open_quotes() {
    let [_, _, (text, lang), ..] = seeds();
    let got = kinded(text, lang);
    let headings: Vec<&str> = got
        .iter()
        .filter(|(k, _)| *k == Heading)
        .map(|(_, t)| *t)
        .collect();
    assert_eq!(headings.len(), 10);
    assert!(
        headings
            .iter()
            .any(|h| h.ends_with("Amur region [Vladimir Smirnov/Sputnik/Pool via Reuters]"))
    );
    assert_eq!(headings.last(), Some(&"Advertisement"));
    assert_eq!(
        got[0],
        (
            Sentence,
            "Talks between North Korea’s Kim and Putin end in Russia: What did they say?"
        )
    );
    // A paragraph opening “ without closing it is split normally.
    assert!(got.iter().any(
        |(_, t)| t.starts_with("“Russia is currently engaged") && t.ends_with("and interests.")
    ));
    assert!(
        got.iter()
            .any(|(_, t)| *t == "And now we want to further develop the relationship.")
    );
}

#[test]
fn seed_003_citations() {
    let [.., (text, lang), _] = seeds();
    let got = texts(text, lang);
    assert!(got[0].ends_with("that month.[3]"));
    assert!(got[1].starts_with("On 10 September"));
    assert!(got.contains(&"Visit"));
    assert!(got.iter().any(|t| t.ends_with("to be effective\".[20]")));
    assert!(
        got.last()
            .is_some_and(|t| t.starts_with("United Nations Secretary-General"))
    );
    assert!(got.iter().any(|t| t.contains("shortages,[7][8] lack")));
}

#[test]
fn seed_004_question_and_acronym() {
    let [.., (text, lang)] = seeds();
    let got = kinded(text, lang);
    assert!(got.contains(&(Sentence, "Why Kim’s visit is crucial for Russia?")));
    assert!(got.contains(&(
        Heading,
        "South Korea says it is closely monitoring the meeting"
    )));
    assert!(
        got.iter()
            .any(|(_, t)| t.starts_with("“No U.N. member state") && t.ends_with("at a briefing."))
    );
}
