//! English: every sentence a person reads, put together from the engine's
//! reasons, the pack's texts and the profile's facts.
//!
//! Each sentence states a fact ("the contract kind is civil-law, not
//! employment"), so it reads right whichever way the condition went.

mod reasons;

use chrono::NaiveDate;

use super::interview::AnswerProblem;
use super::{Comparison, Labels, Speech};
use crate::country::Country;
use crate::engine::ir::{
    CmpOp, DatedSet, DayCount, Field, MemberField, Node, Op, ParamId, Rule, RulePack, SetSrc, Unit,
};
use crate::engine::reason::Guarantee;
use crate::engine::semantics::member_on;
use crate::engine::trace::FieldKey;
use crate::engine::value::{same, Truth, Value};
use crate::engine::Missing;
use crate::profile::{ContractKind, Relation, WorkerProfile};
use reasons::*;

/// English.
pub(crate) struct En;

impl Speech for En {
    fn kind_of_work<'n>(&self, name: &'n str) -> &'n str {
        // The pack's names are English words.
        name
    }
    fn compare(&self, l: &Labels<'_>, c: &Comparison<'_, '_>) -> String {
        cmp_sentence(l.pack, c.op, c.lhs, c.left, c.rhs, c.right, c.truth)
    }
    fn settled(&self, l: &Labels<'_>, c: &Comparison<'_, '_>, g: Guarantee) -> String {
        settled_sentence(l.pack, c.op, c.lhs, c.left, c.rhs, c.right, c.truth, g)
    }
    fn within(
        &self,
        l: &Labels<'_>,
        item: &Node,
        v: Value<'_>,
        set: &SetSrc,
        found: bool,
    ) -> String {
        in_sentence(l.pack, item, v, set, found)
    }
    fn member(
        &self,
        l: &Labels<'_>,
        set: &DatedSet,
        v: Value<'_>,
        day: NaiveDate,
        truth: bool,
    ) -> String {
        member_sentence(l.pack, set, v, day, truth)
    }
    fn is_null(&self, node: &Node, v: Value<'_>) -> String {
        null_sentence(node, v)
    }
    fn empty_list(&self, list: &Node) -> String {
        empty_list_sentence(list)
    }
    fn fact(&self, field: Field, v: Value<'_>) -> String {
        truth_fact_sentence(field, v)
    }
    fn last_day(
        &self,
        l: &Labels<'_>,
        start: &Node,
        from: NaiveDate,
        days: i64,
        last: NaiveDate,
    ) -> String {
        last_day_sentence(l.pack, start, from, days, last)
    }
    fn not_in_force(&self, rule: &Rule, as_of: NaiveDate) -> String {
        not_in_force_sentence(rule, as_of)
    }
    fn not_encoded(&self, from: NaiveDate, as_of: NaiveDate, earlier: &str) -> String {
        format!(
            "this tool covers this provision only from {from}; the assessment date {as_of} is before that, so it is not assessed here. {earlier}"
        )
    }
    fn foreign_host(&self, host: Country, own: Country) -> String {
        format!(
            "the host state is {}, not {}: {}'s national rules apply only to work there",
            super::Lang::En.country_name(host),
            super::Lang::En.country_name(own),
            super::Lang::En.country_name(own)
        )
    }
    fn carried(&self, l: &Labels<'_>, param: ParamId) -> String {
        let p = l.pack.param(param);
        carried_sentence(l.of(&p.name, &p.label), p)
    }
    fn event(
        &self,
        on: Option<&Node>,
        event: Value<'_>,
        day: Value<'_>,
        from: bool,
        truth: Truth,
    ) -> String {
        let label = on.map_or("the date of the event", event_words);
        let (event, day) = (show_fact(event), show_fact(day));
        match (from, truth) {
            (true, Truth::True) => format!("{label} ({event}) is on or after {day}, when this provision took effect"),
            (true, Truth::False) => format!("{label} ({event}) is before {day}, when this provision took effect: the rules in force on that date govern it"),
            (true, Truth::Unknown) => format!("{label} is not known, so it cannot be said whether this provision, in force from {day}, governs your case"),
            (false, Truth::True) => format!("{label} ({event}) is before {day}, when this provision was replaced"),
            (false, Truth::False) => format!("{label} ({event}) is on or after {day}, when this provision was replaced: the rules in force on that date govern it"),
            (false, Truth::Unknown) => format!("{label} is not known, so it cannot be said whether this provision, replaced on {day}, governs your case"),
        }
    }
    fn show_fact(&self, v: Value<'_>) -> String {
        show_fact(v)
    }
    fn date_not_yet(&self) -> &'static str {
        "a date we can give once you answer the questions in this report"
    }
    fn unknown_days(&self) -> &'static str {
        "an unknown number of"
    }
    fn unknown_day(&self) -> &'static str {
        "an unknown day"
    }
    fn member_words(&self, number: usize, relation: Option<Relation>) -> String {
        match relation {
            Some(r) => format!("family member {number} ({})", r.as_str()),
            None => format!("family member {number}"),
        }
    }
    fn question_fallback(&self, m: &Missing) -> String {
        let label = match m.field {
            FieldKey::Profile(f) => field_label(f),
            FieldKey::Member(f) => member_label(f),
        };
        match m.member {
            Some(i) => format!(
                "Please give {label} of {}.",
                self.member_words(i.saturating_add(1), None)
            ),
            None => format!("Please give {label}."),
        }
    }
    fn answer_problem(&self, p: &AnswerProblem) -> String {
        answer_problem(p)
    }
    fn progress(&self, number: usize, left: Option<usize>) -> String {
        match left {
            None => format!("Question {number}"),
            Some(0) => format!("Question {number}, probably the last"),
            Some(left) => format!("Question {number}, about {left} left"),
        }
    }
    fn assumptions(&self, p: &WorkerProfile) -> Vec<String> {
        assumptions(p)
    }
}

