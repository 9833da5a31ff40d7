//! The operators of the rule language, in one table: each operator's name,
//! how its argument is written, what it gives and what it means. The
//! compiler reads the argument's shape from here before lowering it
//! (`lower.rs`); unknown operators are suggested from here; `rules
//! operators` prints it and docs/rule-language.md holds it, checked by a
//! test.

use std::fmt::Write as _;

use serde_json::{Map, Value};

use super::types::Ty;
use super::{did_you_mean, At, Compiler, Scope};
use crate::engine::ir::{CmpOp, Quant, Unit};

/// Where an operator is described in the rule language's documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Literals and names: fields, definitions, parameters, sets, variables.
    Names,
    /// Three-valued connectives.
    Logic,
    /// Comparison and membership.
    Comparison,
    /// Quantifiers over a list.
    Quantifiers,
    /// Date arithmetic.
    Dates,
}

impl Section {
    /// The heading of the section.
    pub fn title(self) -> &'static str {
        match self {
            Section::Names => "Names",
            Section::Logic => "Logic (three-valued, Kleene)",
            Section::Comparison => "Comparison and membership",
            Section::Quantifiers => "Quantifiers",
            Section::Dates => "Dates",
        }
    }
}

/// An operator that takes a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameOp {
    Field,
    Var,
    Def,
    Param,
    Set,
    Date,
}

/// An operator that takes one expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OneOp {
    Not,
    IsNull,
}

/// An operator that takes exactly two expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TwoOp {
    Cmp(CmpOp),
    In,
    Shift(Unit),
    LastDay,
    DaysBetween,
    Age,
}

/// An operator that takes one or more expressions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ManyOp {
    All,
    Any,
    Earliest,
    Latest,
}

/// An operator that takes an object of named arguments.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeysOp {
    Member,
    Quant(Quant),
    AddWorkingDays,
}

/// How an operator's argument is written, and what lowers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Form {
    /// A string: a name, or a date.
    Name(NameOp),
    /// One expression.
    One(OneOp),
    /// `[a, b]`.
    Two(TwoOp),
    /// `[a, ...]`, at least one.
    Many(ManyOp),
    /// An object with exactly these keys.
    Keys(KeysOp, &'static [&'static str]),
}

/// One operator of the rule language.
#[derive(Debug, Clone, Copy)]
pub struct Operator {
    /// The key that names it in an expression.
    pub name: &'static str,
    /// Where the documentation describes it.
    pub section: Section,
    /// An example of how it is written.
    pub example: &'static str,
    /// What it gives.
    pub gives: &'static str,
    /// What it means, in a sentence or two.
    pub help: &'static str,
    pub(crate) form: Form,
}

const fn op(
    name: &'static str,
    section: Section,
    form: Form,
    example: &'static str,
    gives: &'static str,
    help: &'static str,
) -> Operator {
    Operator {
        name,
        section,
        example,
        gives,
        help,
        form,
    }
}

use Form::{Keys, Many, Name, One, Two};
use Section::{Comparison, Dates, Logic, Names, Quantifiers};

