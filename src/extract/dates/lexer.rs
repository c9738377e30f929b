//! The small lexer: tokens around a candidate anchor, read forwards and backwards.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Word,
    Num,
    /// One char that is neither a letter, a digit nor a space; `\n` is
    /// punctuation so that no date spans two lines.
    Punct,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) kind: Kind,
}

pub(super) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

pub(super) fn is_space(c: char) -> bool {
    c != '\n' && c.is_whitespace()
}

/// The token starting at or after `pos` (which must be a char boundary).
pub(super) fn next_tok(text: &str, pos: usize) -> Option<Tok> {
    let rest = text.get(pos..)?;
    let (off, c) = rest.char_indices().find(|&(_, c)| !is_space(c))?;
    let start = pos + off;
    let tail = text.get(start..)?;
    if c.is_ascii_digit() {
        let len = tail.bytes().take_while(u8::is_ascii_digit).count();
        return Some(Tok {
            start,
            end: start + len,
            kind: Kind::Num,
        });
    }
    if c.is_alphabetic() {
        let mut end = start;
        let mut chars = tail.char_indices().peekable();
        while let Some((i, ch)) = chars.next() {
            if ch.is_alphabetic() {
                end = start + i + ch.len_utf8();
            } else if is_apostrophe(ch) && matches!(chars.peek(), Some((_, n)) if n.is_alphabetic())
            {
                continue;
            } else {
                break;
            }
        }
        return Some(Tok {
            start,
            end,
            kind: Kind::Word,
        });
    }
    Some(Tok {
        start,
        end: start + c.len_utf8(),
        kind: Kind::Punct,
    })
}

/// The token ending at or before `pos` (which must be a char boundary).
pub(super) fn prev_tok(text: &str, pos: usize) -> Option<Tok> {
    let head = text.get(..pos)?;
    let (off, c) = head.char_indices().rev().find(|&(_, c)| !is_space(c))?;
    let end = off + c.len_utf8();
    if c.is_ascii_digit() {
        let len = head
            .get(..end)?
            .bytes()
            .rev()
            .take_while(u8::is_ascii_digit)
            .count();
        return Some(Tok {
            start: end - len,
            end,
            kind: Kind::Num,
        });
    }
    if c.is_alphabetic() {
        let mut start = off;
        let before = head.get(..off)?;
        let mut chars = before.char_indices().rev().peekable();
        while let Some((i, ch)) = chars.next() {
            if ch.is_alphabetic() {
                start = i;
            } else if is_apostrophe(ch) && matches!(chars.peek(), Some((_, p)) if p.is_alphabetic())
            {
                continue;
            } else {
                break;
            }
        }
        return Some(Tok {
            start,
            end,
            kind: Kind::Word,
        });
    }
    Some(Tok {
        start: off,
        end,
        kind: Kind::Punct,
    })
}

/// A cursor over the tokens of `text`.
pub(super) struct Lx<'a> {
    pub(super) text: &'a str,
    pub(super) bytes: &'a [u8],
}

impl<'a> Lx<'a> {
    pub(super) fn s(&self, t: Tok) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }
    pub(super) fn next(&self, pos: usize) -> Option<Tok> {
        next_tok(self.text, pos)
    }
    pub(super) fn prev(&self, pos: usize) -> Option<Tok> {
        prev_tok(self.text, pos)
    }
    pub(super) fn key(&self, t: Tok) -> Option<Key> {
        if t.kind == Kind::Word {
            keyword(self.s(t))
        } else {
            None
        }
    }
    pub(super) fn is_punct(&self, t: Tok, chars: &str) -> bool {
        t.kind == Kind::Punct && chars.contains(self.s(t))
    }
    /// Whether `t` is one of `words` (given in lower case), ignoring case.
    pub(super) fn is_word(&self, t: Tok, words: &[&str]) -> bool {
        t.kind == Kind::Word && {
            let s = self.s(t);
            words
                .iter()
                .any(|w| s.len() == w.len() && s.chars().flat_map(char::to_lowercase).eq(w.chars()))
        }
    }
    /// The byte at `i`, or 0 outside the text.
    pub(super) fn byte(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }
    /// Whether a number token is a whole number, not part of `1,000`,
    /// `4.5`, `4:30`, `80%` or `A320`.
    pub(super) fn standalone_num(&self, t: Tok) -> bool {
        let b = self.byte(t.end);
        let b2 = self.byte(t.end + 1);
        if matches!(b, b'.' | b',' | b':') && b2.is_ascii_digit() {
            return false;
        }
        if b == b'%' || b.is_ascii_alphabetic() && !self.ordinal_suffix_at(t.end) {
            return false;
        }
        if let Some(p) = self.prev(t.start) {
            if p.end == t.start {
                if p.kind == Kind::Word {
                    return false;
                }
                if self.is_punct(p, ".,:")
                    && self
                        .prev(p.start)
                        .is_some_and(|q| q.kind == Kind::Num && q.end == p.start)
                {
                    return false;
                }
            }
        }
        true
    }
    /// Whether an English ordinal suffix ("st", "nd", "rd", "th") starts at `pos`.
    pub(super) fn ordinal_suffix_at(&self, pos: usize) -> bool {
        self.next(pos).is_some_and(|t| {
            t.start == pos
                && t.kind == Kind::Word
                && matches!(
                    self.s(t).to_ascii_lowercase().as_str(),
                    "st" | "nd" | "rd" | "th"
                )
        })
    }
}

pub(super) fn num_value(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 {
        return None;
    }
    s.parse().ok()
}

pub(super) fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}
