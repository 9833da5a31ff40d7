//! What the explained path remembers besides a value: the sentences that
//! decided it and the facts it was missing. The fast path (`engine::fast`)
//! remembers nothing; a differential test checks that both give the same
//! outcomes.

use super::ir::{Field, MemberField};

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

/// The explained path's trace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    /// Sentences, in evaluation order, without repeats.
    pub because: Vec<String>,
    /// Missing facts, sorted, without repeats.
    pub missing: Vec<Missing>,
    /// Parameters read past the last day their value is known to hold,
    /// whose latest value was carried forward (indices, sorted).
    pub carried_forward: Vec<usize>,
    /// The node was settled by what the profile guarantees about an
    /// unknown date (`bounds`): its own sentence says how, and a `say`
    /// written for known operands must not replace it.
    pub(crate) settled: bool,
}

impl Why {
    /// A trace naming one missing fact.
    pub(crate) fn missing(m: Missing) -> Self {
        Why {
            because: Vec::new(),
            missing: vec![m],
            carried_forward: Vec::new(),
            settled: false,
        }
    }

    /// A trace holding one sentence.
    pub(crate) fn sentence(make: impl FnOnce() -> String) -> Self {
        Why {
            because: vec![make()],
            missing: Vec::new(),
            carried_forward: Vec::new(),
            settled: false,
        }
    }

    /// Adds another trace's sentences and missing facts to this one.
    pub(crate) fn join(&mut self, other: Self) {
        for s in other.because {
            if !self.because.contains(&s) {
                self.because.push(s);
            }
        }
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

    /// Replaces the sentences, keeping the missing facts.
    pub(crate) fn replace_sentences(&mut self, sentence: String) {
        self.because = vec![sentence];
    }

    /// Drops the missing facts (the value was decided without them).
    pub(crate) fn forget_missing(&mut self) {
        self.missing.clear();
    }
}
