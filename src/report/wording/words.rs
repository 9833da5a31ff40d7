//! The fixed words of each kind of output (text, Markdown, HTML, the
//! calendar, the timeline) and of a person's facts, one struct per kind,
//! read from each language's messages (`src/locales/*/report.ftl`) once,
//! on first use. A message that holds a value is kept as the words before
//! and after it, so each renderer puts in the value as its format needs
//! (escaped, in bold); a message that counts or joins several values is
//! formatted when it is needed.

use std::sync::OnceLock;

use fluent_bundle::FluentArgs;

use crate::profile::Relation;

use super::*;
use crate::locale::{self, PerLang};

/// Reads one language's messages into its tables.
#[derive(Clone, Copy)]
struct Read(Lang);

impl Read {
    /// A message without arguments.
    fn word(self, id: &str) -> String {
        locale::word(self.0, id, None)
    }

    /// A message with one argument: the words before it and after it.
    fn pair(self, id: &str, arg: &str) -> (String, String) {
        let mut parts = locale::split(self.0, id, &[arg]).into_iter();
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    }

    /// The words before a message's one argument.
    fn before(self, id: &str, arg: &str) -> String {
        self.pair(id, arg).0
    }

    /// A message with two arguments: the words before the first, between
    /// them and after the second.
    fn triple(self, id: &str, first: &str, second: &str) -> (String, String, String) {
        let mut parts = locale::split(self.0, id, &[first, second]).into_iter();
        (
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
            parts.next().unwrap_or_default(),
        )
    }
}

/// The messages that are read into a table with their arguments cut out,
/// and those arguments, in order (the tests check every language's).
#[cfg(test)]
pub(crate) const SPLIT: &[(&str, &[&str])] = &[
    ("report-title-for", &["title", "id"]),
    ("report-host-line", &["host", "date"]),
    ("report-covered", &["host"]),
    ("report-not-covered", &["host"]),
    ("report-because", &["reason"]),
    ("report-where", &["guide"]),
    ("report-if-missed", &["guide"]),
    ("report-quoted", &["title"]),
    ("report-note", &["note"]),
    ("report-source", &["source"]),
    ("report-rules", &["version"]),
    ("report-rule", &["rule"]),
    ("md-title", &["host", "date"]),
    ("md-profile", &["id"]),
    ("md-covered", &["host"]),
    ("md-not-covered", &["host"]),
    ("md-decides", &["what"]),
    ("ics-no-dates", &["date"]),
    ("ics-from-for", &["id", "date"]),
    ("ics-from", &["date"]),
    ("html-covered", &["host"]),
    ("html-not-covered", &["host"]),
    ("fact-member", &["number"]),
    ("timeline-span", &["first", "last"]),
    ("timeline-day-of-stay", &["day"]),
    ("timeline-status-is", &["status"]),
    ("timeline-status-becomes", &["status"]),
    ("timeline-covered", &["host"]),
    ("timeline-not-covered", &["host"]),
    ("timeline-ics-nothing", &["date"]),
    ("timeline-ics-from-for", &["id", "date"]),
    ("timeline-ics-from", &["date"]),
];

