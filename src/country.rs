//! ISO 3166-1 alpha-2 country codes, and their names in each language.
//!
//! A [`Country`] can only hold one of the 249 officially assigned alpha-2
//! codes, not just the EAEU member states. Migrants and rules name every
//! kind of citizenship (Uzbekistan, Tajikistan, China, ...), so "not an
//! EAEU state" has to mean a real, non-member country. Checking against the
//! full list turns input such as `XX`, `XK` (user-assigned), `SU` or `YU`
//! (withdrawn) into an error at load time instead of letting it silently
//! count as "some other country".
//!
//! A country's name in each language is that language's message
//! `country-{code}` (`src/locales/*/countries.ftl`, read by
//! [`Lang::country_name`](crate::report::Lang::country_name)): CLDR's
//! region name, with CLDR's abbreviations spelled out ("Saint Lucia",
//! «Фарерские острова»), except where `country/not_cldr.tsv` says why not
//! (KG is «Кыргызстан» in Russian); a test checks them against ICU4X's
//! CLDR data. The ISO 3166-1
//! and ОКСМ (ОК (МК (ИСО 3166) 004-97) 025-2001) short names that differ
//! are accepted as input (`country/names.tsv`).
//!
//! People may name a country by its code or by its name in any of the
//! tool's languages ([`Country::from_str`], with the other names people write in
//! `country/names.tsv`); rule files use codes only ([`Country::from_code`]).
//! Whichever way in, a country is always written out as its code.

#[cfg(test)]
mod cldr;
mod names;

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An officially assigned ISO 3166-1 alpha-2 country code, stored upper case.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

/// Error for a text that is neither an officially assigned alpha-2 code
/// nor a country's name; it says what would be accepted, and the name
/// meant when one is close.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownCountry(pub String);

impl UnknownCountry {
    /// The name meant, when one is close enough to be a likely
    /// misspelling: the name as the table writes it, and its country.
    pub fn meant(&self) -> Option<(&'static str, Country)> {
        names::closest(&self.0).map(|name| (name.written, name.country))
    }
}

impl UnknownCountry {
    /// What is wrong, as a diagnostic's message.
    pub fn message(&self) -> crate::diagnostic::Message {
        crate::diagnostic::Message::UnknownCountry {
            text: self.0.clone(),
        }
    }

    /// The country meant, as a diagnostic's help. Suggesting costs a
    /// pass over every name: done only when asked.
    pub fn help(&self) -> Option<crate::diagnostic::Message> {
        self.meant()
            .map(|(name, code)| crate::diagnostic::Message::DidYouMeanCountry { name, code })
    }
}

impl fmt::Display for UnknownCountry {
    /// The message and its help in English, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::report::Lang;
        f.write_str(&self.message().word(Lang::En))?;
        if let Some(help) = self.help() {
            write!(f, "; {}", help.word(Lang::En))?;
        }
        Ok(())
    }
}

/// One row of the code table: an upper-case alpha-2 code. Its names are
/// each language's messages `country-{code}` (`src/locales/*/countries.ftl`).
struct Entry([u8; 2]);

/// Number of officially assigned ISO 3166-1 alpha-2 codes.
const COUNT: usize = 249;

