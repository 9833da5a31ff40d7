//! The form at `/`: every fact of a profile as a field, in English or
//! Russian, usable by keyboard and screen reader and without JavaScript.
//!
//! Fields are plain text where a person types (dates as `01.03.2026` or
//! `2026-03-01`, the way documents write them; countries by name, from a
//! `<datalist>` that the browser searches), radio buttons where they pick.
//! Family members are a list of rows: without JavaScript, "add" and
//! "remove" are buttons that post the form back to `/`, which shows it
//! again with a row more or less; `app.js` does the same in the page.
//!
//! A field's error is shown beside it (`aria-invalid`, and the message
//! named by `aria-describedby`) and in a list at the top that links to it.
//! Errors are the interview's (`AnswerProblem`), in the page's language;
//! what only the profile's own checks find is given in their words.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use axum::body::Body;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use super::{html, negotiate, Shared, MAX_CHECK_BODY};
use crate::country::Country;
use crate::profile::{
    ContractKind, RawContract, RawFamilyMember, RawProfile, Relation, WorkerProfile,
    MAX_CITIZENSHIPS, MAX_FAMILY, MAX_TEXT,
};
use crate::report::html::escape;
use crate::report::wording::interview::AnswerProblem;
use crate::report::Lang;

/// A family member's fields, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemberData {
    /// `child`, `spouse`, ... or empty (not known).
    pub relation: String,
    /// The date of birth, as typed.
    pub birth_date: String,
    /// The citizenships, as typed.
    pub citizenship: String,
}

impl MemberData {
    fn is_empty(&self) -> bool {
        self.relation.trim().is_empty()
            && self.birth_date.trim().is_empty()
            && self.citizenship.trim().is_empty()
    }
}

/// The form's fields as typed: every one a text, nothing checked yet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormData {
    /// The page's language, when the form names one.
    pub lang: Option<String>,
    /// The case reference.
    pub id: String,
    /// Citizenships, by name or code, separated by commas.
    pub citizenship: String,
    /// The host state, by name or code.
    pub host: String,
    /// Dates, as typed.
    pub entry_date: String,
    /// `employment`, `civil_law`, `none` or empty (not known).
    pub contract_kind: String,
    pub contract_start: String,
    pub contract_end: String,
    /// The contract has no end date.
    pub contract_open: bool,
    pub terminated_on: String,
    /// The job title.
    pub occupation: String,
    /// `yes`, `no` or empty (not known).
    pub registered: String,
    /// `yes`, `no` or empty (no, by default).
    pub permanent_resident: String,
    /// No family member lives with the person.
    pub family_none: bool,
    /// The family members' rows.
    pub family: Vec<MemberData>,
    /// The assessment date, as typed; empty for today.
    pub as_of: String,
    /// Which button was pressed.
    pub action: String,
    /// What `/check` answers with: the page, or a download.
    pub format: String,
}

/// The groups of fields, each shown as one widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Citizenship,
    Host,
    Id,
    EntryDate,
    Registered,
    PermanentResident,
    ContractKind,
    ContractStart,
    ContractEnd,
    TerminatedOn,
    Occupation,
    Family,
    AsOf,
}

impl Slot {
    /// Every slot, in the form's order.
    pub const ALL: [Slot; 13] = [
        Slot::Citizenship,
        Slot::Host,
        Slot::Id,
        Slot::EntryDate,
        Slot::Registered,
        Slot::PermanentResident,
        Slot::ContractKind,
        Slot::ContractStart,
        Slot::ContractEnd,
        Slot::TerminatedOn,
        Slot::Occupation,
        Slot::Family,
        Slot::AsOf,
    ];

    /// The slot that answers a report's question about `path` (a fact's
    /// path, as `Question::field` names it).
    pub fn for_path(path: &str) -> Option<Slot> {
        let head = path.split(['[', '.']).next().unwrap_or(path);
        Some(match path {
            "contract.kind" => Slot::ContractKind,
            "contract.start" => Slot::ContractStart,
            "contract.end" | "contract.effective_end" => Slot::ContractEnd,
            "contract.terminated_on" => Slot::TerminatedOn,
            _ => match head {
                "citizenship" => Slot::Citizenship,
                "host" => Slot::Host,
                "id" => Slot::Id,
                "entry_date" => Slot::EntryDate,
                "as_of" => Slot::AsOf,
                "occupation" | "occupation_category" => Slot::Occupation,
                "registered" => Slot::Registered,
                "permanent_resident" => Slot::PermanentResident,
                "family" | "relation" | "birth_date" => Slot::Family,
                _ => return None,
            },
        })
    }
}

/// The errors of a form, by field name (the input's `id`).
#[derive(Debug, Default)]
pub struct FieldErrors {
    by_field: BTreeMap<String, String>,
}

impl FieldErrors {
    fn add(&mut self, field: &str, message: String) {
        self.by_field.entry(field.to_owned()).or_insert(message);
    }

    /// The error of a field, if it has one.
    pub fn get(&self, field: &str) -> Option<&str> {
        self.by_field.get(field).map(String::as_str)
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.by_field.is_empty()
    }

