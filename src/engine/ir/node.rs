//! Expressions of the compiled pack: literals, profile fields, the
//! operations and their `say` texts.

use chrono::NaiveDate;

use super::{DatedSetId, DefId, ParamId, SetId};
use crate::country::Country;
use crate::profile::{ContractKind, Relation};

/// A literal value in a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Lit {
    Null,
    Bool(bool),
    Int(i64),
    Date(NaiveDate),
    Country(Country),
    Kind(ContractKind),
    Relation(Relation),
    Text(String),
}

/// A profile field an expression can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    /// `citizenship`
    Citizenship,
    /// `host`
    Host,
    /// `entry_date`
    EntryDate,
    /// `as_of`
    AsOf,
    /// `contract.kind`
    ContractKind,
    /// `contract.start`
    ContractStart,
    /// `contract.end`
    ContractEnd,
    /// `contract.terminated_on`
    TerminatedOn,
    /// `contract.effective_end`: the termination date when the contract
    /// was terminated early, else its end (null: open-ended). Derived.
    EffectiveEnd,
    /// `occupation`
    Occupation,
    /// `occupation_category`: derived, not given. The kind of work the
    /// occupation is by the pack's `occupations` table (a category name);
    /// unknown when the occupation is unknown or the table cannot place it.
    OccupationCategory,
    /// `registered`
    Registered,
    /// `permanent_resident`
    PermanentResident,
    /// `family`
    Family,
}

/// A field of a family member.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MemberField {
    /// `relation`
    Relation,
    /// `birth_date`
    BirthDate,
    /// `citizenship`
    Citizenship,
}

impl Field {
    /// Every field, in the profile contract's order (a derived field after
    /// the fact it is derived from).
    pub const ALL: [Field; 14] = [
        Field::Citizenship,
        Field::Host,
        Field::EntryDate,
        Field::AsOf,
        Field::ContractKind,
        Field::ContractStart,
        Field::ContractEnd,
        Field::TerminatedOn,
        Field::EffectiveEnd,
        Field::Occupation,
        Field::OccupationCategory,
        Field::Registered,
        Field::PermanentResident,
        Field::Family,
    ];

    /// The field's path, as rules and missing-fact lists name it (`contract.kind`).
    pub fn path(self) -> &'static str {
        match self {
            Field::Citizenship => "citizenship",
            Field::Host => "host",
            Field::EntryDate => "entry_date",
            Field::AsOf => "as_of",
            Field::ContractKind => "contract.kind",
            Field::ContractStart => "contract.start",
            Field::ContractEnd => "contract.end",
            Field::TerminatedOn => "contract.terminated_on",
            Field::EffectiveEnd => "contract.effective_end",
            Field::Occupation => "occupation",
            Field::OccupationCategory => "occupation_category",
            Field::Registered => "registered",
            Field::PermanentResident => "permanent_resident",
            Field::Family => "family",
        }
    }

    /// The fact a person must give when this field is unknown: a derived
    /// field asks for the fact it is derived from.
    pub fn asked(self) -> Field {
        match self {
            Field::EffectiveEnd => Field::ContractEnd,
            Field::OccupationCategory => Field::Occupation,
            other => other,
        }
    }
}

impl MemberField {
    /// Every field of a family member.
    pub const ALL: [MemberField; 3] = [
        MemberField::Relation,
        MemberField::BirthDate,
        MemberField::Citizenship,
    ];

    /// The field's name, as rules (`m.birth_date`) and missing-fact lists name it.
    pub fn name(self) -> &'static str {
        match self {
            MemberField::Relation => "relation",
            MemberField::BirthDate => "birth_date",
            MemberField::Citizenship => "citizenship",
        }
    }
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CmpOp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Quantifiers over a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Quant {
    Some,
    Every,
    Count,
}

/// Calendar units for date arithmetic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unit {
    Days,
    Months,
    Years,
}

/// Where the right side of `in` comes from.
#[derive(Debug, Clone)]
pub(crate) enum SetSrc {
    Literal(Vec<Lit>),
    Named(SetId),
    List(Box<Node>),
}

/// An expression node, with its optional explanation override.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub op: Op,
    pub say: Option<Box<Say>>,
}

