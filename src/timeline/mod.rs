//! The timeline of a stay: every day on which what applies to a person
//! changes, and what changes on it.
//!
//! Built on the engine, not beside it: the candidate days come from a walk
//! over the compiled pack for the profile (`engine::candidates`), and the
//! profile is evaluated on each of them as it stands on that day. A
//! candidate on which the evaluation gives the same as on the one before
//! is dropped, so every day listed is one on which the engine's answer
//! changes: a provision starts or stops applying (or a missing fact starts
//! or stops deciding it), the status changes, a date of a provision that
//! applies falls on the day or has just passed, or such a date moves (a
//! residence permit's yearly term). Data flows one way: profile -> engine
//! -> [`Timeline`] -> renderers ([`text`], [`ics`], JSON through serde).
//!
//! The profile on an earlier day than its assessment date is the same
//! profile with the facts that the profile contract puts on or before the
//! assessment date and that had not yet happened removed: a contract
//! terminated on a later day had not been terminated yet, a child born on
//! a later day is not yet a family member. On a later day, an unknown entry
//! is still known to be no later than the day the profile was given for
//! (`WorkerProfile::entry_by`), as the engine would otherwise only know it
//! to be no later than the later day. Everything else is taken to stay as
//! given.

pub mod ics;
pub mod text;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::Serialize;

use crate::country::Country;
use crate::dates;
use crate::engine::ir::{DayCount, Piece, RuleKind};
use crate::engine::{self, Evaluation, Outcome, RulePack, Truth};
use crate::profile::WorkerProfile;
use crate::report::wording::Words;
use crate::report::{fulfilled_by, Lang, Status};

/// The version of the timeline's JSON shape.
pub const SCHEMA_VERSION: u32 = 1;

/// How many years past the later of the assessment date and the contract's
/// end the timeline looks.
pub const TAIL_YEARS: i64 = 1;

/// The furthest the timeline looks past the assessment date, in years.
pub const MAX_YEARS: i64 = 5;

/// At most this many days are walked for candidates: far more than a pack
/// gives over the years the timeline spans, so only a pathological pack
/// (a date set of thousands of days) meets it, and the timeline then rests
/// on the candidates found so far.
const MAX_WALKS: usize = 4096;

/// The pack's parameters for the 90/180 rule: the days allowed, and the
/// moving period they are counted in. A provision whose summary shows both
/// is the one the count of days present belongs to.
const STAY_LIMIT: &str = "stay_limit_days";
const STAY_WINDOW: &str = "stay_limit_window_days";

/// The days on which what applies to a person changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The version of this shape ([`SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The profile's `id`, if it had one.
    pub profile_id: Option<String>,
    /// The assessment date: days before it are past, days after it to come.
    pub as_of: NaiveDate,
    /// The host state.
    pub host: Country,
    /// The first day: the entry, or the assessment date when the entry is
    /// not known.
    pub from: NaiveDate,
    /// The last day looked at (see [`window`]).
    pub until: NaiveDate,
    /// The days on which something changes, in date order; the first is
    /// `from`, with what applies then.
    pub moments: Vec<Moment>,
    /// Pack name, version and content hash.
    pub rules_version: String,
    /// What this timeline is and is not.
    pub disclaimer: String,
}

/// One day on which something changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Moment {
    /// The day.
    pub date: NaiveDate,
    /// The day of the stay, counted as the pack counts (the entry day is
    /// day 1 in the embedded pack); `None` when the entry is not known.
    pub day_of_stay: Option<i64>,
    /// The status, when it changes on this day (always on the first day).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<StatusChange>,
    /// What changes, provision by provision, in the pack's order.
    pub changes: Vec<Change>,
    /// The 90/180 count, when a provision that applies on this day counts
    /// days of presence and the entry is known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stay_count: Option<StayCount>,
}

/// A change of the status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatusChange {
    /// The status the day before; `None` on the first day.
    pub before: Option<Status>,
    /// The status from this day.
    pub after: Status,
}

/// What changes for one provision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The rule id.
    pub rule: String,
    /// right, obligation, exemption or information.
    pub kind: RuleKind,
    /// The provision's title, in the timeline's language.
    pub title: String,
    /// What changes.
    #[serde(flatten)]
    pub what: What,
    /// The id of the applying rule whose one act fulfils this duty on the
    /// day (`report::fulfilled_by`; for a duty that stops applying, on the
    /// day before): the text timeline and the calendar give that rule's
    /// action, not this change, as the report does. Not part of the JSON
    /// (as the report's `fulfilled_by`), which keeps every change.
    #[serde(skip)]
    pub fulfilled_by: Option<String>,
}

