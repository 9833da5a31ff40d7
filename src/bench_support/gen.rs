//! A port of `bench/gen.py` (beside `bench-spec.md`): N deterministic worker
//! profiles as NDJSON, byte-identical to the Python generator for the same
//! N and seed.
//!
//! The port keeps the Python structure (one splitmix64 stream per profile,
//! the same tables, the same order of draws) so that a reader can compare
//! the two side by side; every draw that Python makes is made here, in the
//! same order, even where its value is then unused.

use std::io::{self, Write};

use chrono::{Datelike, NaiveDate};

/// The splitmix64 generator of `gen.py`.
#[derive(Debug, Clone)]
pub struct SplitMix64 {
    s: u64,
}

impl SplitMix64 {
    /// A generator with this state.
    pub fn new(seed: u64) -> Self {
        SplitMix64 { s: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.s = self.s.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.s;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, n)` (modulo bias is negligible for the small `n` used).
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64().checked_rem(n).unwrap_or(0)
    }

    /// Uniform in `[lo, hi]`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        let span = hi.saturating_sub(lo).saturating_add(1).unsigned_abs();
        let r = i64::try_from(self.below(span)).unwrap_or(0);
        lo.saturating_add(r)
    }

    fn chance(&mut self, per_mille: u64) -> bool {
        self.below(1000) < per_mille
    }

    /// A value drawn by weight, as `weighted(cumulative(table))` in `gen.py`.
    fn weighted<T: Copy>(&mut self, table: &[(T, u64)]) -> Option<T> {
        let total: u64 = table.iter().map(|(_, w)| w).sum();
        let (last, _) = *table.last()?;
        let r = self.below(total);
        let mut cum = 0;
        for (v, w) in table {
            cum += w;
            if r < cum {
                return Some(*v);
            }
        }
        Some(last)
    }
}

const SINGLE: [(&str, u64); 9] = [
    ("KG", 20),
    ("RU", 14),
    ("BY", 5),
    ("AM", 8),
    ("KZ", 10),
    ("UZ", 15),
    ("TJ", 10),
    ("TM", 5),
    ("CN", 13),
];
const DUAL: [((&str, &str), u64); 9] = [
    (("KG", "RU"), 30),
    (("KZ", "RU"), 20),
    (("AM", "RU"), 10),
    (("BY", "RU"), 8),
    (("UZ", "RU"), 10),
    (("TJ", "RU"), 8),
    (("KG", "KZ"), 6),
    (("CN", "KZ"), 4),
    (("RU", "KG"), 4),
];
const HOSTS: [(&str, u64); 5] = [("KZ", 70), ("RU", 12), ("KG", 8), ("BY", 5), ("AM", 5)];
const KINDS: [(&str, u64); 3] = [("employment", 60), ("civil_law", 25), ("none", 15)];
const OCCUPATIONS: [(&str, u64); 11] = [
    ("construction", 20),
    ("trade", 12),
    ("it", 10),
    ("driver", 10),
    ("agriculture", 8),
    ("hospitality", 8),
    ("manufacturing", 7),
    ("pedagogical", 7),
    ("legal", 5),
    ("medical", 8),
    ("pharmaceutical", 5),
];
const RELATIONS: [(&str, u64); 4] = [("child", 70), ("spouse", 20), ("parent", 5), ("sibling", 5)];
const CONTRACT_DAYS: [(i64, u64); 5] = [(89, 5), (180, 20), (364, 40), (365, 15), (729, 20)];

/// A day as Python's `date.toordinal()` (0001-01-01 is day 1).
type Ord = i64;

fn ord(y: i32, m: u32, d: u32) -> Ord {
    NaiveDate::from_ymd_opt(y, m, d).map_or(0, |d| i64::from(d.num_days_from_ce()))
}

fn date_of(o: Ord) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(o).ok()?)
}

fn iso(o: Ord) -> String {
    date_of(o).map_or_else(String::new, |d| d.format("%Y-%m-%d").to_string())
}

/// Same day `years` later, 29 Feb -> 28 Feb (`add_years` of `gen.py`).
fn add_years(o: Ord, years: i32) -> Ord {
    let Some(d) = date_of(o) else { return o };
    let year = d.year().saturating_add(years);
    NaiveDate::from_ymd_opt(year, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, d.month(), 28))
        .map_or(o, |d| i64::from(d.num_days_from_ce()))
}

fn young_birth(rng: &mut SplitMix64, as_of: Ord) -> Ord {
    let r = rng.below(1000);
    if r < 60 {
        return add_years(as_of, -6) + rng.between(-1, 1);
    }
    if r < 70 {
        let cands: Vec<Ord> = (1996..2027)
            .filter(|y| y % 4 == 0)
            .map(|y| ord(y, 2, 29))
            .filter(|o| *o <= as_of && as_of - *o < 17 * 365)
            .collect();
        if !cands.is_empty() {
            let i = usize::try_from(rng.below(cands.len() as u64)).unwrap_or(0);
            return cands.get(i).copied().unwrap_or(as_of);
        }
    }
    as_of - rng.between(0, 18 * 365 - 1 - 4)
}

fn leap_edge_profile(rng: &mut SplitMix64) -> (Ord, Ord) {
    let year = [2012, 2016, 2020]
        .get(usize::try_from(rng.below(3)).unwrap_or(0))
        .copied()
        .unwrap_or(2012);
    let birth = ord(year, 2, 29);
    let as_of = ord(year + 6, 2, 28) + rng.between(-1, 2);
    (birth, as_of)
}

/// Writes profile `i` (1-based) of the stream `seed`, without a newline.
pub fn write_profile(out: &mut Vec<u8>, i: u64, seed: u64) {
    let mut rng = SplitMix64::new(
        seed.wrapping_mul(0x0100_0000_01B3) ^ i.wrapping_mul(0x9E37_79B9_7F4A_7C15),
    );
    rng.next_u64();

    let as_of_min = ord(2014, 6, 1);
    let as_of_max = ord(2026, 11, 1);
    let edges = [
        ord(2014, 12, 31),
        ord(2015, 1, 1),
        ord(2015, 1, 2),
        ord(2015, 1, 3),
        ord(2015, 8, 11),
        ord(2015, 8, 12),
        ord(2015, 8, 13),
        ord(2020, 12, 31),
        ord(2021, 1, 1),
        ord(2021, 1, 2),
    ];

    let mut forced_birth = None;
    let r = rng.below(1000);
    let as_of = if r < 4 {
        let (birth, as_of) = leap_edge_profile(&mut rng);
        forced_birth = Some(birth);
        as_of
    } else if r < 34 {
        let k = usize::try_from(rng.below(edges.len() as u64)).unwrap_or(0);
        edges.get(k).copied().unwrap_or(as_of_min)
    } else {
        rng.between(as_of_min, as_of_max)
    };

    let citizenship: Vec<&str> = if rng.chance(150) {
        let (a, b) = rng.weighted(&DUAL).unwrap_or(("KG", "RU"));
        vec![a, b]
    } else {
        vec![rng.weighted(&SINGLE).unwrap_or("KG")]
    };
    let host = rng.weighted(&HOSTS).unwrap_or("KZ");

    let entry = if rng.chance(40) {
        as_of - rng.between(29, 32)
    } else {
        as_of - rng.between(0, 400)
    };

    let kind = rng.weighted(&KINDS).unwrap_or("none");
    let (mut start, mut end, mut terminated) = (None, None, None);
    if kind != "none" {
        let s = entry + rng.between(0, 14);
        start = Some(s);
        if !rng.chance(250) {
            end = Some(s + rng.weighted(&CONTRACT_DAYS).unwrap_or(365));
        }
        if rng.chance(150) {
            let t = if rng.chance(100) {
                entry + rng.between(88, 91)
            } else {
                entry + rng.between(0, 200)
            };
            terminated = Some(t.max(s));
        }
    } else if rng.chance(200) {
        start = Some(entry);
        end = Some(entry + 365);
        if rng.chance(300) {
            terminated = Some(entry + rng.between(90, 200));
        }
    }

    let occupation = rng.weighted(&OCCUPATIONS).unwrap_or("it");
    let registered = rng.chance(400);

    let mut family: Vec<(&str, Ord)> = Vec::new();
    for _ in 0..rng.below(4) {
        let rel = rng.weighted(&RELATIONS).unwrap_or("child");
        let birth = match rel {
            "child" | "sibling" => young_birth(&mut rng, as_of),
            "spouse" => as_of - rng.between(18 * 365, 60 * 365),
            _ => as_of - rng.between(40 * 365, 85 * 365),
        };
        family.push((rel, birth));
    }
    if let Some(b) = forced_birth {
        family.insert(0, ("child", b));
    }

    // The generator's strings are plain ASCII without quotes or escapes, so
    // they are written as they are, exactly as Python's encoder writes them.
    let date_or_null =
        |o: Option<Ord>| o.map_or_else(|| "null".to_owned(), |o| format!("\"{}\"", iso(o)));
    let _ = write!(out, "{{\"id\":\"p{i:06}\",\"citizenship\":[");
    for (k, c) in citizenship.iter().enumerate() {
        let _ = write!(out, "{}\"{c}\"", if k > 0 { "," } else { "" });
    }
    let _ = write!(
        out,
        "],\"host\":\"{host}\",\"entry_date\":\"{}\",\"as_of\":\"{}\",\"contract\":{{\"kind\":\"{kind}\",\"start\":{},\"end\":{},\"terminated_on\":{}}},\"occupation\":\"{occupation}\",\"registered\":{registered},\"family\":[",
        iso(entry),
        iso(as_of),
        date_or_null(start),
        date_or_null(end),
        date_or_null(terminated),
    );
    for (k, (rel, birth)) in family.iter().enumerate() {
        let _ = write!(
            out,
            "{}{{\"relation\":\"{rel}\",\"birth_date\":\"{}\"}}",
            if k > 0 { "," } else { "" },
            iso(*birth)
        );
    }
    out.extend_from_slice(b"]}");
}

/// Writes profiles `1..=n` of stream `seed`, one per line, as `gen.py N SEED` does.
pub fn write_ndjson(out: &mut impl Write, n: u64, seed: u64) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 16);
    for i in 1..=n {
        write_profile(&mut buf, i, seed);
        buf.push(b'\n');
        if buf.len() >= 1 << 16 {
            out.write_all(&buf)?;
            buf.clear();
        }
    }
    out.write_all(&buf)
}

/// `n` profiles of stream `seed` as one NDJSON text.
pub fn ndjson(n: u64, seed: u64) -> Vec<u8> {
    let mut out = Vec::new();
    let _ = write_ndjson(&mut out, n, seed);
    out
}
