//! The words of diagnostics, per language, from Project Fluent files.
//!
//! Each language's folder has one file of them,
//! `src/locales/LANG/diagnostics.ftl`, read through [`crate::locale`]. A
//! message's words, their order and their plural forms are in the file;
//! the code gives only the message's id and its arguments
//! ([`super::Message`]).
//!
//! A unit test checks that every id the code uses is in every file, that
//! no file has an id the code does not use, and that every message
//! formats with the arguments the code gives it.

#[cfg(test)]
use fluent_bundle::FluentArgs;

#[cfg(test)]
use crate::locale::format;
pub use crate::locale::word;
#[cfg(test)]
use crate::report::Lang;

/// The label of a help line (`help: did you mean ...`).
pub const HELP_LABEL: &str = "help-label";
/// Where in a text without a file name: `line 1, column 34`.
pub const AT_LINE_COLUMN: &str = "at-line-column";
/// The word before an error on the command line: `error`.
pub const ERROR: &str = "error";
/// A profile refused (the API's detail): `invalid profile`.
pub const INVALID_PROFILE: &str = "invalid-profile";

/// The ids the code uses by name, besides those of [`super::Message`].
#[cfg(test)]
pub(crate) const FRAME_IDS: [&str; 4] = [HELP_LABEL, AT_LINE_COLUMN, ERROR, INVALID_PROFILE];

/// The file of diagnostics' messages in each language's folder.
#[cfg(test)]
pub(crate) const FILE: &str = "diagnostics";

/// The message ids the diagnostics' file of a language defines.
#[cfg(test)]
pub(crate) fn ids(lang: Lang) -> Vec<String> {
    crate::locale::ids(lang, FILE).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::message::{every_kind, ids_of};
    use super::*;

    /// Every id the code uses: the messages' and the frames'.
    fn used() -> BTreeSet<String> {
        let mut used: BTreeSet<String> = FRAME_IDS.iter().map(|s| (*s).to_owned()).collect();
        for m in every_kind() {
            used.extend(ids_of(&m).into_iter().map(str::to_owned));
        }
        for line in crate::batch::words::every_line() {
            used.insert(line.id_and_args().0.to_owned());
        }
        used
    }

    #[test]
    fn every_language_has_every_message_and_no_other() {
        let used = used();
        for lang in Lang::ALL {
            let ids = ids(lang);
            let defined: BTreeSet<String> = ids.iter().cloned().collect();
            assert_eq!(defined.len(), ids.len(), "{}: an id twice", lang.code());
            let missing: Vec<_> = used.difference(&defined).collect();
            assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
            let unused: Vec<_> = defined.difference(&used).collect();
            assert!(unused.is_empty(), "{} has unused {unused:?}", lang.code());
        }
    }

    #[test]
    fn every_message_formats_in_every_language() {
        for lang in Lang::ALL {
            for m in every_kind() {
                // In this language exactly: no fallback to English, no
                // argument missing.
                let text = m.try_word(lang);
                assert!(
                    matches!(&text, Ok(t) if !t.is_empty()),
                    "{} {m:?}: {text:?}",
                    lang.code()
                );
            }
            for line in crate::batch::words::every_line() {
                let (id, args) = line.id_and_args();
                let text = format(lang, id, Some(&args));
                assert!(
                    matches!(&text, Ok(t) if !t.is_empty()),
                    "{} {line:?}: {text:?}",
                    lang.code()
                );
            }
            let mut args = FluentArgs::new();
            args.set("line", 1);
            args.set("column", 2);
            args.set("origin", "p.json");
            for id in FRAME_IDS {
                let r = format(lang, id, Some(&args));
                assert!(r.is_ok(), "{} {id}: {r:?}", lang.code());
            }
        }
    }

    #[test]
    fn no_isolation_marks_and_plurals_by_language() {
        use super::super::Message;
        let m = Message::MoreProblems { count: 1 };
        assert_eq!(m.word(Lang::En), "and 1 more problem not shown");
        assert_eq!(
            Message::MoreProblems { count: 5 }.word(Lang::En),
            "and 5 more problems not shown"
        );
        assert_eq!(m.word(Lang::Ru), "и ещё 1 ошибка не показана");
        assert_eq!(
            Message::MoreProblems { count: 3 }.word(Lang::Ru),
            "и ещё 3 ошибки не показаны"
        );
        assert_eq!(
            Message::MoreProblems { count: 11 }.word(Lang::Ru),
            "и ещё 11 ошибок не показаны"
        );
        for lang in Lang::ALL {
            for m in every_kind() {
                let text = m.word(lang);
                assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text}");
            }
        }
    }
}
