//! The compact batch line: `{"id","status","applies","dates"}` from the fast
//! path ([`Decision`]), written straight into a reused byte buffer.
//!
//! Written by hand rather than through serde: this is the innermost loop of
//! `batch --format compact`, and building a serialisable value per profile
//! would cost an allocation per field.

use chrono::{Datelike, NaiveDate};

use super::Status;
use crate::engine::{Decision, Outcome, RulePack};

/// Appends `text` as a JSON string (quotes and escapes included).
pub fn write_json_str(out: &mut Vec<u8>, text: &str) {
    out.push(b'"');
    write_json_str_body(out, text);
    out.push(b'"');
}

/// Appends the source of an NDJSON line, `"file:line"`, as a JSON string
/// (without building the text first: it is on every compact line).
pub fn write_json_source(out: &mut Vec<u8>, file: &str, line: u64) {
    out.push(b'"');
    write_json_str_body(out, file);
    out.push(b':');
    out.extend_from_slice(line.to_string().as_bytes());
    out.push(b'"');
}

/// `text` escaped for the inside of a JSON string.
fn write_json_str_body(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut plain_from = 0;
    while let Some(i) = next_special(bytes, plain_from) {
        let Some(&b) = bytes.get(i) else { break };
        out.extend_from_slice(bytes.get(plain_from..i).unwrap_or_default());
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX.get(usize::from(b >> 4)).copied().unwrap_or(b'0'));
                out.push(HEX.get(usize::from(b & 0xf)).copied().unwrap_or(b'0'));
            }
        }
        plain_from = i.saturating_add(1);
    }
    out.extend_from_slice(bytes.get(plain_from..).unwrap_or_default());
}

/// The position of the first byte from `from` on that JSON must escape (a
/// quote, a backslash or a control character). Eight bytes are tested at
/// once: report texts are long and almost never need an escape.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // Whether any byte of `word` is zero (exact for "any", the classic test).
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS != 0;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i.saturating_add(8)) {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        // A byte below 0x20 (bytes of 0x80 and above never match), a quote
        // or a backslash.
        let control = word.wrapping_sub(ONES * 0x20) & !word & HIGHS != 0;
        if control || has_zero(word ^ (ONES * 0x22)) || has_zero(word ^ (ONES * 0x5c)) {
            break;
        }
        i = i.saturating_add(8);
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .map(|p| p.saturating_add(i))
}

/// Appends a date as `"YYYY-MM-DD"` (quoted); years 0 to 9999 as four digits.
pub fn write_json_date(out: &mut Vec<u8>, date: NaiveDate) {
    let year = date.year();
    if !(0..=9999).contains(&year) {
        // Outside the accepted years a profile never gets here; stay correct anyway.
        write_json_str(out, &date.to_string());
        return;
    }
    let digit = |n: u32| b'0'.saturating_add(u8::try_from(n % 10).unwrap_or(0));
    let y = year.unsigned_abs();
    let (m, d) = (date.month(), date.day());
    out.extend_from_slice(&[
        b'"',
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(d / 10),
        digit(d),
        b'"',
    ]);
}

/// Writes compact lines for one pack; rule ids and date names are quoted and
/// escaped once, up front, and copied into each line.
#[derive(Debug, Clone)]
pub struct Compact {
    /// Each rule's id as a JSON string.
    ids: Vec<Vec<u8>>,
    /// Each rule's date names as JSON strings.
    date_names: Vec<Vec<Vec<u8>>>,
}

fn json_str(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len().saturating_add(2));
    write_json_str(&mut out, text);
    out
}

impl Compact {
    /// The writer for this pack.
    pub fn new(pack: &RulePack) -> Self {
        Compact {
            ids: pack.rules.iter().map(|r| json_str(&r.id)).collect(),
            date_names: pack
                .rules
                .iter()
                .map(|r| r.dates.iter().map(|(name, _)| json_str(name)).collect())
                .collect(),
        }
    }

