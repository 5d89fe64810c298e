//! `entente::align`: the first byte splits the rest into a French and an
//! English text; analysing and aligning them never panics, and every index,
//! span and score of the result is valid.

#![no_main]

use std::sync::OnceLock;

use entente::align::{AlignOptions, Aligner, Analysis};
use entente::{Lexicon, TagOptions, Tagger};
use libfuzzer_sys::fuzz_target;

fn aligner() -> &'static Aligner {
    static ALIGNER: OnceLock<Aligner> = OnceLock::new();
    ALIGNER.get_or_init(|| {
        let tagger = Tagger::new(Lexicon::builtin(), TagOptions::default());
        Aligner::new(tagger, AlignOptions::default())
    })
}

fn span_ok(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn check_analysis(a: &Analysis) {
    let mut previous_end = 0;
    for st in &a.statements {
        let (start, end) = (st.span.start, st.span.end);
        assert!(start < end && previous_end <= start && span_ok(a.text, start, end), "statement {start}..{end}");
        previous_end = end;
    }
    for m in &a.mentions {
        assert!(span_ok(a.text, m.span.start, m.span.end), "mention {:?}", m.span);
    }
    assert_eq!(a.features.len(), a.statements.len(), "one feature set per statement");
    for f in a.features.iter().flat_map(|s| &s.features) {
        assert!(span_ok(a.text, f.span.start, f.span.end), "feature {:?} at {:?}", f.key, f.span);
        assert!(f.factor.is_finite() && f.factor >= 0.0, "feature factor {}", f.factor);
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&split, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let mut at = text.len() * usize::from(split) / 255;
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let (fr, en) = text.split_at(at);

    let aligner = aligner();
    let left = aligner.analyse(fr, entente::Lang::Fr);
    let right = aligner.analyse(en, entente::Lang::En);
    check_analysis(&left);
    check_analysis(&right);
    let (n_left, n_right) = (left.statements.len(), right.statements.len());

    for entente::align::ScoredPair { left: i, right: j, score } in aligner.scores(&left, &right) {
        assert!(i < n_left && j < n_right, "pair ({i}, {j}) of {n_left}×{n_right}");
        assert!((0.0..=1.0).contains(&score), "pair score {score}");
    }
    let alignment = aligner.align(&left, &right);
    let mut linked_left = vec![false; n_left];
    let mut linked_right = vec![false; n_right];
    for link in &alignment.links {
        assert!(link.left < n_left && link.right < n_right, "link ({}, {})", link.left, link.right);
        assert!((0.0..=1.0).contains(&link.score), "link score {}", link.score);
        assert!(link.evidence.iter().all(|e| e.weight.is_finite()));
        linked_left[link.left] = true;
        linked_right[link.right] = true;
    }
    for &i in &alignment.unaligned_left {
        assert!(i < n_left && !linked_left[i], "unaligned left {i}");
    }
    for &j in &alignment.unaligned_right {
        assert!(j < n_right && !linked_right[j], "unaligned right {j}");
    }
    assert_eq!(alignment.unaligned_left.len() + linked_left.iter().filter(|&&l| l).count(), n_left);
    assert_eq!(alignment.unaligned_right.len() + linked_right.iter().filter(|&&l| l).count(), n_right);
});
