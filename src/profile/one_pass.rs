//! The one-pass reader: a profile line read straight into a [`RawProfile`]
//! whose strings borrow from the line, for `batch`'s speed.
//!
//! It takes only what the strict reader accepts without a problem of shape,
//! and reads it to the same raw profile: an object with known keys, none
//! twice, `null` only where the profile contract allows it (`contract.start`,
//! `contract.end`, `contract.terminated_on`), strings without escapes, the
//! limits on citizenships and family members. Anything else (a mistake, or
//! merely an escaped string) makes it give up, and the strict reader reads
//! the text again and says what, if anything, is wrong. Giving up costs
//! nothing but time, so the reader never needs to explain.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::strict::{CONTRACT_KEYS, MEMBER_KEYS, PROFILE_KEYS};
use super::{
    RawContract, RawFamilyMember, RawProfile, MAX_CITIZENSHIPS, MAX_FAMILY, MAX_PROFILE_BYTES,
};

/// The profile in `text`, or `None` when the strict reader must read it.
pub(super) fn read(text: &str) -> Option<RawProfile<&str>> {
    if text.len() > MAX_PROFILE_BYTES {
        return None;
    }
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    // From `str`, not bytes: one UTF-8 check of the whole line is cheaper
    // than serde_json's check of every string it borrows from bytes.
    let mut de = serde_json::Deserializer::from_str(body);
    let raw = de.deserialize_map(ProfileVisitor).ok()?;
    de.end().ok()?;
    Some(raw)
}

/// Why the reader gave up; never shown, since the strict reader takes over.
const GIVE_UP: &str = "left to the strict reader";

fn give_up<E: de::Error>() -> E {
    E::custom(GIVE_UP)
}

/// Marks key number `index` as read; a second time is a duplicate key.
fn first_time<E: de::Error>(seen: &mut u32, index: usize) -> Result<(), E> {
    let bit = 1u32.checked_shl(u32::try_from(index).map_err(|_| give_up())?);
    let bit = bit.ok_or_else(give_up)?;
    if *seen & bit != 0 {
        return Err(give_up());
    }
    *seen |= bit;
    Ok(())
}

/// A key that must be one of `keys`; reads as its position and name.
struct Key(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Key {
    type Value = (usize, &'static str);

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_str(self)
    }
}

impl Visitor<'_> for Key {
    type Value = (usize, &'static str);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a known key")
    }

    // Keys are compared after unescaping, as the strict reader does.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        self.0
            .iter()
            .enumerate()
            .find(|(_, k)| **k == v)
            .map(|(i, k)| (i, *k))
            .ok_or_else(give_up)
    }
}

struct ProfileVisitor;

impl<'de> Visitor<'de> for ProfileVisitor {
    type Value = RawProfile<&'de str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a profile")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut raw = RawProfile::default();
        let mut seen = 0;
        while let Some((index, key)) = map.next_key_seed(Key(PROFILE_KEYS))? {
            first_time(&mut seen, index)?;
            // `&str` and `bool` refuse `null`, and `&str` a string with
            // escapes (it cannot be borrowed): both go to the strict reader.
            match key {
                "id" => raw.id = Some(map.next_value()?),
                "citizenship" => raw.citizenship = Some(map.next_value::<Codes<'de>>()?.0),
                "host" => raw.host = Some(map.next_value()?),
                "entry_date" => raw.entry_date = Some(map.next_value()?),
                "as_of" => raw.as_of = Some(map.next_value()?),
                "contract" => raw.contract = Some(map.next_value::<Contract<'de>>()?.0),
                "occupation" => raw.occupation = Some(map.next_value()?),
                "registered" => raw.registered = Some(map.next_value()?),
                "permanent_resident" => raw.permanent_resident = Some(map.next_value()?),
                "family" => raw.family = Some(map.next_value::<Family<'de>>()?.0),
                _ => return Err(give_up()),
            }
        }
        Ok(raw)
    }
}

/// A country code, or an array of at most [`MAX_CITIZENSHIPS`] of them.
struct Codes<'a>(Vec<&'a str>);

impl<'de> de::Deserialize<'de> for Codes<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CodesVisitor)
    }
}

struct CodesVisitor;

impl<'de> Visitor<'de> for CodesVisitor {
    type Value = Codes<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("country codes")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Codes(vec![v]))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut codes = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(MAX_CITIZENSHIPS));
        while let Some(code) = seq.next_element()? {
            if codes.len() == MAX_CITIZENSHIPS {
                return Err(give_up());
            }
            codes.push(code);
        }
        Ok(Codes(codes))
    }
}

struct Contract<'a>(RawContract<&'a str>);

