//! The rule set of `bench-spec.md` written by hand in Rust: the practical
//! upper bound the engine is measured against, and the reference the bench
//! pack (`benches/pack/`) is checked against.
//!
//! [`evaluate`] works on an already parsed [`WorkerProfile`] (to compare
//! evaluation alone); [`line`] parses one NDJSON line with borrowed strings,
//! evaluates and writes bench-spec's output line (to compare end to end).
//! Neither validates more than bench-spec asks.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::country::Country;
use crate::dates::{add_days, add_months, days_between, parse_date};
use crate::profile::{ContractKind, Relation, WorkerProfile};
use crate::report::compact::{write_json_date, write_json_str};

/// bench-spec's rule ids, in the table's order (bit `i` of [`SpecResult::applies`]).
pub const RULE_IDS: [&str; 11] = [
    "no_work_permit",
    "registration_exempt",
    "must_register",
    "stay_until_contract_end",
    "new_contract_window",
    "education_recognised",
    "regulated_profession",
    "pension_agreement",
    "preschool",
    "tax_parity",
    "not_covered",
];

const NO_WORK_PERMIT: u16 = 1;
const REGISTRATION_EXEMPT: u16 = 1 << 1;
const MUST_REGISTER: u16 = 1 << 2;
const STAY_UNTIL_CONTRACT_END: u16 = 1 << 3;
const NEW_CONTRACT_WINDOW: u16 = 1 << 4;
const EDUCATION_RECOGNISED: u16 = 1 << 5;
const REGULATED_PROFESSION: u16 = 1 << 6;
const PENSION_AGREEMENT: u16 = 1 << 7;
const PRESCHOOL: u16 = 1 << 8;
const TAX_PARITY: u16 = 1 << 9;
const NOT_COVERED: u16 = 1 << 10;

/// What bench-spec's output line says about one profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpecResult {
    /// Bit `i` set when `RULE_IDS[i]` applies.
    pub applies: u16,
    /// `registration_exempt`'s deadline.
    pub registration_deadline: Option<NaiveDate>,
    /// `stay_until_contract_end`'s date.
    pub stay_until: Option<NaiveDate>,
    /// `new_contract_window`'s deadline.
    pub new_contract_deadline: Option<NaiveDate>,
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Whether `c` is bound by the Treaty on `on`.
fn member(c: Country, on: NaiveDate) -> bool {
    let from = match c.code().as_bytes() {
        b"BY" | b"KZ" | b"RU" => ymd(2015, 1, 1),
        b"AM" => ymd(2015, 1, 2),
        b"KG" => ymd(2015, 8, 12),
        _ => return false,
    };
    on >= from
}

fn regulated(occupation: &str) -> bool {
    matches!(
        occupation,
        "pedagogical" | "legal" | "medical" | "pharmaceutical"
    )
}

/// The facts bench-spec reads, borrowed from whichever form holds them.
struct Facts<'a, F> {
    citizenship: &'a [Country],
    host: Country,
    entry: NaiveDate,
    as_of: NaiveDate,
    kind: ContractKind,
    end: Option<NaiveDate>,
    terminated: Option<NaiveDate>,
    occupation: &'a str,
    registered: bool,
    /// Birth dates of the family members whose relation is `child`.
    children: F,
}

fn rules<F: Iterator<Item = NaiveDate>>(f: Facts<'_, F>) -> SpecResult {
    let worker = member(f.host, f.as_of)
        && f.citizenship
            .iter()
            .any(|c| member(*c, f.as_of) && *c != f.host)
        && !f.citizenship.contains(&f.host)
        && matches!(f.kind, ContractKind::Employment | ContractKind::CivilLaw);
    if !worker {
        return SpecResult {
            applies: NOT_COVERED,
            ..SpecResult::default()
        };
    }
    let mut r = SpecResult {
        applies: NO_WORK_PERMIT,
        ..SpecResult::default()
    };
    let plus_30 = add_days(f.entry, 30);
    if plus_30.is_some_and(|d| f.as_of <= d) {
        r.applies |= REGISTRATION_EXEMPT;
        r.registration_deadline = plus_30;
    }
    if plus_30.is_some_and(|d| f.as_of > d) && !f.registered {
        r.applies |= MUST_REGISTER;
    }
    if let Some(end) = f.end {
        r.applies |= STAY_UNTIL_CONTRACT_END;
        r.stay_until = Some(end);
    }
    if let Some(t) = f.terminated {
        if days_between(f.entry, t) >= 90 {
            r.applies |= NEW_CONTRACT_WINDOW;
            r.new_contract_deadline = add_days(t, 15);
        }
    }
    r.applies |= if regulated(f.occupation) {
        REGULATED_PROFESSION
    } else {
        EDUCATION_RECOGNISED
    };
    if f.as_of >= ymd(2021, 1, 1) {
        r.applies |= PENSION_AGREEMENT;
    }
    let mut children = f.children;
    if children.any(|birth| add_months(birth, 72).is_some_and(|six| f.as_of < six)) {
        r.applies |= PRESCHOOL;
    }
    if f.host == Country::KZ {
        r.applies |= TAX_PARITY;
    }
    r
}

