//! What a diagnostic says, as data: each kind of message with its
//! arguments, worded per language by [`super::words`] from the Fluent
//! files. The code says which message and with which values; the words,
//! their order and their plural forms are in the files.

use chrono::NaiveDate;
use fluent_bundle::FluentArgs;

use crate::country::Country;
use crate::dates::{DateError, NoSuchDay, MAX_YEAR, MIN_YEAR};
use crate::locale::{format, FormatError};
use crate::report::Lang;

/// What a diagnostic says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Text in English, for the authors of rule packs and case files.
    Text(String),
    /// The text is not JSON.
    Syntax(Syntax),
    /// A key written twice in one object (the key as echoed).
    DuplicateKey {
        /// The key, quoted for echoing.
        key: String,
    },
    /// A value of the wrong kind.
    Expected {
        /// What belongs there.
        what: Expected,
        /// What was written instead.
        found: Found,
    },
    /// A key the object does not take.
    UnknownKey {
        /// The key, quoted for echoing.
        key: String,
        /// The keys the object takes.
        keys: &'static [&'static str],
    },
    /// `null` where a value belongs.
    MustNotBeNull,
    /// A fact the profile must give.
    Required(Required),
    /// More citizenships than a person may list.
    TooManyCitizenships {
        /// How many were listed.
        count: usize,
        /// The most accepted.
        max: usize,
    },
    /// More family members than a profile may list.
    TooManyFamilyMembers {
        /// How many were listed.
        count: usize,
        /// The most accepted.
        max: usize,
    },
    /// A date that is not one.
    Date(DateError),
    /// A text that names no country (as written, not yet quoted).
    UnknownCountry {
        /// The text as written.
        text: String,
    },
    /// A text that is no kind of contract (as written, not yet quoted).
    NotAContractKind {
        /// The text as written.
        text: String,
    },
    /// A text that is no relation (as written, not yet quoted).
    NotARelation {
        /// The text as written.
        text: String,
    },
    /// A free text longer than accepted.
    TextTooLong {
        /// Its length in bytes.
        len: usize,
        /// The most accepted.
        max: usize,
    },
    /// A free text with a control or bidirectional-override character.
    ControlCharacter {
        /// The character's code point.
        code: u32,
    },
    /// A date after the assessment date.
    AfterAsOf {
        /// The date.
        date: NaiveDate,
        /// The assessment date.
        as_of: NaiveDate,
    },
    /// A date before the contract starts.
    BeforeContractStart {
        /// The date.
        date: NaiveDate,
        /// The contract's start.
        start: NaiveDate,
    },
    /// An early termination after the contract's end.
    AfterContractEnd {
        /// The termination date.
        date: NaiveDate,
        /// The contract's end.
        end: NaiveDate,
    },
    /// A profile text longer than accepted.
    ProfileTooLong {
        /// Its length in bytes.
        len: u64,
        /// The most accepted.
        max: usize,
    },
    /// Profile bytes more than accepted (their length not counted).
    ProfileTooLarge {
        /// The most accepted.
        max: usize,
    },
    /// A profile text with nothing in it.
    EmptyProfile,
    /// A text in UTF-16.
    Utf16,
    /// A text that is not UTF-8.
    NotUtf8 {
        /// The first byte that is not.
        byte: u8,
    },
    /// The problems left out of a long list.
    MoreProblems {
        /// How many.
        count: usize,
    },
    /// `--citizenship none` with a country beside it.
    StatelessWithCountry {
        /// What was typed, quoted.
        given: String,
    },
    /// Help: the word meant.
    DidYouMean {
        /// The word.
        text: String,
    },
    /// Help: the country meant.
    DidYouMeanCountry {
        /// Its name as the table writes it.
        name: &'static str,
        /// The country.
        code: Country,
    },
    /// Help: what to write instead of `null`.
    NullAdvice(NullAdvice),
    /// A file (or a record's input) that could not be read, and why.
    CannotRead {
        /// The file, when the message names it.
        path: Option<String>,
        /// Why.
        why: Unreadable,
    },
    /// Why a file could not be read, alone (after the file's name).
    Unreadable(Unreadable),
    /// A `batch` file of one profile larger than a profile may be.
    FileTooLarge {
        /// The most accepted, in bytes.
        max: usize,
    },
    /// An NDJSON line longer than `--max-line`.
    LineTooLong {
        /// Its length in bytes.
        len: u64,
        /// The most accepted.
        max: usize,
    },
}