/// All officially assigned codes, sorted by code (checked by a test).
static TABLE: [Entry; COUNT] = [
    Entry(*b"AD"),
    Entry(*b"AE"),
    Entry(*b"AF"),
    Entry(*b"AG"),
    Entry(*b"AI"),
    Entry(*b"AL"),
    Entry(*b"AM"),
    Entry(*b"AO"),
    Entry(*b"AQ"),
    Entry(*b"AR"),
    Entry(*b"AS"),
    Entry(*b"AT"),
    Entry(*b"AU"),
    Entry(*b"AW"),
    Entry(*b"AX"),
    Entry(*b"AZ"),
    Entry(*b"BA"),
    Entry(*b"BB"),
    Entry(*b"BD"),
    Entry(*b"BE"),
    Entry(*b"BF"),
    Entry(*b"BG"),
    Entry(*b"BH"),
    Entry(*b"BI"),
    Entry(*b"BJ"),
    Entry(*b"BL"),
    Entry(*b"BM"),
    Entry(*b"BN"),
    Entry(*b"BO"),
    Entry(*b"BQ"),
    Entry(*b"BR"),
    Entry(*b"BS"),
    Entry(*b"BT"),
    Entry(*b"BV"),
    Entry(*b"BW"),
    Entry(*b"BY"),
    Entry(*b"BZ"),
    Entry(*b"CA"),
    Entry(*b"CC"),
    Entry(*b"CD"),
    Entry(*b"CF"),
    Entry(*b"CG"),
    Entry(*b"CH"),
    Entry(*b"CI"),
    Entry(*b"CK"),
    Entry(*b"CL"),
    Entry(*b"CM"),
    Entry(*b"CN"),
    Entry(*b"CO"),
    Entry(*b"CR"),
    Entry(*b"CU"),
    Entry(*b"CV"),
    Entry(*b"CW"),
    Entry(*b"CX"),
    Entry(*b"CY"),
    Entry(*b"CZ"),
    Entry(*b"DE"),
    Entry(*b"DJ"),
    Entry(*b"DK"),
    Entry(*b"DM"),
    Entry(*b"DO"),
    Entry(*b"DZ"),
    Entry(*b"EC"),
    Entry(*b"EE"),
    Entry(*b"EG"),
    Entry(*b"EH"),
    Entry(*b"ER"),
    Entry(*b"ES"),
    Entry(*b"ET"),
    Entry(*b"FI"),
    Entry(*b"FJ"),
    Entry(*b"FK"),
    Entry(*b"FM"),
    Entry(*b"FO"),
    Entry(*b"FR"),
    Entry(*b"GA"),
    Entry(*b"GB"),
    Entry(*b"GD"),
    Entry(*b"GE"),
    Entry(*b"GF"),
    Entry(*b"GG"),
    Entry(*b"GH"),
    Entry(*b"GI"),
    Entry(*b"GL"),
    Entry(*b"GM"),
    Entry(*b"GN"),
    Entry(*b"GP"),
    Entry(*b"GQ"),
    Entry(*b"GR"),
    Entry(*b"GS"),
    Entry(*b"GT"),
    Entry(*b"GU"),
    Entry(*b"GW"),
    Entry(*b"GY"),
    Entry(*b"HK"),
    Entry(*b"HM"),
    Entry(*b"HN"),
    Entry(*b"HR"),
    Entry(*b"HT"),
    Entry(*b"HU"),
    Entry(*b"ID"),
    Entry(*b"IE"),
    Entry(*b"IL"),
    Entry(*b"IM"),
    Entry(*b"IN"),
    Entry(*b"IO"),
    Entry(*b"IQ"),
    Entry(*b"IR"),
    Entry(*b"IS"),
    Entry(*b"IT"),
    Entry(*b"JE"),
    Entry(*b"JM"),
    Entry(*b"JO"),
    Entry(*b"JP"),
    Entry(*b"KE"),
    Entry(*b"KG"),
    Entry(*b"KH"),
    Entry(*b"KI"),
    Entry(*b"KM"),
    Entry(*b"KN"),
    Entry(*b"KP"),
    Entry(*b"KR"),
    Entry(*b"KW"),
    Entry(*b"KY"),
    Entry(*b"KZ"),
    Entry(*b"LA"),
    Entry(*b"LB"),
    Entry(*b"LC"),
    Entry(*b"LI"),
    Entry(*b"LK"),
    Entry(*b"LR"),
    Entry(*b"LS"),
    Entry(*b"LT"),
    Entry(*b"LU"),
    Entry(*b"LV"),
    Entry(*b"LY"),
    Entry(*b"MA"),
    Entry(*b"MC"),
    Entry(*b"MD"),
    Entry(*b"ME"),
    Entry(*b"MF"),
    Entry(*b"MG"),
    Entry(*b"MH"),
    Entry(*b"MK"),
    Entry(*b"ML"),
    Entry(*b"MM"),
    Entry(*b"MN"),
    Entry(*b"MO"),
    Entry(*b"MP"),
    Entry(*b"MQ"),
    Entry(*b"MR"),
    Entry(*b"MS"),
    Entry(*b"MT"),
    Entry(*b"MU"),
    Entry(*b"MV"),
    Entry(*b"MW"),
    Entry(*b"MX"),
    Entry(*b"MY"),
    Entry(*b"MZ"),
    Entry(*b"NA"),
    Entry(*b"NC"),
    Entry(*b"NE"),
    Entry(*b"NF"),
    Entry(*b"NG"),
    Entry(*b"NI"),
    Entry(*b"NL"),
    Entry(*b"NO"),
    Entry(*b"NP"),
    Entry(*b"NR"),
    Entry(*b"NU"),
    Entry(*b"NZ"),
    Entry(*b"OM"),
    Entry(*b"PA"),
    Entry(*b"PE"),
    Entry(*b"PF"),
    Entry(*b"PG"),
    Entry(*b"PH"),
    Entry(*b"PK"),
    Entry(*b"PL"),
    Entry(*b"PM"),
    Entry(*b"PN"),
    Entry(*b"PR"),
    Entry(*b"PS"),
    Entry(*b"PT"),
    Entry(*b"PW"),
    Entry(*b"PY"),
    Entry(*b"QA"),
    Entry(*b"RE"),
    Entry(*b"RO"),
    Entry(*b"RS"),
    Entry(*b"RU"),
    Entry(*b"RW"),
    Entry(*b"SA"),
    Entry(*b"SB"),
    Entry(*b"SC"),
    Entry(*b"SD"),
    Entry(*b"SE"),
    Entry(*b"SG"),
    Entry(*b"SH"),
    Entry(*b"SI"),
    Entry(*b"SJ"),
    Entry(*b"SK"),
    Entry(*b"SL"),
    Entry(*b"SM"),
    Entry(*b"SN"),
    Entry(*b"SO"),
    Entry(*b"SR"),
    Entry(*b"SS"),
    Entry(*b"ST"),
    Entry(*b"SV"),
    Entry(*b"SX"),
    Entry(*b"SY"),
    Entry(*b"SZ"),
    Entry(*b"TC"),
    Entry(*b"TD"),
    Entry(*b"TF"),
    Entry(*b"TG"),
    Entry(*b"TH"),
    Entry(*b"TJ"),
    Entry(*b"TK"),
    Entry(*b"TL"),
    Entry(*b"TM"),
    Entry(*b"TN"),
    Entry(*b"TO"),
    Entry(*b"TR"),
    Entry(*b"TT"),
    Entry(*b"TV"),
    Entry(*b"TW"),
    Entry(*b"TZ"),
    Entry(*b"UA"),
    Entry(*b"UG"),
    Entry(*b"UM"),
    Entry(*b"US"),
    Entry(*b"UY"),
    Entry(*b"UZ"),
    Entry(*b"VA"),
    Entry(*b"VC"),
    Entry(*b"VE"),
    Entry(*b"VG"),
    Entry(*b"VI"),
    Entry(*b"VN"),
    Entry(*b"VU"),
    Entry(*b"WF"),
    Entry(*b"WS"),
    Entry(*b"YE"),
    Entry(*b"YT"),
    Entry(*b"ZA"),
    Entry(*b"ZM"),
    Entry(*b"ZW"),
];

