use super::fuzzy::{FUZZY_TWO_EDITS_LEN, for_each_deletion_hash, fuzzy_edits, osa_within};
use super::index::Postings;
use super::key::{ascii_str, fold_ascii, is_plain, key_with, name_tokens, rewrite};
use super::scan::{is_capital, may_hold_capital};
use super::*;
use crate::normalize::fold_word;

mod matching;

/// The key of a whole name as the index keys it: its tokens' keys joined by
/// single spaces, particles between name tokens left out.
fn translit_key(name: &str, lang: Lang) -> String {
    let mut out = String::new();
    let (mut fold, mut sym) = (String::new(), Vec::new());
    for piece in name_tokens(name) {
        fold.clear();
        fold_ascii(piece.of(name), &mut fold);
        if !out.is_empty() {
            out.push(' ');
        }
        key_with(&fold, lang, &mut out, &mut sym);
    }
    out
}

/// A mention the lexicon search found.
fn known_mention(span: Span, entity: &str) -> Known<'_> {
    Known { span, entity }
}

fn person(
    id: usize,
    entity: &'static str,
    name: &'static str,
    lang: Option<Lang>,
) -> IndexedName<'static> {
    IndexedName {
        id,
        entity,
        name,
        lang,
        is_person: true,
    }
}

fn place(
    id: usize,
    entity: &'static str,
    name: &'static str,
    lang: Option<Lang>,
) -> IndexedName<'static> {
    IndexedName {
        id,
        entity,
        name,
        lang,
        is_person: false,
    }
}

/// The matched surfaces with their name ids and kinds.
fn found<'t>(
    index: &VariantIndex,
    text: &'t str,
    lang: Lang,
    known: &[Known<'_>],
) -> Vec<(&'t str, usize, VariantKind)> {
    index
        .find(text, lang, known)
        .into_iter()
        .map(|m| (m.span.of(text), m.name, m.kind))
        .collect()
}

#[test]
fn postings_list_each_entry_once_per_hash_in_entry_order() {
    let mut postings = Postings::default();
    for (hash, entry) in [(7, 3), (9, 1), (7, 1), (7, 3), (9, 1), (7, 2)] {
        postings.push(hash, entry);
    }
    postings.seal();
    assert_eq!(postings.get(7), [1, 2, 3]);
    assert_eq!(postings.get(9), [1]);
    assert!(postings.get(8).is_empty());
}

#[test]
fn names_of_one_entity_share_its_stored_id_and_keep_their_tokens() {
    let names = [
        ("kim_yo_jong", "Kim Yo-jong", Some(Lang::Fr)),
        ("kim_yo_jong", "Kim Yo Jong", Some(Lang::En)),
        ("kim_jong_un", "Kim Jong-un", None),
    ];
    let index =
        VariantIndex::new(
            names
                .iter()
                .enumerate()
                .map(|(id, (entity, name, lang))| IndexedName {
                    id,
                    entity,
                    name,
                    lang: *lang,
                    is_person: true,
                }),
        );
    // Kim Jong-un keys alike in both languages: one entry, not two.
    assert_eq!(index.len(), 3);
    let entities: Vec<&str> = index.entries.iter().map(|e| index.entity_of(e)).collect();
    assert_eq!(entities, ["kim_yo_jong", "kim_yo_jong", "kim_jong_un"]);
    assert_eq!(
        index.entries[0].entity, index.entries[1].entity,
        "stored once"
    );
    let folds: Vec<Vec<&str>> = index
        .entries
        .iter()
        .map(|e| index.name_tokens_of(e).map(|t| t.fold).collect())
        .collect();
    assert_eq!(
        folds,
        [
            ["kim", "yo", "jong"],
            ["kim", "yo", "jong"],
            ["kim", "jong", "un"]
        ]
    );
    assert_eq!(index.persons_of("kim_yo_jong").collect::<Vec<_>>(), [0, 1]);
    assert!(index.persons_of("kim_il_sung").next().is_none());
}

#[test]
fn eight_bytes_at_once_find_every_capital() {
    for b in 0..=255u8 {
        for at in 0..8 {
            let mut block = *b"abcdefgh";
            block[at] = b;
            let want = b.is_ascii_uppercase() || b >= 0x80;
            assert_eq!(
                may_hold_capital(u64::from_le_bytes(block)),
                want,
                "{b:#x} at {at}"
            );
        }
    }
}

#[test]
fn capital_shortcut_agrees_with_unicode() {
    for u in 0..0x2100 {
        let Some(c) = char::from_u32(u) else { continue };
        assert_eq!(is_capital(c), c.is_uppercase(), "{c:?}");
    }
}

