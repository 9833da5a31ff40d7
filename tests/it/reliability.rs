//! Reproducers of issue 14 (reliability II): each test here failed, hung or
//! passed for the wrong reason before the fix it names. Hostile inputs
//! whose exact message matters are snapshotted in `hostile_inputs.rs`.

use std::path::{Path, PathBuf};

use eaeu_rights::locate::{JsonPath, LineCol, Locator};

use crate::common;
use common::run;

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    crate::common::workdir("reliability", name)
}

/// Locating an error in each of 50,000 profiles used to rescan the text
/// from its start every time (quadratic: 17 s for 16,000 errors). The
/// locator's work counter must stay within a small multiple of the text.
#[test]
fn fifty_thousand_locations_take_linear_work() {
    let n = 50_000;
    let text = eaeu_rights::bench_support::invalid_array(n);
    let locator = Locator::new(&text);
    let lines: Vec<&str> = text.lines().collect();
    for i in 0..n {
        let path = JsonPath::root().index(i).key("citizenship").index(0);
        let at = locator.locate(&path).unwrap();
        let column = lines[i + 1].find("\"XX\"").unwrap() + 1;
        assert_eq!(
            at,
            LineCol {
                line: i + 2,
                column
            },
            "profile {i}"
        );
    }
    assert!(
        locator.work() <= 4 * text.len(),
        "{} bytes scanned for a text of {}",
        locator.work(),
        text.len()
    );
}

/// Columns count characters, across the checkpoints every kilobyte.
#[test]
fn locations_count_characters_on_long_lines() {
    let mut text = String::from("[");
    for i in 0..3000 {
        if i > 0 {
            text.push(',');
        }
        text.push_str("\"ж€😀\"");
    }
    text.push(']');
    let locator = Locator::new(&text);
    for i in [0usize, 1, 99, 100, 1234, 2999] {
        let at = locator.locate(&JsonPath::root().index(i)).unwrap();
        // `[` then per element 5 characters and a comma.
        assert_eq!(
            at,
            LineCol {
                line: 1,
                column: 2 + 6 * i
            },
            "element {i}"
        );
        assert_eq!(
            Some(at),
            eaeu_rights::locate::locate(&text, &JsonPath::root().index(i))
        );
    }
}

/// Every invalid profile of a large array file gets an error record with
/// its own line (the array file test of the issue: 2k, 8k, 16k profiles).
#[test]
fn every_profile_of_a_large_array_file_is_located() {
    let n = 4000;
    let dir = workdir("array");
    let file = dir.join("many.json");
    std::fs::write(&file, eaeu_rights::bench_support::invalid_array(n)).unwrap();
    let (code, out, err) = run(&["batch", "--jobs", "2", file.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{err}");
    // After the pack's texts, one record per profile.
    let records: Vec<serde_json::Value> = out
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), n);
    for (i, r) in records.iter().enumerate() {
        let problem = &r["error"]["problems"][0];
        assert_eq!(problem["line"], i + 2, "{r}");
        assert_eq!(problem["path"], "citizenship[0]", "{r}");
    }
    assert!(err.contains(&format!("{n} records: 0 evaluated")), "{err}");
}

/// A case file of 20,000 cases is located once, not once per case (`test`
/// on such a file used to run past a minute). Each case names an unknown
/// rule, so every one of them is an error with its line.
#[test]
fn a_case_file_of_twenty_thousand_cases_is_read_in_one_pass() {
    let pack = eaeu_rights::rules::embedded_pack().unwrap();
    let n = 20_000;
    let mut text = String::from("[\n");
    for i in 0..n {
        let sep = if i + 1 < n { "," } else { "" };
        text.push_str(&format!(
            "{{\"name\": \"c{i}\", \"profile\": {{\"citizenship\": \"KG\", \"as_of\": \"2026-01-01\"}}, \"expect\": {{\"outcomes\": {{\"eaeu.nope\": \"applies\"}}}}}}{sep}\n"
        ));
    }
    text.push(']');
    let errors = eaeu_rights::cases::parse("many.json", &text, &pack).unwrap_err();
    assert_eq!(errors.0.len(), n);
    for (i, e) in errors.0.iter().enumerate() {
        assert_eq!(e.location.map(|l| l.line), Some(i + 2), "{e}");
    }
}

