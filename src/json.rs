//! Strict JSON reading shared by profiles and rule files.
//!
//! serde_json's own `Value` keeps the last of two equal keys, so
//! `{"when": a, "when": b}` or two definitions with one name would be
//! silently overwritten. Everything users and pack authors write is read
//! through [`parse_strict`] instead, which refuses duplicate keys and turns
//! serde's messages into plain words with a location. Nesting is bounded by
//! serde_json's recursion limit ([`MAX_DEPTH`] levels): a deeper document is an error, never a stack overflow.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::diagnostic::{Message, Syntax};
use crate::locate::{JsonPath, LineCol, Seg};

/// How deep arrays and objects may nest (serde_json's recursion limit).
pub const MAX_DEPTH: usize = 127;

/// The longest piece of user text echoed back in an error message, in characters.
const MAX_ECHO: usize = 60;

/// Why a JSON text could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// JSON path of the value being read when the error occurred.
    pub path: JsonPath,
    /// Line and column in the text.
    pub location: Option<LineCol>,
    /// What was wrong and what was expected.
    pub message: Message,
}

impl JsonError {
    /// The error of element `index` of an array, read on its own from a
    /// text that starts at `start` in the file: placed in the file.
    pub fn in_element(mut self, index: usize, start: LineCol) -> Self {
        self.location = self.location.map(|l| l.within(start));
        let mut path = JsonPath::root().index(index);
        path.0.extend(self.path.0);
        self.path = path;
        self
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = self.location {
            write!(f, "line {}, column {}: ", loc.line, loc.column)?;
        }
        write!(f, "{}", self.message)
    }
}

/// Parses JSON text into a value, refusing duplicate keys and trailing text.
///
/// A leading byte-order mark is skipped (some Windows editors write one).
pub fn parse_strict(text: &str) -> Result<Value, JsonError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The common case first, without tracking paths; only a text that fails
    // is read again to learn where.
    let mut fast = serde_json::Deserializer::from_str(text);
    if let Ok(Strict(v)) = Strict::deserialize(&mut fast) {
        if fast.end().is_ok() {
            return Ok(v);
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize::<_, Strict>(&mut de)
        .map_err(|e| {
            let path = path_of(e.path());
            error_of(path, &e.into_inner())
        })
        .and_then(|v| {
            de.end()
                .map(|()| v.0)
                .map_err(|e| error_of(JsonPath::root(), &e))
        })?;
    Ok(value)
}

fn error_of(path: JsonPath, e: &serde_json::Error) -> JsonError {
    JsonError {
        path,
        location: (e.line() > 0).then(|| LineCol {
            line: e.line(),
            // serde_json's column is the last character it read (0 before the first).
            column: e.column().max(1),
        }),
        message: message_of(&e.to_string()),
    }
}

/// How a duplicate key's message ends (the visitor's own words, read back
/// by [`message_of`]).
const DUPLICATE_TAIL: &str = "`: a key may appear only once in an object";

/// A serde_json message as a diagnostic's message: syntax errors and
/// duplicate keys as data, worded per language; what serde says of a
/// rule file's types in plain English words ([`plain_message`]).
pub fn message_of(serde_message: &str) -> Message {
    let message = match serde_message.rfind(" at line ") {
        Some(i) => serde_message.get(..i).unwrap_or(serde_message),
        None => serde_message,
    };
    if let Some(syntax) = syntax_of(message) {
        return Message::Syntax(syntax);
    }
    if let Some(key) = message
        .strip_prefix("duplicate key `")
        .and_then(|rest| rest.strip_suffix(DUPLICATE_TAIL))
    {
        return Message::DuplicateKey {
            key: key.to_owned(),
        };
    }
    Message::Text(plain_message(message))
}

/// Converts serde_path_to_error's path into ours.
pub(crate) fn path_of(path: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment;
    JsonPath(
        path.iter()
            .filter_map(|s| match s {
                Segment::Seq { index } => Some(Seg::Index(*index)),
                Segment::Map { key } => Some(Seg::Key(key.clone())),
                Segment::Enum { variant } => Some(Seg::Key(variant.clone())),
                Segment::Unknown => None,
            })
            .collect(),
    )
}

/// A JSON value read with duplicate keys refused.
struct Strict(Value);

impl<'de> Deserialize<'de> for Strict {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StrictVisitor).map(Strict)
    }
}

