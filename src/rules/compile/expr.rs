//! Expressions: one operator key per object, its argument's shape, its
//! type against what the place expects, and how deep it nests.

use serde_json::Value;

use super::operators::operator_help;
use super::types::Ty;
use super::{At, Compiler, Scope, MAX_NESTING, MAX_OPERANDS};
use crate::engine::ir::*;

impl<'f> Compiler<'f> {
    pub(super) fn expect_ty(
        &mut self,
        v: &Value,
        at: &At,
        scope: &mut Scope,
        want: Ty,
    ) -> Option<Node> {
        let (node, ty) = self.expr(v, at, scope)?;
        // A null condition would be unknown for every profile: every rule
        // using it would come out undetermined with no question to settle it.
        if want == Ty::Bool && ty == Ty::Null {
            self.error(
                at,
                "expected a boolean condition, but this is null: a condition cannot be null".to_owned(),
                Some("write the condition, `true` or `false`, or leave an optional key (`unless`, `met_when`) out".to_owned()),
            );
            return None;
        }
        if ty != want && ty != Ty::Null {
            self.error(
                at,
                format!("expected {}, but this is {}", want.name(), ty.name()),
                None,
            );
            return None;
        }
        Some(node)
    }

    pub(super) fn nesting_error(&mut self, at: &At, depth: usize) {
        self.error(
            at,
            format!("expressions nest {depth} levels deep, counting through the definitions they use: at most {MAX_NESTING} are accepted"),
            Some("split the condition, or flatten chains of definitions that only refer to the next one".to_owned()),
        );
    }

    /// Compiles one expression; `None` after reporting an error.
    pub(super) fn expr(&mut self, v: &Value, at: &At, scope: &mut Scope) -> Option<(Node, Ty)> {
        if self.nesting >= MAX_NESTING {
            let depth = self.nesting.saturating_add(1);
            self.nesting_error(at, depth);
            return None;
        }
        self.nesting = self.nesting.saturating_add(1);
        let result = self.expr_at_depth(v, at, scope);
        self.nesting = self.nesting.saturating_sub(1);
        result
    }

    pub(super) fn expr_at_depth(
        &mut self,
        v: &Value,
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Node, Ty)> {
        let plain = |op: Op, ty: Ty| Some((Node { op, say: None }, ty));
        let obj = match v {
            Value::Null => return plain(Op::Lit(Lit::Null), Ty::Null),
            Value::Bool(b) => return plain(Op::Lit(Lit::Bool(*b)), Ty::Bool),
            Value::Number(_) => {
                let lit = self.literal_of(v, Ty::Int, at)?;
                return plain(Op::Lit(lit), Ty::Int);
            }
            Value::String(s) => return plain(Op::Lit(Lit::Text(s.clone())), Ty::Text),
            Value::Array(_) => {
                self.error(
                    at,
                    "a list of values can only stand on the right of `in`".to_owned(),
                    None,
                );
                return None;
            }
            Value::Object(o) => o,
        };
        let mut keys: Vec<&String> = obj.keys().filter(|k| k.as_str() != "say").collect();
        // `param` takes an optional `on` beside it.
        if obj.contains_key("param") {
            keys.retain(|k| k.as_str() != "on");
        }
        let op_name = match keys.as_slice() {
            [one] => one.as_str(),
            [] => {
                self.error(
                    at,
                    "an expression needs an operator key".to_owned(),
                    Some(operator_help()),
                );
                return None;
            }
            many => {
                let list = many
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.error(
                    at,
                    format!("an expression has exactly one operator, found {list}"),
                    None,
                );
                return None;
            }
        };
        let arg = obj.get(op_name)?;
        let arg_at = at.key(op_name);
        let (op, ty) = self.operator(op_name, arg, obj, &arg_at, at, scope)?;
        let node = Node { op, say: None };
        let say = match obj.get("say") {
            Some(s) => Some(Box::new(
                self.say(
                    s,
                    &at.key("say"),
                    // A say shows at most the first two operands: the engine
                    // keeps their values beside its reason without allocating.
                    crate::engine::template_operand_count(&node)
                        .min(crate::engine::reason::SAY_OPERANDS),
                )?,
            )),
            None => None,
        };
        Some((Node { say, ..node }, ty))
    }

    pub(super) fn retype(&mut self, node: Node, ty: Ty, at: &At) -> Option<Node> {
        match node.op {
            Op::Lit(Lit::Text(s)) => Some(Node {
                op: Op::Lit(self.coerce_text(&s, ty, at)?),
                say: node.say,
            }),
            op => Some(Node { op, say: node.say }),
        }
    }

    pub(super) fn string_arg<'v>(&mut self, v: &'v Value, at: &At, what: &str) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.error(
                    at,
                    format!("`{what}` takes a name (a string), found `{v}`"),
                    None,
                );
                None
            }
        }
    }

    pub(super) fn list_arg<'v>(
        &mut self,
        v: &'v Value,
        at: &At,
        what: &str,
        min: usize,
    ) -> Option<&'v Vec<Value>> {
        match v {
            Value::Array(items) if items.len() > MAX_OPERANDS => {
                self.error(
                    at,
                    format!(
                        "`{what}` has {} operands: at most {MAX_OPERANDS} are accepted",
                        items.len()
                    ),
                    Some("group the operands into definitions and combine those".to_owned()),
                );
                None
            }
            Value::Array(items) if items.len() >= min => Some(items),
            _ => {
                self.error(
                    at,
                    format!("`{what}` takes an array of at least {min} expression(s)"),
                    None,
                );
                None
            }
        }
    }

    pub(super) fn pair_arg<'v>(
        &mut self,
        v: &'v Value,
        at: &At,
        what: &str,
    ) -> Option<[&'v Value; 2]> {
        match v {
            Value::Array(items) => match items.as_slice() {
                [a, b] => Some([a, b]),
                _ => {
                    self.error(
                        at,
                        format!("`{what}` takes exactly two operands, found {}", items.len()),
                        None,
                    );
                    None
                }
            },
            _ => {
                self.error(at, format!("`{what}` takes an array of two operands"), None);
                None
            }
        }
    }

    /// The named members of an object argument, all required.
    pub(super) fn object_arg<'v>(
        &mut self,
        v: &'v Value,
        at: &At,
        what: &str,
        required: &[&str],
        optional: &[&str],
    ) -> Option<Vec<Option<&'v Value>>> {
        let Value::Object(o) = v else {
            self.error(
                at,
                format!("`{what}` takes an object with {}", required.join(", ")),
                None,
            );
            return None;
        };
        let mut ok = true;
        for k in o.keys() {
            if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
                self.error(
                    &at.key(k),
                    format!(
                        "unknown key `{k}` in `{what}`: expected {}",
                        required.join(", ")
                    ),
                    None,
                );
                ok = false;
            }
        }
        for k in required {
            if !o.contains_key(*k) {
                self.error(at, format!("`{what}` needs `{k}`"), None);
                ok = false;
            }
        }
        ok.then(|| required.iter().chain(optional).map(|k| o.get(*k)).collect())
    }
}

pub(super) fn is_text_lit(node: &Node) -> bool {
    matches!(node.op, Op::Lit(Lit::Text(_)))
}
