//! A corpus of broken inputs, each run through the binary with its exact
//! error message (stderr) and exit code snapshotted in tests/it/snapshots/, so a
//! change in wording or location shows up in review.
//!
//! Profiles go through `check --profile`, flags through `check`, rule packs
//! through `rules check DIR` (a copy of the embedded pack with one file
//! added or changed), NDJSON through `batch`.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicUsize, Ordering};

/// A fresh, empty working directory for one case.
fn workdir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "hostile-{}-{name}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)], stdin: Option<&[u8]>) -> Run {
    let mut cmd = crate::common::binary();
    cmd.args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        // A death by a signal (an abort, a stack overflow) is never an
        // acceptable way to refuse input: fail here rather than let a
        // caller's `assert_ne!(code, 0)` take it for a refusal.
        code: out
            .status
            .code()
            .unwrap_or_else(|| panic!("{args:?}: killed by a signal ({:?})", out.status)),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The input as shown in a snapshot: short inputs verbatim (escaped), long
/// ones by size.
fn show_input(bytes: &[u8]) -> String {
    if bytes.len() > 300 {
        return format!("({} bytes)", bytes.len());
    }
    bytes.escape_ascii().to_string()
}

fn snapshot(name: &str, args: &[&str], input: Option<&[u8]>, run: &Run) {
    let mut text = format!("args: {}\n", args.join(" "));
    if let Some(input) = input {
        text.push_str(&format!("input: {}\n", show_input(input)));
    }
    text.push_str(&format!("exit: {}\nstderr:\n{}", run.code, run.stderr));
    insta::assert_snapshot!(name, text);
}

/// `check --profile p.json` on a file with these bytes.
fn profile(name: &str, bytes: &[u8]) {
    let dir = workdir(name);
    std::fs::write(dir.join("p.json"), bytes).unwrap();
    let args = ["check", "--profile", "p.json", "--format", "json"];
    let run = run_in(&dir, &args, &[], None);
    assert_ne!(run.code, 0, "{name}: accepted");
    assert!(run.stdout.is_empty(), "{name}: printed a report");
    snapshot(name, &args, Some(bytes), &run);
}

/// `check` with these flags.
fn flags(name: &str, args: &[&str]) {
    flags_env(name, args, &[]);
}

fn flags_env(name: &str, args: &[&str], env: &[(&str, &str)]) {
    let dir = workdir(name);
    let run = run_in(&dir, args, env, None);
    assert_ne!(run.code, 0, "{name}: accepted");
    snapshot(name, args, None, &run);
}

/// A small pack written here, so that the snapshots do not move whenever
/// the real rules under rules/ are edited.
const MINI_PACK: &[(&str, &str)] = &[
    (
        "pack.json",
        r#"{
  "pack": {
    "name": "mini", "version": "1", "status": "worker", "default_host": "KZ",
    "day_count": "event_day_is_day_1", "disclaimer": "information, not advice"
  }
}
"#,
    ),
    (
        "definitions.json",
        r#"{
  "definitions": {
    "worker": {
      "description": "works under an employment contract",
      "expr": { "eq": [ { "field": "contract.kind" }, "employment" ] }
    }
  }
}
"#,
    ),
    (
        "rules.json",
        r#"{
  "rules": [
    {
      "id": "mini.permit-exemption", "kind": "exemption",
      "title": "No work permit", "summary": "You need no work permit.",
      "source": { "instrument": "Mini Act", "article": "1" },
      "in_force": { "from": "2015-01-01" },
      "when": { "def": "worker" }
    },
    {
      "id": "mini.permit-required", "kind": "obligation",
      "title": "Work permit", "summary": "You need a work permit.",
      "source": { "instrument": "Mini Act", "article": "2" },
      "in_force": { "from": "2015-01-01" },
      "when": { "not": { "def": "worker" } }
    },
    {
      "id": "mini.notice", "kind": "information",
      "title": "Notice", "summary": "Keep your documents.",
      "source": { "instrument": "Mini Act", "article": "3" },
      "in_force": { "from": "2015-01-01" },
      "when": true
    }
  ]
}
"#,
    ),
];

