//! Errors in a rule pack: every one names its file, line and column (or JSON
//! path) and what was expected. A pack is checked completely, so one run of
//! `rules check` lists every problem, not only the first.
//!
//! A problem is a [`Diagnostic`], the type of every problem in a document a
//! person wrote (profiles and case files too), rendered the same way. Rule
//! packs are written by their authors in English, so their messages are
//! English text ([`crate::diagnostic::Message::Text`]), with a help line
//! where there is something to do.

use std::fmt;

use crate::diagnostic::{render_all, Diagnostic};
use crate::report::Lang;

/// One problem in a JSON document a person wrote: a rule file, or a case
/// file (see `cases`).
pub type PackError = Diagnostic;

/// Every problem found in a rule pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PackErrors(pub Vec<Diagnostic>);

impl fmt::Display for PackErrors {
    /// One problem a line (and its help below it), each after `error: `.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&render_all(&self.0, Lang::En, "error: "))
    }
}
