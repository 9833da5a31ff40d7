//! The worker profile: parsed once at the edge into typed, validated values.
//!
//! A fact the user did not give stays unknown (`None`), so the engine can tell
//! "no" from "don't know". Only four facts have defaults (`host`, `as_of`,
//! `contract.terminated_on`, `permanent_resident`); each default used is
//! recorded in [`Assumed`] so the report can list it as an assumption.

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::country::Country;
use crate::dates::parse_date;
use crate::locate::{locate, JsonPath, LineCol, Seg};

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

/// The most family members one profile may list.
pub const MAX_FAMILY: usize = 100;
/// The longest `id` or `occupation`, in bytes.
pub const MAX_TEXT: usize = 200;

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
        for p in &mut self.problems {
            if p.location.is_none() {
                let mut full = base.clone();
                full.0.extend(p.path.0.iter().cloned());
                p.location = locate(text, &full);
            }
        }
        self
    }
}

/// A string or an array of strings (citizenship may be either).
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged, expecting = "a country code or an array of country codes")]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// Distinguishes `"end": null` (open-ended) from an absent `end` (unknown).
fn present<'de, D: serde::Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<Option<T>>, D::Error> {
    Option::<T>::deserialize(d).map(Some)
}

/// The profile as written: every field optional, nothing validated yet.
///
/// The command line builds one of these from flags, so flags and JSON go
/// through the same checks.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProfile {
    /// Optional identifier.
    pub id: Option<String>,
    #[serde(default, deserialize_with = "present")]
    citizenship: Option<Option<OneOrMany>>,
    /// Host state code.
    pub host: Option<String>,
    /// Entry date text.
    pub entry_date: Option<String>,
    /// Assessment date text.
    pub as_of: Option<String>,
    /// Contract, as written.
    pub contract: Option<RawContract>,
    /// Occupation text.
    pub occupation: Option<String>,
    /// Registration status.
    pub registered: Option<bool>,
    /// Permanent residence.
    pub permanent_resident: Option<bool>,
    /// Family members, as written.
    pub family: Option<Vec<RawFamilyMember>>,
}

/// A contract as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContract {
    /// `employment`, `civil_law` or `none`.
    pub kind: Option<String>,
    /// Start date text.
    pub start: Option<String>,
    /// End date text; `Some(None)` = explicitly null (open-ended).
    #[serde(default, deserialize_with = "present")]
    pub end: Option<Option<String>>,
    /// Termination date text; null and absent both mean not terminated.
    pub terminated_on: Option<String>,
}

/// A family member as written.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFamilyMember {
    /// Relation name.
    pub relation: Option<String>,
    /// Birth date text.
    pub birth_date: Option<String>,
    #[serde(default, deserialize_with = "present")]
    citizenship: Option<Option<OneOrMany>>,
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
}

impl RawProfile {
    /// Sets the citizenships (the `--citizenship` flag).
    pub fn set_citizenship(&mut self, codes: Vec<String>) {
        self.citizenship = Some(Some(OneOrMany::Many(codes)));
    }

    /// Reads a profile from a JSON value (e.g. one element of an array file).
    pub fn from_value(value: serde_json::Value) -> Result<Self, InvalidProfile> {
        serde_path_to_error::deserialize(value).map_err(|e| {
            let path = path_of(e.path());
            InvalidProfile::one(path, clean_serde_message(&e.into_inner().to_string()))
        })
    }

