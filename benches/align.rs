//! Aligning two articles of 1,000 statements each (built from the seeds'
//! sentences, with shared invented names), analysis included and apart.
//!
//! ```sh
//! cargo bench --bench align
//! ```

mod workload;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use entente::align::{AlignOptions, Aligner};
use entente::{Lang, LexiconBuilder, TagOptions, Tagger};

fn align(c: &mut Criterion) {
    let seeds = workload::seeds();
    let names = 2_000;
    let lexicon = LexiconBuilder::new()
        .add_text("synthetic.csv", workload::lexicon_csv(names))
        .build()
        .unwrap();
    let story: Vec<usize> = (0..names).step_by(7).collect();
    let fr = workload::article(&seeds, true, 1_000, &story, 1);
    let en = workload::article(&seeds, false, 1_000, &story, 2);
    let mut group = c.benchmark_group("align");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for (mode, variants) in [("strict", false), ("variants", true)] {
        let aligner = Aligner::new(
            Tagger::new(Arc::new(lexicon.clone()), TagOptions { variants }),
            AlignOptions::default(),
        );
        let (left, right) = (
            aligner.analyse(&fr, Lang::Fr),
            aligner.analyse(&en, Lang::En),
        );
        eprintln!(
            "{mode}: {} × {} statements, {} links",
            left.statements.len(),
            right.statements.len(),
            aligner.align(&left, &right).links.len()
        );
        group.bench_function(format!("{mode}/analyse+align/1000x1000"), |b| {
            b.iter(|| {
                let left = aligner.analyse(black_box(&fr), Lang::Fr);
                let right = aligner.analyse(black_box(&en), Lang::En);
                aligner.align(&left, &right).links.len()
            })
        });
        group.bench_function(format!("{mode}/align-only/1000x1000"), |b| {
            b.iter(|| aligner.align(&left, &right).links.len())
        });
    }
    group.finish();
}

criterion_group!(benches, align);
criterion_main!(benches);
