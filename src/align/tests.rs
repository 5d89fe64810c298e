//! The aligner's rules, each on a small pair of articles.

use std::sync::OnceLock;

use super::*;
use crate::{Lexicon, TagOptions};

fn aligner() -> &'static Aligner {
    static ALIGNER: OnceLock<Aligner> = OnceLock::new();
    ALIGNER.get_or_init(|| {
        Aligner::new(
            Tagger::new(Lexicon::builtin(), TagOptions::default()),
            AlignOptions::default(),
        )
    })
}

/// The evidence keys (as JSON writes them) that statement 0 of `fr` and
/// statement 0 of `en` share, by kind: an empty list when they share none
/// that counts.
fn shared(fr: &str, en: &str) -> Vec<(EvidenceKind, String)> {
    let a = aligner();
    let (l, r) = (a.analyse(fr, Lang::Fr), a.analyse(en, Lang::En));
    let options = AlignOptions {
        threshold: 0.0,
        ..AlignOptions::default()
    };
    let all = Aligner::new(a.tagger.clone(), options).align(&l, &r);
    let mut keys: Vec<(EvidenceKind, String)> = all
        .links
        .iter()
        .filter(|k| k.left == 0 && k.right == 0)
        .flat_map(|k| k.evidence.iter().map(|e| (e.kind, e.key.clone())))
        .collect();
    keys.sort();
    keys
}

fn has(keys: &[(EvidenceKind, String)], kind: EvidenceKind, key: &str) -> bool {
    keys.iter().any(|(k, id)| *k == kind && id == key)
}

#[test]
fn aligner_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Aligner>();
}

#[test]
fn names_outside_the_lexicons_meet_when_both_articles_use_them() {
    let keys = shared(
        "Lula a battu Bolsonaro au second tour.",
        "Lula beat Bolsonaro in the run-off.",
    );
    assert!(has(&keys, EvidenceKind::Name, "lula"), "{keys:?}");
    assert!(has(&keys, EvidenceKind::Name, "bolsonaro"), "{keys:?}");
}

#[test]
fn names_spelled_by_each_press_meet_by_their_transliteration_keys() {
    let keys = shared(
        "L'opposant Iouri Kovaltchouk a été arrêté.",
        "The opposition figure Yuri Kovalchuk was arrested.",
    );
    assert!(has(&keys, EvidenceKind::Name, "kovaltchouk"), "{keys:?}");
}

#[test]
fn common_words_capitalised_are_no_names() {
    // "Bank" in the headline is the English common word "bank" (written in
    // lower case below); "Mardi" is a weekday; neither is a name.
    let fr = "Bank Mardi Shares\n\nLa Bank Mardi a chuté mardi.";
    let en = "Bank Mardi Shares\n\nThe bank fell on Tuesday, as shares did.";
    let keys = shared(fr, en);
    assert!(
        !keys.iter().any(|(k, _)| *k == EvidenceKind::Name),
        "{keys:?}"
    );
}

#[test]
fn a_weekday_or_a_news_source_alone_links_nothing() {
    assert!(
        shared(
            "Mercredi, selon Reuters.",
            "On Wednesday, Reuters reported."
        )
        .is_empty()
    );
}

#[test]
fn the_two_leaders_is_no_count() {
    let keys = shared(
        "Les deux dirigeants ont parlé du Japon.",
        "The two leaders spoke about Japan.",
    );
    assert!(
        !keys.iter().any(|(k, _)| *k == EvidenceKind::Number),
        "{keys:?}"
    );
}

#[test]
fn counts_of_different_things_do_not_meet() {
    let same = shared("On compte 1 500 morts.", "There are 1,500 dead.");
    assert!(has(&same, EvidenceKind::Number, "num:1500"), "{same:?}");
    let different = shared("On compte 1 500 morts.", "There are 1,500 soldiers.");
    assert!(
        !has(&different, EvidenceKind::Number, "num:1500"),
        "{different:?}"
    );
}

#[test]
fn who_is_quoted_meets_only_where_the_quoted_words_share_evidence() {
    let unrelated = shared(
        "« Nous irons jusqu'au bout », a déclaré Joe Biden.",
        "“The weather is fine today,” Joe Biden said.",
    );
    assert!(
        !has(&unrelated, EvidenceKind::Quote, "joe_biden"),
        "{unrelated:?}"
    );
}

#[test]
fn photo_credits_give_no_evidence() {
    let keys = shared(
        "Des secouristes à Moscou. (Photo : Jane Doe / AFP)",
        "Rescuers in Moscow. [Jane Doe/AFP]",
    );
    assert!(keys.is_empty(), "{keys:?}");
}

#[test]
fn a_country_meets_the_event_named_after_it() {
    let keys = shared(
        "Moscou poursuit la guerre en Ukraine.",
        "Ukraine asked for more weapons.",
    );
    assert!(has(&keys, EvidenceKind::Entity, "ukraine"), "{keys:?}");
}
