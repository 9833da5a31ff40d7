//! Filling in `say` and `summary` templates for one profile.

use chrono::NaiveDate;

use super::eval::Env;
use super::ir::{DayCount, Node, Op, Piece, Say, Template};
use super::value::{show, Truth, Value};
use crate::profile::ContractKind;

/// Renders the `say` of a node for the value it produced.
pub(crate) fn render_say<'a>(
    env: &mut Env<'a>,
    node: &'a Node,
    say: &'a Say,
    value: Value<'a>,
) -> String {
    let template = match value.truth() {
        Truth::True => &say.when_true,
        Truth::False => &say.when_false,
        Truth::Unknown => say.when_unknown.as_ref().unwrap_or(&say.when_false),
    };
    let operands = operands(node);
    render(
        env,
        template,
        &|env, i| operands.get(i).map(|n| env.value_of(n)),
        &[],
    )
}

/// Renders a rule summary with the dates computed for it.
pub(crate) fn render_summary<'a>(
    env: &mut Env<'a>,
    template: &'a Template,
    dates: &[Option<NaiveDate>],
) -> String {
    render(env, template, &|_, _| None, dates)
}

type OperandFn<'f, 'a> = dyn Fn(&mut Env<'a>, usize) -> Option<Value<'a>> + 'f;

fn render<'a>(
    env: &mut Env<'a>,
    template: &'a Template,
    operand: &OperandFn<'_, 'a>,
    dates: &[Option<NaiveDate>],
) -> String {
    let mut out = String::new();
    for piece in &template.0 {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Field(f) => out.push_str(&show_fact(env.field(*f))),
            Piece::Operand(i) => {
                out.push_str(&operand(env, *i).map_or_else(|| "?".to_owned(), show_fact))
            }
            Piece::DaysSince(f) => match (env.field(*f), env.profile.as_of) {
                (Value::Date(d), as_of) => {
                    out.push_str(&crate::dates::days_between(d, as_of).to_string())
                }
                _ => out.push_str("an unknown number of"),
            },
            Piece::DayNumber(f) => match env.field(*f) {
                Value::Date(d) => {
                    let days = crate::dates::days_between(d, env.profile.as_of);
                    let number = match env.pack.meta.day_count {
                        DayCount::EventDayIsDay1 => days.saturating_add(1),
                        DayCount::NextDayIsDay1 => days,
                    };
                    out.push_str(&number.to_string());
                }
                _ => out.push_str("an unknown day"),
            },
            Piece::Param(id) => out.push_str(&show_fact(env.param_on(*id, env.profile.as_of))),
            Piece::Date(i) => match dates.get(*i).copied().flatten() {
                Some(d) => out.push_str(&d.to_string()),
                // The date needs a fact the report asks for.
                None => {
                    out.push_str("a date we can give once you answer the questions in this report")
                }
            },
        }
    }
    out
}

/// A fact in running text: countries by name, a contract kind as a noun
/// phrase ("you work under a civil-law contract"), large numbers grouped.
fn show_fact(v: Value<'_>) -> String {
    match v {
        Value::Country(c) => c.name_en().to_owned(),
        Value::Countries(cs) if cs.is_empty() => "no state (stateless)".to_owned(),
        Value::Countries(cs) => {
            let names: Vec<&str> = cs.iter().map(|c| c.name_en()).collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} and {last}", rest.join(", "))
                }
                _ => names.concat(),
            }
        }
        Value::Kind(k) => match k {
            ContractKind::Employment => "an employment contract",
            ContractKind::CivilLaw => "a civil-law contract",
            ContractKind::None => "no contract",
        }
        .to_owned(),
        Value::Int(i) => grouped(i),
        Value::Unknown => "(unknown)".to_owned(),
        other => show(other),
    }
}

/// 36762500 -> "36,762,500": summaries quote tenge amounts and MCI counts.
fn grouped(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// The operands `{0}`, `{1}` of a node refer to.
pub(crate) fn operands(node: &Node) -> Vec<&Node> {
    match &node.op {
        Op::Cmp(_, a, b)
        | Op::DaysBetween(a, b)
        | Op::Age(a, b)
        | Op::LastDay(a, b)
        | Op::Shift(_, a, b) => vec![a, b],
        Op::In(a, _) | Op::Not(a) | Op::IsNull(a) => vec![a],
        Op::Member { value, on, .. } => vec![value, on],
        Op::All(items) | Op::Any(items) | Op::Earliest(items) | Op::Latest(items) => {
            items.iter().collect()
        }
        Op::AddWorkingDays { from, days, .. } => vec![from, days],
        Op::Quant { list, .. } => vec![list],
        Op::Param { on: Some(on), .. } => vec![on],
        Op::Lit(_) | Op::Field(_) | Op::Var { .. } | Op::Def(_) | Op::Param { on: None, .. } => {
            Vec::new()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(8500), "8,500");
        assert_eq!(grouped(36_762_500), "36,762,500");
        assert_eq!(grouped(-1234), "-1,234");
    }
}
