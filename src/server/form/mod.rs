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

mod render;
#[cfg(test)]
mod tests;

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
pub(crate) use render::{assets, countries_list};
pub use render::{page, widget};

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
                let one = crate::profile::InvalidProfile { problems: vec![p] };
                errors.add(&field, say(AnswerProblem::Other(Box::new(one))));
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