impl<'de> de::Deserialize<'de> for Contract<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ContractVisitor)
    }
}

struct ContractVisitor;

impl<'de> Visitor<'de> for ContractVisitor {
    type Value = Contract<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a contract")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut c = RawContract::default();
        let mut seen = 0;
        while let Some((index, key)) = map.next_key_seed(Key(CONTRACT_KEYS))? {
            first_time(&mut seen, index)?;
            match key {
                "kind" => c.kind = Some(map.next_value()?),
                // `null` start and termination read as not given, `null`
                // end as open-ended, as in the strict reader.
                "start" => c.start = map.next_value()?,
                "end" => c.end = Some(map.next_value()?),
                "terminated_on" => c.terminated_on = map.next_value()?,
                _ => return Err(give_up()),
            }
        }
        Ok(Contract(c))
    }
}

/// An array of at most [`MAX_FAMILY`] family members.
struct Family<'a>(Vec<RawFamilyMember<&'a str>>);

impl<'de> de::Deserialize<'de> for Family<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(FamilyVisitor)
    }
}

struct FamilyVisitor;

impl<'de> Visitor<'de> for FamilyVisitor {
    type Value = Family<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("family members")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut members = Vec::with_capacity(seq.size_hint().unwrap_or(2).min(MAX_FAMILY));
        while let Some(Member(m)) = seq.next_element()? {
            if members.len() == MAX_FAMILY {
                return Err(give_up());
            }
            members.push(m);
        }
        Ok(Family(members))
    }
}

struct Member<'a>(RawFamilyMember<&'a str>);

impl<'de> de::Deserialize<'de> for Member<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(MemberVisitor)
    }
}

struct MemberVisitor;