    /// Every field with its error, in the order of the page.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        let mut all: Vec<(&str, &str)> = self
            .by_field
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        all.sort_by_key(|(field, _)| place(field));
        all.into_iter()
    }
}

impl FormData {
    /// Reads the form's fields from the pairs a browser posts. Unknown
    /// names are ignored; a family row past the most a profile may list is
    /// dropped.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Self {
        let mut d = FormData::default();
        for (name, value) in pairs {
            match name.as_str() {
                "lang" => d.lang = Some(value),
                "id" => d.id = value,
                "citizenship" => d.citizenship = value,
                "host" => d.host = value,
                "entry_date" => d.entry_date = value,
                "contract_kind" => d.contract_kind = value,
                "contract_start" => d.contract_start = value,
                "contract_end" => d.contract_end = value,
                "contract_open" => d.contract_open = !value.is_empty(),
                "terminated_on" => d.terminated_on = value,
                "occupation" => d.occupation = value,
                "registered" => d.registered = value,
                "permanent_resident" => d.permanent_resident = value,
                "family_none" => d.family_none = !value.is_empty(),
                "as_of" => d.as_of = value,
                "action" => d.action = value,
                "format" => d.format = value,
                other => {
                    let Some(rest) = other.strip_prefix("family-") else {
                        continue;
                    };
                    let Some((index, field)) = rest.split_once('-') else {
                        continue;
                    };
                    let Ok(index) = index.parse::<usize>() else {
                        continue;
                    };
                    if index >= MAX_FAMILY {
                        continue;
                    }
                    if d.family.len() <= index {
                        d.family
                            .resize(index.saturating_add(1), MemberData::default());
                    }
                    if let Some(m) = d.family.get_mut(index) {
                        match field {
                            "relation" => m.relation = value,
                            "birth_date" => m.birth_date = value,
                            "citizenship" => m.citizenship = value,
                            _ => {}
                        }
                    }
                }
            }
        }
        d
    }

    /// The rows that hold something, in order.
    fn members(&self) -> impl Iterator<Item = (usize, &MemberData)> {
        self.family
            .iter()
            .enumerate()
            .filter(|(_, m)| !m.is_empty())
    }

    /// The profile these fields give, checked as a profile file is, or
    /// every field's error in `lang`.
    pub fn to_profile(
        &self,
        pack: &crate::engine::RulePack,
        today: NaiveDate,
        lang: Lang,
    ) -> Result<WorkerProfile, FieldErrors> {
        let mut errors = FieldErrors::default();
        let say = |p: AnswerProblem| lang.answer_problem(&p);
        let text = |s: &str| {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_owned())
        };
        let date = |field: &str, value: &str, errors: &mut FieldErrors| -> Option<NaiveDate> {
            let value = value.trim();
            if value.is_empty() {
                return None;
            }
            match AnswerProblem::date(value) {
                Ok(d) => Some(d),
                Err(p) => {
                    errors.add(field, say(p));
                    None
                }
            }
        };
        let countries =
            |field: &str, value: &str, errors: &mut FieldErrors| -> Option<Vec<String>> {
                let value = value.trim();
                if value.is_empty() {
                    return None;
                }
                let stateless = Lang::ALL.iter().any(|l| {
                    l.interview_words()
                        .stateless
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(value))
                });
                if stateless {
                    return Some(Vec::new());
                }
                let parts: Vec<&str> = value
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                    .collect();
                if parts.len() > MAX_CITIZENSHIPS {
                    errors.add(
                        field,
                        say(AnswerProblem::TooManyCountries(MAX_CITIZENSHIPS)),
                    );
                    return None;
                }
                let mut codes = Vec::new();
                for part in parts {
                    match AnswerProblem::country(part) {
                        Ok(c) => codes.push(c.code().to_owned()),
                        Err(p) => {
                            errors.add(field, say(p));
                            return None;
                        }
                    }
                }
                Some(codes)
            };

        let mut raw = RawProfile::default();
        let citizenship = countries("citizenship", &self.citizenship, &mut errors);
        if self.citizenship.trim().is_empty() {
            errors.add("citizenship", say(AnswerProblem::CitizenshipNeeded));
        }
        if let Some(codes) = citizenship {
            raw.set_citizenship(codes);
        }
        if let Some(host) = text(&self.host) {
            match AnswerProblem::country(&host) {
                Ok(c) => raw.host = Some(c.code().to_owned()),
                Err(p) => errors.add("host", say(p)),
            }
        }
        for (field, value) in [("id", &self.id), ("occupation", &self.occupation)] {
            if value.trim().len() > MAX_TEXT {
                errors.add(field, say(AnswerProblem::TooLong));
            }
        }
        raw.id = text(&self.id);
        raw.occupation = text(&self.occupation);
        let as_of = date("as_of", &self.as_of, &mut errors);
        raw.as_of = as_of.map(|d| d.to_string());
        let as_of = as_of.unwrap_or(today);
        let after = |field: &str, d: Option<NaiveDate>, errors: &mut FieldErrors| {
            if let Some(d) = d.filter(|d| *d > as_of) {
                errors.add(field, say(AnswerProblem::AfterAsOf { date: d, as_of }));
            }
        };
        let entry = date("entry_date", &self.entry_date, &mut errors);
        after("entry_date", entry, &mut errors);
        raw.entry_date = entry.map(|d| d.to_string());

        let kind = match self.contract_kind.as_str() {
            "" => None,
            k => match ContractKind::parse(k) {
                Some(k) => Some(k),
                None => {
                    errors.add(
                        "contract_kind",
                        say(AnswerProblem::NotAChoice {
                            text: k.to_owned(),
                            count: ContractKind::ALL.len(),
                        }),
                    );
                    None
                }
            },
        };
        let start = date("contract_start", &self.contract_start, &mut errors);
        let end = if self.contract_open {
            None
        } else {
            date("contract_end", &self.contract_end, &mut errors)
        };
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                errors.add(
                    "contract_end",
                    say(AnswerProblem::EndBeforeStart { end, start }),
                );
            }
        }
        let terminated = date("terminated_on", &self.terminated_on, &mut errors);
        after("terminated_on", terminated, &mut errors);
        if kind.is_some()
            || start.is_some()
            || end.is_some()
            || self.contract_open
            || terminated.is_some()
        {
            raw.contract = Some(RawContract {
                kind: kind.map(|k| k.as_str().to_owned()),
                start: start.map(|d| d.to_string()),
                end: if self.contract_open {
                    Some(None)
                } else {
                    end.map(|d| Some(d.to_string()))
                },
                terminated_on: terminated.map(|d| d.to_string()),
            });
        }
        raw.registered = yes_no(&self.registered);
        raw.permanent_resident = yes_no(&self.permanent_resident);

        let mut members = Vec::new();
        for (i, m) in self.members() {
            let relation = match m.relation.as_str() {
                "" => None,
                r if Relation::parse(r).is_some() => Some(r.to_owned()),
                r => {
                    errors.add(
                        &format!("family-{i}-relation"),
                        say(AnswerProblem::NotAChoice {
                            text: r.to_owned(),
                            count: Relation::ALL.len(),
                        }),
                    );
                    None
                }
            };
            let born_field = format!("family-{i}-birth_date");
            let born = date(&born_field, &m.birth_date, &mut errors);
            after(&born_field, born, &mut errors);
            let citizenship = countries(
                &format!("family-{i}-citizenship"),
                &m.citizenship,
                &mut errors,
            );
            members.push((
                i,
                RawFamilyMember::new(relation, born.map(|d| d.to_string()), citizenship),
            ));
        }
        let rows: Vec<usize> = members.iter().map(|(i, _)| *i).collect();
        if !members.is_empty() {
            raw.family = Some(members.into_iter().map(|(_, m)| m).collect());
        } else if self.family_none {
            raw.family = Some(Vec::new());
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        raw.validate(pack.profile_defaults(today)).map_err(|e| {
            let mut errors = FieldErrors::default();
            for p in e.problems {
                let field = field_of(&p.path.to_string(), &rows);
                errors.add(&field, say(AnswerProblem::Other(p.message)));
            }
            errors
        })
    }

    /// The form's fields as hidden inputs, but for the slots in `shown`
    /// (and `lang`, `action` and `format`, which each form sets itself).
    pub fn hidden(&self, shown: &[Slot]) -> String {
        let mut out = String::new();
        let mut put = |name: &str, value: &str| {
            if !value.is_empty() {
                let _ = writeln!(
                    out,
                    "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
                    escape(name),
                    escape(value)
                );
            }
        };
        for slot in Slot::ALL {
            if shown.contains(&slot) {
                continue;
            }
            match slot {
                Slot::Citizenship => put("citizenship", &self.citizenship),
                Slot::Host => put("host", &self.host),
                Slot::Id => put("id", &self.id),
                Slot::EntryDate => put("entry_date", &self.entry_date),
                Slot::Registered => put("registered", &self.registered),
                Slot::PermanentResident => put("permanent_resident", &self.permanent_resident),
                Slot::ContractKind => put("contract_kind", &self.contract_kind),
                Slot::ContractStart => put("contract_start", &self.contract_start),
                Slot::ContractEnd => {
                    put("contract_end", &self.contract_end);
                    put("contract_open", if self.contract_open { "on" } else { "" });
                }
                Slot::TerminatedOn => put("terminated_on", &self.terminated_on),
                Slot::Occupation => put("occupation", &self.occupation),
                Slot::Family => {
                    put("family_none", if self.family_none { "on" } else { "" });
                    for (n, (_, m)) in self.members().enumerate() {
                        put(&format!("family-{n}-relation"), &m.relation);
                        put(&format!("family-{n}-birth_date"), &m.birth_date);
                        put(&format!("family-{n}-citizenship"), &m.citizenship);
                    }
                }
                Slot::AsOf => put("as_of", &self.as_of),
            }
        }
        out
    }
}

