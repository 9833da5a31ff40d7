//! The fuzz targets on stable Rust: every target's function over its seed
//! corpus (`fuzz/corpus/TARGET/`), over the regression inputs
//! (`tests/regressions/TARGET/`), and over a bounded number of random and
//! mutated inputs. `cargo +nightly fuzz run TARGET` explores further; see
//! docs/fuzzing.md.

#[path = "../../fuzz/src/targets.rs"]
mod targets;

use std::path::{Path, PathBuf};

use proptest::prelude::*;

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_none_or(|e| e != "md"))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// Every stored input of a target: its seed corpus and its regressions.
fn stored_inputs(target: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        root.join("fuzz/corpus").join(target),
        root.join("tests/regressions").join(target),
    ] {
        // Only the committed seeds of a corpus: a fuzzer's working corpus
        // holds thousands of files (see docs/fuzzing.md).
        for f in files_in(&dir).into_iter().filter(|f| {
            !f.starts_with(root.join("fuzz"))
                || f.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with("seed-"))
        }) {
            // A running fuzzer may replace corpus files under our feet.
            if let Ok(bytes) = std::fs::read(&f) {
                out.push((f, bytes));
            }
        }
    }
    out
}

fn run_stored(target: &str, f: fn(&[u8])) {
    let inputs = stored_inputs(target);
    assert!(!inputs.is_empty(), "no stored inputs for {target}");
    for (path, bytes) in inputs {
        let result = std::panic::catch_unwind(|| f(&bytes));
        assert!(result.is_ok(), "{target} fails on {}", path.display());
    }
}

#[test]
fn profile_json_stored_inputs() {
    run_stored("profile_json", targets::profile_json);
    // Profiles are also evaluation inputs.
    run_stored("profile_json", targets::evaluate);
}

#[test]
fn evaluate_stored_inputs() {
    run_stored("evaluate", targets::evaluate);
}

#[test]
fn rule_pack_stored_inputs() {
    run_stored("rule_pack", targets::rule_pack);
}

#[test]
fn case_file_stored_inputs() {
    run_stored("case_file", targets::case_file);
}

/// A chain of definitions far longer than the nesting limit overflowed the
/// compiler's stack; it is now a load error.
#[test]
fn long_definition_chain_is_an_error_not_a_stack_overflow() {
    let n = 5000;
    let mut defs = serde_json::Map::new();
    for i in 0..n {
        defs.insert(
            format!("d{i}"),
            serde_json::json!({"expr": {"def": format!("d{}", i + 1)}}),
        );
    }
    defs.insert(format!("d{n}"), serde_json::json!({"expr": true}));
    let text = serde_json::json!({ "definitions": defs }).to_string();
    let mut input = vec![0u8];
    input.extend(text.as_bytes());
    targets::rule_pack(&input);
    let mut files = eaeu_rights::rules::embedded_files();
    files.push(eaeu_rights::rules::SourceFile {
        path: "chain.json".into(),
        text,
    });
    let e = eaeu_rights::rules::compile(&files).unwrap_err().to_string();
    assert!(e.contains("at most 64 are accepted"), "{e}");
}

/// The deepest expression the limit accepts compiles and evaluates within
/// a test thread's stack (2 MiB), in a debug build.
#[test]
fn deepest_accepted_expression_fits_the_stack() {
    // Each definition adds three levels: not, all, def.
    let defs_in_chain = 20;
    let mut defs = serde_json::Map::new();
    for i in 0..defs_in_chain {
        defs.insert(
            format!("z{i}"),
            // A `say` on every level: rendering it evaluates the operands again.
            serde_json::json!({"expr": {
                "not": {"all": [{"def": format!("z{}", i + 1)}]},
                "say": {"true": "{0} holds", "false": "{0} fails"}
            }}),
        );
    }
    defs.insert(
        format!("z{defs_in_chain}"),
        serde_json::json!({"expr": {"le": [{"field": "as_of"}, {"field": "entry_date"}]}}),
    );
    let rule = serde_json::json!({
        "id": "x.deep", "kind": "right", "title": "t", "summary": "s",
        "source": {"instrument": "i"}, "in_force": {"from": "2015-01-01"},
        "when": {"def": "z0"}
    });
    let text = serde_json::json!({ "definitions": defs, "rules": [rule] }).to_string();
    let mut files = eaeu_rights::rules::embedded_files();
    files.push(eaeu_rights::rules::SourceFile {
        path: "deep.json".into(),
        text,
    });
    let pack = eaeu_rights::rules::compile(&files).unwrap();
    for p in eaeu_rights::rules::conflicts::generated(4) {
        let e = eaeu_rights::engine::explain(&pack, &p.profile);
        assert_eq!(e.results.len(), pack.len());
    }
}

fn mutate(seed: &[u8], edits: &[(usize, u8, u8)]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for &(pos, op, byte) in edits {
        if out.is_empty() {
            out.push(byte);
            continue;
        }
        let i = pos % out.len();
        match op % 4 {
            0 => out[i] = byte,
            1 => out.insert(i, byte),
            2 => {
                out.remove(i);
            }
            _ => {
                // Duplicate a short slice: repeats keys and brackets.
                let end = (i + usize::from(byte % 16) + 1).min(out.len());
                let slice = out[i..end].to_vec();
                for (k, b) in slice.into_iter().enumerate() {
                    out.insert(end + k, b);
                }
            }
        }
    }
    out
}

/// The stored inputs of a target, read once per test binary.
fn seeds(target: &'static str) -> &'static [Vec<u8>] {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    type Seeds = HashMap<&'static str, &'static [Vec<u8>]>;
    static CACHE: OnceLock<Mutex<Seeds>> = OnceLock::new();
    let mut cache = CACHE.get_or_init(Default::default).lock().unwrap();
    cache.entry(target).or_insert_with(|| {
        let v: Vec<Vec<u8>> = stored_inputs(target).into_iter().map(|(_, b)| b).collect();
        Vec::leak(v)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn profile_json_random_bytes(data in prop::collection::vec(any::<u8>(), 0..512)) {
        targets::profile_json(&data);
    }

    #[test]
    fn profile_json_mutated_seeds(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12),
    ) {
        let all = seeds("profile_json");
        let data = mutate(&all[which.index(all.len())], &edits);
        targets::profile_json(&data);
    }

    #[test]
    fn evaluate_random_bytes(data in prop::collection::vec(any::<u8>(), 0..64)) {
        targets::evaluate(&data);
    }
}

proptest! {
    // Compiling the pack is the slow part: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn rule_pack_mutated_seeds(
        which in any::<prop::sample::Index>(),
        mode in 0u8..3,
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..8),
    ) {
        let all = seeds("rule_pack");
        let mut data = mutate(&all[which.index(all.len())], &edits);
        if let Some(first) = data.first_mut() {
            *first = mode;
        }
        targets::rule_pack(&data);
    }
}

proptest! {
    // Every case is evaluated with explanations, twice: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn case_file_mutated_seeds(
        which in any::<prop::sample::Index>(),
        edits in prop::collection::vec((any::<usize>(), any::<u8>(), any::<u8>()), 1..12),
    ) {
        let all = seeds("case_file");
        let data = mutate(&all[which.index(all.len())], &edits);
        targets::case_file(&data);
    }

    #[test]
    fn case_file_random_bytes(data in prop::collection::vec(any::<u8>(), 0..256)) {
        targets::case_file(&data);
    }
}