impl Change {
    /// Whether the text timeline and the calendar say this change: not
    /// when another rule's act fulfils the duty ([`Change::fulfilled_by`]).
    pub fn is_said(&self) -> bool {
        self.fulfilled_by.is_none()
    }
}

impl Moment {
    /// Whether the text timeline and the calendar list this day: its
    /// status changes, or a change on it is said ([`Change::is_said`]). A
    /// day on which only a fulfilled duty changes is in the JSON alone.
    pub fn is_said(&self) -> bool {
        self.status.is_some() || self.changes.iter().any(Change::is_said)
    }
}

/// The kinds of change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum What {
    /// The outcome changes (on the first day: the outcome then, unless it
    /// is `does_not_apply`).
    Outcome {
        /// The outcome the day before; `None` on the first day.
        before: Option<Outcome>,
        /// The outcome from this day.
        after: Outcome,
        /// The provision's dates, when it applies from this day.
        #[serde(skip_serializing_if = "BTreeMap::is_empty")]
        dates: BTreeMap<String, NaiveDate>,
    },
    /// A date of a provision that applies falls on this day: its last day
    /// or deadline.
    Due {
        /// The date's name in the provision (`deadline`, `until`).
        date_name: String,
    },
    /// The deadline of a duty that applies, and is not marked done, has
    /// passed: this is the first day after it.
    Overdue {
        /// The date's name in the provision.
        date_name: String,
        /// The date that passed.
        on: NaiveDate,
    },
    /// A date of another provision that applies has passed.
    Passed {
        /// The date's name in the provision.
        date_name: String,
        /// The date that passed.
        on: NaiveDate,
    },
    /// A date of a provision that applies moves (a permit's yearly term).
    Moved {
        /// The date's name in the provision.
        date_name: String,
        /// The date the day before.
        before: NaiveDate,
        /// The date from this day.
        after: NaiveDate,
    },
}

/// The days of presence in the host state's moving period, if the person
/// has stayed every day since the entry (the day of entry counting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StayCount {
    /// Days present in the period ending on this day.
    pub days: i64,
    /// The most days allowed in the period.
    pub limit: i64,
    /// The period's length, in days.
    pub window: i64,
}

/// The first and last day a timeline covers: from the entry (the
/// assessment date when it is not known) until [`TAIL_YEARS`] after the
/// later of the assessment date and the contract's end, and at most
/// [`MAX_YEARS`] after the assessment date.
pub fn window(profile: &WorkerProfile) -> (NaiveDate, NaiveDate) {
    let as_of = profile.as_of;
    // The profile guarantees the entry is not after the assessment date.
    let from = profile.entry_date.filter(|e| *e <= as_of).unwrap_or(as_of);
    let end = match (profile.contract.terminated_on, profile.contract.end) {
        (Some(t), _) => Some(t),
        (None, Some(Some(e))) => Some(e),
        _ => None,
    };
    let base = end.map_or(as_of, |e| e.max(as_of));
    let tail = dates::add_years(base, TAIL_YEARS).unwrap_or(base);
    let cap = dates::add_years(as_of, MAX_YEARS).unwrap_or(as_of);
    (from, tail.min(cap).max(from))
}

/// The profile as it stands on `day`: assessed on that day, without the
/// events the profile puts on a later day (an early termination, a birth),
/// and, on a later day than the one it was given for, with an unknown
/// entry still no later than that day (`entry_by`).
pub fn profile_on(profile: &WorkerProfile, day: NaiveDate) -> WorkerProfile {
    let mut p = profile.clone();
    if day > p.as_of && p.entry_date.is_none() {
        // The person had entered by the day the profile was given for.
        p.entry_by = Some(p.entry_by.map_or(p.as_of, |by| by.min(p.as_of)));
    }
    p.as_of = day;
    if p.contract.terminated_on.is_some_and(|t| t > day) {
        p.contract.terminated_on = None;
    }
    if let Some(family) = &mut p.family {
        family.retain(|m| m.birth_date.is_none_or(|b| b <= day));
    }
    p
}