/// Where a field is on the page: its rank, then a family row's number.
fn place(field: &str) -> (usize, usize, String) {
    const ORDER: [&str; 14] = [
        "citizenship",
        "host",
        "id",
        "entry_date",
        "registered",
        "permanent_resident",
        "contract_kind",
        "contract_start",
        "contract_end",
        "terminated_on",
        "occupation",
        "family_none",
        "family-",
        "as_of",
    ];
    let row = field
        .strip_prefix("family-")
        .and_then(|r| r.split('-').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let rank = ORDER
        .iter()
        .position(|o| field == *o || (o.ends_with('-') && field.starts_with(o)))
        .unwrap_or(ORDER.len());
    (rank, row, field.to_owned())
}

fn yes_no(value: &str) -> Option<bool> {
    match value {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    }
}

/// The form field a profile problem's path points at; `rows` maps the
/// profile's family members back to the form's rows.
fn field_of(path: &str, rows: &[usize]) -> String {
    if let Some(rest) = path.strip_prefix("family[") {
        if let Some((n, field)) = rest.split_once("].") {
            let row = n.parse::<usize>().ok().and_then(|n| rows.get(n).copied());
            if let Some(row) = row {
                let field = field.split(['[', '.']).next().unwrap_or(field);
                return format!("family-{row}-{field}");
            }
        }
        return "family_none".to_owned();
    }
    match Slot::for_path(path) {
        Some(Slot::ContractKind) => "contract_kind",
        Some(Slot::ContractStart) => "contract_start",
        Some(Slot::ContractEnd) => "contract_end",
        Some(Slot::TerminatedOn) => "terminated_on",
        Some(Slot::Citizenship) => "citizenship",
        Some(Slot::Host) => "host",
        Some(Slot::Id) => "id",
        Some(Slot::EntryDate) => "entry_date",
        Some(Slot::AsOf) => "as_of",
        Some(Slot::Occupation) => "occupation",
        Some(Slot::Registered) => "registered",
        Some(Slot::PermanentResident) => "permanent_resident",
        Some(Slot::Family) => "family_none",
        None => "citizenship",
    }
    .to_owned()
}

/// The query of the form's page.
#[derive(Debug, Default, serde::Deserialize)]
pub struct PageQuery {
    /// The page's language.
    pub lang: Option<String>,
}

/// `GET /`: the empty form, the host state filled in with the pack's.
pub async fn show(
    State(state): State<Shared>,
    query: Result<Query<PageQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let lang = negotiate(
        query.as_ref().ok().and_then(|Query(q)| q.lang.as_deref()),
        &headers,
    );
    let mut data = FormData::default();
    if let Some(host) = state.pack.profile_defaults(state.today()).host {
        data.host = lang.country_name(host).to_owned();
    }
    html(
        StatusCode::OK,
        page(lang, &data, &FieldErrors::default()),
        lang,
    )
}

/// `POST /`: the form again, as posted, with a family row added or
/// removed, or in another language.
pub async fn redisplay(State(_): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    let mut data = match read_form(&headers, body).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let action = data.action.clone();
    if action == "add-member" {
        let rows = data.members().count();
        if rows < MAX_FAMILY {
            // Keep the filled rows, then one empty row to fill.
            data.family = data.members().map(|(_, m)| m.clone()).collect();
            data.family.push(MemberData::default());
        }
    } else if let Some(n) = action.strip_prefix("remove-") {
        if let Ok(n) = n.parse::<usize>() {
            if n < data.family.len() {
                data.family.remove(n);
            }
        }
    }
    if let Some(l) = action.strip_prefix("lang-") {
        data.lang = Some(l.to_owned());
    }
    let lang = negotiate(data.lang.as_deref(), &headers);
    html(
        StatusCode::OK,
        page(lang, &data, &FieldErrors::default()),
        lang,
    )
}

/// Reads a posted form of at most [`MAX_CHECK_BODY`] bytes.
pub(crate) async fn read_form(headers: &HeaderMap, body: Body) -> Result<FormData, Response> {
    let bytes = super::api::read_body(headers, body, MAX_CHECK_BODY)
        .await
        .map_err(IntoResponse::into_response)?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes).map_err(|e| {
        super::problem::Problem::new(
            StatusCode::BAD_REQUEST,
            format!("the form's fields cannot be read: {e}"),
        )
        .into_response()
    })?;
    Ok(FormData::from_pairs(pairs))
}