/// `add_working_days` used to stop at 3,660 days without a word; counts are
/// now bounded at load (docs/limits.md) and evaluated in full.
#[test]
fn working_days_are_not_capped() {
    let dir = workdir("working-days");
    let pack = dir.join("pack");
    std::fs::create_dir_all(&pack).unwrap();
    std::fs::write(
        pack.join("pack.json"),
        r#"{"pack": {"name": "wd", "version": "1", "status": "always", "default_host": "KZ",
  "day_count": "event_day_is_day_1", "disclaimer": "information, not advice"},
 "sets": {"none": {"type": "date", "label": "no holidays", "values": []}},
 "definitions": {"always": {"expr": true}},
 "rules": [{"id": "wd.far", "kind": "information", "title": "Far", "summary": "Far away.",
   "source": {"instrument": "Test"}, "in_force": {"from": "2015-01-01"}, "when": true,
   "dates": {"until": {"add_working_days": {"from": {"field": "entry_date"}, "days": 5000, "holidays": "none"}}}}]}"#,
    )
    .unwrap();
    let (code, out, err) = run(
        &[
            "check",
            "--rules",
            pack.to_str().unwrap(),
            "--citizenship",
            "KG",
            "--entry",
            "2026-03-02",
            "--as-of",
            "2026-03-20",
            "--format",
            "json",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    // 2026-03-02 is a Monday: 5,000 working days are 1,000 weeks.
    assert_eq!(
        report["findings"][0]["dates"]["until"], "2045-05-01",
        "{out}"
    );
}

/// A case that expects nothing used to pass whatever the rules said.
#[test]
fn a_case_that_expects_nothing_is_refused() {
    let dir = workdir("expect-nothing");
    std::fs::write(
        dir.join("c.json"),
        r#"{"name": "nothing", "profile": {"citizenship": "KG", "as_of": "2026-01-01"}, "expect": {}}"#,
    )
    .unwrap();
    let (code, out, err) = run(&["test", dir.to_str().unwrap()], b"");
    assert_ne!(code, 0, "{out}");
    assert!(
        format!("{out}{err}").contains("the case expects nothing, so it could never fail"),
        "{out}{err}"
    );
}

/// `--out` used to write through `.ID.json.tmp`, a predictable name: a
/// symlink planted there had its target overwritten. The temporary file
/// is now created exclusively under a random name.
#[cfg(unix)]
#[test]
fn out_never_writes_through_a_planted_symlink() {
    let dir = workdir("out-symlink");
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let victim = dir.join("victim.txt");
    std::fs::write(&victim, "keep me").unwrap();
    std::os::unix::fs::symlink(&victim, out.join(".kg-1.json.tmp")).unwrap();
    let profile = dir.join("p.json");
    std::fs::write(
        &profile,
        r#"{"id": "kg-1", "citizenship": ["KG"], "as_of": "2026-03-20"}"#,
    )
    .unwrap();
    let (code, _, err) = run(
        &[
            "batch",
            profile.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "--format",
            "summary",
        ],
        b"",
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me");
    let report: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("kg-1.json")).unwrap()).unwrap();
    assert_eq!(report["profile_id"], "kg-1");
    // Nothing is left behind but the planted link and the report.
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [".kg-1.json.tmp", "kg-1.json"]);
}

/// In a batch directory, a directory named `x.json`, a FIFO, a dangling and
/// a looping link used to be skipped without a record (the same path given
/// directly gave one). Each is now an error record that says what it is.
#[cfg(unix)]
#[test]
fn a_batch_directory_skips_nothing_silently() {
    let dir = workdir("batch-walk");
    std::fs::write(
        dir.join("a.json"),
        r#"{"citizenship": ["KG"], "as_of": "2026-03-20"}"#,
    )
    .unwrap();
    std::fs::create_dir(dir.join("sub.json")).unwrap();
    std::os::unix::fs::symlink(dir.join("gone.json"), dir.join("dangling.json")).unwrap();
    std::os::unix::fs::symlink(dir.join("loop.json"), dir.join("loop.json")).unwrap();
    let fifo = std::process::Command::new("mkfifo")
        .arg(dir.join("fifo.json"))
        .status()
        .unwrap();
    assert!(fifo.success());
    let (code, out, err) = run(&["batch", dir.to_str().unwrap(), "--format", "ndjson"], b"");
    assert_eq!(code, 1, "{err}");
    // After the pack's texts, one record per entry.
    let records: Vec<serde_json::Value> = out
        .lines()
        .skip(1)
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let errors: Vec<(String, String)> = records
        .iter()
        .filter_map(|r| {
            let source = r["source"].as_str()?;
            let name = Path::new(source).file_name()?.to_str()?.to_owned();
            Some((name, r["error"]["message"].as_str()?.to_owned()))
        })
        .collect();
    assert_eq!(records.len(), 5, "{out}");
    assert_eq!(
        errors,
        [
            (
                "dangling.json".to_owned(),
                "cannot read: a symbolic link to something that does not exist".to_owned()
            ),
            (
                "fifo.json".to_owned(),
                "cannot read: a named pipe (FIFO), not a regular file: name it on the command line to read it".to_owned()
            ),
            (
                "loop.json".to_owned(),
                "cannot read: a symbolic link that loops back on itself".to_owned()
            ),
            (
                "sub.json".to_owned(),
                "cannot read: a directory, not a file: batch reads the files directly inside a directory, not its subdirectories".to_owned()
            ),
        ]
    );
    assert!(err.contains("5 records"), "{err}");
    // Named directly, a looping link is not "no such file".
    let (_, out, _) = run(
        &[
            "batch",
            dir.join("loop.json").to_str().unwrap(),
            "--format",
            "ndjson",
        ],
        b"",
    );
    assert!(
        out.contains("a symbolic link that loops back on itself"),
        "{out}"
    );
}