    /// Reads a profile from JSON text; errors carry line and column.
    pub fn from_json(text: &str) -> Result<Self, InvalidProfile> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(text);
        let raw: Result<Self, (JsonPath, serde_json::Error)> =
            serde_path_to_error::deserialize(&mut de)
                .map_err(|e| (path_of(e.path()), e.into_inner()))
                .and_then(|r| de.end().map(|()| r).map_err(|e| (JsonPath::root(), e)));
        raw.map_err(|(path, inner)| {
            let location = (inner.line() > 0).then(|| LineCol {
                line: inner.line(),
                column: inner.column(),
            });
            let message = clean_serde_message(&inner.to_string());
            InvalidProfile {
                problems: vec![Problem {
                    path,
                    location,
                    message,
                }],
            }
        })
    }

    /// Validates the raw profile into a typed one; `today` is the default `as_of`.
    pub fn validate(self, today: NaiveDate) -> Result<WorkerProfile, InvalidProfile> {
        self.view().validate(today, None)
    }

    /// The same profile with borrowed strings, for the one validator.
    fn view(&self) -> RawRef<'_> {
        fn codes(c: &OneOrMany) -> Codes<'_> {
            match c {
                OneOrMany::One(s) => Codes::One(Cow::Borrowed(s.as_str())),
                OneOrMany::Many(v) => {
                    Codes::Many(v.iter().map(|s| Cow::Borrowed(s.as_str())).collect())
                }
            }
        }
        fn text(s: &Option<String>) -> Option<Text<'_>> {
            s.as_deref().map(|s| Text(Cow::Borrowed(s)))
        }
        RawRef {
            id: text(&self.id),
            citizenship: self.citizenship.as_ref().map(|c| c.as_ref().map(codes)),
            host: text(&self.host),
            entry_date: text(&self.entry_date),
            as_of: text(&self.as_of),
            contract: self.contract.as_ref().map(|c| RawContractRef {
                kind: text(&c.kind),
                start: text(&c.start),
                end: c.end.as_ref().map(text),
                terminated_on: text(&c.terminated_on),
            }),
            occupation: text(&self.occupation),
            registered: self.registered,
            permanent_resident: self.permanent_resident,
            family: self.family.as_ref().map(|members| {
                members
                    .iter()
                    .map(|m| RawFamilyMemberRef {
                        relation: text(&m.relation),
                        birth_date: text(&m.birth_date),
                        citizenship: m.citizenship.as_ref().map(|c| c.as_ref().map(codes)),
                    })
                    .collect()
            }),
        }
    }
}

/// A profile as written, its strings borrowed from the text where they need
/// no unescaping: the fast path of [`WorkerProfile::from_json_as_of`], and
/// the one form the validator reads.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRef<'a> {
    #[serde(borrow)]
    id: Option<Text<'a>>,
    #[serde(borrow, default, deserialize_with = "present")]
    citizenship: Option<Option<Codes<'a>>>,
    #[serde(borrow)]
    host: Option<Text<'a>>,
    #[serde(borrow)]
    entry_date: Option<Text<'a>>,
    #[serde(borrow)]
    as_of: Option<Text<'a>>,
    #[serde(borrow)]
    contract: Option<RawContractRef<'a>>,
    #[serde(borrow)]
    occupation: Option<Text<'a>>,
    registered: Option<bool>,
    permanent_resident: Option<bool>,
    #[serde(borrow)]
    family: Option<Vec<RawFamilyMemberRef<'a>>>,
}

/// A contract as written, borrowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContractRef<'a> {
    #[serde(borrow)]
    kind: Option<Text<'a>>,
    #[serde(borrow)]
    start: Option<Text<'a>>,
    #[serde(borrow, default, deserialize_with = "present")]
    end: Option<Option<Text<'a>>>,
    #[serde(borrow)]
    terminated_on: Option<Text<'a>>,
}

/// A family member as written, borrowed.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFamilyMemberRef<'a> {
    #[serde(borrow)]
    relation: Option<Text<'a>>,
    #[serde(borrow)]
    birth_date: Option<Text<'a>>,
    #[serde(borrow, default, deserialize_with = "present")]
    citizenship: Option<Option<Codes<'a>>>,
}

/// A country code or an array of them, borrowed. Read with a visitor rather
/// than `untagged` (which buffers every value first); only the fast path
/// reads it, and an error there falls back to [`RawProfile`] for the message.
#[derive(Debug)]
enum Codes<'a> {
    One(Cow<'a, str>),
    /// An array of at most two codes (nearly every profile), kept inline.
    Few([Option<Cow<'a, str>>; 2]),
    Many(Vec<Cow<'a, str>>),
}

impl<'de: 'a, 'a> Deserialize<'de> for Codes<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CodesVisitor(std::marker::PhantomData))
    }
}

struct CodesVisitor<'a>(std::marker::PhantomData<&'a ()>);

impl<'de: 'a, 'a> serde::de::Visitor<'de> for CodesVisitor<'a> {
    type Value = Codes<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a country code or an array of country codes")
    }

    fn visit_borrowed_str<E: serde::de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Codes::One(Cow::Borrowed(v)))
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Codes::One(Cow::Owned(v.to_owned())))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let first = seq.next_element::<Text<'a>>()?.map(|s| s.0);
        let second = match first {
            Some(_) => seq.next_element::<Text<'a>>()?.map(|s| s.0),
            None => None,
        };
        let Some(third) = (match second {
            Some(_) => seq.next_element::<Text<'a>>()?.map(|s| s.0),
            None => None,
        }) else {
            return Ok(Codes::Few([first, second]));
        };
        let mut out: Vec<Cow<'a, str>> =
            [first, second, Some(third)].into_iter().flatten().collect();
        while let Some(s) = seq.next_element::<Text<'a>>()? {
            out.push(s.0);
        }
        Ok(Codes::Many(out))
    }
}

