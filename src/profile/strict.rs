//! The strict reader's second pass: a profile's JSON value into a
//! [`RawProfile`], collecting every problem of shape (unknown keys, wrong
//! types, `null` where a value belongs) with its JSON path.

use serde_json::{Map, Value};

use super::{Problem, RawContract, RawFamilyMember, RawProfile, MAX_CITIZENSHIPS, MAX_FAMILY};
use crate::json::{closest, describe, quote};
use crate::locate::JsonPath;

pub(super) const PROFILE_KEYS: &[&str] = &[
    "id",
    "citizenship",
    "host",
    "entry_date",
    "as_of",
    "contract",
    "occupation",
    "registered",
    "permanent_resident",
    "family",
];
pub(super) const CONTRACT_KEYS: &[&str] = &["kind", "start", "end", "terminated_on"];
pub(super) const MEMBER_KEYS: &[&str] = &["relation", "birth_date", "citizenship"];
const DATE: &str = "a date string \"YYYY-MM-DD\" or \"DD.MM.YYYY\"";

/// The advice for a `null` where the fact `{prefix}{key}` belongs; built
/// only for a `null`, since most values are not.
fn leave_out(prefix: &str, key: &str, v: &Value) -> String {
    if v.is_null() {
        format!("leave `{prefix}{key}` out when it is not known")
    } else {
        String::new()
    }
}

/// Reads the JSON shape of a profile, collecting every problem.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Problem>,
}

impl Reader {
    fn problem(&mut self, path: JsonPath, message: String) {
        self.problems.push(Problem {
            path,
            location: None,
            message,
        });
    }

    /// An object whose keys are all in `keys`; unknown keys are reported.
    fn object(
        &mut self,
        path: &JsonPath,
        v: Value,
        what: &str,
        keys: &[&str],
    ) -> Option<Map<String, Value>> {
        let map = match v {
            Value::Object(map) => map,
            other => {
                self.problem(
                    path.clone(),
                    format!("expected {what}, found {}", describe(&other)),
                );
                return None;
            }
        };
        for k in map.keys() {
            if !keys.contains(&k.as_str()) {
                let known = keys
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let hint = closest(k, keys.iter().copied())
                    .map_or_else(String::new, |c| format!(" (did you mean `{c}`?)"));
                self.problem(
                    path.key(k),
                    format!("unknown key `{}`: expected one of {known}{hint}", quote(k)),
                );
            }
        }
        Some(map)
    }

    /// A value `take` accepts; `null` is refused with `if_null` as the
    /// advice, anything else as not being `what`.
    fn scalar<T>(
        &mut self,
        path: impl Fn() -> JsonPath,
        v: Value,
        what: &str,
        if_null: &str,
        take: impl FnOnce(Value) -> Result<T, Value>,
    ) -> Option<T> {
        match take(v) {
            Ok(t) => Some(t),
            Err(Value::Null) => {
                self.problem(path(), format!("must not be null: {if_null}"));
                None
            }
            Err(other) => {
                self.problem(
                    path(),
                    format!("expected {what}, found {}", describe(&other)),
                );
                None
            }
        }
    }

    /// A string; `null` is refused with `if_null` as the advice.
    fn string(
        &mut self,
        path: impl Fn() -> JsonPath,
        v: Value,
        what: &str,
        if_null: &str,
    ) -> Option<String> {
        self.scalar(path, v, what, if_null, |v| match v {
            Value::String(s) => Ok(s),
            other => Err(other),
        })
    }

    /// A string or `null` (`Some(None)`); `None` after a problem.
    fn nullable_string(
        &mut self,
        path: impl Fn() -> JsonPath,
        v: Value,
        what: &str,
    ) -> Option<Option<String>> {
        match v {
            Value::String(s) => Some(Some(s)),
            Value::Null => Some(None),
            other => {
                self.problem(
                    path(),
                    format!("expected {what} or null, found {}", describe(&other)),
                );
                None
            }
        }
    }

    fn bool(&mut self, path: impl Fn() -> JsonPath, v: Value, if_null: &str) -> Option<bool> {
        self.scalar(path, v, "`true` or `false`", if_null, |v| match v {
            Value::Bool(b) => Ok(b),
            other => Err(other),
        })
    }

