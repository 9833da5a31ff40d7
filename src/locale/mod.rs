//! The tool's languages and their words, from Project Fluent files.
//!
//! Each folder of `src/locales/` is a language (`en`, `ru`), and each
//! `.ftl` file in it a part of the tool's words (`diagnostics.ftl` for
//! errors, `report.ftl` for reports). The files are embedded in the
//! binary and the [`Lang`] enum is generated from the folders by the
//! build script, so adding a language is adding its folder, with the
//! same files and message ids as English's.
//!
//! A message's words, their order and their plural forms (`{ $count ->
//! [one] ... *[other] ... }`, which CLDR's rules choose per language) are
//! in the files; the code gives only the message's id and its arguments.
//! The bundles are built once per process, on first use, and shared by
//! every thread (`fluent_bundle::concurrent`). Output is plain text, so
//! Fluent's Unicode isolation marks around arguments are turned off.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

impl Lang {
    /// The language of the user's environment, given a `LANG`-style value
    /// (`ru_RU.UTF-8`, `ru`, `en_US`): the language whose code is its
    /// language part (what comes before `_`, `.`, `@` or `-`), English
    /// when there is none (and when there is no value). `rue_UA` (Rusyn)
    /// is not Russian.
    pub fn from_env(lang: Option<&str>) -> Self {
        let language = lang
            .unwrap_or_default()
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        Lang::from_code(language).unwrap_or_default()
    }

    /// The language whose code is `code`, in any case.
    pub fn from_code(code: &str) -> Option<Self> {
        Lang::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language's name in itself ("English", "Русский").
    pub fn name(self) -> String {
        word(self, "language-name", None)
    }
}

/// A table of words for every language, each built from its messages
/// the first time it is asked for: a report in one language reads only
/// that language's (and English's, for a message it lacks).
pub struct PerLang<T> {
    english: OnceLock<T>,
    others: Vec<(Lang, OnceLock<T>)>,
}

impl<T> PerLang<T> {
    /// No language's table built yet.
    pub fn new() -> Self {
        Self {
            english: OnceLock::new(),
            others: Lang::ALL
                .into_iter()
                .filter(|l| *l != Lang::En)
                .map(|l| (l, OnceLock::new()))
                .collect(),
        }
    }

    /// The table of `lang`, built by `build` on first use.
    pub fn get(&self, lang: Lang, build: impl FnOnce(Lang) -> T) -> &T {
        let (lang, cell) = self
            .others
            .iter()
            .find(|(l, _)| *l == lang)
            .map_or((Lang::En, &self.english), |(l, cell)| (*l, cell));
        cell.get_or_init(|| build(lang))
    }
}

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        Self::new()
    }
}

/// The table of `lang` in `cell`, built on first use.
pub fn table<T>(
    cell: &'static OnceLock<PerLang<T>>,
    lang: Lang,
    build: fn(Lang) -> T,
) -> &'static T {
    cell.get_or_init(PerLang::new).get(lang, build)
}

type Bundle = FluentBundle<FluentResource>;

/// The bundle of a language, built on first use.
fn bundle(lang: Lang) -> Option<&'static Bundle> {
    static BUNDLES: OnceLock<PerLang<Bundle>> = OnceLock::new();
    Some(table(&BUNDLES, lang, build))
}

/// Builds a language's bundle from all its files. A file with a syntax
/// error keeps the messages Fluent could read, and an id defined twice
/// keeps its first message (the tests refuse both).
fn build(lang: Lang) -> Bundle {
    let locale = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![locale]);
    bundle.set_use_isolating(false);
    for (_, text) in lang.files() {
        let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
        let _ = bundle.add_resource(resource);
    }
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
pub enum FormatError {
    /// The language has no such message.
    Missing,
    /// The message refers to something not given (an argument, a message).
    Fluent(Vec<fluent_bundle::FluentError>),
    /// The message lacks an argument the code cuts it at, or has them in
    /// another order than the code needs.
    Order,
}