/// Why a file could not be read: the system's common errors, and what
/// `batch` finds in a directory it does not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unreadable {
    /// No such file or directory.
    NotFound,
    /// Permission denied.
    PermissionDenied,
    /// A directory where a file was expected.
    IsADirectory,
    /// Any other system error, in the system's own words (English).
    Other(String),
    /// A symbolic link to something that does not exist.
    DanglingLink,
    /// A symbolic link that loops back on itself.
    LinkLoop,
    /// A directory inside a directory `batch` reads.
    Subdirectory,
    /// A FIFO, a socket or a device inside a directory `batch` reads.
    Special(Special),
    /// Bytes that are not UTF-8, at this offset.
    NotUtf8 {
        /// The offset of the first bad byte.
        offset: u64,
    },
    /// The file changed between two reads.
    Changed,
}

/// A file system entry that exists but is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Special {
    /// A named pipe.
    Fifo,
    /// A socket.
    Socket,
    /// A block or character device.
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl Unreadable {
    /// Why `e` kept a file from being read, in a user's terms: the
    /// common kinds by name, any other in the system's words without its
    /// error number.
    pub fn of(e: &std::io::Error) -> Self {
        use std::io::ErrorKind;
        match e.kind() {
            ErrorKind::NotFound => Unreadable::NotFound,
            ErrorKind::PermissionDenied => Unreadable::PermissionDenied,
            ErrorKind::IsADirectory => Unreadable::IsADirectory,
            ErrorKind::InvalidData => Unreadable::Other(e.to_string()),
            _ => {
                let text = e.to_string();
                Unreadable::Other(match text.find(" (os error") {
                    Some(i) => text.get(..i).unwrap_or(&text).to_lowercase(),
                    None => text,
                })
            }
        }
    }

    /// The message's id and arguments.
    fn id_and_args(&self) -> (&'static str, Option<Args>) {
        let a = Args::new;
        match self {
            Unreadable::NotFound => ("unreadable-not-found", None),
            Unreadable::PermissionDenied => ("unreadable-permission-denied", None),
            Unreadable::IsADirectory => ("unreadable-is-a-directory", None),
            Unreadable::Other(text) => ("unreadable-other", Some(a().text("text", text))),
            Unreadable::DanglingLink => ("unreadable-dangling-link", None),
            Unreadable::LinkLoop => ("unreadable-link-loop", None),
            Unreadable::Subdirectory => ("unreadable-subdirectory", None),
            Unreadable::Special(kind) => ("unreadable-special", Some(a().text("kind", kind.id()))),
            Unreadable::NotUtf8 { offset } => (
                "unreadable-not-utf8",
                Some(a().text("offset", offset.to_string())),
            ),
            Unreadable::Changed => ("unreadable-changed", None),
        }
    }

    /// Why, in `lang`.
    fn try_word(&self, lang: Lang) -> Result<String, FormatError> {
        let (id, args) = self.id_and_args();
        format(lang, id, args.as_ref().map(|a| &a.0))
    }
}

impl std::fmt::Display for Unreadable {
    /// Why, in English (for rule-pack and case-file authors).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.try_word(Lang::En) {
            Ok(text) => f.write_str(&text),
            Err(_) => f.write_str(self.id_and_args().0),
        }
    }
}

impl Special {
    /// The kind as the Fluent files select it.
    fn id(self) -> &'static str {
        match self {
            Special::Fifo => "fifo",
            Special::Socket => "socket",
            Special::Device => "device",
            Special::Other => "other",
        }
    }
}

impl std::fmt::Display for Special {
    /// The kind in English: `a named pipe (FIFO)`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut args = FluentArgs::new();
        args.set("kind", self.id());
        match format(Lang::En, "special-kind", Some(&args)) {
            Ok(text) => f.write_str(&text),
            Err(_) => f.write_str(self.id()),
        }
    }
}

