//! eaeu-rights: the rights and obligations of a labour migrant in the
//! Eurasian Economic Union, as rules-as-code.
//!
//! Data flows one way: a [`profile::WorkerProfile`] and a compiled
//! [`engine::RulePack`] go into [`engine::explain`] (or the faster
//! [`engine::decide`]); [`report::build`] turns the result into a
//! [`report::Report`], which the renderers print. Only the commands
//! ([`cli`]) and the HTTP service ([`server`]) do I/O.

#[doc(hidden)]
pub mod batch;
pub mod bench_support;
pub mod cases;
pub mod cli;
pub mod country;
pub mod dates;
pub mod diagnostic;
pub mod engine;
pub mod files;
pub mod json;
pub mod locale;
pub mod locate;
pub mod profile;
pub mod report;
pub mod rules;
pub mod server;
pub mod timeline;
