//! Writes the benchmark workloads to a directory (deterministic: the same
//! arguments always write the same bytes):
//!
//! ```sh
//! cargo bench --bench gen_workload -- DIR [--names N] [--mb M] [--articles A,B,…] [--pairs P]
//! ```
//!
//! - `DIR/lexicon-N.csv`: N invented names (default 100000);
//! - `DIR/text-fr.txt`, `DIR/text-en.txt`: M MB each of seed sentences with those names (default 8);
//! - `DIR/corpus-A/{fr,en}/*.txt`: A articles per side, 90% of them story pairs sharing rare names
//!   (default 250,500,1000,2000), and `DIR/corpus-A/partners.csv`;
//! - `DIR/batch/`: the seeds and `pairs-P.csv`, a manifest of P seed pairs (default 10000).

mod workload;

use std::path::PathBuf;

fn main() {
    let mut args = std::env::args().skip(1).filter(|a| a != "--bench");
    let mut dir: Option<PathBuf> = None;
    let (mut names, mut mb, mut pairs) = (100_000usize, 8usize, 10_000usize);
    let mut articles: Vec<usize> = vec![250, 500, 1000, 2000];
    while let Some(arg) = args.next() {
        let mut value = |what: &str| {
            args.next()
                .unwrap_or_else(|| panic!("{what} needs a value"))
        };
        match arg.as_str() {
            "--names" => names = value("--names").parse().expect("--names N"),
            "--mb" => mb = value("--mb").parse().expect("--mb M"),
            "--pairs" => pairs = value("--pairs").parse().expect("--pairs P"),
            "--articles" => {
                articles = value("--articles")
                    .split(',')
                    .filter(|s| !s.is_empty())
                    .map(|a| a.parse().expect("--articles A,B"))
                    .collect()
            }
            other if !other.starts_with('-') => dir = Some(PathBuf::from(other)),
            other => panic!("unknown flag {other}"),
        }
    }
    let dir =
        dir.expect("usage: gen_workload DIR [--names N] [--mb M] [--articles A,B,…] [--pairs P]");
    std::fs::create_dir_all(&dir).unwrap();
    let seeds = workload::seeds();

    let lexicon = dir.join(format!("lexicon-{names}.csv"));
    std::fs::write(&lexicon, workload::lexicon_csv(names)).unwrap();
    eprintln!("wrote {}", lexicon.display());

    if mb > 0 {
        for (fr, file) in [(true, "text-fr.txt"), (false, "text-en.txt")] {
            let text = workload::text(&seeds, fr, mb << 20, names, 2, if fr { 1 } else { 2 });
            std::fs::write(dir.join(file), text).unwrap();
            eprintln!("wrote {}", dir.join(file).display());
        }
    }

    for &per_side in &articles {
        let at = dir.join(format!("corpus-{per_side}"));
        let _ = std::fs::remove_dir_all(&at);
        let partners = workload::write_collection(&at, &seeds, per_side, names, per_side as u64);
        let mut csv = String::from("fr,en\n");
        for (fr, en) in partners {
            csv.push_str(&format!("{fr},{en}\n"));
        }
        std::fs::write(at.join("partners.csv"), csv).unwrap();
        eprintln!("wrote {} ({per_side} articles per side)", at.display());
    }

    if pairs > 0 {
        let at = dir.join("batch");
        std::fs::create_dir_all(&at).unwrap();
        let seed_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let right = ["001-en.txt", "002-en.txt", "003-en.txt", "004-en.txt"];
        for file in ["000-fr.txt"].iter().chain(&right) {
            std::fs::copy(seed_dir.join(file), at.join(file)).unwrap();
        }
        let mut csv = String::from("left,right,id\n");
        for i in 0..pairs {
            csv.push_str(&format!("000-fr.txt,{},p{i:06}\n", right[i % right.len()]));
        }
        let manifest = at.join(format!("pairs-{pairs}.csv"));
        std::fs::write(&manifest, csv).unwrap();
        eprintln!("wrote {}", manifest.display());
    }
}