/// Every candidate day in the window: those of the walk at the first day
/// and at the assessment date, then of the walks at each day found, as
/// date expressions that read the assessment date (a yearly term) give
/// other dates on other days.
pub fn candidates(pack: &RulePack, profile: &WorkerProfile) -> BTreeSet<NaiveDate> {
    let (from, until) = window(profile);
    let mut found = BTreeSet::new();
    let mut walked = BTreeSet::new();
    let mut queue = vec![from, profile.as_of.clamp(from, until)];
    while let Some(day) = queue.pop() {
        if walked.len() >= MAX_WALKS {
            break;
        }
        if !walked.insert(day) {
            continue;
        }
        let on = profile_on(profile, day);
        for c in engine::candidates::candidate_dates(pack, &on, from, until) {
            if found.insert(c) {
                queue.push(c);
            }
        }
    }
    found.insert(from);
    found
}

/// What the engine says on one day.
struct State {
    status: Truth,
    results: Vec<(Outcome, Vec<Option<NaiveDate>>, Option<bool>)>,
    /// For each rule, the applying rule whose act fulfils its duty on the
    /// day (`report::fulfilled_by`).
    fulfilled_by: Vec<Option<usize>>,
}

impl State {
    fn on(pack: &RulePack, profile: &WorkerProfile, day: NaiveDate) -> State {
        let p = profile_on(profile, day);
        let Evaluation {
            status, results, ..
        } = engine::explain(pack, &p);
        let outcomes: Vec<Outcome> = results.iter().map(|r| r.outcome).collect();
        State {
            status,
            results: results
                .into_iter()
                .map(|r| (r.outcome, r.dates, r.met))
                .collect(),
            fulfilled_by: fulfilled_by(pack, &outcomes),
        }
    }
}

/// Builds the timeline of a profile's stay, in English.
pub fn build(pack: &RulePack, profile: &WorkerProfile) -> Timeline {
    build_in(pack, profile, Lang::En)
}

/// Builds the timeline of a profile's stay, its titles in `lang`.
pub fn build_in(pack: &RulePack, profile: &WorkerProfile, lang: Lang) -> Timeline {
    let (from, until) = window(profile);
    let words = Words::new(pack, profile, lang);
    let mut moments = Vec::new();
    let mut before: Option<(NaiveDate, State)> = None;
    for day in candidates(pack, profile) {
        let now = State::on(pack, profile, day);
        let moment = compare(pack, profile, words, before.as_ref(), day, &now);
        if moment.status.is_some() || !moment.changes.is_empty() {
            moments.push(moment);
        }
        before = Some((day, now));
    }
    Timeline {
        schema_version: SCHEMA_VERSION,
        profile_id: profile.id.clone(),
        as_of: profile.as_of,
        host: profile.host,
        from,
        until,
        moments,
        rules_version: pack.version(),
        disclaimer: words.disclaimer(),
    }
}

