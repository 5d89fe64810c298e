//! `TERM` rows from the FreeDict French–English dictionary
//! (`entente lexicon import freedict`).
//!
//! Reads the dictd files of Debian's `dict-freedict-fra-eng`: the `.index`
//! (`KEY<TAB>OFFSET<TAB>LENGTH`, numbers in base 64) and the `.dict.dz`
//! (gzip). An entry reads `Headword /IPA/ <pos, gender>` and then either one
//! line of comma-separated translations or numbered senses (`1. …`).
//!
//! Each usable sense of a headword becomes one `TERM` entity, `fd_<headword>_<n>`
//! (snake case, `n` counting the senses of headwords with that snake case),
//! with the French headword and the English translations as its names — unless
//! a loaded `TERM` entity already has the headword as a French name, or else
//! one of the translations as an English name: then the sense joins it.
//!
//! Left out, as not usable as terms:
//! - headwords with a capital letter (proper names, abbreviations like `ADN`),
//!   a `.` (abbreviations), a leading or trailing `-` (suffixes), no part of
//!   speech, or one of these parts of speech: article, pronoun, preposition,
//!   conjunction, interjection, numeral (function words and numbers, which the
//!   aligner handles on its own); headwords of one letter; the light verbs of
//!   `data/fr/light-verbs.txt` (`être`, `faire`: in every other sentence);
//! - senses written as sentences (with `.`, `;`, `:`, `?`, `!` or on more than
//!   one line);
//! - translations of more than four words (explanations), with a capital
//!   letter (proper names, demonyms, abbreviations), with brackets, digits or
//!   sentence punctuation, of one letter, or a stop word or light verb
//!   (`data/en/stop-words.txt`, `data/en/light-verbs.txt`: `on`, `so`, `be`,
//!   `do` would link any two statements);
//! - senses left with no translation.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::{Fate, Import, Known, clean_name, snake_id};
use crate::data::WordSet;
use crate::data::{EN_LIGHT_VERBS, EN_STOP_WORDS, FR_LIGHT_VERBS};
use crate::error::{Error, ErrorKind, Problem, Result};
use crate::lexicon::{EntityType, Lexicon, NameLang};
use crate::normalize::{fold_word, is_word_char};
use crate::span::Lang;

/// Where Debian's `dict-freedict-fra-eng` puts its index.
pub const DEFAULT_INDEX: &str = "/usr/share/dictd/freedict-fra-eng.index";

/// Parts of speech whose headwords are left out.
pub const LEFT_OUT_POS: [&str; 6] = ["art", "pron", "prep", "conj", "int", "num"];

/// The light verbs of `lang` (folded): too common and too vague to link
/// statements, never made terms.
fn light_verbs(lang: Lang) -> &'static WordSet {
    static FR: OnceLock<WordSet> = OnceLock::new();
    static EN: OnceLock<WordSet> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| WordSet::of(FR_LIGHT_VERBS)),
        Lang::En => EN.get_or_init(|| WordSet::of(EN_LIGHT_VERBS)),
    }
}

/// The English function words never taken as translations (`on`, `so`):
/// the most frequent of them. The others often carry meaning as a
/// translation (`will` for `testament`, `new`, `last`) and stay usable.
fn stop_words() -> &'static WordSet {
    static EN: OnceLock<WordSet> = OnceLock::new();
    EN.get_or_init(|| WordSet::of(EN_STOP_WORDS))
}

/// The folded form of `name` when it is one word (word characters only):
/// the only names a word list holds.
fn one_word(name: &str) -> Option<String> {
    if name.is_empty() || !name.chars().all(is_word_char) {
        return None;
    }
    let mut folded = String::new();
    fold_word(name, &mut folded);
    Some(folded)
}

/// True for a French headword that is a light verb (`être`, `faire`).
fn is_light_verb(name: &str) -> bool {
    one_word(name).is_some_and(|w| light_verbs(Lang::Fr).contains(&w))
}

