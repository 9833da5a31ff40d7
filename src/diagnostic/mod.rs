//! One diagnostic type for every document a person writes: a profile (from
//! a file, a batch record, the command line's flags, the API or the form),
//! a rule file and a case file.
//!
//! A [`Diagnostic`] says where (the file, its line and column, the JSON
//! path of the value) and what ([`Message`]), with an optional help line.
//! It is rendered one way everywhere:
//!
//! ```text
//! p.json:1:44: `contract.kind`: `employmnt` is not a contract kind: expected ...
//!   help: did you mean `employment`?
//! ```
//!
//! and, where one line is wanted (a batch record, an API detail), the help
//! follows the message after `; `.
//!
//! The message of a profile, a flag, a date, a country or a JSON text is
//! data: a kind and its arguments ([`Message`]), worded at the edge in the
//! reader's language from Project Fluent files, one per language
//! (`src/locales/*/diagnostics.ftl`; see [`words`]). The messages of rule
//! packs and case files are for the rule authors, and stay English text
//! ([`Message::Text`]).

pub mod message;
pub mod words;

use std::fmt;

use crate::locate::{JsonPath, LineCol};
use crate::report::Lang;
pub use message::{Expected, Found, Message, NullAdvice, Required, Special, Syntax, Unreadable};

/// One problem in a document a person wrote: where, what, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or `file:line` of a batch record), when there is one.
    pub file: Option<String>,
    /// Line and column in the text, when known.
    pub location: Option<LineCol>,
    /// JSON path of the offending value (the root for the whole document).
    pub path: JsonPath,
    /// What is wrong.
    pub message: Message,
    /// What to do about it, when there is something to say.
    pub help: Option<Message>,
}

impl Diagnostic {
    /// A problem at `path`, with no location yet.
    pub fn new(path: JsonPath, message: impl Into<Message>) -> Self {
        Diagnostic {
            file: None,
            location: None,
            path,
            message: message.into(),
            help: None,
        }
    }

    /// A problem of a rule pack or a case file, for its authors: `file`
    /// empty for a problem of the whole pack; the message English text
    /// (or a JSON text's own message).
    pub fn text(
        file: impl Into<String>,
        location: Option<LineCol>,
        path: JsonPath,
        message: impl Into<Message>,
        help: Option<String>,
    ) -> Self {
        let file = file.into();
        Diagnostic {
            file: (!file.is_empty()).then_some(file),
            location,
            path,
            message: message.into(),
            help: help.map(Message::Text),
        }
    }

    /// The same problem with a help line.
    #[must_use]
    pub fn with_help(mut self, help: Option<Message>) -> Self {
        self.help = help;
        self
    }

    /// The same problem at a line and column.
    #[must_use]
    pub fn at(mut self, location: Option<LineCol>) -> Self {
        self.location = location;
        self
    }

    /// The file as a string, empty when there is none (for sorting and
    /// grouping).
    pub fn file_name(&self) -> &str {
        self.file.as_deref().unwrap_or_default()
    }

    /// The problem in `lang`: where and what on the first line, the help
    /// on a second line, indented.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.head(lang);
        if let Some(help) = &self.help {
            out.push_str("\n  ");
            out.push_str(&words::word(lang, "help-label", None));
            out.push_str(": ");
            out.push_str(&help.word(lang));
        }
        out
    }

    /// The problem in `lang` on one line: the help follows after `; `.
    pub fn one_line(&self, lang: Lang) -> String {
        let mut out = self.head(lang);
        if let Some(help) = &self.help {
            out.push_str("; ");
            out.push_str(&help.word(lang));
        }
        out
    }

    /// The message and its help in `lang`, without the place (for a
    /// form's field, which is the place).
    pub fn message_and_help(&self, lang: Lang) -> String {
        let mut out = self.message.word(lang);
        if let Some(help) = &self.help {
            out.push_str("; ");
            out.push_str(&help.word(lang));
        }
        out
    }

    /// `file:line:col: `path`: message`, or `line L, column C: ...` when
    /// the text has no file name.
    fn head(&self, lang: Lang) -> String {
        let mut out = String::new();
        match (&self.file, self.location) {
            (Some(file), Some(loc)) => {
                out.push_str(&format!("{file}:{}:{}: ", loc.line, loc.column));
            }
            (Some(file), None) => {
                out.push_str(file);
                out.push_str(": ");
            }
            (None, Some(loc)) => {
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("line", loc.line);
                args.set("column", loc.column);
                out.push_str(&words::word(lang, "at-line-column", Some(&args)));
                out.push_str(": ");
            }
            (None, None) => {}
        }
        if !self.path.is_root() {
            out.push_str(&format!("`{}`: ", self.path));
        }
        out.push_str(&self.message.word(lang));
        out
    }
}

impl fmt::Display for Diagnostic {
    /// The problem in English, as [`Diagnostic::render`] gives it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Several problems in `lang`, one a line, each prefixed by `prefix`
/// (`"error: "` for a rule pack).
pub fn render_all<'d>(
    diagnostics: impl IntoIterator<Item = &'d Diagnostic>,
    lang: Lang,
    prefix: &str,
) -> String {
    let mut out = String::new();
    for (i, d) in diagnostics.into_iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(prefix);
        out.push_str(&d.render(lang));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Diagnostic {
        Diagnostic::new(
            JsonPath::root().key("contract").key("kind"),
            Message::NotAContractKind {
                text: "employmnt".to_owned(),
            },
        )
        .with_help(Some(Message::DidYouMean {
            text: "employment".to_owned(),
        }))
    }

    #[test]
    fn one_rendering_for_every_document() {
        let mut d = sample().at(Some(LineCol {
            line: 1,
            column: 44,
        }));
        assert_eq!(
            d.render(Lang::En),
            "line 1, column 44: `contract.kind`: `employmnt` is not a contract kind: expected `employment`, `civil_law` (also written `civil-law` or `civil law`) or `none`\n  help: did you mean `employment`?"
        );
        d.file = Some("p.json".to_owned());
        assert!(d
            .render(Lang::En)
            .starts_with("p.json:1:44: `contract.kind`: `employmnt`"));
        assert!(d
            .one_line(Lang::En)
            .ends_with("or `none`; did you mean `employment`?"));
        assert!(d.render(Lang::Ru).contains("\n  подсказка: "), "{d}");
        let pack = Diagnostic::text(
            "rules.json",
            Some(LineCol { line: 2, column: 3 }),
            JsonPath::root().key("rules"),
            "no rule has the id `x`",
            Some("did you mean `y`?".to_owned()),
        );
        assert_eq!(
            pack.render(Lang::En),
            "rules.json:2:3: `rules`: no rule has the id `x`\n  help: did you mean `y`?"
        );
        let pack_wide = Diagnostic::text("", None, JsonPath::root(), "no rules", None);
        assert_eq!(pack_wide.render(Lang::Ru), "no rules");
    }
}
