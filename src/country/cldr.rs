//! The country names checked against CLDR's region names, through ICU4X
//! (`icu_experimental`'s display names, a dev-dependency while ICU4X calls
//! them experimental): every name CLDR gives is accepted as input, and
//! the name a report prints is CLDR's, its abbreviations spelled out,
//! unless `not_cldr.tsv` gives the reason it is not.

use std::str::FromStr;

use icu_experimental::displaynames::multi::RegionDisplayNames;
use icu_experimental::displaynames::DisplayNamesOptions;
use icu_locale_core::subtags::Region;

use super::{all, Country};
use crate::report::wording::Lang;

/// The deliberate exceptions: code, language and reason, a row each.
const NOT_CLDR: &str = include_str!("not_cldr.tsv");

/// Every language a report can be read in, with its CLDR locale (its
/// code): a language added is checked as soon as its folder is there.
fn langs() -> impl Iterator<Item = (Lang, &'static str)> {
    Lang::ALL.into_iter().map(|l| (l, l.code()))
}

fn region_names(locale: &str) -> RegionDisplayNames {
    let locale: icu_locale_core::Locale = locale.parse().unwrap();
    RegionDisplayNames::try_new(locale.into(), DisplayNamesOptions::default()).unwrap()
}

/// CLDR's name of a country.
fn cldr(names: &RegionDisplayNames, c: Country) -> String {
    let region = Region::try_from_str(c.code()).unwrap();
    names.of(region).unwrap_or_default().to_owned()
}

/// A CLDR name with its abbreviations spelled out, in sentence case.
fn spelled_out(name: &str) -> String {
    let mut out = name.to_owned();
    for (short, long) in [
        (" & ", " and "),
        ("St. ", "Saint "),
        ("U.S. ", "United States "),
        ("о-ва", "острова"),
        ("о-в", "остров"),
        ("Св. ", "Святой "),
    ] {
        out = out.replace(short, long);
    }
    let mut chars = out.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The exceptions' codes and languages; each row must have a reason.
fn exceptions() -> Vec<(Country, &'static str)> {
    NOT_CLDR
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            let [code, lang, reason] = columns[..] else {
                panic!("not_cldr.tsv: `{line}` is not code, language, reason");
            };
            assert!(reason.len() > 20, "not_cldr.tsv: `{line}` gives no reason");
            assert!(langs().any(|(_, l)| l == lang), "not_cldr.tsv: `{line}`");
            (Country::from_code(code).unwrap(), lang)
        })
        .collect()
}

#[test]
fn cldr_names_of_every_country_are_accepted() {
    let mut refused = Vec::new();
    for (_, locale) in langs() {
        let names = region_names(locale);
        for c in all() {
            let name = cldr(&names, c);
            assert!(!name.is_empty(), "CLDR has no {locale} name for {c:?}");
            for name in [name.clone(), spelled_out(&name)] {
                if Country::from_str(&name).ok() != Some(c) {
                    refused.push(format!("{}\t{name}", c.code()));
                }
            }
        }
    }
    assert!(
        refused.is_empty(),
        "add these rows to names.tsv:\n{}",
        refused.join("\n")
    );
}

#[test]
fn reports_print_cldrs_names_unless_a_reason_is_given() {
    let exceptions = exceptions();
    let mut wrong = Vec::new();
    let mut needless = Vec::new();
    for (lang, locale) in langs() {
        let names = region_names(locale);
        for c in all() {
            let cldr = spelled_out(&cldr(&names, c));
            let printed = lang.country_name(c);
            let excepted = exceptions.contains(&(c, locale));
            if printed != cldr && !excepted {
                wrong.push(format!(
                    "{locale} {}: prints `{printed}`, CLDR `{cldr}`",
                    c.code()
                ));
            }
            if printed == cldr && excepted {
                needless.push(format!("{locale} {}", c.code()));
            }
        }
    }
    assert!(wrong.is_empty(), "names not CLDR's:\n{}", wrong.join("\n"));
    assert!(
        needless.is_empty(),
        "exceptions that are CLDR's: {needless:?}"
    );
    // The one exception a reader in Central Asia sees most.
    assert_eq!(Lang::Ru.country_name(Country::KG), "Кыргызстан");
    assert_eq!(Country::from_str("Киргизия"), Ok(Country::KG));
}

#[test]
fn abbreviations_are_spelled_out() {
    assert_eq!(spelled_out("St. Kitts & Nevis"), "Saint Kitts and Nevis");
    assert_eq!(spelled_out("о-в Св. Елены"), "Остров Святой Елены");
    assert_eq!(spelled_out("Фарерские о-ва"), "Фарерские острова");
}
