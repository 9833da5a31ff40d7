//! The sentences that put the engine's reasons into words (comparisons,
//! membership, settled dates, computed dates, facts), the same code for
//! every language: it picks the message and computes its arguments, and
//! where languages build a sentence differently it gives a selector
//! (`$relation`, `$state`, `$source`, `$kind`) rather than words.

use chrono::NaiveDate;

use super::{yes_no, Voice};
use crate::engine::ir::{CmpOp, DatedSet, DayCount, Field, Node, Op, SetSrc, Unit};
use crate::engine::reason::Guarantee;
use crate::engine::semantics::member_on;
use crate::engine::value::{same, Value};
use crate::report::wording::{Comparison, Labels};

/// How two compared values relate, as the messages select it.
fn relation(op: CmpOp, result: bool, dates: bool) -> &'static str {
    match op {
        CmpOp::Eq | CmpOp::Ne => {
            if result == (op == CmpOp::Eq) {
                "same"
            } else {
                "not-same"
            }
        }
        CmpOp::Lt | CmpOp::Ge => match (dates, result == (op == CmpOp::Lt)) {
            (true, true) => "before",
            (true, false) => "on-or-after",
            (false, true) => "less",
            (false, false) => "at-least",
        },
        CmpOp::Le | CmpOp::Gt => match (dates, result == (op == CmpOp::Le)) {
            (true, true) => "on-or-before",
            (true, false) => "after",
            (false, true) => "at-most",
            (false, false) => "more",
        },
    }
}

/// A calendar unit, as the messages select it.
fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Days => "days",
        Unit::Months => "months",
        Unit::Years => "years",
    }
}

impl Voice {
    /// A short static description of what a node computes, if it has one.
    pub(crate) fn describe(self, l: &Labels<'_>, node: &Node) -> Option<String> {
        let pack = l.pack;
        match &node.op {
            Op::Field(f) => Some(self.field_label(*f).to_owned()),
            Op::Var {
                member: Some(m), ..
            } => Some(self.say(
                "describe-member-field",
                [("field", self.member_label(*m).into())],
            )),
            Op::Def(id) => {
                let d = pack.def(*id);
                let own = d
                    .description
                    .clone()
                    .unwrap_or_else(|| d.name.replace('_', " "));
                Some(l.of(&d.name, &own).to_owned())
            }
            Op::Param { id, .. } => {
                let p = pack.param(*id);
                Some(l.of(&p.name, &p.label).to_owned())
            }
            Op::Shift(unit, date, n) => {
                let base = self.describe(l, date)?;
                let (kind, shown, count, negative) = match &n.op {
                    Op::Lit(lit) => match Value::of_lit(lit) {
                        Value::Int(i) => {
                            ("count", self.show(Value::Int(i)), i.unsigned_abs(), i < 0)
                        }
                        other => ("other", self.show(other), 0, false),
                    },
                    _ => ("other", self.describe(l, n)?, 0, false),
                };
                Some(self.say(
                    "describe-shift",
                    [
                        ("base", base.into()),
                        ("unit", unit_name(*unit).into()),
                        ("kind", kind.into()),
                        ("n", shown.into()),
                        ("count", count.into()),
                        ("negative", yes_no(negative).into()),
                        ("magnitude", self.grouped_u(count).into()),
                    ],
                ))
            }
            Op::LastDay(start, n) => {
                let base = self.describe(l, start)?;
                match &n.op {
                    Op::Lit(lit) => {
                        let value = Value::of_lit(lit);
                        let count = match value {
                            Value::Int(i) => i.unsigned_abs(),
                            _ => 0,
                        };
                        Some(self.say(
                            "describe-last-of-days",
                            [
                                ("n", self.show(value).into()),
                                ("count", count.into()),
                                ("base", base.into()),
                            ],
                        ))
                    }
                    Op::Param { .. } => {
                        Some(self.say("describe-last-day-of-period", [("base", base.into())]))
                    }
                    _ => None,
                }
            }
            Op::DaysBetween(a, b) => {
                let from = self.describe(l, a)?;
                let to = self.describe(l, b)?;
                Some(self.say(
                    "describe-days-between",
                    [("from", from.into()), ("to", to.into())],
                ))
            }
            Op::Age(_, _) => Some(self.say("describe-age", [])),
            Op::Earliest(_) => Some(self.say("describe-earliest", [])),
            Op::Latest(_) => Some(self.say("describe-latest", [])),
            Op::AddWorkingDays { from, days, .. } => {
                let base = self.describe(l, from)?;
                let (kind, n, count) = match &days.op {
                    Op::Lit(lit) => match Value::of_lit(lit) {
                        Value::Int(i) => ("count", self.show(Value::Int(i)), i.unsigned_abs()),
                        other => ("value", self.show(other), 0),
                    },
                    _ => match self.describe(l, days) {
                        Some(d) => ("described", d, 0),
                        None => ("unknown", String::new(), 0),
                    },
                };
                Some(self.say(
                    "describe-working-days",
                    [
                        ("base", base.into()),
                        ("kind", kind.into()),
                        ("n", n.into()),
                        ("count", count.into()),
                    ],
                ))
            }
            _ => None,
        }
    }