/// The fixed words of the text report, in one language; a sentence that
/// holds a value is the words before it and after it.
pub struct TextWords {
    /// The language, for the words formatted when needed (counts,
    /// citations).
    pub lang: Lang,
    /// The report's title.
    pub title: String,
    /// Before a profile's id in the title.
    pub title_for: String,
    /// Before the host state.
    pub host_state: String,
    /// Before the assessment date.
    pub assessed_as_of: String,
    /// The status when covered: before and after the host state's name.
    pub covered: (String, String),
    /// The status when not covered: before and after the host state's name.
    pub not_covered: (String, String),
    /// The status when undetermined.
    pub undetermined: String,
    /// The heading of the actions that open the report.
    pub first: String,
    /// Section headings.
    pub may_do: String,
    pub must_do: String,
    pub already_done: String,
    pub done_note: String,
    pub good_to_know: String,
    pub still_need: String,
    pub decides: String,
    /// What an answer decides when it is the status alone.
    pub your_status: String,
    pub does_not_apply: String,
    pub not_assessed: String,
    pub assumptions: String,
    /// Before each reason.
    pub because: String,
    /// Stands for the reasons the status section already gave.
    pub status_reasons_above: String,
    /// Before the provisions that the status alone rules out.
    pub ruled_out_by_status: String,
    /// Under a covered status: the provisions that apply follow from it.
    pub status_explains_below: String,
    /// The same, in the short report, which gives no reasons.
    pub status_brief: String,
    /// Before where to go to act on a provision, and before what happens
    /// if it is missed.
    pub where_to: String,
    pub if_missed: String,
    /// Before the pages the pack has those two from (in detail).
    pub guide_sources: String,
    /// The short report's heading of what does not apply (it gives no
    /// reasons).
    pub does_not_apply_brief: String,
    /// Date words: until, by, ended on, and a date already passed.
    pub until: String,
    pub by: String,
    pub ended_on: String,
    pub already_passed: String,
    /// "National rule", "implementing", "limiting".
    pub national_rule: String,
    pub implementing: String,
    pub limiting: String,
    /// Quotation marks around a title.
    pub quotes: (String, String),
    /// Before a tension note.
    pub note: String,
    /// The check advice for partly verified and unverified findings.
    pub partly_verified: String,
    pub unverified: String,
    /// Before the source, its link, and the rules version.
    pub source: String,
    pub read_it: String,
    pub rules: String,
    /// Before a rule's id, after a source: "(rule eaeu.x)".
    pub rule: String,
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
    /// The text report's words in `lang`, read on first use.
    pub(crate) fn of(lang: Lang) -> &'static TextWords {
        static TABLES: OnceLock<PerLang<TextWords>> = OnceLock::new();
        locale::table(&TABLES, lang, Self::build)
    }

    fn build(lang: Lang) -> Self {
        let r = Read(lang);
        let (title_for, host_state, assessed_as_of) = {
            let (_, title_for, _) = r.triple("report-title-for", "title", "id");
            let (host_state, assessed_as_of, _) = r.triple("report-host-line", "host", "date");
            (title_for, host_state, assessed_as_of)
        };
        Self {
            lang,
            title: r.word("report-title"),
            title_for,
            host_state,
            assessed_as_of,
            covered: r.pair("report-covered", "host"),
            not_covered: r.pair("report-not-covered", "host"),
            undetermined: r.word("report-undetermined"),
            first: r.word("report-first"),
            may_do: r.word("report-may-do"),
            must_do: r.word("report-must-do"),
            already_done: r.word("report-already-done"),
            done_note: r.word("report-done-note"),
            good_to_know: r.word("report-good-to-know"),
            still_need: r.word("report-still-need"),
            decides: r.word("report-decides"),
            your_status: r.word("report-decides-status"),
            does_not_apply: r.word("report-does-not-apply"),
            not_assessed: r.word("report-not-assessed"),
            assumptions: r.word("report-assumptions"),
            because: r.before("report-because", "reason"),
            status_reasons_above: r.word("report-status-reasons-above"),
            ruled_out_by_status: r.word("report-ruled-out-by-status"),
            status_explains_below: r.word("report-status-explains-below"),
            status_brief: r.word("report-status-brief"),
            where_to: r.before("report-where", "guide"),
            if_missed: r.before("report-if-missed", "guide"),
            guide_sources: r.word("report-guide-sources"),
            does_not_apply_brief: r.word("report-does-not-apply-brief"),
            until: r.word("report-until"),
            by: r.word("report-by"),
            ended_on: r.word("report-ended-on"),
            already_passed: r.word("report-already-passed"),
            national_rule: r.word("report-national-rule"),
            implementing: r.word("report-implementing"),
            limiting: r.word("report-limiting"),
            quotes: r.pair("report-quoted", "title"),
            note: r.before("report-note", "note"),
            partly_verified: r.word("report-partly-verified"),
            unverified: r.word("report-unverified"),
            source: r.before("report-source", "source"),
            read_it: r.word("report-read-it"),
            rules: r.before("report-rules", "version"),
            rule: r.before("report-rule", "rule"),
            dates: dates::DateWords::of(lang),
            markdown: MarkdownWords::build(r),
            ics: IcsWords {
                no_dates: r.pair("ics-no-dates", "date"),
                from_for: r.triple("ics-from-for", "id", "date"),
                from: r.pair("ics-from", "date"),
            },
            html: HtmlWords::build(r),
            timeline: TimelineWords::build(r),
        }
    }

    /// What an answer decides, counted rather than listed by rule id (the
    /// JSON report lists them): "your status and 16 provisions".
    pub(crate) fn decides(&self, q: &crate::report::Question) -> String {
        let status = q.affects.iter().any(|a| a == "status");
        let rules = q.affects.iter().filter(|a| *a != "status").count();
        let rules = u64::try_from(rules).unwrap_or(u64::MAX);
        let provisions = || dates::count(self.lang, "report-provisions", rules);
        match (status, rules) {
            (true, 0) => self.your_status.clone(),
            (true, _) => {
                let mut args = FluentArgs::new();
                args.set("provisions", provisions());
                locale::word(self.lang, "report-decides-status-and", Some(&args))
            }
            (false, _) => provisions(),
        }
    }

    /// A source cited in this language: "Treaty on the Eurasian Economic
    /// Union, Art. 97(4)", «…, ст. 97, п. 4»; a range of paragraphs
    /// ("1-2") as the language cites one.
    pub(crate) fn cite(&self, source: &Source) -> String {
        let mut args = FluentArgs::new();
        args.set("instrument", source.instrument.as_str());
        let mut paragraph =
            |p: &str, one: &'static str, range: &'static str| match p.split_once('-') {
                Some((first, last)) => {
                    args.set("first", first.to_owned());
                    args.set("last", last.to_owned());
                    range
                }
                None => {
                    args.set("paragraph", p.to_owned());
                    one
                }
            };
        let id = match (&source.article, &source.paragraph) {
            (Some(_), Some(p)) => paragraph(p, "cite-article-paragraph", "cite-article-paragraphs"),
            (None, Some(p)) => paragraph(p, "cite-paragraph", "cite-paragraphs"),
            (Some(_), None) => "cite-article",
            (None, None) => return source.instrument.clone(),
        };
        if let Some(a) = &source.article {
            args.set("article", a.as_str());
        }
        locale::word(self.lang, id, Some(&args))
    }
}

