//! The character model every stage shares: which characters make words, which
//! are invisible, which are Latin letters or look like them, and what each
//! non-ASCII character folds to (with the Latin folds computed once).

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// True for characters that belong to a word: letters, digits, combining marks
/// and invisible format characters (which join, not split, a word). The one
/// definition of a word character every stage uses.
pub(crate) fn is_word_char(c: char) -> bool {
    // Below U+0250 (ASCII, Latin-1, Latin Extended) from a table built once:
    // the Unicode look-ups were a twentieth of tagging French text.
    static LOW: std::sync::OnceLock<[bool; 0x250]> = std::sync::OnceLock::new();
    if u32::from(c) >= 0x250 {
        // General Punctuation (curly quotes, dashes, spaces) holds no letter,
        // digit or mark: only its invisible characters join a word.
        if is_general_punctuation(c) {
            return is_invisible(c);
        }
        return is_word_char_by_unicode(c);
    }
    LOW.get_or_init(|| {
        let mut low = [false; 0x250];
        for (u, slot) in low.iter_mut().enumerate() {
            *slot = char::from_u32(u as u32).is_some_and(is_word_char_by_unicode);
        }
        low
    })[c as usize]
}

/// U+2000–U+206F: spaces, dashes, quotes, bullets; no letter, digit or
/// mark, so word tests decide it without the Unicode tables.
pub(crate) fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206F}').contains(&c)
}

pub(super) fn is_word_char_by_unicode(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c) || is_invisible(c)
}

/// Format characters that only affect display: dropped without splitting a word.
pub(super) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{180E}' | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}'
    )
}

/// Latin letters outside ASCII, which `deunicode` spells in ASCII.
fn is_latin_extended(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}'
        | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' | '\u{0250}'..='\u{02AF}')
}

/// A Latin letter, or a character whose compatibility decomposition holds one
/// (`º` is `o`): judged on the decomposition so that folding stays idempotent.
pub(super) fn is_latin_letter(c: char) -> bool {
    let latin = |d: char| d.is_ascii_alphabetic() || (is_latin_extended(d) && d.is_alphabetic());
    latin(c) || (!c.is_ascii() && std::iter::once(c).nfkd().any(latin))
}

/// The Latin letter a Cyrillic or Greek letter looks like, used only inside a
/// word that also has Latin letters (a scraped "Сosmodrome" with a Cyrillic С).
pub(super) fn latin_lookalike(c: char) -> Option<char> {
    Some(match c {
        'А' | 'а' | 'Α' | 'α' => 'a',
        'В' | 'Β' | 'в' => 'b',
        'С' | 'с' | 'Ϲ' | 'ϲ' => 'c',
        'Ԁ' | 'ԁ' => 'd',
        'Е' | 'е' | 'Ε' | 'ε' | 'Ѐ' | 'ѐ' => 'e',
        'Һ' | 'һ' | 'Н' | 'Η' | 'н' => 'h',
        'І' | 'і' | 'Ι' | 'ι' | 'Ӏ' => 'i',
        'Ј' | 'ј' => 'j',
        'К' | 'Κ' | 'к' | 'κ' => 'k',
        'М' | 'Μ' | 'м' => 'm',
        'Ν' => 'n',
        'О' | 'о' | 'Ο' | 'ο' | 'σ' => 'o',
        'Р' | 'р' | 'Ρ' | 'ρ' => 'p',
        'Ԛ' | 'ԛ' => 'q',
        'Ѕ' | 'ѕ' => 's',
        'Т' | 'Τ' | 'т' | 'τ' => 't',
        'υ' | 'ν' => 'v',
        'Ԝ' | 'ԝ' => 'w',
        'Х' | 'х' | 'Χ' | 'χ' => 'x',
        'У' | 'у' | 'Υ' | 'Ү' | 'ү' | 'γ' => 'y',
        'Ζ' => 'z',
        _ => return None,
    })
}

/// What folding one non-ASCII character gives, in order: `Some(letter or
/// digit)` to append to the token, `None` for a token boundary. See
/// [`Folder::fold_char`](super::folder::Folder::fold_char) for the steps.
pub(super) fn fold_char_with(c: char, latin_word: bool, emit: &mut impl FnMut(Option<char>)) {
    for d in std::iter::once(c).nfkd() {
        for l in d.to_lowercase() {
            for m in std::iter::once(l).nfkd() {
                if is_combining_mark(m) || is_invisible(m) {
                    continue;
                }
                if let Some(latin) = latin_word.then(|| latin_lookalike(m)).flatten() {
                    emit(Some(latin));
                } else if m.is_ascii_alphanumeric() {
                    emit(Some(m.to_ascii_lowercase()));
                } else if is_latin_extended(m) && m.is_alphanumeric() {
                    // Spelled in ASCII by deunicode.
                    for a in deunicode::deunicode_char(m).unwrap_or("").chars() {
                        emit(a.is_ascii_alphanumeric().then(|| a.to_ascii_lowercase()));
                    }
                } else if m.is_alphanumeric() {
                    emit(Some(m));
                } else {
                    emit(None);
                }
            }
        }
    }
}

/// The characters whose folds are computed once and kept: Latin-1 and the
/// Latin Extended blocks, the accented letters of French text.
pub(super) const LATIN_FOLDS: std::ops::Range<u32> = 0x80..0x250;

/// [`fold_char_with`]'s output for a character of [`LATIN_FOLDS`], from a table
/// built on first use.
pub(super) fn latin_folds(c: char) -> Option<&'static [Option<char>]> {
    static TABLE: std::sync::OnceLock<Vec<Vec<Option<char>>>> = std::sync::OnceLock::new();
    if !LATIN_FOLDS.contains(&u32::from(c)) {
        return None;
    }
    let table = TABLE.get_or_init(|| {
        LATIN_FOLDS
            .map(|u| {
                let mut outs = Vec::new();
                if let Some(c) = char::from_u32(u) {
                    // No character of the table decomposes into a Cyrillic or Greek one.
                    fold_char_with(c, false, &mut |out| outs.push(out));
                }
                outs
            })
            .collect()
    });
    Some(&table[(u32::from(c) - LATIN_FOLDS.start) as usize])
}

/// The folded ASCII of an accented Latin letter of [`LATIN_FOLDS`] whose fold
/// is letters or digits only (`é` → `e`, `œ` → `oe`), from a table built once.
pub(super) fn latin_letter_fold(c: char) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<Vec<Option<String>>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        LATIN_FOLDS
            .map(|u| {
                let outs = char::from_u32(u).and_then(latin_folds)?;
                let letters: Option<String> = outs
                    .iter()
                    .map(|o| o.filter(char::is_ascii_alphanumeric))
                    .collect();
                letters.filter(|l| !l.is_empty())
            })
            .collect()
    });
    let index = u32::from(c).checked_sub(LATIN_FOLDS.start)?;
    table.get(index as usize)?.as_deref()
}
