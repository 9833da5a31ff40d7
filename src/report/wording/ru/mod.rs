//! Russian: every sentence a person reads, put together from the engine's
//! reasons, the pack's texts and the profile's facts; sentence for sentence
//! the counterpart of `en.rs`, with the same facts.
//!
//! Russian declines nouns, and the pack's labels (from the language file)
//! and the profile's facts come in one form only: a set's or a parameter's
//! label in the nominative, a dated set's in the instrumental (it follows
//! «является»), a country's name in the nominative. So every sentence is
//! built to keep what it quotes in that form: «{label}: …», «X раньше,
//! чем Y», «считая от события «Y»», a name in parentheses after the noun it
//! explains («в государство трудоустройства (Казахстан)»), never a case
//! ending glued to a quoted name. Terms follow the official Russian text of
//! the Treaty on the EAEU: «трудящийся государства-члена», «государство
//! трудоустройства», «члены семьи»; the permanent residence permit is
//! «вид на жительство». Dates are ISO (`2026-03-30`), as in English.

mod reasons;

use chrono::NaiveDate;

use super::interview::AnswerProblem;
use super::{Comparison, Labels, Speech};
use crate::country::Country;
use crate::engine::ir::{
    CmpOp, DatedSet, DayCount, Field, MemberField, Node, Op, ParamId, Rule, SetSrc, Unit,
};
use crate::engine::reason::Guarantee;
use crate::engine::semantics::member_on;
use crate::engine::trace::FieldKey;
use crate::engine::value::{same, Truth, Value};
use crate::engine::Missing;
use crate::profile::{ContractKind, Relation, WorkerProfile};
use reasons::*;

/// Russian.
pub(crate) struct Ru;

impl Speech for Ru {
    fn kind_of_work<'n>(&self, name: &'n str) -> &'n str {
        kind_of_work(name)
    }
    fn compare(&self, l: &Labels<'_>, c: &Comparison<'_, '_>) -> String {
        cmp_sentence(l, c.op, c.lhs, c.left, c.rhs, c.right, c.truth)
    }
    fn settled(&self, l: &Labels<'_>, c: &Comparison<'_, '_>, g: Guarantee) -> String {
        settled_sentence(l, c.op, c.lhs, c.left, c.rhs, c.right, c.truth, g)
    }
    fn within(
        &self,
        l: &Labels<'_>,
        item: &Node,
        v: Value<'_>,
        set: &SetSrc,
        found: bool,
    ) -> String {
        in_sentence(l, item, v, set, found)
    }
    fn member(
        &self,
        l: &Labels<'_>,
        set: &DatedSet,
        v: Value<'_>,
        day: NaiveDate,
        truth: bool,
    ) -> String {
        member_sentence(l, set, v, day, truth)
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
        last_day_sentence(l, start, from, days, last)
    }
    fn not_in_force(&self, rule: &Rule, as_of: NaiveDate) -> String {
        not_in_force_sentence(rule, as_of)
    }
    fn not_encoded(&self, from: NaiveDate, as_of: NaiveDate, earlier: &str) -> String {
        format!(
            "эта норма учтена здесь только с {from}; дата оценки {as_of} — раньше, поэтому норма не оценивается. {earlier}"
        )
    }
    fn foreign_host(&self, host: Country, own: Country) -> String {
        format!(
            "государство трудоустройства — {}, а не {}: национальные нормы, которые устанавливает {}, применяются только к работе в этом государстве",
            country_name(host),
            country_name(own),
            country_name(own)
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
        let label = on.map_or("дата события", event_words);
        let (event, day) = (show_fact(event), show_fact(day));
        match (from, truth) {
            (true, Truth::True) => format!("{label} ({event}) — не раньше {day}, когда эта норма вступила в силу"),
            (true, Truth::False) => format!("{label} ({event}) — раньше {day}, когда эта норма вступила в силу: к этому случаю применяются нормы, действующие на {event}"),
            (true, Truth::Unknown) => format!("{label}: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, действующая с {day}"),
            (false, Truth::True) => format!("{label} ({event}) — раньше {day}, когда эту норму заменили"),
            (false, Truth::False) => format!("{label} ({event}) — не раньше {day}, когда эту норму заменили: к этому случаю применяются нормы, действующие на {event}"),
            (false, Truth::Unknown) => format!("{label}: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, которую заменили {day}"),
        }
    }
    fn show_fact(&self, v: Value<'_>) -> String {
        show_fact(v)
    }
    fn date_not_yet(&self) -> &'static str {
        "(дату мы сможем назвать, когда вы ответите на вопросы этого отчёта)"
    }
    fn unknown_days(&self) -> &'static str {
        "неизвестное число"
    }
    fn unknown_day(&self) -> &'static str {
        "(номер неизвестен)"
    }
    fn member_words(&self, number: usize, relation: Option<Relation>) -> String {
        match relation {
            Some(r) => format!("член семьи {number} ({})", relation_words(r)),
            None => format!("член семьи {number}"),
        }
    }
    fn question_fallback(&self, m: &Missing) -> String {
        let label = match m.field {
            FieldKey::Profile(f) => field_label(f),
            FieldKey::Member(f) => member_label(f),
        };
        match m.member {
            Some(i) => format!(
                "Укажите: {label} ({}).",
                self.member_words(i.saturating_add(1), None)
            ),
            None => format!("Укажите: {label}."),
        }
    }
    fn answer_problem(&self, p: &AnswerProblem) -> String {
        answer_problem(p)
    }
    fn progress(&self, number: usize, left: Option<usize>) -> String {
        match left {
            None => format!("Вопрос {number}"),
            Some(0) => format!("Вопрос {number}, вероятно, последний"),
            Some(left) => format!("Вопрос {number}, осталось около {left}"),
        }
    }
    fn assumptions(&self, p: &WorkerProfile) -> Vec<String> {
        assumptions(p)
    }
}

