//! The fixed words of each kind of output (text, Markdown, HTML, the
//! calendar, the timeline) and of a person's facts, one struct per kind;
//! each language fills them in its own module.

use super::*;

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
pub(super) fn facts(lang: Lang, p: &WorkerProfile) -> Vec<Fact> {
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
