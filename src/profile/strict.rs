//! The strict reader's second pass: a profile's JSON value into a
//! [`RawProfile`], collecting every problem of shape (unknown keys, wrong
//! types, `null` where a value belongs) with its JSON path.

use serde_json::{Map, Value};

use super::{RawContract, RawFamilyMember, RawProfile, MAX_CITIZENSHIPS, MAX_FAMILY};
use crate::diagnostic::{Diagnostic, Expected, Found, Message, NullAdvice};
use crate::json::{closest, quote};
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
const DATE: Expected = Expected::Date;

/// The advice for a `null` where the fact `{prefix}{key}` belongs; built
/// only for a `null`, since most values are not.
fn leave_out(prefix: &str, key: &str, v: &Value) -> NullAdvice {
    if v.is_null() {
        NullAdvice::LeaveOut(format!("{prefix}{key}"))
    } else {
        NullAdvice::LeaveOut(String::new())
    }
}

/// Reads the JSON shape of a profile, collecting every problem.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<Diagnostic>,
}

impl Reader {
    fn problem(&mut self, path: JsonPath, message: Message) {
        self.problems.push(Diagnostic::new(path, message));
    }

    fn expected(&mut self, path: JsonPath, what: Expected, found: &Value) {
        self.problem(
            path,
            Message::Expected {
                what,
                found: Found::of(found),
            },
        );
    }

    fn null(&mut self, path: JsonPath, advice: NullAdvice) {
        self.problems.push(
            Diagnostic::new(path, Message::MustNotBeNull)
                .with_help(Some(Message::NullAdvice(advice))),
        );
    }

