//! The web form's own words (`eaeu-rights serve`): its title, the labels
//! and hints of its fields, its buttons, and the bar above a report page.
//! The names of the facts are the printable page's (`FactWords`), and why
//! a value was not taken is the interview's (`AnswerProblem`), so a field
//! is called and corrected the same way everywhere. Each language's words
//! are in its module (`en.rs`, `ru.rs`).

/// The fixed words of the web form, in one language.
pub struct FormWords {
    /// The page's title and main heading.
    pub title: &'static str,
    /// Under the heading: how to fill the form.
    pub intro: &'static str,
    /// The label of the language switch.
    pub language: &'static str,
    /// The headings of the form's groups of fields.
    pub person: &'static str,
    pub stay: &'static str,
    pub contract: &'static str,
    pub work: &'static str,
    pub family: &'static str,
    pub assessment: &'static str,
    /// Under the citizenship: how to type it.
    pub citizenship_hint: &'static str,
    /// Under the host state.
    pub host_hint: &'static str,
    /// Under every date.
    pub date_hint: &'static str,
    /// Under the assessment date.
    pub as_of_hint: &'static str,
    /// Under the occupation.
    pub occupation_hint: &'static str,
    /// The answer that leaves a choice unknown.
    pub not_known: &'static str,
    /// The kind of contract, as the question over its choices.
    pub contract_kind: &'static str,
    /// The box for a contract without an end date.
    pub open_ended: &'static str,
    /// The box for a person with no family member in the host state.
    pub no_family: &'static str,
    /// Under the family: when to list a member.
    pub family_hint: &'static str,
    /// A family member's fields.
    pub relation: &'static str,
    pub birth_date: &'static str,
    pub member_citizenship: &'static str,
    /// The buttons that add and remove a family member.
    pub add_member: &'static str,
    pub remove_member: &'static str,
    /// The case reference, and the hint under it.
    pub id: &'static str,
    pub id_hint: &'static str,
    /// The button that shows the report.
    pub submit: &'static str,
    /// Above the list of fields to correct.
    pub fix_these: &'static str,
    /// Before a field's error message, for screen readers.
    pub error: &'static str,
    /// The bar above a report: a new check, change the answers, print
    /// (and how to print without the button), the downloads.
    pub new_check: &'static str,
    pub edit: &'static str,
    pub print: &'static str,
    pub print_hint: &'static str,
    pub download: &'static str,
    pub download_json: &'static str,
    pub download_markdown: &'static str,
    pub download_ics: &'static str,
    /// The timeline of the stay (`eaeu-rights timeline`), as text and as a
    /// calendar.
    pub download_timeline: &'static str,
    pub download_timeline_ics: &'static str,
    /// The link from the bar to the questions at the foot of the report.
    pub answer_questions: &'static str,
    /// The heading of the questions shown as fields, and their button.
    pub next_heading: &'static str,
    pub next_intro: &'static str,
    pub next_submit: &'static str,
    /// The page of an address that is not there.
    pub not_found: &'static str,
}