impl Node {
    /// The nodes this one evaluates, in order: the one traversal of the IR
    /// that depth limits, cost estimates and reference walks share. A
    /// quantifier's body comes last, after its list.
    pub(crate) fn children(&self) -> impl Iterator<Item = &Node> {
        let (pair, items): ([Option<&Node>; 2], &[Node]) = match &self.op {
            Op::Lit(_) | Op::Field(_) | Op::Var { .. } | Op::Def(_) => ([None, None], &[]),
            Op::Param { on, .. } => ([on.as_deref(), None], &[]),
            Op::All(items) | Op::Any(items) | Op::Earliest(items) | Op::Latest(items) => {
                ([None, None], items)
            }
            Op::Not(a) | Op::IsNull(a) => ([Some(a), None], &[]),
            Op::In(item, SetSrc::List(list)) => ([Some(item), Some(list)], &[]),
            Op::In(item, SetSrc::Literal(_) | SetSrc::Named(_)) => ([Some(item), None], &[]),
            Op::Cmp(_, a, b)
            | Op::Shift(_, a, b)
            | Op::DaysBetween(a, b)
            | Op::Age(a, b)
            | Op::LastDay(a, b)
            | Op::Member {
                value: a, on: b, ..
            }
            | Op::Quant {
                list: a, body: b, ..
            }
            | Op::AddWorkingDays {
                from: a, days: b, ..
            } => ([Some(a), Some(b)], &[]),
        };
        pair.into_iter().flatten().chain(items)
    }
}

/// The operation of a node.
#[derive(Debug, Clone)]
pub(crate) enum Op {
    Lit(Lit),
    Field(Field),
    Var {
        slot: usize,
        member: Option<MemberField>,
    },
    Def(DefId),
    Param {
        id: ParamId,
        on: Option<Box<Node>>,
    },
    All(Vec<Node>),
    Any(Vec<Node>),
    Not(Box<Node>),
    Cmp(CmpOp, Box<Node>, Box<Node>),
    In(Box<Node>, SetSrc),
    Member {
        set: DatedSetId,
        value: Box<Node>,
        on: Box<Node>,
    },
    IsNull(Box<Node>),
    Quant {
        q: Quant,
        list: Box<Node>,
        slot: usize,
        body: Box<Node>,
    },
    Shift(Unit, Box<Node>, Box<Node>),
    DaysBetween(Box<Node>, Box<Node>),
    Age(Box<Node>, Box<Node>),
    LastDay(Box<Node>, Box<Node>),
    Earliest(Vec<Node>),
    Latest(Vec<Node>),
    AddWorkingDays {
        from: Box<Node>,
        days: Box<Node>,
        holidays: SetId,
    },
}

/// An explanation override: how a node is put into words instead of the
/// generic sentence of its operation.
#[derive(Debug, Clone)]
pub(crate) enum Say {
    /// The pack's own text, one template per truth value; `key` names it
    /// for the pack's other languages (`rule:ID/PATH` or `def:NAME/PATH`).
    Text {
        key: String,
        when_true: Template,
        when_false: Template,
        when_unknown: Option<Template>,
    },
    /// The test that a rule's event is on or after the day the rule took
    /// effect (`in_force.on`): `{0}` the event's date, `{1}` that day.
    EventFrom,
    /// The test that a rule's event is before the day it was replaced.
    EventTo,
}

impl Say {
    /// Whether the node says nothing for this truth (an empty text): it
    /// decides, and another sentence explains.
    pub(crate) fn is_silent(&self, truth: crate::engine::value::Truth) -> bool {
        use crate::engine::value::Truth;
        match self {
            Say::Text {
                when_true,
                when_false,
                when_unknown,
                ..
            } => match truth {
                Truth::True => when_true.0.is_empty(),
                Truth::False => when_false.0.is_empty(),
                Truth::Unknown => when_unknown.as_ref().unwrap_or(when_false).0.is_empty(),
            },
            Say::EventFrom | Say::EventTo => false,
        }
    }
}

/// A text with placeholders, split at load time.
#[derive(Debug, Clone, Default)]
pub(crate) struct Template(pub Vec<Piece>, pub String);

impl Template {
    /// The text as written, placeholders and all.
    pub(crate) fn source(&self) -> String {
        self.1.clone()
    }
}

/// A piece of a template.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Text(String),
    Field(Field),
    Operand(usize),
    DaysSince(Field),
    DayNumber(Field),
    Param(usize),
    Date(usize),
}
