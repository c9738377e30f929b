//! Bytes → text: BOM sniffing, UTF-16 decoding, the binary check and lossy
//! UTF-8, with line endings normalised to `\n`.

use super::SkipReason;

/// How far into a file a NUL byte marks it as binary (as `grep` and `git` do).
const BINARY_SNIFF_LEN: usize = 8 * 1024;

/// Decoded file text.
pub(crate) struct Decoded {
    /// The text, without BOM, with `\r\n` and lone `\r` turned into `\n`.
    pub text: String,
    /// How many malformed byte sequences were replaced by U+FFFD.
    pub replaced: usize,
    /// Name of the encoding the bytes were read as, for messages.
    pub encoding: &'static str,
}

/// Decodes `bytes`: UTF-8 (BOM stripped) or UTF-16 LE/BE with a BOM.
///
/// Invalid sequences are replaced rather than rejected so that one stray byte
/// in a long article costs a character, not the article; the caller turns
/// `replaced > 0` into a warning. A NUL byte in the first 8 KB of a file
/// without a UTF-16 BOM means binary (UTF-16 without a BOM is not guessed).
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded, SkipReason> {
    if bytes.is_empty() {
        return Err(SkipReason::Empty);
    }
    let (text, replaced, encoding) = match encoding_rs::Encoding::for_bom(bytes) {
        Some((enc, bom_len)) if enc != encoding_rs::UTF_8 => {
            let rest = bytes.get(bom_len..).unwrap_or_default();
            let (text, had_errors) = enc.decode_without_bom_handling(rest);
            // encoding_rs reports only whether it replaced; count the marks,
            // minus any U+FFFD that was genuinely in the text (rare, harmless).
            let replaced = if had_errors {
                text.matches('\u{FFFD}').count().max(1)
            } else {
                0
            };
            (text.into_owned(), replaced, enc.name())
        }
        found => {
            let bom_len = found.map_or(0, |(_, len)| len);
            let rest = bytes.get(bom_len..).unwrap_or_default();
            let sniff = &rest[..rest.len().min(BINARY_SNIFF_LEN)];
            if sniff.contains(&0) {
                return Err(SkipReason::Binary);
            }
            match std::str::from_utf8(rest) {
                Ok(s) => (s.to_string(), 0, "UTF-8"),
                Err(_) => {
                    let replaced = rest
                        .utf8_chunks()
                        .filter(|c| !c.invalid().is_empty())
                        .count();
                    (
                        String::from_utf8_lossy(rest).into_owned(),
                        replaced,
                        "UTF-8",
                    )
                }
            }
        }
    };
    Ok(Decoded {
        text: normalize_newlines(text),
        replaced,
        encoding,
    })
}

/// Turns `\r\n` and lone `\r` into `\n`, so every parser splits lines alike
/// and body offsets never straddle a `\r`.
fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_by_bom_and_flags_problems() {
        struct Case {
            name: &'static str,
            bytes: &'static [u8],
            text: Result<&'static str, &'static str>,
            replaced: usize,
        }
        let cases = [
            Case {
                name: "plain",
                bytes: b"abc",
                text: Ok("abc"),
                replaced: 0,
            },
            Case {
                name: "utf-8 bom",
                bytes: b"\xEF\xBB\xBFabc",
                text: Ok("abc"),
                replaced: 0,
            },
            Case {
                name: "crlf and cr",
                bytes: b"a\r\nb\rc\n",
                text: Ok("a\nb\nc\n"),
                replaced: 0,
            },
            Case {
                name: "utf-16le",
                bytes: b"\xFF\xFEa\x00\r\x00\n\x00b\x00",
                text: Ok("a\nb"),
                replaced: 0,
            },
            Case {
                name: "utf-16be",
                bytes: b"\xFE\xFF\x00a\x04\x1F",
                text: Ok("aП"),
                replaced: 0,
            },
            Case {
                name: "utf-16le lone surrogate",
                bytes: b"\xFF\xFEa\x00\x00\xD8",
                text: Ok("a\u{FFFD}"),
                replaced: 1,
            },
            Case {
                name: "utf-16le odd length",
                bytes: b"\xFF\xFEa\x00b",
                text: Ok("a\u{FFFD}"),
                replaced: 1,
            },
            Case {
                name: "invalid utf-8",
                bytes: b"a\xC3(b\xFF",
                text: Ok("a\u{FFFD}(b\u{FFFD}"),
                replaced: 2,
            },
            Case {
                name: "nul",
                bytes: b"abc\x00def",
                text: Err("binary"),
                replaced: 0,
            },
            Case {
                name: "nul after bom",
                bytes: b"\xEF\xBB\xBF\x00",
                text: Err("binary"),
                replaced: 0,
            },
            Case {
                name: "utf-16 without bom is binary",
                bytes: b"a\x00b\x00",
                text: Err("binary"),
                replaced: 0,
            },
            Case {
                name: "empty",
                bytes: b"",
                text: Err("empty"),
                replaced: 0,
            },
        ];
        for c in cases {
            match (decode(c.bytes), c.text) {
                (Ok(d), Ok(text)) => {
                    assert_eq!(d.text, text, "{}", c.name);
                    assert_eq!(d.replaced, c.replaced, "{}", c.name);
                }
                (Err(r), Err(kind)) => assert_eq!(r.kind(), kind, "{}", c.name),
                (Ok(d), Err(k)) => panic!("{}: got {:?}, want {k}", c.name, d.text),
                (Err(r), Ok(t)) => panic!("{}: got {r:?}, want {t:?}", c.name),
            }
        }
    }

    #[test]
    fn nul_beyond_sniff_window_is_text() {
        let mut bytes = vec![b'a'; BINARY_SNIFF_LEN];
        bytes.push(0);
        assert!(decode(&bytes).is_ok());
    }
}
