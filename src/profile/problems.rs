//! What is wrong with a profile: its [`Diagnostic`]s, placed in the text
//! the profile was read from and worded in the reader's language.

use std::fmt;

use crate::diagnostic::{Diagnostic, Message};
use crate::json::JsonError;
use crate::locate::{line_col, JsonPath, LineCol, Locator};
use crate::report::Lang;

use super::MAX_PROBLEMS;

/// A profile that could not be accepted, with every problem found.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct InvalidProfile {
    /// The problems, in document order.
    pub problems: Vec<Diagnostic>,
}

impl fmt::Display for InvalidProfile {
    /// Every problem in English, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.one_line(Lang::En))
    }
}

impl From<JsonError> for InvalidProfile {
    /// A text that is not JSON, or not strict JSON, as a profile's one problem.
    fn from(e: JsonError) -> Self {
        InvalidProfile {
            problems: vec![Diagnostic::new(e.path, e.message).at(e.location)],
        }
    }
}

impl InvalidProfile {
    /// A profile with one problem at `path`.
    pub fn one(path: JsonPath, message: Message) -> Self {
        InvalidProfile {
            problems: vec![Diagnostic::new(path, message)],
        }
    }

    /// Every problem in `lang`, on one line, separated by `; `.
    pub fn one_line(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(&p.one_line(lang));
        }
        out
    }

    /// What is wrong, in `lang`, without where (for a question or a
    /// form's field, which is the place): each message and its help,
    /// separated by `; `.
    pub fn messages(&self, lang: Lang) -> String {
        let mut out = String::new();
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                out.push_str("; ");
            }
            out.push_str(&p.message_and_help(lang));
        }
        out
    }

    /// Names the file every problem is in (`p.json`, or the flag that
    /// gave the value); the closing "and N more" is in no file.
    #[must_use]
    pub fn in_file(mut self, file: &str) -> Self {
        for p in &mut self.problems {
            if !matches!(p.message, Message::MoreProblems { .. }) {
                p.file = Some(file.to_owned());
            }
        }
        self
    }

    /// Fills in line and column from the text the profile was read from.
    ///
    /// `base` is the path of the profile inside that text (e.g. `[3]` for the
    /// fourth profile of an array file).
    #[must_use]
    pub fn locate_in(mut self, text: &str, base: &JsonPath) -> Self {
        let locator = Locator::new(text);
        for p in &mut self.problems {
            if p.location.is_none() && !matches!(p.message, Message::MoreProblems { .. }) {
                let mut full = base.clone();
                full.0.extend(p.path.0.iter().cloned());
                p.location = locator.locate(&full);
                p.message
                    .echo_number_as_written(|| locator.offset(&full).and_then(|o| text.get(o..)));
            }
        }
        self
    }

    /// Fills in line and column from the profile's own text, which starts
    /// at `start` in the file it was read from (an element of an array
    /// file): only the profile's text is scanned, never the whole file.
    #[must_use]
    pub fn locate_at(mut self, text: &str, start: LineCol) -> Self {
        let locator = Locator::new(text);
        for p in &mut self.problems {
            if p.location.is_none() && !matches!(p.message, Message::MoreProblems { .. }) {
                p.location = locator.locate(&p.path).map(|l| l.within(start));
                let path = &p.path;
                p.message
                    .echo_number_as_written(|| locator.offset(path).and_then(|o| text.get(o..)));
            }
        }
        self
    }

    /// Orders the problems as they stand in the text; the closing "and N
    /// more" has no location and stays last.
    pub(crate) fn sort_by_location(&mut self) {
        self.problems.sort_by_key(|p| {
            p.location
                .map_or((usize::MAX, usize::MAX), |l| (l.line, l.column))
        });
    }
}

/// At most [`MAX_PROBLEMS`] problems, and a last one that counts the rest.
pub(super) fn too_many(mut problems: Vec<Diagnostic>) -> Vec<Diagnostic> {
    if problems.len() > MAX_PROBLEMS {
        let count = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Diagnostic::new(
            JsonPath::root(),
            Message::MoreProblems { count },
        ));
    }
    problems
}

/// The text of bytes that should be UTF-8, or why they are not.
pub(super) fn utf8(bytes: &[u8]) -> Result<&str, InvalidProfile> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(InvalidProfile::one(JsonPath::root(), Message::Utf16));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        let good = bytes
            .get(..e.valid_up_to())
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default();
        let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
        InvalidProfile {
            problems: vec![Diagnostic::new(JsonPath::root(), Message::NotUtf8 { byte })
                .at(Some(line_col(good, good.len())))],
        }
    })
}
