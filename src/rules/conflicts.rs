//! Rules that contradict each other for the same person.
//!
//! A rule may declare `"excludes": ["other.rule"]`: the two must never both
//! apply to one profile (one obligation says a work permit is required, an
//! exemption says it is not). Types cannot show such a contradiction, so it
//! is found by evaluation: [`check`] runs the pack over the profiles it is
//! given (the fixtures) and over [`generated`] ones, and reports every
//! declared pair that applied together, naming both ids and the profile.

use crate::diagnostic::Diagnostic;
use chrono::NaiveDate;

use super::error::PackErrors;
use super::SourceFile;
use crate::country::Country;
use crate::engine::{self, Outcome, RulePack};
use crate::locate::{locate, JsonPath};
use crate::profile::{Contract, ContractKind, FamilyMember, Relation, WorkerProfile};

/// How many generated profiles `rules check` evaluates besides the fixtures.
pub const GENERATED_PROFILES: usize = 4096;

/// A profile to check the pack against, and how to name it in a report.
#[derive(Debug, Clone)]
pub struct NamedProfile {
    /// Where it came from: a fixture path or "generated profile N".
    pub name: String,
    /// The profile.
    pub profile: WorkerProfile,
}

/// Evaluates the pack over `profiles` and reports every pair of rules that
/// both apply to one profile although one `excludes` the other.
///
/// `files` are the pack's sources, used to point at the `excludes` entry.
/// Each pair is reported once, with the smallest profile that shows it.
pub fn check(
    pack: &RulePack,
    files: &[SourceFile],
    profiles: &[NamedProfile],
) -> Result<(), PackErrors> {
    let pairs = exclusive_pairs(pack);
    if pairs.is_empty() {
        return Ok(());
    }
    let mut seen: Vec<Option<(usize, usize, usize)>> = vec![None; pairs.len()];
    // One decider for every profile: making one compiles the pack.
    let mut decider = engine::Decider::new(pack);
    for (p, named) in profiles.iter().enumerate() {
        let decision = decider.decide(&named.profile);
        let applies = |i: usize| decision.outcomes().get(i) == Some(&Outcome::Applies);
        for (k, pair) in pairs.iter().enumerate() {
            if applies(pair.rule) && applies(pair.excluded) {
                if let Some(slot) = seen.get_mut(k) {
                    // The profile with the fewest facts is the easiest to read.
                    let size = named.profile.to_json().len();
                    *slot = Some(match *slot {
                        Some((best, n, best_size)) if best_size <= size => {
                            (best, n.saturating_add(1), best_size)
                        }
                        Some((_, n, _)) => (p, n.saturating_add(1), size),
                        None => (p, 1, size),
                    });
                }
            }
        }
    }
    let mut errors = Vec::new();
    for (pair, hit) in pairs.iter().zip(seen) {
        let Some((first, count, _)) = hit else {
            continue;
        };
        let (Some(rule), Some(excluded), Some(named)) = (
            pack.rules.get(pair.rule),
            pack.rules.get(pair.excluded),
            profiles.get(first),
        ) else {
            continue;
        };
        let path = JsonPath::root()
            .key("rules")
            .index(rule.index_in_file)
            .key("excludes")
            .index(pair.entry);
        let location = files
            .iter()
            .find(|f| f.path == rule.file)
            .and_then(|f| locate(f.text.strip_prefix('\u{feff}').unwrap_or(&f.text), &path));
        let others = match count {
            0 | 1 => String::new(),
            n => format!(" (and {} other profile(s))", n.saturating_sub(1)),
        };
        errors.push(Diagnostic::text(
rule.file.clone(),
location,
path,
format!(
                "conflict: rules `{}` and `{}` both apply to {}{others}, but `{}` excludes `{}`",
                rule.id, excluded.id, named.name, rule.id, excluded.id
            ),
Some(format!(
                "the profile: {}; change a rule's `when` or `unless` so that at most one of them applies, or remove the `excludes` entry if both may hold",
                named.profile.to_json()
            )),
));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(PackErrors(errors))
    }
}

/// One declared exclusion: rule indices and the position of the entry.
struct Pair {
    rule: usize,
    excluded: usize,
    entry: usize,
}

/// Every `excludes` entry of the pack, as rule indices (unknown ids were
/// already load errors, so they are skipped here).
fn exclusive_pairs(pack: &RulePack) -> Vec<Pair> {
    let mut pairs = Vec::new();
    for (i, rule) in pack.rules.iter().enumerate() {
        for (entry, target) in rule.excludes.iter().enumerate() {
            if let Some(j) = pack.rules.iter().position(|r| r.id == *target) {
                pairs.push(Pair {
                    rule: i,
                    excluded: j,
                    entry,
                });
            }
        }
    }
    pairs
}

/// `count` valid profiles, the same ones on every run, spread over the facts
/// the rules read: EAEU, observer and other citizenships, dual citizens,
/// stateless people, hosts, dates around accessions and deadlines, every
/// contract kind, regulated occupations, families; each fact sometimes
/// unknown.
pub fn generated(count: usize) -> Vec<NamedProfile> {
    let mut rng = SplitMix(0x5eed_eaec_0005);
    (0..count)
        .map(|n| NamedProfile {
            name: format!("generated profile {}", n.saturating_add(1)),
            profile: one_profile(&mut rng),
        })
        .collect()
}