/// In a rule pack, a symlinked subdirectory and a file more than 16 levels
/// deep used to be skipped while `rules check` said ok.
#[cfg(unix)]
#[test]
fn a_rule_pack_walk_refuses_what_it_would_skip() {
    let dir = workdir("pack-walk");
    let pack = dir.join("pack");
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let copy = std::process::Command::new("cp")
        .arg("-r")
        .arg(&rules)
        .arg(&pack)
        .status()
        .unwrap();
    assert!(copy.success());
    let check = || run(&["rules", "check", pack.to_str().unwrap()], b"");
    let (code, _, err) = check();
    assert_eq!(code, 0, "{err}");

    std::fs::create_dir(dir.join("elsewhere")).unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere"), pack.join("linked")).unwrap();
    let (code, _, err) = check();
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("linked: a symbolic link to a directory"),
        "{err}"
    );
    std::fs::remove_file(pack.join("linked")).unwrap();

    let mut deep = pack.clone();
    for level in 0..17 {
        deep = deep.join(format!("d{level}"));
    }
    std::fs::create_dir_all(&deep).unwrap();
    let (code, _, err) = check();
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("more than 16 directory levels deep"), "{err}");
}

/// After `| head` the tally used to say "0 records" as if the run had
/// been empty. It now says the output was closed and how many records
/// were written before that.
#[test]
fn a_closed_output_is_told_not_tallied_as_empty() {
    use std::io::{Read, Write};
    let mut child = crate::common::binary()
        .args(["batch", "-", "--format", "ndjson", "--jobs", "2"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        for _ in 0..20_000 {
            if stdin
                .write_all(b"{\"citizenship\": [\"KG\"], \"as_of\": \"2026-03-20\"}\n")
                .is_err()
            {
                break;
            }
        }
    });
    // Read one line, then close the pipe as `head -1` does.
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    feeder.join().unwrap();
    assert_eq!(status.code(), Some(0), "{err}");
    assert!(
        err.contains("batch: the output was closed, so the run stopped after writing"),
        "{err}"
    );
    assert!(!err.contains("0 records: 0 evaluated"), "{err}");
}

/// `--help > /dev/full` used to exit 0 though nothing was written.
#[cfg(target_os = "linux")]
#[test]
fn help_to_a_full_device_fails() {
    for args in [["--help"], ["--version"]] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = crate::common::binary()
            .args(args)
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("<stdout>: no space left on device"), "{err}");
    }
    let (code, out, _) = run(&["--help"], b"");
    assert_eq!(code, 0);
    assert!(out.contains("Usage: eaeu-rights <COMMAND>"), "{out}");
}

/// A number in a profile used to be said back as parsed: `-0` as `-0.0`,
/// a 30-digit integer as `1.2345678901234568e+29`. It is now said back as
/// written, for a single profile and for an element of an array file.
#[test]
fn numbers_are_said_back_as_written() {
    let (code, _, err) = run(&["check", "--profile", "-"], br#"{"citizenship": -0}"#);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("found the number `-0`"), "{err}");
    let (_, _, err) = run(
        &["check", "--profile", "-"],
        br#"{"citizenship": ["KG"], "id": 123456789012345678901234567890}"#,
    );
    assert!(
        err.contains("found the number `123456789012345678901234567890`"),
        "{err}"
    );
    let dir = workdir("numbers");
    let file = dir.join("a.json");
    std::fs::write(
        &file,
        "[\n  {\"citizenship\": [\"KG\"]},\n  {\"citizenship\": [\"KG\"], \"registered\": 1.50E+3}\n]\n",
    )
    .unwrap();
    let (_, out, _) = run(
        &["batch", file.to_str().unwrap(), "--format", "ndjson"],
        b"",
    );
    assert!(out.contains("found the number `1.50E+3`"), "{out}");
}