#[test]
fn key_folds_are_the_shared_fold_made_ascii() {
    // Latin text folds as everywhere else (`fold_word`).
    for word in [
        "Choïgou",
        "Ismai\u{308}l",
        "Łódź",
        "Straße",
        "Øresund",
        "Сosmodrome",
        "aujourd’hui",
    ] {
        let (mut shared, mut key) = (String::new(), String::new());
        fold_word(word, &mut shared);
        fold_ascii(word, &mut key);
        assert_eq!(key, shared, "{word}");
        assert!(key.is_ascii());
    }
    // The deliberate difference: keys are ASCII, so what `fold_word` keeps
    // of another script is transliterated: a name in Cyrillic letters keys
    // as its romanisation does (a Cyrillic С inside a Latin word is still
    // the look-alike `c`, as `fold_word` reads it, not `s`).
    for (word, shared, ascii) in [
        ("Путин", "путин", "putin"),
        ("ΣΊΣΥΦΟΣ", "σισυφοσ", "sisuphos"),
        ("金正恩", "金正恩", "jinzhengen"),
    ] {
        let (mut folded, mut key) = (String::new(), String::new());
        fold_word(word, &mut folded);
        fold_ascii(word, &mut key);
        assert_eq!((folded.as_str(), key.as_str()), (shared, ascii), "{word}");
    }
    assert_eq!(
        translit_key("Путин", Lang::En),
        translit_key("Putin", Lang::En)
    );
}

#[test]
fn invisible_characters_join_a_name_word_as_in_folding() {
    // A soft hyphen or a zero-width space inside a word is part of it
    // (`normalize::is_word_char`), so the scraped word still matches.
    let index = VariantIndex::new([person(0, "prigozhin", "Yevgeny Prigozhin", Some(Lang::En))]);
    let text = "Selon lui, Evgueni Prigo\u{ad}jine a parlé.";
    assert_eq!(
        found(&index, text, Lang::Fr, &[]),
        [("Evgueni Prigo\u{ad}jine", 0, VariantKind::Translit)]
    );
}

#[test]
fn deletion_hashes_are_the_hashes_of_the_shortened_keys() {
    let whole = |key: &[u8]| {
        let mut first = None;
        for_each_deletion_hash(key, |h| {
            first.get_or_insert(h);
        });
        first.unwrap()
    };
    for key in ["prigozhin", "kadyrovtsyyy", "zaporizhzhiaoblast"] {
        let key = key.as_bytes();
        let mut hashes = Vec::new();
        for_each_deletion_hash(key, |h| hashes.push(h));
        assert_eq!(hashes[0], whole(key));
        for p in 1..key.len() {
            let mut short = key.to_vec();
            short.remove(p);
            assert!(hashes.contains(&whole(&short)), "{p}");
            if key.len() >= FUZZY_TWO_EDITS_LEN {
                for q in p..short.len() {
                    let mut shorter = short.clone();
                    shorter.remove(q);
                    assert!(hashes.contains(&whole(&shorter)), "{p} {q}");
                }
            }
        }
        // The first symbol is never left out.
        assert!(!hashes.contains(&whole(&key[1..])));
    }
}

#[test]
fn rewrite_by_first_letter_agrees_with_the_pattern_list() {
    const LETTERS: &[u8] = b"abcdeghijkopqstuwxyz0";
    // Every string of up to four of these letters, and the five-letter
    // pattern, in both languages.
    let mut words: Vec<Vec<u8>> = vec![b"chtch".to_vec(), b"xchtcha".to_vec(), Vec::new()];
    for _ in 0..4 {
        let longer: Vec<Vec<u8>> = words
            .iter()
            .filter(|w| w.len() == words.last().map_or(0, Vec::len))
            .flat_map(|w| LETTERS.iter().map(move |&l| [w.as_slice(), &[l]].concat()))
            .collect();
        words.extend(longer);
    }
    for word in &words {
        for lang in [Lang::Fr, Lang::En] {
            for i in 0..=word.len() {
                assert_eq!(
                    rewrite(word, i, lang),
                    rewrite_by_patterns(word, i, lang),
                    "{:?} at {i} ({lang:?})",
                    String::from_utf8_lossy(word)
                );
            }
        }
    }
}

#[test]
fn plain_letters_are_kept_whatever_follows() {
    for b in (0..=u8::MAX).filter(|&b| is_plain(b)) {
        for next in [
            None,
            Some(b'h'),
            Some(b'u'),
            Some(b'e'),
            Some(b'j'),
            Some(b'z'),
        ] {
            let s: Vec<u8> = std::iter::once(b).chain(next).collect();
            for lang in [Lang::Fr, Lang::En] {
                let (emit, used) = rewrite(&s, 0, lang);
                assert_eq!((emit.as_bytes(), used), ([b].as_slice(), 1), "{s:?}");
            }
        }
    }
}

