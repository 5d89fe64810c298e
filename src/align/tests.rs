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

#[test]
fn threshold_zero_links_every_pair_that_shares_evidence() {
    // Nothing but the threshold prunes: every scored pair is reachable.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(root.join("seeds").join(name)).unwrap();
    let (fr_text, en_text) = (read("000-fr.txt"), read("001-en.txt"));
    let a = aligner();
    let (fr, en) = (a.analyse(&fr_text, Lang::Fr), a.analyse(&en_text, Lang::En));
    let scored: Vec<(usize, usize)> = a
        .scores(&fr, &en)
        .iter()
        .map(|p| (p.left, p.right))
        .collect();
    let options = AlignOptions {
        threshold: 0.0,
        ..AlignOptions::default()
    };
    let mut linked: Vec<(usize, usize)> = Aligner::new(a.tagger.clone(), options)
        .align(&fr, &en)
        .links
        .iter()
        .map(|l| (l.left, l.right))
        .collect();
    linked.sort();
    let mut scored_sorted = scored.clone();
    scored_sorted.sort();
    assert!(scored.len() > 100, "{} scored pairs", scored.len());
    assert_eq!(linked, scored_sorted);
}

#[test]
fn a_quotation_kept_whole_links_to_each_sentence_it_holds() {
    // One side keeps a four-sentence quotation as one statement, the other
    // reports its sentences apart: each part links to the whole.
    let fr = "Le ministre a été clair : « Les inondations ont détruit 300 maisons à Valence. \
              Nous enverrons 2 000 soldats dès mardi. \
              Le gouvernement débloquera 50 millions d’euros pour les agriculteurs. \
              Les écoles resteront fermées jusqu’à la fin du mois. »";
    let en = "The floods destroyed 300 homes in Valencia, the minister said.\n\
              He said 2,000 soldiers would be sent from Tuesday.\n\
              The government will release 50 million euros for farmers.\n\
              Schools will remain closed until the end of the month.";
    let a = aligner();
    let (l, r) = (a.analyse(fr, Lang::Fr), a.analyse(en, Lang::En));
    assert_eq!((l.statements.len(), r.statements.len()), (1, 4));
    let mut parts: Vec<usize> = a.align(&l, &r).links.iter().map(|k| k.right).collect();
    parts.sort();
    assert_eq!(parts, [0, 1, 2, 3]);
}
