//! The shipped lexicons of `lexicons/`, built into the binary so every command
//! works with no flags from any directory.

/// `(path, contents)` of every shipped lexicon file, in load order.
pub const FILES: &[(&str, &str)] = &[
    (
        "lexicons/people.csv",
        include_str!("../../lexicons/people.csv"),
    ),
    (
        "lexicons/countries.csv",
        include_str!("../../lexicons/countries.csv"),
    ),
    (
        "lexicons/places.csv",
        include_str!("../../lexicons/places.csv"),
    ),
    (
        "lexicons/organisations.csv",
        include_str!("../../lexicons/organisations.csv"),
    ),
    (
        "lexicons/media.csv",
        include_str!("../../lexicons/media.csv"),
    ),
    (
        "lexicons/facilities.csv",
        include_str!("../../lexicons/facilities.csv"),
    ),
    (
        "lexicons/events.csv",
        include_str!("../../lexicons/events.csv"),
    ),
    (
        "lexicons/terms.csv",
        include_str!("../../lexicons/terms.csv"),
    ),
    (
        "lexicons/terms-politics.csv",
        include_str!("../../lexicons/terms-politics.csv"),
    ),
    (
        "lexicons/terms-justice.csv",
        include_str!("../../lexicons/terms-justice.csv"),
    ),
    (
        "lexicons/terms-nature-health-science.csv",
        include_str!("../../lexicons/terms-nature-health-science.csv"),
    ),
    (
        "lexicons/terms-economy-society.csv",
        include_str!("../../lexicons/terms-economy-society.csv"),
    ),
    (
        "lexicons/common.csv",
        include_str!("../../lexicons/common.csv"),
    ),
    // Generated from CLDR by `.ci/regenerate-world-lexicons`, after the
    // hand-written files, which give the labels of the entities they join.
    (
        "lexicons/world-territories.csv",
        include_str!("../../lexicons/world-territories.csv"),
    ),
    (
        "lexicons/world-cities.csv",
        include_str!("../../lexicons/world-cities.csv"),
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_csv_in_the_lexicons_directory_is_built_in() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".csv"))
            .map(|n| format!("lexicons/{n}"))
            .collect();
        on_disk.sort();
        let mut built_in: Vec<String> = FILES.iter().map(|(p, _)| p.to_string()).collect();
        built_in.sort();
        assert_eq!(on_disk, built_in);
    }

    /// The shipped world files are exactly what `.ci/regenerate-world-lexicons`
    /// writes from the installed CLDR (skipped, with a note, without it).
    #[test]
    fn world_files_are_what_the_cldr_import_gives() {
        use crate::lexicon::import::cldr::{self, Sources};
        use std::path::Path;

        let dir = Path::new(cldr::DEFAULT_DIR);
        if !dir.join("en.xml").is_file() {
            eprintln!("note: skipping, CLDR not installed (apt-get install unicode-cldr-core)");
            return;
        }
        let shipped = |path: &str| FILES.iter().find(|(p, _)| *p == path).unwrap().1;
        let csv = |import: crate::lexicon::import::Import| {
            let mut out = Vec::new();
            import.write_csv(&mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let fix = "out of date: run .ci/regenerate-world-lexicons (and review its diff)";
        let demonyms = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/world/demonyms.csv");
        let territories = Sources::read(dir, Some(&demonyms), false)
            .unwrap()
            .import(&cldr::context().build().unwrap());
        assert!(
            csv(territories) == shipped("lexicons/world-territories.csv"),
            "lexicons/world-territories.csv {fix}"
        );
        let with_territories = cldr::context()
            .add_text(
                "world-territories.csv",
                shipped("lexicons/world-territories.csv"),
            )
            .build()
            .unwrap();
        let cities = Sources::read(dir, None, true)
            .unwrap()
            .import(&with_territories);
        assert!(
            csv(cities) == shipped("lexicons/world-cities.csv"),
            "lexicons/world-cities.csv {fix}"
        );
    }
}