    /// An object whose keys are all in `keys`; unknown keys are reported.
    fn object(
        &mut self,
        path: &JsonPath,
        v: Value,
        what: Expected,
        keys: &'static [&'static str],
    ) -> Option<Map<String, Value>> {
        let map = match v {
            Value::Object(map) => map,
            other => {
                self.expected(path.clone(), what, &other);
                return None;
            }
        };
        for k in map.keys() {
            if !keys.contains(&k.as_str()) {
                let help = closest(k, keys.iter().copied())
                    .map(|c| Message::DidYouMean { text: c.to_owned() });
                self.problems.push(
                    Diagnostic::new(
                        path.key(k),
                        Message::UnknownKey {
                            key: quote(k),
                            keys,
                        },
                    )
                    .with_help(help),
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
        what: Expected,
        if_null: NullAdvice,
        take: impl FnOnce(Value) -> Result<T, Value>,
    ) -> Option<T> {
        match take(v) {
            Ok(t) => Some(t),
            Err(Value::Null) => {
                self.null(path(), if_null);
                None
            }
            Err(other) => {
                self.expected(path(), what, &other);
                None
            }
        }
    }

    /// A string; `null` is refused with `if_null` as the advice.
    fn string(
        &mut self,
        path: impl Fn() -> JsonPath,
        v: Value,
        what: Expected,
        if_null: NullAdvice,
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
        what: Expected,
    ) -> Option<Option<String>> {
        match v {
            Value::String(s) => Some(Some(s)),
            Value::Null => Some(None),
            other => {
                self.expected(path(), what, &other);
                None
            }
        }
    }

    fn bool(&mut self, path: impl Fn() -> JsonPath, v: Value, if_null: NullAdvice) -> Option<bool> {
        self.scalar(path, v, Expected::Bool, if_null, |v| match v {
            Value::Bool(b) => Ok(b),
            other => Err(other),
        })
    }

    /// A country code or an array of them.
    fn countries(
        &mut self,
        path: impl Fn() -> JsonPath,
        v: Value,
        if_null: NullAdvice,
    ) -> Option<Vec<String>> {
        match v {
            Value::String(s) => Some(vec![s]),
            Value::Array(items) => {
                if items.len() > MAX_CITIZENSHIPS {
                    self.problem(
                        path(),
                        Message::TooManyCitizenships {
                            count: items.len(),
                            max: MAX_CITIZENSHIPS,
                        },
                    );
                    return None;
                }
                let mut codes = Vec::with_capacity(items.len());
                for (i, item) in items.into_iter().enumerate() {
                    match item {
                        Value::String(s) => codes.push(s),
                        other => self.expected(path().index(i), Expected::Country, &other),
                    }
                }
                Some(codes)
            }
            Value::Null => {
                self.null(path(), if_null);
                None
            }
            other => {
                self.expected(path(), Expected::Countries, &other);
                None
            }
        }
    }

    pub(super) fn profile(&mut self, v: Value) -> RawProfile {
        let root = JsonPath::root();
        let mut raw = RawProfile::default();
        let Some(map) = self.object(&root, v, Expected::Profile, PROFILE_KEYS) else {
            return raw;
        };
        for (key, v) in map {
            // Paths and advice are built only for a problem: most profiles have none.
            let path = || root.key(&key);
            let leave_out = leave_out("", &key, &v);
            match key.as_str() {
                "id" => {
                    raw.id = self.string(path, v, Expected::String, NullAdvice::LeaveOutId);
                }
                "citizenship" => {
                    raw.citizenship = self.countries(path, v, NullAdvice::Stateless);
                }
                "host" => raw.host = self.string(path, v, Expected::Host, NullAdvice::Host),
                "entry_date" => raw.entry_date = self.string(path, v, DATE, leave_out),
                "as_of" => raw.as_of = self.string(path, v, DATE, NullAdvice::AsOf),
                "contract" => raw.contract = self.contract(&path(), v),
                "occupation" => {
                    raw.occupation = self.string(path, v, Expected::String, leave_out);
                }
                "registered" => raw.registered = self.bool(path, v, leave_out),
                "permanent_resident" => {
                    raw.permanent_resident = self.bool(path, v, NullAdvice::PermanentResident);
                }
                "family" => raw.family = self.family(&path(), v),
                _ => {}
            }
        }
        raw
    }

    fn contract(&mut self, path: &JsonPath, v: Value) -> Option<RawContract> {
        if v.is_null() {
            self.null(path.clone(), NullAdvice::Contract);
            return None;
        }
        let map = self.object(path, v, Expected::Contract, CONTRACT_KEYS)?;
        let mut c = RawContract::default();
        for (key, v) in map {
            let p = || path.key(&key);
            let leave_out = leave_out("contract.", &key, &v);
            match key.as_str() {
                "kind" => {
                    c.kind = self.string(p, v, Expected::ContractKind, leave_out);
                }
                // Exports (and the benchmark's generator) write `"start": null`
                // for a contract of kind `none`: read it as not given.
                "start" => c.start = self.nullable_string(p, v, Expected::DateOrNull).flatten(),
                "end" => c.end = self.nullable_string(p, v, Expected::DateOrNull),
                "terminated_on" => {
                    c.terminated_on = self.nullable_string(p, v, Expected::DateOrNull).flatten();
                }
                _ => {}
            }
        }
        Some(c)
    }

    fn family(&mut self, path: &JsonPath, v: Value) -> Option<Vec<RawFamilyMember>> {
        let items = match v {
            Value::Array(items) => items,
            Value::Null => {
                self.null(path.clone(), NullAdvice::Family);
                return None;
            }
            other => {
                self.expected(path.clone(), Expected::Family, &other);
                return None;
            }
        };
        if items.len() > MAX_FAMILY {
            self.problem(
                path.clone(),
                Message::TooManyFamilyMembers {
                    count: items.len(),
                    max: MAX_FAMILY,
                },
            );
            return None;
        }
        let mut out = Vec::with_capacity(items.len());
        for (i, item) in items.into_iter().enumerate() {
            let mpath = path.index(i);
            let Some(map) = self.object(&mpath, item, Expected::FamilyMember, MEMBER_KEYS) else {
                continue;
            };
            let mut m = RawFamilyMember::default();
            for (key, v) in map {
                let p = || mpath.key(&key);
                let leave_out = leave_out("", &key, &v);
                match key.as_str() {
                    "relation" => {
                        m.relation = self.string(p, v, Expected::Relation, leave_out);
                    }
                    "birth_date" => m.birth_date = self.string(p, v, DATE, leave_out),
                    "citizenship" => m.citizenship = self.countries(p, v, leave_out),
                    _ => {}
                }
            }
            out.push(m);
        }
        Some(out)
    }
}
