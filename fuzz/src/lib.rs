//! Fuzz targets for eaeu-rights (see docs/fuzzing.md).

pub mod targets;
