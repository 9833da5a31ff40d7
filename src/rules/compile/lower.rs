//! Each operator type-checked and lowered to the engine's IR, its argument
//! already read in the shape the operator table gives (`operators.rs`).

use serde_json::{Map, Value};

use super::expr::is_text_lit;
use super::operators::{KeysOp, ManyOp, NameOp, OneOp, TwoOp};
use super::types::{lookup_field, member_field_type, Ty};
use super::{At, Compiler, DefState, Scope, MAX_QUANTIFIERS};
use crate::engine::ir::*;
use crate::rules::arith::refused_count;

/// The element type of a list type, if it is one.
fn element_of(list: Ty) -> Option<Ty> {
    match list {
        Ty::Countries => Some(Ty::Country),
        Ty::Family => Some(Ty::Member),
        _ => None,
    }
}

impl<'f> Compiler<'f> {
    /// `field`, `var`, `def`, `param`, `set` and `date`.
    pub(super) fn lower_name(
        &mut self,
        op: NameOp,
        name: &str,
        obj: &Map<String, Value>,
        at: &At,
        node_at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        match op {
            NameOp::Date => Some((Op::Lit(Lit::Date(self.date(name, at)?)), Ty::Date)),
            NameOp::Field => self.lower_field(name, at),
            NameOp::Var => self.lower_var(name, at, scope),
            NameOp::Def => {
                let Some(id) = self.def_index.get(name).copied() else {
                    let help = self.suggest(name, self.def_index.keys());
                    self.undefined(
                        name,
                        at,
                        format!("undefined name `{name}`: no definition has this name"),
                        help,
                    );
                    return None;
                };
                if matches!(self.def_state.get(id), Some(DefState::InProgress)) {
                    self.error(
                        at,
                        format!(
                            "definition `{name}` depends on itself (a cycle between definitions)"
                        ),
                        None,
                    );
                    if let Some(s) = self.def_state.get_mut(id) {
                        *s = DefState::Failed;
                    }
                    return None;
                }
                let ty = self.compile_def(id)?;
                Some((Op::Def(DefId::new(id)), ty))
            }
            NameOp::Param => {
                let Some((id, ty)) = self.params.get(name).copied() else {
                    let help = self.suggest(name, self.params.keys());
                    self.undefined(name, at, format!("undefined parameter `{name}`"), help);
                    return None;
                };
                let on = match obj.get("on") {
                    Some(v) => Some(Box::new(self.expect_ty(
                        v,
                        &node_at.key("on"),
                        scope,
                        Ty::Date,
                    )?)),
                    None => None,
                };
                Some((
                    Op::Param {
                        id: ParamId::new(id),
                        on,
                    },
                    ty,
                ))
            }
            NameOp::Set => {
                self.error(
                    at,
                    "a named set can only stand on the right of `in`".to_owned(),
                    None,
                );
                None
            }
        }
    }

    fn lower_field(&mut self, name: &str, at: &At) -> Option<(Op, Ty)> {
        match lookup_field(name) {
            Some((f, ty)) => match self.field_unavailable(f) {
                Some(message) => {
                    let help = "add the table (see docs/rule-language.md), or read `occupation`";
                    self.error(at, message, Some(help.to_owned()));
                    None
                }
                None => Some((Op::Field(f), ty)),
            },
            None => {
                let names: Vec<String> = Field::ALL.iter().map(|f| f.path().to_owned()).collect();
                let help = self
                    .suggest(name, names.iter())
                    .or_else(|| Some(format!("profile fields are {}", names.join(", "))));
                self.error(at, format!("unknown profile field `{name}`"), help);
                None
            }
        }
    }

