//! The bench rule set three ways must agree: the pack in `benches/pack/` run
//! by the engine, the hand-written Rust of `bench_support::handwritten`, and
//! bench-spec's output line built from `batch --format compact`.
//!
//! Speed is measured by `cargo bench --bench batch`, never here.

use std::path::{Path, PathBuf};

use eaeu_rights::bench_support::handwritten::{self, SpecResult, RULE_IDS};
use eaeu_rights::bench_support::{compact_to_spec, gen, pack_rule_id, today};
use eaeu_rights::engine::{Decider, Outcome, RulePack};
use eaeu_rights::profile::WorkerProfile;
use eaeu_rights::report::compact;

const N: u64 = 10_000;
const SEED: u64 = 42;

fn bench_pack() -> RulePack {
    eaeu_rights::bench_support::bench_pack().unwrap_or_else(|e| panic!("benches/pack: {e}"))
}

/// The engine's result on the bench pack, in bench-spec's terms.
fn spec_of_pack(pack: &RulePack, decider: &mut Decider<'_>, p: &WorkerProfile) -> SpecResult {
    let decision = decider.decide(p);
    let ids: Vec<&str> = pack.rule_ids().collect();
    let mut r = SpecResult::default();
    for (i, outcome) in decision.outcomes().iter().enumerate() {
        assert_ne!(*outcome, Outcome::Undetermined, "{:?}", p.id);
        if *outcome == Outcome::Applies {
            let bit = RULE_IDS
                .iter()
                .position(|name| pack_rule_id(name) == ids[i])
                .unwrap();
            r.applies |= 1 << bit;
            let date = decision.dates(i).first().copied().flatten();
            match ids[i] {
                "bench.registration-exempt" => r.registration_deadline = date,
                "bench.stay-until-contract-end" => r.stay_until = date,
                "bench.new-contract-window" => r.new_contract_deadline = date,
                _ => assert!(decision.dates(i).is_empty()),
            }
        }
    }
    r
}

#[test]
fn the_pack_has_bench_specs_rules_in_its_order() {
    let pack = bench_pack();
    let ids: Vec<String> = pack.rule_ids().map(str::to_owned).collect();
    let want: Vec<String> = RULE_IDS.iter().map(|n| pack_rule_id(n)).collect();
    assert_eq!(ids, want);
}

#[test]
fn pack_and_hand_written_code_agree_on_10000_generated_profiles() {
    let pack = bench_pack();
    let mut decider = Decider::new(&pack);
    let writer = compact::Compact::new(&pack);
    let text = gen::ndjson(N, SEED);
    let text = std::str::from_utf8(&text).unwrap();
    let (mut compared, mut refused) = (0, 0);
    let mut fired = [0usize; 11];
    for line in text.lines() {
        let p = match WorkerProfile::from_json(
            line,
            eaeu_rights::profile::Defaults::new(today(), Some(eaeu_rights::country::Country::KZ)),
        ) {
            Ok(p) => p,
            Err(e) => {
                // The generator makes some contracts end early after the
                // assessment date or after their own end; the profile
                // contract refuses those contradictions.
                let message = e.to_string();
                assert!(
                    message.contains("`contract.terminated_on`")
                        && e.problems
                            .iter()
                            .all(|p| p.path.to_string() == "contract.terminated_on"),
                    "{message}"
                );
                refused += 1;
                continue;
            }
        };
        let by_hand = handwritten::evaluate(&p);
        let by_pack = spec_of_pack(&pack, &mut decider, &p);
        assert_eq!(by_pack, by_hand, "{line}");

        // The compact line carries the same information as bench-spec's line,
        // and the hand-written end-to-end path writes that line.
        let mut compact_line = Vec::new();
        writer.write_line(
            &mut compact_line,
            p.id.as_deref(),
            |out| eaeu_rights::report::compact::write_json_source(out, "-", 1),
            &decider.decide(&p),
        );
        let converted = compact_to_spec(std::str::from_utf8(&compact_line).unwrap()).unwrap();
        let mut spec_line = Vec::new();
        handwritten::line(&mut spec_line, line.as_bytes()).unwrap();
        assert_eq!(converted, String::from_utf8(spec_line).unwrap(), "{line}");

        for (i, count) in fired.iter_mut().enumerate() {
            if by_hand.applies & (1 << i) != 0 {
                *count += 1;
            }
        }
        compared += 1;
    }
    assert_eq!(compared + refused, N as usize);
    assert!(refused < N as usize / 10, "{refused} refused");
    for (name, count) in RULE_IDS.iter().zip(fired) {
        assert!(count > 0, "{name} never fired");
    }
}

/// `EAEU_SHARED_DIR`, or `../shared` beside the repository (as CI lays it out).
fn shared_gen_py() -> Option<PathBuf> {
    let dir = std::env::var_os("EAEU_SHARED_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let script = dir.join("bench/gen.py");
    script.is_file().then_some(script)
}

/// SHA-256 of `python3 ../shared/bench/gen.py N SEED` for each `(N, SEED)`,
/// recorded from the shared generator, so that the comparison runs (and can
/// fail) on a clone without `../shared` or python3.
const GEN_PY_SHA256: [(u64, u64, &str); 3] = [
    (
        3000,
        42,
        "d79a93ec4205ab2fa7f1f6cfc8c39eaf1e33d3fb19ca14ec41e13e192cf70a3f",
    ),
    (
        500,
        7,
        "6d210035debb4c085e3b2fef3adb82414294aa6a13dc1a6dbd5f014461ca8f41",
    ),
    (
        200,
        0,
        "9a3d924b2e7e3b0de3210bc4415ce61daf3ba2ee1bbd6a0bc80ddabc8e69937d",
    ),
];

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn the_generator_matches_gen_py_checksums() {
    for (n, seed, want) in GEN_PY_SHA256 {
        assert_eq!(
            sha256_hex(&gen::ndjson(n, seed)),
            want,
            "gen::ndjson({n}, {seed}) is not gen.py's output (run the ignored \
             test the_generator_matches_gen_py_byte_for_byte to see where)"
        );
    }
}

/// Runs the shared generator itself: it shows the first differing line,
/// and checks that the recorded checksums are still gen.py's.
#[test]
#[ignore = "needs ../shared/bench/gen.py (or EAEU_SHARED_DIR) and python3; .ci/run runs it where the script is there"]
fn the_generator_matches_gen_py_byte_for_byte() {
    let script = shared_gen_py()
        .expect("../shared/bench/gen.py not found (set EAEU_SHARED_DIR to the shared directory)");
    for (n, seed, recorded) in GEN_PY_SHA256 {
        let out = std::process::Command::new("python3")
            .arg(&script)
            .arg(n.to_string())
            .arg(seed.to_string())
            .output()
            .expect("python3 did not start");
        assert!(out.status.success(), "gen.py failed: {out:?}");
        let out = out.stdout;
        assert_eq!(
            sha256_hex(&out),
            recorded,
            "gen.py {n} {seed} changed: record its new checksum"
        );
        let ours = gen::ndjson(n, seed);
        if ours != out {
            let (a, b) = (
                String::from_utf8_lossy(&ours),
                String::from_utf8_lossy(&out),
            );
            for (i, (x, y)) in a.lines().zip(b.lines()).enumerate() {
                assert_eq!(x, y, "profile {} of seed {seed}", i + 1);
            }
            panic!("lengths differ: {} vs {}", ours.len(), out.len());
        }
    }
}

#[test]
fn profiles_are_independent_of_the_count() {
    let short = gen::ndjson(50, 9);
    let long = gen::ndjson(100, 9);
    assert!(long.starts_with(&short));
}
