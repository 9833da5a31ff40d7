//! Errors in a rule pack: every one names its file, line and column (or JSON
//! path) and what was expected. A pack is checked completely, so one run of
//! `rules check` lists every problem, not only the first.

use std::fmt;

use crate::locate::{JsonPath, LineCol};

/// One problem in a JSON document a person wrote: a rule file, or a case
/// file (see `cases`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackError {
    /// The file, relative to the pack root (empty for pack-wide problems).
    pub file: String,
    /// Line and column, when known.
    pub location: Option<LineCol>,
    /// JSON path inside the file.
    pub path: JsonPath,
    /// What is wrong.
    pub message: String,
    /// What to do about it, when there is something to say.
    pub help: Option<String>,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.file.is_empty() {
            f.write_str(&self.file)?;
            if let Some(loc) = self.location {
                write!(f, ":{}:{}", loc.line, loc.column)?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)?;
        if !self.path.is_root() {
            write!(f, " (at `{}`)", self.path)?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in a rule pack.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct PackErrors(pub Vec<PackError>);

impl fmt::Display for PackErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "error: {e}")?;
        }
        Ok(())
    }
}
