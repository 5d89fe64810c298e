//! Transliteration keys: French and English romanisations of one name meet.
//!
//! A name is split into tokens on spaces, hyphens and apostrophes; each token is
//! folded (accents, case, `ï` → `i`) and rewritten left to right, longest
//! pattern first, into a string of *symbols*: lowercase letters, plus one
//! uppercase letter for each sound that the two traditions write with different
//! digraphs. The language tells which digraph means what: French `ch` is the
//! English `sh`, and English `ch` is the French `tch`.
//!
//! | rule | symbol | French | English |
//! |---|---|---|---|
//! | щ: fr `chtch` = en `shch` | `Q` | Khrou**chtch**ev | Khru**shch**ev |
//! | ч: fr `tch` = en `ch` (`tch` in English too) | `C` | Gorba**tch**ev, **Tch**eliabinsk | Gorba**ch**ev, **Ch**elyabinsk |
//! | ш: fr `ch` = en `sh` (`sh` in French too) | `S` | **Ch**oïgou, Nary**ch**kine | **Sh**oigu, Nary**sh**kin |
//! | ж, дж, Arabic ج: fr `j`, `dj` = en `zh`, `j`, `dj`, `dzh` | `Z` | Prigo**j**ine, **Dj**eddah | Prigo**zh**in, **J**eddah |
//! | х: `kh` in both | `X` | **Kh**rouchtchev | **Kh**rushchev |
//! | fr `ou` = en `u` | `u` | P**ou**tine, B**ou**tcha | P**u**tin, B**u**cha |
//! | о+у: fr `oou` = en `ou`; en `ou` for у | `u` | Bel**oou**ssov, Mass**ou**d | Bel**ou**sov, Mas**ou**d |
//! | fr `ou` before a vowel = en `w` | `u` | Sin**ou**ar | Sin**w**ar |
//! | fr `gu` before e/i/y = en `g` | `g` | Ser**gu**eï, **Gu**erassimov | Ser**g**ei, **G**erasimov |
//! | fr `qu` before a vowel, `q` anywhere = `k` | `k` | Ra**kk**a | Ra**qq**a |
//! | `c` = `s` before e/i/y, else `k`; `x` = `ks`; `ck` = `k` | | Ale**x**eï | Ale**ks**ei, Ale**x**ei |
//! | `gh`, `dh`, `th`, `ph` = `g`, `d`, `t`, `f` | | Ba**g**dad, Riya**d**, Beyrou**th** | Ba**gh**dad, Riya**dh**, Beiru**t** |
//! | `y`, `ï`, `i` are one vowel class | `i` | Dmitr**i**, Alexe**ï**, Z**i**ouganov | Dmitr**y**, Alexe**i**, Z**y**uganov |
//! | doubled symbols collapse (`-iy`, `-yy`, `ss`, `zhzh`, `mm`) | | Zelensk**i**, Guera**ss**imov, Zapori**jj**ia | Zelensk**yy**, Gerasimov, Zapori**zhzh**ia |
//! | word-initial `ie`/`ye` = `e` | `e` | **Ie**katerinbourg, **E**vgueni, **E**ltsine | **Ye**katerinburg, **Ye**vgeny, **Ye**ltsin |
//! | word-initial fr `Ia`/`Iou` = en `Ya`/`Yu` (by the vowel class) | `ia`, `iu` | **Ia**roslavl, **Iou**ri | **Ya**roslavl, **Yu**ri |
//! | fr `-iev` = en `-yev` (by the vowel class) | `iev` | Lavrent**iev** | Lavrent**yev** |
//! | final `e`/`é` after a consonant is dropped (French mute `-e`) | | Prigojin**e**, Syrt**e**, Douchanb**é** | Prigozhin, Sirt**e**, Dushanb**e** |
//! | final `h` after a vowel is dropped (Arabic `-ah`/`-eh`) | | Djedda, Hodeïda | Jedda**h**, Hodeida**h** |
//! | en consonant + final `-er` = fr consonant + `-re` | `r` | Alexand**re** | Alexand**er** |
//! | particles between name tokens are dropped (`data/names/particles.tsv`): `al`, `el`, `ben`, `bin`, `ibn`, `de`, `du`, `le`, `sur`, `on`… | | Mohammed **ben** Salmane, Bachar **el**-Assad | Mohammed **bin** Salman, Bashar **al**-Assad |
//! | Korean syllable hyphens and case: one token per syllable | | Kim Yo-jong | Kim Yo Jong |
//!
//! Two tokens also match when their folded spellings are equal, so a name
//! that both presses spell alike never depends on the rules above.
//!
//! Keys are ASCII: tokens are folded by [`crate::normalize::fold_word`] like
//! everywhere else, and what that leaves in another script (a name written in
//! Cyrillic, Greek or Chinese characters) is then transliterated by
//! `deunicode`, so that *Путин* keys as *Putin* does.