/// The printable page's own words; the rest (headings, date words, the
/// check advice, source, rules) are the Markdown and text reports'.
pub struct HtmlWords {
    /// The heading of the person's facts.
    pub details: String,
    /// Under the facts: the report is only as right as they are.
    pub details_note: String,
    /// The status when covered: its name, and the words before and after
    /// the host state's name.
    pub covered: (String, String, String),
    /// The status when not covered: its name, and the words before and
    /// after the host state's name.
    pub not_covered: (String, String, String),
    /// The status when undetermined: its name and the sentence.
    pub undetermined: (String, String),
    /// Before the provisions that do not apply for reasons other than the
    /// status, when those the status rules out are listed above them.
    pub other_reasons: String,
    /// The names and values of the person's facts.
    pub facts: FactWords,
}

impl HtmlWords {
    fn build(r: Read) -> Self {
        let status = |name: &str, id: &str| {
            let (before, after) = r.pair(id, "host");
            (r.word(name), before, after)
        };
        Self {
            details: r.word("html-details"),
            details_note: r.word("html-details-note"),
            covered: status("html-covered-name", "html-covered"),
            not_covered: status("html-not-covered-name", "html-not-covered"),
            undetermined: (
                r.word("html-undetermined-name"),
                r.word("html-undetermined"),
            ),
            other_reasons: r.word("html-other-reasons"),
            facts: FactWords::build(r),
        }
    }
}

