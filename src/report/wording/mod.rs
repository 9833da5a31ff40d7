//! Words for people: the engine's reasons, the pack's texts and the report's
//! own sentences, one module per language behind one interface (`Speech`).
//! A language is a module here and a language file of the pack
//! (`rules/locales/`), never a change to the engine.

pub(crate) mod dates;
pub(crate) mod en;
pub mod form;
pub(crate) mod interview;
pub(crate) mod ru;

use chrono::NaiveDate;

use crate::country::Country;
use crate::engine::fact;
use crate::engine::ir::{
    CmpOp, DatedSet, DayCount, Field, Locale, Node, ParamId, Piece, Rule, RulePack, Say, SetSrc,
    Source, Template,
};
use crate::engine::reason::{Guarantee, Reason};
use crate::engine::semantics::param_value;
use crate::engine::template::operands;
use crate::engine::value::{Truth, Value};
use crate::engine::Missing;
use crate::profile::{Relation, WorkerProfile};
use interview::{AnswerProblem, InterviewWords};

/// A language of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every language.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ru];

    /// The language's code, as language files name it.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }

    /// The language of the user's environment, given a `LANG`-style value
    /// (`ru_RU.UTF-8`, `ru`, `en_US`): Russian when its language part (what
    /// comes before `_`, `.`, `@` or `-`) is `ru`, English otherwise (and
    /// when there is no value). `rue_UA` (Rusyn) is not Russian.
    pub fn from_env(lang: Option<&str>) -> Self {
        let language = lang
            .unwrap_or_default()
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        if language.eq_ignore_ascii_case("ru") {
            Lang::Ru
        } else {
            Lang::En
        }
    }

    /// The fixed words of the text report in this language.
    pub fn text_words(self) -> &'static TextWords {
        self.speech().text()
    }

    /// A country's name in this language.
    pub fn country_name(self, c: Country) -> &'static str {
        self.speech().country_name(c)
    }

    /// The interview's fixed words in this language.
    pub(crate) fn interview_words(self) -> &'static InterviewWords {
        self.speech().interview()
    }

    /// The web form's fixed words in this language.
    pub fn form_words(self) -> &'static form::FormWords {
        self.speech().form()
    }

    /// Why an answer was not taken, in this language.
    pub(crate) fn answer_problem(self, problem: &AnswerProblem) -> String {
        self.speech().answer_problem(problem)
    }

    /// Where the interview is: "Question 3, about 4 left" (`None`: not
    /// known yet, "Question 1").
    pub(crate) fn progress(self, number: usize, left: Option<usize>) -> String {
        self.speech().progress(number, left)
    }

    /// The facts of a profile that a report rests on, in this language,
    /// each known or said to be unknown.
    pub fn facts(self, p: &WorkerProfile) -> Vec<Fact> {
        facts(self, p)
    }

    fn speech(self) -> &'static dyn Speech {
        match self {
            Lang::En => &en::En,
            Lang::Ru => &ru::Ru,
        }
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

