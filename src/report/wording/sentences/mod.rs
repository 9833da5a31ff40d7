//! Every sentence a person reads that the code puts together, in any
//! language: the engine's reasons, values in running text, the questions
//! for facts the pack has no question for, the interview's progress and
//! why an answer was not taken, the defaults a profile relied on.
//!
//! The code here is the same for every language: it decides which message
//! says a thing and computes the message's arguments (values, labels,
//! dates, and selectors such as `$relation` or `$state` where languages
//! build the sentence differently). The words are in the Fluent files
//! `src/locales/LANG/{reasons,values,asking}.ftl`. The messages without
//! arguments and the small patterns every reason uses (a value after what
//! it is, a country with its code) are read once per language into a
//! [`Vocab`]; each sentence is then one Fluent message.

mod reasons;
#[cfg(test)]
mod tests;

use std::sync::OnceLock;

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentValue};

use super::interview::AnswerProblem;
use crate::country::Country;
use crate::engine::ir::{Field, MemberField, Node, Op, Param, Rule};
use crate::engine::trace::FieldKey;
use crate::engine::value::{Truth, Value};
use crate::engine::Missing;
use crate::locale::{cut, format_pairs, table, word, Cut, Lang, PerLang};
use crate::profile::{ContractKind, Relation, WorkerProfile};

/// A language's voice: its fixed words, and its messages formatted with
/// the arguments this module computes.
#[derive(Clone, Copy)]
pub(crate) struct Voice {
    lang: Lang,
    v: &'static Vocab,
}

/// A language's fixed words for sentences, read once.
struct Vocab {
    /// `label-field-*`, in the order of [`Field::ALL`].
    fields: Vec<String>,
    /// `label-member-*`, in the order of [`MemberField::ALL`].
    members: Vec<String>,
    unknown: String,
    none: String,
    yes: String,
    no: String,
    stateless: String,
    /// `value-kind-*`, in the order of [`ContractKind::ALL`].
    kinds: Vec<String>,
    /// `value-relation-*`, in the order of [`Relation::ALL`].
    relations: Vec<String>,
    family_member: String,
    digit_group_separator: String,
    list_separator: String,
    number: Cut,
    country_with_code: Cut,
    described: Cut,
    in_text_unknown: String,
    in_text_stateless: String,
    /// `in-text-kind-*`, in the order of [`ContractKind::ALL`].
    in_text_kinds: Vec<String>,
    date_not_yet: String,
    unknown_days: String,
    unknown_day: String,
    that_date: String,
    the_list: String,
    event_date: String,
}

/// A name as a message id's part: `contract.kind` -> `contract-kind`.
fn id_part(name: &str) -> String {
    name.replace(['.', '_'], "-")
}

/// The ids of the fixed words of [`Vocab`], for the tests.
#[cfg(test)]
pub(crate) fn vocab_ids() -> Vec<String> {
    let mut ids: Vec<String> = Field::ALL
        .iter()
        .map(|f| format!("label-field-{}", id_part(f.path())))
        .chain(
            MemberField::ALL
                .iter()
                .map(|f| format!("label-member-{}", id_part(f.name()))),
        )
        .chain(ContractKind::ALL.iter().flat_map(|k| {
            ["value-kind-", "in-text-kind-"].map(|p| p.to_owned() + &id_part(k.as_str()))
        }))
        .chain(
            Relation::ALL
                .iter()
                .map(|r| format!("value-relation-{}", r.as_str())),
        )
        .collect();
    ids.extend(FIXED.iter().map(|s| (*s).to_owned()));
    ids
}

/// The ids of [`Vocab`]'s single words, in its fields' order.
const FIXED: [&str; 16] = [
    "value-unknown",
    "value-none",
    "value-yes",
    "value-no",
    "value-stateless",
    "value-family-member",
    "value-digit-group-separator",
    "value-list-separator",
    "in-text-unknown",
    "in-text-stateless",
    "in-text-date-not-yet",
    "in-text-unknown-days",
    "in-text-unknown-day",
    "describe-that-date",
    "describe-the-list",
    "describe-event-date",
];

/// The ids and argument names of the messages read as a [`Cut`].
const FILLERS: [(&str, &[&str]); 3] = [
    ("value-number", &["plain", "grouped"]),
    ("value-country-with-code", &["name", "code"]),
    ("value-described", &["what", "value"]),
];