/// The mini pack in `pack/` with `edit` applied.
fn mini_pack_dir(name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let dir = workdir(name);
    let pack = dir.join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    for (path, text) in MINI_PACK {
        std::fs::write(pack.join(path), text).unwrap();
    }
    edit(&pack);
    dir
}

/// A copy of the embedded pack in `pack/` with `edit` applied.
fn pack_dir(name: &str, edit: impl FnOnce(&Path)) -> PathBuf {
    let dir = workdir(name);
    let pack = dir.join("pack");
    for f in eaeu_rights::rules::embedded_files() {
        let path = pack.join(&f.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f.text).unwrap();
    }
    edit(&pack);
    dir
}

/// `rules check pack` on the mini pack after `edit`; must fail with exit 2.
fn rules(name: &str, edit: impl FnOnce(&Path)) {
    let dir = mini_pack_dir(name, edit);
    let ok = run_in(
        &mini_pack_dir("mini_ok", |_| {}),
        &["rules", "check", "pack"],
        &[],
        None,
    );
    assert_eq!(ok.code, 0, "the mini pack itself: {}", ok.stderr);
    let args = ["rules", "check", "pack"];
    let run = run_in(&dir, &args, &[], None);
    assert_eq!(run.code, 2, "{name}: {}{}", run.stdout, run.stderr);
    snapshot(name, &args, None, &run);
}

/// Adds a module `extra.json` with this text.
fn extra(text: &'static str) -> impl FnOnce(&Path) {
    move |pack: &Path| std::fs::write(pack.join("extra.json"), text).unwrap()
}

