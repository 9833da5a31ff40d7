//! The words of diagnostics, per language, from Project Fluent files.
//!
//! Each language has one file, `src/diagnostic/locales/LANG.ftl`, embedded
//! in the binary. A message's words, their order and their plural forms
//! (`{ $count -> [one] ... *[other] ... }`, which CLDR's rules choose per
//! language) are in the file; the code gives only the message's id and
//! its arguments ([`super::Message`]). The bundles are built once per
//! process, on first use, and shared by every thread
//! (`fluent_bundle::concurrent`). Output is plain text, so Fluent's
//! Unicode isolation marks around arguments are turned off.
//!
//! A unit test checks that every id the code uses is in every file, that
//! no file has an id the code does not use, and that every message
//! formats with the arguments the code gives it.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};

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

/// The Fluent file of a language.
pub(crate) fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("locales/en.ftl"),
        Lang::Ru => include_str!("locales/ru.ftl"),
    }
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of a language, built on first use.
fn bundle(lang: Lang) -> Option<&'static Bundle> {
    static BUNDLES: OnceLock<Vec<(Lang, Bundle)>> = OnceLock::new();
    let bundles =
        BUNDLES.get_or_init(|| Lang::ALL.iter().map(|&lang| (lang, build(lang))).collect());
    bundles.iter().find(|(l, _)| *l == lang).map(|(_, b)| b)
}

/// Builds a language's bundle. A file with a syntax error keeps the
/// messages Fluent could read (the tests refuse such a file).
fn build(lang: Lang) -> Bundle {
    let resource = FluentResource::try_new(source(lang).to_owned()).unwrap_or_else(|(r, _)| r);
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    // Overriding ids cannot happen with one file per bundle; a file's
    // duplicate id keeps its first message (the tests refuse it).
    let _ = bundle.add_resource(resource);
    bundle
}

/// The message `id` in `lang`, with `args`. A message a language lacks
/// is taken from English; one English lacks too is its id (the tests keep
/// both from happening).
pub fn word(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    [lang, Lang::En]
        .into_iter()
        .find_map(|l| format(l, id, args).ok())
        .unwrap_or_else(|| id.to_owned())
}

/// Why a message could not be formatted.
#[derive(Debug)]
pub(crate) enum FormatError {
    /// The language has no such message.
    Missing,
    /// The message refers to something not given (an argument, a message).
    Fluent(
        #[expect(dead_code, reason = "read through Debug, in the tests' failures")]
        Vec<fluent_bundle::FluentError>,
    ),
}

/// The message `id` in `lang` exactly, or why not.
pub(crate) fn format(
    lang: Lang,
    id: &str,
    args: Option<&FluentArgs<'_>>,
) -> Result<String, FormatError> {
    let bundle = bundle(lang).ok_or(FormatError::Missing)?;
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .ok_or(FormatError::Missing)?;
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err(FormatError::Fluent(errors))
    }
}

/// The message ids a language's file defines, in file order.
#[cfg(test)]
pub(crate) fn ids(lang: Lang) -> Vec<String> {
    use fluent_syntax::ast::Entry;
    let resource = match FluentResource::try_new(source(lang).to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            assert!(errors.is_empty(), "{}: {errors:?}", lang.code());
            r
        }
    };
    resource
        .entries()
        .filter_map(|e| match e {
            Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
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