impl Vocab {
    fn read(lang: Lang) -> Self {
        let w = |id: &str| word(lang, id, None);
        let [unknown, none, yes, no, stateless, family_member, digit_group_separator, list_separator, in_text_unknown, in_text_stateless, date_not_yet, unknown_days, unknown_day, that_date, the_list, event_date] =
            FIXED.map(w);
        let [number, country_with_code, described] =
            FILLERS.map(|(id, names)| cut(lang, id, names));
        Vocab {
            fields: Field::ALL
                .iter()
                .map(|f| w(&format!("label-field-{}", id_part(f.path()))))
                .collect(),
            members: MemberField::ALL
                .iter()
                .map(|f| w(&format!("label-member-{}", id_part(f.name()))))
                .collect(),
            unknown,
            none,
            yes,
            no,
            stateless,
            kinds: ContractKind::ALL
                .iter()
                .map(|k| w(&format!("value-kind-{}", id_part(k.as_str()))))
                .collect(),
            relations: Relation::ALL
                .iter()
                .map(|r| w(&format!("value-relation-{}", r.as_str())))
                .collect(),
            family_member,
            digit_group_separator,
            list_separator,
            number,
            country_with_code,
            described,
            in_text_unknown,
            in_text_stateless,
            in_text_kinds: ContractKind::ALL
                .iter()
                .map(|k| w(&format!("in-text-kind-{}", id_part(k.as_str()))))
                .collect(),
            date_not_yet,
            unknown_days,
            unknown_day,
            that_date,
            the_list,
            event_date,
        }
    }
}

/// The `i`th word of a table read in the order of an `ALL` list.
fn nth(table: &[String], i: Option<usize>) -> &str {
    i.and_then(|i| table.get(i)).map_or("", String::as_str)
}

/// A yes-or-no selector's value.
fn yes_no(b: bool) -> &'static str {
    if b {
        "yes"
    } else {
        "no"
    }
}

#[cfg(test)]
thread_local! {
    /// The messages formatted on this thread, and those that failed, for
    /// the tests that every message formats in every language.
    static SAID: std::cell::RefCell<(Vec<String>, Vec<String>)> = const {
        std::cell::RefCell::new((Vec::new(), Vec::new()))
    };
}

impl Voice {
    /// The voice of `lang`.
    pub(crate) fn of(lang: Lang) -> Self {
        static VOCABS: OnceLock<PerLang<Vocab>> = OnceLock::new();
        Voice {
            lang,
            v: table(&VOCABS, lang, Vocab::read),
        }
    }