/// True for an English translation that would link any two statements: a
/// stop word or a light verb (`on`, `be`, `make`).
fn is_stop_translation(name: &str) -> bool {
    one_word(name).is_some_and(|w| stop_words().contains(&w) || light_verbs(Lang::En).contains(&w))
}

/// The longest translation kept, in words.
pub const MAX_WORDS: usize = 4;

/// One line of a dictd index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndexLine {
    /// The normalised headword (lower case, apostrophes dropped).
    pub key: String,
    /// Where the entry starts in the uncompressed dictionary.
    pub offset: u64,
    /// Its length in bytes.
    pub length: u64,
    /// The line in the index file.
    pub line: u64,
}

/// One dictionary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The headword as written (`boîte aux lettres`).
    pub headword: String,
    /// The part of speech and gender (`n, fem`), if given.
    pub pos: Option<String>,
    /// Each sense's text, in order (`1. a, b` → `a, b`).
    pub senses: Vec<Sense>,
}

/// One sense of an entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sense {
    /// Its text: usually comma-separated translations.
    pub text: String,
    /// True when it spans several lines (a definition, not translations).
    pub multiline: bool,
}

/// The `.index` and `.dict.dz` files that `from` names (either one; the
/// other is found beside it), or Debian's by default.
pub fn files(from: Option<&Path>) -> Result<(PathBuf, PathBuf)> {
    let from = from
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX));
    let name = from.to_string_lossy();
    let stem = ["index", "dict.dz", "dict"]
        .iter()
        .find_map(|ext| name.strip_suffix(&format!(".{ext}")))
        .ok_or_else(|| {
            Error::in_file(
                ErrorKind::Usage,
                &from,
                "expected a dictd .index or .dict.dz file",
            )
        })?;
    let index = PathBuf::from(format!("{stem}.index"));
    let dict = [format!("{stem}.dict.dz"), format!("{stem}.dict")]
        .into_iter()
        .map(PathBuf::from)
        .find(|p| p.is_file())
        .unwrap_or_else(|| PathBuf::from(format!("{stem}.dict.dz")));
    for path in [&index, &dict] {
        if !path.is_file() {
            return Err(Error::in_file(
                ErrorKind::Io,
                path,
                "no such file (the .index and .dict.dz go side by side)",
            ));
        }
    }
    Ok((index, dict))
}

/// Reads a dictionary and imports it against `lexicon`.
pub fn import_files(index: &Path, dict: &Path, lexicon: &Lexicon) -> Result<Import> {
    let lines = parse_index(index, &crate::input::read_text(index)?)?;
    let text = read_dict(dict)?;
    let entries = entries(&lines, &text, index)?;
    Ok(import(&entries, lexicon))
}

/// A dictd number: base 64 with the alphabet `A–Z a–z 0–9 + /`, most
/// significant digit first (`"8m"` is 60 × 64 + 38).
///
/// ```
/// use entente::lexicon::import::freedict::decode_number;
/// assert_eq!(decode_number("8m"), Some(60 * 64 + 38));
/// assert_eq!(decode_number("B"), Some(1));
/// assert_eq!(decode_number("?"), None);
/// ```
pub fn decode_number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 10 {
        return None;
    }
    text.bytes().try_fold(0u64, |n, b| {
        let digit = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        };
        Some(n * 64 + u64::from(digit))
    })
}

/// The entry lines of a dictd index (metadata `00database…` lines left out).
/// Every bad line is reported, with its line number.
pub fn parse_index(path: &Path, text: &str) -> Result<Vec<IndexLine>> {
    let mut lines = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = i as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = raw.split('\t').collect();
        let parsed = match fields[..] {
            [key, offset, length] => decode_number(offset)
                .zip(decode_number(length))
                .map(|(o, l)| (key, o, l)),
            _ => None,
        };
        match parsed {
            Some((key, _, _)) if key.starts_with("00database") => {}
            Some((key, offset, length)) => lines.push(IndexLine {
                key: key.to_string(),
                offset,
                length,
                line,
            }),
            None => problems.push(Problem {
                path: Some(path.to_path_buf()),
                line: Some(line),
                message: "expected KEY<TAB>OFFSET<TAB>LENGTH with base-64 numbers".into(),
            }),
        }
    }
    if problems.is_empty() {
        Ok(lines)
    } else {
        Err(Error::many(ErrorKind::Input, problems))
    }
}