/// The page's head: its title, and this server's style sheet and script.
pub(crate) fn head(lang: Lang, title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n{}</head>\n",
        lang.code(),
        escape(title),
        assets()
    )
}

/// The style sheet and the script of this server's pages.
pub(crate) fn assets() -> &'static str {
    "<link rel=\"stylesheet\" href=\"/static/app.css\">\n<script src=\"/static/app.js\" defer></script>\n"
}

/// The whole form page.
pub fn page(lang: Lang, data: &FormData, errors: &FieldErrors) -> String {
    let f = lang.form_words();
    let mut out = head(lang, f.title);
    out.push_str("<body>\n<header class=\"site\">\n");
    languages(&mut out, lang);
    let _ = writeln!(
        out,
        "<h1>{}</h1>\n<p>{}</p>\n</header>\n<main>",
        escape(f.title),
        escape(f.intro)
    );
    if !errors.is_empty() {
        error_summary(&mut out, lang, errors);
    }
    let _ = writeln!(
        out,
        "<form method=\"post\" action=\"/check\" id=\"profile\" novalidate>\n\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">\n\
         <button type=\"submit\" class=\"default-submit\" tabindex=\"-1\" aria-hidden=\"true\">{}</button>",
        lang.code(),
        escape(f.submit)
    );
    let groups: [(&str, &[Slot]); 6] = [
        (f.person, &[Slot::Citizenship, Slot::Host, Slot::Id]),
        (
            f.stay,
            &[Slot::EntryDate, Slot::Registered, Slot::PermanentResident],
        ),
        (
            f.contract,
            &[
                Slot::ContractKind,
                Slot::ContractStart,
                Slot::ContractEnd,
                Slot::TerminatedOn,
            ],
        ),
        (f.work, &[Slot::Occupation]),
        (f.family, &[Slot::Family]),
        (f.assessment, &[Slot::AsOf]),
    ];
    for (legend, slots) in groups {
        if slots == [Slot::Family] {
            // The family block is a group of its own, with its own legend.
            widget(&mut out, lang, Slot::Family, data, errors);
            continue;
        }
        let _ = writeln!(
            out,
            "<fieldset class=\"group\">\n<legend>{}</legend>",
            escape(legend)
        );
        for slot in slots {
            widget(&mut out, lang, *slot, data, errors);
        }
        out.push_str("</fieldset>\n");
    }
    let _ = writeln!(
        out,
        "<p><button type=\"submit\" name=\"action\" value=\"check\" class=\"primary\">{}</button></p>\n</form>",
        escape(f.submit)
    );
    countries_list(&mut out, lang);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The language switch: a link to the page in each language.
fn languages(out: &mut String, lang: Lang) {
    let f = lang.form_words();
    let _ = write!(
        out,
        "<nav class=\"languages\" aria-label=\"{}\"><ul>",
        escape(f.language)
    );
    for l in Lang::ALL {
        let current = if l == lang {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<li><a href=\"/?lang={code}\" lang=\"{code}\" hreflang=\"{code}\" data-lang=\"{code}\"{current}>{}</a></li>",
            language_name(l),
            code = l.code()
        );
    }
    out.push_str("</ul></nav>\n");
}

/// A language's name in itself.
pub(crate) fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Ru => "Русский",
    }
}

