//! Runtime values and their plain-language display.

use chrono::NaiveDate;

use super::ir::Lit;
use crate::country::Country;
use crate::profile::{ContractKind, FamilyMember, Relation};

/// A value during evaluation; borrows from the profile and the pack.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    /// A fact the profile does not give (or a parameter without a value then).
    Unknown,
    /// A known absence: an open-ended contract's end, no termination.
    Null,
    Bool(bool),
    Int(i64),
    Date(NaiveDate),
    Country(Country),
    Kind(ContractKind),
    Relation(Relation),
    Text(&'a str),
    Countries(&'a [Country]),
    Family(&'a [FamilyMember]),
    Member(&'a FamilyMember),
}

/// Kleene truth value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Truth {
    /// Holds.
    True,
    /// Does not hold.
    False,
    /// Depends on a fact that is missing.
    Unknown,
}

impl Value<'_> {
    /// The truth value of a boolean (anything else is unknown).
    pub(crate) fn truth(self) -> Truth {
        match self {
            Value::Bool(true) => Truth::True,
            Value::Bool(false) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    pub(crate) fn is_unknown(self) -> bool {
        matches!(self, Value::Unknown)
    }
}

impl<'a> Value<'a> {
    pub(crate) fn of_lit(lit: &'a Lit) -> Self {
        match lit {
            Lit::Null => Value::Null,
            Lit::Bool(b) => Value::Bool(*b),
            Lit::Int(i) => Value::Int(*i),
            Lit::Date(d) => Value::Date(*d),
            Lit::Country(c) => Value::Country(*c),
            Lit::Kind(k) => Value::Kind(*k),
            Lit::Relation(r) => Value::Relation(*r),
            Lit::Text(t) => Value::Text(t),
        }
    }
}

/// Equality of two known values (the checker makes sure types agree).
pub(crate) fn same(a: Value<'_>, b: Value<'_>) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => x == y,
        (Value::Countries(x), Value::Countries(y)) => x == y,
        (Value::Member(x), Value::Member(y)) => std::ptr::eq(x, y),
        (Value::Family(x), Value::Family(y)) => x == y,
        _ => a == b,
    }
}

/// A value as a caseworker reads it.
pub(crate) fn show(value: Value<'_>) -> String {
    match value {
        Value::Unknown => "unknown".to_owned(),
        Value::Null => "none".to_owned(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Int(i) => i.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Country(c) => c.code().to_owned(),
        Value::Kind(k) => kind_words(k).to_owned(),
        Value::Relation(r) => r.as_str().to_owned(),
        Value::Text(t) => t.to_owned(),
        Value::Countries([]) => "none (stateless)".to_owned(),
        Value::Countries(cs) => cs.iter().map(|c| c.code()).collect::<Vec<_>>().join(", "),
        Value::Family(f) => format!("{} member(s)", f.len()),
        Value::Member(m) => m
            .relation
            .map_or("family member", |r| r.as_str())
            .to_owned(),
    }
}

/// A contract kind in words.
pub fn kind_words(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Employment => "employment",
        ContractKind::CivilLaw => "civil-law",
        ContractKind::None => "none",
    }
}

/// A country by name and code: "Kyrgyzstan (KG)".
pub fn country_words(c: Country) -> String {
    format!("{} ({})", c.name_en(), c.code())
}
