//! The form's tests: reading fields into a profile, and the page.

use super::*;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()
}

#[test]
fn a_kyrgyz_worker_by_name_gives_the_same_profile_as_the_fixture() {
    let pack = crate::rules::embedded_pack().unwrap();
    let data = FormData::from_pairs(pairs(&[
        ("id", "kg-builder-almaty"),
        ("citizenship", "Кыргызстан"),
        ("host", "Kazakhstan"),
        ("entry_date", "01.03.2026"),
        ("contract_kind", "employment"),
        ("contract_start", "2026-03-02"),
        ("contract_end", "01.03.2027"),
        ("occupation", "construction"),
        ("registered", "no"),
        ("permanent_resident", "no"),
        ("family_none", "on"),
        ("as_of", "2026-03-20"),
    ]));
    let from_form = data.to_profile(&pack, today(), Lang::En).unwrap();
    let text = std::fs::read_to_string("fixtures/kg-builder-almaty.json").unwrap();
    let from_file = WorkerProfile::from_json(&text, pack.profile_defaults(today())).unwrap();
    assert_eq!(from_form.to_json(), from_file.to_json());
}

#[test]
fn errors_are_in_the_page_language_and_name_their_field() {
    let pack = crate::rules::embedded_pack().unwrap();
    let data = FormData::from_pairs(pairs(&[
        ("citizenship", "Kyrgystan"),
        ("entry_date", "30.02.2026"),
        ("contract_start", "2026-03-02"),
        ("contract_end", "2026-03-01"),
        ("family-2-birth_date", "2027-01-01"),
    ]));
    let errors = data.to_profile(&pack, today(), Lang::Ru).unwrap_err();
    let fields: Vec<&str> = errors.iter().map(|(f, _)| f).collect();
    assert_eq!(
        fields,
        [
            "citizenship",
            "entry_date",
            "contract_end",
            "family-2-birth_date"
        ]
    );
    assert!(errors.get("entry_date").unwrap().contains("такого дня нет"));
    let errors = FormData::default()
        .to_profile(&pack, today(), Lang::En)
        .unwrap_err();
    assert!(errors.get("citizenship").is_some());
}

#[test]
fn empty_fields_stay_unknown() {
    let pack = crate::rules::embedded_pack().unwrap();
    let data = FormData::from_pairs(pairs(&[("citizenship", "KG"), ("family-0-relation", "")]));
    let p = data.to_profile(&pack, today(), Lang::En).unwrap();
    assert_eq!(p.entry_date, None);
    assert_eq!(p.contract.kind, None);
    assert_eq!(p.family, None);
    assert_eq!(p.registered, None);
    assert!(p.assumed.as_of && p.assumed.permanent_resident);
}

#[test]
fn every_question_has_a_field() {
    for path in [
        "citizenship",
        "host",
        "entry_date",
        "as_of",
        "contract.kind",
        "contract.start",
        "contract.end",
        "contract.effective_end",
        "contract.terminated_on",
        "occupation",
        "occupation_category",
        "registered",
        "permanent_resident",
        "family",
        "family[0].birth_date",
        "birth_date",
    ] {
        assert!(Slot::for_path(path).is_some(), "{path}");
    }
}

#[test]
fn hidden_fields_carry_every_answer_back() {
    let data = FormData::from_pairs(pairs(&[
        ("citizenship", "KG, RU"),
        ("contract_open", "on"),
        ("family-1-relation", "child"),
        ("family-1-birth_date", "2020-01-01"),
        ("occupation", "<b>\"x\"</b>"),
    ]));
    let hidden = data.hidden(&[]);
    let doc = scraper::Html::parse_fragment(&hidden);
    let sel = scraper::Selector::parse("input").unwrap();
    let back: Vec<(String, String)> = doc
        .select(&sel)
        .map(|e| {
            (
                e.value().attr("name").unwrap().to_owned(),
                e.value().attr("value").unwrap().to_owned(),
            )
        })
        .collect();
    let again = FormData::from_pairs(back);
    assert_eq!(again.citizenship, data.citizenship);
    assert_eq!(again.occupation, data.occupation);
    assert!(again.contract_open);
    // The empty first row is dropped: the member is row 0 now.
    assert_eq!(again.family[0].relation, "child");
}