/// The uncompressed text of a `.dict.dz` (gzip; a plain `.dict` is read as is).
pub fn read_dict(path: &Path) -> Result<String> {
    let bytes = crate::input::read_bytes(path)?;
    if !bytes.starts_with(&[0x1f, 0x8b]) {
        return crate::input::decode_utf8(bytes, path);
    }
    let mut text = Vec::new();
    flate2::read::MultiGzDecoder::new(&bytes[..])
        .read_to_end(&mut text)
        .map_err(|e| {
            Error::in_file(
                ErrorKind::Input,
                path,
                format!("not a readable gzip file: {e}"),
            )
        })?;
    crate::input::decode_utf8(text, path)
}

/// The entries the index lines point at in `dict`. An index line pointing
/// outside the text is an error at that line.
pub fn entries(lines: &[IndexLine], dict: &str, index: &Path) -> Result<Vec<Entry>> {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for l in lines {
        let range = usize::try_from(l.offset)
            .ok()
            .zip(usize::try_from(l.offset + l.length).ok());
        match range.and_then(|(start, end)| dict.get(start..end)) {
            Some(text) => entries.extend(parse_entry(text)),
            None => problems.push(Problem {
                path: Some(index.to_path_buf()),
                line: Some(l.line),
                message: format!(
                    "entry {:?} at bytes {}..{} is outside the dictionary ({} bytes) or splits a character",
                    l.key,
                    l.offset,
                    l.offset + l.length,
                    dict.len()
                ),
            }),
        }
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(Error::many(ErrorKind::Input, problems))
    }
}

/// Reads one entry's text; `None` if it has no headword line.
pub fn parse_entry(text: &str) -> Option<Entry> {
    let mut lines = text.lines();
    let first = lines.next()?.trim();
    let (headword, rest) = match first.find(" /") {
        Some(i) => (&first[..i], &first[i..]),
        None => match first.find(" <") {
            Some(i) => (&first[..i], &first[i..]),
            None => (first, ""),
        },
    };
    let pos = rest
        .rfind('<')
        .and_then(|i| rest[i + 1..].strip_suffix('>'))
        .map(|p| p.trim().to_string());
    let mut senses: Vec<Sense> = Vec::new();
    for line in lines {
        if line.trim().is_empty() {
            continue;
        }
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        let bare_number = line
            .strip_suffix('.')
            .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        match (numbered, bare_number) {
            (Some((_, text)), _) => senses.push(Sense {
                text: text.trim().to_string(),
                multiline: false,
            }),
            (None, Some(_)) => senses.push(Sense {
                text: String::new(),
                multiline: false,
            }),
            _ if line.starts_with(char::is_whitespace) && !senses.is_empty() => {
                let last = senses.last_mut()?;
                last.text = format!("{} {}", last.text, line.trim()).trim().to_string();
                last.multiline = true;
            }
            _ => senses.push(Sense {
                text: line.trim().to_string(),
                multiline: false,
            }),
        }
    }
    Some(Entry {
        headword: headword.trim().to_string(),
        pos,
        senses,
    })
}

/// The French name of an entry usable as a term, or `None` (module doc).
pub fn usable_headword(entry: &Entry) -> Option<String> {
    let pos = entry.pos.as_deref()?;
    let word_class = pos.split(',').next().unwrap_or("").trim();
    if LEFT_OUT_POS.contains(&word_class) {
        return None;
    }
    let name = clean_name(&entry.headword)?;
    let unusable = name.chars().any(char::is_uppercase)
        || is_light_verb(&name)
        || name.contains('.')
        || name.starts_with('-')
        || name.ends_with('-')
        || name.chars().filter(|c| c.is_alphanumeric()).count() < 2;
    (!unusable).then_some(name)
}

