//! `entente::lexicon`: a user's CSV never panics the parser, the loader, the
//! checker or a tagger built from it; a built lexicon's indexes hold.

#![no_main]

use std::path::Path;
use std::sync::Arc;

use entente::lexicon::{check, rows};
use entente::{Lang, LexiconBuilder, TagOptions, Tagger};
use libfuzzer_sys::fuzz_target;

const SAMPLE: &str = "Vladimir Poutine a rencontré Kim Jong-un. Putin met Kim at the Vostochny Cosmodrome.";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };

    let parsed = rows::parse(Path::new("fuzz.csv"), text);
    for row in &parsed.rows {
        assert!(rows::check_id(&row.entity).is_ok(), "row with a bad id {:?}", row.entity);
        assert!(rows::check_name(&row.name).is_ok(), "row with a bad name {:?}", row.name);
        assert!(row.line >= 1, "row on line 0");
    }
    for problem in &parsed.problems {
        assert!(!problem.to_string().is_empty());
    }

    let builder = LexiconBuilder::new().builtin(false).add_text("fuzz.csv", text);
    let built = builder.build();
    let report = builder.check();
    for finding in report.findings() {
        assert!(!finding.to_string().is_empty());
    }
    let lexicon = match built {
        Ok(lexicon) => lexicon,
        Err(err) => {
            assert!(!err.to_string().is_empty());
            // Loading and checking run the same pass: what fails to load is an error of the check.
            assert!(report.errors() > 0, "build failed ({err}) but the check found no error");
            return;
        }
    };
    for (i, name) in lexicon.names().iter().enumerate() {
        assert!(!name.text.is_empty(), "empty name at {i}");
        assert!(name.entry < lexicon.entries().len(), "name {i} has entry {}", name.entry);
        assert!(lexicon.entries()[name.entry].names.contains(&i), "entry does not list its name {i}");
        assert!(name.file < lexicon.files().len());
    }
    for entry in lexicon.entries() {
        assert!(!entry.names.is_empty(), "entry {} has no name", entry.id);
        assert!(entry.names.iter().all(|&n| n < lexicon.names().len()));
        assert!(entry.stands_for.iter().all(|&e| e < lexicon.entries().len()));
        assert_eq!(lexicon.entry(&entry.id).map(|e| &e.id), Some(&entry.id));
    }
    for shared in check::shared_names(&lexicon) {
        assert!(shared.names.iter().all(|&n| n < lexicon.names().len()));
    }

    // A user lexicon goes straight into the tagger.
    let tagger = Tagger::new(Arc::new(lexicon), TagOptions { variants: true });
    for lang in [Lang::Fr, Lang::En] {
        for m in tagger.tag(SAMPLE, lang) {
            assert!(SAMPLE.get(m.span.start..m.span.end).is_some());
        }
        let _ = tagger.tag(text, lang);
    }
});
