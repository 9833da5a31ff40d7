//! English: the fixed words of the report, timeline, web form and
//! interview. The sentences are in `src/locales/en/*.ftl`, put together by
//! `super::sentences`.

use super::dates::PluralNoun;
use super::form::FormWords;
use super::interview::InterviewWords;
use super::{
    Citation, FactWords, HtmlWords, IcsWords, MarkdownWords, Speech, TextWords, TimelineWords,
};
use crate::country::Country;
use crate::profile::{ContractKind, Relation};

/// English.
pub(crate) struct En;

/// The text report's fixed words in English.
pub static EN_TEXT: TextWords = TextWords {
    title: "Rights and obligations",
    title_for: " for ",
    host_state: "Host state: ",
    assessed_as_of: " · assessed as of ",
    covered: ("COVERED: you are a worker of an EAEU Member State in ", "."),
    not_covered: (
        "NOT COVERED: the EAEU worker rules do not apply to you in ",
        ".",
    ),
    undetermined: "UNDETERMINED: we need more facts to say whether the EAEU worker rules apply.",
    first: "WHAT TO DO FIRST",
    may_do: "WHAT YOU MAY DO",
    must_do: "WHAT YOU MUST DO, AND BY WHEN",
    already_done: "ALREADY DONE",
    done_note: "You told us this is done. Keep the document that shows it.",
    good_to_know: "GOOD TO KNOW",
    still_need: "WHAT WE STILL NEED TO KNOW",
    decides: "decides",
    your_status: "your status",
    and_more: "and",
    provision: PluralNoun {
        one: "provision",
        few: "provisions",
        many: "provisions",
        other: "provisions",
    },
    does_not_apply: "WHAT DOES NOT APPLY, AND WHY",
    not_assessed: "NOT ASSESSED: THE LAW OF THAT TIME IS NOT IN THIS TOOL",
    assumptions: "ASSUMPTIONS (correct any that are wrong)",
    because: "because ",
    status_reasons_above: "of the status reasons above",
    ruled_out_by_status: "Because of your status (above), none of these apply to you:",
    status_explains_below: "The rights and duties below apply to you because of this status, unless they give other reasons.",
    status_brief: "The rights and duties below follow from this status and the facts you gave.",
    where_to: "Where: ",
    if_missed: "Otherwise: ",
    guide_sources: "Sources of “Where” and “Otherwise”:",
    does_not_apply_brief: "WHAT DOES NOT APPLY",
    until: "until",
    by: "by",
    ended_on: "ended on",
    already_passed: "already passed",
    national_rule: "National rule",
    implementing: "implementing",
    limiting: "limiting",
    quotes: ("“", "”"),
    note: "Note: ",
    partly_verified: "partly verified: check with a lawyer or the migration service",
    unverified: "unverified: check with a lawyer or the migration service",
    source: "Source: ",
    read_it: "Read it:",
    rules: "Rules: ",
    rule: "rule ",
    dates: &super::dates::EN,
    citation: Citation {
        article: "Art. ",
        paragraph: "para. ",
        paragraphs: "paras. ",
        bracketed: true,
    },
    markdown: MarkdownWords {
        title: ("Rights and obligations in ", " as of "),
        profile: "Profile: ",
        status: "Status",
        must_do: "What you must do, and by when",
        already_done: "Already done",
        first: "What to do first",
        may_do: "What you may do",
        good_to_know: "Good to know",
        still_need: "What we still need to know",
        does_not_apply: "What does not apply",
        not_assessed: "Not assessed: the law of that time is not in this tool",
        assumptions: "Assumptions (correct any that are wrong)",
        covered: (
            "**Covered:** you are a worker of an EAEU Member State in ",
            ".",
        ),
        not_covered: (
            "**Not covered:** the EAEU worker rules do not apply to you in ",
            ".",
        ),
        undetermined:
            "**Undetermined:** we need more facts to say whether the EAEU worker rules apply.",
        done_note: "you told us this is done; keep the document that shows it.",
        decides: "This decides: ",
    },
    ics: IcsWords {
        no_dates: ("No deadline or end date on or after ", " in this report"),
        from_for: ("From the report for ", " as of ", "."),
        from: ("From the report as of ", "."),
    },
    timeline: TimelineWords {
        title: "Timeline of your stay",
        span: (
            "The days from ",
            " to ",
            " on which your rights and duties change, if the facts you gave stay the same.",
        ),
        bound: |tail, cap| {
            format!("It ends {tail} after the later of the assessment date and the end of your contract, and no later than {cap} after the assessment date.")
        },
        year: PluralNoun {
            one: "year",
            few: "years",
            many: "years",
            other: "years",
        },
        day_of_stay: ("day ", " of your stay"),
        status_is: "Your status: ",
        status_becomes: "Your status changes: ",
        covered: ("you are a worker of an EAEU Member State in ", "."),
        not_covered: ("the EAEU worker rules do not apply to you in ", "."),
        undetermined: "we need more facts to say whether the EAEU worker rules apply.",
        apply_at_start: "On this day, these apply to you:",
        open_at_start: "On this day, these may apply to you, depending on facts you did not give:",
        starts: "From this day, these apply to you:",
        stops: "From this day, these no longer apply to you:",
        ruled_out: "From this day, these do not apply to you:",
        open: "From this day, these may apply to you, depending on facts you did not give:",
        not_assessed: "Not assessed: the rules of that time are not in this tool:",
        due: "This is the last day for:",
        overdue: "The deadline has passed for:",
        passed: "This date has passed:",
        moved: "New dates from this day:",
        count: |host, days, window, limit| {
            format!("If you hold no temporary residence permit or visa: you have been in {host} {days} of the last {window}, if you have stayed every day since you entered (the day of entry counts). The limit is {limit}.")
        },
        ics_nothing: ("This timeline shows no change after ", "."),
        ics_from_for: ("From the timeline for ", " as of ", "."),
        ics_from: ("From the timeline as of ", "."),
        more: |n| format!("and {n} more"),
    },
    html: HtmlWords {
        details: "Your details",
        details_note: "This report is based on these facts. If one of them is wrong, the report may be wrong too.",
        covered: (
            "Covered",
            "you are a worker of an EAEU Member State in ",
            ".",
        ),
        not_covered: (
            "Not covered",
            "the EAEU worker rules do not apply to you in ",
            ".",
        ),
        undetermined: (
            "Undetermined",
            "we need more facts to say whether the EAEU worker rules apply.",
        ),
        other_reasons: "These do not apply to you for other reasons:",
        facts: FactWords {
            citizenship: "Citizenship",
            host: "Host state",
            entry: "Date of entry",
            contract: "Contract",
            contract_start: "Contract starts",
            contract_end: "Contract ends",
            terminated: "Contract terminated early on",
            occupation: "Occupation",
            registered: "Registered with the migration authority",
            permanent_resident: "Permanent residence permit",
            family: "Family members",
            member: "Family member",
            as_of: "Assessed as of",
            not_known: "not known",
            yes: "yes",
            no: "no",
            has: "yes",
            has_not: "no",
            no_family: "none",
            stateless: "none (stateless)",
            open_ended: "open-ended",
            kind: |k| match k {
                ContractKind::Employment => "employment contract",
                ContractKind::CivilLaw => "civil-law contract (for works or services)",
                ContractKind::None => "no contract",
            },
            relation: |r| match r {
                Relation::Child => "child",
                Relation::Spouse => "husband or wife",
                Relation::Parent => "parent",
                Relation::Sibling => "brother or sister",
                Relation::Dependant => "dependant",
                Relation::Other => "other relative",
            },
            relative: "relation not known",
            born: "date of birth: ",
            member_citizenship: "citizenship: ",
            date: |day, month, year| format!("{day} {month} {year}"),
        },
    },
};

