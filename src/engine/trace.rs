//! What the explained path remembers besides a value: the sentences that
//! decided it and the facts it was missing. The fast path (`engine::fast`)
//! remembers nothing; a differential test checks that both give the same
//! outcomes.

use super::ir::{Field, MemberField, ParamId};
use super::reason::Reason;

/// A profile fact that is missing: a field, or a field of one family member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Missing {
    /// The profile field.
    pub field: FieldKey,
    /// For a family member's field: the member's index.
    pub member: Option<usize>,
}

/// A field of the profile or of a family member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldKey {
    /// A top-level profile field.
    Profile(Field),
    /// A family member's field.
    Member(MemberField),
}

/// The explained path's trace: what decided a value, and what it missed.
#[derive(Debug, Clone, Default)]
pub struct Why<'a> {
    /// The reasons, in evaluation order (the report words them and drops
    /// repeats).
    pub(crate) because: Vec<Reason<'a>>,
    /// Missing facts, sorted, without repeats.
    pub missing: Vec<Missing>,
    /// Parameters read past the last day their value is known to hold,
    /// whose latest value was carried forward (indices, sorted).
    pub carried_forward: Vec<ParamId>,
    /// The node was settled by what the profile guarantees about an
    /// unknown date (`bounds`): its own reason says how, and a `say`
    /// written for known operands must not replace it.
    pub(crate) settled: bool,
}

impl<'a> Why<'a> {
    /// A trace naming one missing fact.
    pub(crate) fn missing(m: Missing) -> Self {
        Why {
            because: Vec::new(),
            missing: vec![m],
            carried_forward: Vec::new(),
            settled: false,
        }
    }

    /// A trace holding one reason.
    pub(crate) fn reason(r: Reason<'a>) -> Self {
        Why {
            because: vec![r],
            missing: Vec::new(),
            carried_forward: Vec::new(),
            settled: false,
        }
    }

    /// How many reasons the trace holds.
    pub fn reasons(&self) -> usize {
        self.because.len()
    }

    /// Adds another trace's reasons and missing facts to this one.
    pub(crate) fn join(&mut self, other: Self) {
        self.because.extend(other.because);
        for m in other.missing {
            if let Err(i) = self.missing.binary_search(&m) {
                self.missing.insert(i, m);
            }
        }
        for p in other.carried_forward {
            if let Err(i) = self.carried_forward.binary_search(&p) {
                self.carried_forward.insert(i, p);
            }
        }
    }

    /// Replaces the reasons with one, keeping the missing facts.
    pub(crate) fn replace_reasons(&mut self, reason: Reason<'a>) {
        self.because.clear();
        self.because.push(reason);
    }

    /// Drops the missing facts (the value was decided without them).
    pub(crate) fn forget_missing(&mut self) {
        self.missing.clear();
    }
}