/// The English translations of a sense usable as names (module doc).
pub fn usable_translations(sense: &Sense) -> Vec<String> {
    if sense.multiline || sense.text.contains(['.', ';', ':', '?', '!']) {
        return Vec::new();
    }
    sense
        .text
        .split(',')
        .filter_map(clean_name)
        .filter(|t| {
            t.split_whitespace().count() <= MAX_WORDS
                && !t
                    .chars()
                    .any(|c| c.is_uppercase() || c.is_ascii_digit() || "()[]{}\"/".contains(c))
                && t.chars().filter(|c| c.is_alphanumeric()).count() >= 2
                && !is_stop_translation(t)
        })
        .collect()
}

/// Imports `entries` against `lexicon` (module doc and [`super`]).
pub fn import(entries: &[Entry], lexicon: &Lexicon) -> Import {
    let mut known = Known::new(lexicon);
    let mut senses_of: HashMap<String, usize> = HashMap::new();
    let french =
        |kind: EntityType, lang: NameLang| kind == EntityType::Term && lang != NameLang::En;
    let english =
        |kind: EntityType, lang: NameLang| kind == EntityType::Term && lang != NameLang::Fr;
    for entry in entries {
        let Some(headword) = usable_headword(entry) else {
            known.import.skipped += entry.senses.len().max(1);
            continue;
        };
        let note = format!("freedict:{}", entry.pos.as_deref().unwrap_or(""));
        for sense in &entry.senses {
            let translations = usable_translations(sense);
            let joined = known
                .loaded_entities([headword.as_str()], french)
                .first()
                .or(known
                    .loaded_entities(translations.iter().map(String::as_str), english)
                    .first())
                .map(|&(entry, _)| entry);
            // A new entity has no names yet: "" stands for its id.
            let probe = joined
                .map(|e| known.id_of(e).to_string())
                .unwrap_or_default();
            let usable = |lang, name: &String| {
                known.fate(&probe, EntityType::Term, lang, name) != Fate::Taken
            };
            if !usable(NameLang::Fr, &headword)
                || !translations.iter().any(|t| usable(NameLang::En, t))
            {
                known.import.skipped += 1;
                continue;
            }
            known.import.entries += 1;
            let id = match joined {
                Some(entry) => known.join(entry).0,
                None => {
                    let base = format!("fd_{}", snake_id(&headword));
                    let n = senses_of.entry(base.clone()).or_default();
                    let mut id = String::new();
                    while id.is_empty() || known.has_id(&id) {
                        *n += 1;
                        id = format!("{base}_{n}");
                    }
                    known.new_id(&id, "")
                }
            };
            known.push(&id, EntityType::Term, NameLang::Fr, &headword, &note);
            for t in &translations {
                known.push(&id, EntityType::Term, NameLang::En, t, &note);
            }
        }
    }
    known.import
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LexiconBuilder;
    use std::io::Write;

    /// A tiny dictd dictionary: entries, an index of base-64 offsets, gzip.
    fn dictionary(entries: &[&str]) -> (tempfile::TempDir, PathBuf, PathBuf) {
        fn b64(mut n: usize) -> String {
            const DIGITS: &[u8] =
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let mut s = vec![DIGITS[n % 64]];
            while n >= 64 {
                n /= 64;
                s.push(DIGITS[n % 64]);
            }
            s.reverse();
            String::from_utf8(s).unwrap()
        }
        let mut text = String::from("00-database-info\nA test dictionary.\n");
        let mut index = format!("00databaseinfo\tA\t{}\n", b64(text.len()));
        for e in entries {
            let key = e
                .split(" /")
                .next()
                .unwrap()
                .to_lowercase()
                .replace('\'', "");
            index.push_str(&format!("{key}\t{}\t{}\n", b64(text.len()), b64(e.len())));
            text.push_str(e);
        }
        let dir = tempfile::tempdir().unwrap();
        let index_path = dir.path().join("test.index");
        let dict_path = dir.path().join("test.dict.dz");
        std::fs::write(&index_path, index).unwrap();
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text.as_bytes()).unwrap();
        std::fs::write(&dict_path, gz.finish().unwrap()).unwrap();
        (dir, index_path, dict_path)
    }

    const ENTRIES: &[&str] = &[
        "munition /mynisjɔ̃/ <n, fem>\nammunition, munition\n",
        "obus /ɔby/ <n, masc>\nshell\n",
        "sûr /syʀ/ <adj>\n1. certain, sure\n2. reliable, trustworthy\n3. safe, secure\n",
        "verlan /vɛʀlɑ̃/ <n, masc>\n1. back-slang\n2.\n french slang formed by reversal of syllables\n\n",
        "Ukraine /ykʀɛn/ <n>\nUkraine, the Ukraine\n",
        "à /a/ <prep>\n1. at, to\n",
        "ADN /ad/ <n, masc>\nDNA\n",
        "-able /ˈabl/\n-able, -ible\n",
        "cote /kɔt/ <n, fem>\nrating\n",
        "côte /kot/ <n, fem>\n1. coast\n2. rib\n",
        "albanais /albanɛ/ <adj>\nAlbanian\n",
        "finalement /finaləmɑ̃/ <adv>\nat last, finally, at long last, to make a long story short\n",
        "faire /fɛʀ/ <v>\ndo, make\n",
        "allumer /alyme/ <v>\n1. turn on, light\n2. on\n",
    ];

    fn rows(import: &Import) -> Vec<String> {
        import
            .rows
            .iter()
            .map(|r| format!("{},{},{}", r.entity, r.lang.code(), r.name))
            .collect()
    }

    #[test]
    fn reads_index_and_gzip_dictionary() {
        let (_dir, index, dict) = dictionary(ENTRIES);
        let lines = parse_index(&index, &std::fs::read_to_string(&index).unwrap()).unwrap();
        assert_eq!(lines.len(), ENTRIES.len(), "metadata left out");
        assert_eq!(lines[0].key, "munition");
        assert_eq!(lines[0].line, 2);
        let text = read_dict(&dict).unwrap();
        let entries = entries(&lines, &text, &index).unwrap();
        assert_eq!(entries[0].headword, "munition");
        assert_eq!(entries[0].pos.as_deref(), Some("n, fem"));
        assert_eq!(entries[2].senses.len(), 3);
        assert_eq!(
            entries[2].senses[1],
            Sense {
                text: "reliable, trustworthy".into(),
                multiline: false
            }
        );
        assert_eq!(
            entries[3].senses[1],
            Sense {
                text: "french slang formed by reversal of syllables".into(),
                multiline: true
            }
        );
        assert_eq!(entries[7].pos, None);
        for from in [&index, &dict] {
            assert_eq!(files(Some(from)).unwrap(), (index.clone(), dict.clone()));
        }
    }

    #[test]
    fn one_entity_per_usable_sense() {
        let (_dir, index, dict) = dictionary(ENTRIES);
        let empty = LexiconBuilder::new().builtin(false).build().unwrap();
        let import = import_files(&index, &dict, &empty).unwrap();
        assert_eq!(
            rows(&import),
            [
                "fd_munition_1,fr,munition",
                "fd_munition_1,en,ammunition",
                "fd_munition_1,en,munition",
                "fd_obus_1,fr,obus",
                "fd_obus_1,en,shell",
                "fd_sur_1,fr,sûr",
                "fd_sur_1,en,certain",
                "fd_sur_1,en,sure",
                "fd_sur_2,fr,sûr",
                "fd_sur_2,en,reliable",
                "fd_sur_2,en,trustworthy",
                "fd_sur_3,fr,sûr",
                "fd_sur_3,en,safe",
                "fd_sur_3,en,secure",
                "fd_verlan_1,fr,verlan",
                "fd_verlan_1,en,back-slang",
                "fd_cote_1,fr,cote",
                "fd_cote_1,en,rating",
                "fd_cote_2,fr,côte",
                "fd_cote_2,en,coast",
                "fd_cote_3,fr,côte",
                "fd_cote_3,en,rib",
                "fd_finalement_1,fr,finalement",
                "fd_finalement_1,en,at last",
                "fd_finalement_1,en,finally",
                "fd_finalement_1,en,at long last",
                "fd_allumer_1,fr,allumer",
                "fd_allumer_1,en,turn on",
                "fd_allumer_1,en,light",
            ]
        );
        assert!(import.rows.iter().all(|r| r.kind == EntityType::Term));
        assert_eq!(import.rows[0].note, "freedict:n, fem");
        // verlan 2 (a definition), Ukraine, à, ADN, -able, albanais (only a
        // demonym), faire (a stop word), allumer 2 (only a stop word).
        assert_eq!(import.skipped, 8);
        assert_eq!(import.entries, 11);
    }

    #[test]
    fn joins_loaded_terms_by_french_then_english_name() {
        let (_dir, index, dict) = dictionary(ENTRIES);
        let lexicon = LexiconBuilder::new()
            .builtin(false)
            .add_text(
                "t.csv",
                "entity,type,lang,name\nammo,TERM,fr,munition\nammo,TERM,en,ammunition\n\
                 safety,TERM,en,safe\ncoast,GPE,en,Coast\n",
            )
            .build()
            .unwrap();
        let import = import_files(&index, &dict, &lexicon).unwrap();
        let rows = rows(&import);
        assert!(rows.contains(&"ammo,en,munition".to_string()), "{rows:#?}");
        assert!(!rows.iter().any(|r| r.starts_with("fd_munition")));
        assert!(
            rows.contains(&"safety,fr,sûr".to_string())
                && rows.contains(&"safety,en,secure".to_string())
        );
        assert!(
            !rows.iter().any(|r| r.ends_with(",coast")),
            "a GPE's name is not taken: {rows:#?}"
        );
        // The "coast" sense, left with no English name, is skipped and uses no id.
        assert!(rows.contains(&"fd_cote_2,en,rib".to_string()), "{rows:#?}");
        assert!(
            !rows.iter().any(|r| r.starts_with("fd_cote_3")),
            "{rows:#?}"
        );
        assert_eq!(import.joined, 2);
    }

    /// The stop words are the shared function words the import leaves out,
    /// and the light verbs a list apart (though `be`, `have` are also
    /// function words): one word list per idea.
    #[test]
    fn stop_words_are_function_words_and_apart_from_light_verbs() {
        let function_words = crate::data::function_words(Lang::En);
        for w in stop_words().iter() {
            assert!(function_words.contains(w), "{w:?} is not a function word");
            assert!(!light_verbs(Lang::En).contains(w), "{w:?} in both lists");
        }
        assert_eq!(
            stop_words().iter().count() + light_verbs(Lang::En).iter().count(),
            62
        );
        assert_eq!(light_verbs(Lang::Fr).iter().count(), 8);
    }

    #[test]
    fn stop_words_and_light_verbs_are_whole_words_folded() {
        assert!(is_light_verb("être") && is_light_verb("faire"));
        assert!(!is_light_verb("faire part") && !is_light_verb("fait"));
        assert!(is_stop_translation("on") && is_stop_translation("make"));
        for kept in ["on-line", "make up", "will", "new", "it's", ""] {
            assert!(!is_stop_translation(kept), "{kept:?}");
        }
    }

    #[test]
    fn bad_index_lines_and_offsets_are_reported_with_lines() {
        let path = Path::new("x.index");
        let err = parse_index(path, "a\tA\tB\nb\tA\nc\t!\tB\n").unwrap_err();
        let got: Vec<String> = err.problems().iter().map(|p| p.to_string()).collect();
        assert_eq!(
            got,
            [
                "x.index:2: expected KEY<TAB>OFFSET<TAB>LENGTH with base-64 numbers",
                "x.index:3: expected KEY<TAB>OFFSET<TAB>LENGTH with base-64 numbers",
            ]
        );
        let lines = parse_index(path, "a\tA\tZ\n").unwrap();
        let err = entries(&lines, "short", path).unwrap_err();
        assert_eq!(
            err.to_string(),
            "x.index:1: entry \"a\" at bytes 0..25 is outside the dictionary (5 bytes) or splits a character"
        );
        let err = files(Some(Path::new("x.txt"))).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Usage);
    }
}
