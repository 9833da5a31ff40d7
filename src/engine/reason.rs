//! Why an outcome is what it is, as data.
//!
//! The evaluator records what decided each condition (the node, the values
//! it saw, the truth it gave) and nothing more: no sentence is written here.
//! The report puts reasons into words, in the reader's language
//! (`report::wording`), and only for the findings it shows.

use chrono::NaiveDate;

use super::ir::{CmpOp, DatedSetId, Field, Node, ParamId, Rule, SetSrc};
use super::value::{Truth, Value};
use crate::country::Country;

/// How many operands a `say` can show (`{0}`, `{1}`).
pub(crate) const SAY_OPERANDS: usize = 2;

/// One thing that decided a condition.
#[derive(Debug, Clone)]
pub(crate) enum Reason<'a> {
    /// A comparison of two known values.
    Compare {
        op: CmpOp,
        lhs: &'a Node,
        left: Value<'a>,
        rhs: &'a Node,
        right: Value<'a>,
        truth: bool,
    },
    /// A comparison with an unknown date, settled by what the profile
    /// guarantees about it.
    Settled {
        op: CmpOp,
        lhs: &'a Node,
        left: Value<'a>,
        rhs: &'a Node,
        right: Value<'a>,
        truth: bool,
        guarantee: Guarantee,
    },
    /// Whether a value is one of a set's (literal, named or a list).
    In {
        item: &'a Node,
        value: Value<'a>,
        set: &'a SetSrc,
        found: bool,
    },
    /// Whether a value belongs to a dated set on a day.
    Member {
        set: DatedSetId,
        value: Value<'a>,
        on: NaiveDate,
        truth: bool,
    },
    /// Whether a nullable fact is absent (an open-ended contract).
    IsNull { node: &'a Node, value: Value<'a> },
    /// An empty list: no citizenship, no family.
    EmptyList { list: &'a Node },
    /// A yes-or-no fact of the profile used as a condition.
    Fact { field: Field, value: Value<'a> },
    /// The last day of a period of `days` days from `from`, by the pack's
    /// counting (the other reading gives one day more or less).
    LastDay {
        start: &'a Node,
        from: NaiveDate,
        days: i64,
        last: NaiveDate,
    },
    /// A node's own `say`, for the truth it gave, with the values of the
    /// operands its text may show (`{0}`, `{1}`; unknown where the node has
    /// fewer).
    Say {
        node: &'a Node,
        truth: Truth,
        operands: [Value<'a>; SAY_OPERANDS],
    },
    /// The rule is not in force on the assessment date.
    NotInForce { rule: &'a Rule, as_of: NaiveDate },
    /// The assessment date is in years whose law the pack does not encode.
    NotEncoded { rule: &'a Rule, as_of: NaiveDate },
    /// A national rule of another host state.
    ForeignHost { host: Country, own: Country },
    /// A parameter's latest value was used past the period it is known for.
    CarriedForward { param: ParamId },
}

/// What the profile guarantees about a date it does not give, and so why
/// an unknown date can still settle a comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Guarantee {
    /// The entry is not after the assessment date.
    EntryNotAfter(NaiveDate),
    /// The contract starts no later than its end or early termination.
    StartNotAfter(NaiveDate),
    /// The contract ends no earlier than its start (or is open-ended).
    EndNotBefore(NaiveDate),
}

impl Guarantee {
    /// The unknown fact the guarantee is about.
    pub(crate) fn field(self) -> Field {
        match self {
            Guarantee::EntryNotAfter(_) => Field::EntryDate,
            Guarantee::StartNotAfter(_) => Field::ContractStart,
            Guarantee::EndNotBefore(_) => Field::ContractEnd,
        }
    }
}
