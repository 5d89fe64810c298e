//! The linking rule: which scored pairs become links (see the module doc of
//! [`align`](super)).

use super::AlignOptions;

/// Two statements that share evidence, and their score.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ScoredPair {
    /// Index of the left statement.
    pub left: usize,
    /// Index of the right statement.
    pub right: usize,
    /// Score in [0, 1].
    pub score: f64,
}

/// The pairs that link, by left then right statement: a pair links when it
/// reaches the threshold, one side's best and nearly the other's best, or
/// one side's best by a margin.
pub fn link(
    pairs: &[ScoredPair],
    n_left: usize,
    n_right: usize,
    options: &AlignOptions,
) -> Vec<ScoredPair> {
    let mut best_left = vec![0.0f64; n_left];
    let mut best_right = vec![0.0f64; n_right];
    for p in pairs {
        best_left[p.left] = best_left[p.left].max(p.score);
        best_right[p.right] = best_right[p.right].max(p.score);
    }
    let mut links: Vec<ScoredPair> = pairs
        .iter()
        .copied()
        .filter(|p| {
            let s = p.score;
            let (best_for_left, best_for_right) =
                (s >= best_left[p.left], s >= best_right[p.right]);
            let near_left = s >= options.near_best * best_left[p.left];
            let near_right = s >= options.near_best * best_right[p.right];
            (s >= options.threshold
                && ((best_for_left && near_right) || (best_for_right && near_left)))
                || (s >= options.threshold + options.one_sided_margin
                    && (best_for_left || best_for_right))
        })
        .collect();
    links.sort_by_key(|p| (p.left, p.right));
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(usize, usize, f64)]) -> Vec<ScoredPair> {
        list.iter()
            .map(|&(left, right, score)| ScoredPair { left, right, score })
            .collect()
    }

    fn ids(links: &[ScoredPair]) -> Vec<(usize, usize)> {
        links.iter().map(|p| (p.left, p.right)).collect()
    }

    #[test]
    fn linking_prefers_mutual_best_and_leaves_weak_pairs_alone() {
        let options = AlignOptions::default();
        let scored = pairs(&[
            (0, 0, 0.80), // mutual best
            (0, 1, 0.55), // neither side's best
            (1, 1, 0.75), // mutual best
            (2, 2, 0.45), // below the threshold
            (3, 1, 0.58), // best for left 3, far from right 1's best, not enough margin
            (4, 3, 0.62), // best for left 4 and right 3
        ]);
        assert_eq!(
            ids(&link(&scored, 5, 4, &options)),
            [(0, 0), (1, 1), (4, 3)]
        );
    }

    #[test]
    fn one_statement_may_link_to_several() {
        let options = AlignOptions::default();
        // Left 0 reports two claims; right 0 and right 1 each report one.
        let scored = pairs(&[(0, 0, 0.80), (0, 1, 0.66), (1, 1, 0.5)]);
        // (0, 1) is the best for right 1 and within 0.8 of left 0's best.
        assert_eq!(ids(&link(&scored, 2, 2, &options)), [(0, 0), (0, 1)]);
        // Too far below left 0's best, it would need the one-sided margin.
        let scored = pairs(&[(0, 0, 0.80), (0, 1, 0.58)]);
        assert_eq!(link(&scored, 1, 2, &options).len(), 1);
    }
}