/// Evaluates bench-spec's rules on a parsed profile.
///
/// bench-spec's profiles give every fact; a missing one counts as its most
/// ordinary value (no entry date: no period has started).
pub fn evaluate(p: &WorkerProfile) -> SpecResult {
    rules(Facts {
        citizenship: &p.citizenship,
        host: p.host,
        entry: p.entry_date.unwrap_or(p.as_of),
        as_of: p.as_of,
        kind: p.contract.kind.unwrap_or(ContractKind::None),
        end: p.contract.end.flatten(),
        terminated: p.contract.terminated_on,
        occupation: p.occupation.as_deref().unwrap_or(""),
        registered: p.registered.unwrap_or(false),
        children: p
            .family
            .iter()
            .flatten()
            .filter(|m| m.relation == Some(Relation::Child))
            .filter_map(|m| m.birth_date),
    })
}

/// Appends bench-spec's output line (without the newline).
pub fn write_spec_line(out: &mut Vec<u8>, id: Option<&str>, r: &SpecResult) {
    out.extend_from_slice(b"{\"id\":");
    match id {
        Some(id) => write_json_str(out, id),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"applies\":[");
    let mut first = true;
    for (i, name) in RULE_IDS.iter().enumerate() {
        if r.applies & (1 << i) != 0 {
            if !first {
                out.push(b',');
            }
            first = false;
            out.push(b'"');
            out.extend_from_slice(name.as_bytes());
            out.push(b'"');
        }
    }
    out.push(b']');
    for (key, date) in [
        ("registration_deadline", r.registration_deadline),
        ("stay_until", r.stay_until),
        ("new_contract_deadline", r.new_contract_deadline),
    ] {
        out.extend_from_slice(b",\"");
        out.extend_from_slice(key.as_bytes());
        out.extend_from_slice(b"\":");
        match date {
            Some(d) => write_json_date(out, d),
            None => out.extend_from_slice(b"null"),
        }
    }
    out.push(b'}');
}

/// One input line as bench-spec describes it, strings borrowed from the line.
#[derive(Deserialize)]
struct Line<'a> {
    #[serde(borrow)]
    id: Option<&'a str>,
    #[serde(borrow)]
    citizenship: Vec<&'a str>,
    host: &'a str,
    entry_date: &'a str,
    as_of: &'a str,
    #[serde(borrow)]
    contract: LineContract<'a>,
    occupation: &'a str,
    registered: bool,
    #[serde(borrow, default)]
    family: Vec<LineMember<'a>>,
}

#[derive(Deserialize)]
struct LineContract<'a> {
    kind: &'a str,
    #[serde(borrow)]
    end: Option<&'a str>,
    #[serde(borrow)]
    terminated_on: Option<&'a str>,
}

#[derive(Deserialize)]
struct LineMember<'a> {
    relation: &'a str,
    birth_date: &'a str,
}

/// Why a line could not be read by the hand-written baseline.
#[derive(Debug, thiserror::Error)]
pub enum LineError {
    /// Not JSON of bench-spec's shape.
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    /// A field that is not a date or a country code.
    #[error("bad value `{0}`")]
    Value(String),
}

/// Parses one NDJSON line, evaluates it and appends bench-spec's output line
/// (without the newline).
pub fn line(out: &mut Vec<u8>, text: &[u8]) -> Result<(), LineError> {
    let l: Line<'_> = serde_json::from_slice(text)?;
    let date = |s: &str| parse_date(s).map_err(|_| LineError::Value(s.to_owned()));
    let country = |s: &str| {
        s.parse::<Country>()
            .map_err(|_| LineError::Value(s.to_owned()))
    };
    // bench-spec allows one or two citizenships; a few more fit on the stack.
    let mut citizenship = [Country::KZ; 8];
    let mut n = 0usize;
    for (slot, code) in citizenship.iter_mut().zip(&l.citizenship) {
        *slot = country(code)?;
        n = n.saturating_add(1);
    }
    if l.citizenship.len() > citizenship.len() {
        return Err(LineError::Value("citizenship".to_owned()));
    }
    let kind =
        ContractKind::parse(l.contract.kind).ok_or(LineError::Value(l.contract.kind.to_owned()))?;
    let mut births = [NaiveDate::MIN; 16];
    let mut children = 0usize;
    for m in &l.family {
        if m.relation == "child" {
            let slot = births
                .get_mut(children)
                .ok_or(LineError::Value("family".to_owned()))?;
            *slot = date(m.birth_date)?;
            children = children.saturating_add(1);
        }
    }
    let r = rules(Facts {
        citizenship: citizenship.get(..n).unwrap_or_default(),
        host: country(l.host)?,
        entry: date(l.entry_date)?,
        as_of: date(l.as_of)?,
        kind,
        end: l.contract.end.map(date).transpose()?,
        terminated: l.contract.terminated_on.map(date).transpose()?,
        occupation: l.occupation,
        registered: l.registered,
        children: births.iter().take(children).copied(),
    });
    write_spec_line(out, l.id, &r);
    Ok(())
}