/// Changes one rule of a pack file: `f` edits the rule's JSON object.
fn edit_rule(
    pack: &Path,
    file: &str,
    id: &str,
    f: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>),
) {
    let path = pack.join(file);
    let mut v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let rule = v["rules"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|r| r["id"] == id)
        .unwrap();
    f(rule.as_object_mut().unwrap());
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

// ---------------------------------------------------------------- profiles

#[test]
fn profile_syntax_and_encoding() {
    profile("profile_empty_file", b"");
    profile("profile_only_whitespace", b"  \r\n\t ");
    profile(
        "profile_bom_then_error",
        "\u{feff}{\"citizenship\": \"XX\"}".as_bytes(),
    );
    profile(
        "profile_crlf_line_ends",
        b"{\r\n  \"citizenship\": \"KG\",\r\n  \"entry_date\": \"2026-02-29\"\r\n}\r\n",
    );
    profile("profile_invalid_utf8", b"{\"citizenship\":\n  \"K\xffG\"}");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("{}".encode_utf16().flat_map(|u| u.to_le_bytes()))
        .collect();
    profile("profile_utf16", &utf16);
    profile("profile_trailing_comma", b"{\"citizenship\": \"KG\",}");
    profile("profile_trailing_text", b"{\"citizenship\": \"KG\"} {}");
    profile("profile_unterminated_string", b"{\"citizenship\": \"KG}");
    profile("profile_missing_brace", b"{\"citizenship\": \"KG\"");
    profile(
        "profile_raw_tab_in_string",
        b"{\"citizenship\": \"KG\", \"occupation\": \"a\tb\"}",
    );
    profile("profile_single_quotes", b"{'citizenship': 'KG'}");
    let deep = format!(
        "{{\"citizenship\": {}{}}}",
        "[".repeat(200),
        "]".repeat(200)
    );
    profile("profile_nested_200_deep", deep.as_bytes());
    let big = format!(
        "{{\"citizenship\": \"KG\", \"occupation\": \"{}\"}}",
        "a".repeat(1_100_000)
    );
    profile("profile_larger_than_1_mib", big.as_bytes());
}

#[test]
fn profile_wrong_types_and_nulls() {
    profile("profile_top_level_array", b"[{\"citizenship\": \"KG\"}]");
    profile("profile_top_level_string", b"\"KG\"");
    profile("profile_null_citizenship", b"{\"citizenship\": null}");
    profile(
        "profile_null_host",
        b"{\"citizenship\": \"KG\", \"host\": null}",
    );
    profile(
        "profile_null_entry_date",
        b"{\"citizenship\": \"KG\", \"entry_date\": null}",
    );
    profile(
        "profile_null_contract",
        b"{\"citizenship\": \"KG\", \"contract\": null}",
    );
    profile(
        "profile_null_family",
        b"{\"citizenship\": \"KG\", \"family\": null}",
    );
    profile(
        "profile_null_family_member",
        b"{\"citizenship\": \"KG\", \"family\": [null]}",
    );
    profile(
        "profile_registered_as_string",
        b"{\"citizenship\": \"KG\", \"registered\": \"yes\"}",
    );
    profile(
        "profile_date_as_number",
        b"{\"citizenship\": \"KG\", \"entry_date\": 20260301}",
    );
    profile(
        "profile_huge_number",
        b"{\"citizenship\": \"KG\", \"registered\": 1e999}",
    );
    profile(
        "profile_huge_integer",
        b"{\"citizenship\": \"KG\", \"registered\": 123456789012345678901234567890}",
    );
    profile(
        "profile_citizenship_number",
        b"{\"citizenship\": [\"KG\", 417]}",
    );
    profile(
        "profile_contract_as_string",
        b"{\"citizenship\": \"KG\", \"contract\": \"employment\"}",
    );
}

#[test]
fn profile_keys() {
    profile(
        "profile_duplicate_key",
        b"{\"citizenship\": \"KG\", \"citizenship\": \"UZ\"}",
    );
    profile(
        "profile_duplicate_nested_key",
        b"{\"citizenship\": \"KG\",\n \"contract\": {\"kind\": \"employment\", \"kind\": \"none\"}}",
    );
    profile(
        "profile_unknown_key_typo",
        b"{\"citizenship\": \"KG\", \"entry_dat\": \"2026-03-01\"}",
    );
    profile(
        "profile_unknown_contract_key",
        b"{\"citizenship\": \"KG\", \"contract\": {\"knd\": \"employment\"}}",
    );
    profile(
        "profile_missing_citizenship",
        b"{\"entry_date\": \"2026-03-01\"}",
    );
}

#[test]
fn profile_values() {
    profile(
        "profile_date_2026_02_29",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"2026-02-29\"}",
    );
    profile(
        "profile_date_year_0000",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"0000-01-01\"}",
    );
    profile(
        "profile_date_year_10000",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"+10000-01-01\"}",
    );
    profile(
        "profile_date_month_13",
        b"{\"citizenship\": \"KG\", \"as_of\": \"2026-13-01\"}",
    );
    // `01.03.2026` is accepted (day first, as written in Kazakhstan and
    // Russia); a one-digit day or month is not, and the message says how.
    profile(
        "profile_date_dotted_one_digit",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"1.3.2026\"}",
    );
    profile(
        "profile_date_dotted_impossible",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"31.02.2026\"}",
    );
    profile(
        "profile_date_slashes",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"01/03/2026\"}",
    );
    profile(
        "profile_country_name_typo",
        "{\"citizenship\": [\"Кыргызстан\", \"Rusia\"], \"host\": \"Kazakstn\"}".as_bytes(),
    );
    profile(
        "profile_empty_citizenship_string",
        b"{\"citizenship\": \"\"}",
    );
    profile(
        "profile_unknown_country",
        b"{\"citizenship\": [\"KG\", \"XX\"]}",
    );
    let many: Vec<&str> = vec!["KG"; 11];
    profile(
        "profile_eleven_citizenships",
        serde_json::json!({ "citizenship": many })
            .to_string()
            .as_bytes(),
    );
    let family: Vec<serde_json::Value> = vec![serde_json::json!({"relation": "child"}); 10_000];
    profile(
        "profile_10000_family_members",
        serde_json::json!({"citizenship": "KG", "family": family})
            .to_string()
            .as_bytes(),
    );
    profile(
        "profile_contract_kind_typo",
        b"{\"citizenship\": \"KG\", \"contract\": {\"kind\": \"employmnt\"}}",
    );
    profile(
        "profile_unknown_relation",
        b"{\"citizenship\": \"KG\", \"family\": [{\"relation\": \"cousin\"}]}",
    );
    profile(
        "profile_occupation_too_long",
        format!(
            "{{\"citizenship\": \"KG\", \"occupation\": \"{}\"}}",
            "a".repeat(300)
        )
        .as_bytes(),
    );
    profile(
        "profile_id_with_escape_sequence",
        b"{\"citizenship\": \"KG\", \"id\": \"a\\u001b[31mred\"}",
    );
    profile(
        "profile_long_unknown_country_is_cut",
        format!("{{\"citizenship\": \"{}\"}}", "Z".repeat(5000)).as_bytes(),
    );
}

#[test]
fn profile_contradictions() {
    profile(
        "profile_end_before_start",
        b"{\"citizenship\": \"KG\", \"contract\": {\"start\": \"2026-03-02\", \"end\": \"2026-03-01\"}}",
    );
    profile(
        "profile_entry_after_as_of",
        b"{\"citizenship\": \"KG\", \"entry_date\": \"2026-03-02\", \"as_of\": \"2026-03-01\"}",
    );
    profile(
        "profile_terminated_after_as_of",
        b"{\"citizenship\": \"KG\", \"as_of\": \"2026-03-01\",\n \"contract\": {\"start\": \"2026-01-01\", \"terminated_on\": \"2026-04-01\"}}",
    );
    profile(
        "profile_several_problems",
        b"{\n  \"citizenship\": [\"KG\", \"XX\"],\n  \"entry_date\": \"2026-02-30\",\n  \"registered\": \"no\",\n  \"family\": [{\"relation\": \"child\", \"birth_date\": \"2030-01-01\"}]\n}",
    );
    let family: Vec<serde_json::Value> = vec![serde_json::json!({"relation": "cousin"}); 30];
    profile(
        "profile_problems_are_capped",
        serde_json::json!({"citizenship": "KG", "family": family})
            .to_string()
            .as_bytes(),
    );
}

// ---------------------------------------------------------------- flags

#[test]
fn command_line_flags() {
    flags("flags_unknown_country", &["check", "--citizenship", "XX"]);
    flags(
        "flags_country_name_typo",
        &["check", "--citizenship", "Kyrgyzstn"],
    );
    flags(
        "flags_entry_date_one_digit",
        &["check", "--citizenship", "KG", "--entry", "1.3.2026"],
    );
    flags(
        "flags_impossible_entry_date",
        &["check", "--citizenship", "KG", "--entry", "2026-02-30"],
    );
    flags(
        "flags_registered_maybe",
        &["check", "--citizenship", "KG", "--registered", "maybe"],
    );
    flags(
        "flags_contract_kind_typo",
        &["check", "--citizenship", "KG", "--contract", "employmnt"],
    );
    flags(
        "flags_end_before_start",
        &[
            "check",
            "--citizenship",
            "KG",
            "--start",
            "2026-03-02",
            "--end",
            "2026-03-01",
        ],
    );
    flags(
        "flags_child_born_after_as_of",
        &[
            "check",
            "--citizenship",
            "KG",
            "--as-of",
            "2026-03-01",
            "--child-born",
            "2026-05-01",
        ],
    );
    flags("flags_no_citizenship", &["check", "--entry", "2026-03-01"]);
    flags(
        "flags_profile_and_citizenship",
        &["check", "--profile", "p.json", "--citizenship", "KG"],
    );
    flags(
        "flags_profile_missing_file",
        &["check", "--profile", "missing.json"],
    );
    flags("flags_profile_is_a_directory", &["check", "--profile", "."]);
    flags(
        "flags_unknown_format",
        &["check", "--citizenship", "KG", "--format", "yaml"],
    );
    flags_env(
        "flags_bad_today",
        &["check", "--citizenship", "KG"],
        &[("EAEU_RIGHTS_TODAY", "tomorrow")],
    );
    flags(
        "flags_rules_dir_missing",
        &["check", "--citizenship", "KG", "--rules", "nowhere"],
    );
}

#[test]
fn as_of_flag_with_profile_is_checked_as_a_flag() {
    let dir = workdir("as_of_flag");
    std::fs::write(dir.join("p.json"), b"{\"citizenship\": \"KG\"}").unwrap();
    let args = ["check", "--profile", "p.json", "--as-of", "2026-02-30"];
    let run = run_in(&dir, &args, &[], None);
    assert_eq!(run.code, 2);
    snapshot("flags_bad_as_of_with_profile", &args, None, &run);
}

// ---------------------------------------------------------------- rule packs

#[test]
fn rule_pack_syntax_and_keys() {
    rules("rules_empty_file", extra(""));
    rules(
        "rules_syntax_error",
        extra("{\"definitions\": {\"a\": {\"expr\": true} \"b\": {}}}"),
    );
    rules(
        "rules_duplicate_definition_in_one_file",
        extra("{\n  \"definitions\": {\n    \"a\": {\"expr\": true},\n    \"a\": {\"expr\": false}\n  }\n}"),
    );
    rules(
        "rules_duplicate_key_in_expression",
        extra("{\"definitions\": {\"a\": {\"expr\": {\"all\": [true], \"all\": [false]}}}}"),
    );
    rules("rules_invalid_utf8", |pack: &Path| {
        std::fs::write(
            pack.join("extra.json"),
            b"{\"definitions\": {\"a\xff\": {\"expr\": true}}}",
        )
        .unwrap()
    });
    rules("rules_rule_is_a_number", extra("{\"rules\": [5]}"));
    rules("rules_rules_is_an_object", extra("{\"rules\": {}}"));
    rules("rules_top_level_array", extra("[]"));
    rules("rules_unknown_top_level_key", extra("{\"rule\": []}"));
}

#[test]
fn language_files() {
    rules(
        "rules_language_file_unknown_rule",
        extra("{\"locale\": {\"lang\": \"ru\", \"rules\": {\"mini.nothing\": {\"title\": \"Т\", \"summary\": \"С\"}}}}"),
    );
    rules(
        "rules_language_file_unknown_instrument",
        extra("{\"locale\": {\"lang\": \"ru\", \"instruments\": {\"Treaty on Nothing\": \"Договор ни о чём\"}}}"),
    );
    rules("rules_language_file_two_for_one_language", |pack: &Path| {
        std::fs::write(pack.join("a.json"), "{\"locale\": {\"lang\": \"ru\"}}").unwrap();
        std::fs::write(pack.join("b.json"), "{\"locale\": {\"lang\": \"ru\"}}").unwrap();
    });
}

#[test]
fn rule_pack_rules() {
    rules("rules_unknown_kind", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.insert("kind".into(), "rite".into());
        })
    });
    rules("rules_kind_is_a_number", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.insert("kind".into(), 5.into());
        })
    });
    rules("rules_missing_when", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.remove("when");
        })
    });
    rules("rules_unknown_operator", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.insert("when".into(), serde_json::json!({"alll": [true]}));
        })
    });
    rules("rules_excludes_unknown_id", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.permit-required", |r| {
            r.insert(
                "excludes".into(),
                serde_json::json!(["mini.permit-exemptoin"]),
            );
        })
    });
    rules("rules_excludes_itself", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.permit-required", |r| {
            r.insert(
                "excludes".into(),
                serde_json::json!(["mini.permit-required"]),
            );
        })
    });
}

