//! Bounded edit distance between keys, and the deletion hashes that find
//! close keys without comparing every pair.
//!
//! Only long tokens are approximated: at least [`FUZZY_MIN_LEN`] symbols,
//! one Damerau edit per ≈ 8 symbols of the shorter key (1 from 8 symbols, 2
//! from 12), never on the first symbol. Candidates come from *symmetric
//! deletion*: two keys within k edits share a string obtained by at most k
//! deletions from each, so the index files each long key under the hashes
//! of its deletions, and a word of the text is looked up by its own.

/// Tokens shorter than this (in key symbols) are never matched fuzzily.
pub(super) const FUZZY_MIN_LEN: usize = 8;
/// Tokens at least this long may take a second edit (and index 2-deletions).
pub(super) const FUZZY_TWO_EDITS_LEN: usize = 12;
/// Above this length only 1-deletions are hashed: the 2-deletion neighbourhood
/// grows with the square of the length, and such long names are rare.
pub(super) const FUZZY_TWO_EDITS_MAX: usize = 24;
/// Longest key the bounded edit distance handles; longer keys only match exactly.
const FUZZY_MAX_LEN: usize = 47;

/// True for a key long enough, and not too long, to be approximated.
pub(super) fn fuzzy_eligible(key: &[u8]) -> bool {
    (FUZZY_MIN_LEN..=FUZZY_MAX_LEN).contains(&key.len())
}

/// Edits allowed between two keys: one per ≈ 8 symbols of the shorter, at most 2.
fn allowed_edits(a: &[u8], b: &[u8]) -> usize {
    let min = a.len().min(b.len());
    if min < FUZZY_MIN_LEN {
        0
    } else {
        ((min + 4) / 8).min(2)
    }
}

/// Edits between two keys when they are a fuzzy match: both long enough, same
/// first symbol (no edit on the first letter), within the allowed distance.
pub(super) fn fuzzy_edits(a: &[u8], b: &[u8]) -> Option<usize> {
    if !fuzzy_eligible(a) || !fuzzy_eligible(b) || a.first() != b.first() {
        return None;
    }
    let k = allowed_edits(a, b);
    if k == 0 {
        return None;
    }
    osa_within(&a[1..], &b[1..], k).filter(|&d| d > 0)
}

/// Optimal-string-alignment (Damerau) distance when it is at most `k`.
/// Fixed-size rows on the stack: no allocation per comparison.
pub(crate) fn osa_within(a: &[u8], b: &[u8], k: usize) -> Option<usize> {
    const W: usize = FUZZY_MAX_LEN + 1;
    if a.len() >= W || b.len() >= W || a.len().abs_diff(b.len()) > k {
        return None;
    }
    let mut prev2 = [0u8; W];
    let mut prev = [0u8; W];
    let mut cur = [0u8; W];
    for (j, cell) in (0u8..).zip(prev.iter_mut().take(b.len() + 1)) {
        *cell = j;
    }
    for (i, row) in (1u8..).zip(1..=a.len()) {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = u8::from(a[row - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if row > 1 && j > 1 && a[row - 1] == b[j - 2] && a[row - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if usize::from(row_min) > k {
            return None;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = usize::from(prev[b.len()]);
    (d <= k).then_some(d)
}

/// Call `f` with the hash of `key` and of every variant with one deletion (two
/// for long keys), never deleting the first symbol.
///
/// The hashes are polynomial, so that the hash of a key with symbols left
/// out is put together from its prefix hashes in constant time: a key of 14
/// symbols has over a hundred variants, and hashing each from scratch was
/// most of the cost of looking a word up.
pub(super) fn for_each_deletion_hash(key: &[u8], mut f: impl FnMut(u64)) {
    let n = key.len();
    if n > FUZZY_MAX_LEN {
        return;
    }
    // prefix[i]: hash of key[..i]; power[k]: BASE^k (wrapping arithmetic).
    let mut prefix = [0u64; FUZZY_MAX_LEN + 1];
    let mut power = [1u64; FUZZY_MAX_LEN + 1];
    for (i, &b) in key.iter().enumerate() {
        prefix[i + 1] = prefix[i]
            .wrapping_mul(HASH_BASE)
            .wrapping_add(u64::from(b) + 1);
        power[i + 1] = power[i].wrapping_mul(HASH_BASE);
    }
    // Hash of key[i..j], and the concatenation of two hashed pieces.
    let piece = |i: usize, j: usize| prefix[j].wrapping_sub(prefix[i].wrapping_mul(power[j - i]));
    let join = |h: u64, (g, len): (u64, usize)| h.wrapping_mul(power[len]).wrapping_add(g);
    // Hash of the key without the symbol at `p` (and the one at `q`).
    let without = |p: usize| join(prefix[p], (piece(p + 1, n), n - p - 1));
    let without_two = |p: usize, q: usize| {
        let h = join(prefix[p], (piece(p + 1, q), q - p - 1));
        join(h, (piece(q + 1, n), n - q - 1))
    };
    f(finish_hash(prefix[n], n));
    (1..n).for_each(|p| f(finish_hash(without(p), n - 1)));
    if (FUZZY_TWO_EDITS_LEN..=FUZZY_TWO_EDITS_MAX).contains(&n) {
        for p in 1..n {
            (p + 1..n).for_each(|q| f(finish_hash(without_two(p, q), n - 2)));
        }
    }
}

/// Multiplier of the polynomial hash (odd, so every power is invertible).
const HASH_BASE: u64 = 0x100_0000_01b3;

/// Mixes a polynomial hash with its length so that its bits spread.
fn finish_hash(h: u64, len: usize) -> u64 {
    let x = (h ^ (len as u64).rotate_left(56)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    x ^ (x >> 29)
}