/// A string borrowed from the text when it has no escapes.
///
/// A newtype because serde borrows only a field whose type is exactly
/// `Cow<str>` marked `borrow`: inside an `Option` it would copy every
/// string into a new allocation.
#[derive(Debug, Deserialize)]
struct Text<'a>(#[serde(borrow)] Cow<'a, str>);

impl std::ops::Deref for Text<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Codes<'_> {
    fn iter(&self) -> impl Iterator<Item = &str> {
        let (few, many): (&[Option<Cow<'_, str>>], &[Cow<'_, str>]) = match self {
            Codes::One(s) => (&[], std::slice::from_ref(s)),
            Codes::Few(f) => (f, &[]),
            Codes::Many(v) => (&[], v),
        };
        few.iter().flatten().chain(many).map(AsRef::as_ref)
    }

    fn len(&self) -> usize {
        match self {
            Codes::One(_) => 1,
            Codes::Few(f) => f.iter().flatten().count(),
            Codes::Many(v) => v.len(),
        }
    }
}

impl RawRef<'_> {
    /// Validates into a typed profile. `today` is the default `as_of`;
    /// `as_of`, when given, replaces the profile's own (`batch --as-of`).
    ///
    /// JSON paths are built only for problems: a valid profile allocates
    /// nothing here but its own fields.
    fn validate(
        &self,
        today: NaiveDate,
        as_of: Option<NaiveDate>,
    ) -> Result<WorkerProfile, InvalidProfile> {
        let mut out = WorkerProfile::empty(today);
        self.validate_into(today, as_of, &mut out)?;
        Ok(out)
    }

    /// [`Self::validate`] into an existing profile, reusing its buffers (a
    /// batch reads millions of profiles into one). On error `out` holds
    /// parts of this profile and must not be used.
    fn validate_into(
        &self,
        today: NaiveDate,
        as_of: Option<NaiveDate>,
        out: &mut WorkerProfile,
    ) -> Result<(), InvalidProfile> {
        let mut v = Validator::default();
        let root = JsonPath::root;
        let contract = || root().key("contract");
        let mut assumed = Assumed::default();

        let id = self
            .id
            .as_deref()
            .and_then(|id| v.text(|| root().key("id"), id));
        match id {
            Some(id) => set_text(&mut out.id, id),
            None => out.id = None,
        }
        out.citizenship.clear();
        match &self.citizenship {
            None => {
                v.problem(|| root().key("citizenship"), "is required: a country code or an array of country codes ([] for a stateless person)");
            }
            Some(None) => {
                v.problem(
                    || root().key("citizenship"),
                    "must not be null: use [] for a stateless person",
                );
            }
            Some(Some(c)) => v.countries(|| root().key("citizenship"), c, &mut out.citizenship),
        };
        let host = match self.host.as_deref() {
            Some(h) => v.country(|| root().key("host"), h).unwrap_or(Country::KZ),
            None => {
                assumed.host = true;
                Country::KZ
            }
        };
        let entry_date = self
            .entry_date
            .as_deref()
            .and_then(|d| v.date(|| root().key("entry_date"), d));
        let as_of = match (as_of, self.as_of.as_deref()) {
            (Some(d), _) => d,
            (None, Some(d)) => v.date(|| root().key("as_of"), d).unwrap_or(today),
            (None, None) => {
                assumed.as_of = true;
                today
            }
        };

        let no_contract = RawContractRef::default();
        let raw_contract = self.contract.as_ref().unwrap_or(&no_contract);
        let kind = raw_contract.kind.as_deref().and_then(|k| {
            let parsed = ContractKind::parse(k);
            if parsed.is_none() {
                v.problem(|| contract().key("kind"), &format!("`{k}` is not a contract kind: expected `employment`, `civil_law` or `none`"));
            }
            parsed
        });
        let start = raw_contract
            .start
            .as_deref()
            .and_then(|d| v.date(|| contract().key("start"), d));
        let end = match &raw_contract.end {
            None => None,
            Some(None) => Some(None),
            Some(Some(d)) => v.date(|| contract().key("end"), d).map(Some),
        };
        if raw_contract.terminated_on.is_none() {
            assumed.terminated_on = true;
        }
        let terminated_on = raw_contract
            .terminated_on
            .as_deref()
            .and_then(|d| v.date(|| contract().key("terminated_on"), d));

        let occupation = self
            .occupation
            .as_deref()
            .and_then(|o| v.text(|| root().key("occupation"), o))
            .map(str::trim)
            .filter(|o| !o.is_empty());
        match occupation {
            // Lower-cased in place when ASCII; `to_lowercase` otherwise (it
            // knows context-dependent cases such as a final sigma).
            Some(o) if o.is_ascii() => {
                set_text(&mut out.occupation, o);
                if let Some(s) = &mut out.occupation {
                    s.make_ascii_lowercase();
                }
            }
            Some(o) => out.occupation = Some(o.to_lowercase()),
            None => out.occupation = None,
        }
        let permanent_resident = self.permanent_resident.unwrap_or_else(|| {
            assumed.permanent_resident = true;
            false
        });

        let mut family = out.family.take().unwrap_or_default();
        family.clear();
        let family = self.family.as_ref().map(|members| {
            let fpath = || root().key("family");
            if members.len() > MAX_FAMILY {
                v.problem(fpath, &format!("lists {} members: at most {MAX_FAMILY} are accepted", members.len()));
            }
            let members = members
                .iter()
                .take(MAX_FAMILY)
                .enumerate()
                .map(|(i, m)| {
                    let mpath = || fpath().index(i);
                    let relation = m.relation.as_deref().and_then(|r| {
                        let parsed = Relation::parse(r);
                        if parsed.is_none() {
                            v.problem(|| mpath().key("relation"), &format!("`{r}` is not a relation: expected one of `child`, `spouse`, `parent`, `sibling`, `dependant`, `other`"));
                        }
                        parsed
                    });
                    let birth_date = m.birth_date.as_deref().and_then(|d| v.date(|| mpath().key("birth_date"), d));
                    if let Some(b) = birth_date.filter(|b| *b > as_of) {
                        v.problem(|| mpath().key("birth_date"), &format!("{b} is after the assessment date `as_of` ({as_of})"));
                    }
                    let citizenship = match &m.citizenship {
                        None | Some(None) => None,
                        Some(Some(c)) => {
                            let mut cs = Vec::with_capacity(c.len());
                            v.countries(|| mpath().key("citizenship"), c, &mut cs);
                            Some(cs)
                        }
                    };
                    FamilyMember { relation, birth_date, citizenship }
                });
            family.extend(members);
            family
        });

        // Contradictions between facts, each named at the later field.
        if let Some(e) = entry_date.filter(|e| *e > as_of) {
            v.problem(
                || root().key("entry_date"),
                &format!("{e} is after the assessment date `as_of` ({as_of})"),
            );
        }
        if let (Some(s), Some(Some(e))) = (start, end) {
            if e < s {
                v.problem(
                    || contract().key("end"),
                    &format!("{e} is before the contract start ({s})"),
                );
            }
        }
        if let Some(t) = terminated_on {
            if let Some(s) = start.filter(|s| t < *s) {
                v.problem(
                    || contract().key("terminated_on"),
                    &format!("{t} is before the contract start ({s})"),
                );
            }
            if let Some(Some(e)) = end.filter(|e| matches!(e, Some(e) if t > *e)) {
                v.problem(|| contract().key("terminated_on"), &format!("{t} is after the contract end ({e}): early termination must come before the end"));
            }
            if t > as_of {
                v.problem(
                    || contract().key("terminated_on"),
                    &format!("{t} is after the assessment date `as_of` ({as_of})"),
                );
            }
        }

        if !v.problems.is_empty() {
            return Err(InvalidProfile {
                problems: v.problems,
            });
        }
        out.host = host;
        out.entry_date = entry_date;
        out.as_of = as_of;
        out.contract = Contract {
            kind,
            start,
            end,
            terminated_on,
        };
        out.registered = self.registered;
        out.permanent_resident = permanent_resident;
        out.family = family;
        out.assumed = assumed;
        Ok(())
    }
}