/// The ways a text is not JSON (serde_json's syntax errors).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// The text ends where a value was expected.
    EofValue,
    /// The text ends inside an object.
    EofObject,
    /// The text ends inside an array.
    EofList,
    /// The text ends inside a string.
    EofString,
    /// Something that starts no value.
    ExpectedValue,
    /// A key without its `:`.
    ExpectedColon,
    /// A member of an object without `,` or `}` after it.
    ExpectedCommaOrBrace,
    /// An element of an array without `,` or `]` after it.
    ExpectedCommaOrBracket,
    /// A bare word other than `true`, `false` or `null`.
    ExpectedIdent,
    /// Text after the end of the value.
    TrailingCharacters,
    /// A comma before a closing bracket.
    TrailingComma,
    /// An object key that is not a string.
    KeyNotString,
    /// A number too large to read.
    NumberTooLarge,
    /// A malformed number.
    InvalidNumber,
    /// A `\` escape JSON does not have.
    InvalidEscape,
    /// A `\u` escape that names no character.
    InvalidUnicode,
    /// A `\u` escape of half a surrogate pair.
    LoneSurrogate,
    /// A `\u` escape cut short.
    IncompleteEscape,
    /// A raw control character inside a string.
    ControlCharacter,
    /// Arrays and objects nested deeper than accepted.
    TooDeep,
}

/// What belongs where a value of the wrong kind was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A profile object.
    Profile,
    /// A contract object.
    Contract,
    /// A family member object.
    FamilyMember,
    /// An array of family members.
    Family,
    /// Any string.
    String,
    /// A date string.
    Date,
    /// A date string or `null`.
    DateOrNull,
    /// `true` or `false`.
    Bool,
    /// A country or an array of countries.
    Countries,
    /// One citizenship's country.
    Country,
    /// The host state.
    Host,
    /// A kind of contract.
    ContractKind,
    /// A relation.
    Relation,
}

/// A JSON value as a message describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (or as read, until the text is at hand).
    Number(String),
    /// `""`.
    EmptyString,
    /// A string, quoted for echoing.
    String(String),
    /// `[]`.
    EmptyArray,
    /// An array with elements.
    Array,
    /// An object.
    Object,
}

impl Found {
    /// How a message describes `v`.
    pub fn of(v: &serde_json::Value) -> Self {
        use serde_json::Value;
        match v {
            Value::Null => Found::Null,
            Value::Bool(b) => Found::Bool(*b),
            Value::Number(n) => Found::Number(crate::json::quote(&n.to_string())),
            Value::String(s) if s.is_empty() => Found::EmptyString,
            Value::String(s) => Found::String(crate::json::quote(s)),
            Value::Array(a) if a.is_empty() => Found::EmptyArray,
            Value::Array(_) => Found::Array,
            Value::Object(_) => Found::Object,
        }
    }
}

/// A fact a profile must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Required {
    /// The citizenship (`[]` for a stateless person).
    Citizenship,
    /// The host state, when the pack names no default.
    Host,
}

/// What to write instead of a `null`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NullAdvice {
    /// Leave the key (its path) out when the fact is not known.
    LeaveOut(String),
    /// Leave `id` out.
    LeaveOutId,
    /// `[]` for a stateless person.
    Stateless,
    /// Leave `host` out for the pack's default.
    Host,
    /// Leave `as_of` out for today.
    AsOf,
    /// Leave `permanent_resident` out for "no".
    PermanentResident,
    /// Leave `contract` out, or give kind `none`.
    Contract,
    /// `[]` for no family, or leave `family` out.
    Family,
}