impl Speech for En {
    fn country_name(&self, c: Country) -> &'static str {
        c.name_en()
    }
    fn text(&self) -> &'static TextWords {
        &EN_TEXT
    }
    fn interview(&self) -> &'static InterviewWords {
        &EN_INTERVIEW
    }
    fn form(&self) -> &'static FormWords {
        &EN_FORM
    }
}

/// The interview's fixed words in English.
static EN_INTERVIEW: InterviewWords = InterviewWords {
    intro: &[
        "We will ask only what can change your rights and duties.",
        "Answer each question on one line. If you do not know, type ? and we go on.",
        "Type back to change your last answer.",
    ],
    prompt: "> ",
    unknown: &["?", "i don't know", "i do not know", "don't know", "dont know", "not known", "unknown"],
    back: &["back"],
    yes: &["yes", "y"],
    no: &["no", "n"],
    open: &["open", "open-ended", "open ended", "no end"],
    stateless: &["none", "stateless"],
    hint_country: "A country, by name or code: Kazakhstan or KZ.",
    hint_countries: "A country, by name or code: Kyrgyzstan or KG. Several: separate them with commas. No citizenship: none.",
    hint_date: "A date: 2026-03-01 or 01.03.2026.",
    hint_date_or_open: "A date: 2026-03-01 or 01.03.2026. No end date: open.",
    hint_choice: "Type the number or the words.",
    hint_yes_no: "yes or no",
    hint_text: "A few words, such as builder or nurse.",
    hint_count: "A number: 0 if nobody.",
    hint_always: "? if you do not know · back to change your last answer",
    left_unknown: "Left unknown: the plan will say what it would change.",
    undone: "Your last answer is undone.",
    done: "That is all we need to ask. Here is your plan.",
    ran_out: "No more answers to read: what was not answered is left unknown. Here is your plan.",
    save: "Save this plan to a file? Type the number of a format, or press Enter to finish.",
    formats: [
        "text",
        "Markdown, for case notes",
        "JSON, as data",
        "calendar (iCalendar), to import the dates",
        "web page (HTML), to print or to turn into a PDF",
    ],
    file_name: ("File name (press Enter for ", "):"),
    saved: ("The plan is saved in ", "."),
    not_saved: "The plan is not saved.",
};

