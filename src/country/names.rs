//! Countries by name: the names each language gives the countries
//! (`src/locales/*/countries.ftl`), and the other names people write (`names.tsv`: long forms, older
//! and colloquial names), looked up case-insensitively.
//!
//! The names are data, not code: adding a variant is one row of the table,
//! and a test checks that every row names an assigned code and that no
//! name, once normalised, belongs to two countries. A name is only ever a
//! way in: reports and JSON always say the upper-case code.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Country;

/// The extra names, one `CODE<TAB>name` a row; `#` starts a comment.
const EXTRA: &str = include_str!("names.tsv");

/// No name in either table is longer; longer text is not looked at, so a
/// hostile megabyte string costs nothing to refuse.
const MAX_NAME_BYTES: usize = 200;

/// A name as the lookup knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Name {
    /// The country it names.
    pub(super) country: Country,
    /// The name as written in the table, for a "did you mean" hint.
    pub(super) written: &'static str,
    /// Whether a hint may offer it: not a mere spelling of another name.
    offered: bool,
}

/// Every name, normalised, to its country; built once, on the first name
/// (codes never need it).
static NAMES: LazyLock<HashMap<String, Name>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for name in table_names().chain(extra_names().filter_map(Result::ok)) {
        // A name given twice keeps its first country; the tests make sure
        // no name is given to two.
        map.entry(normalise(name.written)).or_insert(name);
    }
    map
});

/// The names each language gives the countries, English's first.
fn table_names() -> impl Iterator<Item = Name> {
    crate::report::Lang::ALL.into_iter().flat_map(|lang| {
        super::all().map(move |country| Name {
            country,
            written: lang.country_name(country),
            offered: true,
        })
    })
}

/// The rows of `names.tsv`; a row that cannot be read is an `Err` with
/// the row (only the tests look at those: the table is part of the build).
fn extra_names() -> impl Iterator<Item = Result<Name, &'static str>> {
    EXTRA
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let mut columns = line.split('\t');
            let country = columns.next().and_then(Country::from_code).ok_or(line)?;
            let written = columns.next().map(str::trim).unwrap_or_default();
            let offered = match columns.next() {
                None => true,
                Some("spelling") => false,
                Some(_) => return Err(line),
            };
            if written.is_empty() || columns.next().is_some() {
                return Err(line);
            }
            Ok(Name {
                country,
                written,
                offered,
            })
        })
}

/// The name's form for matching: trimmed, lower case, `ё` as `е`, typed
/// apostrophes as `'`, and every run of spaces, hyphens and dashes as one
/// space.
pub(super) fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut gap = false;
    for c in text.trim().chars() {
        if c.is_whitespace() || matches!(c, '-' | '\u{2010}'..='\u{2014}') {
            gap = true;
            continue;
        }
        if gap && !out.is_empty() {
            out.push(' ');
        }
        gap = false;
        // Char by char differs from `str::to_lowercase` only for a final
        // Greek sigma, which no country name in these tables has.
        for lower in c.to_lowercase() {
            out.push(match lower {
                'ё' => 'е',
                '\u{2019}' | '\u{02bc}' | '`' => '\'',
                other => other,
            });
        }
    }
    out
}

/// The country a name names, if any.
pub(super) fn lookup(text: &str) -> Option<Country> {
    if text.len() > MAX_NAME_BYTES {
        return None;
    }
    NAMES.get(&normalise(text)).map(|n| n.country)
}

/// The name closest to a text that names no country, when it is close
/// enough to be a likely misspelling: the country of the nearest name, and
/// of that country's names that a hint may offer, the nearest.
pub(super) fn closest(text: &str) -> Option<Name> {
    if text.len() > MAX_NAME_BYTES {
        return None;
    }
    let wrong = normalise(text);
    let first = wrong.chars().next();
    // Distances count characters, not bytes, so a Cyrillic name is held
    // to the same standard as a Latin one. A tie goes to the name with the
    // same first letter, then to the first in alphabetical order, so the
    // hint does not depend on the map's order.
    let nearest = |offered_only: Option<Country>| {
        NAMES
            .iter()
            .filter(|(_, name)| offered_only.is_none_or(|c| name.offered && name.country == c))
            .map(|(key, name)| {
                let distance = crate::json::edit_distance(&wrong, key);
                let other_start = key.chars().next() != first;
                (
                    distance,
                    other_start,
                    name.written,
                    key.chars().count(),
                    *name,
                )
            })
            .min_by(|a, b| (a.0, a.1, a.2).cmp(&(b.0, b.1, b.2)))
    };
    let (distance, _, _, chars, meant) = nearest(None)?;
    if distance > allowed_edits(chars) {
        return None;
    }
    if meant.offered {
        return Some(meant);
    }
    // The nearest is a spelling (`Kazakstan`): offer the country's name.
    nearest(Some(meant.country)).map(|(_, _, _, _, name)| name)
}