impl From<DateError> for Message {
    fn from(e: DateError) -> Self {
        Message::Date(e)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Self {
        Message::Text(text)
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Self {
        Message::Text(text.to_owned())
    }
}

impl std::fmt::Display for Message {
    /// The message in English.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.word(Lang::En))
    }
}

/// Arguments under construction.
struct Args(FluentArgs<'static>);

impl Args {
    fn new() -> Self {
        Args(FluentArgs::new())
    }

    fn text(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.0.set(name, value.into());
        self
    }

    fn number(
        mut self,
        name: &'static str,
        value: impl Into<fluent_bundle::FluentValue<'static>>,
    ) -> Self {
        self.0.set(name, value);
        self
    }

    fn date(self, name: &'static str, value: NaiveDate) -> Self {
        self.text(name, value.to_string())
    }
}

impl Message {
    /// The message in `lang`; a message the language lacks is taken
    /// from English, and one English lacks too is its id (the tests of
    /// the words keep both from happening).
    pub fn word(&self, lang: Lang) -> String {
        self.try_word(lang)
            .or_else(|_| self.try_word(Lang::En))
            .unwrap_or_else(|_| {
                self.id_and_args(Lang::En)
                    .map_or_else(|_| String::new(), |(id, _)| id.to_owned())
            })
    }

    /// The message in `lang` exactly, or why it cannot be worded.
    pub(crate) fn try_word(&self, lang: Lang) -> Result<String, FormatError> {
        if let Message::Text(text) = self {
            return Ok(text.clone());
        }
        let (id, args) = self.id_and_args(lang)?;
        format(lang, id, args.as_ref().map(|a| &a.0))
    }

    /// The Fluent id of the message and its arguments; `Text` has none.
    /// Arguments that are phrases themselves are worded in `lang` first.
    fn id_and_args(&self, lang: Lang) -> Result<(&'static str, Option<Args>), FormatError> {
        let a = Args::new;
        Ok(match self {
            Message::Text(_) => ("", None),
            Message::Syntax(s) => match s {
                Syntax::TooDeep => (
                    "json-too-deep",
                    Some(a().number("max", crate::json::MAX_DEPTH)),
                ),
                other => (other.id(), None),
            },
            Message::DuplicateKey { key } => ("json-duplicate-key", Some(a().text("key", key))),
            Message::Expected { what, found } => (
                "expected",
                Some(
                    a().text("what", format(lang, what.id(), None)?)
                        .text("found", found.try_word(lang)?),
                ),
            ),
            Message::UnknownKey { key, keys } => {
                let list = keys
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                ("unknown-key", Some(a().text("key", key).text("keys", list)))
            }
            Message::MustNotBeNull => ("must-not-be-null", None),
            Message::Required(Required::Citizenship) => ("required-citizenship", None),
            Message::Required(Required::Host) => ("required-host", None),
            Message::TooManyCitizenships { count, max } => (
                "too-many-citizenships",
                Some(a().number("count", *count).number("max", *max)),
            ),
            Message::TooManyFamilyMembers { count, max } => (
                "too-many-family-members",
                Some(a().number("count", *count).number("max", *max)),
            ),
            Message::Date(e) => date_id_and_args(e),
            Message::UnknownCountry { text } if text.trim().is_empty() => ("empty-country", None),
            Message::UnknownCountry { text } => (
                "unknown-country",
                Some(a().text("text", crate::json::quote(text))),
            ),
            Message::NotAContractKind { text } => (
                "not-a-contract-kind",
                Some(a().text("text", crate::json::quote(text))),
            ),
            Message::NotARelation { text } => (
                "not-a-relation",
                Some(a().text("text", crate::json::quote(text))),
            ),
            Message::TextTooLong { len, max } => (
                "text-too-long",
                Some(a().number("len", *len).number("max", *max)),
            ),
            Message::ControlCharacter { code } => (
                "control-character",
                Some(a().text("code", format!("{code:04X}"))),
            ),
            Message::AfterAsOf { date, as_of } => (
                "after-as-of",
                Some(a().date("date", *date).date("as_of", *as_of)),
            ),
            Message::BeforeContractStart { date, start } => (
                "before-contract-start",
                Some(a().date("date", *date).date("start", *start)),
            ),
            Message::AfterContractEnd { date, end } => (
                "after-contract-end",
                Some(a().date("date", *date).date("end", *end)),
            ),
            Message::ProfileTooLong { len, max } => (
                "profile-too-long",
                Some(a().number("len", *len).number("max", *max)),
            ),
            Message::ProfileTooLarge { max } => {
                ("profile-too-large", Some(a().number("max", *max)))
            }
            Message::EmptyProfile => ("profile-empty", None),
            Message::Utf16 => ("text-utf16", None),
            Message::NotUtf8 { byte } => (
                "text-not-utf8",
                Some(a().text("byte", format!("{byte:02X}"))),
            ),
            Message::MoreProblems { count } => ("more-problems", Some(a().number("count", *count))),
            Message::StatelessWithCountry { given } => {
                ("stateless-with-country", Some(a().text("given", given)))
            }
            Message::DidYouMean { text } => ("did-you-mean", Some(a().text("text", text))),
            Message::DidYouMeanCountry { name, code } => (
                "did-you-mean-country",
                Some(a().text("name", *name).text("code", code.code())),
            ),
            Message::NullAdvice(advice) => match advice {
                NullAdvice::LeaveOut(key) => ("null-leave-out", Some(a().text("key", key))),
                NullAdvice::LeaveOutId => ("null-leave-out-id", None),
                NullAdvice::Stateless => ("null-stateless", None),
                NullAdvice::Host => ("null-host", None),
                NullAdvice::AsOf => ("null-as-of", None),
                NullAdvice::PermanentResident => ("null-permanent-resident", None),
                NullAdvice::Contract => ("null-contract", None),
                NullAdvice::Family => ("null-family", None),
            },
            Message::CannotRead { path, why } => {
                let args = a().text("why", why.try_word(lang)?);
                match path {
                    Some(path) => ("cannot-read-file", Some(args.text("path", path))),
                    None => ("cannot-read", Some(args)),
                }
            }
            Message::Unreadable(why) => why.id_and_args(),
            Message::FileTooLarge { max } => ("file-too-large", Some(a().number("max", *max))),
            Message::LineTooLong { len, max } => (
                "line-too-long",
                Some(a().number("len", *len).number("max", *max)),
            ),
        })
    }

    /// Says a number back as the text wrote it: a parsed number prints
    /// `-0` as `-0.0` and a 30-digit integer as `1.2345678901234568e+29`.
    /// `written` gives the number's text; it is asked only when the
    /// message echoes a number.
    pub(crate) fn echo_number_as_written<'t>(&mut self, written: impl FnOnce() -> Option<&'t str>) {
        if let Message::Expected {
            found: Found::Number(n),
            ..
        } = self
        {
            let Some(rest) = written() else {
                return;
            };
            let len = rest
                .find(|c: char| !(c.is_ascii_digit() || matches!(c, '-' | '+' | '.' | 'e' | 'E')))
                .unwrap_or(rest.len());
            let token = rest.get(..len).unwrap_or_default();
            // Only a number token replaces the echo, and only a short one.
            if !token.is_empty() && token.len() <= 64 {
                token.clone_into(n);
            }
        }
    }
}

impl Syntax {
    fn id(self) -> &'static str {
        match self {
            Syntax::EofValue => "json-eof-value",
            Syntax::EofObject => "json-eof-object",
            Syntax::EofList => "json-eof-list",
            Syntax::EofString => "json-eof-string",
            Syntax::ExpectedValue => "json-expected-value",
            Syntax::ExpectedColon => "json-expected-colon",
            Syntax::ExpectedCommaOrBrace => "json-expected-comma-or-brace",
            Syntax::ExpectedCommaOrBracket => "json-expected-comma-or-bracket",
            Syntax::ExpectedIdent => "json-expected-ident",
            Syntax::TrailingCharacters => "json-trailing-characters",
            Syntax::TrailingComma => "json-trailing-comma",
            Syntax::KeyNotString => "json-key-not-string",
            Syntax::NumberTooLarge => "json-number-too-large",
            Syntax::InvalidNumber => "json-invalid-number",
            Syntax::InvalidEscape => "json-invalid-escape",
            Syntax::InvalidUnicode => "json-invalid-unicode",
            Syntax::LoneSurrogate => "json-lone-surrogate",
            Syntax::IncompleteEscape => "json-incomplete-escape",
            Syntax::ControlCharacter => "json-control-character",
            Syntax::TooDeep => "json-too-deep",
        }
    }

