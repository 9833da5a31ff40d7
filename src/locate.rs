//! Finds where a JSON path points in a document's text.
//!
//! serde_json reports line and column only for syntax and type errors. The
//! checks that run after parsing (an undefined name, a contract that ends
//! before it starts) know the JSON path of the offending value; this module
//! maps that path back to a line and column so every error can point at the
//! text the user wrote. It scans the text once, without building a tree.

use std::fmt;

/// One step of a JSON path: an object key or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    /// An object member.
    Key(String),
    /// An array element.
    Index(usize),
}

/// A JSON path such as `rules[3].when.all[0]`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JsonPath(pub Vec<Seg>);

impl JsonPath {
    /// The empty path (the document itself).
    pub fn root() -> Self {
        JsonPath(Vec::new())
    }

    /// This path extended by an object key.
    pub fn key(&self, key: &str) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Key(key.to_owned()));
        JsonPath(segs)
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        let mut segs = self.0.clone();
        segs.push(Seg::Index(index));
        JsonPath(segs)
    }

    /// Whether this is the document itself.
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for JsonPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(document)");
        }
        // A hostile document can nest 128 levels: keep the ends, elide the middle.
        const HEAD: usize = 8;
        const TAIL: usize = 4;
        let len = self.0.len();
        for (i, seg) in self.0.iter().enumerate() {
            if len > HEAD + TAIL + 1 && (HEAD..len.saturating_sub(TAIL)).contains(&i) {
                if i == HEAD {
                    f.write_str("…")?;
                }
                continue;
            }
            match seg {
                Seg::Key(k) if !plain_key(k) => write!(f, "[\"{}\"]", crate::json::quote(k))?,
                Seg::Key(k) if i == 0 => write!(f, "{k}")?,
                Seg::Key(k) => write!(f, ".{k}")?,
                Seg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

/// Whether a key can be shown bare in a path (`a.b`) rather than as `["a b"]`.
fn plain_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
}

/// A 1-based line and column (columns count characters, not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct LineCol {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
}

impl LineCol {
    /// This location, found in a piece of text, as a location in the
    /// enclosing text where that piece starts at `start`.
    pub fn within(self, start: LineCol) -> LineCol {
        if self.line <= 1 {
            LineCol {
                line: start.line,
                column: start.column.saturating_add(self.column.saturating_sub(1)),
            }
        } else {
            LineCol {
                line: start.line.saturating_add(self.line.saturating_sub(1)),
                column: self.column,
            }
        }
    }
}

impl fmt::Display for LineCol {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// The line and column where the value at `path` starts, if the path exists.
///
/// For a missing key the position of the enclosing object is returned, which
/// is where the user has to add it.
pub fn locate(text: &str, path: &JsonPath) -> Option<LineCol> {
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
    };
    scanner.skip_ws();
    let offset = scanner.find(&path.0)?;
    Some(line_col(text, offset))
}

