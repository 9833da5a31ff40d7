//! What an evaluation remembers besides the value: nothing on the fast path,
//! the deciding sentences and the missing facts on the explained path.
//!
//! The evaluator is generic over [`Trace`]; with `()` every trace operation
//! compiles away, so batch formats that print no explanations pay nothing for
//! them. A differential test checks that both paths give the same outcomes.

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

/// What the evaluator records along the way.
pub(crate) trait Trace: Default + Clone {
    /// Whether this trace records anything (lets callers skip work).
    const ON: bool;
    /// A trace naming one missing fact.
    fn missing(m: Missing) -> Self;
    /// A trace holding one sentence (the closure runs only when `ON`).
    fn sentence(make: impl FnOnce() -> String) -> Self;
    /// Adds another trace's sentences and missing facts to this one.
    fn join(&mut self, other: Self);
    /// Replaces the sentences, keeping the missing facts.
    fn replace_sentences(&mut self, sentence: String);
    /// Drops the missing facts (the value was decided without them).
    fn forget_missing(&mut self);
}

impl Trace for () {
    const ON: bool = false;
    fn missing(_: Missing) -> Self {}
    fn sentence(_: impl FnOnce() -> String) -> Self {}
    fn join(&mut self, _: Self) {}
    fn replace_sentences(&mut self, _: String) {}
    fn forget_missing(&mut self) {}
}

/// The explained path's trace.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Why {
    /// Sentences, in evaluation order, without repeats.
    pub because: Vec<String>,
    /// Missing facts, sorted, without repeats.
    pub missing: Vec<Missing>,
}

impl Trace for Why {
    const ON: bool = true;

    fn missing(m: Missing) -> Self {
        Why {
            because: Vec::new(),
            missing: vec![m],
        }
    }

    fn sentence(make: impl FnOnce() -> String) -> Self {
        Why {
            because: vec![make()],
            missing: Vec::new(),
        }
    }

    fn join(&mut self, other: Self) {
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
    }

    fn replace_sentences(&mut self, sentence: String) {
        self.because = vec![sentence];
    }

    fn forget_missing(&mut self) {
        self.missing.clear();
    }
}