#[test]
fn rule_pack_limits() {
    rules("rules_definition_chain_too_deep", |pack: &Path| {
        let mut defs = serde_json::Map::new();
        for i in 0..200 {
            defs.insert(
                format!("d{i:03}"),
                serde_json::json!({"expr": {"def": format!("d{:03}", i + 1)}}),
            );
        }
        defs.insert("d200".into(), serde_json::json!({"expr": true}));
        let text =
            serde_json::to_string_pretty(&serde_json::json!({ "definitions": defs })).unwrap();
        std::fs::write(pack.join("extra.json"), text).unwrap();
    });
    rules(
        "rules_quantifiers_too_deep",
        extra(
            r#"{"definitions": {"q": {"expr":
  {"some": {"in": {"field": "family"}, "as": "a", "where":
    {"some": {"in": {"field": "family"}, "as": "b", "where":
      {"some": {"in": {"field": "family"}, "as": "c", "where":
        {"some": {"in": {"field": "family"}, "as": "d", "where": true}}}}}}}}}}}"#,
        ),
    );
    rules(
        "rules_number_too_large",
        extra("{\"definitions\": {\"a\": {\"expr\": {\"gt\": [99999999999, 1]}}}}"),
    );
    rules("rules_no_json_files", |pack: &Path| {
        std::fs::remove_dir_all(pack).unwrap();
        std::fs::create_dir_all(pack).unwrap();
        std::fs::write(pack.join("README.txt"), "not rules").unwrap();
    });
}

