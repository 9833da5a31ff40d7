//! The worker profile: parsed once at the edge into typed, validated values.
//!
//! A fact the user did not give stays unknown (`None`), so the engine can tell
//! "no" from "don't know". Only four facts have defaults (`host`, `as_of`,
//! `contract.terminated_on`, `permanent_resident`); each default used is
//! recorded in [`Assumed`] so the report can list it as an assumption.

mod one_pass;
pub mod schema;
mod strict;
mod validate;

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::{Map, Value};

use crate::country::Country;
use crate::dates::parse_date;
use crate::json::{parse_strict, JsonError};
use crate::locate::{line_col, JsonPath, LineCol, Locator};
use strict::Reader;
use validate::acceptable_text;

/// The kind of contract the person works under.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    /// An employment (labour) contract with an employer.
    Employment,
    /// A civil-law contract for works or services with a customer.
    CivilLaw,
    /// No contract (e.g. looking for work).
    None,
}

impl ContractKind {
    /// Every kind, in the order the contract lists them.
    pub const ALL: [ContractKind; 3] = [Self::Employment, Self::CivilLaw, Self::None];

    /// The name used in profiles and rules.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Employment => "employment",
            Self::CivilLaw => "civil_law",
            Self::None => "none",
        }
    }

    /// Reads the name used in profiles and rules.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }

    /// Reads the kind as a person writes it: the name in any case, with
    /// `-` or a space for `_` (`civil-law`, `Civil law`), as the
    /// `--contract` flag takes it. Rule files use [`Self::parse`].
    pub fn from_input(text: &str) -> Option<Self> {
        // The exact name first: what nearly every profile holds. A long
        // text is no kind, and is not copied to find that out.
        if let Some(kind) = Self::parse(text) {
            return Some(kind);
        }
        if text.len() > 40 {
            return None;
        }
        let words = text
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty());
        let mut name = String::new();
        for word in words {
            if !name.is_empty() {
                name.push('_');
            }
            name.push_str(&word.to_ascii_lowercase());
        }
        Self::parse(&name)
    }
}

/// How a family member is related to the worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    /// A son or daughter.
    Child,
    /// A husband or wife.
    Spouse,
    /// A mother or father.
    Parent,
    /// A brother or sister.
    Sibling,
    /// Another dependant recognised as family by the host state's law.
    Dependant,
    /// Any other relative.
    Other,
}

impl Relation {
    /// Every relation.
    pub const ALL: [Relation; 6] = [
        Self::Child,
        Self::Spouse,
        Self::Parent,
        Self::Sibling,
        Self::Dependant,
        Self::Other,
    ];

    /// The name used in profiles and rules.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Child => "child",
            Self::Spouse => "spouse",
            Self::Parent => "parent",
            Self::Sibling => "sibling",
            Self::Dependant => "dependant",
            Self::Other => "other",
        }
    }

    /// Reads the name used in profiles and rules.
    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The contract, each fact known or not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contract {
    /// Employment, civil-law or none; `None` = unknown.
    pub kind: Option<ContractKind>,
    /// First day of the contract; `None` = unknown.
    pub start: Option<NaiveDate>,
    /// `None` = unknown, `Some(None)` = open-ended, `Some(Some(d))` = ends on `d`.
    pub end: Option<Option<NaiveDate>>,
    /// `None` = not terminated early (the default), `Some(d)` = terminated on `d`.
    pub terminated_on: Option<NaiveDate>,
}

/// A member of the worker's family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FamilyMember {
    /// How the member is related to the worker; `None` = unknown.
    pub relation: Option<Relation>,
    /// Date of birth; `None` = unknown.
    pub birth_date: Option<NaiveDate>,
    /// Citizenships; `None` = unknown, empty = stateless.
    pub citizenship: Option<Vec<Country>>,
}

/// Which defaults the profile relied on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Assumed {
    /// `host` was not given: Kazakhstan assumed.
    pub host: bool,
    /// `as_of` was not given: today assumed.
    pub as_of: bool,
    /// `contract.terminated_on` was not given: not terminated assumed.
    pub terminated_on: bool,
    /// `permanent_resident` was not given: no permanent residence assumed.
    pub permanent_resident: bool,
}