/// What changed on `day` since the day before it was looked at (`None`:
/// `day` is the first day).
fn compare(
    pack: &RulePack,
    profile: &WorkerProfile,
    words: Words<'_>,
    before: Option<&(NaiveDate, State)>,
    day: NaiveDate,
    now: &State,
) -> Moment {
    let status = match before {
        None => Some(StatusChange {
            before: None,
            after: Status::of(now.status),
        }),
        Some((_, was)) if was.status != now.status => Some(StatusChange {
            before: Some(Status::of(was.status)),
            after: Status::of(now.status),
        }),
        Some(_) => None,
    };
    let mut changes = Vec::new();
    let mut counted = false;
    for (index, (rule, (outcome, days, met))) in pack.rules.iter().zip(&now.results).enumerate() {
        let was = before.and_then(|(_, s)| s.results.get(index));
        let mut what = Vec::new();
        let before_outcome = match was {
            None if *outcome != Outcome::DoesNotApply => Some(None),
            Some((o, _, _)) if o != outcome => Some(Some(*o)),
            _ => None,
        };
        if let Some(before_outcome) = before_outcome {
            let dates = rule
                .dates
                .iter()
                .zip(days)
                .filter_map(|((name, _), d)| d.map(|d| (name.clone(), d)))
                .collect();
            what.push(What::Outcome {
                before: before_outcome,
                after: *outcome,
                dates,
            });
        }
        if *outcome == Outcome::Applies {
            counted |= counts_stay(pack, index);
            let done = *met == Some(true);
            for (i, ((name, _), date)) in rule.dates.iter().zip(days).enumerate() {
                let Some(date) = *date else { continue };
                let acted_by = crate::report::ics::is_reminder(rule.kind, name);
                let previous = was
                    .filter(|(o, _, _)| *o == Outcome::Applies)
                    .and_then(|(_, d, _)| d.get(i).copied().flatten());
                if let Some(previous) = previous.filter(|p| *p != date) {
                    what.push(What::Moved {
                        date_name: name.clone(),
                        before: previous,
                        after: date,
                    });
                }
                if !acted_by || done {
                    continue;
                }
                let since = before.map(|(d, _)| *d);
                if date == day {
                    what.push(What::Due {
                        date_name: name.clone(),
                    });
                } else if date < day && since.is_some_and(|s| s <= date) {
                    let date_name = name.clone();
                    what.push(if rule.kind == RuleKind::Obligation {
                        What::Overdue {
                            date_name,
                            on: date,
                        }
                    } else {
                        What::Passed {
                            date_name,
                            on: date,
                        }
                    });
                }
            }
        }
        // Fulfilled on the day; a duty that stops applying was said or not
        // as it was the day before, so its end is said only if it was.
        let id = |s: &State| {
            let by = s.fulfilled_by.get(index).copied().flatten()?;
            pack.rules.get(by).map(|r| r.id.clone())
        };
        let (by_now, by_before) = (id(now), before.and_then(|(_, s)| id(s)));
        changes.extend(what.into_iter().map(|what| {
            let stops = matches!(what, What::Outcome { after, .. } if after != Outcome::Applies);
            Change {
                rule: rule.id.clone(),
                kind: rule.kind,
                title: words.title(index, rule),
                fulfilled_by: if stops {
                    by_before.clone()
                } else {
                    by_now.clone()
                },
                what,
            }
        }));
    }
    let entry = profile.entry_date.filter(|e| *e <= day);
    let day_of_stay = entry.map(|e| {
        let days = dates::days_between(e, day);
        match pack.meta.day_count {
            DayCount::EventDayIsDay1 => days.saturating_add(1),
            DayCount::NextDayIsDay1 => days,
        }
    });
    let stay_count = entry
        .filter(|_| counted)
        .and_then(|e| stay_count(pack, e, day));
    Moment {
        date: day,
        day_of_stay,
        status,
        changes,
        stay_count,
    }
}

/// Whether a rule's summary shows both numbers of the 90/180 rule: the
/// provision the count of days present belongs to.
fn counts_stay(pack: &RulePack, index: usize) -> bool {
    let Some(rule) = pack.rules.get(index) else {
        return false;
    };
    let shows = |name: &str| {
        rule.summary.0.iter().any(|piece| {
            matches!(piece, Piece::Param(id) if pack.params.get(*id).is_some_and(|p| p.name == name))
        })
    };
    shows(STAY_LIMIT) && shows(STAY_WINDOW)
}