impl WorkerProfile {
    /// Parses and validates a profile from JSON text.
    pub fn from_json(text: &str, today: NaiveDate) -> Result<Self, InvalidProfile> {
        Self::from_json_as_of(text, today, None)
    }

    /// Parses and validates a profile from JSON text; `as_of`, when given,
    /// replaces the profile's own assessment date (`batch --as-of`).
    ///
    /// Strings are borrowed from `text` where possible and no JSON path is
    /// built unless something is wrong. When the text does not even read as
    /// a profile, it is read again by [`RawProfile::from_json`], whose error
    /// messages (with their JSON path, line and column) are the contract;
    /// both readers feed the same validator, so a profile is accepted, typed
    /// and refused exactly as [`RawProfile::validate`] would.
    pub fn from_json_as_of(
        text: &str,
        today: NaiveDate,
        as_of: Option<NaiveDate>,
    ) -> Result<Self, InvalidProfile> {
        let mut out = Self::empty(today);
        out.read_json(text, today, as_of)?;
        Ok(out)
    }

    /// A profile with no facts, as of `today` (to read into).
    pub fn empty(today: NaiveDate) -> Self {
        WorkerProfile {
            id: None,
            citizenship: Vec::new(),
            host: Country::KZ,
            entry_date: None,
            as_of: today,
            contract: Contract::default(),
            occupation: None,
            registered: None,
            permanent_resident: false,
            family: None,
            assumed: Assumed::default(),
        }
    }