/// The words of a profile's facts: the name of each, and the words of
/// their values.
pub struct FactWords {
    /// The language, for a family member's words.
    lang: Lang,
    /// The names of the facts.
    pub citizenship: String,
    pub host: String,
    pub entry: String,
    pub contract: String,
    pub contract_start: String,
    pub contract_end: String,
    pub terminated: String,
    pub occupation: String,
    pub registered: String,
    pub permanent_resident: String,
    /// "Family members", when there are none or it is not known.
    pub family: String,
    /// "Family member", before and after a member's number.
    pub member: (String, String),
    pub as_of: String,
    /// The value of a fact the profile does not give.
    pub not_known: String,
    /// Yes and no, for "registered".
    pub yes: String,
    pub no: String,
    /// Has one and has none, for a permit.
    pub has: String,
    pub has_not: String,
    /// No family members.
    pub no_family: String,
    /// No citizenship.
    pub stateless: String,
    /// A contract without an end date.
    pub open_ended: String,
    /// The contract kinds, as nouns: "employment contract" (in the order
    /// of `KINDS`).
    kinds: [String; 3],
    /// How a family member is related to the worker: "child" (in the
    /// order of `RELATIONS`).
    relations: [String; 6],
    /// A member whose relation is not known.
    pub relative: String,
}

/// The contract kinds, with their messages.
const KINDS: [(crate::profile::ContractKind, &str); 3] = {
    use crate::profile::ContractKind as K;
    [
        (K::Employment, "fact-kind-employment"),
        (K::CivilLaw, "fact-kind-civil-law"),
        (K::None, "fact-kind-none"),
    ]
};

/// The relations of a family member, with their messages.
const RELATIONS: [(Relation, &str); 6] = [
    (Relation::Child, "fact-relation-child"),
    (Relation::Spouse, "fact-relation-spouse"),
    (Relation::Parent, "fact-relation-parent"),
    (Relation::Sibling, "fact-relation-sibling"),
    (Relation::Dependant, "fact-relation-dependant"),
    (Relation::Other, "fact-relation-other"),
];

impl FactWords {
    fn build(r: Read) -> Self {
        Self {
            lang: r.0,
            citizenship: r.word("fact-citizenship"),
            host: r.word("fact-host"),
            entry: r.word("fact-entry"),
            contract: r.word("fact-contract"),
            contract_start: r.word("fact-contract-start"),
            contract_end: r.word("fact-contract-end"),
            terminated: r.word("fact-terminated"),
            occupation: r.word("fact-occupation"),
            registered: r.word("fact-registered"),
            permanent_resident: r.word("fact-permanent-resident"),
            family: r.word("fact-family"),
            member: r.pair("fact-member", "number"),
            as_of: r.word("fact-as-of"),
            not_known: r.word("fact-not-known"),
            yes: r.word("fact-yes"),
            no: r.word("fact-no"),
            has: r.word("fact-has"),
            has_not: r.word("fact-has-not"),
            no_family: r.word("fact-no-family"),
            stateless: r.word("fact-stateless"),
            open_ended: r.word("fact-open-ended"),
            kinds: KINDS.map(|(_, id)| r.word(id)),
            relations: RELATIONS.map(|(_, id)| r.word(id)),
            relative: r.word("fact-relation-not-known"),
        }
    }

    /// A contract kind, as a noun: "employment contract".
    pub fn kind(&self, kind: crate::profile::ContractKind) -> &str {
        KINDS
            .iter()
            .zip(&self.kinds)
            .find(|((k, _), _)| *k == kind)
            .map_or("", |(_, word)| word)
    }