/// The list of errors at the top, each a link to its field.
fn error_summary(out: &mut String, lang: Lang, errors: &FieldErrors) {
    let f = lang.form_words();
    let _ = writeln!(
        out,
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\">\n<h2>{}</h2>\n<ul>",
        escape(f.fix_these)
    );
    for (field, message) in errors.iter() {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}: {}</a></li>",
            escape(field),
            escape(&label_of(lang, field)),
            escape(message)
        );
    }
    out.push_str("</ul>\n</div>\n");
}

/// The label of a field, by its name.
fn label_of(lang: Lang, field: &str) -> String {
    let w = &lang.text_words().html.facts;
    let f = lang.form_words();
    if let Some(rest) = field.strip_prefix("family-") {
        if let Some((n, name)) = rest.split_once('-') {
            let number = n.parse::<usize>().map_or(1, |n| n.saturating_add(1));
            let what = match name {
                "relation" => f.relation,
                "birth_date" => f.birth_date,
                _ => f.member_citizenship,
            };
            return format!("{} {number}, {}", w.member, lower_first(what));
        }
    }
    match field {
        "citizenship" => w.citizenship,
        "host" => w.host,
        "id" => f.id,
        "entry_date" => w.entry,
        "registered" => w.registered,
        "permanent_resident" => w.permanent_resident,
        "contract_kind" => f.contract_kind,
        "contract_start" => w.contract_start,
        "contract_end" => w.contract_end,
        "terminated_on" => w.terminated,
        "occupation" => w.occupation,
        "as_of" => w.as_of,
        _ => w.family,
    }
    .to_owned()
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn upper_first(s: &str) -> String {
    crate::report::text::capitalised(s)
}

/// Every country, by its name in `lang`, for the fields that take one.
pub(crate) fn countries_list(out: &mut String, lang: Lang) {
    let mut names: Vec<&str> = crate::country::all()
        .filter(|c| *c != Country::SLOT)
        .map(|c| lang.country_name(c))
        .collect();
    names.sort_unstable();
    names.dedup();
    out.push_str("<datalist id=\"countries\">\n");
    for name in names {
        let _ = writeln!(out, "<option value=\"{}\">", escape(name));
    }
    out.push_str("</datalist>\n");
}

/// The attributes that tie a field to its hint and its error.
fn described(id: &str, hint: bool, error: Option<&str>) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error.is_some() {
        ids.push(format!("{id}-error"));
    }
    let mut out = String::new();
    if !ids.is_empty() {
        let _ = write!(out, " aria-describedby=\"{}\"", escape(&ids.join(" ")));
    }
    if error.is_some() {
        out.push_str(" aria-invalid=\"true\"");
    }
    out
}