    /// [`Self::from_json_as_of`] into this profile, reusing its buffers: a
    /// batch reads every line into the same profile. On error the profile
    /// holds parts of the refused one and must be read into again before use;
    /// only its `id` is meaningful then: the refused profile's own `id` when
    /// it could be read and is acceptable, else `None`.
    pub fn read_json(
        &mut self,
        text: &str,
        today: NaiveDate,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut de = serde_json::Deserializer::from_str(text);
        let fast = RawRef::deserialize(&mut de).and_then(|raw| de.end().map(|()| raw));
        let raw = match fast {
            Ok(raw) => raw,
            Err(_) => {
                // Whatever happens next, no id of an earlier profile stays.
                self.id = None;
                let raw = RawProfile::from_json(text)?;
                return raw
                    .view()
                    .validate_into(today, as_of, self)
                    .map_err(|e| e.locate_in(text, &JsonPath::root()));
            }
        };
        raw.validate_into(today, as_of, self)
            .map_err(|e| e.locate_in(text, &JsonPath::root()))
    }
}

/// Sets an optional text, reusing the string already there.
fn set_text(slot: &mut Option<String>, text: &str) {
    let s = slot.get_or_insert_with(String::new);
    s.clear();
    s.push_str(text);
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
}

/// Paths are passed as closures: they are built only when there is a problem.
impl Validator {
    fn problem(&mut self, path: impl FnOnce() -> JsonPath, message: &str) {
        self.problems.push(Problem {
            path: path(),
            location: None,
            message: message.to_owned(),
        });
    }

    fn date(&mut self, path: impl FnOnce() -> JsonPath, text: &str) -> Option<NaiveDate> {
        parse_date(text)
            .map_err(|e| self.problem(path, &e.to_string()))
            .ok()
    }

    fn country(&mut self, path: impl FnOnce() -> JsonPath, text: &str) -> Option<Country> {
        text.parse::<Country>()
            .map_err(|e| self.problem(path, &e.to_string()))
            .ok()
    }

    /// The codes as countries, without repeats, appended to `out`.
    fn countries(
        &mut self,
        path: impl Fn() -> JsonPath,
        codes: &Codes<'_>,
        out: &mut Vec<Country>,
    ) {
        for (i, code) in codes.iter().enumerate() {
            if let Some(c) = self.country(|| path().index(i), code) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }

    fn text<'t>(&mut self, path: impl FnOnce() -> JsonPath, text: &'t str) -> Option<&'t str> {
        if text.len() > MAX_TEXT {
            self.problem(
                path,
                &format!(
                    "is {} bytes long: at most {MAX_TEXT} are accepted",
                    text.len()
                ),
            );
            return None;
        }
        Some(text)
    }
}

fn path_of(path: &serde_path_to_error::Path) -> JsonPath {
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

/// serde_json appends " at line L column C"; we print locations ourselves.
pub(crate) fn clean_serde_message(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
    }

    fn parse(text: &str) -> Result<WorkerProfile, InvalidProfile> {
        WorkerProfile::from_json(text, today())
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
        assert!(e.to_string().contains("unknown field `knd`"), "{e}");
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
    fn byte_order_mark_and_trailing_garbage() {
        assert!(parse("\u{feff}{\"citizenship\":\"KG\"}").is_ok());
        assert!(parse("{\"citizenship\":\"KG\"} x").is_err());
        assert!(parse("").is_err());
    }
}