/// `rewrite` as first written, one pattern after another: the reference.
fn rewrite_by_patterns(s: &[u8], i: usize, lang: Lang) -> (&'static str, usize) {
    let rest = s.get(i..).unwrap_or_default();
    let at = |p: &[u8]| rest.starts_with(p);
    let then_in = |k: usize, set: &[u8]| rest.get(k).is_some_and(|c| set.contains(c));
    // Spellings that mean one sound whatever the language.
    let long: [(&[u8], &'static str); 4] = [
        (b"chtch", "Q"),
        (b"shch", "Q"),
        (b"tch", "C"),
        (b"dzh", "Z"),
    ];
    for (pat, emit) in long {
        if at(pat) {
            return (emit, pat.len());
        }
    }
    // The spellings the two traditions read differently.
    match lang {
        Lang::Fr if at(b"ch") => return ("S", 2),
        Lang::En if at(b"ch") => return ("C", 2),
        Lang::Fr if at(b"gu") && then_in(2, b"eiy") => return ("g", 2),
        Lang::Fr if at(b"qu") && then_in(2, b"aeiouy") => return ("k", 2),
        _ => {}
    }
    let two: [(&[u8], &'static str); 10] = [
        (b"dj", "Z"),
        (b"sh", "S"),
        (b"zh", "Z"),
        (b"kh", "X"),
        (b"ou", "u"),
        (b"ph", "f"),
        (b"th", "t"),
        (b"dh", "d"),
        (b"gh", "g"),
        (b"ck", "k"),
    ];
    for (pat, emit) in two {
        if at(pat) {
            return (emit, 2);
        }
    }
    match rest.first() {
        Some(b'j') => ("Z", 1),
        Some(b'c') if then_in(1, b"eiy") => ("s", 1),
        Some(b'c' | b'q') => ("k", 1),
        Some(b'x') => ("ks", 1),
        Some(b'w') => ("u", 1),
        Some(b'y') => ("i", 1),
        Some(&b) => (ascii_str(b), 1),
        None => ("", 1),
    }
}

// -- keys ---------------------------------------------------------------

#[test]
fn key_rules_make_french_and_english_meet() {
    // (rule, French spelling, English spelling)
    let cases = [
        ("fr chtch = en shch", "Khrouchtchev", "Khrushchev"),
        ("fr tch = en ch", "Tcheliabinsk", "Chelyabinsk"),
        ("fr tch = en ch", "Gorbatchev", "Gorbachev"),
        ("en tch = fr tch", "Tchaïkovski", "Tchaikovsky"),
        ("fr ch = en sh", "Choïgou", "Shoigu"),
        ("fr ch = en sh", "Narychkine", "Naryshkin"),
        ("fr j = en zh", "Prigojine", "Prigozhin"),
        ("fr jj = en zhzh", "Zaporijjia", "Zaporizhzhia"),
        ("fr dj = en j", "Djeddah", "Jeddah"),
        ("fr dj = en dzh", "Djokhar", "Dzhokhar"),
        ("fr ou = en u", "Boutcha", "Bucha"),
        ("fr ou = en w", "Sinouar", "Sinwar"),
        ("fr oou = en ou", "Belooussov", "Belousov"),
        ("fr ou = en ou", "Massoud", "Masoud"),
        ("fr gu(e) = en g", "Guerassimov", "Gerasimov"),
        ("fr gu(i) = en g", "Douguine", "Dugin"),
        ("fr ss = en s", "Novossibirsk", "Novosibirsk"),
        ("fr ï = en i", "Ismaïl", "Ismail"),
        ("fr ï = en y", "Sergueï", "Sergey"),
        ("fr Ie = en Ye", "Iekaterinbourg", "Yekaterinburg"),
        ("fr E = en Ye", "Eltsine", "Yeltsin"),
        ("fr Ia = en Ya", "Iaroslavl", "Yaroslavl"),
        ("fr Iou = en Yu", "Iouri", "Yuri"),
        ("fr iou = en yu", "Ziouganov", "Zyuganov"),
        ("mute -e", "Volodine", "Volodin"),
        ("mute -é / -e", "Douchanbé", "Dushanbe"),
        ("kh in both", "Mikhaïl", "Mikhail"),
        ("en -iy = fr -i", "Zelenski", "Zelenskiy"),
        ("en -yy = fr -y", "Zelensky", "Zelenskyy"),
        ("-sky = -ski", "Khodorkovski", "Khodorkovsky"),
        ("fr -iev = en -yev", "Lavrentiev", "Lavrentyev"),
        ("y = i", "Dmitri", "Dmitry"),
        ("doubled letters", "Mohammed", "Mohamed"),
        ("-ah = -a", "Hodeïda", "Hodeidah"),
        ("q = k", "Rakka", "Raqqa"),
        ("gh = g", "Bagdad", "Baghdad"),
        ("dh = d", "Riyad", "Riyadh"),
        ("th = t", "Beyrouth", "Beirut"),
        ("x = ks", "Alexeï", "Aleksei"),
        ("-re = -er", "Alexandre", "Alexander"),
        ("particles", "Mohammed ben Salmane", "Mohammed bin Salman"),
        ("particles", "Bachar el-Assad", "Bashar al-Assad"),
        ("particles", "Abdel Fattah as-Sissi", "Abdel Fattah al-Sisi"),
        ("particles", "Mohammed Ben Salmane", "Mohammed bin Salman"),
        ("particles", "Rostov-sur-le-Don", "Rostov-on-Don"),
        ("Korean hyphens", "Kim Yo-jong", "Kim Yo Jong"),
        ("full names", "Evgueni Prigojine", "Yevgeny Prigozhin"),
        ("Korean case", "Kim Jong-un", "Kim Jong Un"),
    ];
    for (rule, fr, en) in cases {
        assert_eq!(
            translit_key(fr, Lang::Fr),
            translit_key(en, Lang::En),
            "{rule}: {fr} / {en}"
        );
    }
}

#[test]
fn keys_read_digraphs_by_language() {
    let cases = [
        ("Khrouchtchev", Lang::Fr, "XruQev"),
        ("Khrushchev", Lang::En, "XruQev"),
        ("Choïgou", Lang::Fr, "Soigu"),
        ("Chelyabinsk", Lang::En, "Celiabinsk"),
        ("Prigojine", Lang::Fr, "prigoZin"),
        ("Yevgeny", Lang::En, "evgeni"),
        ("Evgueni", Lang::Fr, "evgeni"),
        ("Kim Yo-jong", Lang::Fr, "kim io Zong"),
        ("Abdel Fattah al-Sissi", Lang::Fr, "abdel fata sisi"),
        ("Ben Wallace", Lang::En, "ben ualas"),
        ("", Lang::Fr, ""),
        ("-- ' --", Lang::En, ""),
    ];
    for (name, lang, key) in cases {
        assert_eq!(translit_key(name, lang), key, "{name} ({lang})");
    }
    // The same letters mean different sounds in the two languages.
    assert_ne!(
        translit_key("Michel", Lang::Fr),
        translit_key("Michel", Lang::En)
    );
}

#[test]
fn different_names_keep_different_keys() {
    let cases = [
        ("Moscou", "Mosul"),
        ("Kharkiv", "Kherson"),
        ("Minsk", "Pinsk"),
        ("Belgorod", "Belgrade"),
        ("Kim Jong-un", "Kim Yo Jong"),
        ("Sergueï Lavrov", "Sergei Shoigu"),
    ];
    for (fr, en) in cases {
        assert_ne!(
            translit_key(fr, Lang::Fr),
            translit_key(en, Lang::En),
            "{fr} / {en}"
        );
    }
    // Korean syllables that look like particles stay name tokens.
    assert_ne!(
        translit_key("Lee Do-hoon", Lang::En),
        translit_key("Lee Hoon", Lang::En)
    );
    assert_ne!(
        translit_key("Kim An Sung", Lang::En),
        translit_key("Kim Sung", Lang::En)
    );
}

#[test]
fn edit_distance_is_bounded_and_spares_the_first_letter() {
    assert_eq!(osa_within(b"abcdef", b"abcdef", 1), Some(0));
    assert_eq!(osa_within(b"abcdef", b"abdcef", 1), Some(1));
    assert_eq!(osa_within(b"abcdef", b"abcef", 1), Some(1));
    assert_eq!(osa_within(b"abcdef", b"xbcdxf", 1), None);
    assert_eq!(osa_within(b"abcdef", b"xbcdxf", 2), Some(2));
    assert_eq!(osa_within(b"", b"ab", 2), Some(2));
    // dostoievski / dostoevski: one deletion, same first letter.
    assert_eq!(fuzzy_edits(b"dostoievski", b"dostoevski"), Some(1));
    assert_eq!(fuzzy_edits(b"sebastopol", b"sevastopol"), Some(1));
    assert_eq!(
        fuzzy_edits(b"xebastopol", b"sebastopol"),
        None,
        "first letter"
    );
    assert_eq!(fuzzy_edits(b"minsk", b"mensk"), None, "short");
    assert_eq!(fuzzy_edits(b"sievierodonetsk", b"severodonetsk"), Some(2));
    assert_eq!(fuzzy_edits(b"belgorod", b"belgrad"), None, "7 symbols");
}
