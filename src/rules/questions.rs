//! The pack's questions: for each fact a person can give, the question
//! that asks for it, the kind of answer it takes (a date, a country, one of
//! a few choices...) and its texts in every language of the pack.
//!
//! Reports ask them for the facts that left an outcome undetermined; the
//! `interview` command asks them one at a time. They are data, beside the
//! rules, so a new language or a better wording is a change of the pack,
//! not of the code. Load-time checks make sure every question asks for a
//! fact the profile has, takes the kind of answer that fact holds, offers
//! only values the fact can take, and uses only the placeholders it can
//! fill (`{host}`, and `{member}` for a family member's fact).

use std::collections::BTreeMap;

use super::raw::{RawLocaleQuestion, RawModule, RawQuestion};
use crate::engine::ir::{Field, MemberField};
use crate::engine::trace::FieldKey;
use crate::engine::value::Value;
use crate::engine::{Missing, RulePack};
use crate::locate::JsonPath;
use crate::profile::{ContractKind, Relation, WorkerProfile};

/// The prefix of a family member's fact (`family.birth_date`).
const MEMBER: &str = "family.";

/// The placeholder for the host state's name.
pub(crate) const HOST: &str = "host";
/// The placeholder for a family member, in words ("family member 1 (child)").
pub(crate) const MEMBER_WORDS: &str = "member";

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerKind {
    /// One country, by code or name.
    Country,
    /// One or more countries, or none (stateless).
    Countries,
    /// A date.
    Date,
    /// A date, or "open" (no end date).
    DateOrOpen,
    /// One of the question's choices.
    Choice,
    /// Yes or no.
    YesNo,
    /// Free text.
    Text,
    /// A number of people (0 or more).
    Count,
}

impl AnswerKind {
    /// Every kind, by the name rule files give it.
    const NAMES: [(&'static str, AnswerKind); 8] = [
        ("country", AnswerKind::Country),
        ("countries", AnswerKind::Countries),
        ("date", AnswerKind::Date),
        ("date_or_open", AnswerKind::DateOrOpen),
        ("choice", AnswerKind::Choice),
        ("yes_no", AnswerKind::YesNo),
        ("text", AnswerKind::Text),
        ("count", AnswerKind::Count),
    ];

    fn parse(name: &str) -> Option<Self> {
        Self::NAMES
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, k)| *k)
    }

    /// The name rule files give it.
    pub fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, k)| *k == self)
            .map_or("", |(n, _)| n)
    }
}

/// One answer a choice question offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// The value the profile takes (`employment`).
    pub value: String,
    /// How a person reads it, in English.
    label: String,
    /// How a person reads it, by language code.
    labels: BTreeMap<String, String>,
}

impl Choice {
    /// The label in a language, or English when the pack has none.
    pub fn label(&self, lang: &str) -> &str {
        self.labels.get(lang).unwrap_or(&self.label)
    }
}

/// The question for one fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FactQuestion {
    /// The fact it asks for.
    pub fact: FieldKey,
    /// The kind of answer it takes.
    pub answer: AnswerKind,
    /// The text in English, placeholders unfilled.
    text: String,
    /// The text by language code.
    texts: BTreeMap<String, String>,
    /// For a choice question, what it offers, in order.
    pub choices: Vec<Choice>,
}

impl FactQuestion {
    /// The text in a language (English when the pack has none), with its
    /// placeholders (`{host}`, `{member}`) unfilled.
    pub fn text(&self, lang: &str) -> &str {
        self.texts.get(lang).unwrap_or(&self.text)
    }
}

/// The pack's questions, in the pack's order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Questions {
    items: Vec<FactQuestion>,
}

impl Questions {
    /// Every question, in the pack's order.
    pub fn iter(&self) -> impl Iterator<Item = &FactQuestion> {
        self.items.iter()
    }

    /// The question for a fact, if the pack has one.
    pub fn for_fact(&self, fact: FieldKey) -> Option<&FactQuestion> {
        self.items.iter().find(|q| q.fact == fact)
    }

    /// Where a fact's question stands in the pack (earlier: asked first
    /// when two decide as much).
    pub fn position(&self, fact: FieldKey) -> Option<usize> {
        self.items.iter().position(|q| q.fact == fact)
    }