/// A symbolic link from the pack back to itself used to recurse until the
/// stack overflowed, then was skipped silently; links to directories are
/// not followed, and are refused with what they are.
#[cfg(unix)]
#[test]
fn rule_pack_symlink_loop_is_not_followed() {
    let dir = pack_dir("symlink", |pack: &Path| {
        std::os::unix::fs::symlink(pack, pack.join("loop")).unwrap();
    });
    let run = run_in(&dir, &["rules", "check", "pack"], &[], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("pack/loop: a symbolic link to a directory"),
        "{}",
        run.stderr
    );
}

#[test]
fn rule_pack_conflicts() {
    // Exclusive by design: a permit required and not required never meet.
    let dir = mini_pack_dir("mini_no_conflict", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.permit-required", |r| {
            r.insert(
                "excludes".into(),
                serde_json::json!(["mini.permit-exemption"]),
            );
        })
    });
    let run = run_in(&dir, &["rules", "check", "pack"], &[], None);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // Not exclusive: the notice applies to everyone.
    rules("rules_conflict_between_excluded_rules", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.insert(
                "excludes".into(),
                serde_json::json!(["mini.permit-exemption"]),
            );
        })
    });
}

/// The same on the real pack: the obviously exclusive pair passes, the pair
/// that applies together by design (the registration-free period and the
/// duty to register for a longer stay) is a conflict.
#[test]
fn embedded_pack_exclusive_pairs() {
    let dir = pack_dir("real_no_conflict", |pack: &Path| {
        edit_rule(
            pack,
            "kz/foreigners.json",
            "kz.foreign-worker-permit",
            |r| {
                r.insert(
                    "excludes".into(),
                    serde_json::json!(["eaeu.work-permit-exemption"]),
                );
            },
        )
    });
    let run = run_in(&dir, &["rules", "check", "pack"], &[], None);
    assert_eq!(run.code, 0, "{}", run.stderr);

    let dir = pack_dir("real_conflict", |pack: &Path| {
        edit_rule(
            pack,
            "eaeu/treaty.json",
            "eaeu.registration-exemption",
            |r| {
                r.insert(
                    "excludes".into(),
                    serde_json::json!(["eaeu.registration-required"]),
                );
            },
        )
    });
    let run = run_in(&dir, &["rules", "check", "pack"], &[], None);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("conflict: rules `eaeu.registration-exemption` and `eaeu.registration-required` both apply to generated profile"),
        "{}",
        run.stderr
    );
}