impl Country {
    /// A placeholder for a profile slot not read yet, or a host that was
    /// refused (ISO 3166-1 reserves `ZZ` for an unknown state); never in a
    /// report.
    pub const SLOT: Self = Self(*b"ZZ");
    /// Armenia (EAEU member).
    pub const AM: Self = Self(*b"AM");
    /// Belarus (EAEU member).
    pub const BY: Self = Self(*b"BY");
    /// Kazakhstan (EAEU member).
    pub const KZ: Self = Self(*b"KZ");
    /// Kyrgyzstan (EAEU member).
    pub const KG: Self = Self(*b"KG");
    /// Russia (EAEU member).
    pub const RU: Self = Self(*b"RU");
    /// Tajikistan.
    pub const TJ: Self = Self(*b"TJ");
    /// Turkmenistan.
    pub const TM: Self = Self(*b"TM");
    /// Uzbekistan.
    pub const UZ: Self = Self(*b"UZ");

    /// Looks up a code given as two ASCII letters of either case.
    #[must_use]
    pub fn from_code_bytes(bytes: [u8; 2]) -> Option<Self> {
        let [a, b] = bytes;
        if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) {
            return None;
        }
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        assigned(code).then_some(Self(code))
    }

    /// Looks up an alpha-2 code of either case, and nothing else: the form
    /// rule files use, where a name would be one more way to say the same.
    #[must_use]
    pub fn from_code(text: &str) -> Option<Self> {
        match *text.as_bytes() {
            [a, b] => Self::from_code_bytes([a, b]),
            _ => None,
        }
    }

    /// The upper-case alpha-2 code, e.g. `"KG"`.
    #[must_use]
    pub fn code(&self) -> &str {
        // Always two upper-case ASCII letters, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The code's position among the 26 x 26 two-letter codes, below
    /// [`INDICES`]: lets tables be indexed by country without a search.
    #[inline]
    pub(crate) fn index(self) -> usize {
        // Always two upper-case ASCII letters, so this is below 26 * 26.
        let [a, b] = self.0;
        usize::from(a.wrapping_sub(b'A')) * 26 + usize::from(b.wrapping_sub(b'A'))
    }
}