/// A typed, validated worker profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerProfile {
    /// Optional identifier, echoed in the report.
    pub id: Option<String>,
    /// Citizenships, without duplicates; empty = stateless.
    pub citizenship: Vec<Country>,
    /// The state of employment.
    pub host: Country,
    /// Date of entry into the host state; `None` = unknown.
    pub entry_date: Option<NaiveDate>,
    /// A day before `as_of` that an unknown entry is known not to be after:
    /// set when a profile given for one day is evaluated on a later one (a
    /// timeline), as the person had entered by the day it was given for.
    /// `None` (what a profile read from JSON or flags has): `as_of` bounds
    /// an unknown entry, as the profile contract says.
    pub entry_by: Option<NaiveDate>,
    /// Date of the assessment.
    pub as_of: NaiveDate,
    /// The contract.
    pub contract: Contract,
    /// Occupation, trimmed and lower-cased; `None` = unknown.
    pub occupation: Option<String>,
    /// Already registered with the migration authority; `None` = unknown.
    pub registered: Option<bool>,
    /// Holds a permanent residence permit of the host state.
    pub permanent_resident: bool,
    /// Family members; `None` = unknown, empty = none.
    pub family: Option<Vec<FamilyMember>>,
    /// The defaults this profile relied on.
    pub assumed: Assumed,
}

/// What a profile falls back on for the facts it may leave out: the
/// assessment date (today) and the host state (the rule pack's default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Defaults {
    /// The default `as_of`.
    pub today: NaiveDate,
    /// The default host state; `None`: the profile must name it.
    pub host: Option<Country>,
}

impl Defaults {
    /// Today and a default host state.
    pub fn new(today: NaiveDate, host: Option<Country>) -> Self {
        Defaults { today, host }
    }
}

/// The most family members one profile may list.
pub const MAX_FAMILY: usize = 100;
/// The most citizenships one person (or family member) may list.
pub const MAX_CITIZENSHIPS: usize = 10;
/// The longest `id` or `occupation`, in bytes.
pub const MAX_TEXT: usize = 200;
/// The longest JSON text of a single profile, in bytes (1 MiB).
pub const MAX_PROFILE_BYTES: usize = 1 << 20;
/// The most problems reported for one profile; the rest are counted.
pub const MAX_PROBLEMS: usize = 20;

/// One thing wrong with a profile: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path of the offending value (root for syntax errors).
    pub path: JsonPath,
    /// Line and column in the text, when the profile came from text.
    pub location: Option<LineCol>,
    /// What was wrong and what was expected.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(loc) = self.location {
            write!(f, "line {}, column {}: ", loc.line, loc.column)?;
        }
        if !self.path.is_root() {
            write!(f, "`{}`: ", self.path)?;
        }
        f.write_str(&self.message)
    }
}

/// A profile that could not be accepted, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InvalidProfile {
    /// The problems, in document order.
    pub problems: Vec<Problem>,
}

impl fmt::Display for InvalidProfile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{p}")?;
        }
        Ok(())
    }
}

impl From<JsonError> for InvalidProfile {
    /// A text that is not JSON, or not strict JSON, as a profile's one problem.
    fn from(e: JsonError) -> Self {
        InvalidProfile {
            problems: vec![Problem {
                path: e.path,
                location: e.location,
                message: e.message,
            }],
        }
    }
}

impl InvalidProfile {
    fn one(path: JsonPath, message: String) -> Self {
        InvalidProfile {
            problems: vec![Problem {
                path,
                location: None,
                message,
            }],
        }
    }

    /// Fills in line and column from the text the profile was read from.
    ///
    /// `base` is the path of the profile inside that text (e.g. `[3]` for the
    /// fourth profile of an array file).
    pub fn locate_in(mut self, text: &str, base: &JsonPath) -> Self {
        let locator = Locator::new(text);
        for p in &mut self.problems {
            if p.location.is_none() && !p.message.starts_with(MORE_PROBLEMS) {
                let mut full = base.clone();
                full.0.extend(p.path.0.iter().cloned());
                p.location = locator.locate(&full);
                echo_number_as_written(&mut p.message, text, || locator.offset(&full));
            }
        }
        self
    }

    /// Fills in line and column from the profile's own text, which starts
    /// at `start` in the file it was read from (an element of an array
    /// file): only the profile's text is scanned, never the whole file.
    pub fn locate_at(mut self, text: &str, start: LineCol) -> Self {
        let locator = Locator::new(text);
        for p in &mut self.problems {
            if p.location.is_none() && !p.message.starts_with(MORE_PROBLEMS) {
                p.location = locator.locate(&p.path).map(|l| l.within(start));
                echo_number_as_written(&mut p.message, text, || locator.offset(&p.path));
            }
        }
        self
    }
}