impl<'de> Visitor<'de> for MemberVisitor {
    type Value = Member<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a family member")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut m = RawFamilyMember::default();
        let mut seen = 0;
        while let Some((index, key)) = map.next_key_seed(Key(MEMBER_KEYS))? {
            first_time(&mut seen, index)?;
            match key {
                "relation" => m.relation = Some(map.next_value()?),
                "birth_date" => m.birth_date = Some(map.next_value()?),
                "citizenship" => m.citizenship = Some(map.next_value::<Codes<'de>>()?.0),
                _ => return Err(give_up()),
            }
        }
        Ok(Member(m))
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;

    use super::*;
    use crate::bench_support::{gen, today as gen_today};
    use crate::profile::{InvalidProfile, WorkerProfile};

    fn owned(raw: &RawProfile<&str>) -> RawProfile<String> {
        let s = |t: &Option<&str>| t.map(str::to_owned);
        let codes = |c: &Option<Vec<&str>>| {
            c.as_ref()
                .map(|c| c.iter().map(|x| (*x).to_owned()).collect())
        };
        RawProfile {
            id: s(&raw.id),
            citizenship: codes(&raw.citizenship),
            host: s(&raw.host),
            entry_date: s(&raw.entry_date),
            as_of: s(&raw.as_of),
            contract: raw.contract.as_ref().map(|c| RawContract {
                kind: s(&c.kind),
                start: s(&c.start),
                end: c.end.map(|e| e.map(str::to_owned)),
                terminated_on: s(&c.terminated_on),
            }),
            occupation: s(&raw.occupation),
            registered: raw.registered,
            permanent_resident: raw.permanent_resident,
            family: raw.family.as_ref().map(|f| {
                f.iter()
                    .map(|m| RawFamilyMember {
                        relation: s(&m.relation),
                        birth_date: s(&m.birth_date),
                        citizenship: codes(&m.citizenship),
                    })
                    .collect()
            }),
        }
    }

    /// Edits that take a generated line outside the one-pass reader's
    /// subset, or keep it inside with other values, or make it invalid.
    const EDITS: &[(&str, &str)] = &[
        ("\"registered\":false", "\"registered\":null"),
        ("{\"id\"", "{\"host\":\"KZ\",\"id\""),
        ("\"host\":\"KZ\"", "\"host\":\"K\\u005A\""),
        ("\"host\":\"KZ\"", "\"h\\u006fst\":\"KZ\""),
        ("\"host\"", "\"hots\""),
        ("\"terminated_on\":null", "\"terminated_on\":\"2030-01-01\""),
        ("\"terminated_on\":null", "\"terminated_on\":\"2015-13-01\""),
        ("\"end\":null", "\"end\":5"),
        ("\"end\":null", "\"end\":\"2016-01-01\",\"end\":null"),
        ("\"start\":\"", "\"start\":null,\"x\":\""),
        ("\"occupation\":\"trade\"", "\"occupation\":\" TRADE \""),
        ("\"occupation\":\"legal\"", "\"occupation\":\"LÉGAL ΣΑΣ\""),
        ("\"occupation\":\"", "\"occupation\":\"\\u0007"),
        ("\"family\":[", "\"family\":null,\"f\":["),
        ("\"family\":[]", "\"family\":[{}]"),
        (
            "\"relation\":\"child\"",
            "\"relation\":\"child\",\"relation\":\"child\"",
        ),
        ("\"relation\":\"child\"", "\"relation\":\"Child\""),
        ("\"birth_date\"", "\"citizenship\":\"KG\",\"birth_date\""),
        ("\"birth_date\"", "\"citizenship\":null,\"birth_date\""),
        ("\"citizenship\":[\"", "\"citizenship\":\""),
        ("\"citizenship\":[", "\"citizenship\":[\"KG\",\"KG\","),
        (
            "\"citizenship\":[",
            "\"citizenship\":[\"A\",\"B\",\"C\",\"D\",\"E\",\"F\",\"G\",\"H\",\"I\",\"J\",",
        ),
        ("\"citizenship\":[", "\"citizenship\":[\"xx\","),
        ("\"kind\":\"employment\"", "\"kind\":\"Employment\""),
        ("\"kind\":\"civil_law\"", "\"kind\":null"),
        ("\"contract\":{", "\"contract\":{\"kind\":\"none\","),
        ("\"as_of\":\"", "\"as_of\":\"x"),
        ("\"id\":\"p", "\"id\":\"\u{202e}p"),
        ("}", "} x"),
        ("{", "\u{feff}{"),
        ("{", "\u{feff}\u{feff}{"),
        ("\"permanent_resident\"", "\"permanent_resident\""),
        (
            "\"registered\":false",
            "\"registered\":false,\"permanent_resident\":true",
        ),
        // Forgiving input: names for codes, other spellings of a kind,
        // and their refusals, read alike by both readers.
        ("\"host\":\"RU\"", "\"host\":\"Российская Федерация\""),
        ("\"host\":\"KZ\"", "\"host\":\"kazakhstan\""),
        ("\"citizenship\":[\"", "\"citizenship\":[\"Кыргызстан\",\""),
        ("\"citizenship\":[\"", "\"citizenship\":[\"Kyrgyzstn\",\""),
        ("\"kind\":\"civil_law\"", "\"kind\":\"Civil-Law\""),
        ("\"kind\":\"employment\"", "\"kind\":\"civil law\""),
        ("\"kind\":\"none\"", "\"kind\":\"civil\""),
        ("\"as_of\":\"", "\"as_of\":\"1.3."),
    ];

    /// The line with every `"YYYY-MM-DD"` written `"DD.MM.YYYY"`.
    fn day_first(line: &str) -> String {
        let mut out = line.to_owned();
        let mut from = 0;
        while let Some(i) = out[from..].find('"').map(|i| i + from) {
            let iso = out.get(i + 1..i + 11).unwrap_or("");
            if out.get(i + 11..i + 12) == Some("\"") && crate::dates::parse_iso_date(iso).is_ok() {
                let dotted = format!("{}.{}.{}", &iso[8..10], &iso[5..7], &iso[0..4]);
                out.replace_range(i + 1..i + 11, &dotted);
            }
            from = i + 1;
        }
        out
    }

    /// The line with its citizenship codes written as names.
    fn by_name(line: &str) -> String {
        [
            ("\"KG\"", "\"Kyrgyzstan\""),
            ("\"RU\"", "\"россия\""),
            ("\"UZ\"", "\"Узбекистан\""),
            ("\"TJ\"", "\"Republic of Tajikistan\""),
            ("\"KZ\"", "\"Казахстан\""),
            ("\"AM\"", "\"ARMENIA\""),
            ("\"BY\"", "\"Белоруссия\""),
            ("\"TM\"", "\"Туркмения\""),
            ("\"CN\"", "\"China\""),
        ]
        .iter()
        .fold(line.to_owned(), |l, (code, name)| l.replace(code, name))
    }

    /// The generated lines, each also with every edit that applies to it
    /// (one edit per line, chosen by line number) and cut in half.
    fn lines() -> Vec<String> {
        let text = String::from_utf8(gen::ndjson(10_000, 7)).unwrap();
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            out.push(line.to_owned());
            let (from, to) = EDITS[i % EDITS.len()];
            if line.contains(from) {
                out.push(line.replacen(from, to, 1));
            }
            if i % 97 == 0 {
                out.push(line[..line.len() / 2].to_owned());
            }
            if i % 7 == 0 {
                out.push(day_first(line));
            }
            if i % 11 == 0 {
                out.push(by_name(line));
            }
        }
        out
    }

