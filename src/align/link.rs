//! From similarities to links: each pair's score is its similarity, lowered
//! when it is not the best match of its statements (as bitext mining scores a
//! pair against each sentence's other candidates), and a pair links when its
//! score reaches the threshold. Nothing else prunes: `--threshold 0` lists
//! every pair that shares evidence.

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

/// Turns similarities into scores: `sim × (sim/bestᵢ × sim/bestⱼ)^(rank/2)`,
/// where `bestᵢ` and `bestⱼ` are the best similarities of the two
/// statements. A pair that is the best of both keeps its similarity; one
/// statement's weaker candidates lose in proportion. A statement that
/// reports two claims still links to both parts when each is the best of its
/// own statement and near the best of the long one.
pub fn rank(pairs: &mut [ScoredPair], n_left: usize, n_right: usize, rank: f64) {
    let mut best_left = vec![0.0f64; n_left];
    let mut best_right = vec![0.0f64; n_right];
    for p in pairs.iter() {
        best_left[p.left] = best_left[p.left].max(p.score);
        best_right[p.right] = best_right[p.right].max(p.score);
    }
    for p in pairs.iter_mut() {
        let relative = (p.score / best_left[p.left]) * (p.score / best_right[p.right]);
        p.score *= relative.powf(rank / 2.0);
    }
}

/// The pairs that link: those whose score reaches `threshold`, by left then
/// right statement.
pub fn link(pairs: &[ScoredPair], threshold: f64) -> Vec<ScoredPair> {
    let mut links: Vec<ScoredPair> = pairs
        .iter()
        .copied()
        .filter(|p| p.score > 0.0 && p.score >= threshold)
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

    #[test]
    fn the_best_of_both_keeps_its_score_and_others_lose() {
        let mut scored = pairs(&[(0, 0, 0.8), (0, 1, 0.4), (1, 1, 0.6)]);
        rank(&mut scored, 2, 2, 1.0);
        assert_eq!(scored[0].score, 0.8);
        // (0, 1) is half of left 0's best and two thirds of right 1's.
        assert!((scored[1].score - 0.4 * (0.5f64 * (0.4 / 0.6)).sqrt()).abs() < 1e-12);
        assert_eq!(scored[2].score, 0.6);
    }

    #[test]
    fn a_statement_links_to_each_part_it_contains() {
        // Left 0 reports two claims; right 0 and right 1 each report one.
        let mut scored = pairs(&[(0, 0, 0.62), (0, 1, 0.55)]);
        rank(&mut scored, 1, 2, 1.0);
        let linked: Vec<(usize, usize)> = link(&scored, 0.5)
            .iter()
            .map(|p| (p.left, p.right))
            .collect();
        assert_eq!(linked, [(0, 0), (0, 1)]);
    }

    #[test]
    fn threshold_zero_lists_every_pair_that_shares_evidence() {
        let mut scored = pairs(&[(0, 0, 0.9), (0, 1, 0.01), (1, 0, 0.02)]);
        rank(&mut scored, 2, 2, 1.0);
        assert_eq!(link(&scored, 0.0).len(), 3);
    }
}