/// A small deterministic generator (SplitMix64): no dependency, same
/// sequence on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        let i = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(i).copied().unwrap_or(fallback)
    }

    /// A date `days_back` days or fewer before `to` (never before 1990).
    fn date_before(&mut self, to: NaiveDate, days_back: u64) -> NaiveDate {
        let back = i64::try_from(self.below(days_back.saturating_add(1))).unwrap_or(0);
        let d = crate::dates::add_days(to, -back).unwrap_or(to);
        d.max(NaiveDate::from_ymd_opt(1990, 1, 1).unwrap_or(d))
    }
}

/// Members, observers, visa-free non-members and others.
const COUNTRIES: &[[u8; 2]] = &[
    *b"KZ", *b"KG", *b"RU", *b"BY", *b"AM", *b"UZ", *b"TJ", *b"MD", *b"CU", *b"IR", *b"TM", *b"CN",
    *b"DE",
];

fn country(rng: &mut SplitMix) -> Country {
    Country::from_code_bytes(rng.pick(COUNTRIES, *b"KG")).unwrap_or(Country::KG)
}

const OCCUPATIONS: &[&str] = &[
    "construction",
    "pedagogical",
    "legal",
    "medical",
    "pharmaceutical",
    "driver",
];

fn countries(rng: &mut SplitMix, max: u64) -> Vec<Country> {
    let n = rng.below(max.saturating_add(1));
    let mut out = Vec::new();
    for _ in 0..n {
        let c = country(rng);
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

fn one_profile(rng: &mut SplitMix) -> WorkerProfile {
    // Assessment dates from 2014 (before the Union) to 2028, mostly recent.
    let base = NaiveDate::from_ymd_opt(2028, 12, 31).unwrap_or_default();
    let as_of = if rng.chance(70) {
        rng.date_before(base, 4 * 366)
    } else {
        rng.date_before(base, 15 * 366)
    };
    let citizenship = if rng.chance(5) {
        Vec::new()
    } else {
        let mut c = countries(rng, 2);
        if c.is_empty() {
            c.push(country(rng));
        }
        c
    };
    let host = if rng.chance(85) {
        Country::KZ
    } else {
        rng.pick(
            &[Country::RU, Country::KG, Country::BY, Country::UZ],
            Country::RU,
        )
    };
    // Near the 30- and 90-day deadlines as often as far from them.
    let entry_date = rng.chance(80).then(|| {
        if rng.chance(50) {
            rng.date_before(as_of, 120)
        } else {
            rng.date_before(as_of, 3 * 366)
        }
    });
    let kind = rng.chance(80).then(|| {
        rng.pick(
            &[
                ContractKind::Employment,
                ContractKind::CivilLaw,
                ContractKind::None,
            ],
            ContractKind::Employment,
        )
    });
    let start = rng.chance(70).then(|| rng.date_before(as_of, 400));
    let end = if rng.chance(25) {
        None
    } else if rng.chance(30) {
        Some(None)
    } else {
        let from = start.unwrap_or(as_of);
        let ahead = i64::try_from(rng.below(800)).unwrap_or(0);
        Some(crate::dates::add_days(from, ahead))
    };
    let terminated_on = match (start, end) {
        (Some(s), e) if rng.chance(15) => {
            let last = match e {
                Some(Some(e)) => e.min(as_of),
                _ => as_of,
            };
            (s <= last).then(|| rng.date_before(last, 200).max(s))
        }
        _ => None,
    };
    let occupation = rng
        .chance(70)
        .then(|| rng.pick(OCCUPATIONS, "construction").to_owned());
    let registered = rng.chance(70).then(|| rng.chance(50));
    let permanent_resident = rng.chance(10);
    let family = rng.chance(70).then(|| {
        let n = rng.below(4);
        (0..n)
            .map(|_| FamilyMember {
                relation: rng.chance(85).then(|| {
                    rng.pick(
                        &[Relation::Child, Relation::Spouse, Relation::Parent],
                        Relation::Child,
                    )
                }),
                birth_date: rng.chance(80).then(|| rng.date_before(as_of, 30 * 366)),
                citizenship: rng.chance(60).then(|| countries(rng, 2)),
            })
            .collect()
    });
    WorkerProfile {
        id: None,
        citizenship,
        host,
        entry_date,
        entry_by: None,
        as_of,
        contract: Contract {
            kind,
            start,
            end,
            terminated_on,
        },
        occupation,
        registered,
        permanent_resident,
        family,
        assumed: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_profiles_are_valid_and_stable() {
        let a = generated(500);
        let b = generated(500);
        for (x, y) in a.iter().zip(&b) {
            assert_eq!(x.profile, y.profile);
            let text = x.profile.to_json();
            let back = WorkerProfile::from_json(
                &text,
                crate::profile::Defaults::new(x.profile.as_of, Some(Country::KZ)),
            )
            .unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(back.citizenship, x.profile.citizenship, "{text}");
        }
    }
}
