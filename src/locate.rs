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
        self.with(Seg::Key(key.to_owned()))
    }

    /// This path extended by an array index.
    pub fn index(&self, index: usize) -> Self {
        self.with(Seg::Index(index))
    }

    /// This path extended by `seg`, in one allocation (a clone and a push
    /// would allocate twice: the rule compiler makes one for every node).
    fn with(&self, seg: Seg) -> Self {
        let mut segs = Vec::with_capacity(self.0.len().saturating_add(1));
        segs.extend_from_slice(&self.0);
        segs.push(seg);
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
/// is where the user has to add it. To locate many paths in one text, make
/// one [`Locator`]: this function scans the text anew on every call.
pub fn locate(text: &str, path: &JsonPath) -> Option<LineCol> {
    Locator::new(text).locate(path)
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

/// Bytes of text between two line-and-column checkpoints: a location is
/// found by scanning at most this many bytes from the nearest one.
const CHECKPOINT_EVERY: usize = 1024;

/// Finds the locations of many paths in one text in linear time overall.
///
/// An error report can hold tens of thousands of locations in one file (an
/// array of invalid profiles, a case file of 20,000 cases); scanning the
/// text from its start for each one made such reports quadratic. A locator
/// indexes each container once, when a path first goes through it, and
/// line starts once per text, so every later look-up costs the depth of its
/// path plus at most [`CHECKPOINT_EVERY`] bytes.
pub struct Locator<'t> {
    text: &'t str,
    /// `(byte offset, line, column)` at least every `CHECKPOINT_EVERY` bytes.
    checkpoints: std::cell::OnceCell<Vec<(usize, LineCol)>>,
    /// The members of each container visited so far, by the offset of its bracket.
    containers: std::cell::RefCell<std::collections::HashMap<usize, std::rc::Rc<Members>>>,
    /// Bytes scanned so far (see [`Locator::work`]).
    work: std::cell::Cell<usize>,
}

/// The members of one container, in document order.
enum Members {
    /// Keys, as written between their quotes, and where each value starts.
    Object(Vec<(Box<str>, usize)>),
    /// Where each element starts.
    Array(Vec<usize>),
}

impl<'t> Locator<'t> {
    /// A locator for `text`; nothing is scanned until the first look-up.
    pub fn new(text: &'t str) -> Self {
        Locator {
            text,
            checkpoints: std::cell::OnceCell::new(),
            containers: std::cell::RefCell::new(std::collections::HashMap::new()),
            work: std::cell::Cell::new(0),
        }
    }

    /// The line and column where the value at `path` starts, as [`locate`] finds it.
    pub fn locate(&self, path: &JsonPath) -> Option<LineCol> {
        let offset = self.offset(path)?;
        Some(self.line_col(offset))
    }

    /// The byte offset where the value at `path` starts (or the enclosing
    /// container, for a member that does not exist).
    pub fn offset(&self, path: &JsonPath) -> Option<usize> {
        let mut scanner = Scanner {
            bytes: self.text.as_bytes(),
            pos: 0,
        };
        scanner.skip_ws();
        let mut pos = scanner.pos;
        for seg in &path.0 {
            let bracket = self.text.as_bytes().get(pos).copied()?;
            let members = match (seg, bracket) {
                (Seg::Key(_), b'{') | (Seg::Index(_), b'[') => self.members(pos)?,
                _ => return Some(pos),
            };
            let found = match (seg, &*members) {
                (Seg::Key(want), Members::Object(m)) => {
                    m.iter().find(|(k, _)| **k == **want).map(|&(_, at)| at)
                }
                (Seg::Index(want), Members::Array(m)) => m.get(*want).copied(),
                _ => None,
            };
            match found {
                Some(at) => pos = at,
                None => return Some(pos),
            }
        }
        Some(pos)
    }

    /// The line and column of a byte offset (clamped to the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let checkpoints = self.checkpoints.get_or_init(|| self.index_lines());
        let offset = offset.min(self.text.len());
        let i = checkpoints.partition_point(|&(at, _)| at <= offset);
        let (mut at, mut lc) = checkpoints
            .get(i.saturating_sub(1))
            .copied()
            .unwrap_or((0, LineCol { line: 1, column: 1 }));
        let bytes = self.text.as_bytes();
        while at < offset {
            match bytes.get(at) {
                Some(b'\n') => {
                    lc.line = lc.line.saturating_add(1);
                    lc.column = 1;
                }
                // A UTF-8 continuation byte is part of the character before it.
                Some(b) if b & 0xC0 == 0x80 => {}
                Some(_) => lc.column = lc.column.saturating_add(1),
                None => break,
            }
            at = at.saturating_add(1);
        }
        self.add_work(offset.saturating_sub(at.min(offset)));
        lc
    }

    /// How many bytes this locator has scanned so far: tests and benchmarks
    /// check that it stays within a small multiple of the text's length
    /// however many locations are asked for.
    pub fn work(&self) -> usize {
        self.work.get()
    }

    fn add_work(&self, n: usize) {
        self.work.set(self.work.get().saturating_add(n));
    }

    fn index_lines(&self) -> Vec<(usize, LineCol)> {
        let bytes = self.text.as_bytes();
        self.add_work(bytes.len());
        let mut out = Vec::with_capacity(bytes.len() / CHECKPOINT_EVERY + 1);
        let mut lc = LineCol { line: 1, column: 1 };
        let mut next = 0usize;
        for (at, &b) in bytes.iter().enumerate() {
            let continuation = b & 0xC0 == 0x80;
            if at >= next && !continuation {
                out.push((at, lc));
                next = at.saturating_add(CHECKPOINT_EVERY);
            }
            if b == b'\n' {
                lc.line = lc.line.saturating_add(1);
                lc.column = 1;
            } else if !continuation {
                lc.column = lc.column.saturating_add(1);
            }
        }
        out
    }

    /// The members of the container whose bracket is at `at`, indexed on
    /// first use.
    fn members(&self, at: usize) -> Option<std::rc::Rc<Members>> {
        if let Some(m) = self.containers.borrow().get(&at) {
            return Some(m.clone());
        }
        let mut scanner = Scanner {
            bytes: self.text.as_bytes(),
            pos: at,
        };
        let members = std::rc::Rc::new(scanner.members()?);
        self.add_work(scanner.pos.saturating_sub(at));
        self.containers.borrow_mut().insert(at, members.clone());
        Some(members)
    }
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

    /// With `pos` at a container's bracket, its members (as many as could
    /// be read, when the text breaks off), leaving `pos` after it.
    fn members(&mut self) -> Option<Members> {
        let open = self.peek()?;
        self.pos = self.pos.saturating_add(1);
        match open {
            b'{' => {
                let mut out = Vec::new();
                loop {
                    self.skip_ws();
                    if self.peek() == Some(b'}') {
                        self.pos = self.pos.saturating_add(1);
                        break;
                    }
                    let Some(key) = self.raw_string() else { break };
                    self.skip_ws();
                    if self.peek() != Some(b':') {
                        break;
                    }
                    self.pos = self.pos.saturating_add(1);
                    self.skip_ws();
                    out.push((key, self.pos));
                    if self.skip_value().is_none() || !self.next_member(b'}') {
                        break;
                    }
                }
                Some(Members::Object(out))
            }
            b'[' => {
                let mut out = Vec::new();
                loop {
                    self.skip_ws();
                    if self.peek() == Some(b']') {
                        self.pos = self.pos.saturating_add(1);
                        break;
                    }
                    out.push(self.pos);
                    if self.skip_value().is_none() || !self.next_member(b']') {
                        break;
                    }
                }
                Some(Members::Array(out))
            }
            _ => None,
        }
    }

    /// After a member: whether another follows (a comma, consumed), or not
    /// (the closing bracket, consumed, or broken text).
    fn next_member(&mut self, close: u8) -> bool {
        self.skip_ws();
        match self.peek() {
            Some(b',') => {
                self.pos = self.pos.saturating_add(1);
                true
            }
            Some(b) if b == close => {
                self.pos = self.pos.saturating_add(1);
                false
            }
            _ => false,
        }
    }

    /// A string token's raw text, without its quotes.
    fn raw_string(&mut self) -> Option<Box<str>> {
        let start = self.pos.saturating_add(1);
        self.string_end()?;
        let raw = self.bytes.get(start..self.pos.saturating_sub(1))?;
        Some(String::from_utf8_lossy(raw).into())
    }

    /// Skips a string token; keys with escapes are compared in their raw
    /// form, since rule and profile keys never need escapes.
    fn string_end(&mut self) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        self.pos = self.pos.saturating_add(1);
        loop {
            match self.peek()? {
                b'\\' => self.pos = self.pos.saturating_add(2),
                b'"' => break,
                _ => self.pos = self.pos.saturating_add(1),
            }
        }
        self.pos = self.pos.saturating_add(1);
        Some(())
    }

    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => {
                self.string_end()?;
            }
            b'{' | b'[' => {
                // Brackets inside strings are skipped with the strings.
                let mut depth = 0usize;
                loop {
                    match self.peek()? {
                        b'"' => {
                            self.string_end()?;
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
