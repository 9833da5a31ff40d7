//! The records of the `ndjson` and `json` formats: the pack's header
//! record, a report, or why a profile was refused; and their JSON Schema.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::profile::{InvalidProfile, MAX_TEXT};
use crate::report::batch::{BatchReport, PackHeader};
use crate::report::compact;

/// One output record of the `ndjson` and `json` formats.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "eaeu-rights batch record",
    description = "One record of `batch --format ndjson` (one per line) or `--format json` (an array of them): first the pack's texts that every report shares, then for each profile its report, or why it could not be read.",
    deny_unknown_fields,
    extend("oneOf" = [
        {"required": ["pack"], "not": {"anyOf": [{"required": ["source"]}, {"required": ["report"]}, {"required": ["error"]}]}},
        {"required": ["source", "report"], "not": {"required": ["error"]}},
        {"required": ["source", "error"], "not": {"required": ["report"]}}
    ])
)]
pub(super) struct OutRecord<'a> {
    /// The texts every report of the run shares: only in the first record, which has no `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) pack: Option<&'a PackHeader>,
    /// Where the profile came from: `file`, `file[3]` (an array element) or `file.ndjson:12` (a line).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) source: Option<&'a str>,
    /// The report, for a valid profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) report: Option<&'a BatchReport<'a>>,
    /// Why the profile was refused, for an invalid one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) error: Option<ErrorRecord>,
}

/// Why a record was refused.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(super) struct ErrorRecord {
    /// Every problem, in one text.
    message: String,
    /// Each problem on its own.
    problems: Vec<ProblemRecord>,
}

/// One problem of a refused record.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub(super) struct ProblemRecord {
    /// The JSON path of the offending value in the profile; empty for the whole record.
    path: String,
    /// The line in the input, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// The column in the input, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    /// What was wrong and what was expected.
    message: String,
}

/// The JSON Schema (draft 2020-12) of one record of `batch --format ndjson`
/// (and of each element of `--format json`), as `schema batch` prints it.
pub fn record_schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<OutRecord<'static>>()
        .to_value()
}

impl ErrorRecord {
    /// The record of a refused profile, its problems worded in `lang`.
    pub(super) fn of(e: &InvalidProfile, lang: crate::report::Lang) -> Self {
        ErrorRecord {
            message: e.one_line(lang),
            problems: e
                .problems
                .iter()
                .map(|p| ProblemRecord {
                    path: if p.path.is_root() {
                        String::new()
                    } else {
                        p.path.to_string()
                    },
                    line: p.location.map(|l| l.line),
                    column: p.location.map(|l| l.column),
                    message: p.message_and_help(lang),
                })
                .collect(),
        }
    }
}

/// The `id` of a refused record, when its text reads as an object with a
/// string `id` of acceptable length.
pub(super) fn id_of(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<IdOnly>(text).ok()?.id? {
        serde_json::Value::String(s) if s.len() <= MAX_TEXT => Some(s),
        _ => None,
    }
}

/// The record `{"pack": ...}` that opens `ndjson` and `json` output (and
/// the server's batch answer), without a newline.
pub fn header_record(pack: &PackHeader) -> Vec<u8> {
    let rec = OutRecord {
        pack: Some(pack),
        source: None,
        report: None,
        error: None,
    };
    // Serialising our own types cannot fail; an empty record would say so.
    serde_json::to_vec(&rec).unwrap_or_default()
}

/// A record's source, formatted only when printed.
pub(super) enum Lazy<'s> {
    Line(&'s str, u64),
    Element(&'s str, usize),
    Given(&'s str),
}

impl Lazy<'_> {
    /// The source as a JSON string, written in place.
    pub(super) fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Lazy::Line(name, line) => compact::write_json_source(out, name, *line),
            Lazy::Element(..) => compact::write_json_str(out, &self.text()),
            Lazy::Given(s) => compact::write_json_str(out, s),
        }
    }

    pub(super) fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Lazy::Line(name, line) => format!("{name}:{line}").into(),
            Lazy::Element(name, index) => format!("{name}[{index}]").into(),
            Lazy::Given(s) => (*s).into(),
        }
    }
}
