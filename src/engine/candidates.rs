//! The days on which a profile's outcomes may change as its assessment date
//! moves: the candidates a timeline evaluates at.
//!
//! Found by walking the compiled pack for one profile, not by knowing the
//! rules: every date the profile holds, every date constant, every date a
//! date expression gives for this profile (entry + 29 days, a contract's
//! yearly anniversary), the days a rule comes into and goes out of force,
//! the days a dated set gains or loses a member and a parameter changes
//! value, every birthday of a date an age is taken of, and the days on
//! which a guarantee on an unknown entry date (it is not after the
//! assessment date) starts or stops settling a comparison. A condition
//! such as `as_of <= X` turns on the day after `X`, `as_of < X` on `X`
//! itself, so each date and the day after it are candidates.
//!
//! A candidate is only a candidate: whether anything changes on it is for
//! the evaluation to say. Date expressions that read the assessment date
//! (an age, a yearly anniversary) give other values on other days, so a
//! caller walks again at the candidates it finds (see `timeline`).

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};

use super::bounds;
use super::eval::Env;
use super::ir::{Lit, Node, Op, RulePack, SetSrc};
use super::value::Value;
use crate::dates;
use crate::profile::WorkerProfile;

/// The candidate days for `profile` (as of its assessment date) between
/// `from` and `until`, both included.
pub fn candidate_dates(
    pack: &RulePack,
    profile: &WorkerProfile,
    from: NaiveDate,
    until: NaiveDate,
) -> BTreeSet<NaiveDate> {
    let mut walk = Walk {
        env: Env::new(pack, profile),
        pack,
        profile,
        from,
        until,
        out: BTreeSet::new(),
    };
    for rule in &pack.rules {
        if rule.foreign_to(profile.host) {
            continue;
        }
        walk.day(rule.in_force_from);
        if let Some(to) = rule.in_force_to {
            walk.day(to);
        }
        walk.node(&rule.when);
        for node in rule.unless.iter().chain(&rule.met).chain(&rule.in_force_on) {
            walk.node(node);
        }
        for (_, node) in &rule.dates {
            walk.node(node);
        }
    }
    // Definitions are walked once each, where they are defined: they read
    // no variable of the expression that uses them.
    for def in &pack.defs {
        walk.node(&def.expr);
    }
    walk.out
}

/// A walk over the pack's expressions, evaluating date expressions for
/// one profile.
struct Walk<'a> {
    env: Env<'a>,
    pack: &'a RulePack,
    profile: &'a WorkerProfile,
    from: NaiveDate,
    until: NaiveDate,
    out: BTreeSet<NaiveDate>,
}

impl<'a> Walk<'a> {
    /// A date and the day after it, when they fall in the window.
    fn day(&mut self, d: NaiveDate) {
        for d in [Some(d), d.succ_opt()].into_iter().flatten() {
            if self.from <= d && d <= self.until {
                self.out.insert(d);
            }
        }
    }

    /// A node's value, when it is a date.
    fn date_of(&mut self, node: &'a Node) -> Option<NaiveDate> {
        match self.env.value_of(node) {
            Value::Date(d) => Some(d),
            _ => None,
        }
    }