/// A profile field in words, for explanations: "the date of entry".
pub(crate) fn field_label(field: Field) -> &'static str {
    match field {
        Field::Citizenship => "the citizenship",
        Field::Host => "the host state",
        Field::EntryDate => "the date of entry",
        Field::AsOf => "the assessment date",
        Field::ContractKind => "the contract kind",
        Field::ContractStart => "the contract start",
        Field::ContractEnd => "the contract end",
        Field::TerminatedOn => "the date the contract was terminated early",
        Field::EffectiveEnd => "the day the contract ends or ended",
        Field::Occupation => "the occupation",
        Field::OccupationCategory => "the kind of work",
        Field::Registered => "registration with the migration authority",
        Field::PermanentResident => "a permanent residence permit of the host state",
        Field::Family => "the family",
    }
}

/// A family member's field in words ("date of birth").
fn member_label(field: MemberField) -> &'static str {
    match field {
        MemberField::Relation => "relation",
        MemberField::BirthDate => "date of birth",
        MemberField::Citizenship => "citizenship",
    }
}

/// The event a rule is dated by, in words ("the date of entry").
pub(crate) fn event_words(on: &Node) -> &'static str {
    match &on.op {
        Op::Field(f) => field_label(*f),
        _ => "the date of the event",
    }
}

/// Why a rule is not in force on the assessment date.
fn not_in_force_sentence(rule: &Rule, as_of: NaiveDate) -> String {
    let from = rule.in_force_from;
    match rule.in_force_to.and_then(|to| to.pred_opt()) {
        Some(last) if as_of > last => format!(
            "this provision applied from {from} to {last}; the assessment date {as_of} is after that"
        ),
        Some(last) => format!(
            "this provision applies from {from} to {last}; the assessment date {as_of} is before that"
        ),
        None => format!("this provision applies from {from}; the assessment date {as_of} is before that"),
    }
}

/// A parameter whose latest value was carried forward past its period.
fn carried_sentence(label: &str, param: &crate::engine::ir::Param) -> String {
    let latest = param.values.last();
    match (latest, param.known_until.and_then(|u| u.pred_opt())) {
        (Some((from, lit)), Some(last)) => format!(
            "{} is known to this rule pack only until {last}: the latest known value, {}, in force from {from}, is used for later dates; check the current value",
            label,
            show(Value::of_lit(lit))
        ),
        _ => format!("{label} is not in this rule pack for the assessment date"),
    }
}

/// A value as a caseworker reads it.
pub(crate) fn show(value: Value<'_>) -> String {
    match value {
        Value::Unknown => "unknown".to_owned(),
        Value::Null => "none".to_owned(),
        Value::Bool(true) => "yes".to_owned(),
        Value::Bool(false) => "no".to_owned(),
        Value::Int(i) => i.to_string(),
        Value::Date(d) => d.to_string(),
        Value::Country(c) => c.code().to_owned(),
        Value::Kind(k) => kind_words(k).to_owned(),
        Value::Relation(r) => r.as_str().to_owned(),
        Value::Text(t) => t.clone(),
        Value::Countries(cs) if cs.is_empty() => "none (stateless)".to_owned(),
        Value::Countries(cs) => cs.iter().map(|c| c.code()).collect::<Vec<_>>().join(", "),
        Value::Family(f) => format!("{} member(s)", f.len()),
        Value::Member(m) => m
            .relation
            .map_or("family member", |r| r.as_str())
            .to_owned(),
    }
}

/// A contract kind in words.
pub(crate) fn kind_words(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Employment => "employment",
        ContractKind::CivilLaw => "civil-law",
        ContractKind::None => "none",
    }
}

/// A country by name and code: "Kyrgyzstan (KG)".
pub(crate) fn country_words(c: Country) -> String {
    format!("{} ({})", super::Lang::En.country_name(c), c.code())
}

