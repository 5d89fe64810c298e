//! TEMPORARY: dumps key sets for offline calibration (not committed).
#[cfg(test)]
mod tests {
    use crate::align::{names, score};
    use crate::{AlignOptions, Aligner, Lang, Lexicon, TagOptions, Tagger};
    use std::io::Write;

    #[test]
    #[ignore]
    fn dump_for_calibration() {
        let aligner = Aligner::new(
            Tagger::new(Lexicon::builtin(), TagOptions::default()),
            AlignOptions::default(),
        );
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let sets = [
            ("tests/data/events", "tests/data/events/gold"),
            ("seeds", "tests/data/gold"),
            ("seeds", "tests/data/judgments"),
            ("tests/data/short", "tests/data/short/gold"),
        ];
        let mut out = std::fs::File::create("/tmp/calib.jsonl").unwrap();
        for (dir, gold_dir) in sets {
            let gold = gold_dir;
            for g in std::fs::read_dir(root.join(gold)).unwrap() {
                let g = g.unwrap().path();
                let text = std::fs::read_to_string(&g).unwrap();
                let rows = crate::eval::parse_gold(&g, &text).unwrap();
                let pair = rows[0].pair.clone();
                let (a, b) = pair.split_once('-').unwrap();
                let find = |p: &str| {
                    std::fs::read_dir(root.join(dir))
                        .unwrap()
                        .map(|e| e.unwrap().path())
                        .find(|x| {
                            x.file_name().unwrap().to_str().unwrap().starts_with(p)
                                && x.extension().is_some_and(|e| e == "txt")
                        })
                        .unwrap()
                };
                let lt = std::fs::read_to_string(find(a)).unwrap();
                let rt = std::fs::read_to_string(find(b)).unwrap();
                let l = aligner.analyse(&lt, Lang::Fr);
                let r = aligner.analyse(&rt, Lang::En);
                let (lf, rf) = names::with_shared_names(&l, &r);
                let index = score::Index::new(&crate::align::Weights::default(), &lf, &rf);
                let side = |sets: &[score::KeySet]| -> Vec<serde_json::Value> {
                    sets.iter().map(|s| serde_json::json!({"keys": s.keys.iter().map(|k| serde_json::json!([k.id, format!("{:?}", k.kind), k.factor, k.quoted, k.context, k.counted, k.parent])).collect::<Vec<_>>()})).collect()
                };
                let gold: Vec<serde_json::Value> = rows
                    .iter()
                    .filter_map(|row| {
                        let i = crate::eval::anchor_statement(&l, &row.fr_anchor).ok()?;
                        let j = crate::eval::anchor_statement(&r, &row.en_anchor).ok()?;
                        Some(serde_json::json!([i, j, format!("{:?}", row.label)]))
                    })
                    .collect();
                let kinds: Vec<String> = index.keys.iter().map(|k| format!("{:?}", k)).collect();
                let v = serde_json::json!({"pair": pair, "set": gold_name(gold_dir), "left": side(&index.left), "right": side(&index.right), "gold": gold, "keys": kinds});
                writeln!(out, "{v}").unwrap();
            }
        }
    }
    fn gold_str(s: &str) -> &str {
        s
    }
    fn gold_name(s: &str) -> &str {
        if s.contains("events") {
            "events"
        } else if s.contains("short") {
            "short"
        } else if s.contains("judgments") {
            "judgments"
        } else {
            "seedgold"
        }
    }
}