    /// How a family member is related to the worker: "child".
    pub fn relation(&self, relation: Relation) -> &str {
        RELATIONS
            .iter()
            .zip(&self.relations)
            .find(|((r, _), _)| *r == relation)
            .map_or("", |(_, word)| word)
    }

    /// A family member's facts: how related, date of birth, citizenship.
    pub fn member_value(&self, relation: &str, born: &str, citizenship: &str) -> String {
        let mut args = FluentArgs::new();
        args.set("relation", relation.to_owned());
        args.set("born", born.to_owned());
        args.set("citizenship", citizenship.to_owned());
        locale::word(self.lang, "fact-member-value", Some(&args))
    }
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
    /// The language, for the words formatted when needed.
    lang: Lang,
    /// The title.
    pub title: String,
    /// The days covered: before the first day, between it and the last,
    /// after the last.
    pub span: (String, String, String),
    /// The day of the stay: before and after its number.
    pub day_of_stay: (String, String),
    /// Before the status on the first day, and before a new status.
    pub status_is: String,
    pub status_becomes: String,
    /// The status in running text: covered and not covered (before and
    /// after the host state's name), undetermined.
    pub covered: (String, String),
    pub not_covered: (String, String),
    pub undetermined: String,
    /// Headings: on the first day, what applies and what a missing fact
    /// decides.
    pub apply_at_start: String,
    pub open_at_start: String,
    /// Headings: what starts to apply, stops applying, is ruled out after
    /// a missing fact decided it, comes to depend on a missing fact, and
    /// is not assessed.
    pub starts: String,
    pub stops: String,
    pub ruled_out: String,
    pub open: String,
    pub not_assessed: String,
    /// Headings: the last day of a provision's date, an overdue duty, a
    /// date gone by, a date that moves.
    pub due: String,
    pub overdue: String,
    pub passed: String,
    pub moved: String,
    /// The calendar's entry when no change is to come: before and after
    /// the assessment date.
    pub ics_nothing: (String, String),
    /// Which timeline an event comes from, with a profile id: before the
    /// id, between it and the date, after the date.
    pub ics_from_for: (String, String, String),
    /// Which timeline an event comes from, without an id.
    pub ics_from: (String, String),
}

impl TimelineWords {
    fn build(r: Read) -> Self {
        Self {
            lang: r.0,
            title: r.word("timeline-title"),
            span: r.triple("timeline-span", "first", "last"),
            day_of_stay: r.pair("timeline-day-of-stay", "day"),
            status_is: r.before("timeline-status-is", "status"),
            status_becomes: r.before("timeline-status-becomes", "status"),
            covered: r.pair("timeline-covered", "host"),
            not_covered: r.pair("timeline-not-covered", "host"),
            undetermined: r.word("timeline-undetermined"),
            apply_at_start: r.word("timeline-apply-at-start"),
            open_at_start: r.word("timeline-open-at-start"),
            starts: r.word("timeline-starts"),
            stops: r.word("timeline-stops"),
            ruled_out: r.word("timeline-ruled-out"),
            open: r.word("timeline-open"),
            not_assessed: r.word("timeline-not-assessed"),
            due: r.word("timeline-due"),
            overdue: r.word("timeline-overdue"),
            passed: r.word("timeline-passed"),
            moved: r.word("timeline-moved"),
            ics_nothing: r.pair("timeline-ics-nothing", "date"),
            ics_from_for: r.triple("timeline-ics-from-for", "id", "date"),
            ics_from: r.pair("timeline-ics-from", "date"),
        }
    }

    /// Where the timeline stops: `tail` years after the later of the
    /// assessment date and the contract's end, at most `cap` years after
    /// the assessment date.
    pub fn bound(&self, tail: u64, cap: u64) -> String {
        let mut args = FluentArgs::new();
        args.set("tail", dates::count(self.lang, "timeline-years", tail));
        args.set("cap", dates::count(self.lang, "timeline-years", cap));
        locale::word(self.lang, "timeline-bound", Some(&args))
    }

