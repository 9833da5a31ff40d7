//! bench-spec's rule set written by hand, as a standalone program: NDJSON
//! profiles on stdin, one line per non-empty input line on stdout, in the
//! shape of `eaeu-rights batch - --rules benches/pack --format compact`, so
//! the two outputs can be compared with `cmp`.
//!
//! Plain code a Rust developer would write: serde_json into borrowed
//! `&str`s, chrono for dates, a `BufWriter`. It shares nothing with the
//! project. Like `batch`, it refuses a profile whose facts contradict each
//! other (the generator writes a few on purpose) with the same message.

use std::io::{self, BufRead, BufWriter, Write};

use chrono::{Months, NaiveDate};
use serde::Deserialize;

#[derive(Deserialize)]
struct Profile<'a> {
    #[serde(borrow)]
    id: Option<&'a str>,
    #[serde(borrow)]
    citizenship: Vec<&'a str>,
    host: &'a str,
    entry_date: &'a str,
    as_of: &'a str,
    #[serde(borrow)]
    contract: Contract<'a>,
    occupation: &'a str,
    registered: bool,
    #[serde(borrow, default)]
    family: Vec<Member<'a>>,
}

#[derive(Deserialize)]
struct Contract<'a> {
    kind: &'a str,
    start: Option<&'a str>,
    end: Option<&'a str>,
    terminated_on: Option<&'a str>,
}

#[derive(Deserialize)]
struct Member<'a> {
    relation: &'a str,
    birth_date: &'a str,
}

/// The rule ids of `benches/pack`, in the table's order.
const RULES: [&str; 11] = [
    "bench.no-work-permit",
    "bench.registration-exempt",
    "bench.must-register",
    "bench.stay-until-contract-end",
    "bench.new-contract-window",
    "bench.education-recognised",
    "bench.regulated-profession",
    "bench.pension-agreement",
    "bench.preschool",
    "bench.tax-parity",
    "bench.not-covered",
];