/// Says a number back as the profile wrote it: a parsed number prints
/// `-0` as `-0.0` and a 30-digit integer as `1.2345678901234568e+29`.
/// `offset` finds where the value starts in `text`; it is asked only when
/// the message echoes a number.
fn echo_number_as_written(
    message: &mut String,
    text: &str,
    offset: impl FnOnce() -> Option<usize>,
) {
    const ECHO: &str = "the number `";
    let Some(at) = message.find(ECHO).map(|i| i.saturating_add(ECHO.len())) else {
        return;
    };
    let Some(end) = message.get(at..).and_then(|rest| rest.find('`')) else {
        return;
    };
    let Some(written) = offset().and_then(|o| text.get(o..)).map(|rest| {
        let len = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
            .unwrap_or(rest.len());
        rest.get(..len).unwrap_or_default()
    }) else {
        return;
    };
    // Only a number token replaces the echo, and only a short one.
    if !written.is_empty() && written.len() <= 64 {
        message.replace_range(at..at.saturating_add(end), written);
    }
}

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
    citizenship: Option<Vec<S>>,
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
    citizenship: Option<Vec<S>>,
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

/// How the closing "and N more" problem starts (it has no location).
const MORE_PROBLEMS: &str = "and ";

fn too_many(mut problems: Vec<Problem>) -> Vec<Problem> {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Problem {
            path: JsonPath::root(),
            location: None,
            message: format!("{MORE_PROBLEMS}{more} more problem(s) not shown"),
        });
    }
    problems
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
                if !caused_by_shape && !p.message.starts_with(MORE_PROBLEMS) {
                    problems.push(p);
                }
            }
        }
        Err(InvalidProfile {
            problems: too_many(problems),
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
                format!(
                    "the profile is {} bytes long: a single profile may be at most {MAX_PROFILE_BYTES} bytes (1 MiB)",
                    text.len()
                ),
            ));
        }
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        if body.trim().is_empty() {
            return Err(InvalidProfile::one(
                JsonPath::root(),
                "the profile is empty: expected a JSON object such as {\"citizenship\": \"KG\"}"
                    .to_owned(),
            ));
        }
        let value = parse_strict(body)?;
        Self::from_value(value).map_err(|e| {
            let mut e = e.locate_in(body, &JsonPath::root());
            // Document order; the "and N more" line has no location and stays last.
            e.problems.sort_by_key(|p| {
                p.location
                    .map_or((usize::MAX, usize::MAX), |l| (l.line, l.column))
            });
            e
        })
    }

    /// Reads a profile from bytes that should be UTF-8 JSON text.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, InvalidProfile> {
        if bytes.len() > MAX_PROFILE_BYTES {
            return Err(InvalidProfile::one(
                JsonPath::root(),
                format!("the profile is larger than {MAX_PROFILE_BYTES} bytes (1 MiB), the most a single profile may be: use `batch` for many profiles"),
            ));
        }
        Self::from_json(utf8(bytes)?)
    }

    /// Validates the raw profile into a typed one, with `defaults` for the
    /// facts it leaves out.
    pub fn validate(self, defaults: Defaults) -> Result<WorkerProfile, InvalidProfile> {
        let mut profile = WorkerProfile::empty(defaults);
        self.validate_into(defaults, None, &mut profile)?;
        Ok(profile)
    }
}

impl WorkerProfile {
    /// Parses and validates a profile from JSON text.
    pub fn from_json(text: &str, defaults: Defaults) -> Result<Self, InvalidProfile> {
        Self::from_json_as_of(text, defaults, None)
    }

