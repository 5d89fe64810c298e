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