    /// "the date of entry (2026-03-01)", or just the value for literals; a
    /// country by name and code ("Kyrgyzstan (KG)"), as a caseworker says
    /// it.
    pub(crate) fn operand(self, l: &Labels<'_>, node: &Node, v: Value<'_>) -> String {
        match (self.describe(l, node), v) {
            (Some(d), _) => self.described(&d, &self.show(v)),
            (None, Value::Country(c)) => self.country_words(c),
            (None, _) => self.show(v),
        }
    }

    /// A comparison of known values, as a fact.
    pub(crate) fn compare(self, l: &Labels<'_>, c: &Comparison<'_, '_>) -> String {
        // "the contract kind is civil-law, not employment" reads better
        // than the generic form when a fact is compared with a literal.
        if let (Some(d), Op::Lit(_)) = (self.describe(l, c.lhs), &c.rhs.op) {
            if matches!(c.op, CmpOp::Eq | CmpOp::Ne) {
                let equal = c.truth == (c.op == CmpOp::Eq);
                return if equal {
                    self.say(
                        "reason-fact-is",
                        [("what", d.into()), ("value", self.show(c.left).into())],
                    )
                } else {
                    self.say(
                        "reason-fact-is-not",
                        [
                            ("what", d.into()),
                            ("value", self.show(c.left).into()),
                            ("other", self.show(c.right).into()),
                        ],
                    )
                };
            }
        }
        let dates = matches!(c.left, Value::Date(_));
        self.say(
            "reason-compare",
            [
                ("left", self.operand(l, c.lhs, c.left).into()),
                ("relation", relation(c.op, c.truth, dates).into()),
                ("right", self.operand(l, c.rhs, c.right).into()),
            ],
        )
    }