struct StrictVisitor;

impl<'de> Visitor<'de> for StrictVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Number::from_f64(v)
            .map(Value::Number)
            .ok_or_else(|| E::custom("number out of range"))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Strict::deserialize(d).map(|s| s.0)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(Strict(v)) = seq.next_element()? {
            items.push(v);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(de::Error::custom(format!(
                    "duplicate key `{}{DUPLICATE_TAIL}",
                    quote(&key)
                )));
            }
            let Strict(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// User text as it may be echoed in a message: control characters escaped,
/// cut after a few dozen characters so a megabyte of input stays out of the
/// terminal.
pub fn quote(text: &str) -> String {
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i >= MAX_ECHO {
            out.push('…');
            break;
        }
        if c == '`' {
            // A backtick would end the quoting around the echo.
            out.push('\'');
        } else if c.is_control() || c == '\u{feff}' {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

/// A JSON value described for an error message: "the number `5`", "an array".
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "`null`".to_owned(),
        Value::Bool(b) => format!("`{b}`"),
        Value::Number(n) => format!("the number `{}`", quote(&n.to_string())),
        Value::String(s) if s.is_empty() => "an empty string".to_owned(),
        Value::String(s) => format!("the string `{}`", quote(s)),
        Value::Array(a) if a.is_empty() => "an empty array".to_owned(),
        Value::Array(_) => "an array".to_owned(),
        Value::Object(_) => "an object".to_owned(),
    }
}

/// serde and serde_json messages in plain words, without Rust type names
/// and without the " at line L column C" suffix (locations are printed apart).
pub fn plain_message(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message),
        None => message,
    };
    if let Some(syntax) = syntax_of(message) {
        return Message::Syntax(syntax).word(crate::report::Lang::En);
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix) {
            if let Some((found, expected)) = rest.rsplit_once(", expected ") {
                return format!(
                    "expected {}, found {}",
                    plain_expected(expected),
                    plain_unexpected(found)
                );
            }
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        if let Some((n, expected)) = rest.split_once(", expected ") {
            return format!(
                "expected {}, found {n} element(s)",
                plain_expected(expected)
            );
        }
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return match rest.split_once(", expected ") {
            Some((key, expected)) => format!("unknown key {key}: expected {expected}"),
            None => match rest.split_once(", there are no fields") {
                Some((key, _)) => format!("unknown key {key}: this object takes no keys"),
                None => format!("unknown key {rest}"),
            },
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        return match rest.split_once(", expected ") {
            Some((v, expected)) => format!("unknown value {v}: expected {expected}"),
            None => format!("unknown value {rest}"),
        };
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        return format!("missing key {rest}");
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("duplicate key {rest}: a key may appear only once in an object");
    }
    message.to_owned()
}

/// serde_json's syntax errors, as data.
fn syntax_of(message: &str) -> Option<Syntax> {
    Some(match message {
        "EOF while parsing a value" => Syntax::EofValue,
        "EOF while parsing an object" => Syntax::EofObject,
        "EOF while parsing a list" => Syntax::EofList,
        "EOF while parsing a string" => Syntax::EofString,
        "expected value" => Syntax::ExpectedValue,
        "expected `:`" => Syntax::ExpectedColon,
        "expected `,` or `}`" => Syntax::ExpectedCommaOrBrace,
        "expected `,` or `]`" => Syntax::ExpectedCommaOrBracket,
        "expected ident" => Syntax::ExpectedIdent,
        "trailing characters" => Syntax::TrailingCharacters,
        "trailing comma" => Syntax::TrailingComma,
        "key must be a string" => Syntax::KeyNotString,
        "number out of range" => Syntax::NumberTooLarge,
        "invalid number" => Syntax::InvalidNumber,
        "invalid escape" => Syntax::InvalidEscape,
        "invalid unicode code point" => Syntax::InvalidUnicode,
        "lone leading surrogate in hex escape" => Syntax::LoneSurrogate,
        "unexpected end of hex escape" => Syntax::IncompleteEscape,
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            Syntax::ControlCharacter
        }
        "recursion limit exceeded" => Syntax::TooDeep,
        _ => return None,
    })
}

