use super::*;
use crate::lexicon::LexiconBuilder;
use crate::tag::stem;

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
    tagger_of(LEXICON, !strict)
}

/// A tagger of `csv` alone (no built-in lexicon).
fn tagger_of(csv: &str, variants: bool) -> Tagger {
    let lex = LexiconBuilder::new()
        .builtin(false)
        .add_text("t.csv", csv)
        .build()
        .unwrap();
    Tagger::new(Arc::new(lex), TagOptions { variants })
}

/// (surface, how) of every mention.
fn surfaces_and_how<'t>(t: &Tagger, text: &'t str, lang: Lang) -> Vec<(&'t str, &'static str)> {
    t.tag(text, lang)
        .iter()
        .map(|m| (m.span.of(text), m.how.as_str()))
        .collect()
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
    let t = tagger_of(csv, false);
    let text = "The U.S. said; au terme d’un accord; the U.S";
    assert_eq!(
        surfaces_and_how(&t, text, Lang::Fr),
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
    let t = tagger_of(csv, false);
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
fn variants_are_merged_in_text_order() {
    let csv = "entity,type,lang,name\nputin,PER,fr,Poutine\nprigozhin,PER,en,Yevgeny Prigozhin\n";
    let t = tagger_of(csv, true);
    let text = "Poutine et Evgueni Prigojine, puis Poutine, Prigojine et Poutine.";
    assert_eq!(
        surfaces_and_how(&t, text, Lang::Fr),
        [
            ("Poutine", "exact"),
            ("Evgueni Prigojine", "translit"),
            ("Poutine", "exact"),
            ("Prigojine", "translit"),
            ("Poutine", "exact"),
        ]
    );
}

#[test]
fn tagger_is_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<Tagger>();
}

/// A lexicon of TERM names for the stemming tests.
const STEM_LEXICON: &str = "entity,type,lang,name,match\n\
    flood,TERM,en,flood,\n\
    flood,TERM,fr,inondation,\n\
    arrest,TERM,fr,arrêter,\n\
    arrest,TERM,en,arrest,\n\
    natural_disaster,TERM,fr,catastrophe naturelle,\n\
    emergency,TERM,en,emergency,\n\
    war,TERM,en,war,\n\
    strike,TERM,en,strike,\n\
    strikes_plural,TERM,en,strikes,\n\
    russia,GPE,fr,russe,\n\
    floodwater_inc,ORG,en,Floodwater Inc,\n\
    wind,TERM,fr,vent,\n\
    sale,TERM,fr,vente,\n\
    storm,TERM,en,storm,exact\n";

/// (surface, entity, how) of every mention of `text` with [`STEM_LEXICON`].
fn stem_tags(text: &str, lang: Lang) -> Vec<(String, String, &'static str)> {
    let t = tagger_of(STEM_LEXICON, false);
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

fn tag3(s: &str, e: &str, how: &'static str) -> (String, String, &'static str) {
    (s.to_string(), e.to_string(), how)
}

#[test]
fn inflected_forms_of_term_names_match_through_stems() {
    assert_eq!(
        stem_tags(
            "Les inondations : trois hommes arrêtés, des catastrophes naturelles.",
            Lang::Fr
        ),
        [
            tag3("inondations", "flood", "stem"),
            tag3("arrêtés", "arrest", "stem"),
            tag3("catastrophes naturelles", "natural_disaster", "stem"),
        ]
    );
    assert_eq!(
        stem_tags(
            "Floods: the river flooded, flooding roads; arrested.",
            Lang::En
        ),
        [
            tag3("Floods", "flood", "stem"),
            tag3("flooded", "flood", "stem"),
            tag3("flooding", "flood", "stem"),
            tag3("arrested", "arrest", "stem"),
        ]
    );
}

#[test]
fn entity_names_are_not_stemmed() {
    assert_eq!(
        stem_tags("Floodwater Inc, Floodwaters Inc", Lang::En),
        [tag3("Floodwater Inc", "floodwater_inc", "exact")]
    );
}

#[test]
fn stemmed_mentions_have_the_stem_confidence() {
    let t = tagger_of(STEM_LEXICON, false);
    let found = t.tag("flooded", Lang::En);
    assert_eq!(found[0].how, MatchHow::Stem);
    assert_eq!(found[0].confidence, stem::CONF_STEM);
}

#[test]
fn stems_leave_out_what_they_should() {
    let cases: &[(&str, Lang, &str)] = &[
        // Entity names are never stemmed, lower-case ones neither.
        ("russes", Lang::Fr, "entity names"),
        // A stem under four letters: wars is not war.
        ("wars", Lang::En, "short stem"),
        // A derivation that Snowball strips is not an inflection.
        ("emerging", Lang::En, "derivation"),
        // A name marked match=exact matches only as listed.
        ("storms", Lang::En, "match=exact"),
        // Only in the name's language.
        ("flooded", Lang::Fr, "language"),
        // A form of names of two entities finds neither.
        ("ventes", Lang::Fr, "ambiguous"),
    ];
    for &(text, lang, why) in cases {
        assert_eq!(stem_tags(text, lang), [], "{why}");
    }
}

#[test]
fn a_name_as_listed_wins_over_a_stemmed_form() {
    // `strikes` is a form of `strike`, but listed for another entity; and
    // `striking` inflects both, so it finds neither.
    assert_eq!(
        stem_tags("strikes, striking", Lang::En),
        [tag3("strikes", "strikes_plural", "exact")]
    );
    assert_eq!(
        stem_tags("flood", Lang::En),
        [tag3("flood", "flood", "exact")]
    );
}

#[test]
fn stemmed_mentions_point_at_the_original_bytes() {
    let text = "« Électricité » — des Inondations\u{a0}! Arrêtées hier";
    let found = stem_tags(text, Lang::Fr);
    assert_eq!(
        found,
        [
            tag3("Inondations", "flood", "stem"),
            tag3("Arrêtées", "arrest", "stem"),
        ]
    );
}

/// `MatchHow::ALL` lists every way, so a saved `align` JSON reads back
/// whatever `match` it holds (regression: `entente report` refused `"stem"`,
/// missing from the list its reader kept).
#[test]
fn match_how_all_lists_every_way() {
    // Adding a variant breaks this match until it is listed here and in ALL.
    let position = |how: MatchHow| match how {
        MatchHow::Exact => 0,
        MatchHow::Folded => 1,
        MatchHow::Translit => 2,
        MatchHow::Fuzzy => 3,
        MatchHow::Stem => 4,
    };
    let positions: Vec<usize> = MatchHow::ALL.iter().map(|&h| position(h)).collect();
    assert_eq!(positions, [0, 1, 2, 3, 4]);
}
