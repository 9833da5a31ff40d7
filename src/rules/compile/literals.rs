//! Values written in the pack's files, read as typed values: dates,
//! countries, contract kinds, relations, numbers; and sources checked.

use chrono::NaiveDate;
use serde_json::Value;

use super::types::Ty;
use super::{At, Compiler};
use crate::country::Country;
use crate::dates::parse_iso_date;
use crate::engine::ir::{Lit, Source};
use crate::profile::{ContractKind, Relation};

impl<'f> Compiler<'f> {
    pub(super) fn check_source_opt(&mut self, at: &At, source: Option<&Source>) {
        if let Some(s) = source {
            self.check_source(&at.key("source"), s);
        }
    }

    pub(super) fn check_source(&mut self, at: &At, s: &Source) {
        if s.instrument.trim().is_empty() {
            self.error(
                &at.key("instrument"),
                "the source names no instrument".to_owned(),
                None,
            );
        }
        if let Some(d) = &s.date {
            self.date(d, &at.key("date"));
        }
    }

    pub(super) fn date(&mut self, text: &str, at: &At) -> Option<NaiveDate> {
        match parse_iso_date(text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(at, e.to_string(), None);
                None
            }
        }
    }

    /// A JSON literal read as a value of the given type.
    pub(super) fn literal_of(&mut self, v: &Value, ty: Ty, at: &At) -> Option<Lit> {
        let lit = match (ty, v) {
            (Ty::Bool, Value::Bool(b)) => Lit::Bool(*b),
            (Ty::Int, Value::Number(n)) => match n.as_i64() {
                Some(i) if i.unsigned_abs() <= 1_000_000_000 => Lit::Int(i),
                _ => {
                    self.error(
                        at,
                        format!("`{n}` is not a whole number between -1000000000 and 1000000000"),
                        None,
                    );
                    return None;
                }
            },
            (Ty::Date, Value::String(s)) => Lit::Date(self.date(s, at)?),
            (Ty::Text, Value::String(s)) => Lit::Text(s.clone()),
            (Ty::Country | Ty::Kind | Ty::Relation, Value::String(s)) => {
                return self.coerce_text(s, ty, at)
            }
            _ => {
                self.error(at, format!("expected {}, found `{v}`", ty.name()), None);
                return None;
            }
        };
        Some(lit)
    }

    pub(super) fn coerce_text(&mut self, s: &str, ty: Ty, at: &At) -> Option<Lit> {
        let lit = match ty {
            Ty::Country => Country::from_code(s).map(Lit::Country),
            Ty::Kind => ContractKind::parse(s).map(Lit::Kind),
            Ty::Relation => Relation::parse(s).map(Lit::Relation),
            Ty::Text => Some(Lit::Text(s.to_owned())),
            _ => None,
        };
        if lit.is_none() {
            let expected = match ty {
                Ty::Country => "an ISO 3166-1 alpha-2 country code".to_owned(),
                Ty::Kind => "one of `employment`, `civil_law`, `none`".to_owned(),
                Ty::Relation => format!(
                    "one of {}",
                    Relation::ALL
                        .iter()
                        .map(|r| format!("`{}`", r.as_str()))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                other => other.name().to_owned(),
            };
            self.error(
                at,
                format!("`{s}` is not {}: expected {expected}", ty.name()),
                None,
            );
        }
        lit
    }
}