/// The message `id` in `lang` exactly, or why not.
pub fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> Result<String, FormatError> {
    let bundle = bundle(lang).ok_or(FormatError::Missing)?;
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .ok_or(FormatError::Missing)?;
    format_pattern(bundle, pattern, args)
}

/// The message `id` in `lang` exactly, or why not, with its arguments as
/// name and value pairs. A message that is only text and arguments (most
/// of the report's sentences) is put together here, which gives what
/// Fluent gives at a fraction of the cost of building its arguments and
/// running its resolver; any other goes through Fluent.
pub fn format_pairs(
    lang: Lang,
    id: &str,
    args: &[(&str, FluentValue<'_>)],
) -> Result<String, FormatError> {
    let bundle = bundle(lang).ok_or(FormatError::Missing)?;
    let pattern = bundle
        .get_message(id)
        .and_then(|m| m.value())
        .ok_or(FormatError::Missing)?;
    if let Some(text) = plain(pattern, args) {
        return Ok(text);
    }
    let fluent: FluentArgs<'_> = args.iter().map(|(k, v)| (*k, v.clone())).collect();
    format_pattern(bundle, pattern, (!args.is_empty()).then_some(&fluent))
}

/// A pattern of text and arguments only, put together with `args` as
/// Fluent would (isolation marks are off, and numbers are written as
/// Fluent writes them); `None` when it has anything else (a selector, a
/// literal, a reference) or an argument is missing or of another kind,
/// so that Fluent resolves it and reports what is wrong.
fn plain(
    pattern: &fluent_syntax::ast::Pattern<&str>,
    args: &[(&str, FluentValue<'_>)],
) -> Option<String> {
    // Room for a sentence of a report: one allocation rather than many.
    let mut out = String::with_capacity(256);
    plain_into(&mut out, pattern, args)?;
    Some(out)
}

/// [`plain`], written into `out`. A selector on a text argument whose
/// variants are all named (`[yes]`, `*[no]`) picks the variant of that
/// name, else the default one, as Fluent does; a selector on a number
/// (plural forms) is left to Fluent.
fn plain_into(
    out: &mut String,
    pattern: &fluent_syntax::ast::Pattern<&str>,
    args: &[(&str, FluentValue<'_>)],
) -> Option<()> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement, VariantKey};
    let arg = |name: &str| args.iter().find(|(n, _)| *n == name).map(|(_, v)| v);
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::VariableReference { id }),
            } => match arg(id.name)? {
                FluentValue::String(text) => out.push_str(text),
                FluentValue::Number(number) => out.push_str(&number.as_string()),
                _ => return None,
            },
            PatternElement::Placeable {
                expression:
                    Expression::Select {
                        selector: InlineExpression::VariableReference { id },
                        variants,
                    },
            } => {
                let FluentValue::String(chosen) = arg(id.name)? else {
                    return None;
                };
                let mut pick = None;
                for v in variants {
                    let VariantKey::Identifier { name } = v.key else {
                        return None;
                    };
                    if pick.is_none() && name == chosen.as_ref() {
                        pick = Some(v);
                    }
                }
                let variant = pick.or_else(|| variants.iter().find(|v| v.default))?;
                plain_into(out, &variant.value, args)?;
            }
            _ => return None,
        }
    }
    Some(())
}

fn format_pattern(
    bundle: &Bundle,
    pattern: &fluent_syntax::ast::Pattern<&str>,
    args: Option<&FluentArgs<'_>>,
) -> Result<String, FormatError> {
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, args, &mut errors);
    if errors.is_empty() {
        Ok(text.into_owned())
    } else {
        Err(FormatError::Fluent(errors))
    }
}

/// The message `id` in `lang` cut at its arguments `args`: the words
/// before the first, between each two and after the last (`args.len() +
/// 1` parts), for a renderer that puts each value in itself (escaped,
/// styled). Taken from English when the language's message cannot be cut
/// so; the tests make sure every language's can.
pub fn split(lang: Lang, id: &str, args: &[&str]) -> Vec<String> {
    [lang, Lang::En]
        .into_iter()
        .find_map(|l| try_split(l, id, args).ok())
        .unwrap_or_else(|| {
            let mut parts = vec![String::new(); args.len().saturating_add(1)];
            if let Some(first) = parts.first_mut() {
                id.clone_into(first);
            }
            parts
        })
}