    fn lower_var(&mut self, name: &str, at: &At, scope: &Scope) -> Option<(Op, Ty)> {
        let (var, member) = match name.split_once('.') {
            Some((v, m)) => (v, Some(m)),
            None => (name, None),
        };
        let Some(slot) = scope.vars.iter().rposition(|(n, _)| n == var) else {
            self.error(at, format!("undefined variable `{var}`"), Some("variables are bound by `some`, `every` or `count` (`\"as\": \"name\"`) and used inside their `where`".to_owned()));
            return None;
        };
        let var_ty = scope.vars.get(slot).map(|v| v.1)?;
        match (member, var_ty) {
            (None, ty) => Some((Op::Var { slot, member: None }, ty)),
            (Some(m), Ty::Member) => match MemberField::ALL.into_iter().find(|f| f.name() == m) {
                Some(f) => Some((
                    Op::Var {
                        slot,
                        member: Some(f),
                    },
                    member_field_type(f),
                )),
                None => {
                    self.error(at, format!("a family member has no field `{m}`: expected `relation`, `birth_date` or `citizenship`"), None);
                    None
                }
            },
            (Some(m), ty) => {
                self.error(
                    at,
                    format!("`{var}` is {}, which has no field `{m}`", ty.name()),
                    None,
                );
                None
            }
        }
    }

    /// `not` and `is_null`.
    pub(super) fn lower_one(
        &mut self,
        op: OneOp,
        arg: &Value,
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        match op {
            OneOp::Not => Some((
                Op::Not(Box::new(self.expect_ty(arg, at, scope, Ty::Bool)?)),
                Ty::Bool,
            )),
            OneOp::IsNull => {
                let (node, _) = self.expr(arg, at, scope)?;
                Some((Op::IsNull(Box::new(node)), Ty::Bool))
            }
        }
    }