/// How many edits a name of `chars` characters may be away from a text
/// for the text to read as a misspelling of it: a quarter of the name, at
/// least two, but one for short names (`Iran`, `РФ`), which any short
/// text is two edits from.
fn allowed_edits(chars: usize) -> usize {
    if chars <= 4 {
        1
    } else {
        2.max(chars / 4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_of_the_table_reads_and_names_an_assigned_code() {
        let bad: Vec<&str> = extra_names().filter_map(Result::err).collect();
        assert!(bad.is_empty(), "rows that do not read: {bad:?}");
        assert!(extra_names().count() > 100);
    }

    #[test]
    fn no_name_belongs_to_two_countries() {
        let mut seen: HashMap<String, (Country, &str)> = HashMap::new();
        let all = table_names().chain(extra_names().map(Result::unwrap));
        for Name {
            country,
            written: name,
            ..
        } in all
        {
            let key = normalise(name);
            assert!(!key.is_empty(), "{country:?}: empty name");
            if let Some((other, first)) = seen.get(&key) {
                assert_eq!(
                    *other, country,
                    "`{name}` ({country:?}) and `{first}` ({other:?}) read alike"
                );
            }
            seen.insert(key, (country, name));
        }
    }

    #[test]
    fn no_extra_name_repeats_another() {
        // A repeated row is harmless but is noise in a table people edit.
        let table: Vec<String> = table_names().map(|n| normalise(n.written)).collect();
        let mut extra: Vec<String> = Vec::new();
        for Name {
            country,
            written: name,
            ..
        } in extra_names().map(Result::unwrap)
        {
            let key = normalise(name);
            assert!(
                !table.contains(&key),
                "{country:?} `{name}` is in the code table"
            );
            assert!(!extra.contains(&key), "{country:?} `{name}` is given twice");
            extra.push(key);
        }
    }

    #[test]
    fn no_name_reads_as_a_code() {
        // A two-letter name would shadow or be shadowed by a code.
        for name in table_names().chain(extra_names().map(Result::unwrap)) {
            assert!(
                Country::from_code(name.written).is_none(),
                "{:?}: `{}` is a code",
                name.country,
                name.written
            );
        }
    }

    #[test]
    fn names_match_whatever_the_case_spacing_and_yo() {
        let cases = [
            ("Kyrgyzstan", "KG"),
            ("kyrgyz republic", "KG"),
            ("KIRGHIZIA", "KG"),
            ("Кыргызстан", "KG"),
            ("киргизия", "KG"),
            ("Кыргызская  Республика", "KG"),
            ("Russia", "RU"),
            ("Russian Federation", "RU"),
            ("россия", "RU"),
            ("Российская Федерация", "RU"),
            ("Belarus", "BY"),
            ("Беларусь", "BY"),
            ("Белоруссия", "BY"),
            (" Kazakhstan ", "KZ"),
            ("Казахстан", "KZ"),
            ("Armenia", "AM"),
            ("Армения", "AM"),
            ("Uzbekistan", "UZ"),
            ("Узбекистан", "UZ"),
            ("Tajikistan", "TJ"),
            ("Таджикистан", "TJ"),
            ("Turkmenistan", "TM"),
            ("Туркменистан", "TM"),
            ("Moldova", "MD"),
            ("Молдова", "MD"),
            ("Молдавия", "MD"),
            ("China", "CN"),
            ("Китай", "CN"),
            ("Azerbaijan", "AZ"),
            ("Азербайджан", "AZ"),
            ("Georgia", "GE"),
            ("Грузия", "GE"),
            ("Ukraine", "UA"),
            ("Украина", "UA"),
            ("Mongolia", "MN"),
            ("Монголия", "MN"),
            ("Turkey", "TR"),
            ("Türkiye", "TR"),
            ("Турция", "TR"),
            ("India", "IN"),
            ("Индия", "IN"),
            ("Afghanistan", "AF"),
            ("Афганистан", "AF"),
            ("Iran", "IR"),
            ("Иран", "IR"),
            ("Cuba", "CU"),
            ("Куба", "CU"),
            ("Germany", "DE"),
            ("Германия", "DE"),
            ("USA", "US"),
            ("United States", "US"),
            ("США", "US"),
            ("Соединённые Штаты Америки", "US"),
            ("guinea bissau", "GW"),
            ("Guinea--Bissau", "GW"),
            ("Côte d’Ivoire", "CI"),
            ("Папуа Новая Гвинея", "PG"),
        ];
        for (name, code) in cases {
            assert_eq!(
                lookup(name).map(|c| c.code().to_owned()).as_deref(),
                Some(code),
                "{name}"
            );
        }
        for text in ["", "  ", "Kyrgyzstn", "Korea", "Kinshasa", "EU", "x"] {
            assert_eq!(lookup(text), None, "{text}");
        }
        assert_eq!(lookup(&"Russia ".repeat(100)), None);
    }

    #[test]
    fn a_close_misspelling_gets_the_name_it_misses() {
        let hint = |text: &str| closest(text).map(|n| (n.written, n.country.code().to_owned()));
        assert_eq!(hint("Kyrgyzstn"), Some(("Kyrgyzstan", "KG".to_owned())));
        assert_eq!(hint("kirgizstan"), Some(("Kyrgyzstan", "KG".to_owned())));
        assert_eq!(hint("Узбекистон"), Some(("Узбекистан", "UZ".to_owned())));
        assert_eq!(hint("Russai"), Some(("Russia", "RU".to_owned())));
        assert_eq!(hint("Atlantis"), None);
        assert_eq!(hint("XX"), None);
        assert_eq!(hint("UK"), None);
        assert_eq!(hint("Irn"), Some(("Iran", "IR".to_owned())));
        // Nearest to a spelling that is accepted but not offered.
        assert_eq!(hint("Kazakstn"), Some(("Kazakhstan", "KZ".to_owned())));
        assert_eq!(hint("Кыргызстн"), Some(("Кыргызстан", "KG".to_owned())));
        assert_eq!(hint(&"Z".repeat(5000)), None);
    }
}
