//! The profile as written ([`RawProfile`]): every field optional, read
//! from JSON by the strict reader (every problem named) or built from the
//! command line's flags, before validation.

use chrono::NaiveDate;
use serde_json::Value;

use super::problems::InvalidProfile;
use super::strict::Reader;
use super::{Defaults, WorkerProfile, MAX_PROFILE_BYTES};
use crate::country::Country;
use crate::dates::parse_date;
use crate::diagnostic::Message;
use crate::json::parse_strict;
use crate::locate::JsonPath;

/// The profile as written: every field optional, nothing validated yet.
///
/// The command line builds one of these from flags, so flags and JSON go
/// through the same checks. `S` is the text type: owned for the strict
/// reader and the command line, borrowed from the line for the one-pass
/// reader of `batch`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawProfile<S = String> {
    /// Optional identifier.
    pub id: Option<S>,
    /// Country codes or names; `None` = not given.
    pub(super) citizenship: Option<Vec<S>>,
    /// Host state code or name.
    pub host: Option<S>,
    /// Entry date text.
    pub entry_date: Option<S>,
    /// Assessment date text.
    pub as_of: Option<S>,
    /// Contract, as written.
    pub contract: Option<RawContract<S>>,
    /// Occupation text.
    pub occupation: Option<S>,
    /// Registration status.
    pub registered: Option<bool>,
    /// Permanent residence.
    pub permanent_resident: Option<bool>,
    /// Family members, as written.
    pub family: Option<Vec<RawFamilyMember<S>>>,
}

/// A contract as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawContract<S = String> {
    /// `employment`, `civil_law` (or `civil-law`, any case) or `none`.
    pub kind: Option<S>,
    /// Start date text.
    pub start: Option<S>,
    /// End date text; `Some(None)` = explicitly null (open-ended).
    pub end: Option<Option<S>>,
    /// Termination date text; null and absent both mean not terminated.
    pub terminated_on: Option<S>,
}

/// A family member as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawFamilyMember<S = String> {
    /// Relation name.
    pub relation: Option<S>,
    /// Birth date text.
    pub birth_date: Option<S>,
    /// Country codes or names; `None` = unknown.
    pub(super) citizenship: Option<Vec<S>>,
}

impl RawFamilyMember {
    /// A child with a known birth date and unknown citizenship (the `--child-born` flag).
    pub fn child(birth_date: String) -> Self {
        RawFamilyMember {
            relation: Some("child".to_owned()),
            birth_date: Some(birth_date),
            citizenship: None,
        }
    }

    /// A member with each fact given or not (`None`: unknown; an empty
    /// citizenship list: stateless).
    pub fn new(
        relation: Option<String>,
        birth_date: Option<String>,
        citizenship: Option<Vec<String>>,
    ) -> Self {
        RawFamilyMember {
            relation,
            birth_date,
            citizenship,
        }
    }
}

impl<'de> serde::Deserialize<'de> for RawProfile {
    /// For callers that deserialize with serde directly; prefer
    /// [`RawProfile::from_json`], which also refuses duplicate keys.
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        RawProfile::from_value(value).map_err(serde::de::Error::custom)
    }
}

impl RawProfile {
    /// Sets the citizenships, codes or names (the `--citizenship` flag).
    pub fn set_citizenship(&mut self, codes: Vec<String>) {
        self.citizenship = Some(codes);
    }

    /// Reads a profile from a JSON value (e.g. one element of an array file).
    pub fn from_value(value: Value) -> Result<Self, InvalidProfile> {
        let mut reader = Reader::default();
        let raw = reader.profile(value);
        if reader.problems.is_empty() {
            return Ok(raw);
        }
        // Report the value problems too (an impossible date beside a wrong
        // type), so one round of corrections is enough. The fields with
        // shape problems were left out of `raw`: drop what that alone causes.
        let mut problems = reader.problems;
        let shape_paths: Vec<JsonPath> = problems.iter().map(|p| p.path.clone()).collect();
        let as_of_for_checks = raw
            .as_of
            .as_deref()
            .and_then(|d| parse_date(d).ok())
            .unwrap_or(NaiveDate::MAX);
        // Only the values are checked here: any host will do.
        let checks = Defaults::new(as_of_for_checks, Some(Country::SLOT));
        if let Err(more) = raw.validate(checks) {
            for p in more.problems {
                let caused_by_shape = shape_paths
                    .iter()
                    .any(|s| s.0.starts_with(&p.path.0) || p.path.0.starts_with(&s.0));
                if !caused_by_shape && !matches!(p.message, Message::MoreProblems { .. }) {
                    problems.push(p);
                }
            }
        }
        Err(InvalidProfile {
            problems: super::problems::too_many(problems),
        })
    }

    /// Reads a profile from JSON text; errors carry line and column.
    ///
    /// Duplicate keys are refused, and the text may be at most
    /// [`MAX_PROFILE_BYTES`] long.
    pub fn from_json(text: &str) -> Result<Self, InvalidProfile> {
        if text.len() > MAX_PROFILE_BYTES {
            return Err(InvalidProfile::one(
                JsonPath::root(),
                Message::ProfileTooLong {
                    len: u64::try_from(text.len()).unwrap_or(u64::MAX),
                    max: MAX_PROFILE_BYTES,
                },
            ));
        }
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if body.trim().is_empty() {
            return Err(InvalidProfile::one(JsonPath::root(), Message::EmptyProfile));
        }
        let value = parse_strict(body)?;
        Self::from_value(value).map_err(|e| {
            let mut e = e.locate_in(body, &JsonPath::root());
            e.sort_by_location();
            e
        })
    }

    /// Reads a profile from bytes that should be UTF-8 JSON text.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, InvalidProfile> {
        if bytes.len() > MAX_PROFILE_BYTES {
            return Err(InvalidProfile::one(
                JsonPath::root(),
                Message::ProfileTooLarge {
                    max: MAX_PROFILE_BYTES,
                },
            ));
        }
        Self::from_json(super::problems::utf8(bytes)?)
    }

    /// Validates the raw profile into a typed one, with `defaults` for the
    /// facts it leaves out.
    pub fn validate(self, defaults: Defaults) -> Result<WorkerProfile, InvalidProfile> {
        let mut profile = WorkerProfile::empty(defaults);
        self.validate_into(defaults, None, &mut profile)?;
        Ok(profile)
    }
}