    /// Appends one compact line (without the newline) for an evaluated
    /// profile: `{"id":..,"source":..,"status":..,"applies":[ids],"dates":
    /// {id:{name:date}}}`, and `"undetermined":[ids]` when some rule is
    /// undetermined.
    /// `decision` must come from the pack this writer was made for.
    pub fn write_line(
        &self,
        out: &mut Vec<u8>,
        id: Option<&str>,
        source: impl FnOnce(&mut Vec<u8>),
        decision: &Decision<'_>,
    ) {
        out.extend_from_slice(b"{\"id\":");
        match id {
            Some(id) => write_json_str(out, id),
            None => out.extend_from_slice(b"null"),
        }
        // Two records with the same id are told apart by where they came from.
        out.extend_from_slice(b",\"source\":");
        source(out);
        out.extend_from_slice(b",\"status\":\"");
        out.extend_from_slice(Status::of(decision.status).as_str().as_bytes());
        out.extend_from_slice(b"\",\"applies\":[");
        let outcomes = decision.outcomes();
        self.ids_where(out, outcomes, Outcome::Applies);
        out.extend_from_slice(b"],\"dates\":{");
        let mut first_rule = true;
        for (i, ((rule_id, names), outcome)) in self
            .ids
            .iter()
            .zip(&self.date_names)
            .zip(outcomes)
            .enumerate()
        {
            if *outcome != Outcome::Applies || names.is_empty() {
                continue;
            }
            let dates = decision.dates(i);
            if dates.iter().all(Option::is_none) {
                continue;
            }
            if !first_rule {
                out.push(b',');
            }
            first_rule = false;
            out.extend_from_slice(rule_id);
            out.extend_from_slice(b":{");
            let mut first_date = true;
            for (name, date) in names.iter().zip(dates) {
                if let Some(date) = date {
                    if !first_date {
                        out.push(b',');
                    }
                    first_date = false;
                    out.extend_from_slice(name);
                    out.push(b':');
                    write_json_date(out, *date);
                }
            }
            out.push(b'}');
        }
        out.push(b'}');
        if outcomes.contains(&Outcome::Undetermined) {
            out.extend_from_slice(b",\"undetermined\":[");
            self.ids_where(out, outcomes, Outcome::Undetermined);
            out.push(b']');
        }
        out.push(b'}');
    }

    /// The ids of the rules with this outcome, comma-separated.
    fn ids_where(&self, out: &mut Vec<u8>, outcomes: &[Outcome], which: Outcome) {
        let mut first = true;
        for (id, outcome) in self.ids.iter().zip(outcomes) {
            if *outcome == which {
                if !first {
                    out.push(b',');
                }
                first = false;
                out.extend_from_slice(id);
            }
        }
    }
}

/// Appends the compact line of an invalid record (without the newline):
/// `{"id":..,"source":..,"error":message}`.
pub fn write_error_line(out: &mut Vec<u8>, id: Option<&str>, source: &str, message: &str) {
    out.extend_from_slice(b"{\"id\":");
    match id {
        Some(id) => write_json_str(out, id),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"source\":");
    write_json_str(out, source);
    out.extend_from_slice(b",\"error\":");
    write_json_str(out, message);
    out.push(b'}');
}

/// One line of `batch --format compact`. The lines are written by hand
/// ([`Compact::write_line`], [`write_error_line`]); this mirrors them for
/// the schema, and `tests/it/schema.rs` validates real lines against it.
#[derive(schemars::JsonSchema)]
#[serde(untagged)]
#[schemars(
    title = "eaeu-rights compact line",
    description = "One line of `batch --format compact`: a profile's status, the rules that apply and their dates, or why the record could not be read."
)]
#[allow(dead_code)] // read by the derive only
enum CompactLineShape {
    /// An evaluated profile.
    Evaluated(EvaluatedLine),
    /// A record that could not be read.
    Refused(RefusedLine),
}

/// An evaluated profile's compact line.
#[derive(schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)] // read by the derive only
struct EvaluatedLine {
    /// The profile's `id`, or `null`.
    id: Option<String>,
    /// Where the profile came from (`file.ndjson:12`).
    source: String,
    /// covered, not_covered or undetermined.
    status: Status,
    /// The ids of the rules that apply.
    applies: Vec<String>,
    /// The dates of the rules that apply, by rule id, then by date name.
    dates: std::collections::BTreeMap<String, std::collections::BTreeMap<String, NaiveDate>>,
    /// The ids of the undetermined rules, when any.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    undetermined: Vec<String>,
}

/// A refused record's compact line.
#[derive(schemars::JsonSchema)]
#[schemars(deny_unknown_fields)]
#[allow(dead_code)] // read by the derive only
struct RefusedLine {
    /// The record's `id` if it could be read, or `null`.
    id: Option<String>,
    /// Where the record came from.
    source: String,
    /// What was wrong.
    error: String,
}

/// The JSON Schema (draft 2020-12) of one line of `batch --format
/// compact`, as `schema compact` prints it.
pub fn json_schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<CompactLineShape>()
        .to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_as_serde_json_does() {
        for s in [
            "plain",
            "q\"uote",
            "back\\slash",
            "new\nline",
            "\u{1}\u{1f}\t\r\u{8}\u{c}",
            "кириллица",
            "",
            "a long sentence of more than eight bytes, with \"quotes\" late\n",
            "\u{1f}2345678\\abcdefgh\"",
            "01234567",
            "0123456\"",
        ] {
            let mut out = Vec::new();
            write_json_str(&mut out, s);
            assert_eq!(
                String::from_utf8(out).unwrap(),
                serde_json::to_string(s).unwrap()
            );
        }
    }

    #[test]
    fn dates_are_iso() {
        for s in ["2026-03-01", "1900-01-01", "2199-12-31", "0999-10-09"] {
            let d: NaiveDate = s.parse().unwrap();
            let mut out = Vec::new();
            write_json_date(&mut out, d);
            assert_eq!(String::from_utf8(out).unwrap(), format!("\"{s}\""));
        }
    }
}
