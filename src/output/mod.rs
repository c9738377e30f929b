//! Rendering results: a readable table for people ([`table`]) and one JSON
//! object per line for programs ([`json`]). Never touches tantivy.

pub mod json;
pub mod table;

use std::ops::Range;

/// How text is styled on stdout, decided once from `--color`, `NO_COLOR`
/// and whether stdout is a terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// ANSI colours and bold.
    pub color: bool,
    /// Terminal width to fit lines into, when stdout is a terminal.
    pub width: Option<usize>,
}

impl Style {
    /// Decide the style. `Some(true)` (`--color always`) and `Some(false)`
    /// (`--color never`) are what the user asked for and win, as in ripgrep
    /// and bat; `None` (auto) colours only on a terminal and when `NO_COLOR`
    /// is unset or empty.
    pub fn detect(forced: Option<bool>) -> Style {
        use std::io::IsTerminal;
        let tty = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = forced.unwrap_or(tty && !no_color);
        let width = if tty {
            terminal_size::terminal_size().map(|(w, _)| w.0 as usize)
        } else {
            None
        };
        Style { color, width }
    }

    /// Plain style, for tests.
    pub fn plain() -> Style {
        Style {
            color: false,
            width: None,
        }
    }

    /// Mark the ranges of `text`: bold red with colour, `[`…`]` without.
    pub fn highlight(&self, text: &str, ranges: &[Range<usize>]) -> String {
        let (open, close) = if self.color {
            ("\x1b[1;31m", "\x1b[0m")
        } else {
            ("[", "]")
        };
        let mut out = String::with_capacity(text.len() + ranges.len() * 8);
        let mut at = 0;
        for r in ranges {
            if r.start < at || r.end > text.len() || r.start >= r.end {
                continue;
            }
            let (Some(before), Some(word)) = (text.get(at..r.start), text.get(r.clone())) else {
                continue;
            };
            out.push_str(before);
            out.push_str(open);
            out.push_str(word);
            out.push_str(close);
            at = r.end;
        }
        out.push_str(text.get(at..).unwrap_or(""));
        out
    }

    /// Dim secondary text (paths, counts) when colouring.
    pub fn dim(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[2m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Bold headings when colouring.
    pub fn bold(&self, text: &str) -> String {
        if self.color {
            format!("\x1b[1m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
}

/// Collapse white space (newlines in snippets) into single spaces, keeping
/// highlight ranges valid.
pub fn one_line(text: &str, ranges: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len() + 1);
    let mut last_space = false;
    for (i, c) in text.char_indices() {
        let start = out.len();
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
        for _ in 0..c.len_utf8() {
            map.push(start);
        }
        let _ = i;
    }
    map.push(out.len());
    let ranges = ranges
        .iter()
        .filter_map(|r| Some(*map.get(r.start)?..*map.get(r.end)?))
        .collect();
    (out, ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_marks_ranges() {
        let s = Style::plain();
        assert_eq!(
            s.highlight("in Pokrovsk now", std::slice::from_ref(&(3..11))),
            "in [Pokrovsk] now"
        );
        let c = Style {
            color: true,
            width: None,
        };
        assert_eq!(
            c.highlight("ab", std::slice::from_ref(&(0..1))),
            "\x1b[1;31ma\x1b[0mb"
        );
        // Bad ranges are ignored, not a panic.
        assert_eq!(s.highlight("Київ", &[1..2, 0..99]), "Київ");
    }

    #[test]
    fn one_line_keeps_ranges() {
        let (text, ranges) = one_line("a\n\n  Bakhmut  b", std::slice::from_ref(&(5..12)));
        assert_eq!(text, "a Bakhmut b");
        assert_eq!(&text[ranges[0].clone()], "Bakhmut");
    }
}
