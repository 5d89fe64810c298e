//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A seed article's path, e.g. `seed("000-fr.txt")`.
pub fn seed(name: &str) -> PathBuf {
    root().join("seeds").join(name)
}

/// The five seeds, French first.
pub const SEEDS: [&str; 5] = [
    "000-fr.txt",
    "001-en.txt",
    "002-en.txt",
    "003-en.txt",
    "004-en.txt",
];

/// `entente ARGS…` run from `dir`.
pub fn entente_in(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("entente")
        .unwrap()
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// `entente ARGS…` run from the crate root.
pub fn entente(args: &[&str]) -> Output {
    entente_in(&root(), args)
}

/// Stdout of a run that must succeed.
pub fn stdout_ok(output: &Output) -> String {
    assert!(
        output.status.success(),
        "exit {:?}\nstderr:\n{}",
        output.status.code(),
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Stderr of a run that must exit with `code`, checking stdout is empty and it did not panic.
pub fn stderr_with_code(output: &Output, code: i32) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(code), "stderr:\n{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

/// Writes `contents` to `name` in a fresh temporary directory.
pub fn temp_file(name: &str, contents: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, contents).unwrap();
    (dir, path)
}

/// The path as a `&str` for command lines.
pub fn s(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// Checks `value` against the reviewed snapshot `tests/snapshots/NAME.snap`
/// (review changes with `cargo insta review`).
pub fn snapshot(name: &str, value: &str) {
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, value);
    });
}