    /// A comparison with an unknown date that the profile's guarantees
    /// settle: "the date of entry is not known, but it cannot be after the
    /// assessment date (2026-03-20); whatever it is, it is before
    /// 2026-07-01".
    pub(crate) fn settled(self, l: &Labels<'_>, c: &Comparison<'_, '_>, g: Guarantee) -> String {
        let words = |node: &Node, v: Value<'_>| match v {
            Value::Date(d) => self
                .describe(l, node)
                .map_or_else(|| d.to_string(), |w| self.described(&w, &d.to_string())),
            _ => self
                .describe(l, node)
                .unwrap_or_else(|| self.v.that_date.clone()),
        };
        let (guarantee, date) = match g {
            Guarantee::EntryNotAfter(d) => ("entry-not-after", d),
            Guarantee::StartNotAfter(d) => ("start-not-after", d),
            Guarantee::EndNotBefore(d) => ("end-not-before", d),
        };
        // An unknown date is never compared as a number.
        self.say(
            "reason-settled",
            [
                ("field", self.field_label(g.field()).into()),
                ("guarantee", guarantee.into()),
                ("date", date.to_string().into()),
                ("left", words(c.lhs, c.left).into()),
                ("relation", relation(c.op, c.truth, true).into()),
                ("right", words(c.rhs, c.right).into()),
            ],
        )
    }

    /// Membership in a named set or list.
    pub(crate) fn within(
        self,
        l: &Labels<'_>,
        item: &Node,
        v: Value<'_>,
        set: &SetSrc,
        found: bool,
    ) -> String {
        let (source, what) = match set {
            SetSrc::Literal(lits) => (
                "literal",
                lits.iter()
                    .map(|lit| self.show(Value::of_lit(lit)))
                    .collect::<Vec<_>>()
                    .join(&self.v.list_separator),
            ),
            SetSrc::Named(id) => {
                let s = l.pack.set(*id);
                ("named", l.of(&s.name, &s.label).to_owned())
            }
            SetSrc::List(list) => (
                "list",
                self.describe(l, list)
                    .unwrap_or_else(|| self.v.the_list.clone()),
            ),
        };
        self.say(
            "reason-within",
            [
                ("who", self.operand(l, item, v).into()),
                ("found", yes_no(found).into()),
                ("source", source.into()),
                ("what", what.into()),
            ],
        )
    }

    /// Membership in a dated set on a day.
    pub(crate) fn member(
        self,
        l: &Labels<'_>,
        set: &DatedSet,
        v: Value<'_>,
        day: NaiveDate,
        result: bool,
    ) -> String {
        let who = match v {
            Value::Country(c) => self.country_words(c),
            other => self.show(other),
        };
        let base = self.membership(l, set, &who, v, day, result);
        if result {
            return base;
        }
        // Say what the value is instead, when the pack names sets worth
        // saying.
        let also: Vec<String> = set
            .otherwise_mention
            .iter()
            .map(|id| l.pack.dated_set(*id))
            .filter(|other| member_on(other, v, day))
            .map(|other| self.membership(l, other, "", v, day, true))
            .collect();
        if also.is_empty() {
            base
        } else {
            self.say(
                "reason-membership-otherwise",
                [
                    ("base", base.into()),
                    (
                        "also",
                        also.join(&self.say("reason-membership-also-separator", []))
                            .into(),
                    ),
                ],
            )
        }
    }

    /// Whether `who` (the value `v`) is in a dated set on a day; with no
    /// `who`, what the value is instead (only for a membership that holds).
    fn membership(
        self,
        l: &Labels<'_>,
        set: &DatedSet,
        who: &str,
        v: Value<'_>,
        day: NaiveDate,
        result: bool,
    ) -> String {
        let periods: Vec<_> = set
            .members
            .iter()
            .filter(|m| same(Value::of_lit(&m.value), v))
            .collect();
        let label = l.of(&set.name, &set.label);
        let (state, date) = if result {
            let from = periods
                .iter()
                .filter(|m| m.from <= day)
                .map(|m| m.from)
                .max();
            match from {
                Some(from) => ("since", Some(from)),
                None => ("is", None),
            }
        } else if let Some(next) = periods
            .iter()
            .filter(|m| m.from > day)
            .map(|m| m.from)
            .min()
        {
            ("not-yet", Some(next))
        } else if let Some(to) = periods
            .iter()
            .filter_map(|m| m.to)
            .filter(|to| *to <= day)
            .max()
        {
            ("stopped", Some(to))
        } else {
            ("not", None)
        };
        let date = date.map_or_else(String::new, |d| d.to_string());
        let id = if who.is_empty() {
            "reason-membership-also"
        } else {
            "reason-membership"
        };
        self.say(
            id,
            [
                ("state", state.into()),
                ("who", who.into()),
                ("label", label.into()),
                ("day", day.to_string().into()),
                ("from", date.as_str().into()),
                ("next", date.as_str().into()),
                ("to", date.as_str().into()),
            ],
        )
    }

    /// Whether a nullable fact is absent, in its own words.
    pub(crate) fn is_null(self, node: &Node, v: Value<'_>) -> String {
        let is_null = matches!(v, Value::Null);
        let value = || self.show(v);
        match (&node.op, is_null) {
            (Op::Field(Field::ContractEnd | Field::EffectiveEnd), true) => {
                self.say("reason-null-open-ended", [])
            }
            (Op::Field(Field::ContractEnd), false) => {
                self.say("reason-null-contract-ends", [("value", value().into())])
            }
            (Op::Field(Field::TerminatedOn), true) => self.say("reason-null-not-terminated", []),
            (Op::Field(Field::EffectiveEnd), false) => {
                self.say("reason-null-ends-or-ended", [("value", value().into())])
            }
            (Op::Field(Field::TerminatedOn), false) => {
                self.say("reason-null-terminated-on", [("value", value().into())])
            }
            (Op::Field(f), true) => self.say(
                "reason-null-field-not-set",
                [("field", self.field_label(*f).into())],
            ),
            (Op::Field(f), false) => self.say(
                "reason-null-field-is",
                [
                    ("field", self.field_label(*f).into()),
                    ("value", value().into()),
                ],
            ),
            (_, true) => self.say("reason-null-no-such-date", []),
            (_, false) => self.say("reason-null-date-is", [("value", value().into())]),
        }
    }

    /// An empty list, in its own words.
    pub(crate) fn empty_list(self, list: &Node) -> String {
        let id = match &list.op {
            Op::Field(Field::Citizenship) => "reason-empty-citizenship",
            Op::Field(Field::Family) => "reason-empty-family",
            Op::Var { .. } => "reason-empty-member-citizenship",
            _ => "reason-empty-list",
        };
        self.say(id, [])
    }

    /// A yes-or-no fact of the profile used directly as a condition.
    pub(crate) fn fact(self, field: Field, v: Value<'_>) -> String {
        let yes = matches!(v, Value::Bool(true));
        match (field, yes) {
            (Field::Registered, true) => self.say("reason-registered-yes", []),
            (Field::Registered, false) => self.say("reason-registered-no", []),
            (Field::PermanentResident, true) => self.say("reason-permanent-resident-yes", []),
            (Field::PermanentResident, false) => self.say("reason-permanent-resident-no", []),
            (f, _) => self.say(
                "reason-field-is",
                [
                    ("field", self.field_label(f).into()),
                    ("value", self.show(v).into()),
                ],
            ),
        }
    }

    /// Which day a period of `n` days from `from` ends on (`last`), and
    /// what the other way of counting gives.
    pub(crate) fn last_day(
        self,
        l: &Labels<'_>,
        start: &Node,
        from: NaiveDate,
        n: i64,
        last: NaiveDate,
    ) -> String {
        let event = self.describe(l, start).map_or_else(
            || from.to_string(),
            |d| {
                self.say(
                    "reason-last-day-event",
                    [("what", d.into()), ("date", from.to_string().into())],
                )
            },
        );
        let (count_from, other) = match l.pack.meta.day_count {
            DayCount::EventDayIsDay1 => ("event-day", last.succ_opt()),
            DayCount::NextDayIsDay1 => ("next-day", last.pred_opt()),
        };
        self.say(
            "reason-last-day",
            [
                ("count-from", count_from.into()),
                ("event", event.into()),
                ("n", self.number(n).into()),
                ("last", last.to_string().into()),
                (
                    "other",
                    other
                        .map_or_else(|| "none".to_owned(), |d| d.to_string())
                        .into(),
                ),
            ],
        )
    }
}