/// The web form's fixed words in English.
static EN_FORM: FormWords = FormWords {
    title: "Rights and obligations of a worker of a Member State of the Eurasian Economic Union",
    intro: "Fill in what you know. Leave a field empty if you do not know the answer: the report says what it still needs to know.",
    language: "Language",
    person: "The person",
    stay: "Entry and stay",
    contract: "Contract",
    work: "Work",
    family: "Family members",
    assessment: "Assessment",
    citizenship_hint: "Start typing the country's name and pick it from the list. Two citizenships: separate them with a comma. No citizenship: type none.",
    host_hint: "The state where the person works or wants to work.",
    date_hint: "Day, month, year: 01.03.2026 (or 2026-03-01).",
    as_of_hint: "The day the report is for. Leave it empty for today.",
    occupation_hint: "The job title, as in the contract. Teaching, legal, medical and pharmaceutical work need their diplomas recognised.",
    not_known: "Not known",
    contract_kind: "Kind of contract",
    open_ended: "The contract has no end date",
    no_family: "No family member lives with the person in the host state",
    family_hint: "List the family members who live with the person in the host state.",
    relation: "Relation",
    birth_date: "Date of birth",
    member_citizenship: "Citizenship",
    add_member: "Add a family member",
    remove_member: "Remove family member",
    id: "Case reference (optional)",
    id_hint: "Your own reference for this person. It is printed on the report.",
    submit: "Show rights and obligations",
    fix_these: "Please correct these answers:",
    error: "Error: ",
    new_check: "New check",
    edit: "Change the answers",
    print: "Print",
    print_hint: "To print this page, press Ctrl+P.",
    download: "Download:",
    download_json: "JSON (data)",
    download_markdown: "Markdown (case notes)",
    download_ics: "Calendar of the dates (ICS)",
    download_timeline: "Timeline of the stay (text)",
    download_timeline_ics: "Calendar of the timeline (ICS)",
    answer_questions: "Answer the open questions",
    next_heading: "Answer these questions to complete the report",
    next_intro: "Each answer can change what the report says. Leave a field empty if you do not know.",
    next_submit: "Update the report",
    not_found: "There is no page at this address.",
};