/// A profile field in words, in the nominative: «дата въезда».
pub(crate) fn field_label(field: Field) -> &'static str {
    match field {
        Field::Citizenship => "гражданство",
        Field::Host => "государство трудоустройства",
        Field::EntryDate => "дата въезда",
        Field::AsOf => "дата оценки",
        Field::ContractKind => "вид договора",
        Field::ContractStart => "дата начала договора",
        Field::ContractEnd => "дата окончания договора",
        Field::TerminatedOn => "дата досрочного расторжения договора",
        Field::EffectiveEnd => "день окончания или досрочного расторжения договора",
        Field::Occupation => "род занятий",
        Field::OccupationCategory => "вид работы",
        Field::Registered => "регистрация в миграционном органе",
        Field::PermanentResident => "вид на жительство государства трудоустройства",
        Field::Family => "члены семьи",
    }
}

/// A family member's field, in the nominative («дата рождения»).
fn member_label(field: MemberField) -> &'static str {
    match field {
        MemberField::Relation => "степень родства",
        MemberField::BirthDate => "дата рождения",
        MemberField::Citizenship => "гражданство",
    }
}

/// The event a rule is dated by, in words («дата въезда»).
pub(crate) fn event_words(on: &Node) -> &'static str {
    match &on.op {
        Op::Field(f) => field_label(*f),
        _ => "дата события",
    }
}

/// Why a rule is not in force on the assessment date.
fn not_in_force_sentence(rule: &Rule, as_of: NaiveDate) -> String {
    let from = rule.in_force_from;
    match rule.in_force_to.and_then(|to| to.pred_opt()) {
        Some(last) if as_of > last => {
            format!("эта норма действовала с {from} по {last}; дата оценки {as_of} — позже")
        }
        Some(last) => {
            format!("эта норма действует с {from} по {last}; дата оценки {as_of} — раньше")
        }
        None => format!("эта норма действует с {from}; дата оценки {as_of} — раньше"),
    }
}

/// A parameter whose latest value was carried forward past its period.
fn carried_sentence(label: &str, param: &crate::engine::ir::Param) -> String {
    let latest = param.values.last();
    match (latest, param.known_until.and_then(|u| u.pred_opt())) {
        (Some((from, lit)), Some(last)) => format!(
            "{label}: в этом наборе правил значение есть только по {last}; для более поздних дат используется последнее известное значение — {}, действующее с {from}; проверьте текущее значение",
            show(Value::of_lit(lit))
        ),
        _ => format!("{label}: в этом наборе правил нет значения на дату оценки"),
    }
}