    /// Every syntax error, for the tests of the words.
    #[cfg(test)]
    pub(crate) const ALL: [Syntax; 20] = [
        Syntax::EofValue,
        Syntax::EofObject,
        Syntax::EofList,
        Syntax::EofString,
        Syntax::ExpectedValue,
        Syntax::ExpectedColon,
        Syntax::ExpectedCommaOrBrace,
        Syntax::ExpectedCommaOrBracket,
        Syntax::ExpectedIdent,
        Syntax::TrailingCharacters,
        Syntax::TrailingComma,
        Syntax::KeyNotString,
        Syntax::NumberTooLarge,
        Syntax::InvalidNumber,
        Syntax::InvalidEscape,
        Syntax::InvalidUnicode,
        Syntax::LoneSurrogate,
        Syntax::IncompleteEscape,
        Syntax::ControlCharacter,
        Syntax::TooDeep,
    ];
}

impl Expected {
    fn id(self) -> &'static str {
        match self {
            Expected::Profile => "what-profile",
            Expected::Contract => "what-contract",
            Expected::FamilyMember => "what-family-member",
            Expected::Family => "what-family",
            Expected::String => "what-string",
            Expected::Date => "what-date",
            Expected::DateOrNull => "what-date-or-null",
            Expected::Bool => "what-bool",
            Expected::Countries => "what-countries",
            Expected::Country => "what-country",
            Expected::Host => "what-host",
            Expected::ContractKind => "what-contract-kind",
            Expected::Relation => "what-relation",
        }
    }

    /// Every kind of value expected, for the tests of the words.
    #[cfg(test)]
    pub(crate) const ALL: [Expected; 13] = [
        Expected::Profile,
        Expected::Contract,
        Expected::FamilyMember,
        Expected::Family,
        Expected::String,
        Expected::Date,
        Expected::DateOrNull,
        Expected::Bool,
        Expected::Countries,
        Expected::Country,
        Expected::Host,
        Expected::ContractKind,
        Expected::Relation,
    ];
}