/// Everything a language says; one implementation per language.
pub(crate) trait Speech: Sync {
    /// A comparison of known values.
    fn compare(&self, l: &Labels<'_>, c: &Comparison<'_, '_>) -> String;
    /// A comparison with an unknown date settled by the profile's guarantees.
    fn settled(&self, l: &Labels<'_>, c: &Comparison<'_, '_>, g: Guarantee) -> String;
    /// Whether a value is one of a set's.
    fn within(
        &self,
        l: &Labels<'_>,
        item: &Node,
        v: Value<'_>,
        set: &SetSrc,
        found: bool,
    ) -> String;
    /// Whether a value belongs to a dated set on a day.
    fn member(
        &self,
        l: &Labels<'_>,
        set: &DatedSet,
        v: Value<'_>,
        day: NaiveDate,
        truth: bool,
    ) -> String;
    /// Whether a nullable fact is absent.
    fn is_null(&self, node: &Node, v: Value<'_>) -> String;
    /// An empty list.
    fn empty_list(&self, list: &Node) -> String;
    /// A yes-or-no fact of the profile.
    fn fact(&self, field: Field, v: Value<'_>) -> String;
    /// The last day of a period, and what the other counting gives.
    fn last_day(
        &self,
        l: &Labels<'_>,
        start: &Node,
        from: NaiveDate,
        days: i64,
        last: NaiveDate,
    ) -> String;
    /// A rule not in force on the assessment date.
    fn not_in_force(&self, rule: &Rule, as_of: NaiveDate) -> String;
    /// Years the pack does not encode; `earlier` is the rule's own text.
    fn not_encoded(&self, from: NaiveDate, as_of: NaiveDate, earlier: &str) -> String;
    /// Another host state's national rule.
    fn foreign_host(&self, host: Country, own: Country) -> String;
    /// A parameter's latest value used past its period.
    fn carried(&self, l: &Labels<'_>, param: ParamId) -> String;
    /// The test that a rule's event falls in its period (`from`: its start).
    fn event(
        &self,
        on: Option<&Node>,
        event: Value<'_>,
        day: Value<'_>,
        from: bool,
        truth: Truth,
    ) -> String;
    /// A value in running text (a placeholder).
    fn show_fact(&self, v: Value<'_>) -> String;
    /// A kind of work of the pack's occupations table ("medical"), as an
    /// adjective in running text; a name the language does not know is
    /// shown as it is.
    fn kind_of_work<'n>(&self, name: &'n str) -> &'n str;
    /// A summary's date that needs a fact the report asks for.
    fn date_not_yet(&self) -> &'static str;
    /// `{days_since.F}` when F is unknown.
    fn unknown_days(&self) -> &'static str;
    /// `{day_number.F}` when F is unknown.
    fn unknown_day(&self) -> &'static str;
    /// A family member in a question: "family member 1 (child)".
    fn member_words(&self, number: usize, relation: Option<Relation>) -> String;
    /// The question for a missing fact when the pack has none for it.
    fn question_fallback(&self, m: &Missing) -> String;
    /// The interview's fixed words.
    fn interview(&self) -> &'static InterviewWords;
    /// The web form's fixed words.
    fn form(&self) -> &'static form::FormWords;
    /// Why an answer was not taken.
    fn answer_problem(&self, p: &AnswerProblem) -> String;
    /// Where the interview is: the question's number and about how many
    /// are left after it, when that can be told.
    fn progress(&self, number: usize, left: Option<usize>) -> String;
    /// The defaults a profile relied on.
    fn assumptions(&self, p: &WorkerProfile) -> Vec<String>;
    /// A country's name.
    fn country_name(&self, c: Country) -> &'static str;
    /// The fixed words of the text report.
    fn text(&self) -> &'static TextWords;
}

/// The fixed words of the text report, in one language; a sentence that
/// holds a value is the words before it and after it.
pub struct TextWords {
    /// The report's title.
    pub title: &'static str,
    /// Before a profile's id in the title.
    pub title_for: &'static str,
    /// Before the host state.
    pub host_state: &'static str,
    /// Before the assessment date.
    pub assessed_as_of: &'static str,
    /// The status when covered: before and after the host state's name.
    pub covered: (&'static str, &'static str),
    /// The status when not covered: before and after the host state's name.
    pub not_covered: (&'static str, &'static str),
    /// The status when undetermined.
    pub undetermined: &'static str,
    /// The heading of the actions that open the report.
    pub first: &'static str,
    /// Section headings.
    pub may_do: &'static str,
    pub must_do: &'static str,
    pub already_done: &'static str,
    pub done_note: &'static str,
    pub good_to_know: &'static str,
    pub still_need: &'static str,
    pub decides: &'static str,
    /// What an answer decides, in words: "your status", "and" ("и ещё"),
    /// and "provision" with a count ("16 provisions").
    pub your_status: &'static str,
    pub and_more: &'static str,
    pub provision: dates::PluralNoun,
    pub does_not_apply: &'static str,
    pub not_assessed: &'static str,
    pub assumptions: &'static str,
    /// Before each reason.
    pub because: &'static str,
    /// Stands for the reasons the status section already gave.
    pub status_reasons_above: &'static str,
    /// Before the provisions that the status alone rules out.
    pub ruled_out_by_status: &'static str,
    /// Under a covered status: the provisions that apply follow from it.
    pub status_explains_below: &'static str,
    /// The same, in the short report, which gives no reasons.
    pub status_brief: &'static str,
    /// Before where to go to act on a provision, and before what happens
    /// if it is missed.
    pub where_to: &'static str,
    pub if_missed: &'static str,
    /// Before the pages the pack has those two from (in detail).
    pub guide_sources: &'static str,
    /// The short report's heading of what does not apply (it gives no
    /// reasons).
    pub does_not_apply_brief: &'static str,
    /// Date words: until, by, ended on, and a date already passed.
    pub until: &'static str,
    pub by: &'static str,
    pub ended_on: &'static str,
    pub already_passed: &'static str,
    /// "National rule", "implementing", "limiting".
    pub national_rule: &'static str,
    pub implementing: &'static str,
    pub limiting: &'static str,
    /// Quotation marks around a title.
    pub quotes: (&'static str, &'static str),
    /// Before a tension note.
    pub note: &'static str,
    /// The check advice for partly verified and unverified findings.
    pub partly_verified: &'static str,
    pub unverified: &'static str,
    /// Before the source, its link, and the rules version.
    pub source: &'static str,
    pub read_it: &'static str,
    pub rules: &'static str,
    /// Before a rule's id, after a source: "(rule eaeu.x)".
    pub rule: &'static str,
    /// How an article and its paragraph are cited: "Art. 97(4)" or
    /// "ст. 97, п. 4".
    pub citation: Citation,
    /// Dates for the reader: weekday, month by name, days left.
    pub dates: &'static dates::DateWords,
    /// The words of the Markdown report that the text report says
    /// otherwise (its headings are in sentence case, for one).
    pub markdown: MarkdownWords,
    /// The words of the calendar that the text report does not have.
    pub ics: IcsWords,
    /// The words of the printable page that the other reports do not have.
    pub html: HtmlWords,
    /// The words of the timeline of a stay.
    pub timeline: TimelineWords,
}

impl TextWords {
    /// What an answer decides, counted rather than listed by rule id (the
    /// JSON report lists them): "your status and 16 provisions".
    pub(crate) fn decides(&self, q: &crate::report::Question) -> String {
        let status = q.affects.iter().any(|a| a == "status");
        let rules = q.affects.iter().filter(|a| *a != "status").count();
        let rules = u64::try_from(rules).unwrap_or(u64::MAX);
        match (status, rules) {
            (true, 0) => self.your_status.to_owned(),
            (true, n) => format!(
                "{} {} {}",
                self.your_status,
                self.and_more,
                self.dates.counted(n, &self.provision)
            ),
            (false, n) => self.dates.counted(n, &self.provision),
        }
    }
}

/// The printable page's own words; the rest (headings, date words, the
/// check advice, source, rules) are the Markdown and text reports'.
pub struct HtmlWords {
    /// The heading of the person's facts.
    pub details: &'static str,
    /// Under the facts: the report is only as right as they are.
    pub details_note: &'static str,
    /// The status when covered: its name, and the words before and after
    /// the host state's name.
    pub covered: (&'static str, &'static str, &'static str),
    /// The status when not covered: its name, and the words before and
    /// after the host state's name.
    pub not_covered: (&'static str, &'static str, &'static str),
    /// The status when undetermined: its name and the sentence.
    pub undetermined: (&'static str, &'static str),
    /// Before the provisions that do not apply for reasons other than the
    /// status, when those the status rules out are listed above them.
    pub other_reasons: &'static str,
    /// The names and values of the person's facts.
    pub facts: FactWords,
}

/// The words of a profile's facts: the name of each, and the words of
/// their values.
pub struct FactWords {
    /// The names of the facts.
    pub citizenship: &'static str,
    pub host: &'static str,
    pub entry: &'static str,
    pub contract: &'static str,
    pub contract_start: &'static str,
    pub contract_end: &'static str,
    pub terminated: &'static str,
    pub occupation: &'static str,
    pub registered: &'static str,
    pub permanent_resident: &'static str,
    /// "Family members", when there are none or it is not known.
    pub family: &'static str,
    /// "Family member", before a member's number.
    pub member: &'static str,
    pub as_of: &'static str,
    /// The value of a fact the profile does not give.
    pub not_known: &'static str,
    /// Yes and no, for "registered".
    pub yes: &'static str,
    pub no: &'static str,
    /// Has one and has none, for a permit.
    pub has: &'static str,
    pub has_not: &'static str,
    /// No family members.
    pub no_family: &'static str,
    /// No citizenship.
    pub stateless: &'static str,
    /// A contract without an end date.
    pub open_ended: &'static str,
    /// A contract kind, as a noun: "employment contract".
    pub kind: fn(crate::profile::ContractKind) -> &'static str,
    /// How a family member is related to the worker: "child".
    pub relation: fn(crate::profile::Relation) -> &'static str,
    /// A member whose relation is not known.
    pub relative: &'static str,
    /// Before a member's date of birth and citizenship.
    pub born: &'static str,
    pub member_citizenship: &'static str,
    /// A date as a fact, without its weekday: "1 March 2026", from its
    /// day, its month's name (`DateWords::month`) and its year.
    pub date: fn(day: u32, month: &str, year: i32) -> String,
}

/// One fact of the person's profile, for the reader: "Date of entry",
/// "Sunday 1 March 2026".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    /// What the fact is.
    pub label: String,
    /// Its value in words ("not known" when the profile does not say).
    pub value: String,
}

/// The timeline's own words; the rest (the host state line, the date words
/// and names, the rules version) are the text report's.
pub struct TimelineWords {
    /// The title.
    pub title: &'static str,
    /// The days covered: before the first day, between it and the last,
    /// after the last.
    pub span: (&'static str, &'static str, &'static str),
    /// Where the timeline stops, given the years after the later of the
    /// assessment date and the contract's end, and the most years after
    /// the assessment date, each with its noun.
    pub bound: fn(tail: &str, cap: &str) -> String,
    /// "year" in each plural category the language uses.
    pub year: dates::PluralNoun,
    /// The day of the stay: before and after its number.
    pub day_of_stay: (&'static str, &'static str),
    /// Before the status on the first day, and before a new status.
    pub status_is: &'static str,
    pub status_becomes: &'static str,
    /// The status in running text: covered and not covered (before and
    /// after the host state's name), undetermined.
    pub covered: (&'static str, &'static str),
    pub not_covered: (&'static str, &'static str),
    pub undetermined: &'static str,
    /// Headings: on the first day, what applies and what a missing fact
    /// decides.
    pub apply_at_start: &'static str,
    pub open_at_start: &'static str,
    /// Headings: what starts to apply, stops applying, is ruled out after
    /// a missing fact decided it, comes to depend on a missing fact, and
    /// is not assessed.
    pub starts: &'static str,
    pub stops: &'static str,
    pub ruled_out: &'static str,
    pub open: &'static str,
    pub not_assessed: &'static str,
    /// Headings: the last day of a provision's date, an overdue duty, a
    /// date gone by, a date that moves.
    pub due: &'static str,
    pub overdue: &'static str,
    pub passed: &'static str,
    pub moved: &'static str,
    /// The 90/180 count: the host state's name, the days present, the
    /// period (a count of days with its noun), the limit.
    pub count: fn(host: &str, days: i64, window: &str, limit: i64) -> String,
    /// The calendar's entry when no change is to come: before and after
    /// the assessment date.
    pub ics_nothing: (&'static str, &'static str),
    /// Which timeline an event comes from, with a profile id: before the
    /// id, between it and the date, after the date.
    pub ics_from_for: (&'static str, &'static str, &'static str),
    /// Which timeline an event comes from, without an id.
    pub ics_from: (&'static str, &'static str),
    /// After the first change of a day in an event's title, when there are
    /// more, given how many more.
    pub more: fn(n: usize) -> String,
}

/// The Markdown report's own words; the rest (note, source, rules, the
/// date words, the check advice) are the text report's.
pub struct MarkdownWords {
    /// The heading of the actions that open the report.
    pub first: &'static str,
    /// The title: before the host state's name, and after its code,
    /// before the assessment date.
    pub title: (&'static str, &'static str),
    /// Before the profile's id.
    pub profile: &'static str,
    /// Section headings.
    pub status: &'static str,
    pub must_do: &'static str,
    pub already_done: &'static str,
    pub may_do: &'static str,
    pub good_to_know: &'static str,
    pub still_need: &'static str,
    pub does_not_apply: &'static str,
    pub not_assessed: &'static str,
    pub assumptions: &'static str,
    /// The status when covered: before and after the host state's name.
    pub covered: (&'static str, &'static str),
    /// The status when not covered: before and after the host state's name.
    pub not_covered: (&'static str, &'static str),
    /// The status when undetermined.
    pub undetermined: &'static str,
    /// After a done duty's title, before its source.
    pub done_note: &'static str,
    /// Before what a question decides.
    pub decides: &'static str,
}

/// The facts of a profile, for the reader, in `lang`: every fact the
/// engine reads, each known or said to be unknown; the contract's dates
/// only when there is a contract, the early end only when there was one.
fn facts(lang: Lang, p: &WorkerProfile) -> Vec<Fact> {
    use crate::profile::ContractKind;
    let text = lang.text_words();
    let (w, dates) = (&text.html.facts, text.dates);
    let country = |c: Country| format!("{} ({})", lang.country_name(c), c.code());
    let countries = |cs: &[Country]| {
        if cs.is_empty() {
            w.stateless.to_owned()
        } else {
            cs.iter()
                .map(|c| country(*c))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    // A fact's date needs no weekday: the title gives the assessment
    // date's, and the report's dates to act on have theirs.
    let plain = |d: NaiveDate| {
        use chrono::Datelike;
        dates
            .month(d)
            .map_or_else(|| d.to_string(), |month| (w.date)(d.day(), month, d.year()))
    };
    let date = |d: Option<NaiveDate>| d.map_or_else(|| w.not_known.to_owned(), plain);
    let fact = |label: &'static str, value: String| Fact {
        label: label.to_owned(),
        value,
    };
    let mut out = vec![
        fact(w.citizenship, countries(&p.citizenship)),
        fact(w.host, country(p.host)),
        fact(w.entry, date(p.entry_date)),
    ];
    let kind = p.contract.kind.map_or(w.not_known, w.kind);
    out.push(fact(w.contract, kind.to_owned()));
    if p.contract.kind != Some(ContractKind::None) {
        out.push(fact(w.contract_start, date(p.contract.start)));
        let end = match p.contract.end {
            None => w.not_known.to_owned(),
            Some(None) => w.open_ended.to_owned(),
            Some(Some(d)) => plain(d),
        };
        out.push(fact(w.contract_end, end));
        if let Some(d) = p.contract.terminated_on {
            out.push(fact(w.terminated, plain(d)));
        }
    }
    out.push(fact(
        w.occupation,
        p.occupation
            .clone()
            .unwrap_or_else(|| w.not_known.to_owned()),
    ));
    let registered = match p.registered {
        Some(true) => w.yes,
        Some(false) => w.no,
        None => w.not_known,
    };
    out.push(fact(w.registered, registered.to_owned()));
    let permit = if p.permanent_resident {
        w.has
    } else {
        w.has_not
    };
    out.push(fact(w.permanent_resident, permit.to_owned()));
    match &p.family {
        None => out.push(fact(w.family, w.not_known.to_owned())),
        Some(family) if family.is_empty() => out.push(fact(w.family, w.no_family.to_owned())),
        Some(family) => {
            for (i, m) in family.iter().enumerate() {
                let relation = m.relation.map_or(w.relative, w.relation);
                let citizenship = m
                    .citizenship
                    .as_deref()
                    .map_or_else(|| w.not_known.to_owned(), countries);
                out.push(Fact {
                    label: format!("{} {}", w.member, i.saturating_add(1)),
                    value: format!(
                        "{relation}; {}{}; {}{citizenship}",
                        w.born,
                        date(m.birth_date),
                        w.member_citizenship
                    ),
                });
            }
        }
    }
    out.push(fact(w.as_of, plain(p.as_of)));
    out
}

/// The calendar's own words; the rest (source, rule, the date words, the
/// check advice) are the text report's.
pub struct IcsWords {
    /// The entry of a calendar with no date to act on: before and after
    /// the assessment date.
    pub no_dates: (&'static str, &'static str),
    /// Which report an event comes from, with a profile id: before the id,
    /// between it and the date, after the date.
    pub from_for: (&'static str, &'static str, &'static str),
    /// Which report an event comes from, without an id: before and after
    /// the date.
    pub from: (&'static str, &'static str),
}

/// The words and shape of a citation's article and paragraph.
pub struct Citation {
    /// Before an article's number.
    pub article: &'static str,
    /// Before a paragraph's number, when the source pins no article.
    pub paragraph: &'static str,
    /// Before a range of paragraphs' numbers ("пп. 1-2").
    pub paragraphs: &'static str,
    /// Whether a paragraph follows its article in brackets, "97(4)";
    /// otherwise after a comma and `paragraph`, "97, п. 4".
    pub bracketed: bool,
}

/// What a sentence may need besides its reason: the pack (labels, sets,
/// parameters, the day count), the person's profile (placeholders) and the
/// reader's language.
#[derive(Clone, Copy)]
pub(crate) struct Words<'a> {
    pub pack: &'a RulePack,
    pub profile: &'a WorkerProfile,
    speech: &'static dyn Speech,
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
            speech: lang.speech(),
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
        let (sp, l) = (self.speech, &self.labels());
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
            Reason::CarriedForward { param } => sp.carried(l, *param),
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
        let template = self
            .locale
            .and_then(|l| l.rules.get(index))
            .and_then(|t| t.as_ref())
            .map_or(&rule.summary, |(_, summary)| summary);
        self.render(template, &[], dates)
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

    /// Where to go to act on a rule (`missed`: what happens if it is
    /// missed) in the profile's host state, in the reader's language, with
    /// the rule's dates; `None` when the pack says nothing for that host.
    pub(crate) fn guide(
        self,
        index: usize,
        rule: &Rule,
        missed: bool,
        dates: &[Option<NaiveDate>],
    ) -> Option<super::Guide> {
        let host = self.profile.host;
        let (english, translated) = if missed {
            (&rule.if_missed, self.locale.map(|l| &l.if_missed))
        } else {
            (&rule.where_to, self.locale.map(|l| &l.where_to))
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
            None => self.speech.question_fallback(m),
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
        let host = self.speech.country_name(self.profile.host);
        let who = member.map_or_else(String::new, |i| {
            let relation = self
                .profile
                .family
                .as_ref()
                .and_then(|f| f.get(i))
                .and_then(|m| m.relation);
            self.speech.member_words(i.saturating_add(1), relation)
        });
        crate::rules::questions::fill(q.text(lang), host, &who)
    }

    /// The defaults the profile relied on.
    pub(crate) fn assumptions(self) -> Vec<String> {
        self.speech.assumptions(self.profile)
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
            Say::EventFrom | Say::EventTo => self.speech.event(
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
        let (pack, p, sp) = (self.pack, self.profile, self.speech);
        let mut out = String::new();
        for piece in &template.0 {
            match piece {
                Piece::Text(t) => out.push_str(t),
                // A kind of work is a name of the pack's ("medical"): the
                // reader's language says it in its own words.
                Piece::Field(Field::OccupationCategory) => {
                    match fact(pack, p, Field::OccupationCategory) {
                        Value::Text(name) => out.push_str(sp.kind_of_work(name)),
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

    #[test]
    fn the_language_comes_from_a_lang_value() {
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
            "kk_KZ.UTF-8",
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
    }

    #[test]
    fn codes() {
        assert_eq!(Lang::En.code(), "en");
        assert_eq!(Lang::Ru.code(), "ru");
    }
}