/// A field's hint and error, under its label.
fn hint_and_error(out: &mut String, lang: Lang, id: &str, hint: Option<&str>, error: Option<&str>) {
    if let Some(h) = hint {
        let _ = writeln!(
            out,
            "<p class=\"hint\" id=\"{}-hint\">{}</p>",
            escape(id),
            escape(h)
        );
    }
    if let Some(e) = error {
        let _ = writeln!(
            out,
            "<p class=\"error-message\" id=\"{}-error\"><span class=\"visually-hidden\">{}</span>{}</p>",
            escape(id),
            escape(lang.form_words().error),
            escape(e)
        );
    }
}

/// A one-line text field.
#[allow(clippy::too_many_arguments)]
fn text_field(
    out: &mut String,
    lang: Lang,
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    errors: &FieldErrors,
    extra: &str,
) {
    let error = errors.get(id);
    let class = if error.is_some() {
        "field has-error"
    } else {
        "field"
    };
    let _ = writeln!(
        out,
        "<div class=\"{class}\">\n<label for=\"{id}\">{}</label>",
        escape(label),
        id = escape(id)
    );
    hint_and_error(out, lang, id, hint, error);
    let _ = writeln!(
        out,
        "<input type=\"text\" id=\"{id}\" name=\"{id}\" value=\"{}\"{}{extra}>\n</div>",
        escape(value),
        described(id, hint.is_some(), error),
        id = escape(id)
    );
}

/// A date field: text, typed as documents write dates.
fn date_field(
    out: &mut String,
    lang: Lang,
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    errors: &FieldErrors,
) {
    let f = lang.form_words();
    let hint = match hint {
        Some(h) => format!("{h} {}", f.date_hint),
        None => f.date_hint.to_owned(),
    };
    text_field(
        out,
        lang,
        id,
        label,
        Some(&hint),
        value,
        errors,
        " class=\"date\" inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\"",
    );
}

/// A group of radio buttons.
fn radios(
    out: &mut String,
    lang: Lang,
    name: &str,
    legend: &str,
    choices: &[(&str, String)],
    value: &str,
    errors: &FieldErrors,
) {
    let error = errors.get(name);
    let class = if error.is_some() {
        "field choices has-error"
    } else {
        "field choices"
    };
    let _ = writeln!(
        out,
        "<fieldset class=\"{class}\" id=\"{id}\"{}>\n<legend>{}</legend>",
        described(name, false, error),
        escape(legend),
        id = escape(name)
    );
    hint_and_error(out, lang, name, None, error);
    for (i, (v, label)) in choices.iter().enumerate() {
        let checked = if *v == value { " checked" } else { "" };
        let _ = writeln!(
            out,
            "<label class=\"choice\"><input type=\"radio\" name=\"{n}\" id=\"{n}-{i}\" value=\"{}\"{checked}> {}</label>",
            escape(v),
            escape(label),
            n = escape(name)
        );
    }
    out.push_str("</fieldset>\n");
}

/// A checkbox with its label after it.
fn checkbox(out: &mut String, id: &str, label: &str, checked: bool) {
    let checked = if checked { " checked" } else { "" };
    let _ = writeln!(
        out,
        "<div class=\"field check\"><input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"on\"{checked}> <label for=\"{id}\">{}</label></div>",
        escape(label),
        id = escape(id)
    );
}

