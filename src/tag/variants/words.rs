//! The word lists the variant search reads from `data/`:
//!
//! - name particles (`data/names/particles.tsv`): left out of keys between
//!   name words, so *Bachar el-Assad* meets *Bashar al-Assad*;
//! - *common words*: capitalised words that never link as a name on their
//!   own, and that do not stop a surname after them from counting as
//!   "alone" — the function words of both languages (they get a capital at
//!   a sentence start: [`crate::data::function_words`]), titles and roles
//!   (`data/{fr,en}/titles.txt`: *Président Zelensky*), and calendar and
//!   compass words (`data/{fr,en}/calendar-words.txt`: *Mars*, *Nord*).
//!
//! The common words of both languages count in a text of either: quotes and
//! names cross languages.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::data::{EN_CALENDAR_WORDS, EN_TITLES, FR_CALENDAR_WORDS, FR_TITLES, PARTICLES};
use crate::data::{function_words, lines, rows};
use crate::span::Lang;

/// The name particles of [`PARTICLES`], each packed into a number (see
/// [`packed`]): they are looked up for most words of a run of names, and
/// comparing numbers costs less than comparing strings.
struct Particles {
    /// Every particle, sorted.
    all: Vec<u64>,
    /// The genuine name particles (`joins` is `space`), sorted: they may join
    /// two capitalised words across a space (*Mohammed bin Salman*) and are
    /// dropped even when capitalised after a name word. The others (`on`,
    /// `sur`, `as`…) are ordinary words in running text and only count when
    /// hyphened (*Rostov-on-Don*, *as-Sissi*).
    space: Vec<u64>,
    /// The longest particle's length: longer words are not looked up.
    max_len: usize,
}

/// The longest particle [`Particles`] can hold.
const MAX_PARTICLE_LEN: usize = 8;

/// A word of at most [`MAX_PARTICLE_LEN`] ASCII bytes as a number, lower-cased:
/// its bytes, zero-padded. `None` for a longer word or one with other
/// characters (no particle has them).
#[inline]
fn packed(word: &str) -> Option<u64> {
    let bytes = word.as_bytes();
    if bytes.len() > MAX_PARTICLE_LEN || !bytes.is_ascii() {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u64, |n, &b| n << 8 | u64::from(b.to_ascii_lowercase())),
    )
}

/// How a particle joins the name words around it (the `joins` column).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Joins {
    Space,
    Hyphen,
}

impl Joins {
    fn parse(field: &str) -> Option<Joins> {
        match field {
            "space" => Some(Joins::Space),
            "hyphen" => Some(Joins::Hyphen),
            _ => None,
        }
    }
}

fn particles() -> &'static Particles {
    static PARSED: OnceLock<Particles> = OnceLock::new();
    PARSED.get_or_init(|| {
        let mut out = Particles {
            all: Vec::new(),
            space: Vec::new(),
            max_len: 0,
        };
        // A malformed row is left out; the tests below reject it.
        for (_, fields) in rows(PARTICLES) {
            let [particle, joins] = fields[..] else {
                continue;
            };
            let (Some(joins), Some(key)) = (Joins::parse(joins), packed(particle)) else {
                continue;
            };
            out.all.push(key);
            if joins == Joins::Space {
                out.space.push(key);
            }
            out.max_len = out.max_len.max(particle.len());
        }
        out.all.sort_unstable();
        out.space.sort_unstable();
        out
    })
}

/// True for a name particle, whatever its case (ASCII only: `Él` is none).
#[inline]
pub(super) fn is_particle(word: &str) -> bool {
    let particles = particles();
    word.len() <= particles.max_len && is_in(&particles.all, word)
}

/// True for a genuine name particle, which may join across a space.
#[inline]
pub(super) fn is_space_particle(word: &str) -> bool {
    let particles = particles();
    word.len() <= particles.max_len && is_in(&particles.space, word)
}

/// True when `word` is in a sorted list of packed particles.
#[inline]
fn is_in(list: &[u64], word: &str) -> bool {
    packed(word).is_some_and(|key| list.binary_search(&key).is_ok())
}

/// The particle rule shared by lexicon names and texts: is this word a
/// particle to leave out of the key sequence?
#[inline]
pub(super) fn drops_as_particle(word: &str, cap: bool, after_name: bool, next_glued: bool) -> bool {
    is_particle(word) && (!cap || next_glued || (after_name && is_space_particle(word)))
}

/// The common words (folded): function words, titles and calendar words of
/// both languages.
pub(super) fn common_words() -> &'static FxHashSet<&'static str> {
    static COMMON: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    COMMON.get_or_init(|| {
        let lists = [FR_TITLES, EN_TITLES, FR_CALENDAR_WORDS, EN_CALENDAR_WORDS];
        [Lang::Fr, Lang::En]
            .into_iter()
            .flat_map(|lang| function_words(lang).iter())
            .chain(
                lists
                    .into_iter()
                    .flat_map(|list| lines(list).map(|(_, w)| w)),
            )
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_file_has_a_known_joining_per_particle_once() {
        let mut seen = FxHashSet::default();
        for (line, fields) in rows(PARTICLES) {
            let at = format!("data/names/particles.tsv:{line}");
            let [particle, joins] = fields[..] else {
                panic!("{at}: {fields:?} is not `particle<TAB>joins`");
            };
            assert!(
                !particle.is_empty() && particle.bytes().all(|b| b.is_ascii_lowercase()),
                "{at}: {particle:?} is not lower-case ASCII letters"
            );
            assert!(
                Joins::parse(joins).is_some(),
                "{at}: joins {joins:?} is not space or hyphen"
            );
            assert!(seen.insert(particle), "{at}: {particle:?} twice");
            assert!(
                particle.len() <= MAX_PARTICLE_LEN,
                "{at}: {particle:?} is longer than {MAX_PARTICLE_LEN} letters"
            );
        }
        assert_eq!(particles().all.len(), seen.len(), "every row is read");
    }

    #[test]
    fn particles_join_across_a_space_or_only_when_hyphened() {
        for word in ["al", "Bin", "de", "VON"] {
            assert!(is_particle(word) && is_space_particle(word), "{word}");
        }
        for word in ["on", "sur", "As", "an"] {
            assert!(is_particle(word) && !is_space_particle(word), "{word}");
        }
        for word in ["Kim", "Él", "alors", ""] {
            assert!(!is_particle(word), "{word}");
        }
    }

    #[test]
    fn common_words_are_function_words_titles_and_calendar_words_of_both_languages() {
        let common = common_words();
        for word in [
            "selon",
            "the",
            "president",
            "mr",
            "general",
            "mars",
            "june",
            "nord",
        ] {
            assert!(common.contains(word), "{word}");
        }
        assert!(!common.contains("prigojine"));
        for list in [FR_TITLES, EN_TITLES, FR_CALENDAR_WORDS, EN_CALENDAR_WORDS] {
            assert!(lines(list).count() >= 20);
            assert!(lines(list).all(|(_, w)| common.contains(w)));
        }
    }
}
