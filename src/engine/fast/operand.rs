//! The fast path's operands: leaves (constants, `as_of`, other fields,
//! definitions, variables) read inline by the operation that uses it, each
//! operation instantiated for the kinds of its operands ([`Get`]).

use super::{Ctx, TruthFn, ValueFn};
use crate::engine::ir::{DefId, Field, Lit, MemberField};
use crate::engine::semantics::{field_value, member_field_value};
use crate::engine::value::{Truth, Value};

pub(super) fn tf<'p>(f: impl Fn(&mut Ctx<'_>) -> Truth + Send + Sync + 'p) -> TruthFn<'p> {
    Box::new(f)
}

pub(super) fn vf<'p>(
    f: impl for<'x> Fn(&mut Ctx<'x>) -> Value<'x> + Send + Sync + 'p,
) -> ValueFn<'p> {
    Box::new(f)
}

/// An operand read inline by the operation that uses it.
pub(super) trait Get {
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x>;
}

/// A constant that borrows nothing.
pub(super) struct K(pub(super) Value<'static>);
impl Get for K {
    #[inline(always)]
    fn get<'x>(&self, _: &mut Ctx<'x>) -> Value<'x> {
        self.0
    }
}

/// `as_of`, the commonest field.
pub(super) struct AsOf;
impl Get for AsOf {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        Value::Date(c.profile.as_of)
    }
}

/// `host`, the field read by most membership tests.
pub(super) struct Host;
impl Get for Host {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        Value::Country(c.profile.host)
    }
}

/// Another profile field.
pub(super) struct F(pub(super) Field);
impl Get for F {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        field_value(c.profile, self.0)
    }
}

/// A definition.
pub(super) struct D(pub(super) DefId);
impl Get for D {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        c.def(self.0)
    }
}

/// A variable.
pub(super) struct Var(pub(super) usize);
impl Get for Var {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        c.var(self.0)
    }
}

/// A field of the family member bound to a variable.
pub(super) struct VarField(pub(super) usize, pub(super) MemberField);
impl Get for VarField {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        member_field(c.var(self.0), self.1)
    }
}

/// Anything else: a closure.
pub(super) struct Dyn<'p>(pub(super) ValueFn<'p>);
impl Get for Dyn<'_> {
    #[inline(always)]
    fn get<'x>(&self, c: &mut Ctx<'x>) -> Value<'x> {
        (self.0)(c)
    }
}

/// The kind of an operand, chosen at build time.
pub(super) enum Operand<'p> {
    K(Value<'static>),
    AsOf,
    Host,
    F(Field),
    D(DefId),
    Var(usize),
    VarField(usize, MemberField),
    Dyn(ValueFn<'p>),
}

/// Runs `$body` with `$a` bound to the operand as its own type, so that the
/// closure `$body` builds is specialised for it.
macro_rules! with_operand {
    ($operand:expr, $a:ident => $body:expr) => {
        match $operand {
            Operand::K(v) => {
                let $a = K(v);
                $body
            }
            Operand::AsOf => {
                let $a = AsOf;
                $body
            }
            Operand::Host => {
                let $a = Host;
                $body
            }
            Operand::F(f) => {
                let $a = F(f);
                $body
            }
            Operand::D(id) => {
                let $a = D(id);
                $body
            }
            Operand::Var(slot) => {
                let $a = Var(slot);
                $body
            }
            Operand::VarField(slot, m) => {
                let $a = VarField(slot, m);
                $body
            }
            Operand::Dyn(f) => {
                let $a = Dyn(f);
                $body
            }
        }
    };
}

/// A literal as a value that borrows nothing (all but texts).
pub(super) fn static_lit(lit: &Lit) -> Option<Value<'static>> {
    super::owned(Value::of_lit(lit))
}

/// A variable's field: of a family member, or the value itself otherwise.
#[inline]
pub(super) fn member_field(v: Value<'_>, m: MemberField) -> Value<'_> {
    match v {
        Value::Member(member) => member_field_value(member, m),
        other => other,
    }
}