/// A value as a caseworker reads it, in the nominative.
pub(crate) fn show(value: Value<'_>) -> String {
    match value {
        Value::Unknown => "неизвестно".to_owned(),
        Value::Null => "нет".to_owned(),
        Value::Bool(true) => "да".to_owned(),
        Value::Bool(false) => "нет".to_owned(),
        Value::Int(i) => grouped(i),
        Value::Date(d) => d.to_string(),
        Value::Country(c) => c.code().to_owned(),
        Value::Kind(k) => kind_words(k).to_owned(),
        Value::Relation(r) => relation_words(r).to_owned(),
        Value::Text(t) => t.clone(),
        Value::Countries(cs) if cs.is_empty() => "нет (лицо без гражданства)".to_owned(),
        Value::Countries(cs) => cs.iter().map(|c| c.code()).collect::<Vec<_>>().join(", "),
        Value::Family(f) => {
            let n = f.len();
            let count = u64::try_from(n).unwrap_or(u64::MAX);
            format!(
                "{n} {}",
                plural(count, "член семьи", "члена семьи", "членов семьи")
            )
        }
        Value::Member(m) => m.relation.map_or("член семьи", relation_words).to_owned(),
    }
}

/// A kind of work of the pack's occupations table, as the feminine
/// adjective that goes with «деятельность» (the Treaty's word in Art.
/// 97(3)): «медицинская деятельность».
fn kind_of_work(name: &str) -> &str {
    match name {
        "pedagogical" => "педагогическая",
        "legal" => "юридическая",
        "medical" => "медицинская",
        "pharmaceutical" => "фармацевтическая",
        "other" => "другая",
        other => other,
    }
}

/// A contract kind in words, in the nominative.
pub(crate) fn kind_words(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Employment => "трудовой договор",
        ContractKind::CivilLaw => "гражданско-правовой договор",
        ContractKind::None => "нет договора",
    }
}

/// How a family member is related to the worker, in the nominative.
pub(crate) fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Child => "ребёнок",
        Relation::Spouse => "супруг(а)",
        Relation::Parent => "родитель",
        Relation::Sibling => "брат или сестра",
        Relation::Dependant => "иждивенец",
        Relation::Other => "другой родственник",
    }
}

/// A country's Russian name, as the country table gives it (CLDR's, or
/// a documented exception such as «Кыргызстан»).
pub(crate) fn country_name(c: Country) -> &'static str {
    super::Lang::Ru.country_name(c)
}

/// A country by name and code: «Кыргызстан (KG)».
pub(crate) fn country_words(c: Country) -> String {
    format!("{} ({})", country_name(c), c.code())
}

/// A fact in running text, in the nominative (the pack's Russian texts put
/// placeholders where the nominative reads right): countries by name, a
/// contract kind as a noun phrase, large numbers grouped.
fn show_fact(v: Value<'_>) -> String {
    match v {
        Value::Country(c) => country_name(c).to_owned(),
        Value::Countries(cs) if cs.is_empty() => "нет (лицо без гражданства)".to_owned(),
        Value::Countries(cs) => {
            let names: Vec<&str> = cs.iter().map(|c| country_name(*c)).collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} и {last}", rest.join(", "))
                }
                _ => names.concat(),
            }
        }
        Value::Unknown => "(неизвестно)".to_owned(),
        other => show(other),
    }
}

/// The non-breaking space that groups thousands in Russian.
const NBSP: char = '\u{a0}';

/// 36762500 -> «36 762 500» (with non-breaking spaces): summaries quote
/// tenge amounts and MCI counts.
fn grouped(n: i64) -> String {
    let digits = grouped_u(n.unsigned_abs());
    if n < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

fn grouped_u(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(NBSP);
        }
        out.push(ch);
    }
    out
}