    /// A country code or an array of them.
    fn countries(
        &mut self,
        path: impl Fn() -> JsonPath,
        v: Value,
        if_null: &str,
    ) -> Option<Vec<String>> {
        const WHAT: &str = "a country (code or name) or an array of countries";
        match v {
            Value::String(s) => Some(vec![s]),
            Value::Array(items) => {
                if items.len() > MAX_CITIZENSHIPS {
                    self.problem(
                        path(),
                        format!(
                            "lists {} citizenships: at most {MAX_CITIZENSHIPS} are accepted",
                            items.len()
                        ),
                    );
                    return None;
                }
                let mut codes = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Value::String(s) => codes.push(s),
                        other => self.problem(
                            path().index(i),
                            format!(
                                "expected a country code or name such as \"KG\" or \"Kyrgyzstan\", found {}",
                                describe(&other)
                            ),
                        ),
                    }
                }
                Some(codes)
            }
            Value::Null => {
                self.problem(path(), format!("must not be null: {if_null}"));
                None
            }
            other => {
                self.problem(
                    path(),
                    format!("expected {WHAT}, found {}", describe(&other)),
                );
                None
            }
        }
    }

    pub(super) fn profile(&mut self, v: Value) -> RawProfile {
        let root = JsonPath::root();
        let mut raw = RawProfile::default();
        let what = "a profile (a JSON object such as {\"citizenship\": \"KG\"})";
        let Some(map) = self.object(&root, v, what, PROFILE_KEYS) else {
            return raw;
        };
        for (key, v) in map {
            // Paths and advice are built only for a problem: most profiles have none.
            let path = || root.key(&key);
            let leave_out = leave_out("", &key, &v);
            match key.as_str() {
                "id" => raw.id = self.string(path, v, "a string", "leave `id` out"),
                "citizenship" => {
                    raw.citizenship = self.countries(path, v, "use [] for a stateless person");
                }
                "host" => {
                    raw.host = self.string(
                        path,
                        v,
                        "a country code or name such as \"KZ\" or \"Kazakhstan\"",
                        "leave `host` out to assume the rule pack's default host state",
                    );
                }
                "entry_date" => raw.entry_date = self.string(path, v, DATE, &leave_out),
                "as_of" => {
                    raw.as_of =
                        self.string(path, v, DATE, "leave `as_of` out to assess as of today");
                }
                "contract" => raw.contract = self.contract(&path(), v),
                "occupation" => raw.occupation = self.string(path, v, "a string", &leave_out),
                "registered" => raw.registered = self.bool(path, v, &leave_out),
                "permanent_resident" => {
                    raw.permanent_resident = self.bool(
                        path,
                        v,
                        "leave `permanent_resident` out to assume no permanent residence permit",
                    );
                }
                "family" => raw.family = self.family(&path(), v),
                _ => {}
            }
        }
        raw
    }

    fn contract(&mut self, path: &JsonPath, v: Value) -> Option<RawContract> {
        let what = "a contract (an object with `kind`, `start`, `end`, `terminated_on`)";
        if v.is_null() {
            self.problem(
                path.clone(),
                "must not be null: leave `contract` out when it is not known, or give `\"kind\": \"none\"`".to_owned(),
            );
            return None;
        }
        let map = self.object(path, v, what, CONTRACT_KEYS)?;
        let mut c = RawContract::default();
        for (key, v) in map {
            let p = || path.key(&key);
            let leave_out = leave_out("contract.", &key, &v);
            match key.as_str() {
                "kind" => {
                    c.kind = self.string(
                        p,
                        v,
                        "one of \"employment\", \"civil_law\" (or \"civil-law\"), \"none\"",
                        &leave_out,
                    );
                }
                // Exports (and the benchmark's generator) write `"start": null`
                // for a contract of kind `none`: read it as not given.
                "start" => c.start = self.nullable_string(p, v, DATE).flatten(),
                "end" => c.end = self.nullable_string(p, v, DATE),
                "terminated_on" => c.terminated_on = self.nullable_string(p, v, DATE).flatten(),
                _ => {}
            }
        }
        Some(c)
    }

    fn family(&mut self, path: &JsonPath, v: Value) -> Option<Vec<RawFamilyMember>> {
        let items = match v {
            Value::Array(items) => items,
            Value::Null => {
                self.problem(
                    path.clone(),
                    "must not be null: use [] for no family members, or leave `family` out when it is not known".to_owned(),
                );
                return None;
            }
            other => {
                self.problem(
                    path.clone(),
                    format!(
                        "expected an array of family members, found {}",
                        describe(&other)
                    ),
                );
                return None;
            }
        };
        if items.len() > MAX_FAMILY {
            self.problem(
                path.clone(),
                format!(
                    "lists {} family members: at most {MAX_FAMILY} are accepted",
                    items.len()
                ),
            );
            return None;
        }
        let what = "a family member (an object with `relation`, `birth_date`, `citizenship`)";
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let mpath = path.index(i);
            let Some(map) = self.object(&mpath, item, what, MEMBER_KEYS) else {
                continue;
            };
            let mut m = RawFamilyMember::default();
            for (key, v) in map {
                let p = || mpath.key(&key);
                let leave_out = leave_out("", &key, &v);
                match key.as_str() {
                    "relation" => {
                        m.relation = self.string(p, v, "a relation such as \"child\"", &leave_out);
                    }
                    "birth_date" => m.birth_date = self.string(p, v, DATE, &leave_out),
                    "citizenship" => m.citizenship = self.countries(p, v, &leave_out),
                    _ => {}
                }
            }
            out.push(m);
        }
        Some(out)
    }
}