/// A fact in running text: countries by name, a contract kind as a noun
/// phrase ("you work under a civil-law contract"), large numbers grouped.
fn show_fact(v: Value<'_>) -> String {
    match v {
        Value::Country(c) => super::Lang::En.country_name(c).to_owned(),
        Value::Countries(cs) if cs.is_empty() => "no state (stateless)".to_owned(),
        Value::Countries(cs) => {
            let names: Vec<&str> = cs
                .iter()
                .map(|c| super::Lang::En.country_name(*c))
                .collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} and {last}", rest.join(", "))
                }
                _ => names.concat(),
            }
        }
        Value::Kind(k) => match k {
            ContractKind::Employment => "an employment contract",
            ContractKind::CivilLaw => "a civil-law contract",
            ContractKind::None => "no contract",
        }
        .to_owned(),
        Value::Int(i) => grouped(i),
        Value::Unknown => "(unknown)".to_owned(),
        other => show(other),
    }
}

/// 36762500 -> "36,762,500": summaries quote tenge amounts and MCI counts.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The defaults a profile relied on, as sentences a user can check.
fn assumptions(p: &WorkerProfile) -> Vec<String> {
    let mut out = Vec::new();
    if p.assumed.as_of {
        out.push(format!("assessed as of today, {}", p.as_of));
    }
    if p.assumed.host {
        out.push(format!(
            "assumed the host state is {} ({})",
            super::Lang::En.country_name(p.host),
            p.host.code()
        ));
    }
    let has_contract = p.contract.kind != Some(crate::profile::ContractKind::None);
    if p.assumed.terminated_on && has_contract {
        out.push("assumed the contract has not been terminated early".to_owned());
    }
    if p.assumed.permanent_resident {
        out.push(format!(
            "assumed you do not hold a permanent residence permit in {}",
            p.host.code()
        ));
    }
    out
}

/// Why an answer was not taken, in English.
fn answer_problem(p: &AnswerProblem) -> String {
    let q = |t: &str| crate::json::quote(t);
    match p {
        AnswerProblem::Empty => "Please type an answer, or ? if you do not know.".to_owned(),
        AnswerProblem::NotADate(t) => format!("\"{}\" is not a date. Write it as 2026-03-01 or 01.03.2026 (day first).", q(t)),
        AnswerProblem::Unpadded { text, dotted, iso } => format!("\"{}\" is not clear. Write the day and the month with two digits: {dotted}, or {iso}.", q(text)),
        AnswerProblem::NoSuchDay(t) => format!("\"{}\" is not a day of the calendar. Check the day and the month.", q(t)),
        AnswerProblem::OutOfRange(t) => format!("\"{}\" is too far in the past or the future: years {} to {} are accepted.", q(t), crate::dates::MIN_YEAR, crate::dates::MAX_YEAR),
        AnswerProblem::NotACountry { text, meant: Some((name, code)) } => format!("\"{}\" is not a country we know. Did you mean {name} ({code})?", q(text)),
        AnswerProblem::NotACountry { text, meant: None } => format!("\"{}\" is not a country we know. Type its name in English or Russian, or its two-letter code, such as KG.", q(text)),
        AnswerProblem::TooManyCountries(max) => format!("That is more than {max} countries. Type at most {max}."),
        AnswerProblem::NotAChoice { text, count } => format!("\"{}\" is not one of the answers. Type a number from 1 to {count}, or the words.", q(text)),
        AnswerProblem::NotYesNo(t) => format!("\"{}\" is not yes or no.", q(t)),
        AnswerProblem::NotACount { text, max } => format!("\"{}\" is not a number from 0 to {max}.", q(text)),
        AnswerProblem::TooLong => "That is too long. Please say it in fewer words.".to_owned(),
        AnswerProblem::AfterAsOf { date, as_of } => format!("{date} is after the date of this assessment, {as_of}. Check the date."),
        AnswerProblem::EndBeforeStart { end, start } => format!("{end} is before the start of your contract, {start}. Check the date."),
        AnswerProblem::StartAfterEnd { start, end } => format!("{start} is after the end of your contract, {end}. Check the date."),
        AnswerProblem::CitizenshipNeeded => "We need your citizenship to say anything about your rights. If you hold none, type none.".to_owned(),
        AnswerProblem::NothingToUndo => "This is the first question: there is no answer to change yet.".to_owned(),
        AnswerProblem::NotAFormat(t) => format!("\"{}\" is not one of the formats. Type its number, or press Enter to finish without saving.", q(t)),
        AnswerProblem::FileExists(path) => format!("{path} already exists, and we do not replace it. Type another name."),
        AnswerProblem::CannotWrite { path, why } => format!("We could not write {path}: {why}. Type another name."),
        AnswerProblem::Other(why) => format!("That answer does not fit your other answers: {}.", why.messages(crate::report::Lang::En)),
    }
}

#[cfg(test)]
mod tests;