    /// The question that settles a missing fact. A derived fact
    /// (`occupation_category`, `contract.effective_end`) is asked for by
    /// the question of the fact it comes from while that fact is not
    /// given; a fact given but still missing (an occupation the table
    /// cannot place) by the question of a fact derived from it, if the
    /// pack has one (the kind of work).
    pub fn for_missing(
        &self,
        pack: &RulePack,
        profile: &WorkerProfile,
        m: &Missing,
    ) -> Option<&FactQuestion> {
        match m.field {
            FieldKey::Member(_) => self.for_fact(m.field),
            FieldKey::Profile(field) => {
                let asked = field.asked();
                // Given, and still missing: the fact cannot settle it (an
                // occupation the table cannot place), a fact derived from
                // it can (the kind of work).
                let given = !matches!(crate::engine::fact(pack, profile, asked), Value::Unknown);
                if given {
                    let derived = Field::ALL
                        .into_iter()
                        .filter(|d| *d != asked && d.asked() == asked)
                        .find_map(|d| self.for_fact(FieldKey::Profile(d)));
                    if let Some(own) = derived {
                        return Some(own);
                    }
                }
                self.for_fact(FieldKey::Profile(asked))
                    .or_else(|| self.for_fact(m.field))
            }
        }
    }

    /// The questions' texts in a language, for a translator: the
    /// language's own where it has them, English elsewhere.
    pub fn language_file(&self, lang: &str) -> serde_json::Value {
        let mut out = serde_json::Map::new();
        for q in &self.items {
            let mut entry = serde_json::Map::new();
            entry.insert("text".into(), q.text(lang).into());
            if !q.choices.is_empty() {
                let choices: serde_json::Map<String, serde_json::Value> = q
                    .choices
                    .iter()
                    .map(|c| (c.value.clone(), c.label(lang).into()))
                    .collect();
                entry.insert("choices".into(), choices.into());
            }
            out.insert(fact_name(q.fact), entry.into());
        }
        out.into()
    }
}

/// A fact's name as rule files write it (`entry_date`, `family.birth_date`).
pub fn fact_name(fact: FieldKey) -> String {
    match fact {
        FieldKey::Profile(f) => f.path().to_owned(),
        FieldKey::Member(f) => format!("{MEMBER}{}", f.name()),
    }
}

fn parse_fact(name: &str) -> Option<FieldKey> {
    match name.strip_prefix(MEMBER) {
        Some(member) => MemberField::ALL
            .into_iter()
            .find(|f| f.name() == member)
            .map(FieldKey::Member),
        None => Field::ALL
            .into_iter()
            .find(|f| f.path() == name)
            .map(FieldKey::Profile),
    }
}

/// The answer a fact takes, or why it is never asked.
pub(crate) fn answer_for(fact: FieldKey) -> Result<AnswerKind, &'static str> {
    Ok(match fact {
        FieldKey::Profile(f) => match f {
            Field::Citizenship => AnswerKind::Countries,
            Field::Host => AnswerKind::Country,
            Field::EntryDate | Field::ContractStart | Field::TerminatedOn => AnswerKind::Date,
            Field::ContractEnd | Field::EffectiveEnd => AnswerKind::DateOrOpen,
            Field::ContractKind | Field::OccupationCategory => AnswerKind::Choice,
            Field::Occupation => AnswerKind::Text,
            Field::Registered | Field::PermanentResident => AnswerKind::YesNo,
            Field::Family => AnswerKind::Count,
            Field::AsOf => {
                return Err(
                    "the assessment date is not asked: it is set with `--as-of` or is today",
                )
            }
        },
        FieldKey::Member(f) => match f {
            MemberField::Relation => AnswerKind::Choice,
            MemberField::BirthDate => AnswerKind::Date,
            MemberField::Citizenship => AnswerKind::Countries,
        },
    })
}

/// One problem: the file (index into the pack's files), where, what, and
/// what to do about it.
pub(crate) type Problem = (usize, JsonPath, String, Option<String>);

/// Checks every module's `questions` and every language file's, and builds
/// the pack's questions; every problem goes to `problems`.
/// `categories` are the occupations table's categories (the values of
/// `occupation_category`).
pub(crate) fn compile(
    modules: &[(usize, RawModule)],
    categories: &[String],
    problems: &mut Vec<Problem>,
) -> Questions {
    let mut items: Vec<FactQuestion> = Vec::new();
    // Where each fact's question was first written.
    let mut first: BTreeMap<String, usize> = BTreeMap::new();
    for (file, m) in modules {
        for (i, raw) in m.questions.iter().enumerate() {
            let at = JsonPath::root().key("questions").index(i);
            let mut problem = |path: JsonPath, message: String, help: Option<String>| {
                problems.push((*file, path, message, help));
            };
            if let Some(q) = question(raw, &at, categories, &mut problem) {
                if let Some(other) = first.get(&raw.fact) {
                    problem(
                        at.key("fact"),
                        format!("a second question for `{}`", raw.fact),
                        Some(format!("the first is question {} of its file", other + 1)),
                    );
                    continue;
                }
                first.insert(raw.fact.clone(), i);
                items.push(q);
            }
        }
    }
    for (file, m) in modules {
        let Some(locale) = &m.locale else { continue };
        for (name, raw) in &locale.questions {
            let at = JsonPath::root().key("locale").key("questions").key(name);
            let mut problem = |path: JsonPath, message: String, help: Option<String>| {
                problems.push((*file, path, message, help));
            };
            let Some(q) = parse_fact(name).and_then(|f| items.iter_mut().find(|q| q.fact == f))
            else {
                let names: Vec<String> = items.iter().map(|q| fact_name(q.fact)).collect();
                let help = super::did_you_mean(name, names.iter().map(String::as_str));
                problem(at, format!("the pack has no question for `{name}`"), help);
                continue;
            };
            translate(q, &locale.lang, raw, &at, &mut problem);
        }
    }
    Questions { items }
}