use crate::normalize::fold_word;
use crate::span::Lang;

use super::scan::{Gap, RawTok, Tokens};
use super::words::drops_as_particle;

/// Byte range of one token of a name.
#[derive(Clone, Copy, Debug)]
pub(super) struct Piece {
    start: usize,
    end: usize,
}

impl Piece {
    pub(super) fn of<'n>(&self, name: &'n str) -> &'n str {
        name.get(self.start..self.end).unwrap_or("")
    }
}

/// The non-particle tokens of a lexicon name (all of them when every token is
/// a particle), by the same particle rule as the text scanner: a particle is
/// dropped when lowercase, after a name token, or hyphened to the next token
/// (*al-Assad*), so a leading *Ben* in *Ben Wallace* stays.
pub(super) fn name_tokens(name: &str) -> Vec<Piece> {
    let raws: Vec<RawTok> = Tokens::new(name).collect();
    let piece = |r: &RawTok| Piece {
        start: r.start,
        end: r.end,
    };
    let mut keep: Vec<Piece> = Vec::with_capacity(raws.len());
    for (i, raw) in raws.iter().enumerate() {
        let next_glued = raws
            .get(i + 1)
            .is_some_and(|n| matches!(n.gap, Gap::Hyphen | Gap::Apostrophe));
        let word = name.get(raw.start..raw.end).unwrap_or("");
        let particle = drops_as_particle(word, raw.cap, !keep.is_empty(), next_glued);
        if !particle {
            keep.push(piece(raw));
        }
    }
    if keep.is_empty() {
        keep = raws.iter().map(piece).collect();
    }
    keep
}

