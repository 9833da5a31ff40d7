//! Words for people: the engine's reasons, the pack's texts and the report's
//! own sentences, one module per language behind one interface (`Speech`).
//! A language is a module here and a language file of the pack
//! (`rules/locales/`), never a change to the engine.

pub(crate) mod dates;
pub mod form;
pub(crate) mod interview;
pub(crate) mod sentences;
mod words;

use chrono::NaiveDate;

use crate::country::Country;
use crate::engine::fact;
use crate::engine::ir::{
    CmpOp, DayCount, Field, Locale, Node, Piece, Rule, RulePack, Say, Source, Template,
};
use crate::engine::reason::Reason;
use crate::engine::semantics::param_value;
use crate::engine::template::operands;
use crate::engine::value::{Truth, Value};
use crate::engine::Missing;
use crate::profile::WorkerProfile;
use interview::{AnswerProblem, InterviewWords};
use sentences::Voice;
use words::facts;
pub use words::*;

pub use crate::locale::Lang;

impl Lang {
    /// The fixed words of the text report in this language.
    pub fn text_words(self) -> &'static TextWords {
        TextWords::of(self)
    }

    /// A country's name in this language (its message `country-{code}`).
    pub fn country_name(self, c: Country) -> &'static str {
        static TABLES: std::sync::OnceLock<crate::locale::PerLang<Vec<String>>> =
            std::sync::OnceLock::new();
        // Every two-letter code has its place, so a name is found without
        // a search; codes not assigned have none.
        let names = crate::locale::table(&TABLES, self, |lang| {
            let mut names = vec![String::new(); 26 * 26];
            for c in crate::country::all() {
                if let Some(name) = names.get_mut(c.index()) {
                    *name = crate::locale::word(lang, &format!("country-{}", c.code()), None);
                }
            }
            names
        });
        names.get(c.index()).map_or("", String::as_str)
    }

    /// The interview's fixed words in this language.
    pub(crate) fn interview_words(self) -> &'static InterviewWords {
        InterviewWords::of(self)
    }

    /// The web form's fixed words in this language.
    pub fn form_words(self) -> &'static form::FormWords {
        form::FormWords::of(self)
    }

    /// Why an answer was not taken, in this language.
    pub(crate) fn answer_problem(self, problem: &AnswerProblem) -> String {
        Voice::of(self).answer_problem(problem)
    }

    /// Where the interview is: "Question 3, about 4 left" (`None`: not
    /// known yet, "Question 1").
    pub(crate) fn progress(self, number: usize, left: Option<usize>) -> String {
        Voice::of(self).progress(number, left)
    }

    /// The facts of a profile that a report rests on, in this language,
    /// each known or said to be unknown.
    pub fn facts(self, p: &WorkerProfile) -> Vec<Fact> {
        facts(self, p)
    }
}

/// A comparison the engine decided, for words.
pub(crate) struct Comparison<'n, 'v> {
    pub op: CmpOp,
    pub lhs: &'n Node,
    pub left: Value<'v>,
    pub rhs: &'n Node,
    pub right: Value<'v>,
    pub truth: bool,
}

/// The pack's labels in the reader's language: the language file's where
/// it has one, the pack's own (English) otherwise.
pub(crate) struct Labels<'a> {
    pub pack: &'a RulePack,
    pub locale: Option<&'a Locale>,
}

impl Labels<'_> {
    /// The label of a named set, dated set, parameter or definition.
    pub(crate) fn of<'s>(&'s self, name: &str, english: &'s str) -> &'s str {
        self.locale
            .and_then(|l| l.labels.get(name))
            .map_or(english, String::as_str)
    }
}

/// Which of a rule's texts on acting on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GuideKind {
    /// Where to go (`where`).
    Where,
    /// Where to go while a rule that would fulfil the duty is
    /// undetermined (`where_undetermined`).
    WhereUndetermined,
    /// What happens if it is missed (`if_missed`).
    IfMissed,
}

