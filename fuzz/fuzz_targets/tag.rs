//! `entente::tag`: mentions found with the built-in lexicon, variants on and
//! off, lie in bounds on char boundaries, in order, without overlap.

#![no_main]

use std::sync::OnceLock;

use entente::{Lang, Lexicon, TagOptions, Tagger};
use libfuzzer_sys::fuzz_target;

fn taggers() -> &'static [Tagger; 2] {
    static TAGGERS: OnceLock<[Tagger; 2]> = OnceLock::new();
    TAGGERS.get_or_init(|| {
        let lexicon = Lexicon::builtin();
        [
            Tagger::new(lexicon.clone(), TagOptions { variants: false }),
            Tagger::new(lexicon, TagOptions { variants: true }),
        ]
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for tagger in taggers() {
        let lexicon = tagger.lexicon();
        for lang in [Lang::Fr, Lang::En] {
            let mut previous_end = 0;
            for m in tagger.tag(text, lang) {
                let (start, end) = (m.span.start, m.span.end);
                assert!(
                    previous_end <= start && start < end && end <= text.len(),
                    "{lang}: mention {start}..{end} after {previous_end} in {} bytes",
                    text.len()
                );
                assert!(
                    text.is_char_boundary(start) && text.is_char_boundary(end),
                    "{lang}: mention {start}..{end} off a char boundary"
                );
                assert!(m.entry < lexicon.entries().len() && m.name < lexicon.names().len());
                assert_eq!(lexicon.names()[m.name].entry, m.entry, "mention's name is of another entry");
                assert!(m.confidence > 0.0 && m.confidence <= 1.0, "confidence {}", m.confidence);
                previous_end = end;
            }
        }
    }
});
