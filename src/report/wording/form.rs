//! The web form's own words (`eaeu-rights serve`): its title, the labels
//! and hints of its fields, its buttons, and the bar above a report page.
//! The names of the facts are the printable page's (`FactWords`), and why
//! a value was not taken is the interview's (`AnswerProblem`), so a field
//! is called and corrected the same way everywhere. Each language's words
//! are its messages `form-*` (`src/locales/*/form.ftl`), read once.

use std::sync::OnceLock;

use crate::locale::{self, Lang, PerLang};

/// The fixed words of the web form, in one language.
pub struct FormWords {
    /// The page's title and main heading.
    pub title: String,
    /// Under the heading: how to fill the form.
    pub intro: String,
    /// The label of the language switch.
    pub language: String,
    /// The headings of the form's groups of fields.
    pub person: String,
    pub stay: String,
    pub contract: String,
    pub work: String,
    pub family: String,
    pub assessment: String,
    /// Under the citizenship: how to type it.
    pub citizenship_hint: String,
    /// Under the host state.
    pub host_hint: String,
    /// Under every date.
    pub date_hint: String,
    /// Under the assessment date.
    pub as_of_hint: String,
    /// Under the occupation.
    pub occupation_hint: String,
    /// The answer that leaves a choice unknown.
    pub not_known: String,
    /// The kind of contract, as the question over its choices.
    pub contract_kind: String,
    /// The box for a contract without an end date.
    pub open_ended: String,
    /// The box for a person with no family member in the host state.
    pub no_family: String,
    /// Under the family: when to list a member.
    pub family_hint: String,
    /// A family member's fields.
    pub relation: String,
    pub birth_date: String,
    pub member_citizenship: String,
    /// The buttons that add and remove a family member.
    pub add_member: String,
    pub remove_member: String,
    /// The case reference, and the hint under it.
    pub id: String,
    pub id_hint: String,
    /// The button that shows the report.
    pub submit: String,
    /// Above the list of fields to correct.
    pub fix_these: String,
    /// Before a field's error message, for screen readers.
    pub error: String,
    /// The bar above a report: a new check, change the answers, print
    /// (and how to print without the button), the downloads.
    pub new_check: String,
    pub edit: String,
    pub print: String,
    pub print_hint: String,
    pub download: String,
    pub download_json: String,
    pub download_markdown: String,
    pub download_ics: String,
    /// The timeline of the stay (`eaeu-rights timeline`), as text and as a
    /// calendar.
    pub download_timeline: String,
    pub download_timeline_ics: String,
    /// The link from the bar to the questions at the foot of the report.
    pub answer_questions: String,
    /// The heading of the questions shown as fields, and their button.
    pub next_heading: String,
    pub next_intro: String,
    pub next_submit: String,
    /// The page of an address that is not there.
    pub not_found: String,
}

impl FormWords {
    /// The web form's words in `lang`, read on first use.
    pub(crate) fn of(lang: Lang) -> &'static FormWords {
        static TABLES: OnceLock<PerLang<FormWords>> = OnceLock::new();
        locale::table(&TABLES, lang, Self::build)
    }

    fn build(lang: Lang) -> Self {
        let word = |id: &str| locale::word(lang, id, None);
        let mut error = locale::split(lang, "form-error", &["message"]).into_iter();
        Self {
            title: word("form-title"),
            intro: word("form-intro"),
            language: word("form-language"),
            person: word("form-person"),
            stay: word("form-stay"),
            contract: word("form-contract"),
            work: word("form-work"),
            family: word("form-family"),
            assessment: word("form-assessment"),
            citizenship_hint: word("form-citizenship-hint"),
            host_hint: word("form-host-hint"),
            date_hint: word("form-date-hint"),
            as_of_hint: word("form-as-of-hint"),
            occupation_hint: word("form-occupation-hint"),
            not_known: word("form-not-known"),
            contract_kind: word("form-contract-kind"),
            open_ended: word("form-open-ended"),
            no_family: word("form-no-family"),
            family_hint: word("form-family-hint"),
            relation: word("form-relation"),
            birth_date: word("form-birth-date"),
            member_citizenship: word("form-member-citizenship"),
            add_member: word("form-add-member"),
            remove_member: word("form-remove-member"),
            id: word("form-id"),
            id_hint: word("form-id-hint"),
            submit: word("form-submit"),
            fix_these: word("form-fix-these"),
            new_check: word("form-new-check"),
            edit: word("form-edit"),
            print: word("form-print"),
            print_hint: word("form-print-hint"),
            download: word("form-download"),
            download_json: word("form-download-json"),
            download_markdown: word("form-download-markdown"),
            download_ics: word("form-download-ics"),
            download_timeline: word("form-download-timeline"),
            download_timeline_ics: word("form-download-timeline-ics"),
            answer_questions: word("form-answer-questions"),
            next_heading: word("form-next-heading"),
            next_intro: word("form-next-intro"),
            next_submit: word("form-next-submit"),
            not_found: word("form-not-found"),
            error: error.next().unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use fluent_bundle::FluentArgs;

    use crate::locale::{format, ids, try_split, Lang};
    use crate::report::wording::interview::InterviewWords;

    #[test]
    fn every_form_message_formats_in_every_language() {
        let mut args = FluentArgs::new();
        for name in ["message", "answer", "default", "file"] {
            args.set(name, "x");
        }
        let english = ids(Lang::En, "form").unwrap();
        assert!(english.len() > 70, "{english:?}");
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
            for (id, arg) in [
                ("form-error", "message"),
                ("interview-prompt", "answer"),
                ("interview-file-name", "default"),
                ("interview-saved", "file"),
            ] {
                let parts = try_split(lang, id, &[arg]);
                assert!(parts.is_ok(), "{} {id}: {parts:?}", lang.code());
                // The error and the prompt keep only the words before
                // their value: none may follow it.
                let after = parts.unwrap().pop().unwrap_or_default();
                if ["form-error", "interview-prompt"].contains(&id) {
                    assert_eq!(after, "", "{} {id}", lang.code());
                }
            }
            // Each answer a line, in lower case, and `?` leaves a fact
            // unknown in every language.
            let w = InterviewWords::of(lang);
            for list in [&w.unknown, &w.back, &w.yes, &w.no, &w.open, &w.stateless] {
                assert!(!list.is_empty(), "{}", lang.code());
                for answer in list {
                    assert_eq!(*answer, answer.trim().to_lowercase(), "{}", lang.code());
                }
            }
            assert!(w.unknown.iter().any(|a| a == "?"), "{}", lang.code());
        }
    }
}