    /// Parses and validates a profile from JSON text; `as_of`, when given,
    /// replaces the profile's own assessment date (`batch --as-of`).
    pub fn from_json_as_of(
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<Self, InvalidProfile> {
        let mut profile = Self::empty(defaults);
        profile.read_json(text, defaults, as_of)?;
        Ok(profile)
    }

    /// A profile with no facts (a slot to read into).
    pub fn empty(defaults: Defaults) -> Self {
        WorkerProfile {
            id: None,
            citizenship: Vec::new(),
            host: defaults.host.unwrap_or(Country::SLOT),
            entry_date: None,
            entry_by: None,
            as_of: defaults.today,
            contract: Contract::default(),
            occupation: None,
            registered: None,
            permanent_resident: false,
            family: None,
            assumed: Assumed::default(),
        }
    }

    /// [`Self::from_json_as_of`] into this profile (a batch reads every line
    /// into the same slot). On error only `id` is meaningful: the refused
    /// profile's own `id` when it could be read and is acceptable, else `None`.
    pub fn read_json(
        &mut self,
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        // Most lines are read in one pass, strings borrowed from the line.
        // Whatever that reader does not take (a mistake, an escaped string)
        // goes through the strict reader, which names every problem; both
        // give the same profile for a text they both accept.
        match one_pass::read(text) {
            Some(raw) => self.validate_read(&raw, text, defaults, as_of),
            None => self.read_strictly(text, defaults, as_of),
        }
    }

    /// [`Self::read_json`] of bytes that should be UTF-8 JSON text (a
    /// batch's NDJSON line).
    pub fn read_json_bytes(
        &mut self,
        bytes: &[u8],
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        self.id = None;
        let text = utf8(bytes)?;
        self.read_json(text, defaults, as_of)
    }

    /// Reads with the strict reader, which names every problem.
    fn read_strictly(
        &mut self,
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        self.id = None;
        let raw = RawProfile::from_json(text)?;
        self.validate_read(&raw, text, defaults, as_of)
    }

    /// Validates a profile read from `text` into this one; on error, only
    /// the profile's own `id` is kept, and problems get their locations.
    fn validate_read<S: AsRef<str>>(
        &mut self,
        raw: &RawProfile<S>,
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        raw.validate_into(defaults, as_of, self).map_err(|e| {
            self.id = raw
                .id
                .as_ref()
                .map(AsRef::as_ref)
                .filter(|id| acceptable_text(id))
                .map(str::to_owned);
            e.locate_in(
                text.strip_prefix('\u{feff}').unwrap_or(text),
                &JsonPath::root(),
            )
        })
    }
}

impl WorkerProfile {
    /// The profile as profile JSON (contract 1), every known fact written
    /// out: reading it back gives the same facts (defaults become explicit).
    pub fn to_json(&self) -> String {
        use serde_json::json;
        let codes = |cs: &[Country]| -> Value {
            Value::Array(cs.iter().map(|c| Value::from(c.code())).collect())
        };
        let mut m = Map::new();
        if let Some(id) = &self.id {
            m.insert("id".into(), json!(id));
        }
        m.insert("citizenship".into(), codes(&self.citizenship));
        m.insert("host".into(), json!(self.host.code()));
        if let Some(d) = self.entry_date {
            m.insert("entry_date".into(), json!(d.to_string()));
        }
        m.insert("as_of".into(), json!(self.as_of.to_string()));
        let mut c = Map::new();
        if let Some(k) = self.contract.kind {
            c.insert("kind".into(), json!(k.as_str()));
        }
        if let Some(d) = self.contract.start {
            c.insert("start".into(), json!(d.to_string()));
        }
        if let Some(e) = self.contract.end {
            c.insert("end".into(), json!(e.map(|d| d.to_string())));
        }
        if let Some(d) = self.contract.terminated_on {
            c.insert("terminated_on".into(), json!(d.to_string()));
        }
        if !c.is_empty() {
            m.insert("contract".into(), Value::Object(c));
        }
        if let Some(o) = &self.occupation {
            m.insert("occupation".into(), json!(o));
        }
        if let Some(r) = self.registered {
            m.insert("registered".into(), json!(r));
        }
        m.insert("permanent_resident".into(), json!(self.permanent_resident));
        if let Some(family) = &self.family {
            let members = family
                .iter()
                .map(|f| {
                    let mut fm = Map::new();
                    if let Some(r) = f.relation {
                        fm.insert("relation".into(), json!(r.as_str()));
                    }
                    if let Some(b) = f.birth_date {
                        fm.insert("birth_date".into(), json!(b.to_string()));
                    }
                    if let Some(cs) = &f.citizenship {
                        fm.insert("citizenship".into(), codes(cs));
                    }
                    Value::Object(fm)
                })
                .collect();
            m.insert("family".into(), Value::Array(members));
        }
        Value::Object(m).to_string()
    }
}

fn utf8(bytes: &[u8]) -> Result<&str, InvalidProfile> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InvalidProfile::one(
            JsonPath::root(),
            "the text is UTF-16: save it as UTF-8".to_owned(),
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes
            .get(..e.valid_up_to())
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        InvalidProfile {
            problems: vec![Problem {
                path: JsonPath::root(),
                location: Some(line_col(good, good.len())),
                message: format!(
                    "not UTF-8 text: the byte 0x{byte:02X} is not part of a UTF-8 character; save the file as UTF-8"
                ),
            }],
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn parse(text: &str) -> Result<WorkerProfile, InvalidProfile> {
        WorkerProfile::from_json(text, Defaults::new(today(), Some(Country::KZ)))
    }

    #[test]
    fn full_profile_parses() {
        let p = parse(r#"{"id":"a","citizenship":["kg"],"host":"KZ","entry_date":"2026-03-01","as_of":"2026-03-20",
            "contract":{"kind":"employment","start":"2026-03-02","end":null},"occupation":" Construction ",
            "registered":false,"family":[{"relation":"child","birth_date":"2022-05-01"}]}"#)
        .unwrap();
        assert_eq!(p.citizenship, vec![Country::KG]);
        assert_eq!(p.contract.end, Some(None));
        assert_eq!(p.occupation.as_deref(), Some("construction"));
        assert!(p.assumed.terminated_on && p.assumed.permanent_resident && !p.assumed.host);
    }

    #[test]
    fn contract_kinds_are_read_as_people_write_them() {
        for (text, kind) in [
            ("employment", ContractKind::Employment),
            ("Employment", ContractKind::Employment),
            ("civil_law", ContractKind::CivilLaw),
            ("civil-law", ContractKind::CivilLaw),
            ("Civil law", ContractKind::CivilLaw),
            (" CIVIL - LAW ", ContractKind::CivilLaw),
            ("NONE", ContractKind::None),
        ] {
            assert_eq!(ContractKind::from_input(text), Some(kind), "{text}");
        }
        for text in ["", "civil", "civillaw", "law civil", "employmnt", "гпх"] {
            assert_eq!(ContractKind::from_input(text), None, "{text}");
        }
        // Rule files keep the one spelling.
        assert_eq!(ContractKind::parse("civil-law"), None);
        let e = parse(r#"{"citizenship":"KG","contract":{"kind":"employmnt"}}"#).unwrap_err();
        assert_eq!(
            e.problems[0].message,
            "`employmnt` is not a contract kind: expected `employment`, `civil_law` (also written `civil-law` or `civil law`) or `none`; did you mean `employment`?"
        );
    }

    #[test]
    fn names_and_day_first_dates_read_as_codes_and_iso_dates() {
        let by_name = parse(
            r#"{"citizenship":["Кыргызстан","kyrgyz republic","Россия"],"host":"Kazakhstan",
            "entry_date":"01.03.2026","as_of":"20.03.2026",
            "contract":{"kind":"civil-law","start":"02.03.2026","end":"01.03.2027","terminated_on":"19.03.2026"},
            "family":[{"relation":"child","birth_date":"01.05.2022","citizenship":"Russia"}]}"#,
        )
        .unwrap();
        let by_code = parse(
            r#"{"citizenship":["KG","RU"],"host":"KZ","entry_date":"2026-03-01","as_of":"2026-03-20",
            "contract":{"kind":"civil_law","start":"2026-03-02","end":"2027-03-01","terminated_on":"2026-03-19"},
            "family":[{"relation":"child","birth_date":"2022-05-01","citizenship":["RU"]}]}"#,
        )
        .unwrap();
        assert_eq!(by_name, by_code);
        // Written back, a profile says codes and ISO dates.
        assert!(by_name.to_json().contains(r#""citizenship":["KG","RU"]"#));
        assert!(by_name.to_json().contains(r#""entry_date":"2026-03-01""#));
    }

    #[test]
    fn absent_facts_stay_unknown_and_defaults_are_recorded() {
        let p = parse(r#"{"citizenship":"UZ"}"#).unwrap();
        assert_eq!(p.host, Country::KZ);
        assert_eq!(p.as_of, today());
        assert_eq!(p.contract.kind, None);
        assert_eq!(p.contract.end, None);
        assert_eq!(p.family, None);
        assert!(p.assumed.host && p.assumed.as_of);
    }

    #[test]
    fn stateless_is_known_and_empty() {
        assert!(parse(r#"{"citizenship":[]}"#)
            .unwrap()
            .citizenship
            .is_empty());
        let e = parse(r#"{"citizenship":null}"#).unwrap_err();
        assert!(e.to_string().contains("must not be null"), "{e}");
    }

    #[test]
    fn errors_name_the_field_and_position() {
        let e = parse("{\"citizenship\": [\"KG\", \"XX\"],\n \"entry_date\": \"2026-02-30\"}")
            .unwrap_err();
        assert_eq!(e.problems.len(), 2);
        assert_eq!(e.problems[0].path.to_string(), "citizenship[1]");
        assert_eq!(e.problems[1].path.to_string(), "entry_date");
        assert_eq!(
            e.problems[1].location,
            Some(LineCol {
                line: 2,
                column: 16
            })
        );
        assert!(
            e.to_string()
                .contains("`2026-02-30` is not a real calendar date"),
            "{e}"
        );
    }

    #[test]
    fn unknown_keys_and_bad_types_are_errors() {
        let e = parse(r#"{"citizenship":"KG","contract":{"knd":"employment"}}"#).unwrap_err();
        assert_eq!(e.problems[0].path.to_string(), "contract.knd");
        assert!(e.to_string().contains("unknown key `knd`"), "{e}");
        let e = parse(r#"{"citizenship":"KG","registered":"yes"}"#).unwrap_err();
        assert_eq!(e.problems[0].path.to_string(), "registered");
    }

    #[test]
    fn contradictions_are_errors() {
        let cases = [
            (
                r#"{"citizenship":"KG","contract":{"start":"2026-03-02","end":"2026-03-01"}}"#,
                "contract.end",
            ),
            (
                r#"{"citizenship":"KG","contract":{"start":"2026-03-02","terminated_on":"2026-03-01"}}"#,
                "contract.terminated_on",
            ),
            (
                r#"{"citizenship":"KG","entry_date":"2026-03-02","as_of":"2026-03-01"}"#,
                "entry_date",
            ),
            (
                r#"{"citizenship":"KG","as_of":"2026-03-01","family":[{"birth_date":"2026-03-02"}]}"#,
                "family[0].birth_date",
            ),
        ];
        for (text, path) in cases {
            let e = parse(text).unwrap_err();
            assert_eq!(e.problems[0].path.to_string(), path, "{text}");
        }
    }

    #[test]
    fn control_and_bidi_characters_are_refused_in_text() {
        for c in ["\\u001b", "\\u0000", "\\u202e", "\\u2066"] {
            let text = format!(r#"{{"citizenship":"KG","occupation":"a{c}b"}}"#);
            let e = parse(&text).unwrap_err();
            assert!(e.to_string().contains("control character"), "{c}: {e}");
        }
        assert!(parse(r#"{"citizenship":"KG","occupation":"учитель"}"#).is_ok());
    }

    #[test]
    fn a_stored_occupation_always_reads_back() {
        // 200 bytes that lower-case to 300.
        let text = format!(
            r#"{{"citizenship":"KG","occupation":"{}"}}"#,
            "İ".repeat(100)
        );
        let e = parse(&text).unwrap_err();
        assert_eq!(e.problems[0].path.to_string(), "occupation");
        let ok = parse(r#"{"citizenship":"KG","occupation":" Medical "}"#).unwrap();
        assert_eq!(parse(&ok.to_json()).unwrap().occupation, ok.occupation);
    }

    #[test]
    fn nulls_are_refused_except_where_they_mean_something() {
        for key in [
            "host",
            "entry_date",
            "as_of",
            "occupation",
            "registered",
            "contract",
            "family",
            "id",
        ] {
            let text = format!(r#"{{"citizenship":"KG","{key}":null}}"#);
            let e = parse(&text).unwrap_err();
            assert!(e.to_string().contains("must not be null"), "{key}: {e}");
        }
        let p = parse(
            r#"{"citizenship":"KG","contract":{"start":null,"end":null,"terminated_on":null}}"#,
        )
        .unwrap();
        assert_eq!(p.contract.start, None);
        assert_eq!(p.contract.end, Some(None));
        assert_eq!(p.contract.terminated_on, None);
    }

    #[test]
    fn byte_order_mark_and_trailing_garbage() {
        assert!(parse("\u{feff}{\"citizenship\":\"KG\"}").is_ok());
        assert!(parse("{\"citizenship\":\"KG\"} x").is_err());
        assert!(parse("").is_err());
    }
}