/// Checks one question and builds it.
fn question(
    raw: &RawQuestion,
    at: &JsonPath,
    categories: &[String],
    problem: &mut impl FnMut(JsonPath, String, Option<String>),
) -> Option<FactQuestion> {
    let Some(fact) = parse_fact(&raw.fact) else {
        let names: Vec<String> = Field::ALL
            .into_iter()
            .map(FieldKey::Profile)
            .chain(MemberField::ALL.into_iter().map(FieldKey::Member))
            .map(fact_name)
            .collect();
        let help = super::did_you_mean(&raw.fact, names.iter().map(String::as_str));
        problem(
            at.key("fact"),
            format!("`{}` is not a fact of the profile", raw.fact),
            help,
        );
        return None;
    };
    let expected = match answer_for(fact) {
        Ok(kind) => kind,
        Err(why) => {
            problem(at.key("fact"), why.to_owned(), None);
            return None;
        }
    };
    let Some(answer) = AnswerKind::parse(&raw.answer) else {
        let names = AnswerKind::NAMES.map(|(n, _)| n);
        problem(
            at.key("answer"),
            format!(
                "`{}` is not a kind of answer: expected one of {}",
                raw.answer,
                names.map(|n| format!("`{n}`")).join(", ")
            ),
            super::did_you_mean(&raw.answer, names.into_iter()),
        );
        return None;
    };
    if answer != expected {
        problem(
            at.key("answer"),
            format!(
                "`{}` takes an answer of the kind `{}`, not `{}`",
                raw.fact,
                expected.name(),
                answer.name()
            ),
            None,
        );
        return None;
    }
    let mut ok = placeholders(&raw.text, fact, &at.key("text"), problem);
    let allowed: Vec<String> = match fact {
        FieldKey::Profile(Field::ContractKind) => ContractKind::ALL
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect(),
        FieldKey::Profile(Field::OccupationCategory) => categories.to_vec(),
        FieldKey::Member(MemberField::Relation) => Relation::ALL
            .iter()
            .map(|r| r.as_str().to_owned())
            .collect(),
        _ => Vec::new(),
    };
    let mut choices: Vec<Choice> = Vec::new();
    for (i, c) in raw.choices.iter().enumerate() {
        let cat = at.key("choices").index(i);
        if answer != AnswerKind::Choice {
            problem(
                cat,
                format!(
                    "only a `choice` question has `choices`: this one takes `{}`",
                    answer.name()
                ),
                None,
            );
            ok = false;
            break;
        }
        if !allowed.contains(&c.value) {
            problem(
                cat.key("value"),
                format!(
                    "`{}` is not a value of `{}`: expected one of {}",
                    c.value,
                    raw.fact,
                    allowed
                        .iter()
                        .map(|v| format!("`{v}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                super::did_you_mean(&c.value, allowed.iter().map(String::as_str)),
            );
            ok = false;
        } else if choices.iter().any(|d| d.value == c.value) {
            problem(
                cat.key("value"),
                format!("the choice `{}` is offered twice", c.value),
                None,
            );
            ok = false;
        } else if c.label.trim().is_empty() {
            problem(
                cat.key("label"),
                "an empty label: say what the choice means".to_owned(),
                None,
            );
            ok = false;
        } else {
            choices.push(Choice {
                value: c.value.clone(),
                label: c.label.clone(),
                labels: BTreeMap::new(),
            });
        }
    }
    if answer == AnswerKind::Choice && raw.choices.len() < 2 {
        problem(
            at.key("choices"),
            "a `choice` question offers at least two choices".to_owned(),
            None,
        );
        ok = false;
    }
    if raw.text.trim().is_empty() {
        problem(
            at.key("text"),
            "an empty question: write what to ask".to_owned(),
            None,
        );
        ok = false;
    }
    ok.then(|| FactQuestion {
        fact,
        answer,
        text: raw.text.clone(),
        texts: BTreeMap::new(),
        choices,
    })
}

/// Adds a language file's texts to a question, once checked.
fn translate(
    q: &mut FactQuestion,
    lang: &str,
    raw: &RawLocaleQuestion,
    at: &JsonPath,
    problem: &mut impl FnMut(JsonPath, String, Option<String>),
) {
    if placeholders(&raw.text, q.fact, &at.key("text"), problem) {
        q.texts.insert(lang.to_owned(), raw.text.clone());
    }
    for (value, label) in &raw.choices {
        match q.choices.iter_mut().find(|c| &c.value == value) {
            Some(choice) => {
                choice.labels.insert(lang.to_owned(), label.clone());
            }
            None => {
                let values: Vec<&str> = q.choices.iter().map(|c| c.value.as_str()).collect();
                problem(
                    at.key("choices").key(value),
                    format!(
                        "the question for `{}` offers no choice `{value}`",
                        fact_name(q.fact)
                    ),
                    super::did_you_mean(value, values.into_iter()),
                );
            }
        }
    }
}

/// Whether a text's placeholders are all ones its question can fill:
/// `{host}`, and `{member}` in a family member's question.
fn placeholders(
    text: &str,
    fact: FieldKey,
    at: &JsonPath,
    problem: &mut impl FnMut(JsonPath, String, Option<String>),
) -> bool {
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let after = rest.get(open.saturating_add(1)..).unwrap_or_default();
        let Some(close) = after.find('}') else {
            problem(
                at.clone(),
                "a `{` without its `}`".to_owned(),
                Some("placeholders are `{host}` and, for a family member, `{member}`".to_owned()),
            );
            return false;
        };
        let name = after.get(..close).unwrap_or_default();
        let member = matches!(fact, FieldKey::Member(_));
        if !(name == HOST || (member && name == MEMBER_WORDS)) {
            let help = if member {
                "placeholders are `{host}` and `{member}`"
            } else {
                "the placeholder is `{host}`; `{member}` is for a family member's question"
            };
            problem(
                at.clone(),
                format!("`{{{name}}}` is not a placeholder a question can fill"),
                Some(help.to_owned()),
            );
            return false;
        }
        rest = after.get(close.saturating_add(1)..).unwrap_or_default();
    }
    true
}

/// Fills a question's placeholders.
pub(crate) fn fill(text: &str, host: &str, member: &str) -> String {
    text.replace(&format!("{{{HOST}}}"), host)
        .replace(&format!("{{{MEMBER_WORDS}}}"), member)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{compile as compile_pack, embedded_files, SourceFile};

    /// The embedded pack with one more file.
    fn with(path: &str, text: &str) -> Result<RulePack, String> {
        let mut files = embedded_files();
        files.retain(|f| f.path != path);
        files.push(SourceFile {
            path: path.to_owned(),
            text: text.to_owned(),
        });
        compile_pack(&files).map_err(|e| e.to_string())
    }

    #[test]
    fn every_fact_a_report_can_miss_has_a_question_in_english_and_russian() {
        let pack = crate::rules::embedded_pack().unwrap();
        let profile = WorkerProfile::empty(crate::profile::Defaults::new(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
            Some(crate::country::Country::KZ),
        ));
        let facts = Field::ALL
            .into_iter()
            // Defaults: never missing.
            .filter(|f| !matches!(f, Field::AsOf | Field::TerminatedOn))
            .map(FieldKey::Profile)
            .chain(MemberField::ALL.into_iter().map(FieldKey::Member));
        for field in facts {
            let m = Missing {
                field,
                member: None,
            };
            let q = pack.questions.for_missing(&pack, &profile, &m);
            let q = q.unwrap_or_else(|| panic!("no question for {field:?}"));
            assert_ne!(q.text("ru"), q.text("en"), "{field:?}");
            for c in &q.choices {
                assert_ne!(c.label("ru"), c.label("en"), "{field:?} {}", c.value);
            }
        }
    }

    #[test]
    fn a_derived_fact_is_asked_by_its_source_until_that_is_given() {
        let pack = crate::rules::embedded_pack().unwrap();
        let defaults = crate::profile::Defaults::new(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
            Some(crate::country::Country::KZ),
        );
        let m = Missing {
            field: FieldKey::Profile(Field::OccupationCategory),
            member: None,
        };
        let none = WorkerProfile::from_json(r#"{"citizenship": "KG"}"#, defaults).unwrap();
        let q = pack.questions.for_missing(&pack, &none, &m).unwrap();
        assert_eq!(q.fact, FieldKey::Profile(Field::Occupation));
        let given = WorkerProfile::from_json(
            r#"{"citizenship": "KG", "occupation": "dispatcher"}"#,
            defaults,
        )
        .unwrap();
        let q = pack.questions.for_missing(&pack, &given, &m).unwrap();
        assert_eq!(q.fact, FieldKey::Profile(Field::OccupationCategory));
        assert_eq!(q.answer, AnswerKind::Choice);
        // The engine may name the occupation itself as missing.
        let own = Missing {
            field: FieldKey::Profile(Field::Occupation),
            member: None,
        };
        let q = pack.questions.for_missing(&pack, &given, &own).unwrap();
        assert_eq!(q.fact, FieldKey::Profile(Field::OccupationCategory));
        let q = pack.questions.for_missing(&pack, &none, &own).unwrap();
        assert_eq!(q.fact, FieldKey::Profile(Field::Occupation));
    }

    #[test]
    fn bad_questions_are_refused_where_they_are_written() {
        let cases = [
            (
                r#"{"questions": [{"fact": "entry_dat", "answer": "date", "text": "When?"}]}"#,
                "`entry_dat` is not a fact of the profile",
            ),
            (
                r#"{"questions": [{"fact": "as_of", "answer": "date", "text": "When?"}]}"#,
                "the assessment date is not asked",
            ),
            (
                r#"{"questions": [{"fact": "entry_date", "answer": "country", "text": "When?"}]}"#,
                "`entry_date` takes an answer of the kind `date`, not `country`",
            ),
            (
                r#"{"questions": [{"fact": "entry_date", "answer": "dat", "text": "When?"}]}"#,
                "`dat` is not a kind of answer",
            ),
            (
                r#"{"questions": [{"fact": "entry_date", "answer": "date", "text": "When did {member} come?"}]}"#,
                "`{member}` is not a placeholder a question can fill",
            ),
            (
                r#"{"questions": [{"fact": "entry_date", "answer": "date", "text": "When did you enter {host?"}]}"#,
                "a `{` without its `}`",
            ),
            (
                r#"{"questions": [{"fact": "contract.kind", "answer": "choice", "text": "Which?", "choices": [{"value": "employment", "label": "a"}, {"value": "freelance", "label": "b"}]}]}"#,
                "`freelance` is not a value of `contract.kind`",
            ),
            (
                r#"{"questions": [{"fact": "contract.kind", "answer": "choice", "text": "Which?", "choices": [{"value": "employment", "label": "a"}]}]}"#,
                "at least two choices",
            ),
            (
                r#"{"questions": [{"fact": "registered", "answer": "yes_no", "text": "Registered?", "choices": [{"value": "yes", "label": "a"}]}]}"#,
                "only a `choice` question has `choices`",
            ),
            (
                r#"{"questions": [{"fact": "occupation_category", "answer": "choice", "text": "Which?", "choices": [{"value": "medical", "label": "a"}, {"value": "medicine", "label": "b"}]}]}"#,
                "`medicine` is not a value of `occupation_category`",
            ),
            (
                r#"{"questions": [{"fact": "registered", "answer": "yes_no", "text": "Again?"}]}"#,
                "a second question for `registered`",
            ),
        ];
        for (text, expected) in cases {
            let err = with("extra.json", text).unwrap_err();
            assert!(err.contains(expected), "{text}\n{err}");
            assert!(err.contains("extra.json:1:"), "located: {err}");
        }
    }

    #[test]
    fn a_language_file_names_only_questions_and_choices_the_pack_has() {
        let cases = [
            (
                r#"{"locale": {"lang": "xx", "questions": {"entry_dat": {"text": "?"}}}}"#,
                "the pack has no question for `entry_dat`",
            ),
            (
                r#"{"locale": {"lang": "xx", "questions": {"contract.kind": {"text": "?", "choices": {"freelance": "x"}}}}}"#,
                "offers no choice `freelance`",
            ),
            (
                r#"{"locale": {"lang": "xx", "questions": {"host": {"text": "{member}?"}}}}"#,
                "`{member}` is not a placeholder",
            ),
        ];
        for (text, expected) in cases {
            let err = with("locales/xx.json", text).unwrap_err();
            assert!(err.contains(expected), "{text}\n{err}");
        }
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(
                "When was {member} born, in {host}?",
                "Kazakhstan",
                "family member 1"
            ),
            "When was family member 1 born, in Kazakhstan?"
        );
    }
}