/// What a sentence may need besides its reason: the pack (labels, sets,
/// parameters, the day count), the person's profile (placeholders) and the
/// reader's language.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    pub pack: &'a RulePack,
    pub profile: &'a WorkerProfile,
    /// The reader's language's sentences.
    voice: Voice,
    /// The reader's language.
    lang: Lang,
    /// The pack's texts in the reader's language, when it has them (else
    /// the pack's own, English, texts are used).
    locale: Option<&'a Locale>,
}

impl<'a> Words<'a> {
    /// Words for this pack and profile, in `lang`.
    pub(crate) fn new(pack: &'a RulePack, profile: &'a WorkerProfile, lang: Lang) -> Self {
        let locale = pack.locales.iter().find(|l| l.lang == lang.code());
        Words {
            pack,
            profile,
            voice: Voice::of(lang),
            lang,
            locale,
        }
    }

    fn labels(self) -> Labels<'a> {
        Labels {
            pack: self.pack,
            locale: self.locale,
        }
    }

    /// A reason in words.
    pub(crate) fn reason(self, r: &Reason<'_>) -> String {
        let (sp, l) = (self.voice, &self.labels());
        match r {
            Reason::Compare {
                op,
                lhs,
                left,
                rhs,
                right,
                truth,
            } => sp.compare(
                l,
                &Comparison {
                    op: *op,
                    lhs,
                    left: *left,
                    rhs,
                    right: *right,
                    truth: *truth,
                },
            ),
            Reason::Settled {
                op,
                lhs,
                left,
                rhs,
                right,
                truth,
                guarantee,
            } => sp.settled(
                l,
                &Comparison {
                    op: *op,
                    lhs,
                    left: *left,
                    rhs,
                    right: *right,
                    truth: *truth,
                },
                *guarantee,
            ),
            Reason::In {
                item,
                value,
                set,
                found,
            } => sp.within(l, item, *value, set, *found),
            Reason::Member {
                set,
                value,
                on,
                truth,
            } => sp.member(l, self.pack.dated_set(*set), *value, *on, *truth),
            Reason::IsNull { node, value } => sp.is_null(node, *value),
            Reason::EmptyList { list } => sp.empty_list(list),
            Reason::Fact { field, value } => sp.fact(*field, *value),
            Reason::LastDay {
                start,
                from,
                days,
                last,
            } => sp.last_day(l, start, *from, *days, *last),
            Reason::Say {
                node,
                truth,
                operands,
            } => self.say(node, *truth, operands),
            Reason::NotInForce { rule, as_of } => sp.not_in_force(rule, *as_of),
            Reason::NotEncoded { rule, as_of } => {
                let index = self.pack.rules.iter().position(|r| std::ptr::eq(r, *rule));
                let earlier = index
                    .and_then(|i| self.locale.and_then(|l| l.earlier.get(i)))
                    .and_then(|e| e.as_deref())
                    .or(rule.earlier.as_deref())
                    .unwrap_or_default();
                sp.not_encoded(rule.in_force_from, *as_of, earlier)
            }
            Reason::ForeignHost { host, own } => sp.foreign_host(*host, *own),
            Reason::CarriedForward { param } => {
                let p = self.pack.param(*param);
                sp.carried(l.of(&p.name, &p.label), p)
            }
        }
    }

    /// A trace's reasons in words, in order, each sentence once.
    pub(crate) fn reasons(self, reasons: &[Reason<'_>]) -> Vec<String> {
        let mut out: Vec<String> = Vec::with_capacity(reasons.len());
        for r in reasons {
            let s = self.reason(r);
            if !s.is_empty() && !out.contains(&s) {
                out.push(s);
            }
        }
        out
    }

    /// A rule's summary for this person, with the rule's dates.
    pub(crate) fn summary(self, index: usize, rule: &Rule, dates: &[Option<NaiveDate>]) -> String {
        self.render(self.summary_template(index, rule), &[], dates)
    }

    /// Whether a rule's summary says the same whoever the person is: no
    /// fact, date or value of theirs in it.
    pub(crate) fn summary_is_fixed(self, index: usize, rule: &Rule) -> bool {
        self.summary_template(index, rule)
            .0
            .iter()
            .all(|piece| matches!(piece, Piece::Text(_)))
    }

    /// A rule's summary, when it says the same whoever the person is.
    pub(crate) fn fixed_summary(self, index: usize, rule: &Rule) -> Option<String> {
        self.summary_is_fixed(index, rule)
            .then(|| self.render(self.summary_template(index, rule), &[], &[]))
    }

    /// A rule's summary as written, in the reader's language.
    fn summary_template(self, index: usize, rule: &'a Rule) -> &'a Template {
        self.locale
            .and_then(|l| l.rules.get(index))
            .and_then(|t| t.as_ref())
            .map_or(&rule.summary, |(_, summary)| summary)
    }

    /// A rule's title.
    pub(crate) fn title(self, index: usize, rule: &Rule) -> String {
        self.locale
            .and_then(|l| l.rules.get(index))
            .and_then(|t| t.as_ref())
            .map_or_else(|| rule.title.clone(), |(title, _)| title.clone())
    }

    /// Where national practice and the Treaty may pull apart, for a rule
    /// that records it.
    pub(crate) fn tension(self, index: usize, rule: &Rule) -> Option<String> {
        self.locale
            .and_then(|l| l.tension.get(index))
            .and_then(|t| t.clone())
            .or_else(|| rule.tension.clone())
    }

    /// Where to go to act on a rule, or what happens if it is missed
    /// (`kind`), in the profile's host state, in the reader's language,
    /// with the rule's dates; `None` when the pack says nothing for that
    /// host.
    pub(crate) fn guide(
        self,
        index: usize,
        rule: &Rule,
        kind: GuideKind,
        dates: &[Option<NaiveDate>],
    ) -> Option<super::Guide> {
        let host = self.profile.host;
        let locale = self.locale;
        let (english, translated) = match kind {
            GuideKind::Where => (&rule.where_to, locale.map(|l| &l.where_to)),
            GuideKind::WhereUndetermined => (
                &rule.where_undetermined,
                locale.map(|l| &l.where_undetermined),
            ),
            GuideKind::IfMissed => (&rule.if_missed, locale.map(|l| &l.if_missed)),
        };
        let g = english.iter().find(|g| g.host == host)?;
        let template = translated
            .and_then(|t| t.get(index))
            .and_then(|t| t.iter().find(|(h, _)| *h == host))
            .map_or(&g.text, |(_, t)| t);
        Some(super::Guide {
            text: self.render(template, &[], dates),
            sources: g.sources.clone(),
            confidence: g.confidence,
        })
    }

    /// A rule's source, the instrument named in the reader's language.
    pub(crate) fn source(self, rule: &Rule) -> Source {
        let mut source = rule.source.clone();
        if let Some(name) = self
            .locale
            .and_then(|l| l.instruments.get(&source.instrument))
        {
            source.instrument.clone_from(name);
        }
        source
    }

    /// The short name of a rule's instrument in the reader's language,
    /// for one-line citations: the language file's short name, else (in
    /// another language than the pack's) its full name there, else the
    /// pack's short name, else the full name the rule cites.
    pub(crate) fn short_instrument(self, rule: &Rule) -> String {
        let english = &rule.source.instrument;
        match self.locale {
            Some(l) => l
                .short_names
                .get(english)
                .or_else(|| l.instruments.get(english))
                .unwrap_or(english)
                .clone(),
            None => self
                .pack
                .short_names
                .get(english)
                .unwrap_or(english)
                .clone(),
        }
    }

    /// The pack's disclaimer.
    pub(crate) fn disclaimer(self) -> String {
        self.locale
            .and_then(|l| l.disclaimer.clone())
            .unwrap_or_else(|| self.pack.meta.disclaimer.clone())
    }

    /// The question that would settle a missing fact: the pack's, in the
    /// reader's language, with the host state and the family member named.
    pub(crate) fn question(self, m: &Missing) -> String {
        match self.pack.questions.for_missing(self.pack, self.profile, m) {
            Some(q) => self.question_text(q, m.member),
            None => self.voice.question_fallback(m),
        }
    }

    /// A question of the pack in the reader's language, its placeholders
    /// filled for this profile (`member`: the family member asked about).
    pub(crate) fn question_text(
        self,
        q: &crate::rules::questions::FactQuestion,
        member: Option<usize>,
    ) -> String {
        let lang = self.lang.code();
        let host = self.lang.country_name(self.profile.host);
        let who = member.map_or_else(String::new, |i| {
            let relation = self
                .profile
                .family
                .as_ref()
                .and_then(|f| f.get(i))
                .and_then(|m| m.relation);
            self.voice.member_words(i.saturating_add(1), relation)
        });
        crate::rules::questions::fill(q.text(lang), host, &who)
    }

    /// The defaults the profile relied on.
    pub(crate) fn assumptions(self) -> Vec<String> {
        self.voice.assumptions(self.profile)
    }

    /// A node's own `say` for the truth it gave.
    fn say(self, node: &Node, truth: Truth, values: &[Value<'_>]) -> String {
        let Some(say) = &node.say else {
            return String::new();
        };
        let value = |i: usize| values.get(i).copied().unwrap_or(Value::Unknown);
        match &**say {
            Say::Text {
                key,
                when_true,
                when_false,
                when_unknown,
            } => {
                let (when_true, when_false, when_unknown) =
                    match self.locale.and_then(|l| l.says.get(key)) {
                        Some((t, f, u)) => (t, f, u.as_ref()),
                        None => (when_true, when_false, when_unknown.as_ref()),
                    };
                let template = match truth {
                    Truth::True => when_true,
                    Truth::False => when_false,
                    Truth::Unknown => when_unknown.unwrap_or(when_false),
                };
                self.render(template, values, &[])
            }
            Say::EventFrom | Say::EventTo => self.voice.event(
                operands(node).first().copied(),
                value(0),
                value(1),
                matches!(**say, Say::EventFrom),
                truth,
            ),
        }
    }

    fn render(
        self,
        template: &Template,
        values: &[Value<'_>],
        dates: &[Option<NaiveDate>],
    ) -> String {
        let (pack, p, sp) = (self.pack, self.profile, self.voice);
        let mut out = String::new();
        for piece in &template.0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                // A kind of work is a name of the pack's ("medical"): the
                // reader's language says it in its own words.
                Piece::Field(Field::OccupationCategory) => {
                    match fact(pack, p, Field::OccupationCategory) {
                        Value::Text(name) => out.push_str(&sp.kind_of_work(name)),
                        other => out.push_str(&sp.show_fact(other)),
                    }
                }
                Piece::Field(f) => out.push_str(&sp.show_fact(fact(pack, p, *f))),
                Piece::Operand(i) => out.push_str(
                    &values
                        .get(*i)
                        .copied()
                        .map_or_else(|| "?".to_owned(), |v| sp.show_fact(v)),
                ),
                Piece::DaysSince(f) => match fact(pack, p, *f) {
                    Value::Date(d) => {
                        out.push_str(&crate::dates::days_between(d, p.as_of).to_string())
                    }
                    _ => out.push_str(sp.unknown_days()),
                },
                Piece::DayNumber(f) => match fact(pack, p, *f) {
                    Value::Date(d) => {
                        let days = crate::dates::days_between(d, p.as_of);
                        let number = match pack.meta.day_count {
                            DayCount::EventDayIsDay1 => days.saturating_add(1),
                            DayCount::NextDayIsDay1 => days,
                        };
                        out.push_str(&number.to_string());
                    }
                    _ => out.push_str(sp.unknown_day()),
                },
                Piece::Param(id) => out.push_str(
                    &sp.show_fact(
                        pack.params
                            .get(*id)
                            .map_or(Value::Unknown, |param| param_value(&param.values, p.as_of)),
                    ),
                ),
                Piece::Date(i) => match dates.get(*i).copied().flatten() {
                    Some(d) => out.push_str(&d.to_string()),
                    None => out.push_str(sp.date_not_yet()),
                },
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;
    use crate::country::Country;
    use crate::profile::{Defaults, WorkerProfile};

    fn profile(json: &str) -> WorkerProfile {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
        WorkerProfile::from_json(json, Defaults::new(today, Some(Country::KZ))).unwrap()
    }

    fn facts(lang: Lang, json: &str) -> Vec<(String, String)> {
        lang.facts(&profile(json))
            .into_iter()
            .map(|f| (f.label, f.value))
            .collect()
    }

    #[test]
    fn facts_say_what_is_known_and_what_is_not() {
        let all = facts(
            Lang::En,
            r#"{"citizenship": ["KG", "RU"], "entry_date": "2026-03-01",
                "contract": {"kind": "civil_law", "start": "2026-03-02", "end": null,
                             "terminated_on": "2026-05-04"},
                "registered": true, "as_of": "2026-05-10",
                "family": [{"relation": "child", "birth_date": "2022-05-01", "citizenship": ["KG"]},
                           {}]}"#,
        );
        let want = [
            ("Citizenship", "Kyrgyzstan (KG), Russia (RU)"),
            ("Host state", "Kazakhstan (KZ)"),
            ("Date of entry", "1 March 2026"),
            ("Contract", "civil-law contract (for works or services)"),
            ("Contract starts", "2 March 2026"),
            ("Contract ends", "open-ended"),
            ("Contract terminated early on", "4 May 2026"),
            ("Occupation", "not known"),
            ("Registered with the migration authority", "yes"),
            ("Permanent residence permit", "no"),
            (
                "Family member 1",
                "child; date of birth: 1 May 2022; citizenship: Kyrgyzstan (KG)",
            ),
            (
                "Family member 2",
                "relation not known; date of birth: not known; citizenship: not known",
            ),
            ("Assessed as of", "10 May 2026"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(l, v)| ((*l).to_owned(), (*v).to_owned()))
            .collect();
        assert_eq!(all, want);

        // Without a contract, no contract dates; unknown facts say so.
        let few = facts(
            Lang::En,
            r#"{"citizenship": [], "contract": {"kind": "none"}}"#,
        );
        let value = |label: &str| few.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone());
        assert_eq!(value("Citizenship").unwrap(), "none (stateless)");
        assert_eq!(value("Contract").unwrap(), "no contract");
        assert_eq!(value("Contract starts"), None);
        assert_eq!(value("Contract terminated early on"), None);
        assert_eq!(value("Date of entry").unwrap(), "not known");
        assert_eq!(value("Family members").unwrap(), "not known");
        assert_eq!(
            value("Registered with the migration authority").unwrap(),
            "not known"
        );
    }

    #[test]
    fn facts_in_russian() {
        let ru = facts(
            Lang::Ru,
            r#"{"citizenship": "KG", "entry_date": "2026-03-01",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"},
                "registered": false, "family": []}"#,
        );
        let value = |label: &str| ru.iter().find(|(l, _)| l == label).map(|(_, v)| v.as_str());
        assert_eq!(value("Гражданство"), Some("Кыргызстан (KG)"));
        assert_eq!(value("Дата въезда"), Some("1 марта 2026\u{a0}г."));
        assert_eq!(value("Договор"), Some("трудовой договор"));
        assert_eq!(value("Регистрация в миграционном органе"), Some("нет"));
        assert_eq!(value("Члены семьи"), Some("нет"));
        assert_eq!(value("Род занятий"), Some("нет сведений"));
    }
}