/// The widget of one slot, with its label, hint and error.
pub fn widget(out: &mut String, lang: Lang, slot: Slot, d: &FormData, errors: &FieldErrors) {
    let f = lang.form_words();
    let w = &lang.text_words().html.facts;
    let countries = " list=\"countries\" autocomplete=\"off\"";
    let yes_no = |yes: &str, no: &str, unknown: bool| {
        let mut v = Vec::new();
        if unknown {
            v.push(("", f.not_known.to_owned()));
        }
        v.push(("yes", upper_first(yes)));
        v.push(("no", upper_first(no)));
        v
    };
    match slot {
        Slot::Citizenship => text_field(
            out,
            lang,
            "citizenship",
            w.citizenship,
            Some(f.citizenship_hint),
            &d.citizenship,
            errors,
            countries,
        ),
        Slot::Host => text_field(
            out,
            lang,
            "host",
            w.host,
            Some(f.host_hint),
            &d.host,
            errors,
            countries,
        ),
        Slot::Id => text_field(
            out,
            lang,
            "id",
            f.id,
            Some(f.id_hint),
            &d.id,
            errors,
            " autocomplete=\"off\"",
        ),
        Slot::EntryDate => date_field(
            out,
            lang,
            "entry_date",
            w.entry,
            None,
            &d.entry_date,
            errors,
        ),
        Slot::Registered => radios(
            out,
            lang,
            "registered",
            w.registered,
            &yes_no(w.yes, w.no, true),
            &d.registered,
            errors,
        ),
        Slot::PermanentResident => {
            // Not known counts as no, as the profile's default says; the
            // report lists that assumption.
            let value = if d.permanent_resident.is_empty() {
                "no"
            } else {
                &d.permanent_resident
            };
            radios(
                out,
                lang,
                "permanent_resident",
                w.permanent_resident,
                &yes_no(w.has, w.has_not, false),
                value,
                errors,
            );
        }
        Slot::ContractKind => {
            let mut choices = vec![("", f.not_known.to_owned())];
            for k in ContractKind::ALL {
                choices.push((k.as_str(), upper_first((w.kind)(k))));
            }
            radios(
                out,
                lang,
                "contract_kind",
                f.contract_kind,
                &choices,
                &d.contract_kind,
                errors,
            );
        }
        Slot::ContractStart => date_field(
            out,
            lang,
            "contract_start",
            w.contract_start,
            None,
            &d.contract_start,
            errors,
        ),
        Slot::ContractEnd => {
            date_field(
                out,
                lang,
                "contract_end",
                w.contract_end,
                None,
                &d.contract_end,
                errors,
            );
            checkbox(out, "contract_open", f.open_ended, d.contract_open);
        }
        Slot::TerminatedOn => date_field(
            out,
            lang,
            "terminated_on",
            w.terminated,
            None,
            &d.terminated_on,
            errors,
        ),
        Slot::Occupation => text_field(
            out,
            lang,
            "occupation",
            w.occupation,
            Some(f.occupation_hint),
            &d.occupation,
            errors,
            " autocomplete=\"organization-title\"",
        ),
        Slot::AsOf => date_field(
            out,
            lang,
            "as_of",
            w.as_of,
            Some(f.as_of_hint),
            &d.as_of,
            errors,
        ),
        Slot::Family => family(out, lang, d, errors),
    }
}

/// The family: a box for "none", then a row per member, and the buttons
/// that add and remove rows (they post the form back to `/`).
fn family(out: &mut String, lang: Lang, d: &FormData, errors: &FieldErrors) {
    let f = lang.form_words();
    let _ = writeln!(
        out,
        "<fieldset class=\"group family\" id=\"family\">\n<legend>{}</legend>\n<p class=\"hint\">{}</p>",
        escape(f.family),
        escape(f.family_hint)
    );
    if let Some(e) = errors.get("family_none") {
        hint_and_error(out, lang, "family_none", None, Some(e));
    }
    checkbox(out, "family_none", f.no_family, d.family_none);
    // The rows as posted (an empty one kept in its place), at least one.
    let mut rows: Vec<MemberData> = d.family.clone();
    if rows.is_empty() {
        rows.push(MemberData::default());
    }
    out.push_str("<div class=\"members\">\n");
    for (i, m) in rows.iter().enumerate() {
        member_row(out, lang, i, m, errors);
    }
    out.push_str("</div>\n");
    // The row JavaScript copies to add a member: the same markup, numbered
    // when it is copied.
    out.push_str("<template id=\"member-template\">\n");
    member_row(
        out,
        lang,
        usize::MAX,
        &MemberData::default(),
        &FieldErrors::default(),
    );
    out.push_str("</template>\n");
    let _ = writeln!(
        out,
        "<p><button type=\"submit\" formaction=\"/\" name=\"action\" value=\"add-member\" class=\"secondary add-member\">{}</button></p>\n</fieldset>",
        escape(f.add_member)
    );
}