    /// A node's candidates, then its operands' (a quantifier's body once
    /// per item, with the item bound, as the evaluator reads it).
    fn node(&mut self, node: &'a Node) {
        self.own(node);
        if let Op::Quant {
            list, slot, body, ..
        } = &node.op
        {
            self.node(list);
            let items: Vec<Value<'a>> = match self.env.value_of(list) {
                Value::Countries(cs) => cs.iter().map(|c| Value::Country(*c)).collect(),
                Value::Family(f) => f.iter().map(Value::Member).collect(),
                _ => Vec::new(),
            };
            for (index, item) in items.into_iter().enumerate() {
                let saved = self.env.bind(*slot, item, index);
                self.node(body);
                self.env.restore(*slot, saved);
            }
            return;
        }
        for child in node.children() {
            self.node(child);
        }
    }

    /// The candidates of one node, not of its operands.
    fn own(&mut self, node: &'a Node) {
        match &node.op {
            Op::Lit(Lit::Date(d)) => self.day(*d),
            Op::Field(_)
            | Op::Var { .. }
            | Op::Shift(..)
            | Op::LastDay(..)
            | Op::AddWorkingDays { .. }
            | Op::Earliest(_)
            | Op::Latest(_) => self.value(node),
            Op::Param { id, .. } => {
                let param = self.pack.param(*id);
                for (d, _) in &param.values {
                    self.day(*d);
                }
                if let Some(d) = param.known_until {
                    self.day(d);
                }
            }
            Op::Cmp(_, lhs, rhs) => {
                let (a, b) = (self.env.value_of(lhs), self.env.value_of(rhs));
                for d in bounds::moving_bounds(self.pack, self.profile, lhs, a, rhs, b) {
                    self.day(d);
                }
                // A count of days against a number turns where the count
                // reaches it.
                for (counted, number) in [(lhs, b), (rhs, a)] {
                    if let (Op::DaysBetween(x, y), Value::Int(n)) = (&counted.op, number) {
                        if let Some(d) = self.date_of(x).and_then(|x| dates::add_days(x, n)) {
                            self.day(d);
                        }
                        let back = n.saturating_neg();
                        if let Some(d) = self.date_of(y).and_then(|y| dates::add_days(y, back)) {
                            self.day(d);
                        }
                    }
                }
            }
            Op::In(_, SetSrc::Literal(lits)) => {
                for lit in lits {
                    if let Lit::Date(d) = lit {
                        self.day(*d);
                    }
                }
            }
            Op::In(_, SetSrc::Named(id)) => {
                for d in &self.pack.set(*id).dates {
                    self.day(*d);
                }
            }
            Op::Member { set, .. } => {
                for m in &self.pack.dated_set(*set).members {
                    self.day(m.from);
                    if let Some(to) = m.to {
                        self.day(to);
                    }
                }
            }
            Op::Age(birth, _) => {
                if let Some(b) = self.date_of(birth) {
                    self.birthdays(b);
                }
            }
            Op::Lit(_)
            | Op::Def(_)
            | Op::All(_)
            | Op::Any(_)
            | Op::Not(_)
            | Op::IsNull(_)
            | Op::In(_, SetSrc::List(_))
            | Op::Quant { .. }
            | Op::DaysBetween(..) => {}
        }
    }

    /// A date expression's own value.
    fn value(&mut self, node: &'a Node) {
        if let Some(d) = self.date_of(node) {
            self.day(d);
        }
    }

    /// Every anniversary of `b` in the window: an age changes on them.
    fn birthdays(&mut self, b: NaiveDate) {
        let first = i64::from(self.from.year()) - i64::from(b.year());
        let last = i64::from(self.until.year()) - i64::from(b.year());
        for years in first.max(0)..=last {
            if let Some(d) = dates::add_years(b, years) {
                self.day(d);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::country::Country;
    use crate::profile::{FamilyMember, Relation};

    fn d(s: &str) -> NaiveDate {
        crate::dates::parse_date(s).unwrap()
    }

    fn pack() -> RulePack {
        crate::rules::embedded_pack().unwrap()
    }

    fn profile(json: &str) -> WorkerProfile {
        let defaults = crate::profile::Defaults::new(d("2026-03-10"), Some(Country::KZ));
        WorkerProfile::from_json(json, defaults).unwrap()
    }

    fn kyrgyz_worker() -> WorkerProfile {
        profile(
            r#"{"citizenship": ["KG"], "entry_date": "2026-03-01", "as_of": "2026-03-10",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}}"#,
        )
    }

    #[test]
    fn the_profile_dates_and_the_day_after_each_are_candidates() {
        let c = candidate_dates(&pack(), &kyrgyz_worker(), d("2026-03-01"), d("2028-03-01"));
        for day in [
            "2026-03-01",
            "2026-03-02",
            "2026-03-03",
            "2027-03-01",
            "2027-03-02",
        ] {
            assert!(c.contains(&d(day)), "{day} in {c:?}");
        }
    }

    #[test]
    fn date_arithmetic_gives_the_end_of_the_registration_free_period() {
        // last_day(entry, 30) with the entry day as day 1: 30 March, and
        // the first day after it.
        let c = candidate_dates(&pack(), &kyrgyz_worker(), d("2026-03-01"), d("2028-03-01"));
        assert!(c.contains(&d("2026-03-30")), "{c:?}");
        assert!(c.contains(&d("2026-03-31")), "{c:?}");
    }

    #[test]
    fn in_force_dates_and_parameter_changes_are_candidates() {
        let c = candidate_dates(&pack(), &kyrgyz_worker(), d("2026-03-01"), d("2028-03-01"));
        // kz.registration-online comes into force on 2026-07-01; the
        // yearly values of kz_mci are known until 2027-01-01.
        assert!(c.contains(&d("2026-07-01")), "{c:?}");
        assert!(c.contains(&d("2027-01-01")), "{c:?}");
    }

    #[test]
    fn nothing_outside_the_window() {
        let (from, until) = (d("2026-03-05"), d("2026-06-01"));
        let c = candidate_dates(&pack(), &kyrgyz_worker(), from, until);
        assert!(!c.is_empty());
        assert!(c.iter().all(|day| from <= *day && *day <= until), "{c:?}");
        assert!(!c.contains(&d("2026-03-01")));
    }

    #[test]
    fn a_childs_birthdays_are_candidates() {
        let mut p = kyrgyz_worker();
        p.family = Some(vec![FamilyMember {
            relation: Some(Relation::Child),
            birth_date: Some(d("2008-09-15")),
            citizenship: None,
        }]);
        let c = candidate_dates(&pack(), &p, d("2026-03-01"), d("2028-03-01"));
        // Age 18 on 2026-09-15 (has_child_under_18), 19 a year later.
        assert!(c.contains(&d("2026-09-15")), "{c:?}");
        assert!(c.contains(&d("2027-09-15")), "{c:?}");
        let without = candidate_dates(&pack(), &kyrgyz_worker(), d("2026-03-01"), d("2028-03-01"));
        assert!(!without.contains(&d("2026-09-15")));
    }

    #[test]
    fn a_contracts_anniversaries_are_candidates() {
        // The residence permit runs a year at a time from the contract's
        // start: an age of the start date, taken on the assessment date.
        let mut p = kyrgyz_worker();
        p.contract.end = Some(None);
        let c = candidate_dates(&pack(), &p, d("2026-03-01"), d("2029-03-01"));
        for day in ["2027-03-02", "2028-03-02"] {
            assert!(c.contains(&d(day)), "{day} in {c:?}");
        }
    }

    #[test]
    fn an_unknown_entry_gives_the_days_its_guarantee_settles_a_comparison() {
        // With the entry unknown, "the contract runs past the registration-
        // free period" is settled while the end is more than 29 days after
        // the assessment date: it stops being settled 29 days before the end.
        let mut p = kyrgyz_worker();
        p.entry_date = None;
        let c = candidate_dates(&pack(), &p, d("2026-03-10"), d("2028-03-01"));
        assert!(c.contains(&d("2027-01-31")), "{c:?}");
        assert!(c.contains(&d("2027-02-01")), "{c:?}");
    }
}