impl Found {
    fn try_word(&self, lang: Lang) -> Result<String, FormatError> {
        let a = Args::new;
        let (id, args) = match self {
            Found::Null => ("found-null", None),
            Found::Bool(b) => ("found-bool", Some(a().text("value", b.to_string()))),
            Found::Number(n) => ("found-number", Some(a().text("text", n))),
            Found::EmptyString => ("found-empty-string", None),
            Found::String(s) => ("found-string", Some(a().text("text", s))),
            Found::EmptyArray => ("found-empty-array", None),
            Found::Array => ("found-array", None),
            Found::Object => ("found-object", None),
        };
        format(lang, id, args.as_ref().map(|a| &a.0))
    }
}

/// The id and arguments of a date's problem; a day that does not exist
/// says why, in the words of its reason.
fn date_id_and_args(e: &DateError) -> (&'static str, Option<Args>) {
    let a = Args::new;
    match e {
        DateError::Shape(t) => ("date-shape", Some(a().text("text", t))),
        DateError::NotADate(t) => ("date-not-a-date", Some(a().text("text", t))),
        DateError::Unpadded { text, dotted, iso } => (
            "date-unpadded",
            Some(
                a().text("text", text)
                    .text("dotted", dotted)
                    .text("iso", iso),
            ),
        ),
        DateError::NoSuchDay(t) => match crate::dates::no_such_day(t) {
            None => ("date-no-such-day", Some(a().text("text", t))),
            Some(NoSuchDay::NoMonth(month)) => (
                "date-no-such-month",
                Some(a().text("text", t).text("month", format!("{month:02}"))),
            ),
            Some(NoSuchDay::DayZero) => ("date-day-zero", Some(a().text("text", t))),
            Some(NoSuchDay::MonthHas { year, month, days }) => (
                "date-month-days",
                Some(
                    a().text("text", t)
                        .number("month", month)
                        .text("year", format!("{year:04}"))
                        .number("days", days),
                ),
            ),
        },
        DateError::OutOfRange(t) => (
            "date-out-of-range",
            Some(
                a().text("text", t)
                    .text("min", MIN_YEAR.to_string())
                    .text("max", MAX_YEAR.to_string()),
            ),
        ),
    }
}