/// One family member's row; `i == usize::MAX` writes the template, whose
/// names hold `N` for the number the script gives it.
fn member_row(out: &mut String, lang: Lang, i: usize, m: &MemberData, errors: &FieldErrors) {
    let f = lang.form_words();
    let w = &lang.text_words().html.facts;
    let (n, number) = if i == usize::MAX {
        ("N".to_owned(), "N".to_owned())
    } else {
        (i.to_string(), i.saturating_add(1).to_string())
    };
    let _ = writeln!(
        out,
        "<fieldset class=\"member\" id=\"member-{n}\" data-row=\"{n}\">\n<legend>{} <span class=\"number\">{number}</span></legend>",
        escape(w.member)
    );
    let id = |field: &str| format!("family-{n}-{field}");
    // The relation, from the list of relations.
    let rel_id = id("relation");
    let error = errors.get(&rel_id);
    let _ = writeln!(
        out,
        "<div class=\"field{}\">\n<label for=\"{rel}\">{}</label>",
        if error.is_some() { " has-error" } else { "" },
        escape(f.relation),
        rel = escape(&rel_id)
    );
    hint_and_error(out, lang, &rel_id, None, error);
    let _ = writeln!(
        out,
        "<select id=\"{rel}\" name=\"{rel}\"{}>",
        described(&rel_id, false, error),
        rel = escape(&rel_id)
    );
    let selected = |v: &str| if m.relation == v { " selected" } else { "" };
    let _ = writeln!(
        out,
        "<option value=\"\"{}>{}</option>",
        selected(""),
        escape(f.not_known)
    );
    for r in Relation::ALL {
        let _ = writeln!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            r.as_str(),
            selected(r.as_str()),
            escape(&upper_first((w.relation)(r)))
        );
    }
    out.push_str("</select>\n</div>\n");
    date_field(
        out,
        lang,
        &id("birth_date"),
        f.birth_date,
        None,
        &m.birth_date,
        errors,
    );
    text_field(
        out,
        lang,
        &id("citizenship"),
        f.member_citizenship,
        None,
        &m.citizenship,
        errors,
        " list=\"countries\" autocomplete=\"off\"",
    );
    let _ = writeln!(
        out,
        "<button type=\"submit\" formaction=\"/\" name=\"action\" value=\"remove-{n}\" class=\"secondary remove-member\">{} <span class=\"number\">{number}</span></button>\n</fieldset>",
        escape(f.remove_member)
    );
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
    }

    #[test]
    fn a_kyrgyz_worker_by_name_gives_the_same_profile_as_the_fixture() {
        let pack = crate::rules::embedded_pack().unwrap();
        let data = FormData::from_pairs(pairs(&[
            ("id", "kg-builder-almaty"),
            ("citizenship", "Кыргызстан"),
            ("host", "Kazakhstan"),
            ("entry_date", "01.03.2026"),
            ("contract_kind", "employment"),
            ("contract_start", "2026-03-02"),
            ("contract_end", "01.03.2027"),
            ("occupation", "construction"),
            ("registered", "no"),
            ("permanent_resident", "no"),
            ("family_none", "on"),
            ("as_of", "2026-03-20"),
        ]));
        let from_form = data.to_profile(&pack, today(), Lang::En).unwrap();
        let text = std::fs::read_to_string("fixtures/kg-builder-almaty.json").unwrap();
        let from_file = WorkerProfile::from_json(&text, pack.profile_defaults(today())).unwrap();
        assert_eq!(from_form.to_json(), from_file.to_json());
    }

    #[test]
    fn errors_are_in_the_page_language_and_name_their_field() {
        let pack = crate::rules::embedded_pack().unwrap();
        let data = FormData::from_pairs(pairs(&[
            ("citizenship", "Kyrgystan"),
            ("entry_date", "30.02.2026"),
            ("contract_start", "2026-03-02"),
            ("contract_end", "2026-03-01"),
            ("family-2-birth_date", "2027-01-01"),
        ]));
        let errors = data.to_profile(&pack, today(), Lang::Ru).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            [
                "citizenship",
                "entry_date",
                "contract_end",
                "family-2-birth_date"
            ]
        );
        assert!(errors.get("entry_date").unwrap().contains("такого дня нет"));
        let errors = FormData::default()
            .to_profile(&pack, today(), Lang::En)
            .unwrap_err();
        assert!(errors.get("citizenship").is_some());
    }

    #[test]
    fn empty_fields_stay_unknown() {
        let pack = crate::rules::embedded_pack().unwrap();
        let data = FormData::from_pairs(pairs(&[("citizenship", "KG"), ("family-0-relation", "")]));
        let p = data.to_profile(&pack, today(), Lang::En).unwrap();
        assert_eq!(p.entry_date, None);
        assert_eq!(p.contract.kind, None);
        assert_eq!(p.family, None);
        assert_eq!(p.registered, None);
        assert!(p.assumed.as_of && p.assumed.permanent_resident);
    }

    #[test]
    fn every_question_has_a_field() {
        for path in [
            "citizenship",
            "host",
            "entry_date",
            "as_of",
            "contract.kind",
            "contract.start",
            "contract.end",
            "contract.effective_end",
            "contract.terminated_on",
            "occupation",
            "occupation_category",
            "registered",
            "permanent_resident",
            "family",
            "family[0].birth_date",
            "birth_date",
        ] {
            assert!(Slot::for_path(path).is_some(), "{path}");
        }
    }

    #[test]
    fn hidden_fields_carry_every_answer_back() {
        let data = FormData::from_pairs(pairs(&[
            ("citizenship", "KG, RU"),
            ("contract_open", "on"),
            ("family-1-relation", "child"),
            ("family-1-birth_date", "2020-01-01"),
            ("occupation", "<b>\"x\"</b>"),
        ]));
        let hidden = data.hidden(&[]);
        let doc = scraper::Html::parse_fragment(&hidden);
        let sel = scraper::Selector::parse("input").unwrap();
        let back: Vec<(String, String)> = doc
            .select(&sel)
            .map(|e| {
                (
                    e.value().attr("name").unwrap().to_owned(),
                    e.value().attr("value").unwrap().to_owned(),
                )
            })
            .collect();
        let again = FormData::from_pairs(back);
        assert_eq!(again.citizenship, data.citizenship);
        assert_eq!(again.occupation, data.occupation);
        assert!(again.contract_open);
        // The empty first row is dropped: the member is row 0 now.
        assert_eq!(again.family[0].relation, "child");
    }
}