    /// The 90/180 count: the host state's name, the days present, the
    /// period (a count of days with its noun), the limit.
    pub fn count(&self, host: &str, days: i64, window: &str, limit: i64) -> String {
        let mut args = FluentArgs::new();
        args.set("host", host.to_owned());
        args.set("days", days);
        args.set("window", window.to_owned());
        args.set("limit", limit);
        locale::word(self.lang, "timeline-count", Some(&args))
    }

    /// After the first change of a day in an event's title, when there are
    /// more: "and 2 more".
    pub fn more(&self, n: usize) -> String {
        let mut args = FluentArgs::new();
        args.set("count", n);
        locale::word(self.lang, "timeline-more", Some(&args))
    }
}

/// The Markdown report's own words; the rest (note, source, rules, the
/// date words, the check advice) are the text report's.
pub struct MarkdownWords {
    /// The heading of the actions that open the report.
    pub first: String,
    /// The title: before the host state's name, and after its code,
    /// before the assessment date.
    pub title: (String, String),
    /// Before the profile's id.
    pub profile: String,
    /// Section headings.
    pub status: String,
    pub must_do: String,
    pub already_done: String,
    pub may_do: String,
    pub good_to_know: String,
    pub still_need: String,
    pub does_not_apply: String,
    pub not_assessed: String,
    pub assumptions: String,
    /// The status when covered: before and after the host state's name.
    pub covered: (String, String),
    /// The status when not covered: before and after the host state's name.
    pub not_covered: (String, String),
    /// The status when undetermined.
    pub undetermined: String,
    /// After a done duty's title, before its source.
    pub done_note: String,
    /// Before what a question decides.
    pub decides: String,
}

impl MarkdownWords {
    fn build(r: Read) -> Self {
        let (before, after, _) = r.triple("md-title", "host", "date");
        Self {
            first: r.word("md-first"),
            title: (before, after),
            profile: r.before("md-profile", "id"),
            status: r.word("md-status"),
            must_do: r.word("md-must-do"),
            already_done: r.word("md-already-done"),
            may_do: r.word("md-may-do"),
            good_to_know: r.word("md-good-to-know"),
            still_need: r.word("md-still-need"),
            does_not_apply: r.word("md-does-not-apply"),
            not_assessed: r.word("md-not-assessed"),
            assumptions: r.word("md-assumptions"),
            covered: r.pair("md-covered", "host"),
            not_covered: r.pair("md-not-covered", "host"),
            undetermined: r.word("md-undetermined"),
            done_note: r.word("md-done-note"),
            decides: r.before("md-decides", "what"),
        }
    }
}

