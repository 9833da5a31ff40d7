//! Which values a node's text can show (`{0}`, `{1}`): the evaluator reads
//! them when it records a `say`, the report words them.

use super::ir::{Node, Op};

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
