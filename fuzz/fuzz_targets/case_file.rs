//! libFuzzer entry point; the checks live in `src/targets.rs`, shared with
//! the stable harness `tests/fuzz_harness.rs` of the main crate.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| eaeu_rights_fuzz::targets::case_file(data));