/// The message `id` in `lang` exactly, cut at its arguments `args` as
/// [`split`] cuts it, or why not.
pub fn try_split(lang: Lang, id: &str, args: &[&str]) -> Result<Vec<String>, FormatError> {
    try_cut(lang, id, args)?.in_order(args.len())
}

/// A message cut at its arguments, read once and filled many times: its
/// words, and where each argument goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cut(Vec<CutPiece>);

/// A piece of a [`Cut`].
#[derive(Debug, Clone, PartialEq, Eq)]
enum CutPiece {
    Text(String),
    /// The argument of this index in the names the message was cut at.
    Arg(usize),
}

/// The message `id` in `lang` cut at its arguments `names`, which it may
/// use in any order or leave out; taken from English when the language's
/// message does not format, and the id itself when English's does not
/// either (the tests keep both from happening).
pub fn cut(lang: Lang, id: &str, names: &[&str]) -> Cut {
    [lang, Lang::En]
        .into_iter()
        .find_map(|l| try_cut(l, id, names).ok())
        .unwrap_or_else(|| Cut(vec![CutPiece::Text(id.to_owned())]))
}

/// The message `id` in `lang` exactly, cut at its arguments `names`, or
/// why not.
fn try_cut(lang: Lang, id: &str, names: &[&str]) -> Result<Cut, FormatError> {
    // Each argument is given as a character of the Private Use Area that
    // no message holds, and the text is cut at them.
    let mark = |i: usize| {
        u32::try_from(i)
            .ok()
            .and_then(|i| char::from_u32(0xE000_u32.saturating_add(i)))
    };
    let mut fluent = FluentArgs::new();
    for (i, name) in names.iter().enumerate() {
        fluent.set(*name, mark(i).map(String::from).unwrap_or_default());
    }
    let text = format(lang, id, Some(&fluent))?;
    let mut pieces = Vec::new();
    let mut words = String::new();
    for c in text.chars() {
        match (0..names.len()).find(|&i| mark(i) == Some(c)) {
            Some(i) => {
                if !words.is_empty() {
                    pieces.push(CutPiece::Text(std::mem::take(&mut words)));
                }
                pieces.push(CutPiece::Arg(i));
            }
            None => words.push(c),
        }
    }
    if !words.is_empty() {
        pieces.push(CutPiece::Text(words));
    }
    Ok(Cut(pieces))
}

impl Cut {
    /// The message with `args` in their places (by the index of the names
    /// it was cut at).
    pub fn fill(&self, args: &[&str]) -> String {
        let mut out = String::new();
        for piece in &self.0 {
            match piece {
                CutPiece::Text(t) => out.push_str(t),
                CutPiece::Arg(i) => out.push_str(args.get(*i).copied().unwrap_or_default()),
            }
        }
        out
    }

    /// The words before the first of `n` arguments, between each two and
    /// after the last, when the message uses each once and in order.
    fn in_order(self, n: usize) -> Result<Vec<String>, FormatError> {
        let mut parts = Vec::with_capacity(n.saturating_add(1));
        let mut words = String::new();
        for piece in self.0 {
            match piece {
                CutPiece::Text(t) => words.push_str(&t),
                CutPiece::Arg(i) if i == parts.len() => parts.push(std::mem::take(&mut words)),
                CutPiece::Arg(_) => return Err(FormatError::Order),
            }
        }
        if parts.len() != n {
            return Err(FormatError::Order);
        }
        parts.push(words);
        Ok(parts)
    }
}

