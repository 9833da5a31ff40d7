//! The worker profile: parsed once at the edge into typed, validated values.
//!
//! A fact the user did not give stays unknown (`None`), so the engine can tell
//! "no" from "don't know". Only four facts have defaults (`host`, `as_of`,
//! `contract.terminated_on`, `permanent_resident`); each default used is
//! recorded in [`Assumed`] so the report can list it as an assumption.

//!
//! The module's files: the types here; [`raw`] for the profile as written
//! (and the strict reader's entry points), [`read`] for reading JSON into a
//! [`WorkerProfile`] and writing it back; `strict` and `one_pass`, the two
//! readers; `validate`, the checks both share; `problems`, what is wrong
//! with a profile, as [`crate::diagnostic::Diagnostic`]s.

mod one_pass;
mod problems;
pub mod raw;
pub mod read;
pub mod schema;
mod strict;
#[cfg(test)]
mod tests;
mod validate;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::country::Country;
pub use problems::InvalidProfile;
pub use raw::{RawContract, RawFamilyMember, RawProfile};

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
