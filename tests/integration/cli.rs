//! The command line's own surface: usage errors, help, language hints.

use super::util::*;

#[test]
fn an_uncertain_language_names_the_flags_of_the_command() {
    let (_dir, short) = temp_file("short.txt", b"Kim Jong Un.\n");
    let stderr = String::from_utf8_lossy(&entente(&["tag", s(&short)]).stderr).into_owned();
    assert!(
        stderr.contains("uncertain") && stderr.contains("set it with --lang"),
        "{stderr}"
    );

    let output = entente(&["align", s(&short), s(&seed("001-en.txt"))]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("set it with --left-lang"), "{stderr}");
    assert!(
        !stderr.contains("--lang "),
        "align has no --lang:\n{stderr}"
    );

    let output = entente(&["align", s(&seed("000-fr.txt")), s(&short)]);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(stderr.contains("set it with --right-lang"), "{stderr}");
}