fn date(s: &str) -> Result<NaiveDate, String> {
    s.parse().map_err(|_| format!("bad date `{s}`"))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// Whether `country` is an EAEU member on `on`.
fn member(country: &str, on: NaiveDate) -> bool {
    let from = match country {
        "BY" | "KZ" | "RU" => ymd(2015, 1, 1),
        "AM" => ymd(2015, 1, 2),
        "KG" => ymd(2015, 8, 12),
        _ => return false,
    };
    on >= from
}

/// The 1-based column of the value of `key` in `line` (for messages).
fn column(line: &str, key: &str) -> usize {
    let pattern = format!("\"{key}\":");
    line.find(&pattern).map_or(0, |i| i + pattern.len() + 1)
}

fn process(line: &str, number: u64, out: &mut Vec<u8>) -> Result<(), String> {
    let p: Profile = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let as_of = date(p.as_of)?;
    let entry = date(p.entry_date)?;
    let start = p.contract.start.map(date).transpose()?;
    let end = p.contract.end.map(date).transpose()?;
    let terminated = p.contract.terminated_on.map(date).transpose()?;
    let id = p.id.map(|id| serde_json::to_string(id).unwrap_or_default());
    let id = id.as_deref().unwrap_or("null");

    // Facts that contradict each other, as `batch` words them.
    let mut problems = Vec::new();
    let mut problem = |key: &str, path: &str, message: String| {
        problems.push(format!(
            "line 1, column {}: `{path}`: {message}",
            column(line, key)
        ));
    };
    if entry > as_of {
        problem(
            "entry_date",
            "entry_date",
            format!("{entry} is after the assessment date `as_of` ({as_of})"),
        );
    }
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            problem(
                "end",
                "contract.end",
                format!("{e} is before the contract start ({s})"),
            );
        }
    }
    if let Some(t) = terminated {
        if let Some(s) = start.filter(|s| t < *s) {
            problem(
                "terminated_on",
                "contract.terminated_on",
                format!("{t} is before the contract start ({s})"),
            );
        }
        if let Some(e) = end.filter(|e| t > *e) {
            problem("terminated_on", "contract.terminated_on", format!("{t} is after the contract end ({e}): early termination must come before the end"));
        }
        if t > as_of {
            problem(
                "terminated_on",
                "contract.terminated_on",
                format!("{t} is after the assessment date `as_of` ({as_of})"),
            );
        }
    }
    if !problems.is_empty() {
        let message = serde_json::to_string(&problems.join("; ")).unwrap_or_default();
        writeln!(
            out,
            "{{\"id\":{id},\"source\":\"<stdin>:{number}\",\"error\":{message}}}"
        )
        .map_err(|e| e.to_string())?;
        return Ok(());
    }

    let worker = member(p.host, as_of)
        && p.citizenship
            .iter()
            .any(|c| member(c, as_of) && *c != p.host)
        && !p.citizenship.contains(&p.host)
        && matches!(p.contract.kind, "employment" | "civil_law");
    let mut applies = [false; 11];
    let mut registration_deadline = None;
    let mut new_contract_deadline = None;
    if worker {
        let plus_30 = entry + chrono::Days::new(30);
        applies[0] = true;
        if as_of <= plus_30 {
            applies[1] = true;
            registration_deadline = Some(plus_30);
        }
        applies[2] = as_of > plus_30 && !p.registered;
        applies[3] = end.is_some();
        if let Some(t) = terminated {
            if (t - entry).num_days() >= 90 {
                applies[4] = true;
                new_contract_deadline = Some(t + chrono::Days::new(15));
            }
        }
        let regulated = matches!(
            p.occupation,
            "pedagogical" | "legal" | "medical" | "pharmaceutical"
        );
        applies[5] = !regulated;
        applies[6] = regulated;
        applies[7] = as_of >= ymd(2021, 1, 1);
        for m in &p.family {
            if m.relation == "child" {
                let birth = date(m.birth_date)?;
                if birth
                    .checked_add_months(Months::new(72))
                    .is_some_and(|six| as_of < six)
                {
                    applies[8] = true;
                }
            }
        }
        applies[9] = p.host == "KZ";
    } else {
        applies[10] = true;
    }

    let status = if worker { "covered" } else { "not_covered" };
    write!(
        out,
        "{{\"id\":{id},\"source\":\"<stdin>:{number}\",\"status\":\"{status}\",\"applies\":["
    )
    .map_err(|e| e.to_string())?;
    let mut first = true;
    for (rule, applies) in RULES.iter().zip(applies) {
        if applies {
            if !first {
                out.push(b',');
            }
            first = false;
            write!(out, "\"{rule}\"").map_err(|e| e.to_string())?;
        }
    }
    out.extend_from_slice(b"],\"dates\":{");
    let dates = [
        (RULES[1], "deadline", registration_deadline),
        (RULES[3], "until", end.filter(|_| worker)),
        (RULES[4], "deadline", new_contract_deadline),
    ];
    let mut first = true;
    for (rule, name, date) in dates {
        if let Some(d) = date {
            if !first {
                out.push(b',');
            }
            first = false;
            write!(out, "\"{rule}\":{{\"{name}\":\"{d}\"}}").map_err(|e| e.to_string())?;
        }
    }
    out.extend_from_slice(b"}}\n");
    Ok(())
}

fn main() -> io::Result<()> {
    let mut stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let mut line = String::new();
    let mut buf = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        if stdin.read_line(&mut line)? == 0 {
            break;
        }
        number += 1;
        let text = line.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        buf.clear();
        if let Err(message) = process(text, number, &mut buf) {
            buf.clear();
            let message = serde_json::to_string(&message).unwrap_or_default();
            writeln!(
                buf,
                "{{\"id\":null,\"source\":\"<stdin>:{number}\",\"error\":{message}}}"
            )?;
        }
        out.write_all(&buf)?;
    }
    out.flush()
}