/// Folds a token to lower-case ASCII letters and digits: [`fold_word`]
/// (accents, case, other Latin letters, look-alikes in a Latin word, marks
/// and punctuation dropped), then what is left of other scripts through
/// `deunicode` (keys must be ASCII: *Путин* gives `putin`).
pub(super) fn fold_ascii(token: &str, out: &mut String) {
    let start = out.len();
    fold_word(token, out);
    if out[start..].is_ascii() {
        return;
    }
    let folded = out.split_off(start);
    for c in folded.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if let Some(s) = deunicode::deunicode_char(c) {
            out.extend(
                s.chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_lowercase()),
            );
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Consonant symbols: the other lowercase letters and the digraph symbols.
fn is_consonant(b: u8) -> bool {
    b.is_ascii_alphabetic() && !is_vowel(b)
}

/// Appends the transliteration key of one folded token (see the module
/// doc); `sym` is a buffer for the symbols, reused from token to token.
pub(super) fn key_with(fold: &str, lang: Lang, out: &mut String, sym: &mut Vec<u8>) {
    let s = fold.as_bytes();
    sym.clear();
    let mut i = 0;
    while let Some(&b) = s.get(i) {
        if is_plain(b) {
            sym.push(b);
            i += 1;
            continue;
        }
        let (emit, used) = rewrite(s, i, lang);
        sym.extend_from_slice(emit.as_bytes());
        i += used.max(1);
    }
    finish_key(sym, lang);
    // Symbols are ASCII by construction (and checking that a short string is
    // UTF-8 cost more than keying it).
    out.extend(sym.iter().map(|&b| char::from(b)));
}

/// A letter or digit that [`rewrite`] keeps as it is whatever follows it
/// (most letters of a name): decided without matching spellings.
pub(super) fn is_plain(b: u8) -> bool {
    b.is_ascii_digit()
        || matches!(
            b,
            b'a' | b'b' | b'e' | b'f' | b'h' | b'i' | b'l' | b'm' | b'n' | b'r' | b'u' | b'v'
        )
}

/// The symbols for the spelling at `s[i..]` and how many bytes it used.
/// Longest patterns first; the language decides `ch`, and French `gu`/`qu`.
/// Dispatched on the first letter: this runs for every capitalised word.
pub(super) fn rewrite(s: &[u8], i: usize, lang: Lang) -> (&'static str, usize) {
    let rest = s.get(i..).unwrap_or_default();
    let at = |p: &[u8]| rest.starts_with(p);
    let then_in = |k: usize, set: &[u8]| rest.get(k).is_some_and(|c| set.contains(c));
    let next = rest.get(1).copied();
    let Some(&first) = rest.first() else {
        return ("", 1);
    };
    match first {
        b'c' if at(b"chtch") => ("Q", 5),
        // The spellings the two traditions read differently.
        b'c' if next == Some(b'h') => (if lang == Lang::Fr { "S" } else { "C" }, 2),
        b'c' if next == Some(b'k') => ("k", 2),
        b'c' if then_in(1, b"eiy") => ("s", 1),
        b'c' => ("k", 1),
        b's' if at(b"shch") => ("Q", 4),
        b's' if next == Some(b'h') => ("S", 2),
        b't' if at(b"tch") => ("C", 3),
        b't' if next == Some(b'h') => ("t", 2),
        b'd' if at(b"dzh") => ("Z", 3),
        b'd' if next == Some(b'j') => ("Z", 2),
        b'd' if next == Some(b'h') => ("d", 2),
        b'g' if lang == Lang::Fr && next == Some(b'u') && then_in(2, b"eiy") => ("g", 2),
        b'g' if next == Some(b'h') => ("g", 2),
        b'q' if lang == Lang::Fr && next == Some(b'u') && then_in(2, b"aeiouy") => ("k", 2),
        b'q' => ("k", 1),
        b'z' if next == Some(b'h') => ("Z", 2),
        b'k' if next == Some(b'h') => ("X", 2),
        b'o' if next == Some(b'u') => ("u", 2),
        b'p' if next == Some(b'h') => ("f", 2),
        b'j' => ("Z", 1),
        b'x' => ("ks", 1),
        b'w' => ("u", 1),
        b'y' => ("i", 1),
        b => (ascii_str(b), 1),
    }
}

/// A one-byte `&'static str` for an ASCII letter or digit.
pub(super) fn ascii_str(b: u8) -> &'static str {
    const TABLE: &str = "0123456789abcdefghijklmnopqrstuvwxyz";
    let pos = match b {
        b'0'..=b'9' => usize::from(b - b'0'),
        b'a'..=b'z' => usize::from(b - b'a') + 10,
        _ => return "",
    };
    TABLE.get(pos..pos + 1).unwrap_or("")
}

/// Position-dependent rules, applied once the symbols are known.
fn finish_key(sym: &mut Vec<u8>, lang: Lang) {
    // о+у: French writes `oou` (Belooussov), English `ou` (Belousov), which
    // English also uses for у (Masoud, Tsikhanouskaya): o before u goes.
    let mut prev_kept: Option<u8> = None;
    let mut k = if sym.windows(2).any(|w| w == b"ou") {
        sym.len()
    } else {
        0
    };
    while k > 0 {
        k -= 1;
        if sym[k] == b'o' && prev_kept == Some(b'u') {
            sym.remove(k);
        } else {
            prev_kept = Some(sym[k]);
        }
    }
    sym.dedup();
    // Word-initial ie/ye (Cyrillic е): Iekaterinbourg, Yekaterinburg, Ekaterinbourg.
    if sym.len() > 2 && sym.starts_with(b"ie") {
        sym.remove(0);
    }
    // Arabic -ah/-eh: Djedda / Jeddah.
    let n = sym.len();
    if n >= 3 && sym[n - 1] == b'h' && is_vowel(sym[n - 2]) {
        sym.pop();
    }
    // French mute -e (and -é, which English writes -e): Prigojine / Prigozhin.
    let n = sym.len();
    if n >= 3 && sym[n - 1] == b'e' && is_consonant(sym[n - 2]) {
        sym.pop();
    }
    // English consonant + -er for French -re: Alexander / Alexandre.
    let n = sym.len();
    if lang == Lang::En && n >= 5 && sym.ends_with(b"er") && is_consonant(sym[n - 3]) {
        sym.remove(n - 2);
    }
    sym.dedup();
}
