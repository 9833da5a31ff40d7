//! Membership tests built once, when the fast path's program is built: a
//! dated set of countries becomes a table indexed by country, a literal or
//! named set of one type a small typed set. Each answers exactly as scanning
//! the pack's literals does (`member_on`, `lit_is`); the tests check it.

use chrono::NaiveDate;

use crate::country::{self, Country};
use crate::engine::ir::{DatedSet, Lit};
use crate::engine::value::{lit_is, Value};
use crate::profile::{ContractKind, Relation};

/// A literal or named set, typed when all its values have one type, so that
/// a test is a compare of small values rather than of a `Lit` with a `Value`.
#[derive(Debug)]
pub(crate) struct LitSet<'p> {
    typed: Typed<'p>,
    /// The set as written: the test for a value of another type.
    lits: &'p [Lit],
}

#[derive(Debug)]
enum Typed<'p> {
    Countries(Box<[Country]>),
    /// A bit per contract kind in the set.
    Kinds(u64),
    /// A bit per relation in the set.
    Relations(u64),
    /// The texts, and a bit per length below 64 that one of them has.
    Texts(Box<[&'p str]>, u64),
    Mixed,
}

impl<'p> LitSet<'p> {
    pub(crate) fn new(lits: &'p [Lit]) -> Self {
        fn all<'l, X>(lits: &'l [Lit], f: impl Fn(&'l Lit) -> Option<X>) -> Option<Box<[X]>> {
            lits.iter().map(f).collect()
        }
        let typed = match lits.first() {
            Some(Lit::Country(_)) => all(lits, |l| match l {
                Lit::Country(c) => Some(*c),
                _ => None,
            })
            .map(Typed::Countries),
            Some(Lit::Kind(_)) => all(lits, |l| match l {
                Lit::Kind(k) => Some(*k),
                _ => None,
            })
            .map(|ks| Typed::Kinds(ks.iter().fold(0, |m, k| m | kind_bit(*k)))),
            Some(Lit::Relation(_)) => all(lits, |l| match l {
                Lit::Relation(r) => Some(*r),
                _ => None,
            })
            .map(|rs| Typed::Relations(rs.iter().fold(0, |m, r| m | relation_bit(*r)))),
            Some(Lit::Text(_)) => all(lits, |l| match l {
                Lit::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .map(|ts| {
                let lengths = ts.iter().fold(0u64, |m, t| m | length_bit(t.len()));
                Typed::Texts(ts, lengths)
            }),
            _ => None,
        };
        LitSet {
            typed: typed.unwrap_or(Typed::Mixed),
            lits,
        }
    }

    /// Whether a known value is in the set: `lits.iter().any(|l| lit_is(l, v))`.
    #[inline(always)]
    pub(crate) fn contains(&self, v: Value<'_>) -> bool {
        match (&self.typed, v) {
            (Typed::Countries(cs), Value::Country(c)) => cs.contains(&c),
            (Typed::Kinds(ks), Value::Kind(k)) => ks & kind_bit(k) != 0,
            (Typed::Relations(rs), Value::Relation(r)) => rs & relation_bit(r) != 0,
            // Lengths first: the value's text is read only when one matches.
            (Typed::Texts(ts, lengths), Value::Text(t)) => {
                let bit = length_bit(t.len());
                (bit == 0 || lengths & bit != 0)
                    && ts.iter().any(|s| {
                        // Length and first byte before the whole text.
                        s.len() == t.len()
                            && s.as_bytes().first() == t.as_bytes().first()
                            && *s == t
                    })
            }
            _ => self.scan(v),
        }
    }

    /// The test for a value of another type than the set's.
    #[cold]
    #[inline(never)]
    fn scan(&self, v: Value<'_>) -> bool {
        self.lits.iter().any(|l| lit_is(l, v))
    }
}

/// A contract kind's bit in a set of kinds.
#[inline(always)]
fn kind_bit(k: ContractKind) -> u64 {
    1u64.checked_shl(k as u32).unwrap_or(0)
}

/// A relation's bit in a set of relations.
#[inline(always)]
fn relation_bit(r: Relation) -> u64 {
    1u64.checked_shl(r as u32).unwrap_or(0)
}

/// The bit of a text length below 64 (0 for longer texts, which are always
/// compared).
#[inline]
fn length_bit(len: usize) -> u64 {
    u32::try_from(len)
        .ok()
        .and_then(|l| 1u64.checked_shl(l))
        .unwrap_or(0)
}

/// A membership period: from, and until (exclusive) unless open-ended.
type Period = (NaiveDate, Option<NaiveDate>);

/// A dated set of countries as a table indexed by country: each country's
/// membership periods, so that a test reads one or two periods instead of
/// scanning the members.
#[derive(Debug)]
pub(crate) struct CountryPeriods {
    /// Each country's only period, or a period that holds no day: when no
    /// country has two periods, a test is one look-up.
    single: Option<Box<[Period]>>,
    /// Where each country's periods start in `periods` (one more entry than
    /// there are country indices, for the end of the last).
    start: Box<[u16]>,
    /// Membership periods, `to` exclusive, grouped by country.
    periods: Box<[Period]>,
}

/// A period that holds no day: nothing is on or after the last day and
/// also before the first.
const NEVER: Period = (NaiveDate::MAX, Some(NaiveDate::MIN));

impl CountryPeriods {
    /// The table of a set whose members are all countries.
    pub(crate) fn new(set: &DatedSet) -> Option<Self> {
        let mut rows: Vec<(usize, NaiveDate, Option<NaiveDate>)> = set
            .members
            .iter()
            .map(|m| match m.value {
                Lit::Country(c) => Some((c.index(), m.from, m.to)),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if rows.len() >= usize::from(u16::MAX) {
            return None;
        }
        rows.sort_by_key(|r| r.0);
        let mut start = Vec::with_capacity(country::INDICES.saturating_add(1));
        let mut at = 0usize;
        for index in 0..=country::INDICES {
            while rows.get(at).is_some_and(|r| r.0 < index) {
                at = at.saturating_add(1);
            }
            start.push(u16::try_from(at).ok()?);
        }
        let once = rows.windows(2).all(|w| match w {
            [a, b] => a.0 != b.0,
            _ => true,
        });
        let single = once.then(|| {
            let mut table = vec![NEVER; country::INDICES];
            for (index, from, to) in &rows {
                if let Some(slot) = table.get_mut(*index) {
                    *slot = (*from, *to);
                }
            }
            table.into_boxed_slice()
        });
        Some(CountryPeriods {
            single,
            start: start.into_boxed_slice(),
            periods: rows.iter().map(|r| (r.1, r.2)).collect(),
        })
    }

    /// Whether the country is a member on the day.
    #[inline(always)]
    pub(crate) fn contains(&self, c: Country, day: NaiveDate) -> bool {
        let i = c.index();
        if let Some(single) = &self.single {
            return single
                .get(i)
                .is_some_and(|(from, to)| *from <= day && to.is_none_or(|to| day < to));
        }
        let (Some(&lo), Some(&hi)) = (self.start.get(i), self.start.get(i.saturating_add(1)))
        else {
            return false;
        };
        self.periods
            .get(usize::from(lo)..usize::from(hi))
            .unwrap_or_default()
            .iter()
            .any(|(from, to)| *from <= day && to.is_none_or(|to| day < to))
    }
}

#[cfg(test)]
mod tests {

    use super::*;
    use crate::engine::ir::DatedMember;
    use crate::engine::semantics::member_on;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The table answers exactly as scanning the set's members does, for
    /// every country and on days around each boundary.
    #[test]
    fn country_tables_agree_with_member_on() {
        let pack = crate::rules::embedded_pack().unwrap();
        let mut days: Vec<NaiveDate> = vec![day("1900-01-01"), day("2026-11-26")];
        let (mut tables, mut singles) = (0, 0);
        for set in &pack.dated_sets {
            for m in &set.members {
                for d in [Some(m.from), m.to].into_iter().flatten() {
                    days.extend([d.pred_opt().unwrap(), d, d.succ_opt().unwrap()]);
                }
            }
            let Some(table) = CountryPeriods::new(set) else {
                continue;
            };
            tables += 1;
            if table.single.is_some() {
                singles += 1;
            }
            for c in country::all() {
                for d in &days {
                    assert_eq!(
                        table.contains(c, *d),
                        member_on(set, Value::Country(c), *d),
                        "{} {c:?} {d}",
                        set.label
                    );
                }
            }
        }
        assert!(tables >= 2, "the embedded pack has dated sets of countries");
        assert!(singles >= 1, "some with one period per country");
        for d in [NaiveDate::MIN, NaiveDate::MAX] {
            assert!(!(NEVER.0 <= d && NEVER.1.is_none_or(|to| d < to)));
        }
    }

    #[test]
    fn a_country_may_have_several_periods() {
        let member = |c: Country, from: &str, to: Option<&str>| DatedMember {
            value: Lit::Country(c),
            from: day(from),
            to: to.map(day),
        };
        let set = DatedSet {
            name: "test".to_owned(),
            label: "x".into(),
            members: vec![
                member(Country::KZ, "2020-01-01", Some("2021-01-01")),
                member(Country::AM, "2019-01-01", None),
                member(Country::KZ, "2022-01-01", None),
            ],
            otherwise_mention: Vec::new(),
        };
        let table = CountryPeriods::new(&set).unwrap();
        assert!(table.single.is_none(), "KZ has two periods");
        for (c, d) in [
            (Country::KZ, "2019-06-01"),
            (Country::KZ, "2020-06-01"),
            (Country::KZ, "2021-06-01"),
            (Country::KZ, "2023-06-01"),
            (Country::AM, "2018-06-01"),
            (Country::AM, "2023-06-01"),
            (Country::UZ, "2023-06-01"),
        ] {
            assert_eq!(
                table.contains(c, day(d)),
                member_on(&set, Value::Country(c), day(d)),
                "{c:?} {d}"
            );
        }
    }

    #[test]
    fn typed_sets_agree_with_the_literals() {
        let lits: Vec<Lit> = ["legal", "medical", "pharmaceutical", "pedagogical"]
            .map(|t| Lit::Text(t.into()))
            .into();
        let set = LitSet::new(&lits);
        assert!(matches!(set.typed, Typed::Texts(..)));
        let texts = [
            "legal",
            "other",
            "medical",
            "medicals",
            "pharmaceutical",
            "pharmaceuticak",
            "pedagogical",
            "agriculture",
            "",
            "a text longer than sixty-four bytes, which has no bit of its own in the mask",
        ]
        .map(str::to_owned);
        let values = texts.iter().map(Value::Text);
        for v in values.chain([Value::Null, Value::Int(1)]) {
            assert_eq!(set.contains(v), lits.iter().any(|l| lit_is(l, v)), "{v:?}");
        }
        // Kinds and relations are bit sets: every one has its own bit.
        let kinds = vec![
            Lit::Kind(ContractKind::Employment),
            Lit::Kind(ContractKind::CivilLaw),
        ];
        let set = LitSet::new(&kinds);
        assert!(matches!(set.typed, Typed::Kinds(_)));
        for k in ContractKind::ALL {
            assert_ne!(kind_bit(k), 0);
            let v = Value::Kind(k);
            assert_eq!(set.contains(v), kinds.iter().any(|l| lit_is(l, v)), "{k:?}");
        }
        let relations = vec![
            Lit::Relation(Relation::Child),
            Lit::Relation(Relation::Spouse),
        ];
        let set = LitSet::new(&relations);
        assert!(matches!(set.typed, Typed::Relations(_)));
        for r in Relation::ALL {
            assert_ne!(relation_bit(r), 0);
            let v = Value::Relation(r);
            assert_eq!(
                set.contains(v),
                relations.iter().any(|l| lit_is(l, v)),
                "{r:?}"
            );
        }
        let mixed = vec![Lit::Kind(ContractKind::Employment), Lit::Null];
        let set = LitSet::new(&mixed);
        assert!(matches!(set.typed, Typed::Mixed));
        assert!(set.contains(Value::Null));
        assert!(set.contains(Value::Kind(ContractKind::Employment)));
        assert!(!set.contains(Value::Kind(ContractKind::None)));
    }
}
