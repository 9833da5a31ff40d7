//! Names first: every set, dated set, parameter and definition of every
//! module is claimed before any expression is compiled, so references
//! resolve whatever the file order. Then the set of host states, the
//! links between dated sets, the occupations table and the pack header.

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;

use super::syntax::content_hash;
use super::types::Ty;
use super::{At, Compiler, DefState};
use crate::country::Country;
use crate::engine::ir::*;
use crate::locate::JsonPath;
use crate::rules::raw::{RawDayCount, RawModule};

/// The set the compiler makes of the hosts of the pack's national modules.
pub(super) const NATIONAL_HOSTS: &str = "hosts_with_national_rules";

impl<'f> Compiler<'f> {
    /// Claims the names one module defines, with their values checked.
    pub(super) fn declare(&mut self, file: usize, m: &'f RawModule) {
        let c = self;
        let root = At {
            file,
            path: JsonPath::root(),
        };
        for (name, set) in &m.sets {
            let at = root.key("sets").key(name);
            if c.claim_name(&at, name, "set", |c| &mut c.sets, Ty::of_raw(set.ty)) {
                let values: Vec<Lit> = set
                    .values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| {
                        c.literal_of(v, Ty::of_raw(set.ty), &at.key("values").index(i))
                    })
                    .collect();
                // In date order, however the file lists them: `add_working_days`
                // binary-searches a set of holidays.
                let mut dates: Vec<NaiveDate> = values
                    .iter()
                    .filter_map(|v| match v {
                        Lit::Date(d) => Some(*d),
                        _ => None,
                    })
                    .collect();
                dates.sort_unstable();
                c.out_sets.push(NamedSet {
                    name: name.clone(),
                    label: set.label.clone(),
                    values,
                    dates,
                });
                c.check_source_opt(&at, set.source.as_ref());
            }
        }
        for (name, set) in &m.dated_sets {
            let at = root.key("dated_sets").key(name);
            if c.claim_name(
                &at,
                name,
                "dated set",
                |c| &mut c.dated_sets,
                Ty::of_raw(set.ty),
            ) {
                let mut members = Vec::new();
                for (i, mem) in set.members.iter().enumerate() {
                    let mat = at.key("members").index(i);
                    let value = c.literal_of(&mem.value, Ty::of_raw(set.ty), &mat.key("value"));
                    let from = c.date(&mem.from, &mat.key("from"));
                    let to = mem.to.as_deref().and_then(|t| c.date(t, &mat.key("to")));
                    if let (Some(f), Some(t)) = (from, to) {
                        if t <= f {
                            c.error(
                                &mat.key("to"),
                                format!("membership ends ({t}) on or before it starts ({f})"),
                                None,
                            );
                        }
                    }
                    c.check_source_opt(&mat, mem.source.as_ref());
                    if let (Some(value), Some(from)) = (value, from) {
                        members.push(DatedMember { value, from, to });
                    }
                }
                c.out_dated.push(DatedSet {
                    name: name.clone(),
                    label: set.label.clone(),
                    members,
                    otherwise_mention: Vec::new(),
                });
            }
        }
        for (name, param) in &m.parameters {
            let at = root.key("parameters").key(name);
            if c.claim_name(
                &at,
                name,
                "parameter",
                |c| &mut c.params,
                Ty::of_raw(param.ty),
            ) {
                let mut values: Vec<(NaiveDate, Lit)> = Vec::new();
                for (i, pv) in param.values.iter().enumerate() {
                    let vat = at.key("values").index(i);
                    let from = c.date(&pv.from, &vat.key("from"));
                    let value = c.literal_of(&pv.value, Ty::of_raw(param.ty), &vat.key("value"));
                    if let (Some(from), Some(value)) = (from, value) {
                        if values.last().is_some_and(|(last, _)| *last >= from) {
                            c.error(&vat.key("from"), format!("values must be in date order: {from} is not after the previous value's date"), None);
                        }
                        values.push((from, value));
                    }
                }
                if param.values.is_empty() {
                    c.error(
                        &at.key("values"),
                        "a parameter needs at least one value".to_owned(),
                        None,
                    );
                }
                c.check_source_opt(&at, param.source.as_ref());
                let known_until = param
                    .known_until
                    .as_deref()
                    .and_then(|d| c.date(d, &at.key("known_until")));
                if let (Some(until), Some((last, _))) = (known_until, values.last()) {
                    if until <= *last {
                        c.error(
                            &at.key("known_until"),
                            format!("{until} is not after the last value's date ({last})"),
                            None,
                        );
                    }
                }
                c.out_params.push(Param {
                    name: name.clone(),
                    label: param.label.clone(),
                    values,
                    known_until,
                });
            }
        }
        for (name, def) in &m.definitions {
            let at = root.key("definitions").key(name);
            if let Some(prev) = c.def_index.get(name).copied() {
                let prev_at = c.def_src.get(prev).map(|d| d.0.clone());
                c.error(
                    &at,
                    format!("definition `{name}` is defined twice"),
                    prev_at.map(|p| format!("the first is in {}", c.describe_at(&p))),
                );
                continue;
            }
            c.def_index.insert(name.clone(), c.def_src.len());
            c.def_src.push((at, &def.expr, def.description.clone()));
            c.def_state.push(DefState::Pending);
            c.def_nodes.push(None);
            c.def_depth.push(0);
            c.def_names.push(name.clone());
        }
    }

    /// The hosts whose national modules the pack holds, as a set rules can
    /// name: adding a host's module is all it takes to have it counted.
    pub(super) fn declare_hosts(&mut self, modules: &[(usize, RawModule)]) {
        let c = self;
        let mut hosts: Vec<Lit> = Vec::new();
        for (_, m) in modules {
            if let Some(c) = m.host.as_deref().and_then(Country::from_code) {
                if !hosts.contains(&Lit::Country(c)) {
                    hosts.push(Lit::Country(c));
                }
            }
        }
        if let Some((file, _)) = modules.first() {
            let at = At {
                file: *file,
                path: JsonPath::root(),
            };
            if c.claim_name(&at, NATIONAL_HOSTS, "set", |c| &mut c.sets, Ty::Country) {
                c.out_sets.push(NamedSet {
                    name: NATIONAL_HOSTS.to_owned(),
                    label: "the host states whose national rules are in this pack".to_owned(),
                    values: hosts,
                    dates: Vec::new(),
                });
            }
        }
    }

    /// Cross-references between dated sets, once every set has its index.
    pub(super) fn link_dated_sets(&mut self, modules: &[(usize, RawModule)]) {
        let c = self;
        for (file, m) in modules {
            for (name, set) in &m.dated_sets {
                let Some((id, ty)) = c.dated_sets.get(name).copied() else {
                    continue;
                };
                let mut mention = Vec::new();
                for (i, other) in set.otherwise_mention.iter().enumerate() {
                    let at = At {
                        file: *file,
                        path: JsonPath::root()
                            .key("dated_sets")
                            .key(name)
                            .key("otherwise_mention")
                            .index(i),
                    };
                    match c.dated_sets.get(other).copied() {
                        Some((other_id, other_ty)) if other_ty == ty && other_id != id => {
                            mention.push(DatedSetId::new(other_id))
                        }
                        Some(_) => c.error(
                            &at,
                            format!(
                                "`{other}` must be another dated set of {} values",
                                ty.name()
                            ),
                            None,
                        ),
                        None => {
                            let help = c.suggest(other, c.dated_sets.keys());
                            c.error(&at, format!("undefined dated set `{other}`"), help);
                        }
                    }
                }
                if let Some(out) = c.out_dated.get_mut(id) {
                    out.otherwise_mention = mention;
                }
            }
        }
    }

    /// The pack header: exactly one file has it, and it names a boolean
    /// status definition.
    pub(super) fn pack_meta(&mut self, modules: &[(usize, RawModule)]) -> Option<PackMeta> {
        let c = self;
        let files = c.files;
        let headers: Vec<_> = modules
            .iter()
            .filter_map(|(f, m)| m.pack.as_ref().map(|p| (*f, p)))
            .collect();
        let mut meta = None;
        match headers.as_slice() {
        [] if modules.len() == files.len() => c.errors.push(Diagnostic::text(
String::new(),
None,
JsonPath::root(),
"no file has a `pack` header".to_owned(),
Some("add `\"pack\": {\"name\", \"version\", \"status\", \"day_count\", \"disclaimer\"}` to one file, e.g. pack.json".to_owned()),
)),
        [] => {}
        [(file, header), rest @ ..] => {
            for (f, _) in rest {
                let at = At { file: *f, path: JsonPath::root().key("pack") };
                c.error(&at, "a second `pack` header".to_owned(), Some(format!("the first is in {}", c.file_name(*file))));
            }
            let at = At { file: *file, path: JsonPath::root().key("pack") };
            let status_def = match c.def_index.get(&header.status).copied() {
                Some(id) => {
                    if !matches!(c.def_state.get(id), Some(DefState::Done(Ty::Bool) | DefState::Failed)) {
                        c.error(&at.key("status"), format!("the status definition `{}` must be a boolean", header.status), None);
                    }
                    Some(id)
                }
                None => {
                    let help = c.suggest(&header.status, c.def_index.keys());
                    c.error(&at.key("status"), format!("undefined definition `{}`", header.status), help);
                    None
                }
            };
            let default_host = header.default_host.as_deref().map(|h| {
                match c.literal_of(&Value::String(h.to_owned()), Ty::Country, &at.key("default_host")) {
                    Some(Lit::Country(country)) => Some(country),
                    _ => None,
                }
            });
            meta = status_def.map(|status_def| PackMeta {
                name: header.name.clone(),
                version: header.version.clone(),
                title: header.title.clone(),
                status_def: DefId::new(status_def),
                day_count: match header.day_count {
                    RawDayCount::EventDayIsDay1 => DayCount::EventDayIsDay1,
                    RawDayCount::NextDayIsDay1 => DayCount::NextDayIsDay1,
                },
                disclaimer: header.disclaimer.clone(),
                default_host: default_host.flatten(),
                hash: c.hash.map_or_else(|| content_hash(files), str::to_owned),
            });
        }
    }
        meta
    }

    pub(super) fn claim_name(
        &mut self,
        at: &At,
        name: &str,
        what: &str,
        table: impl Fn(&mut Self) -> &mut HashMap<String, (usize, Ty)>,
        ty: Ty,
    ) -> bool {
        if table(self).contains_key(name) {
            self.error(at, format!("{what} `{name}` is defined twice"), None);
            return false;
        }
        let next = table(self).len();
        table(self).insert(name.to_owned(), (next, ty));
        true
    }

    /// The pack's `occupations` table: at most one module may declare it.
    pub(super) fn occupations(&mut self, modules: &[(usize, RawModule)]) -> Option<Occupations> {
        let mut sections = modules
            .iter()
            .filter_map(|(f, m)| m.occupations.as_ref().map(|o| (*f, o)));
        let (file, raw) = sections.next()?;
        for (other, _) in sections {
            let at = At {
                file: other,
                path: JsonPath::root().key("occupations"),
            };
            let first = format!("the first is in {}", self.file_name(file));
            self.error(
                &at,
                "a second `occupations` section: a pack has one table of job titles".to_owned(),
                Some(first),
            );
        }
        let at = At {
            file,
            path: JsonPath::root().key("occupations"),
        };
        let mut problems = Vec::new();
        let table = crate::rules::occupations::compile(raw, &at.path, &mut problems);
        for (path, message, help) in problems {
            self.error(&At { file, path }, message, help);
        }
        self.check_source_opt(&at, raw.source.as_ref());
        table
    }

    /// The pack's questions, checked against the profile's facts and the
    /// occupations table's categories (`rules::questions`).
    pub(super) fn questions(
        &mut self,
        modules: &[(usize, RawModule)],
    ) -> crate::rules::questions::Questions {
        let categories = modules
            .iter()
            .find_map(|(_, m)| m.occupations.as_ref())
            .map(|o| o.categories.clone())
            .unwrap_or_default();
        let mut problems = Vec::new();
        let questions = crate::rules::questions::compile(modules, &categories, &mut problems);
        for (file, path, message, help) in problems {
            self.error(&At { file, path }, message, help);
        }
        questions
    }
}