#[test]
fn conflicts_are_found_over_fixtures_too() {
    // A rule that applies only to a fixture's unusual profile, and excludes
    // one that applies to everyone: the generated profiles never show it.
    let dir = mini_pack_dir("fixture_conflict", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.permit-exemption", |r| {
            r.insert(
                "when".into(),
                serde_json::json!({"eq": [{"field": "occupation"}, "lion tamer"]}),
            );
            r.insert("excludes".into(), serde_json::json!(["mini.notice"]));
        })
    });
    std::fs::create_dir_all(dir.join("fx")).unwrap();
    std::fs::write(
        dir.join("fx/tamer.json"),
        br#"{"citizenship": "KG", "occupation": "lion tamer", "as_of": "2026-03-01"}"#,
    )
    .unwrap();
    std::fs::write(dir.join("fx/not-a-profile.json"), b"[1, 2]").unwrap();
    let ok = run_in(&dir, &["rules", "check", "pack"], &[], None);
    assert_eq!(ok.code, 0, "{}", ok.stderr);
    let args = ["rules", "check", "pack", "--fixtures", "fx"];
    let run = run_in(&dir, &args, &[], None);
    assert_eq!(run.code, 2);
    snapshot("rules_conflict_found_in_a_fixture", &args, None, &run);
}