/// The count of days present on `day` in the moving period, for a stay
/// every day since `entry` (the day of entry counting as a day present).
fn stay_count(pack: &RulePack, entry: NaiveDate, day: NaiveDate) -> Option<StayCount> {
    let int = |name: &str| {
        let param = pack.params.iter().find(|p| p.name == name)?;
        match engine::semantics::param_value(&param.values, day) {
            engine::value::Value::Int(n) => Some(n),
            _ => None,
        }
    };
    let (limit, window) = (int(STAY_LIMIT)?, int(STAY_WINDOW)?);
    let present = dates::days_between(entry, day).saturating_add(1);
    Some(StayCount {
        days: present.clamp(0, window),
        limit,
        window,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Defaults;

    fn d(s: &str) -> NaiveDate {
        dates::parse_date(s).unwrap()
    }

    fn profile(json: &str) -> WorkerProfile {
        WorkerProfile::from_json(json, Defaults::new(d("2026-03-10"), Some(Country::KZ))).unwrap()
    }

    fn kyrgyz_worker() -> WorkerProfile {
        profile(
            r#"{"citizenship": ["KG"], "entry_date": "2026-03-01", "as_of": "2026-03-10",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}}"#,
        )
    }

    #[test]
    fn the_window_runs_from_the_entry_to_a_year_after_the_contract() {
        assert_eq!(window(&kyrgyz_worker()), (d("2026-03-01"), d("2028-03-01")));
        let open = profile(
            r#"{"citizenship": ["KG"], "as_of": "2026-03-10",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": null}}"#,
        );
        assert_eq!(window(&open), (d("2026-03-10"), d("2027-03-10")));
        let long = profile(
            r#"{"citizenship": ["KG"], "entry_date": "2026-03-01", "as_of": "2026-03-10",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": "2040-01-01"}}"#,
        );
        assert_eq!(window(&long), (d("2026-03-01"), d("2031-03-10")));
    }

    #[test]
    fn a_profile_on_an_earlier_day_has_not_yet_had_its_later_events() {
        let p = profile(
            r#"{"citizenship": ["KG"], "entry_date": "2026-01-10", "as_of": "2026-06-01",
                "contract": {"kind": "employment", "start": "2026-01-12", "end": "2027-01-11", "terminated_on": "2026-05-20"},
                "family": [{"relation": "child", "birth_date": "2026-04-01"}, {"relation": "spouse"}]}"#,
        );
        let early = profile_on(&p, d("2026-03-01"));
        assert_eq!(early.as_of, d("2026-03-01"));
        assert_eq!(early.contract.terminated_on, None);
        assert_eq!(early.family.as_ref().unwrap().len(), 1);
        let late = profile_on(&p, d("2026-05-20"));
        assert_eq!(late.contract.terminated_on, Some(d("2026-05-20")));
        assert_eq!(late.family.as_ref().unwrap().len(), 2);
    }

    #[test]
    fn an_unknown_entry_stays_no_later_than_the_day_the_profile_was_given_for() {
        let p = profile(
            r#"{"citizenship": ["KG"], "as_of": "2026-03-10",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}}"#,
        );
        assert_eq!(profile_on(&p, d("2026-03-10")).entry_by, None);
        assert_eq!(
            profile_on(&p, d("2027-01-31")).entry_by,
            Some(d("2026-03-10"))
        );
        let pack = crate::rules::embedded_pack().unwrap();
        let t = build(&pack, &p);
        // Later days know no less than the first: the registration duty
        // stays settled, and the order for stays that began on or after
        // 1 July 2026 never comes to depend on the entry.
        for m in &t.moments[1..] {
            for c in &m.changes {
                assert!(
                    !matches!(
                        c.what,
                        What::Outcome {
                            after: Outcome::Undetermined,
                            ..
                        }
                    ),
                    "{m:#?}"
                );
            }
        }
        // The registration-free period ended by 8 April at the latest.
        let ruled_out = What::Outcome {
            before: Some(Outcome::Undetermined),
            after: Outcome::DoesNotApply,
            dates: BTreeMap::new(),
        };
        assert!(has(
            moment(&t, "2026-04-09"),
            "eaeu.registration-exemption",
            &ruled_out
        ));
    }

    fn moment<'t>(t: &'t Timeline, day: &str) -> &'t Moment {
        t.moments
            .iter()
            .find(|m| m.date == d(day))
            .unwrap_or_else(|| {
                panic!(
                    "no {day} in {:#?}",
                    t.moments.iter().map(|m| m.date).collect::<Vec<_>>()
                )
            })
    }

    fn has(m: &Moment, rule: &str, what: &What) -> bool {
        m.changes.iter().any(|c| c.rule == rule && &c.what == what)
    }

    #[test]
    fn a_kyrgyz_workers_registration_free_period_ends_on_30_march() {
        let pack = crate::rules::embedded_pack().unwrap();
        let t = build(&pack, &kyrgyz_worker());
        let first = &t.moments[0];
        assert_eq!(first.date, d("2026-03-01"));
        assert_eq!(first.day_of_stay, Some(1));
        let last_day = moment(&t, "2026-03-30");
        assert_eq!(last_day.day_of_stay, Some(30));
        let due = What::Due {
            date_name: "until".into(),
        };
        assert!(
            has(last_day, "eaeu.registration-exemption", &due),
            "{last_day:#?}"
        );
        let after = moment(&t, "2026-03-31");
        let stops = What::Outcome {
            before: Some(Outcome::Applies),
            after: Outcome::DoesNotApply,
            dates: BTreeMap::new(),
        };
        assert!(
            has(after, "eaeu.registration-exemption", &stops),
            "{after:#?}"
        );
        let overdue = What::Overdue {
            date_name: "deadline".into(),
            on: d("2026-03-30"),
        };
        assert!(
            has(after, "eaeu.registration-required", &overdue),
            "{after:#?}"
        );
    }

    #[test]
    fn after_1_july_2026_the_treatys_registration_is_fulfilled_by_the_online_one() {
        let pack = crate::rules::embedded_pack().unwrap();
        let p = profile(
            r#"{"citizenship": ["KG"], "entry_date": "2026-08-01", "as_of": "2026-08-10",
                "contract": {"kind": "employment", "start": "2026-08-01", "end": "2027-07-31"}}"#,
        );
        let t = build(&pack, &p);
        let (mut treaty, mut online) = (0, 0);
        for c in t.moments.iter().flat_map(|m| &m.changes) {
            match c.rule.as_str() {
                "eaeu.registration-required" => {
                    treaty += 1;
                    assert_eq!(c.fulfilled_by.as_deref(), Some("kz.registration-online"));
                    assert!(!c.is_said());
                }
                "kz.registration-online" => {
                    online += 1;
                    assert!(c.is_said());
                }
                _ => {}
            }
        }
        // Applies on the entry day, due on the 30th, overdue on the 31st:
        // both in the model (and the JSON), the online one said.
        assert_eq!((treaty, online), (3, 3));
        // Before 1 July 2026 the Treaty's duty is its own action.
        let t = build(&pack, &kyrgyz_worker());
        assert!(t
            .moments
            .iter()
            .flat_map(|m| &m.changes)
            .filter(|c| c.rule == "eaeu.registration-required")
            .all(Change::is_said));
    }

    #[test]
    fn the_status_changes_when_the_contract_starts_and_after_it_ends() {
        let pack = crate::rules::embedded_pack().unwrap();
        let t = build(&pack, &kyrgyz_worker());
        assert_eq!(
            moment(&t, "2026-03-02").status,
            Some(StatusChange {
                before: Some(Status::NotCovered),
                after: Status::Covered
            })
        );
        let end = moment(&t, "2027-03-01");
        assert!(end.status.is_none());
        let due = What::Due {
            date_name: "until".into(),
        };
        assert!(has(end, "eaeu.stay-for-contract-term", &due), "{end:#?}");
        assert_eq!(
            moment(&t, "2027-03-02").status,
            Some(StatusChange {
                before: Some(Status::Covered),
                after: Status::NotCovered
            })
        );
    }

    #[test]
    fn no_day_is_listed_on_which_nothing_changes() {
        let pack = crate::rules::embedded_pack().unwrap();
        let t = build(&pack, &kyrgyz_worker());
        for m in &t.moments[1..] {
            assert!(m.status.is_some() || !m.changes.is_empty(), "{m:#?}");
        }
        // A candidate such as the day after the entry changes nothing for
        // this worker (the contract starts then, which does).
        let dates: Vec<NaiveDate> = t.moments.iter().map(|m| m.date).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]));
        assert!(!dates.contains(&d("2026-07-02")), "{dates:?}");
    }

    #[test]
    fn the_90_180_count_is_said_where_the_limit_applies() {
        let pack = crate::rules::embedded_pack().unwrap();
        let t = build(&pack, &kyrgyz_worker());
        let count = moment(&t, "2026-03-30").stay_count.unwrap();
        assert_eq!(
            count,
            StayCount {
                days: 30,
                limit: 90,
                window: 180
            }
        );
        // A Kazakh citizen at home is under no limit.
        let home = profile(
            r#"{"citizenship": ["KZ"], "entry_date": "2026-03-01", "as_of": "2026-03-10"}"#,
        );
        let t = build(&pack, &home);
        assert!(t.moments.iter().all(|m| m.stay_count.is_none()));
    }

    #[test]
    fn a_yearly_permit_term_moves_on_the_contracts_anniversary() {
        let pack = crate::rules::embedded_pack().unwrap();
        let p = profile(
            r#"{"citizenship": ["KG"], "entry_date": "2026-03-01", "as_of": "2026-03-10",
                "contract": {"kind": "employment", "start": "2026-03-02", "end": null}}"#,
        );
        let t = build(&pack, &p);
        let moved = What::Moved {
            date_name: "until".into(),
            before: d("2027-03-01"),
            after: d("2028-03-01"),
        };
        assert!(
            has(
                moment(&t, "2027-03-02"),
                "kz.temporary-residence-permit",
                &moved
            ),
            "{t:#?}"
        );
    }
}