/// Every operator of the rule language, in the documentation's order.
pub const OPERATORS: &[Operator] = &[
    op("field", Names, Name(NameOp::Field), r#"{"field": "entry_date"}"#, "the field's type", "a profile field (see the table of fields)"),
    op("def", Names, Name(NameOp::Def), r#"{"def": "eaeu_worker"}"#, "the definition's type", "a definition"),
    op("param", Names, Name(NameOp::Param), r#"{"param": "name", "on": d}"#, "the parameter's type", "a parameter's value on the date `on` (the assessment date without it)"),
    op("set", Names, Name(NameOp::Set), r#"{"set": "name"}"#, "a named set", "a named set; only as the right side of `in`"),
    op("var", Names, Name(NameOp::Var), r#"{"var": "m.relation"}"#, "the item's type", "a variable bound by `some`, `every` or `count`, or a field of it"),
    op("date", Names, Name(NameOp::Date), r#"{"date": "2021-01-01"}"#, "date", "a date"),
    op("all", Logic, Many(ManyOp::All), r#"{"all": [e, ...]}"#, "bool", "false if any is false, else unknown if any is unknown, else true"),
    op("any", Logic, Many(ManyOp::Any), r#"{"any": [e, ...]}"#, "bool", "true if any is true, else unknown if any is unknown, else false"),
    op("not", Logic, One(OneOp::Not), r#"{"not": e}"#, "bool", "true if `e` is false, false if it is true, else unknown"),
    op("eq", Comparison, Two(TwoOp::Cmp(CmpOp::Eq)), r#"{"eq": [a, b]}"#, "bool", "equal; the same type on both sides"),
    op("ne", Comparison, Two(TwoOp::Cmp(CmpOp::Ne)), r#"{"ne": [a, b]}"#, "bool", "not equal; the same type on both sides"),
    op("lt", Comparison, Two(TwoOp::Cmp(CmpOp::Lt)), r#"{"lt": [a, b]}"#, "bool", "`a` before or less than `b`; whole numbers or dates"),
    op("le", Comparison, Two(TwoOp::Cmp(CmpOp::Le)), r#"{"le": [a, b]}"#, "bool", "`a` at most `b`; whole numbers or dates"),
    op("gt", Comparison, Two(TwoOp::Cmp(CmpOp::Gt)), r#"{"gt": [a, b]}"#, "bool", "`a` after or more than `b`; whole numbers or dates"),
    op("ge", Comparison, Two(TwoOp::Cmp(CmpOp::Ge)), r#"{"ge": [a, b]}"#, "bool", "`a` at least `b`; whole numbers or dates"),
    op("in", Comparison, Two(TwoOp::In), r#"{"in": [x, S]}"#, "bool", "`x` is in `S`: a set literal, `{\"set\": name}` or a list (e.g. `{\"field\": \"citizenship\"}`)"),
    op("member", Comparison, Keys(KeysOp::Member, &["of", "value", "on"]), r#"{"member": {"of": "eaeu_members", "value": x, "on": d}}"#, "bool", "`x` is in the dated set on the date `d`"),
    op("is_null", Comparison, One(OneOp::IsNull), r#"{"is_null": e}"#, "bool", "true when `e` is known and null (e.g. an open-ended contract), false when known and not null, unknown when unknown"),
    op("some", Quantifiers, Keys(KeysOp::Quant(Quant::Some), &["in", "as", "where"]), r#"{"some": {"in": L, "as": "c", "where": e}}"#, "bool", "`e` holds for some item of the list `L` (false only if it is false for every item)"),
    op("every", Quantifiers, Keys(KeysOp::Quant(Quant::Every), &["in", "as", "where"]), r#"{"every": {"in": L, "as": "c", "where": e}}"#, "bool", "`e` holds for every item of the list `L` (true only if it is true for every item)"),
    op("count", Quantifiers, Keys(KeysOp::Quant(Quant::Count), &["in", "as", "where"]), r#"{"count": {"in": L, "as": "c", "where": e}}"#, "int", "how many items of the list `L` `e` holds for"),
    op("add_days", Dates, Two(TwoOp::Shift(Unit::Days)), r#"{"add_days": [d, n]}"#, "date", "`n` days after `d`"),
    op("add_months", Dates, Two(TwoOp::Shift(Unit::Months)), r#"{"add_months": [d, n]}"#, "date", "`n` months after `d`, clamped to the end of the month"),
    op("add_years", Dates, Two(TwoOp::Shift(Unit::Years)), r#"{"add_years": [d, n]}"#, "date", "`n` years after `d`, clamped to the end of the month (29 Feb + 1 year = 28 Feb)"),
    op("days_between", Dates, Two(TwoOp::DaysBetween), r#"{"days_between": [d1, d2]}"#, "int", "`d2 - d1` in days"),
    op("age", Dates, Two(TwoOp::Age), r#"{"age": [birth, on]}"#, "int", "completed years on a date"),
    op("last_day", Dates, Two(TwoOp::LastDay), r#"{"last_day": [start, n]}"#, "date", "the last day of a period of `n` days from `start`, counted by the pack's `day_count`"),
    op("earliest", Dates, Many(ManyOp::Earliest), r#"{"earliest": [d, ...]}"#, "date", "the earliest date; nulls are skipped; null if every item is null"),
    op("latest", Dates, Many(ManyOp::Latest), r#"{"latest": [d, ...]}"#, "date", "the latest date; nulls are skipped; null if every item is null"),
    op("add_working_days", Dates, Keys(KeysOp::AddWorkingDays, &["from", "days", "holidays"]), r#"{"add_working_days": {"from": d, "days": n, "holidays": "set name"}}"#, "date", "the `n`-th working day after `d`: Saturdays, Sundays and the dates of the named set are not working days"),
];

/// The operator with this name.
pub fn operator(name: &str) -> Option<&'static Operator> {
    OPERATORS.iter().find(|o| o.name == name)
}

/// "operators are all, any, ...": the help for a missing or unknown operator.
pub(super) fn operator_help() -> String {
    let names: Vec<&str> = OPERATORS.iter().map(|o| o.name).collect();
    format!(
        "operators are {} (see docs/rule-language.md, or `eaeu-rights rules operators`)",
        names.join(", ")
    )
}

/// The table as Markdown, one table per section: what docs/rule-language.md
/// holds between its `operators` markers.
pub fn operators_markdown() -> String {
    let mut out = String::new();
    let mut section = None;
    for o in OPERATORS {
        if section != Some(o.section) {
            if section.is_some() {
                out.push('\n');
            }
            section = Some(o.section);
            let _ = writeln!(out, "#### {}\n", o.section.title());
            out.push_str("| operator | written | gives | meaning |\n|---|---|---|---|\n");
        }
        let _ = writeln!(
            out,
            "| `{}` | `{}` | {} | {} |",
            o.name,
            o.example,
            o.gives,
            o.help.replace('|', "\\|")
        );
    }
    out
}

impl<'f> Compiler<'f> {
    /// Looks the operator up, reads its argument in the table's shape, and
    /// lowers it; `None` after reporting an error.
    pub(super) fn operator(
        &mut self,
        name: &str,
        arg: &Value,
        obj: &Map<String, Value>,
        at: &At,
        node_at: &At,
        scope: &mut Scope,
    ) -> Option<(crate::engine::ir::Op, Ty)> {
        let Some(op) = operator(name) else {
            let help = did_you_mean(name, OPERATORS.iter().map(|o| o.name))
                .or_else(|| Some(operator_help()));
            self.error(node_at, format!("unknown operator `{name}`"), help);
            return None;
        };
        match op.form {
            Form::Name(n) => {
                let arg = match n {
                    NameOp::Date => match arg {
                        Value::String(s) => s.as_str(),
                        _ => {
                            self.error(at, "`date` takes a string `YYYY-MM-DD`".to_owned(), None);
                            return None;
                        }
                    },
                    _ => self.string_arg(arg, at, name)?,
                };
                self.lower_name(n, arg, obj, at, node_at, scope)
            }
            Form::One(o) => self.lower_one(o, arg, at, scope),
            Form::Two(t) => {
                let pair = self.pair_arg(arg, at, name)?;
                self.lower_two(t, name, pair, at, scope)
            }
            Form::Many(m) => {
                let items = self.list_arg(arg, at, name, 1)?;
                self.lower_many(m, items, at, scope)
            }
            Form::Keys(k, keys) => {
                let fields = self.object_arg(arg, at, name, keys, &[])?;
                self.lower_keys(k, name, &fields, at, node_at, scope)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operator_has_one_entry_and_a_meaning() {
        for (i, o) in OPERATORS.iter().enumerate() {
            assert!(
                OPERATORS.iter().skip(i + 1).all(|p| p.name != o.name),
                "`{}` is listed twice",
                o.name
            );
            assert!(!o.help.is_empty() && !o.gives.is_empty(), "{}", o.name);
            assert!(
                o.example.contains(&format!("\"{}\"", o.name)),
                "the example of `{}` does not use it: {}",
                o.name,
                o.example
            );
        }
    }

    #[test]
    fn the_rule_language_documents_this_table() {
        let doc = include_str!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/docs/rule-language.md"
        ));
        let begin = "<!-- operators:begin -->\n";
        let copy = doc
            .split_once(begin)
            .and_then(|(_, rest)| rest.split_once("<!-- operators:end -->"))
            .map(|(table, _)| table);
        assert_eq!(
            copy,
            Some(operators_markdown().as_str()),
            "docs/rule-language.md: put the output of `eaeu-rights rules operators` between its operators markers"
        );
    }

    #[test]
    fn the_object_operators_example_names_every_key() {
        for o in OPERATORS {
            if let Form::Keys(_, keys) = o.form {
                for k in keys {
                    assert!(o.example.contains(&format!("\"{k}\"")), "{}: {k}", o.name);
                }
            }
        }
    }
}