/// One message of every kind (every Fluent id the code uses), for the
/// tests of the words.
#[cfg(test)]
pub(crate) fn every_kind() -> Vec<Message> {
    let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default();
    let mut all = vec![
        Message::DuplicateKey { key: "a".into() },
        Message::UnknownKey {
            key: "knd".into(),
            keys: &["kind", "start"],
        },
        Message::MustNotBeNull,
        Message::Required(Required::Citizenship),
        Message::Required(Required::Host),
        Message::TooManyCitizenships { count: 11, max: 10 },
        Message::TooManyFamilyMembers {
            count: 101,
            max: 100,
        },
        Message::Date(DateError::Shape("1.3.26".into())),
        Message::Date(DateError::NotADate("x".into())),
        Message::Date(DateError::Unpadded {
            text: "1.3.2026".into(),
            dotted: "01.03.2026".into(),
            iso: "2026-03-01".into(),
        }),
        Message::Date(DateError::NoSuchDay("x".into())),
        Message::Date(DateError::NoSuchDay("2026-13-01".into())),
        Message::Date(DateError::NoSuchDay("2026-03-00".into())),
        Message::Date(DateError::NoSuchDay("2026-02-30".into())),
        Message::Date(DateError::OutOfRange("1800-01-01".into())),
        Message::UnknownCountry { text: "XX".into() },
        Message::UnknownCountry { text: " ".into() },
        Message::NotAContractKind { text: "x".into() },
        Message::NotARelation { text: "x".into() },
        Message::TextTooLong { len: 201, max: 200 },
        Message::ControlCharacter { code: 0x1b },
        Message::AfterAsOf {
            date: d(2026, 3, 2),
            as_of: d(2026, 3, 1),
        },
        Message::BeforeContractStart {
            date: d(2026, 3, 1),
            start: d(2026, 3, 2),
        },
        Message::AfterContractEnd {
            date: d(2026, 3, 2),
            end: d(2026, 3, 1),
        },
        Message::ProfileTooLong { len: 2, max: 1 },
        Message::ProfileTooLarge { max: 1 },
        Message::EmptyProfile,
        Message::Utf16,
        Message::NotUtf8 { byte: 0xff },
        Message::MoreProblems { count: 3 },
        Message::StatelessWithCountry {
            given: "none,KG".into(),
        },
        Message::DidYouMean { text: "a".into() },
        Message::DidYouMeanCountry {
            name: "Kyrgyzstan",
            code: Country::KG,
        },
    ];
    for why in [
        Unreadable::NotFound,
        Unreadable::PermissionDenied,
        Unreadable::IsADirectory,
        Unreadable::Other("input/output error".into()),
        Unreadable::DanglingLink,
        Unreadable::LinkLoop,
        Unreadable::Subdirectory,
        Unreadable::Special(Special::Fifo),
        Unreadable::Special(Special::Socket),
        Unreadable::Special(Special::Device),
        Unreadable::Special(Special::Other),
        Unreadable::NotUtf8 { offset: 7 },
        Unreadable::Changed,
    ] {
        all.push(Message::CannotRead {
            path: None,
            why: why.clone(),
        });
        all.push(Message::CannotRead {
            path: Some("p.json".into()),
            why,
        });
    }
    all.push(Message::Unreadable(Unreadable::NotFound));
    all.push(Message::FileTooLarge { max: 1 });
    for len in [1, 2, 5, 21] {
        all.push(Message::LineTooLong { len, max: 1 });
    }
    all.extend(Syntax::ALL.map(Message::Syntax));
    for what in Expected::ALL {
        for found in [
            Found::Null,
            Found::Bool(true),
            Found::Number("5".into()),
            Found::EmptyString,
            Found::String("s".into()),
            Found::EmptyArray,
            Found::Array,
            Found::Object,
        ] {
            all.push(Message::Expected { what, found });
        }
    }
    all.extend(
        [
            NullAdvice::LeaveOut("entry_date".into()),
            NullAdvice::LeaveOutId,
            NullAdvice::Stateless,
            NullAdvice::Host,
            NullAdvice::AsOf,
            NullAdvice::PermanentResident,
            NullAdvice::Contract,
            NullAdvice::Family,
        ]
        .map(Message::NullAdvice),
    );
    all
}

/// The Fluent ids a message uses, its own and its phrases' (for the
/// tests of the words).
#[cfg(test)]
pub(crate) fn ids_of(m: &Message) -> Vec<&'static str> {
    let mut ids = m
        .id_and_args(Lang::En)
        .map(|(id, _)| vec![id])
        .unwrap_or_default();
    if let Message::Expected { what, found } = m {
        ids.push(what.id());
        ids.push(match found {
            Found::Null => "found-null",
            Found::Bool(_) => "found-bool",
            Found::Number(_) => "found-number",
            Found::EmptyString => "found-empty-string",
            Found::String(_) => "found-string",
            Found::EmptyArray => "found-empty-array",
            Found::Array => "found-array",
            Found::Object => "found-object",
        });
    }
    if let Message::CannotRead { why, .. } | Message::Unreadable(why) = m {
        ids.push(why.id_and_args().0);
        if matches!(why, Unreadable::Special(_)) {
            ids.push("special-kind");
        }
    }
    ids
}
