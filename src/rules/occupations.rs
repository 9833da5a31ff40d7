//! Load-time checks of the `occupations` section: the table that maps job
//! titles to categories of work (see `engine::occupations` for matching).
//!
//! A table that cannot be read as intended is refused when the pack loads:
//! a misspelt category key, an entry listed twice or a one-letter stem
//! would otherwise classify titles silently wrong.

use std::collections::{HashMap, HashSet};

use super::compile::did_you_mean;
use super::raw::RawOccupations;
use crate::engine::occupations::{
    entry_text, normalise, parse_entry, Class, EntryError, Occupations, MIN_STEM,
};
use crate::locate::JsonPath;

/// The key of `titles` for titles that do not tell the kind of work.
pub(crate) const AMBIGUOUS: &str = "ambiguous";

/// One problem in the section: where, what, and what to do about it.
pub(crate) type Problem = (JsonPath, String, Option<String>);

/// Checks a section found at `root` and builds its table; every problem
/// goes to `problems`. `None` when there was any.
pub(crate) fn compile(
    raw: &RawOccupations,
    root: &JsonPath,
    problems: &mut Vec<Problem>,
) -> Option<Occupations> {
    let before = problems.len();
    let mut categories: Vec<String> = Vec::new();
    for (i, name) in raw.categories.iter().enumerate() {
        let at = root.key("categories").index(i);
        let normal = normalise(name);
        if normal.is_empty() || *normal != **name {
            let help = (!normal.is_empty()).then(|| format!("write `{normal}`"));
            let message = format!(
                "`{name}` is not a category name: write lower-case words of letters and digits, separated by single spaces"
            );
            problems.push((at, message, help));
        } else if name == AMBIGUOUS {
            let message = format!("`{AMBIGUOUS}` cannot be a category: it is the `titles` key for titles that do not tell the kind of work");
            problems.push((at, message, None));
        } else if categories.contains(name) {
            problems.push((at, format!("the category `{name}` is listed twice"), None));
        } else {
            categories.push(name.clone());
        }
    }
    if raw.categories.is_empty() {
        let message = "no categories: list the kinds of work titles are mapped to".to_owned();
        problems.push((root.key("categories"), message, None));
    }

    let mut entries = Vec::new();
    // Each entry's normalised text and where it was first listed.
    let mut seen: HashMap<String, JsonPath> = HashMap::new();
    let declared: HashSet<&str> = raw.categories.iter().map(String::as_str).collect();
    for (key, titles) in &raw.titles {
        let at = root.key("titles").key(key);
        let class = if key == AMBIGUOUS {
            Class::Ambiguous
        } else if let Some(i) = categories.iter().position(|c| c == key) {
            Class::Category(i)
        } else {
            // A category listed but refused above has its own error.
            if !declared.contains(key.as_str()) {
                let keys = raw.categories.iter().map(String::as_str).chain([AMBIGUOUS]);
                let help = did_you_mean(key, keys.clone()).or_else(|| {
                    Some(format!(
                        "the keys of `titles` are the categories and `{AMBIGUOUS}`: {}",
                        keys.collect::<Vec<_>>().join(", ")
                    ))
                });
                let message = format!("`{key}` is not a declared category");
                problems.push((at, message, help));
            }
            continue;
        };
        for (i, title) in titles.iter().enumerate() {
            let at = at.index(i);
            match parse_entry(title) {
                Ok(words) => {
                    let text = entry_text(&words);
                    if let Some(first) = seen.get(&text) {
                        let message = format!("the entry `{text}` is listed twice");
                        let help = Some(format!("it is also at `{first}`"));
                        problems.push((at, message, help));
                    } else {
                        seen.insert(text, at);
                        entries.push((words, class));
                    }
                }
                Err(e) => problems.push((at, entry_problem(&e), None)),
            }
        }
    }
    (problems.len() == before).then(|| Occupations::new(categories, entries))
}

