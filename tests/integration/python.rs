//! The Python package (`python/`) and the Spark examples: their pytest suite,
//! run against this build's `entente` binary. The package must be installed
//! (`pip install ./python pytest`, and `pyspark pandas pyarrow` for Spark);
//! `.ci/run` installs them and sets `ENTENTE_REQUIRE_PYTHON`, so that in CI a
//! missing package fails instead of being skipped.

use std::process::Command;

use super::util::root;

/// Whether `python3` imports these modules.
fn python_has(modules: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {modules}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn python_package_and_spark_examples_give_what_the_cli_gives() {
    let required = std::env::var_os("ENTENTE_REQUIRE_PYTHON").is_some();
    if !python_has("entente, pytest") {
        assert!(
            !required,
            "the Python package is not installed: pip install ./python pytest"
        );
        eprintln!("skipped: the Python package is not installed (pip install ./python pytest)");
        return;
    }
    let out = Command::new("python3")
        .args([
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "python/tests",
        ])
        .current_dir(root())
        .env("ENTENTE_BIN", env!("CARGO_BIN_EXE_entente"))
        .output()
        .expect("python3 runs");
    let report = String::from_utf8_lossy(&out.stdout);
    eprintln!("{report}{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "pytest failed:\n{report}");
    assert!(!report.contains(" skipped") || !required, "{report}");
}
