//! Tagging throughput with a 100,000-name lexicon (strict and with variants)
//! and with the built-in lexicons (strict),
//! and lexicon loading + compiling, timed apart from tagging.
//!
//! ```sh
//! cargo bench --bench tagging            # all
//! cargo bench --bench tagging -- tag/    # throughput only
//! cargo bench --bench tagging -- lexicon # loading 100k and 1M names, --strict and default (variants)
//! ```

mod workload;

use std::hint::black_box;
use std::sync::Arc;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use entente::{Lang, Lexicon, LexiconBuilder, TagOptions, Tagger};

fn lexicon(names: usize) -> Lexicon {
    LexiconBuilder::new()
        .add_text(
            format!("synthetic-{names}.csv"),
            workload::lexicon_csv(names),
        )
        .build()
        .unwrap()
}

fn tagging(c: &mut Criterion) {
    let seeds = workload::seeds();
    let lexicon = Arc::new(lexicon(100_000));
    let texts = [
        (
            "fr",
            Lang::Fr,
            workload::text(&seeds, true, 2 << 20, 100_000, 2, 1),
        ),
        (
            "en",
            Lang::En,
            workload::text(&seeds, false, 2 << 20, 100_000, 2, 2),
        ),
    ];
    let mut group = c.benchmark_group("tag");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(10));
    for (mode, variants) in [("strict", false), ("variants", true)] {
        let tagger = Tagger::new(lexicon.clone(), TagOptions { variants });
        for (code, lang, text) in &texts {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(format!("{mode}/{code}/100k-names/2MB"), |b| {
                b.iter(|| black_box(tagger.tag(black_box(text), *lang)).len())
            });
        }
    }
    // The built-in lexicons (world territories and cities, the news
    // vocabulary matched through stems) on the seeds' own sentences.
    let builtin = Tagger::new(Lexicon::builtin(), TagOptions { variants: false });
    for (code, lang, fr) in [("fr", Lang::Fr, true), ("en", Lang::En, false)] {
        let text = workload::text(&seeds, fr, 2 << 20, 0, 1, 3);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("strict/{code}/builtin/2MB"), |b| {
            b.iter(|| black_box(builtin.tag(black_box(&text), lang)).len())
        });
    }
    group.finish();
}

fn loading(c: &mut Criterion) {
    let mut group = c.benchmark_group("lexicon");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    for names in [100_000, 1_000_000] {
        let csv = workload::lexicon_csv(names);
        group.throughput(Throughput::Elements(names as u64));
        group.bench_function(format!("load/{names}"), |b| {
            // Dropping a million names takes long too; it is not loading.
            b.iter_with_large_drop(|| {
                LexiconBuilder::new()
                    .add_text("synthetic.csv", csv.as_str())
                    .build()
                    .unwrap()
            })
        });
        let lexicon = Arc::new(lexicon(names));
        group.bench_function(format!("compile-strict/{names}"), |b| {
            b.iter_with_large_drop(|| Tagger::new(lexicon.clone(), TagOptions { variants: false }))
        });
        for (mode, variants) in [("strict", false), ("default", true)] {
            group.bench_function(format!("load+compile-{mode}/{names}"), |b| {
                b.iter_with_large_drop(|| {
                    let lexicon = LexiconBuilder::new()
                        .add_text("synthetic.csv", csv.as_str())
                        .build()
                        .unwrap();
                    Tagger::new(Arc::new(lexicon), TagOptions { variants })
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, tagging, loading);
criterion_main!(benches);
