//! Deterministic synthetic workloads for the benchmarks: a lexicon of N
//! invented names, running text built from the seeds' sentences with those
//! names in it, and collections of French/English article pairs that share
//! rare names (one story per pair). The same seed always gives the same bytes.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// xorshift64*: small, fast, good enough for test data, and reproducible.
#[derive(Clone, Debug)]
pub struct XorShift(u64);

impl XorShift {
    /// A generator from a seed (any value; 0 is replaced).
    pub fn new(seed: u64) -> XorShift {
        XorShift(seed.max(1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn between(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const SYLLABLES: [&str; 48] = [
    "ba", "be", "bo", "da", "de", "do", "fa", "fe", "ga", "go", "ka", "ke", "ko", "la", "le", "lo",
    "ma", "me", "mo", "na", "ne", "no", "pa", "pe", "po", "ra", "re", "ro", "sa", "se", "so", "ta",
    "te", "to", "va", "ve", "vo", "za", "ze", "zo", "kir", "vel", "dun", "mar", "tal", "sor",
    "bek", "lin",
];

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// The `i`-th invented name: unique for `i < 48⁴` (its first word is `i` in
/// base 48 after a bijective scramble), e.g. `Kebolaro Zevel`.
pub fn name(i: usize) -> String {
    const SPACE: u64 = 48 * 48 * 48 * 48;
    let mut x = (i as u64).wrapping_mul(1_000_003) % SPACE;
    let mut first = String::new();
    for _ in 0..4 {
        first.push_str(SYLLABLES[(x % 48) as usize]);
        x /= 48;
    }
    let mut rng = XorShift::new(i as u64 + 7);
    let mut last = String::new();
    for _ in 0..rng.between(2, 3) {
        last.push_str(SYLLABLES[rng.below(SYLLABLES.len())]);
    }
    format!("{} {}", capitalised(&first), capitalised(&last))
}

/// The id of the `i`-th invented entity.
pub fn entity_id(i: usize) -> String {
    format!("syn_{i:07}")
}

/// A lexicon CSV of `n` names, one entity each, of mixed types.
pub fn lexicon_csv(n: usize) -> String {
    let mut csv = String::with_capacity(n * 40 + 32);
    csv.push_str("entity,type,lang,name\n");
    for i in 0..n {
        let kind = ["PER", "PER", "ORG", "LOC"][i % 4];
        let _ = writeln!(csv, "{},{kind},*,{}", entity_id(i), name(i));
    }
    csv
}

/// The seeds' sentences, by language.
pub struct Seeds {
    /// French sentences.
    pub fr: Vec<String>,
    /// English sentences.
    pub en: Vec<String>,
}

/// Reads the seeds in `seeds/` and cuts them into sentences (roughly: lines,
/// then `. ` before a capital).
pub fn seeds() -> Seeds {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut fr = Vec::new();
    let mut en = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the seeds directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("a seed article");
        let into = if path.to_string_lossy().contains("-fr") {
            &mut fr
        } else {
            &mut en
        };
        for line in text.lines() {
            let line = line.trim().trim_start_matches(['•', '-', '*']).trim();
            let mut rest = line;
            while !rest.is_empty() {
                let cut = rest
                    .match_indices(". ")
                    .find(|(i, _)| rest[i + 2..].starts_with(|c: char| c.is_uppercase()))
                    .map_or(rest.len(), |(i, _)| i + 1);
                let sentence = rest[..cut].trim();
                if sentence.len() > 20 {
                    into.push(sentence.to_string());
                }
                rest = rest[cut..].trim_start();
            }
        }
    }
    Seeds { fr, en }
}

/// How a sentence mentions a name, per language.
fn with_name(rng: &mut XorShift, fr: bool, name: &str, sentence: &str) -> String {
    let lead = if fr {
        *rng.pick(&["Selon {}, ", "D’après {}, ", "Pour {}, ", "{} a déclaré : "])
    } else {
        *rng.pick(&[
            "According to {}, ",
            "{} said: ",
            "As {} put it, ",
            "For {}, ",
        ])
    };
    lead.replace("{}", name) + sentence
}

/// About `bytes` of running text in one language: seed sentences, one in
/// `name_every` opening with a name drawn from the first `names` of the
/// lexicon, in paragraphs of a few sentences.
pub fn text(
    seeds: &Seeds,
    fr: bool,
    bytes: usize,
    names: usize,
    name_every: usize,
    seed: u64,
) -> String {
    let mut rng = XorShift::new(seed);
    let pool = if fr { &seeds.fr } else { &seeds.en };
    let mut out = String::with_capacity(bytes + 1024);
    let mut in_paragraph = 0;
    while out.len() < bytes {
        let sentence = rng.pick(pool);
        if names > 0 && rng.below(name_every.max(1)) == 0 {
            let who = name(rng.below(names));
            out.push_str(&with_name(&mut rng, fr, &who, sentence));
        } else {
            out.push_str(sentence);
        }
        in_paragraph += 1;
        if in_paragraph >= rng.between(2, 5) {
            out.push('\n');
            in_paragraph = 0;
        } else {
            out.push(' ');
        }
    }
    out
}

/// One article of `sentences` statements about a story: seed sentences, about
/// half of them opening with one of the story's names.
pub fn article(
    seeds: &Seeds,
    fr: bool,
    sentences: usize,
    story_names: &[usize],
    seed: u64,
) -> String {
    let mut rng = XorShift::new(seed);
    let pool = if fr { &seeds.fr } else { &seeds.en };
    let mut out = String::new();
    for i in 0..sentences {
        let sentence = rng.pick(pool);
        if !story_names.is_empty() && rng.below(2) == 0 {
            let who = name(*rng.pick(story_names));
            out.push_str(&with_name(&mut rng, fr, &who, sentence));
        } else {
            out.push_str(sentence);
        }
        out.push(if i % 3 == 2 { '\n' } else { ' ' });
    }
    out
}

/// Writes a collection of `per_side` French and English articles into
/// `dir/fr` and `dir/en`: 90% are the two sides of one story (sharing four
/// rare names of the first `names` of the lexicon), the rest have no partner.
/// File names are shuffled, so partners do not share a name. Returns the
/// story partners as `(fr file, en file)`.
pub fn write_collection(
    dir: &Path,
    seeds: &Seeds,
    per_side: usize,
    names: usize,
    seed: u64,
) -> Vec<(String, String)> {
    let mut rng = XorShift::new(seed);
    let (fr_dir, en_dir) = (dir.join("fr"), dir.join("en"));
    std::fs::create_dir_all(&fr_dir).unwrap();
    std::fs::create_dir_all(&en_dir).unwrap();
    let mut fr_order: Vec<usize> = (0..per_side).collect();
    let mut en_order: Vec<usize> = (0..per_side).collect();
    for order in [&mut fr_order, &mut en_order] {
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
    }
    let paired = per_side * 9 / 10;
    let mut partners = Vec::new();
    for story in 0..per_side {
        let story_names: Vec<usize> = (0..4).map(|_| rng.below(names.max(1))).collect();
        let fr_name = format!("{:06}.txt", fr_order[story]);
        let en_name = format!("{:06}.txt", en_order[story]);
        let fr_names = if story < paired {
            story_names.clone()
        } else {
            vec![rng.below(names.max(1))]
        };
        let en_names = if story < paired {
            story_names
        } else {
            vec![rng.below(names.max(1))]
        };
        let fr_text = article(seeds, true, rng.between(12, 36), &fr_names, rng.next_u64());
        let en_text = article(seeds, false, rng.between(12, 36), &en_names, rng.next_u64());
        std::fs::write(fr_dir.join(&fr_name), fr_text).unwrap();
        std::fs::write(en_dir.join(&en_name), en_text).unwrap();
        if story < paired {
            partners.push((fr_name, en_name));
        }
    }
    partners
}
