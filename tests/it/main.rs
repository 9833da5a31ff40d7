//! The integration tests: one crate, so the library and the binary are
//! linked once for all of them. Each module drives the real binary (through
//! `common`) or the library's public interface.
//!
//! Marked `cfg(test)` (which it always is) so that clippy.toml's test
//! settings cover the helpers too: a test may unwrap, expect, panic and
//! index.
#![cfg(test)]

mod common;
mod generators;
mod ical;

mod action_plan;
mod batch_accounting;
mod batch_messages;
mod batch_reports;
mod batch_stream;
mod bench_pack;
mod cases;
mod cli;
mod completions;
mod conventions;
mod decide_explain;
mod diagnostics;
mod fixtures;
mod fuzz_harness;
mod hostile_inputs;
mod interrupt;
mod interview;
mod limits;
mod no_placeholders;
mod one_action;
mod properties;
mod reliability;
mod schema;
mod serve;
mod short_names;
mod timeline;
mod timeline_one_action;
mod translations;