// ---------------------------------------------------------------- NDJSON

/// Every broken line yields one error record, in order, naming its line.
#[test]
fn ndjson_broken_lines() {
    let lines: Vec<Vec<u8>> = vec![
        "\u{feff}{\"citizenship\": \"KG\", \"as_of\": \"2026-03-01\"}".into(),
        b"{\"citizenship\": \"KG\", \"citizenship\": \"UZ\"}".to_vec(),
        b"{\"citizenship\": \"KG\", \"host\": null}\r".to_vec(),
        b"{\"citizenship\": \"K\xffG\"}".to_vec(),
        b"".to_vec(),
        b"[1, 2, 3]".to_vec(),
        b"{\"citizenship\": \"KG\"".to_vec(),
        format!(
            "{{\"citizenship\": {}{}}}",
            "[".repeat(130),
            "]".repeat(130)
        )
        .into_bytes(),
        b"{\"citizenship\": \"KG\", \"entry_date\": \"2026-02-29\"}".to_vec(),
    ];
    let mut input = Vec::new();
    for l in &lines {
        input.extend_from_slice(l);
        input.push(b'\n');
    }
    let dir = workdir("ndjson");
    std::fs::write(dir.join("in.ndjson"), &input).unwrap();
    let args = ["batch", "in.ndjson"];
    let run = run_in(&dir, &args, &[], None);
    assert_eq!(run.code, 1);
    let mut records: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The pack's texts first, then one record per non-blank line, in order.
    assert!(records.remove(0)["pack"].is_object());
    assert_eq!(records.len(), lines.len() - 1);
    let mut text = format!("args: {}\nexit: {}\nrecords:\n", args.join(" "), run.code);
    for r in &records {
        let what = match (&r["report"], &r["error"]) {
            (serde_json::Value::Object(_), _) => "ok".to_owned(),
            (_, e) => e["message"].as_str().unwrap_or("?").to_owned(),
        };
        text.push_str(&format!(
            "{}: {what}\n",
            r["source"].as_str().unwrap_or("?")
        ));
    }
    text.push_str(&format!("stderr:\n{}", run.stderr));
    insta::assert_snapshot!("ndjson_broken_lines", text);
}

/// Issue 14: conditions and date arithmetic that used to pass `rules check`
/// and then answer wrongly (every profile undetermined with no question,
/// "by (date not determined)", "day -5").
#[test]
fn rule_language_refuses_silent_wrong_answers() {
    rules("rules_when_null", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.insert("when".into(), serde_json::Value::Null);
        })
    });
    rules("rules_not_null", |pack: &Path| {
        edit_rule(pack, "rules.json", "mini.notice", |r| {
            r.insert("when".into(), serde_json::json!({"not": null}));
        })
    });
    rules(
        "rules_add_days_overflow",
        extra(
            r#"{"definitions": {"late": {"expr":
  {"lt": [{"field": "as_of"}, {"add_days": [{"field": "entry_date"}, 1000000000]}]}}}}"#,
        ),
    );
    rules(
        "rules_last_day_negative",
        extra(
            r#"{"definitions": {"early": {"expr":
  {"lt": [{"field": "as_of"}, {"last_day": [{"field": "entry_date"}, -5]}]}}}}"#,
        ),
    );
}

/// Issue 14: flags that used to crash or answer for someone else.
#[test]
fn flags_that_used_to_crash_or_mislead() {
    // Dropped KG and assessed a stateless person.
    flags(
        "flags_citizenship_none_with_a_code",
        &["check", "--citizenship", "KG,none", "--as-of", "2026-04-05"],
    );
    // Aborted (signal 6), and panicked "failed to spawn thread".
    flags(
        "batch_jobs_20000",
        &["batch", "--jobs", "20000", "x.ndjson"],
    );
    flags(
        "batch_jobs_65535",
        &["batch", "--jobs", "65535", "x.ndjson"],
    );
}