/// serde's description of what it found, in plain words.
fn plain_unexpected(found: &str) -> String {
    if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return format!("the number {n}");
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return b.to_owned();
    }
    if let Some(s) = found.strip_prefix("string ") {
        let inner = s
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(s);
        return if inner.is_empty() {
            "an empty string".to_owned()
        } else {
            format!("the string `{}`", quote(inner))
        };
    }
    match found {
        "null" | "unit value" => "`null`".to_owned(),
        "sequence" => "an array".to_owned(),
        "map" => "an object".to_owned(),
        other => other.to_owned(),
    }
}

/// serde's description of what it expected, in plain words.
fn plain_expected(expected: &str) -> String {
    if expected.starts_with("struct ") || expected.starts_with("a map") {
        return "an object".to_owned();
    }
    match expected {
        "a sequence" => "an array".to_owned(),
        // serde's words for a unit-only enum read from a JSON value.
        "a string" | "a borrowed string" | "string or map" => "a string".to_owned(),
        "a boolean" => "`true` or `false`".to_owned(),
        "i8" | "i16" | "i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "isize" => {
            "a whole number".to_owned()
        }
        "f32" | "f64" => "a number".to_owned(),
        other => other.to_owned(),
    }
}

/// An I/O error in plain words, without the OS error number.
pub fn io_words(e: &std::io::Error) -> String {
    crate::diagnostic::Unreadable::of(e).to_string()
}

/// The candidate closest to a misspelt word, if it is close enough to suggest.
pub(crate) fn closest<'c>(
    wrong: &str,
    candidates: impl Iterator<Item = &'c str>,
) -> Option<&'c str> {
    // On a tie, a candidate with the same first letter reads as the likelier typo.
    candidates
        .map(|c| {
            let other_start = wrong.chars().next() != c.chars().next();
            (edit_distance(wrong, c), other_start, c)
        })
        .filter(|(d, _, c)| *d <= 2.max(c.len() / 4))
        .min()
        .map(|(_, _, c)| c)
}

/// Levenshtein distance, for "did you mean" hints.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    // Quadratic: hostile megabyte-long names get no hint rather than a stall.
    if a.len() > 100 || b.len() > 100 {
        return usize::MAX;
    }
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev.get(j).copied().unwrap_or(0) + usize::from(ca != *cb);
            let del = prev.get(j + 1).copied().unwrap_or(0) + 1;
            let ins = cur.get(j).copied().unwrap_or(0) + 1;
            cur.push(sub.min(del).min(ins));
        }
        prev = cur;
    }
    prev.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn duplicate_keys_are_refused_with_their_position() {
        let e = parse_strict("{\n  \"a\": 1,\n  \"b\": {\"c\": 1, \"c\": 2}\n}").unwrap_err();
        assert!(
            e.message.to_string().starts_with("duplicate key `c`"),
            "{e}"
        );
        assert_eq!(e.path.to_string(), "b");
        assert_eq!(e.location.map(|l| l.line), Some(3));
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        let e = parse_strict(&deep).unwrap_err();
        assert!(e.message.to_string().contains("nested too deeply"), "{e}");
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse_strict(&ok).is_ok());
    }

    #[test]
    fn messages_are_plain() {
        assert_eq!(
            plain_message("invalid type: integer `5`, expected struct RawRule at line 1 column 2"),
            "expected an object, found the number `5`"
        );
        assert_eq!(
            plain_message("invalid type: sequence, expected a string"),
            "expected a string, found an array"
        );
        assert_eq!(
            plain_message("unknown field `knd`, expected one of `kind`, `start`"),
            "unknown key `knd`: expected one of `kind`, `start`"
        );
        assert_eq!(
            parse_strict("").unwrap_err().message.to_string(),
            "the text ends where a value was expected"
        );
        assert!(parse_strict("{} x").is_err());
        assert!(parse_strict("\u{feff}{}").is_ok());
    }

    #[test]
    fn quote_escapes_and_cuts() {
        assert_eq!(quote("a\u{1b}[31m"), "a\\u{1b}[31m");
        assert_eq!(quote(&"x".repeat(100)).chars().count(), MAX_ECHO + 1);
        assert_eq!(quote("a`b"), "a'b");
    }
}
