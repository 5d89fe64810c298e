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
}
