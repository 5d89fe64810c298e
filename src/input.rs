//! Reading the user's files into text without changing a byte, so that every
//! offset entente reports points into the file as it is on disk.
//!
//! A UTF-8 byte-order mark is kept (the normalizer and segmenter treat it as
//! invisible); UTF-16 and other non-UTF-8 input is refused with a message that
//! says where the first bad byte is and how to convert the file.

use std::io::Read;
use std::path::Path;

use crate::error::{Error, ErrorKind, Result};

/// The largest text entente reads: offsets are kept as `u32` internally.
pub const MAX_TEXT_BYTES: u64 = u32::MAX as u64 - 1;

/// Reads a UTF-8 text file, or standard input when `path` is `-`.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = read_bytes(path)?;
    decode_utf8(bytes, path)
}

/// Reads the raw bytes of a file (or standard input for `-`), refusing
/// directories and files too large to index.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == "-" {
        std::io::stdin()
            .lock()
            .take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, &e))?;
    } else {
        let meta = std::fs::metadata(path).map_err(|e| Error::io(path, &e))?;
        if meta.is_dir() {
            return Err(Error::in_file(
                ErrorKind::Io,
                path,
                "is a directory, not a file",
            ));
        }
        if meta.len() > MAX_TEXT_BYTES {
            return Err(too_large(path));
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, &e))?;
        file.take(MAX_TEXT_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::io(path, &e))?;
    }
    if bytes.len() as u64 > MAX_TEXT_BYTES {
        return Err(too_large(path));
    }
    Ok(bytes)
}

fn too_large(path: &Path) -> Error {
    Error::in_file(
        ErrorKind::Input,
        path,
        format!("file is larger than {MAX_TEXT_BYTES} bytes; split it into smaller texts"),
    )
}

/// The 1-based line of byte `offset` in `bytes` (the last line past the end):
/// what every message about a place in a file says.
pub fn line_at(bytes: &[u8], offset: usize) -> u64 {
    1 + bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u64
}

/// Checks that `bytes` are UTF-8 and returns them as a `String` unchanged.
pub fn decode_utf8(bytes: Vec<u8>, path: &Path) -> Result<String> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(Error::at_line(
            ErrorKind::Encoding,
            path,
            1,
            "text is UTF-16 (it starts with a UTF-16 byte-order mark); \
             convert it to UTF-8 first, e.g. `iconv -f UTF-16 -t UTF-8`",
        ));
    }
    if looks_like_utf16(&bytes) {
        return Err(Error::at_line(
            ErrorKind::Encoding,
            path,
            1,
            "text looks like UTF-16 without a byte-order mark (every other byte is NUL); \
             convert it to UTF-8 first, e.g. `iconv -f UTF-16LE -t UTF-8`",
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = line_at(bytes, offset);
        Error::at_line(
            ErrorKind::Encoding,
            path,
            line,
            format!(
                "not valid UTF-8 (byte 0x{:02X} at offset {offset}); \
                 convert the file to UTF-8, e.g. `iconv -f WINDOWS-1252 -t UTF-8`",
                bytes[offset]
            ),
        )
    })
}

/// UTF-16 text of a Latin-script language has a NUL in almost every other
/// byte; UTF-8 text with a few stray NULs does not.
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(4096)];
    if head.len() < 8 {
        return false;
    }
    let nul_at = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let half = head.len() / 2;
    nul_at(0) * 10 >= half * 8 || nul_at(1) * 10 >= half * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_unchanged_with_bom() {
        let text = decode_utf8(b"\xEF\xBB\xBFabc\r\n".to_vec(), Path::new("a")).unwrap();
        assert_eq!(text.as_bytes(), b"\xEF\xBB\xBFabc\r\n");
    }

    #[test]
    fn invalid_utf8_names_line_and_offset() {
        let err =
            decode_utf8(b"ok\nalso ok\nbad \xE9t\xE9".to_vec(), Path::new("f.txt")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Encoding);
        let msg = err.to_string();
        assert!(
            msg.starts_with("f.txt:3: not valid UTF-8 (byte 0xE9 at offset 15)"),
            "{msg}"
        );
    }

    #[test]
    fn utf16_is_refused_with_a_hint() {
        let err = decode_utf8(b"\xFF\xFEa\x00".to_vec(), Path::new("u.txt")).unwrap_err();
        assert!(err.to_string().contains("UTF-16"));
        assert!(err.to_string().contains("iconv"));
    }

    #[test]
    fn utf16_without_bom_is_refused_but_stray_nuls_are_text() {
        let utf16: Vec<u8> = "Putin met Kim"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(
            decode_utf8(utf16, Path::new("u.txt"))
                .unwrap_err()
                .to_string()
                .contains("UTF-16")
        );
        assert!(decode_utf8(b"Putin\0met\0\0Kim Jong Un.\0".to_vec(), Path::new("n.txt")).is_ok());
    }

    #[test]
    fn missing_and_directory_are_io_errors() {
        let err = read_text(Path::new("/definitely/not/here.txt")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().ends_with("no such file"));
        let dir = std::env::temp_dir();
        let err = read_text(&dir).unwrap_err();
        assert!(err.to_string().contains("is a directory"));
    }
}