/// The message ids a language's file `file` (name without `.ftl`)
/// defines, in file order; `None` when the language has no such file.
#[cfg(test)]
pub(crate) fn ids(lang: Lang, file: &str) -> Option<Vec<String>> {
    use fluent_syntax::ast::Entry;
    let text = lang.files().iter().find(|(f, _)| *f == file)?.1;
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            assert!(errors.is_empty(), "{}/{file}: {errors:?}", lang.code());
            r
        }
    };
    Some(
        resource
            .entries()
            .filter_map(|e| match e {
                Entry::Message(m) => Some(m.id.name.to_owned()),
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_language_has_english_files_and_ids() {
        let english: Vec<&str> = Lang::En.files().iter().map(|(f, _)| *f).collect();
        for lang in Lang::ALL {
            let files: Vec<&str> = lang.files().iter().map(|(f, _)| *f).collect();
            assert_eq!(files, english, "{}: its files", lang.code());
            let mut all = BTreeSet::new();
            for file in &files {
                let listed = ids(lang, file).unwrap_or_default();
                let defined: BTreeSet<String> = listed.iter().cloned().collect();
                assert_eq!(
                    defined.len(),
                    listed.len(),
                    "{}/{file}: an id twice",
                    lang.code()
                );
                let want: BTreeSet<String> = ids(Lang::En, file)
                    .unwrap_or_default()
                    .into_iter()
                    .collect();
                let missing: Vec<_> = want.difference(&defined).collect();
                assert!(
                    missing.is_empty(),
                    "{}/{file} lacks {missing:?}",
                    lang.code()
                );
                let extra: Vec<_> = defined.difference(&want).collect();
                assert!(extra.is_empty(), "{}/{file} has {extra:?}", lang.code());
                for id in defined {
                    assert!(all.insert(id.clone()), "{}: {id} in two files", lang.code());
                }
            }
        }
    }

    #[test]
    fn languages_by_code_and_environment() {
        for ru in [
            "ru_RU.UTF-8",
            "ru_KZ.UTF-8",
            "ru",
            "ru_RU",
            "ru.UTF-8",
            "RU_ru",
            "ru-RU",
        ] {
            assert_eq!(Lang::from_env(Some(ru)), Lang::Ru, "{ru}");
        }
        for en in [
            "en_US.UTF-8",
            "xx_KZ.UTF-8",
            "C",
            "C.UTF-8",
            "POSIX",
            "",
            "rue_UA",
            "russian",
        ] {
            assert_eq!(Lang::from_env(Some(en)), Lang::En, "{en}");
        }
        assert_eq!(Lang::from_env(None), Lang::En);
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Ru.code(), "ru");
        assert_eq!(Lang::from_code("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_code("xx"), None);
    }

    #[test]
    fn a_language_table_is_built_once_and_only_when_asked_for() {
        let built = std::sync::Mutex::new(Vec::new());
        let tables = PerLang::new();
        let build = |lang: Lang| {
            built.lock().unwrap().push(lang);
            lang.code().to_uppercase()
        };
        assert_eq!(tables.get(Lang::Ru, build), "RU");
        assert_eq!(tables.get(Lang::Ru, build), "RU");
        assert_eq!(*built.lock().unwrap(), [Lang::Ru]);
        assert_eq!(tables.get(Lang::En, build), "EN");
        assert_eq!(*built.lock().unwrap(), [Lang::Ru, Lang::En]);
    }

    #[test]
    fn a_message_is_cut_at_its_arguments_in_their_order() {
        let parts = try_split(Lang::En, "report-title-for", &["title", "id"]).unwrap();
        assert_eq!(parts, ["", " for ", ""]);
        assert_eq!(split(Lang::Ru, "report-covered", &["host"])[1], ".");
        assert!(matches!(
            try_split(Lang::En, "report-title-for", &["id", "title"]),
            Err(FormatError::Order)
        ));
        // An argument the message does not have, or one it needs and is
        // not given.
        assert!(matches!(
            try_split(Lang::En, "report-title", &["title"]),
            Err(FormatError::Order)
        ));
        assert!(matches!(
            try_split(Lang::En, "report-title-for", &["title"]),
            Err(FormatError::Fluent(_))
        ));
        assert!(matches!(
            try_split(Lang::En, "no-such-message", &["x"]),
            Err(FormatError::Missing)
        ));
    }

    /// The variables a pattern names, and the names of its variants.
    fn variables<'p>(
        pattern: &fluent_syntax::ast::Pattern<&'p str>,
        names: &mut Vec<&'p str>,
        keys: &mut Vec<&'p str>,
    ) {
        use fluent_syntax::ast::{Expression, InlineExpression, PatternElement, VariantKey};
        for element in &pattern.elements {
            let PatternElement::Placeable { expression } = element else {
                continue;
            };
            match expression {
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    names.push(id.name)
                }
                Expression::Select { selector, variants } => {
                    if let InlineExpression::VariableReference { id } = selector {
                        names.push(id.name);
                    }
                    for v in variants {
                        if let VariantKey::Identifier { name } = v.key {
                            keys.push(name);
                        }
                        variables(&v.value, names, keys);
                    }
                }
                Expression::Inline(_) => {}
            }
        }
    }

    /// Text-and-argument messages are put together as Fluent would put
    /// them; any other message, and a missing argument, go through
    /// Fluent. Every message of every file, with arguments of both kinds.
    #[test]
    fn plain_messages_are_what_fluent_gives() {
        let mut plain_seen = 0;
        for lang in Lang::ALL {
            for (file, _) in lang.files() {
                for id in ids(lang, file).unwrap_or_default() {
                    let Some(pattern) = bundle(lang)
                        .and_then(|b| b.get_message(&id))
                        .and_then(|m| m.value())
                    else {
                        continue;
                    };
                    // Every variable the pattern names (in selectors and
                    // variants too), with a text, each variant's name
                    // and a number.
                    let (mut names, mut keys) = (Vec::new(), Vec::new());
                    variables(pattern, &mut names, &mut keys);
                    let values = [FluentValue::from("a value"), FluentValue::from(21)]
                        .into_iter()
                        .chain(keys.iter().map(|k| FluentValue::from(*k)));
                    for value in values {
                        let pairs: Vec<(&str, FluentValue<'_>)> =
                            names.iter().map(|n| (*n, value.clone())).collect();
                        let args: FluentArgs<'_> = pairs.iter().cloned().collect();
                        let fluent = format(lang, &id, Some(&args)).ok();
                        if plain(pattern, &pairs).is_some() {
                            plain_seen += 1;
                        }
                        assert_eq!(
                            format_pairs(lang, &id, &pairs).ok(),
                            fluent,
                            "{}/{file}: {id}",
                            lang.code()
                        );
                    }
                }
            }
        }
        assert!(plain_seen > 100, "{plain_seen}");
        // A missing argument is Fluent's to report.
        let pattern = bundle(Lang::En)
            .and_then(|b| b.get_message("reason-not-in-force-not-yet"))
            .and_then(|m| m.value())
            .unwrap();
        assert_eq!(plain(pattern, &[("from", "2021-01-01".into())]), None);
        assert!(format_pairs(
            Lang::En,
            "reason-not-in-force-not-yet",
            &[("from", "x".into())]
        )
        .is_err());
    }

    /// A cut message may leave an argument out (English writes a number
    /// as it is, Russian with its digits grouped); one cut for `split`
    /// must have every argument, once, in order.
    #[test]
    fn a_cut_fills_what_the_message_uses() {
        let number = |lang| cut(lang, "value-number", &["plain", "grouped"]);
        assert_eq!(number(Lang::En).fill(&["8500", "8,500"]), "8500");
        assert_eq!(number(Lang::Ru).fill(&["8500", "8 500"]), "8 500");
        assert!(matches!(
            try_split(Lang::En, "value-number", &["plain", "grouped"]),
            Err(FormatError::Order)
        ));
        assert_eq!(
            cut(Lang::En, "value-country-with-code", &["name", "code"]).fill(&["Kyrgyzstan", "KG"]),
            "Kyrgyzstan (KG)"
        );
        assert_eq!(
            try_split(Lang::En, "value-country-with-code", &["code", "name"]).ok(),
            None
        );
    }

    #[test]
    fn each_language_names_itself() {
        assert_eq!(Lang::En.name(), "English");
        assert_eq!(Lang::Ru.name(), "Русский");
    }
}