/// Which of the 26 x 26 two-letter codes are assigned: bit `b` of row `a`
/// for the code `[b'A' + a, b'A' + b]`. Profiles name countries on every
/// line of a batch, and a bit test is much cheaper than a search of the table.
static ASSIGNED: std::sync::LazyLock<[u32; 26]> = std::sync::LazyLock::new(|| {
    let mut rows = [0u32; 26];
    for e in &TABLE {
        let [a, b] = e.0;
        if let Some(row) = rows.get_mut(usize::from(a.wrapping_sub(b'A'))) {
            *row |= 1u32
                .checked_shl(u32::from(b.wrapping_sub(b'A')))
                .unwrap_or(0);
        }
    }
    rows
});

/// Whether an upper-case two-letter code is assigned.
fn assigned([a, b]: [u8; 2]) -> bool {
    let bit = 1u32
        .checked_shl(u32::from(b.wrapping_sub(b'A')))
        .unwrap_or(0);
    ASSIGNED
        .get(usize::from(a.wrapping_sub(b'A')))
        .is_some_and(|row| row & bit != 0)
}

/// How many values [`Country::index`] can take.
pub(crate) const INDICES: usize = 26 * 26;

/// Every officially assigned country, in code order.
#[must_use]
pub fn all() -> impl ExactSizeIterator<Item = Country> {
    TABLE.iter().map(|e| Country(e.0))
}

impl FromStr for Country {
    type Err = UnknownCountry;

    /// Reads an alpha-2 code of either case (`KG`, `kg`), or a country's
    /// name in English or Russian, any case (`Kyrgyzstan`, `Кыргызстан`,
    /// `Kyrgyz Republic`); spaces around either are ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Codes first, without trimming: they are what a batch line holds.
        Self::from_code(s)
            .or_else(|| Self::from_code(s.trim()))
            .or_else(|| names::lookup(s))
            .ok_or_else(|| UnknownCountry(s.to_owned()))
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.code())
    }
}