/// The facts of a profile, for the reader, in `lang`: every fact the
/// engine reads, each known or said to be unknown; the contract's dates
/// only when there is a contract, the early end only when there was one.
pub(super) fn facts(lang: Lang, p: &WorkerProfile) -> Vec<Fact> {
    use crate::profile::ContractKind;
    let text = lang.text_words();
    let (w, dates) = (&text.html.facts, text.dates);
    let country = |c: Country| format!("{} ({})", lang.country_name(c), c.code());
    let countries = |cs: &[Country]| {
        if cs.is_empty() {
            w.stateless.clone()
        } else {
            cs.iter()
                .map(|c| country(*c))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    // A fact's date needs no weekday: the title gives the assessment
    // date's, and the report's dates to act on have theirs.
    let plain = |d: NaiveDate| dates.plain(d);
    let date = |d: Option<NaiveDate>| d.map_or_else(|| w.not_known.clone(), plain);
    let fact = |label: &str, value: String| Fact {
        label: label.to_owned(),
        value,
    };
    let mut out = vec![
        fact(&w.citizenship, countries(&p.citizenship)),
        fact(&w.host, country(p.host)),
        fact(&w.entry, date(p.entry_date)),
    ];
    let kind = p.contract.kind.map_or(w.not_known.as_str(), |k| w.kind(k));
    out.push(fact(&w.contract, kind.to_owned()));
    if p.contract.kind != Some(ContractKind::None) {
        out.push(fact(&w.contract_start, date(p.contract.start)));
        let end = match p.contract.end {
            None => w.not_known.clone(),
            Some(None) => w.open_ended.clone(),
            Some(Some(d)) => plain(d),
        };
        out.push(fact(&w.contract_end, end));
        if let Some(d) = p.contract.terminated_on {
            out.push(fact(&w.terminated, plain(d)));
        }
    }
    out.push(fact(
        &w.occupation,
        p.occupation.clone().unwrap_or_else(|| w.not_known.clone()),
    ));
    let registered = match p.registered {
        Some(true) => &w.yes,
        Some(false) => &w.no,
        None => &w.not_known,
    };
    out.push(fact(&w.registered, registered.clone()));
    let permit = if p.permanent_resident {
        &w.has
    } else {
        &w.has_not
    };
    out.push(fact(&w.permanent_resident, permit.clone()));
    match &p.family {
        None => out.push(fact(&w.family, w.not_known.clone())),
        Some(family) if family.is_empty() => out.push(fact(&w.family, w.no_family.clone())),
        Some(family) => {
            for (i, m) in family.iter().enumerate() {
                let relation = m.relation.map_or(w.relative.as_str(), |r| w.relation(r));
                let citizenship = m
                    .citizenship
                    .as_deref()
                    .map_or_else(|| w.not_known.clone(), countries);
                out.push(Fact {
                    label: format!("{}{}{}", w.member.0, i.saturating_add(1), w.member.1),
                    value: w.member_value(relation, &date(m.birth_date), &citizenship),
                });
            }
        }
    }
    out.push(fact(&w.as_of, plain(p.as_of)));
    out
}

/// The calendar's own words; the rest (source, rule, the date words, the
/// check advice) are the text report's.
pub struct IcsWords {
    /// The entry of a calendar with no date to act on: before and after
    /// the assessment date.
    pub no_dates: (String, String),
    /// Which report an event comes from, with a profile id: before the id,
    /// between it and the date, after the date.
    pub from_for: (String, String, String),
    /// Which report an event comes from, without an id: before and after
    /// the date.
    pub from: (String, String),
}

#[cfg(test)]
mod tests {
    use fluent_bundle::FluentArgs;

    use super::SPLIT;
    use crate::locale::{format, ids, try_split, Lang};

    /// Every argument the code gives the messages of `file`, with a value.
    fn every_argument() -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        for name in [
            "title",
            "id",
            "host",
            "date",
            "reason",
            "guide",
            "note",
            "source",
            "version",
            "rule",
            "what",
            "first",
            "last",
            "status",
            "day",
            "relation",
            "born",
            "citizenship",
            "tail",
            "cap",
            "window",
            "instrument",
            "article",
            "paragraph",
            "provisions",
            "weekday",
            "month",
            "year",
        ] {
            args.set(name, "x");
        }
        for name in ["count", "number", "days", "limit"] {
            args.set(name, 2);
        }
        args
    }

    /// The parts of a cut message (by position: before the first
    /// argument, ...) that its table does not keep: the words a line puts
    /// around the value are the renderer's ("Source: " before a citation
    /// the renderer gives, a title before "for" and the id).
    const LEFT_OUT: &[(&str, &[usize])] = &[
        ("report-title-for", &[0, 2]),
        ("report-host-line", &[2]),
        ("report-because", &[1]),
        ("report-where", &[1]),
        ("report-if-missed", &[1]),
        ("report-note", &[1]),
        ("report-source", &[1]),
        ("report-rules", &[1]),
        ("report-rule", &[1]),
        ("md-title", &[2]),
        ("md-profile", &[1]),
        ("md-decides", &[1]),
        ("timeline-status-is", &[1]),
        ("timeline-status-becomes", &[1]),
    ];

    #[test]
    fn every_report_message_formats_in_every_language() {
        let args = every_argument();
        let english = ids(Lang::En, "report").unwrap();
        assert!(english.len() > 100, "{english:?}");
        for lang in Lang::ALL {
            for id in &english {
                // In this language exactly: no fallback to English, no
                // argument missing.
                let text = format(lang, id, Some(&args));
                assert!(
                    matches!(&text, Ok(t) if !t.is_empty()),
                    "{} {id}: {text:?}",
                    lang.code()
                );
            }
            for (id, names) in SPLIT {
                let parts = try_split(lang, id, names);
                assert!(parts.is_ok(), "{} {id}: {parts:?}", lang.code());
                // The words a table does not keep must be none, or they
                // would be lost: the renderer prints only the others.
                let parts = parts.unwrap();
                let unused = LEFT_OUT.iter().find(|(i, _)| i == id).map(|(_, u)| *u);
                for i in unused.unwrap_or_default() {
                    assert_eq!(
                        parts.get(*i).map(String::as_str),
                        Some(""),
                        "{} {id}: only {:?} are printed",
                        lang.code(),
                        names
                    );
                }
            }
            for id in ["report-provisions", "date-days", "timeline-years"] {
                for n in 0..=200_u64 {
                    let mut args = FluentArgs::new();
                    args.set("count", n);
                    let text = format(lang, id, Some(&args)).unwrap();
                    assert!(text.starts_with(&format!("{n}\u{a0}")), "{text}");
                }
            }
        }
    }

    #[test]
    fn counts_take_the_form_their_number_calls_for() {
        let provisions = |lang: Lang, n: u64| super::dates::count(lang, "report-provisions", n);
        assert_eq!(provisions(Lang::En, 1), "1\u{a0}provision");
        assert_eq!(provisions(Lang::En, 16), "16\u{a0}provisions");
        assert_eq!(provisions(Lang::Ru, 1), "1\u{a0}положение");
        assert_eq!(provisions(Lang::Ru, 3), "3\u{a0}положения");
        assert_eq!(provisions(Lang::Ru, 16), "16\u{a0}положений");
        assert_eq!(provisions(Lang::Ru, 21), "21\u{a0}положение");
        let years = |lang: Lang| lang.text_words().timeline.bound(1, 5);
        assert!(years(Lang::En).contains("ends 1\u{a0}year after"));
        assert!(years(Lang::En).contains("than 5\u{a0}years after"));
        assert!(years(Lang::Ru).contains("через 1\u{a0}год после"));
        assert!(years(Lang::Ru).contains("через 5\u{a0}лет после"));
    }

    #[test]
    fn citations_in_each_language() {
        let source = |article: Option<&str>, paragraph: Option<&str>| crate::engine::ir::Source {
            instrument: "Treaty".to_owned(),
            article: article.map(str::to_owned),
            paragraph: paragraph.map(str::to_owned),
            url: None,
            date: None,
        };
        for (article, paragraph, en, ru) in [
            (
                Some("97"),
                Some("4"),
                "Treaty, Art. 97(4)",
                "Treaty, ст. 97, п. 4",
            ),
            (
                Some("97"),
                Some("1-2"),
                "Treaty, Art. 97(1)-(2)",
                "Treaty, ст. 97, пп. 1-2",
            ),
            (Some("97"), None, "Treaty, Art. 97", "Treaty, ст. 97"),
            (None, Some("4"), "Treaty, para. 4", "Treaty, п. 4"),
            (None, Some("1-2"), "Treaty, paras. 1-2", "Treaty, пп. 1-2"),
            (None, None, "Treaty", "Treaty"),
        ] {
            let s = source(article, paragraph);
            assert_eq!(Lang::En.text_words().cite(&s), en);
            assert_eq!(Lang::Ru.text_words().cite(&s), ru);
        }
    }
}
