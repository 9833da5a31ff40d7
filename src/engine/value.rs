//! Runtime values and their plain-language display.

use chrono::NaiveDate;

use super::ir::Lit;
use crate::country::Country;
use crate::profile::{ContractKind, FamilyMember, Relation};

/// A value during evaluation; borrows from the profile and the pack.
///
/// `repr(u64)` puts every payload at offset 8, so a value is copied as two
/// whole words: with the default layout the one- and two-byte payloads sit
/// at offsets 1 and 2, and the evaluator's many small copies stalled on
/// partly overlapping stores and loads (store-to-load forwarding).
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(u64)]
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
    // Lists and text point at their owning `Vec` or `String` (one word)
    // rather than being slices (two words): a value is then two words, which
    // the evaluator returns in registers instead of through memory.
    Text(&'a String),
    Countries(&'a Vec<Country>),
    Family(&'a Vec<FamilyMember>),
    Member(&'a FamilyMember),
}

impl std::ops::Not for Truth {
    type Output = Truth;

    /// Kleene negation: unknown stays unknown.
    fn not(self) -> Truth {
        match self {
            Truth::True => Truth::False,
            Truth::False => Truth::True,
            Truth::Unknown => Truth::Unknown,
        }
    }
}

impl From<bool> for Truth {
    fn from(b: bool) -> Self {
        if b {
            Truth::True
        } else {
            Truth::False
        }
    }
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
    #[inline]
    pub(crate) fn truth(self) -> Truth {
        match self {
            Value::Bool(true) => Truth::True,
            Value::Bool(false) => Truth::False,
            _ => Truth::Unknown,
        }
    }

    /// The value of a truth: `Bool`, or `Unknown`.
    pub(crate) fn of_truth(t: Truth) -> Self {
        match t {
            Truth::True => Value::Bool(true),
            Truth::False => Value::Bool(false),
            Truth::Unknown => Value::Unknown,
        }
    }

    pub(crate) fn is_unknown(self) -> bool {
        matches!(self, Value::Unknown)
    }
}

impl<'a> Value<'a> {
    #[inline]
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
#[inline]
pub(crate) fn same(a: Value<'_>, b: Value<'_>) -> bool {
    match (a, b) {
        (Value::Text(x), Value::Text(y)) => x == y,
        (Value::Countries(x), Value::Countries(y)) => x == y,
        (Value::Member(x), Value::Member(y)) => std::ptr::eq(x, y),
        (Value::Family(x), Value::Family(y)) => x == y,
        _ => a == b,
    }
}

/// Whether a literal equals a value: `same(Value::of_lit(lit), v)`, with the
/// common scalar cases compared directly (membership scans run per profile,
/// so this is inlined into them).
#[inline(always)]
pub(crate) fn lit_is(lit: &Lit, v: Value<'_>) -> bool {
    match (lit, v) {
        (Lit::Country(a), Value::Country(b)) => *a == b,
        (Lit::Kind(a), Value::Kind(b)) => *a == b,
        (Lit::Relation(a), Value::Relation(b)) => *a == b,
        (Lit::Text(a), Value::Text(b)) => a == b,
        (Lit::Date(a), Value::Date(b)) => *a == b,
        (Lit::Int(a), Value::Int(b)) => *a == b,
        _ => same(Value::of_lit(lit), v),
    }
}
