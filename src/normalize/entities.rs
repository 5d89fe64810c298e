//! HTML entities left in scraped text (`Cor&eacute;e`, `Vladimir&nbsp;Putin`),
//! decoded as far as folding needs.

/// What an HTML entity stands for, as far as folding cares.
pub(super) enum Decoded {
    /// A character (from a numeric entity or a named punctuation/space).
    Char(char),
    /// The folded letters of a named letter entity (`&eacute;` → `e`).
    Letters(&'static str),
}

/// The HTML entity at the start of `text` (`&nbsp;`, `&eacute;`, `&#233;`,
/// `&#xE9;`) and its length in bytes. Letter entities fold like the letters they
/// name (accents drop anyway), so only their base letters are needed.
pub(super) fn html_entity(text: &str) -> Option<(Decoded, usize)> {
    let body = text.strip_prefix('&')?;
    let end = body.bytes().take(12).position(|b| b == b';')?;
    let name = &body[..end];
    let len = end + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return Some((Decoded::Char(char::from_u32(code)?), len));
    }
    if !name.bytes().all(|b| b.is_ascii_alphabetic()) || name.is_empty() {
        return None;
    }
    let punctuation = match name {
        "nbsp" | "ensp" | "emsp" | "thinsp" => Some(' '),
        "amp" => Some('&'),
        "quot" | "ldquo" | "rdquo" | "bdquo" | "laquo" | "raquo" => Some('"'),
        "apos" | "rsquo" | "lsquo" | "sbquo" => Some('\''),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "ndash" | "mdash" | "hellip" | "shy" | "zwj" | "zwnj" | "lrm" | "rlm" => Some(' '),
        _ => None,
    };
    if let Some(c) = punctuation {
        return Some((Decoded::Char(c), len));
    }
    let letters = match name.to_ascii_lowercase().as_str() {
        "szlig" => "ss",
        "aelig" => "ae",
        "oelig" => "oe",
        "eth" => "d",
        "thorn" => "th",
        lower => {
            let base = lower.get(..1)?;
            let accent = &lower[1..];
            if !matches!(
                accent,
                "acute" | "grave" | "circ" | "uml" | "cedil" | "tilde" | "ring" | "slash" | "caron"
            ) {
                return None;
            }
            // One static string per base letter.
            const LETTERS: &str = "abcdefghijklmnopqrstuvwxyz";
            let at = LETTERS.find(base)?;
            &LETTERS[at..at + 1]
        }
    };
    Some((Decoded::Letters(letters), len))
}