    /// `all`, `any`, `earliest` and `latest`.
    pub(super) fn lower_many(
        &mut self,
        op: ManyOp,
        items: &[Value],
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let want = match op {
            ManyOp::All | ManyOp::Any => Ty::Bool,
            ManyOp::Earliest | ManyOp::Latest => Ty::Date,
        };
        // Every item is checked, so one load reports every bad item.
        let nodes: Vec<Option<Node>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| self.expect_ty(item, &at.index(i), scope, want))
            .collect();
        let nodes = nodes.into_iter().collect::<Option<Vec<_>>>()?;
        let op = match op {
            ManyOp::All => Op::All(nodes),
            ManyOp::Any => Op::Any(nodes),
            ManyOp::Earliest => Op::Earliest(nodes),
            ManyOp::Latest => Op::Latest(nodes),
        };
        Some((op, want))
    }

    /// Comparisons, `in`, and the date operators of two operands.
    pub(super) fn lower_two(
        &mut self,
        op: TwoOp,
        name: &str,
        [a, b]: [&Value; 2],
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        match op {
            TwoOp::Cmp(cmp) => self.lower_compare(cmp, name, [a, b], at, scope),
            TwoOp::In => self.lower_in([a, b], at, scope),
            TwoOp::Shift(_) | TwoOp::LastDay => {
                let d = self.expect_ty(a, &at.index(0), scope, Ty::Date);
                let n = self.expect_ty(b, &at.index(1), scope, Ty::Int);
                let (d, n) = (Box::new(d?), Box::new(n?));
                if let Some(why) = refused_count(name, &n, &self.out_params) {
                    self.error(&at.index(1), why, None);
                    return None;
                }
                let op = match op {
                    TwoOp::Shift(unit) => Op::Shift(unit, d, n),
                    _ => Op::LastDay(d, n),
                };
                Some((op, Ty::Date))
            }
            TwoOp::DaysBetween | TwoOp::Age => {
                let a = self.expect_ty(a, &at.index(0), scope, Ty::Date);
                let b = self.expect_ty(b, &at.index(1), scope, Ty::Date);
                let (a, b) = (Box::new(a?), Box::new(b?));
                let op = match op {
                    TwoOp::Age => Op::Age(a, b),
                    _ => Op::DaysBetween(a, b),
                };
                Some((op, Ty::Int))
            }
        }
    }

    fn lower_compare(
        &mut self,
        cmp: CmpOp,
        name: &str,
        [a, b]: [&Value; 2],
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let left = self.expr(a, &at.index(0), scope);
        let right = self.expr(b, &at.index(1), scope);
        let ((mut ln, lt), (mut rn, rt)) = (left?, right?);
        // A text literal takes the type of the other side, and is checked as such.
        let ty = match (lt, rt) {
            (Ty::Text, other) if is_text_lit(&ln) && other != Ty::Text && other != Ty::Null => {
                ln = self.retype(ln, other, &at.index(0))?;
                other
            }
            (other, Ty::Text) if is_text_lit(&rn) && other != Ty::Text && other != Ty::Null => {
                rn = self.retype(rn, other, &at.index(1))?;
                other
            }
            (Ty::Null, t) | (t, Ty::Null) => t,
            (a, b) if a == b => a,
            (a, b) => {
                self.error(
                    at,
                    format!("cannot compare {} with {}", a.name(), b.name()),
                    None,
                );
                return None;
            }
        };
        if !matches!(cmp, CmpOp::Eq | CmpOp::Ne) && !matches!(ty, Ty::Int | Ty::Date | Ty::Null) {
            self.error(
                at,
                format!("`{name}` orders whole numbers or dates, not {}", ty.name()),
                None,
            );
            return None;
        }
        if matches!(ty, Ty::Countries | Ty::Family | Ty::Member) {
            self.error(
                at,
                format!(
                    "cannot compare {} with `{name}`: use `in`, `some` or `every`",
                    ty.name()
                ),
                None,
            );
            return None;
        }
        Some((Op::Cmp(cmp, Box::new(ln), Box::new(rn)), Ty::Bool))
    }

    fn lower_in(
        &mut self,
        [item, set]: [&Value; 2],
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let (mut item_node, mut item_ty) = self.expr(item, &at.index(0), scope)?;
        let set_at = at.index(1);
        let src = match set {
            Value::Array(values) => {
                if item_ty == Ty::Text && is_text_lit(&item_node) {
                    self.error(
                        &at.index(0),
                        "the left side of `in` must not be a literal".to_owned(),
                        None,
                    );
                    return None;
                }
                let lits: Vec<Option<Lit>> = values
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.literal_of(v, item_ty, &set_at.index(i)))
                    .collect();
                SetSrc::Literal(lits.into_iter().collect::<Option<Vec<_>>>()?)
            }
            Value::Object(o) if o.len() == 1 && o.contains_key("set") => {
                let name = self.string_arg(o.get("set")?, &set_at.key("set"), "set")?;
                let Some((id, set_ty)) = self.sets.get(name).copied() else {
                    let help = self.suggest(name, self.sets.keys());
                    self.undefined(
                        name,
                        &set_at.key("set"),
                        format!("undefined set `{name}`"),
                        help,
                    );
                    return None;
                };
                if item_ty == Ty::Text && is_text_lit(&item_node) && set_ty != Ty::Text {
                    item_node = self.retype(item_node, set_ty, &at.index(0))?;
                    item_ty = set_ty;
                }
                if set_ty != item_ty {
                    self.error(
                        at,
                        format!(
                            "`{name}` holds {} values, but the left side is {}",
                            set_ty.name(),
                            item_ty.name()
                        ),
                        None,
                    );
                    return None;
                }
                SetSrc::Named(SetId::new(id))
            }
            other => {
                let (list, list_ty) = self.expr(other, &set_at, scope)?;
                let Some(elem) = element_of(list_ty) else {
                    self.error(&set_at, format!("the right side of `in` must be a list, a named set or a list field, not {}", list_ty.name()), None);
                    return None;
                };
                if item_ty == Ty::Text && is_text_lit(&item_node) {
                    item_node = self.retype(item_node, elem, &at.index(0))?;
                    item_ty = elem;
                }
                if item_ty != elem {
                    self.error(
                        at,
                        format!("{} cannot be in {}", item_ty.name(), list_ty.name()),
                        None,
                    );
                    return None;
                }
                SetSrc::List(Box::new(list))
            }
        };
        Some((Op::In(Box::new(item_node), src), Ty::Bool))
    }

    /// `member`, the quantifiers and `add_working_days`; `fields` holds the
    /// table's keys in its order, each present.
    pub(super) fn lower_keys(
        &mut self,
        op: KeysOp,
        name: &str,
        fields: &[Option<&Value>],
        at: &At,
        node_at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let field = |i: usize| fields.get(i).copied().flatten().unwrap_or(&Value::Null);
        match op {
            KeysOp::Member => self.lower_member([field(0), field(1), field(2)], at, scope),
            KeysOp::Quant(q) => {
                self.lower_quant(q, name, [field(0), field(1), field(2)], at, node_at, scope)
            }
            KeysOp::AddWorkingDays => {
                self.lower_working_days(name, [field(0), field(1), field(2)], at, scope)
            }
        }
    }

    fn lower_member(
        &mut self,
        [of, value, on]: [&Value; 3],
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let set_name = self.string_arg(of, &at.key("of"), "of")?;
        let Some((set, set_ty)) = self.dated_sets.get(set_name).copied() else {
            let help = self.suggest(set_name, self.dated_sets.keys());
            self.undefined(
                set_name,
                &at.key("of"),
                format!("undefined dated set `{set_name}`"),
                help,
            );
            return None;
        };
        let (mut vn, mut vt) = self.expr(value, &at.key("value"), scope)?;
        if vt == Ty::Text && is_text_lit(&vn) && set_ty != Ty::Text {
            vn = self.retype(vn, set_ty, &at.key("value"))?;
            vt = set_ty;
        }
        if vt != set_ty {
            self.error(
                &at.key("value"),
                format!(
                    "`{set_name}` holds {} values, but this is {}",
                    set_ty.name(),
                    vt.name()
                ),
                None,
            );
            return None;
        }
        let on = self.expect_ty(on, &at.key("on"), scope, Ty::Date)?;
        Some((
            Op::Member {
                set: DatedSetId::new(set),
                value: Box::new(vn),
                on: Box::new(on),
            },
            Ty::Bool,
        ))
    }

    fn lower_quant(
        &mut self,
        q: Quant,
        name: &str,
        [list, var, body]: [&Value; 3],
        at: &At,
        node_at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let (list_node, list_ty) = self.expr(list, &at.key("in"), scope)?;
        let Some(elem) = element_of(list_ty) else {
            self.error(
                &at.key("in"),
                format!("`{name}` goes over a list, not {}", list_ty.name()),
                None,
            );
            return None;
        };
        let var = self.string_arg(var, &at.key("as"), "as")?;
        if !var.chars().all(|c| c.is_ascii_lowercase() || c == '_') || var.is_empty() {
            self.error(
                &at.key("as"),
                format!("`{var}` is not a variable name: use lower-case letters and _"),
                None,
            );
            return None;
        }
        let slot = scope.vars.len();
        if slot >= MAX_QUANTIFIERS {
            self.error(
                node_at,
                format!(
                    "more than {MAX_QUANTIFIERS} `some`, `every` or `count` nested in one another"
                ),
                Some("each nested quantifier multiplies the work for every profile by the length of a list".to_owned()),
            );
            return None;
        }
        scope.vars.push((var.to_owned(), elem));
        self.max_depth = self.max_depth.max(scope.vars.len());
        let body = self.expect_ty(body, &at.key("where"), scope, Ty::Bool);
        scope.vars.pop();
        let ty = if q == Quant::Count { Ty::Int } else { Ty::Bool };
        Some((
            Op::Quant {
                q,
                list: Box::new(list_node),
                slot,
                body: Box::new(body?),
            },
            ty,
        ))
    }

    fn lower_working_days(
        &mut self,
        name: &str,
        [from, days, holidays]: [&Value; 3],
        at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        let from = self.expect_ty(from, &at.key("from"), scope, Ty::Date);
        let days = self.expect_ty(days, &at.key("days"), scope, Ty::Int);
        let set_name = self.string_arg(holidays, &at.key("holidays"), "holidays")?;
        let holidays = match self.sets.get(set_name).copied() {
            Some((id, Ty::Date)) => id,
            Some((_, t)) => {
                self.error(
                    &at.key("holidays"),
                    format!("`{set_name}` holds {} values, not dates", t.name()),
                    None,
                );
                return None;
            }
            None => {
                let help = self.suggest(set_name, self.sets.keys());
                self.undefined(
                    set_name,
                    &at.key("holidays"),
                    format!("undefined set `{set_name}`"),
                    help,
                );
                return None;
            }
        };
        let days = days?;
        if let Some(why) = refused_count(name, &days, &self.out_params) {
            self.error(&at.key("days"), why, None);
            return None;
        }
        Some((
            Op::AddWorkingDays {
                from: Box::new(from?),
                days: Box::new(days),
                holidays: SetId::new(holidays),
            },
            Ty::Date,
        ))
    }
}