/// What is wrong with an entry of the occupations table, for the pack's
/// author.
fn entry_problem(e: &EntryError) -> String {
    match e {
        EntryError::NotAWord(raw) => format!(
            "`{raw}` is not a word: write letters and digits, with `*` only at the end of a word (titles are matched with punctuation read as spaces, so write `тренер преподаватель` for `тренер-преподаватель`)"
        ),
        EntryError::StemTooShort(raw) => format!(
            "the stem `{raw}` is too short: a stem needs at least {MIN_STEM} letters before its `*`, or it would match too many words"
        ),
        EntryError::Empty => "an empty entry: write one or more words".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(json: serde_json::Value) -> Result<Occupations, Vec<String>> {
        let raw: RawOccupations = serde_json::from_value(json).unwrap();
        let mut problems = Vec::new();
        compile(&raw, &JsonPath::root(), &mut problems).ok_or_else(|| {
            problems
                .into_iter()
                .map(|(path, message, _)| format!("{path}: {message}"))
                .collect()
        })
    }

    #[test]
    fn a_good_table_loads() {
        let t = check(serde_json::json!({
            "categories": ["medical", "other"],
            "titles": {"medical": ["врач*", "nurse"], "other": ["driver*"], "ambiguous": ["nann*"]}
        }))
        .unwrap();
        assert_eq!(t.categories(), ["medical", "other"]);
        assert_eq!(t.classify("врачи"), Some(0));
        // A category may have no titles of its own.
        assert!(check(serde_json::json!({"categories": ["medical"], "titles": {}})).is_ok());
    }

    #[test]
    fn every_problem_is_named_with_its_path() {
        let errors = check(serde_json::json!({
            "categories": ["medical", "Medical", "ambiguous", "medical", ""],
            "titles": {
                "medicl": ["x"],
                "medical": ["врач*", "", "вр*", "тренер-преподаватель", "Врач*"]
            }
        }))
        .unwrap_err();
        let expected = [
            "categories[1]: `Medical` is not a category name",
            "categories[2]: `ambiguous` cannot be a category",
            "categories[3]: the category `medical` is listed twice",
            "categories[4]: `` is not a category name",
            "titles.medical[1]: an empty entry",
            "titles.medical[2]: the stem `вр*` is too short",
            "titles.medical[3]: `тренер-преподаватель` is not a word",
            "titles.medical[4]: the entry `врач*` is listed twice",
            "titles.medicl: `medicl` is not a declared category",
        ];
        assert_eq!(errors.len(), expected.len(), "{errors:#?}");
        for want in expected {
            assert!(
                errors.iter().any(|e| e.starts_with(want)),
                "{want} not in {errors:#?}"
            );
        }
    }

    /// A pack of a header, a status definition and the given files.
    fn load(files: &[(&str, &str)]) -> Result<crate::engine::RulePack, String> {
        let header = r#"{"pack": {"name": "t", "version": "0", "status": "s",
            "day_count": "event_day_is_day_1", "disclaimer": "t"},
            "definitions": {"s": {"expr": true}}}"#;
        let mut all = vec![crate::rules::SourceFile {
            path: "pack.json".to_owned(),
            text: header.to_owned(),
        }];
        all.extend(files.iter().map(|(path, text)| crate::rules::SourceFile {
            path: (*path).to_owned(),
            text: (*text).to_owned(),
        }));
        crate::rules::compile(&all).map_err(|e| e.to_string())
    }

    #[test]
    fn errors_name_the_file_line_and_column() {
        let text = "{\"occupations\": {\n  \"categories\": [\"medical\"],\n  \"titles\": {\n    \"medical\": [\"врач*\", \"вр*\"],\n    \"medicl\": []\n  }\n}}";
        let e = load(&[("occ.json", text)]).unwrap_err();
        assert_eq!(
            e.lines().filter(|l| l.starts_with("error:")).collect::<Vec<_>>(),
            [
                "error: occ.json:4:26: `occupations.titles.medical[1]`: the stem `вр*` is too short: a stem needs at least 3 letters before its `*`, or it would match too many words",
                "error: occ.json:5:15: `occupations.titles.medicl`: `medicl` is not a declared category",
            ]
        );
        assert!(e.contains("help: did you mean `medical`?"), "{e}");
    }

    #[test]
    fn a_second_section_names_both_files() {
        let table = r#"{"occupations": {"categories": ["other"], "titles": {}}}"#;
        let e = load(&[("a.json", table), ("b.json", table)]).unwrap_err();
        assert_eq!(
            e,
            "error: b.json:1:17: `occupations`: a second `occupations` section: a pack has one table of job titles\n  help: the first is in a.json"
        );
        assert!(load(&[("a.json", table)]).is_ok());
    }

    #[test]
    fn no_categories_is_an_error() {
        let errors = check(serde_json::json!({"categories": [], "titles": {}})).unwrap_err();
        assert!(
            errors.iter().any(|e| e.contains("no categories")),
            "{errors:?}"
        );
    }
}