/// The defaults a profile relied on, as sentences a user can check.
fn assumptions(p: &WorkerProfile) -> Vec<String> {
    let mut out = Vec::new();
    if p.assumed.as_of {
        out.push(format!("оценка проведена на сегодняшний день, {}", p.as_of));
    }
    if p.assumed.host {
        out.push(format!(
            "предполагается, что государство трудоустройства — {}",
            country_words(p.host)
        ));
    }
    let has_contract = p.contract.kind != Some(ContractKind::None);
    if p.assumed.terminated_on && has_contract {
        out.push("предполагается, что договор не был расторгнут досрочно".to_owned());
    }
    if p.assumed.permanent_resident {
        out.push(format!(
            "предполагается, что у вас нет вида на жительство государства трудоустройства ({})",
            p.host.code()
        ));
    }
    out
}

/// Why an answer was not taken, in Russian.
fn answer_problem(p: &AnswerProblem) -> String {
    let q = |t: &str| crate::json::quote(t);
    match p {
        AnswerProblem::Empty => "Введите ответ или ?, если не знаете.".to_owned(),
        AnswerProblem::NotADate(t) => format!("«{}» — не дата. Напишите дату так: 01.03.2026 (день, месяц, год) или 2026-03-01.", q(t)),
        AnswerProblem::Unpadded { text, dotted, iso } => format!("«{}» — неясная дата. Напишите день и месяц двумя цифрами: {dotted} или {iso}.", q(text)),
        AnswerProblem::NoSuchDay(t) => format!("«{}» — такого дня нет в календаре. Проверьте день и месяц.", q(t)),
        AnswerProblem::OutOfRange(t) => format!("«{}» — слишком далёкая дата: принимаются годы с {} по {}.", q(t), crate::dates::MIN_YEAR, crate::dates::MAX_YEAR),
        AnswerProblem::NotACountry { text, meant: Some((name, code)) } => format!("«{}» — такого государства мы не знаем. Может быть, вы имели в виду {name} ({code})?", q(text)),
        AnswerProblem::NotACountry { text, meant: None } => format!("«{}» — такого государства мы не знаем. Введите название по-русски или по-английски либо двухбуквенный код, например KG.", q(text)),
        AnswerProblem::TooManyCountries(max) => format!("Это больше {max} государств. Укажите не больше {max}."),
        AnswerProblem::NotAChoice { text, count } => format!("«{}» — такого ответа нет среди вариантов. Введите номер от 1 до {count} или слова ответа.", q(text)),
        AnswerProblem::NotYesNo(t) => format!("«{}» — это не «да» и не «нет».", q(t)),
        AnswerProblem::NotACount { text, max } => format!("«{}» — не число от 0 до {max}.", q(text)),
        AnswerProblem::TooLong => "Слишком длинный ответ. Напишите короче.".to_owned(),
        AnswerProblem::AfterAsOf { date, as_of } => format!("{date} — позже даты этой оценки ({as_of}). Проверьте дату."),
        AnswerProblem::EndBeforeStart { end, start } => format!("{end} — раньше начала вашего договора ({start}). Проверьте дату."),
        AnswerProblem::StartAfterEnd { start, end } => format!("{start} — позже окончания вашего договора ({end}). Проверьте дату."),
        AnswerProblem::CitizenshipNeeded => "Чтобы сказать что-то о ваших правах, нам нужно знать ваше гражданство. Если гражданства у вас нет, введите «нет».".to_owned(),
        AnswerProblem::NothingToUndo => "Это первый вопрос: менять пока нечего.".to_owned(),
        AnswerProblem::NotAFormat(t) => format!("«{}» — такого формата нет. Введите его номер или нажмите Enter, чтобы закончить без сохранения.", q(t)),
        AnswerProblem::FileExists(path) => format!("Файл {path} уже есть, и мы его не заменяем. Введите другое имя."),
        AnswerProblem::CannotWrite { path, why } => format!("Не удалось записать файл {path}: {why}. Введите другое имя."),
        AnswerProblem::Other(why) => format!("Этот ответ не сходится с другими вашими ответами: {}.", why.messages(crate::report::Lang::Ru)),
    }
}

#[cfg(test)]
mod tests;