/// The line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> LineCol {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count().saturating_add(1);
    let line_start = before.rfind('\n').map_or(0, |i| i.saturating_add(1));
    let column = before
        .get(line_start..)
        .map_or(0, |s| s.chars().count())
        .saturating_add(1);
    LineCol { line, column }
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos = self.pos.saturating_add(1);
        }
        // A byte-order mark at the very start is whitespace to a reader.
        if self.bytes.get(self.pos..self.pos.saturating_add(3)) == Some(&[0xEF, 0xBB, 0xBF]) {
            self.pos = self.pos.saturating_add(3);
            self.skip_ws();
        }
    }

    /// With `pos` at the start of a value, the offset of the value at `path`.
    fn find(&mut self, path: &[Seg]) -> Option<usize> {
        let Some((first, rest)) = path.split_first() else {
            return Some(self.pos);
        };
        let container = self.pos;
        match (first, self.peek()?) {
            (Seg::Key(want), b'{') => {
                self.pos = self.pos.saturating_add(1);
                loop {
                    self.skip_ws();
                    if self.peek()? == b'}' {
                        return Some(container);
                    }
                    let key = self.string()?;
                    self.skip_ws();
                    if self.peek()? != b':' {
                        return None;
                    }
                    self.pos = self.pos.saturating_add(1);
                    self.skip_ws();
                    if key == *want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    self.skip_ws();
                    match self.peek()? {
                        b',' => self.pos = self.pos.saturating_add(1),
                        b'}' => return Some(container),
                        _ => return None,
                    }
                }
            }
            (Seg::Index(want), b'[') => {
                self.pos = self.pos.saturating_add(1);
                let mut index = 0;
                loop {
                    self.skip_ws();
                    if self.peek()? == b']' {
                        return Some(container);
                    }
                    if index == *want {
                        return self.find(rest);
                    }
                    self.skip_value()?;
                    index = index.saturating_add(1);
                    self.skip_ws();
                    match self.peek()? {
                        b',' => self.pos = self.pos.saturating_add(1),
                        b']' => return Some(container),
                        _ => return None,
                    }
                }
            }
            _ => Some(container),
        }
    }

    /// Reads a string token and returns its unescaped-enough text.
    ///
    /// Keys with escapes are compared in their raw form; rule and profile
    /// keys never need escapes.
    fn string(&mut self) -> Option<String> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos = self.pos.saturating_add(1);
        let start = self.pos;
        loop {
            match self.peek()? {
                b'\\' => self.pos = self.pos.saturating_add(2),
                b'"' => break,
                _ => self.pos = self.pos.saturating_add(1),
            }
        }
        let raw = self.bytes.get(start..self.pos)?;
        self.pos = self.pos.saturating_add(1);
        Some(String::from_utf8_lossy(raw).into_owned())
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.string()?;
            }
            b'{' | b'[' => {
                // Brackets inside strings are skipped with the strings.
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string()?;
                            continue;
                        }
                        b'{' | b'[' => depth = depth.saturating_add(1),
                        b'}' | b']' => {
                            // The value starts with a bracket, so depth is at least 1 here.
                            depth = depth.saturating_sub(1);
                            if depth == 0 {
                                self.pos = self.pos.saturating_add(1);
                                return Some(());
                            }
                        }
                        _ => {}
                    }
                    self.pos = self.pos.saturating_add(1);
                }
            }
            _ => {
                while !matches!(
                    self.peek(),
                    None | Some(b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r')
                ) {
                    self.pos = self.pos.saturating_add(1);
                }
            }
        }
        Some(())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a\": 1,\n  \"rules\": [\n    {\"id\": \"x\", \"s\": \"}]\"},\n    {\"id\": \"y\",\n     \"when\": {\"all\": [true, {\"def\": \"nope\"}]}}\n  ]\n}\n";

    #[test]
    fn finds_nested_values() {
        let p = JsonPath::root()
            .key("rules")
            .index(1)
            .key("when")
            .key("all")
            .index(1);
        assert_eq!(
            locate(DOC, &p),
            Some(LineCol {
                line: 6,
                column: 29
            })
        );
        assert_eq!(p.to_string(), "rules[1].when.all[1]");
        assert_eq!(
            JsonPath::root().key("a b").key("c").to_string(),
            "[\"a b\"].c"
        );
        let deep = JsonPath((0..100).map(Seg::Index).collect());
        assert_eq!(
            deep.to_string(),
            "[0][1][2][3][4][5][6][7]…[96][97][98][99]"
        );
    }

    #[test]
    fn skips_brackets_inside_strings() {
        let p = JsonPath::root().key("rules").index(1).key("id");
        assert_eq!(
            locate(DOC, &p),
            Some(LineCol {
                line: 5,
                column: 12
            })
        );
    }

    #[test]
    fn missing_key_points_at_enclosing_object() {
        let p = JsonPath::root().key("rules").index(0).key("source");
        assert_eq!(locate(DOC, &p), Some(LineCol { line: 4, column: 5 }));
    }

    #[test]
    fn never_panics_on_broken_text() {
        let p = JsonPath::root().key("a").index(3);
        for text in ["", "{", "{\"a\"", "{\"a\": [", "[[[", "\"", "{\"a\": \"\\"] {
            let _ = locate(text, &p);
        }
    }
}