impl schemars::JsonSchema for Country {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountryCode".into()
    }

    /// As reports write it: the ISO 3166-1 alpha-2 code, upper case.
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = serde_json::Map::new();
        schema.insert("type".to_owned(), "string".into());
        schema.insert("pattern".to_owned(), "^[A-Z]{2}$".into());
        schema.insert(
            "description".to_owned(),
            "An ISO 3166-1 alpha-2 country code, upper case.".into(),
        );
        schemars::Schema::from(schema)
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Accepts a string and parses it with [`Country::from_str`].
        struct CountryVisitor;

        impl Visitor<'_> for CountryVisitor {
            type Value = Country;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an ISO 3166-1 alpha-2 country code such as \"KG\", or a country's name",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Country, E> {
                v.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(CountryVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Lang;
    use std::collections::HashSet;

    #[test]
    fn table_has_249_sorted_unique_upper_case_codes() {
        assert_eq!(TABLE.len(), 249);
        assert_eq!(all().count(), 249);
        assert_eq!(all().len(), 249);
        for pair in TABLE.windows(2) {
            assert!(pair[0].0 < pair[1].0, "{:?} !< {:?}", pair[0].0, pair[1].0);
        }
        for e in &TABLE {
            assert!(e.0.iter().all(u8::is_ascii_uppercase));
        }
        for lang in Lang::ALL {
            // Each language names every country itself, and nothing else.
            let ids = crate::locale::ids(lang, "countries").unwrap();
            assert_eq!(ids.len(), 249, "{}", lang.code());
            for c in all() {
                let id = format!("country-{}", c.code());
                let name = crate::locale::format(lang, &id, None);
                assert!(name.is_ok(), "{} {id}: {name:?}", lang.code());
            }
            let names: HashSet<_> = all().map(|c| lang.country_name(c)).collect();
            assert_eq!(names.len(), 249, "{}", lang.code());
            for name in names {
                assert!(!name.is_empty(), "{}", lang.code());
                assert_eq!(name.trim(), name, "{}", lang.code());
            }
        }
    }

    #[test]
    fn every_code_round_trips_through_from_str() {
        for c in all() {
            assert_eq!(c.code().parse::<Country>().unwrap(), c);
            assert_eq!(c.code().to_lowercase().parse::<Country>().unwrap(), c);
            for lang in Lang::ALL {
                assert!(!lang.country_name(c).is_empty());
            }
        }
    }

    #[test]
    fn parsing_is_case_insensitive() {
        for s in ["uz", "UZ", "Uz", "uZ"] {
            assert_eq!(s.parse::<Country>().unwrap(), Country::UZ);
        }
        assert_eq!("kg".parse::<Country>().unwrap().code(), "KG");
    }

    #[test]
    fn rejects_non_codes() {
        for s in [
            "XX", "XK", "SU", "YU", "EU", "UK", "K", "KGZ", "", "K G", "K1", "12", "КГ", "ÄÖ",
        ] {
            let err = s.parse::<Country>().unwrap_err();
            assert_eq!(err, UnknownCountry(s.to_owned()));
        }
        assert_eq!(
            "XX".parse::<Country>().unwrap_err().to_string(),
            "`XX` is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`"
        );
        assert_eq!(
            " ".parse::<Country>().unwrap_err().to_string(),
            "an empty string is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`"
        );
        assert!(Country::from_code("Kyrgyzstan").is_none());
        assert!(Country::from_code(" KG").is_none());
        assert_eq!(Country::from_code("kg"), Some(Country::KG));
        assert_eq!(Country::from_code_bytes(*b"xx"), None);
        assert_eq!(Country::from_code_bytes(*b"k\0"), None);
        assert_eq!(Country::from_code_bytes(*b"kz"), Some(Country::KZ));
    }

    #[test]
    fn names_and_spaced_codes_are_read_as_codes() {
        for s in [
            " KG",
            "KG ",
            "Kyrgyzstan",
            "КЫРГЫЗСТАН",
            "Kyrgyz Republic",
            "киргизия",
        ] {
            assert_eq!(s.parse::<Country>().unwrap(), Country::KG, "{s}");
        }
        assert_eq!("Россия".parse::<Country>().unwrap().code(), "RU");
    }

    #[test]
    fn a_misspelt_name_is_refused_with_the_name_meant() {
        let err = "Kyrgyzstn".parse::<Country>().unwrap_err().to_string();
        assert!(
            err.starts_with("`Kyrgyzstn` is not a country code or name: expected"),
            "{err}"
        );
        assert!(err.ends_with("; did you mean `Kyrgyzstan` (KG)?"), "{err}");
        let long = "Z".repeat(5000).parse::<Country>().unwrap_err().to_string();
        assert!(long.len() < 400, "{long}");
    }

    #[test]
    fn names_in_both_languages() {
        let cases = [
            ("KG", "Kyrgyzstan", "Кыргызстан"),
            ("KZ", "Kazakhstan", "Казахстан"),
            ("RU", "Russia", "Россия"),
            ("UZ", "Uzbekistan", "Узбекистан"),
            ("AM", "Armenia", "Армения"),
            ("BY", "Belarus", "Беларусь"),
            ("TJ", "Tajikistan", "Таджикистан"),
            ("TM", "Turkmenistan", "Туркменистан"),
        ];
        for (code, en, ru) in cases {
            let c: Country = code.parse().unwrap();
            assert_eq!(Lang::En.country_name(c), en);
            assert_eq!(Lang::Ru.country_name(c), ru);
        }
    }

    #[test]
    fn named_constants_are_in_the_table() {
        for (c, code) in [
            (Country::AM, "AM"),
            (Country::BY, "BY"),
            (Country::KZ, "KZ"),
            (Country::KG, "KG"),
            (Country::RU, "RU"),
            (Country::TJ, "TJ"),
            (Country::TM, "TM"),
            (Country::UZ, "UZ"),
        ] {
            assert_eq!(c.code(), code);
            assert!(TABLE.iter().any(|e| e.0 == c.0));
        }
    }

    #[test]
    fn display_and_debug() {
        assert_eq!(Country::KG.to_string(), "KG");
        assert_eq!(format!("{:>4}|", Country::KG), "  KG|");
        assert_eq!(format!("{:?}", Country::KG), "Country(KG)");
    }

    #[test]
    fn serde_round_trip() {
        let json = serde_json::to_string(&Country::KG).unwrap();
        assert_eq!(json, "\"KG\"");
        assert_eq!(serde_json::from_str::<Country>(&json).unwrap(), Country::KG);
        assert_eq!(
            serde_json::from_str::<Country>("\"uz\"").unwrap(),
            Country::UZ
        );

        let list: Vec<Country> = all().collect();
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Country>>(&json).unwrap(), list);
    }

    #[test]
    fn serde_errors_name_the_bad_value() {
        let err = serde_json::from_str::<Country>("\"XK\"").unwrap_err();
        assert!(
            err.to_string()
                .contains("`XK` is not a country code or name"),
            "{err}"
        );
        let err = serde_json::from_str::<Country>("42").unwrap_err();
        assert!(err.to_string().contains("alpha-2"), "{err}");
    }

    #[test]
    fn ordering_follows_codes() {
        assert!(Country::AM < Country::KG);
        let mut v = vec![Country::UZ, Country::AM, Country::RU];
        v.sort();
        assert_eq!(v, [Country::AM, Country::RU, Country::UZ]);
    }

    #[test]
    fn indices_are_distinct_and_in_range() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(c.index() < INDICES, "{c:?}");
            assert!(seen.insert(c.index()), "{c:?}");
        }
    }

    #[test]
    fn the_bitmap_agrees_with_the_table() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let in_table = TABLE.iter().any(|e| e.0 == [a, b]);
                assert_eq!(assigned([a, b]), in_table, "{}{}", a as char, b as char);
            }
        }
    }
}