    /// The message `id` with `args`; a message the language lacks, or one
    /// that does not format, is taken from English.
    fn say<'a, const N: usize>(
        self,
        id: &str,
        args: [(&'static str, FluentValue<'a>); N],
    ) -> String {
        match format_pairs(self.lang, id, &args) {
            Ok(text) => {
                #[cfg(test)]
                SAID.with(|s| s.borrow_mut().0.push(id.to_owned()));
                text
            }
            Err(_e) => {
                #[cfg(test)]
                SAID.with(|s| {
                    s.borrow_mut()
                        .1
                        .push(format!("{} {id}: {_e:?}", self.lang.code()))
                });
                let args: FluentArgs<'a> = args.into_iter().collect();
                word(Lang::En, id, (N > 0).then_some(&args))
            }
        }
    }

    /// A profile field in words, for explanations: "the date of entry".
    pub(crate) fn field_label(self, field: Field) -> &'static str {
        nth(&self.v.fields, Field::ALL.iter().position(|f| *f == field))
    }

    /// A family member's field in words ("date of birth").
    pub(crate) fn member_label(self, field: MemberField) -> &'static str {
        nth(
            &self.v.members,
            MemberField::ALL.iter().position(|f| *f == field),
        )
    }

    /// The event a rule is dated by, in words ("the date of entry").
    pub(crate) fn event_words(self, on: &Node) -> &'static str {
        match &on.op {
            Op::Field(f) => self.field_label(*f),
            _ => &self.v.event_date,
        }
    }

    /// A contract kind in words.
    fn kind_words(self, kind: ContractKind) -> &'static str {
        nth(
            &self.v.kinds,
            ContractKind::ALL.iter().position(|k| *k == kind),
        )
    }

    /// How a family member is related, in words.
    fn relation_words(self, r: Relation) -> &'static str {
        nth(
            &self.v.relations,
            Relation::ALL.iter().position(|x| *x == r),
        )
    }

    /// A country by name and code: "Kyrgyzstan (KG)".
    pub(crate) fn country_words(self, c: Country) -> String {
        self.v
            .country_with_code
            .fill(&[self.lang.country_name(c), c.code()])
    }

    /// Something described and its value: "the date of entry (2026-03-01)".
    fn described(self, what: &str, value: &str) -> String {
        self.v.described.fill(&[what, value])
    }

    /// 36762500 -> "36,762,500": summaries quote tenge amounts and MCI
    /// counts.
    pub(crate) fn grouped(self, n: i64) -> String {
        let digits = self.grouped_u(n.unsigned_abs());
        if n < 0 {
            format!("-{digits}")
        } else {
            digits
        }
    }

    fn grouped_u(self, n: u64) -> String {
        let digits = n.to_string();
        let separator = &self.v.digit_group_separator;
        let mut out = String::with_capacity(digits.len() * 2);
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(separator);
            }
            out.push(ch);
        }
        out
    }

    /// A number in a reason.
    fn number(self, n: i64) -> String {
        self.v.number.fill(&[&n.to_string(), &self.grouped(n)])
    }

    /// A value as a caseworker reads it.
    pub(crate) fn show(self, value: Value<'_>) -> String {
        let v = self.v;
        match value {
            Value::Unknown => v.unknown.clone(),
            Value::Null => v.none.clone(),
            Value::Bool(true) => v.yes.clone(),
            Value::Bool(false) => v.no.clone(),
            Value::Int(i) => self.number(i),
            Value::Date(d) => d.to_string(),
            Value::Country(c) => c.code().to_owned(),
            Value::Kind(k) => self.kind_words(k).to_owned(),
            Value::Relation(r) => self.relation_words(r).to_owned(),
            Value::Text(t) => t.clone(),
            Value::Countries(cs) if cs.is_empty() => v.stateless.clone(),
            Value::Countries(cs) => cs
                .iter()
                .map(|c| c.code())
                .collect::<Vec<_>>()
                .join(&v.list_separator),
            Value::Family(f) => self.say("value-family", [("count", f.len().into())]),
            Value::Member(m) => m
                .relation
                .map_or(v.family_member.as_str(), |r| self.relation_words(r))
                .to_owned(),
        }
    }

    /// A fact in running text: countries by name, a contract kind as a
    /// noun phrase ("you work under a civil-law contract"), large numbers
    /// grouped.
    pub(crate) fn show_fact(self, value: Value<'_>) -> String {
        let v = self.v;
        match value {
            Value::Country(c) => self.lang.country_name(c).to_owned(),
            Value::Countries(cs) if cs.is_empty() => v.in_text_stateless.clone(),
            Value::Countries(cs) => {
                let names: Vec<&str> = cs.iter().map(|c| self.lang.country_name(*c)).collect();
                match names.split_last() {
                    Some((last, rest)) if !rest.is_empty() => self.say(
                        "in-text-list-and",
                        [
                            ("first", rest.join(&v.list_separator).into()),
                            ("last", (*last).into()),
                        ],
                    ),
                    _ => names.concat(),
                }
            }
            Value::Kind(k) => nth(
                &v.in_text_kinds,
                ContractKind::ALL.iter().position(|x| *x == k),
            )
            .to_owned(),
            Value::Int(i) => self.grouped(i),
            Value::Unknown => v.in_text_unknown.clone(),
            other => self.show(other),
        }
    }

    /// A kind of work of the pack's occupations table ("medical"), as an
    /// adjective in running text; a name the language does not know is
    /// shown as it is.
    pub(crate) fn kind_of_work(self, name: &str) -> String {
        self.say("in-text-kind-of-work", [("name", name.into())])
    }

    /// A summary's date that needs a fact the report asks for.
    pub(crate) fn date_not_yet(self) -> &'static str {
        &self.v.date_not_yet
    }

    /// `{days_since.F}` when F is unknown.
    pub(crate) fn unknown_days(self) -> &'static str {
        &self.v.unknown_days
    }

    /// `{day_number.F}` when F is unknown.
    pub(crate) fn unknown_day(self) -> &'static str {
        &self.v.unknown_day
    }

    /// A family member in a question: "family member 1 (child)".
    pub(crate) fn member_words(self, number: usize, relation: Option<Relation>) -> String {
        match relation {
            Some(r) => self.say(
                "ask-family-member-relation",
                [
                    ("number", number.into()),
                    ("relation", self.relation_words(r).into()),
                ],
            ),
            None => self.say("ask-family-member", [("number", number.into())]),
        }
    }

    /// The question for a missing fact when the pack has none for it.
    pub(crate) fn question_fallback(self, m: &Missing) -> String {
        let what = match m.field {
            FieldKey::Profile(f) => self.field_label(f),
            FieldKey::Member(f) => self.member_label(f),
        };
        match m.member {
            Some(i) => self.say(
                "ask-fallback-member",
                [
                    ("what", what.into()),
                    (
                        "member",
                        self.member_words(i.saturating_add(1), None).into(),
                    ),
                ],
            ),
            None => self.say("ask-fallback", [("what", what.into())]),
        }
    }

    /// Where the interview is: the question's number and about how many
    /// are left after it, when that can be told.
    pub(crate) fn progress(self, number: usize, left: Option<usize>) -> String {
        match left {
            None => self.say("ask-progress", [("number", number.into())]),
            Some(0) => self.say("ask-progress-last", [("number", number.into())]),
            Some(left) => self.say(
                "ask-progress-left",
                [("number", number.into()), ("left", left.into())],
            ),
        }
    }

    /// Why an answer was not taken.
    pub(crate) fn answer_problem(self, p: &AnswerProblem) -> String {
        let q = |t: &str| FluentValue::from(crate::json::quote(t));
        let n = |n: &usize| FluentValue::from(n.to_string());
        let d = |d: &NaiveDate| FluentValue::from(d.to_string());
        match p {
            AnswerProblem::Empty => self.say("ask-problem-empty", []),
            AnswerProblem::NotADate(t) => self.say("ask-problem-not-a-date", [("text", q(t))]),
            AnswerProblem::Unpadded { text, dotted, iso } => self.say(
                "ask-problem-unpadded",
                [
                    ("text", q(text)),
                    ("dotted", dotted.as_str().into()),
                    ("iso", iso.as_str().into()),
                ],
            ),
            AnswerProblem::NoSuchDay(t) => self.say("ask-problem-no-such-day", [("text", q(t))]),
            AnswerProblem::OutOfRange(t) => self.say(
                "ask-problem-out-of-range",
                [
                    ("text", q(t)),
                    ("min", crate::dates::MIN_YEAR.to_string().into()),
                    ("max", crate::dates::MAX_YEAR.to_string().into()),
                ],
            ),
            AnswerProblem::NotACountry {
                text,
                meant: Some((name, code)),
            } => self.say(
                "ask-problem-country-meant",
                [
                    ("text", q(text)),
                    ("name", name.as_str().into()),
                    ("code", code.as_str().into()),
                ],
            ),
            AnswerProblem::NotACountry { text, meant: None } => {
                self.say("ask-problem-not-a-country", [("text", q(text))])
            }
            AnswerProblem::TooManyCountries(max) => {
                self.say("ask-problem-too-many-countries", [("max", n(max))])
            }
            AnswerProblem::NotAChoice { text, count } => self.say(
                "ask-problem-not-a-choice",
                [("text", q(text)), ("count", n(count))],
            ),
            AnswerProblem::NotYesNo(t) => self.say("ask-problem-not-yes-no", [("text", q(t))]),
            AnswerProblem::NotACount { text, max } => self.say(
                "ask-problem-not-a-count",
                [("text", q(text)), ("max", n(max))],
            ),
            AnswerProblem::TooLong => self.say("ask-problem-too-long", []),
            AnswerProblem::AfterAsOf { date, as_of } => self.say(
                "ask-problem-after-as-of",
                [("date", d(date)), ("as-of", d(as_of))],
            ),
            AnswerProblem::EndBeforeStart { end, start } => self.say(
                "ask-problem-end-before-start",
                [("end", d(end)), ("start", d(start))],
            ),
            AnswerProblem::StartAfterEnd { start, end } => self.say(
                "ask-problem-start-after-end",
                [("start", d(start)), ("end", d(end))],
            ),
            AnswerProblem::CitizenshipNeeded => self.say("ask-problem-citizenship-needed", []),
            AnswerProblem::NothingToUndo => self.say("ask-problem-nothing-to-undo", []),
            AnswerProblem::NotAFormat(t) => self.say("ask-problem-not-a-format", [("text", q(t))]),
            AnswerProblem::FileExists(path) => {
                self.say("ask-problem-file-exists", [("path", path.as_str().into())])
            }
            AnswerProblem::CannotWrite { path, why } => self.say(
                "ask-problem-cannot-write",
                [("path", path.as_str().into()), ("why", why.as_str().into())],
            ),
            AnswerProblem::Other(why) => self.say(
                "ask-problem-other",
                [("why", why.messages(self.lang).into())],
            ),
        }
    }

    /// The defaults a profile relied on, as sentences a user can check.
    pub(crate) fn assumptions(self, p: &WorkerProfile) -> Vec<String> {
        let mut out = Vec::new();
        if p.assumed.as_of {
            out.push(self.say(
                "reason-assumed-as-of",
                [("day", p.as_of.to_string().into())],
            ));
        }
        if p.assumed.host {
            out.push(self.say(
                "reason-assumed-host",
                [("host", self.country_words(p.host).into())],
            ));
        }
        let has_contract = p.contract.kind != Some(ContractKind::None);
        if p.assumed.terminated_on && has_contract {
            out.push(self.say("reason-assumed-not-terminated", []));
        }
        if p.assumed.permanent_resident {
            out.push(self.say(
                "reason-assumed-no-permanent-residence",
                [("code", p.host.code().into())],
            ));
        }
        out
    }

    /// Why a rule is not in force on the assessment date.
    pub(crate) fn not_in_force(self, rule: &Rule, as_of: NaiveDate) -> String {
        let (from, day) = (rule.in_force_from.to_string(), as_of.to_string());
        match rule.in_force_to.and_then(|to| to.pred_opt()) {
            Some(last) => self.say(
                if as_of > last {
                    "reason-not-in-force-ended"
                } else {
                    "reason-not-in-force-later"
                },
                [
                    ("from", from.into()),
                    ("last", last.to_string().into()),
                    ("day", day.into()),
                ],
            ),
            None => self.say(
                "reason-not-in-force-not-yet",
                [("from", from.into()), ("day", day.into())],
            ),
        }
    }

    /// Years the pack does not encode; `earlier` is the rule's own text.
    pub(crate) fn not_encoded(self, from: NaiveDate, as_of: NaiveDate, earlier: &str) -> String {
        self.say(
            "reason-not-encoded",
            [
                ("from", from.to_string().into()),
                ("day", as_of.to_string().into()),
                ("earlier", earlier.into()),
            ],
        )
    }

    /// Another host state's national rule.
    pub(crate) fn foreign_host(self, host: Country, own: Country) -> String {
        self.say(
            "reason-foreign-host",
            [
                ("host", self.lang.country_name(host).into()),
                ("own", self.lang.country_name(own).into()),
            ],
        )
    }

    /// A parameter whose latest value was carried forward past its period
    /// (`label`: its label in this language).
    pub(crate) fn carried(self, label: &str, param: &Param) -> String {
        let latest = param.values.last();
        match (latest, param.known_until.and_then(|u| u.pred_opt())) {
            (Some((from, lit)), Some(last)) => self.say(
                "reason-carried-forward",
                [
                    ("label", label.into()),
                    ("last", last.to_string().into()),
                    ("value", self.show(Value::of_lit(lit)).into()),
                    ("from", from.to_string().into()),
                ],
            ),
            _ => self.say("reason-carried-missing", [("label", label.into())]),
        }
    }

    /// The test that a rule's event falls in its period (`from`: its start).
    pub(crate) fn event(
        self,
        on: Option<&Node>,
        event: Value<'_>,
        day: Value<'_>,
        from: bool,
        truth: Truth,
    ) -> String {
        let label = on.map_or(self.v.event_date.as_str(), |on| self.event_words(on));
        let truth = match truth {
            Truth::True => "true",
            Truth::False => "false",
            Truth::Unknown => "unknown",
        };
        self.say(
            "reason-event",
            [
                ("bound", if from { "from" } else { "to" }.into()),
                ("truth", truth.into()),
                ("label", label.into()),
                ("event", self.show_fact(event).into()),
                ("day", self.show_fact(day).into()),
            ],
        )
    }
}
