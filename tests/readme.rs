//! The README's console examples, run: each ```console block of README.md
//! is a command and the output it must give (`...` on a line of its own
//! stands for lines left out, `[..]` for the rest of a line), so the README
//! cannot drift from what the tool prints. After a change of output, review
//! and update the blocks with `TRYCMD=overwrite cargo test --test readme`
//! (the `...` and `[..]` are kept where they still match).
//!
//! Runs as the other tests do: in the C locale, without colour, on a fixed
//! today (the examples give `--as-of`; one that did not would still not
//! change with the calendar).

#[test]
fn readme_console_examples() {
    trycmd::TestCases::new()
        .register_bin(
            "eaeu-rights",
            std::path::PathBuf::from(env!("CARGO_BIN_EXE_eaeu-rights")),
        )
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("EAEU_RIGHTS_TODAY", "2026-11-26")
        .case("README.md");
}

/// The interview's transcript. trycmd gives a command no input, so this
/// block is fenced `console,ignore` (trycmd passes over it) and run here,
/// with the answers of the `<!-- answers: A | B | ... -->` comment above it
/// (an empty answer is Enter), prompts and plan in one stream as a terminal
/// shows them, in a directory of its own (the transcript saves a file).
#[test]
fn readme_interview_transcript() {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let (_, rest) = readme
        .split_once("<!-- answers: ")
        .expect("README.md has no interview transcript with its answers");
    let (answers, rest) = rest
        .split_once(" -->\n```console,ignore\n")
        .expect("the answers stand right above a ```console,ignore block");
    let (block, _) = rest.split_once("\n```").unwrap();
    let (command, expected) = block.split_once('\n').unwrap();
    let args: Vec<&str> = command
        .strip_prefix("$ eaeu-rights ")
        .unwrap()
        .split_whitespace()
        .collect();
    let stdin: String = answers
        .split('|')
        .map(|a| format!("{}\n", a.trim()))
        .collect();
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("readme-interview-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // stderr into stdout, in the order written, as a terminal shows them.
    let mut child = std::process::Command::new("sh")
        .args([
            "-c",
            "exec \"$0\" \"$@\" 2>&1",
            env!("CARGO_BIN_EXE_eaeu-rights"),
        ])
        .args(&args)
        .current_dir(&dir)
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .env("EAEU_RIGHTS_TODAY", "2026-11-26")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{:?}", out.status);
    snapbox::assert_data_eq!(
        String::from_utf8(out.stdout).unwrap(),
        snapbox::Data::text(format!("{expected}\n"))
    );
    assert!(dir.join("eaeu-rights-plan.md").is_file());
}