    #[test]
    fn names_and_day_first_dates_give_the_same_profile_as_codes_and_iso_dates() {
        let today = crate::profile::Defaults::new(gen_today(), Some(crate::country::Country::KZ));
        let text = String::from_utf8(gen::ndjson(2_000, 11)).unwrap();
        let mut compared = 0;
        for line in text.lines() {
            let Ok(want) = WorkerProfile::from_json(line, today) else {
                continue;
            };
            for other in [day_first(line), by_name(line), by_name(&day_first(line))] {
                assert_ne!(other, line);
                let got = WorkerProfile::from_json(&other, today)
                    .unwrap_or_else(|e| panic!("{other}: {e}"));
                assert_eq!(got, want, "{other}");
                compared += 1;
            }
        }
        assert!(compared > 5_000, "{compared}");
    }

    #[test]
    fn bytes_that_are_not_utf8_are_refused_with_the_byte_and_its_place() {
        let bad = b"{\"citizenship\":\"KG\",\"occupation\":\"stroi\xfftel\"}";
        let today = crate::profile::Defaults::new(gen_today(), Some(crate::country::Country::KZ));
        let e = WorkerProfile::empty(today)
            .read_json_bytes(bad, today, None)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 1, column 40: not UTF-8 text: the byte 0xFF is not part of a UTF-8 character; save the file as UTF-8"
        );
    }

    #[test]
    fn reads_the_same_raw_profile_as_the_strict_reader() {
        let (mut taken, mut left) = (0, 0);
        for line in lines() {
            match read(&line) {
                Some(raw) => {
                    taken += 1;
                    let strict = RawProfile::from_json(&line)
                        .unwrap_or_else(|e| panic!("strict reader refuses {line}: {e}"));
                    assert_eq!(owned(&raw), strict, "{line}");
                }
                None => left += 1,
            }
        }
        // Both paths are exercised: the check above is not vacuous.
        assert!(taken > 10_000 && left > 250, "{taken} taken, {left} left");
    }

    /// `read_json` before the one-pass reader: strict reader, then validation.
    fn strict_read(
        text: &str,
        today: crate::profile::Defaults,
        as_of: Option<NaiveDate>,
    ) -> (Result<WorkerProfile, InvalidProfile>, Option<String>) {
        let mut raw = match RawProfile::from_json(text) {
            Ok(raw) => raw,
            Err(e) => return (Err(e), None),
        };
        if let Some(d) = as_of {
            raw.as_of = Some(d.to_string());
        }
        let id = raw
            .id
            .clone()
            .filter(|id| super::super::validate::acceptable_text(id));
        match raw.validate(today) {
            Ok(p) => (Ok(p), None),
            Err(e) => (
                Err(e.locate_in(
                    text.strip_prefix('\u{feff}').unwrap_or(text),
                    &crate::locate::JsonPath::root(),
                )),
                id,
            ),
        }
    }

    #[test]
    fn read_json_accepts_and_refuses_as_the_strict_path_does() {
        let today = crate::profile::Defaults::new(gen_today(), Some(crate::country::Country::KZ));
        let override_date = NaiveDate::from_ymd_opt(2027, 1, 1);
        // One slot for every line, as `batch` does, so left-over facts of
        // an earlier line would show.
        let mut slot = WorkerProfile::empty(today);
        let mut bytes_slot = WorkerProfile::empty(today);
        let (mut accepted, mut refused) = (0, 0);
        for (i, line) in lines().iter().enumerate() {
            let as_of = if i % 5 == 0 { override_date } else { None };
            let got = slot.read_json(line, today, as_of);
            let got_bytes = bytes_slot.read_json_bytes(line.as_bytes(), today, as_of);
            assert_eq!(got, got_bytes, "{line}");
            assert_eq!(slot.id, bytes_slot.id, "{line}");
            if got.is_ok() {
                assert_eq!(slot, bytes_slot, "{line}");
            }
            let (want, want_id) = strict_read(line, today, as_of);
            match (got, want) {
                (Ok(()), Ok(p)) => {
                    accepted += 1;
                    assert_eq!(slot, p, "{line}");
                }
                (Err(g), Err(w)) => {
                    refused += 1;
                    assert_eq!(g, w, "{line}");
                    assert_eq!(slot.id, want_id, "{line}");
                }
                (g, w) => panic!("{line}: one-pass {g:?}, strict {w:?}"),
            }
        }
        assert!(accepted > 9_000 && refused > 500, "{accepted} / {refused}");
    }
}
