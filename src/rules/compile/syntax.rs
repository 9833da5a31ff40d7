//! Each file of a pack read as strict JSON (duplicate keys are errors,
//! not silently overwritten), then into a module's shape.

use crate::diagnostic::{Diagnostic, Message};
use std::collections::HashSet;

use serde::Deserialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::File;
use crate::json::{describe, parse_strict, path_of, plain_message};
use crate::locate::{locate, JsonPath};
use crate::rules::error::PackError;
use crate::rules::raw::RawModule;

/// Reads one file: strict JSON first (duplicate keys are errors, not
/// silently overwritten), then the module's shape; a file known to hold
/// no duplicate key is read straight into the module.
/// On failure: the error, and the file's JSON when it was valid JSON.
type Unparsed = Box<(PackError, Option<Value>)>;

pub(super) fn parse_module(file: &File) -> Result<RawModule, Unparsed> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(file.text);
    let fail = |path: JsonPath, location, message: Message, value: Option<Value>| -> Unparsed {
        Box::new((
            Diagnostic::text(file.path.to_owned(), location, path, message, None),
            value,
        ))
    };
    if text.trim().is_empty() {
        let message = format!("the file is empty: expected {MODULE}");
        return Err(fail(JsonPath::root(), None, message.into(), None));
    }
    // A file known to hold no key twice (the embedded pack's) is read
    // straight into the module's shape: the strict reader would refuse
    // nothing in it. One that fails is read again below, so its errors are
    // the strict reader's.
    if file.unique_keys {
        if let Ok(module) = serde_json::from_str::<RawModule>(text) {
            return Ok(module);
        }
    }
    let value = parse_strict(text).map_err(|e| fail(e.path, e.location, e.message, None))?;
    if !value.is_object() {
        let message = format!("expected {MODULE}, found {}", describe(&value));
        let location = locate(text, &JsonPath::root());
        return Err(fail(JsonPath::root(), location, message.into(), None));
    }
    // The common case first: the value moved into the module (its strings
    // not copied) without tracking paths; only a module that fails is read
    // again, from its text, to learn where.
    if let Ok(module) = RawModule::deserialize(value) {
        return Ok(module);
    }
    let value = parse_strict(text).map_err(|e| fail(e.path, e.location, e.message, None))?;
    serde_path_to_error::deserialize::<_, RawModule>(value.clone()).map_err(|e| {
        let path = path_of(e.path());
        let location = locate(text, &path);
        let message = plain_message(&e.into_inner().to_string());
        fail(path, location, message.into(), Some(value))
    })
}

/// What a rule file is, for messages.
const MODULE: &str =
    "a JSON object with `pack`, `sets`, `dated_sets`, `parameters`, `definitions`, `occupations`, `questions` or `rules`";

/// The names a module defines and its rule ids, read from its JSON.
pub(super) fn names_in(module: &Value, out: &mut HashSet<String>) {
    for section in ["sets", "dated_sets", "parameters", "definitions"] {
        if let Some(Value::Object(m)) = module.get(section) {
            out.extend(m.keys().cloned());
        }
    }
    if let Some(Value::Array(rules)) = module.get("rules") {
        for r in rules {
            if let Some(Value::String(id)) = r.get("id") {
                out.insert(id.clone());
            }
        }
    }
}

/// `sha256:` and 16 hex digits over every file's path and text, in path order.
pub(super) fn content_hash(files: &[File]) -> String {
    let mut sorted: Vec<&File> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(b.path));
    let mut h = Sha256::new();
    for f in sorted {
        h.update(f.path.as_bytes());
        h.update([0]);
        h.update(f.text.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}
