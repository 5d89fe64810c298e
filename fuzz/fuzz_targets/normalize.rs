//! `entente::normalize`: the offset map of `fold`, idempotence of `fold`
//! and `fold_key`, and the tagger's streamed tokens (`for_each_token`) equal
//! to `fold`'s. Raw bytes also go through `input::decode_utf8`.

#![no_main]

use std::path::Path;

use entente::normalize::{fold, fold_key, for_each_token};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Reading a file: bytes are accepted unchanged or refused with a message.
    let decoded = entente::input::decode_utf8(data.to_vec(), Path::new("fuzz.txt"));
    let Ok(text) = std::str::from_utf8(data) else {
        let err = decoded.expect_err("decode_utf8 accepted bytes that are not UTF-8");
        assert!(!err.to_string().is_empty());
        return;
    };
    match decoded {
        Ok(s) => assert_eq!(s.as_bytes(), data, "decode_utf8 changed the bytes"),
        // Valid UTF-8 may still look like UTF-16 (mostly NULs): refused, not a panic.
        Err(err) => assert!(err.to_string().contains("UTF-16"), "{err}"),
    }

    let folded = fold(text);
    let mut padded = String::new();
    let mut previous_end = 0;
    for (token, span) in folded.tokens() {
        assert!(!token.is_empty() && !token.contains(' '), "token {token:?}");
        assert!(span.start < span.end && span.end <= text.len(), "span {span:?} of {} bytes", text.len());
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "span {span:?} off a char boundary"
        );
        assert!(span.start >= previous_end, "span {span:?} overlaps the previous token (ends at {previous_end})");
        previous_end = span.end;
        padded.push(' ');
        padded.push_str(token);
        padded.push(' ');
    }
    assert_eq!(folded.as_str(), padded, "folded text is not its tokens between spaces");

    let mut streamed = folded.tokens();
    for_each_token(text, |token, span| {
        assert_eq!(streamed.next(), Some((token, span)), "for_each_token differs from fold");
    });
    assert_eq!(streamed.next(), None, "for_each_token stopped early");

    let key = fold_key(text);
    assert_eq!(fold_key(&key), key, "fold_key is not idempotent");
    assert_eq!(fold(folded.as_str()).as_str(), folded.as_str(), "fold is not idempotent");
});
