//! Checks a pack and compiles it: names resolved to indices, expressions
//! type-checked, literals typed, templates split, definitions ordered and
//! free of cycles. Every problem is collected; nothing half-checked reaches
//! the evaluator.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use super::error::{PackError, PackErrors};
use super::raw::{RawDayCount, RawLocaleSay, RawModule, RawType};
use super::SourceFile;
use crate::country::Country;
use crate::dates::parse_iso_date;
use crate::engine::ir::*;
use crate::json::{describe, parse_strict, path_of, plain_message};
use crate::locate::{locate, JsonPath, Locator, Seg};
use crate::profile::{ContractKind, Relation};

/// Static type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ty {
    Bool,
    Int,
    Date,
    Country,
    Kind,
    Relation,
    Text,
    Countries,
    Family,
    Member,
    Null,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Bool => "a boolean",
            Ty::Int => "a whole number",
            Ty::Date => "a date",
            Ty::Country => "a country",
            Ty::Kind => "a contract kind",
            Ty::Relation => "a family relation",
            Ty::Text => "text",
            Ty::Countries => "a list of countries",
            Ty::Family => "a list of family members",
            Ty::Member => "a family member",
            Ty::Null => "null",
        }
    }

    fn of_raw(raw: RawType) -> Ty {
        match raw {
            RawType::Bool => Ty::Bool,
            RawType::Int => Ty::Int,
            RawType::Date => Ty::Date,
            RawType::Text => Ty::Text,
            RawType::Country => Ty::Country,
        }
    }
}

/// The set the compiler makes of the hosts of the pack's national modules.
pub(crate) const NATIONAL_HOSTS: &str = "hosts_with_national_rules";

/// `when` and the test that the rule's event (`on`) falls in its period,
/// each comparison explained in words of its own (`Say::EventFrom`,
/// `Say::EventTo`). An unknown entry date is still bounded by the
/// assessment date: `engine::bounds` settles the test when the assessment
/// date alone decides it.
fn with_event_period(when: Node, on: &Node, from: NaiveDate, to: Option<NaiveDate>) -> Node {
    let compare = |op: CmpOp, day: NaiveDate, say: Say| Node {
        op: Op::Cmp(
            op,
            Box::new(on.clone()),
            Box::new(Node {
                op: Op::Lit(Lit::Date(day)),
                say: None,
            }),
        ),
        say: Some(Box::new(say)),
    };
    let mut tests = vec![compare(CmpOp::Ge, from, Say::EventFrom)];
    if let Some(to) = to {
        tests.push(compare(CmpOp::Lt, to, Say::EventTo));
    }
    match when {
        Node {
            op: Op::All(mut items),
            say: None,
        } => {
            items.extend(tests);
            Node {
                op: Op::All(items),
                say: None,
            }
        }
        other => {
            tests.insert(0, other);
            Node {
                op: Op::All(tests),
                say: None,
            }
        }
    }
}

/// The type of a profile field's value.
fn field_type(field: Field) -> Ty {
    match field {
        Field::Citizenship => Ty::Countries,
        Field::Host => Ty::Country,
        Field::EntryDate
        | Field::AsOf
        | Field::ContractStart
        | Field::ContractEnd
        | Field::TerminatedOn
        | Field::EffectiveEnd => Ty::Date,
        Field::ContractKind => Ty::Kind,
        Field::Occupation | Field::OccupationCategory => Ty::Text,
        Field::Registered | Field::PermanentResident => Ty::Bool,
        Field::Family => Ty::Family,
    }
}

/// The type of a family member's field's value.
fn member_field_type(field: MemberField) -> Ty {
    match field {
        MemberField::Relation => Ty::Relation,
        MemberField::BirthDate => Ty::Date,
        MemberField::Citizenship => Ty::Countries,
    }
}

/// The path of a profile field, as rules and missing-fact lists name it.
pub fn field_path(field: Field) -> &'static str {
    field.path()
}

/// The name of a family member's field.
pub fn member_field_name(field: MemberField) -> &'static str {
    field.name()
}

fn lookup_field(name: &str) -> Option<(Field, Ty)> {
    Field::ALL
        .into_iter()
        .find(|f| f.path() == name)
        .map(|f| (f, field_type(f)))
}

/// Where an expression sits: file index and JSON path.
#[derive(Clone)]
struct At {
    file: usize,
    path: JsonPath,
}

impl At {
    fn key(&self, k: &str) -> At {
        At {
            file: self.file,
            path: self.path.key(k),
        }
    }
    fn index(&self, i: usize) -> At {
        At {
            file: self.file,
            path: self.path.index(i),
        }
    }
}

enum DefState {
    Pending,
    InProgress,
    Done(Ty),
    Failed,
}

struct Compiler<'f> {
    files: &'f [SourceFile],
    /// One per file: a pack with thousands of errors is located in linear time.
    locators: Vec<Locator<'f>>,
    errors: Vec<PackError>,
    sets: HashMap<String, (usize, Ty)>,
    dated_sets: HashMap<String, (usize, Ty)>,
    params: HashMap<String, (usize, Ty)>,
    def_index: HashMap<String, usize>,
    def_src: Vec<(At, &'f Value, Option<String>)>,
    def_state: Vec<DefState>,
    def_nodes: Vec<Option<Node>>,
    def_names: Vec<String>,
    out_sets: Vec<NamedSet>,
    out_dated: Vec<DatedSet>,
    out_params: Vec<Param>,
    max_depth: usize,
    /// How deep the expression being compiled is, counting through the
    /// definitions compiled on the way (bounds the compiler's recursion).
    nesting: usize,
    /// Names and rule ids found in files that failed to load.
    unparsed: HashSet<String>,
    /// Each definition's evaluation depth, counting through the definitions it uses.
    def_depth: Vec<usize>,
    /// Whether some module declares an `occupations` section (even a
    /// broken one, or in a file that failed to load): `occupation_category`
    /// is derived from it.
    has_occupations: bool,
    /// Every rule's id by (file, index in its file's `rules`), to name the
    /// `say`s inside it.
    rule_ids: HashMap<(usize, usize), String>,
    /// Every `say` compiled, in English, by key.
    out_says: Vec<SayText>,
}

/// The deepest expression a pack may hold, counting through definitions.
///
/// Compiling and evaluating recurse once per level; a chain of thousands
/// of definitions would otherwise overflow the stack. Real rules nest
/// about a dozen levels.
pub const MAX_NESTING: usize = 64;
/// The most quantifiers (`some`, `every`, `count`) nested in one another:
/// each multiplies the work per profile by the length of a list.
pub const MAX_QUANTIFIERS: usize = 3;

/// A variable in scope: its name and what it ranges over.
struct Scope {
    vars: Vec<(String, Ty)>,
}

/// Compiles parsed source files into a pack, or reports every problem.
pub fn compile(files: &[SourceFile]) -> Result<RulePack, PackErrors> {
    let mut errors = Vec::new();
    let mut modules = Vec::new();
    let mut unparsed = HashSet::new();
    let mut has_occupations = false;
    for (i, file) in files.iter().enumerate() {
        match parse_module(file) {
            Ok(m) => {
                has_occupations |= m.occupations.is_some();
                modules.push((i, m));
            }
            Err(failed) => {
                let (e, value) = *failed;
                errors.push(e);
                if let Some(v) = value {
                    names_in(&v, &mut unparsed);
                    has_occupations |= v.get("occupations").is_some();
                }
            }
        }
    }

    let mut c = Compiler {
        files,
        locators: files
            .iter()
            .map(|f| Locator::new(f.text.strip_prefix('\u{feff}').unwrap_or(&f.text)))
            .collect(),
        errors,
        sets: HashMap::new(),
        dated_sets: HashMap::new(),
        params: HashMap::new(),
        def_index: HashMap::new(),
        def_src: Vec::new(),
        def_state: Vec::new(),
        def_nodes: Vec::new(),
        def_names: Vec::new(),
        out_sets: Vec::new(),
        out_dated: Vec::new(),
        out_params: Vec::new(),
        max_depth: 0,
        nesting: 0,
        unparsed,
        def_depth: Vec::new(),
        has_occupations,
        rule_ids: modules
            .iter()
            .flat_map(|(file, m)| {
                m.rules
                    .iter()
                    .enumerate()
                    .map(move |(i, r)| ((*file, i), r.id.clone()))
            })
            .collect(),
        out_says: Vec::new(),
    };

    // Names first, so every reference can be resolved whatever the file order.
    for (file, m) in &modules {
        let root = At {
            file: *file,
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

    // The hosts whose national modules the pack holds, as a set rules can
    // name: adding a host's module is all it takes to have it counted.
    let mut hosts: Vec<Lit> = Vec::new();
    for (_, m) in &modules {
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

    // Cross-references between dated sets, once every set has its index.
    for (file, m) in &modules {
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
                        mention.push(other_id)
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

    let occupations = c.occupations(&modules);

    for id in 0..c.def_src.len() {
        c.compile_def(id);
    }

    // The pack header.
    let headers: Vec<_> = modules
        .iter()
        .filter_map(|(f, m)| m.pack.as_ref().map(|p| (*f, p)))
        .collect();
    let mut meta = None;
    match headers.as_slice() {
        [] if modules.len() == files.len() => c.errors.push(PackError {
            file: String::new(),
            location: None,
            path: JsonPath::root(),
            message: "no file has a `pack` header".to_owned(),
            help: Some("add `\"pack\": {\"name\", \"version\", \"status\", \"day_count\", \"disclaimer\"}` to one file, e.g. pack.json".to_owned()),
        }),
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
                status_def,
                day_count: match header.day_count {
                    RawDayCount::EventDayIsDay1 => DayCount::EventDayIsDay1,
                    RawDayCount::NextDayIsDay1 => DayCount::NextDayIsDay1,
                },
                disclaimer: header.disclaimer.clone(),
                default_host: default_host.flatten(),
                hash: content_hash(files),
            });
        }
    }

    let rules = c.compile_rules(&modules);
    let locales = c.compile_locales(&modules, &rules);

    if !c.errors.is_empty() {
        let mut errors = c.errors;
        errors.sort_by(|a, b| (a.file.as_str(), a.location).cmp(&(b.file.as_str(), b.location)));
        errors.dedup();
        return Err(PackErrors(errors));
    }
    let Some(meta) = meta else {
        return Err(PackErrors(vec![]));
    };
    let defs = c
        .def_nodes
        .into_iter()
        .zip(c.def_names)
        .zip(c.def_src.iter().map(|d| d.2.clone()))
        .map(|((node, name), description)| Def {
            name,
            description,
            expr: node.unwrap_or(Node {
                op: Op::Lit(Lit::Null),
                say: None,
            }),
        })
        .collect();
    Ok(RulePack {
        meta,
        rules,
        defs,
        sets: c.out_sets,
        dated_sets: c.out_dated,
        params: c.out_params,
        occupations,
        var_slots: c.max_depth,
        says: c.out_says,
        locales,
    })
}

/// Reads one file: strict JSON first (duplicate keys are errors, not
/// silently overwritten), then the module's shape.
/// On failure: the error, and the file's JSON when it was valid JSON.
type Unparsed = Box<(PackError, Option<Value>)>;

fn parse_module(file: &SourceFile) -> Result<RawModule, Unparsed> {
    let text = file.text.strip_prefix('\u{feff}').unwrap_or(&file.text);
    let fail = |path: JsonPath, location, message: String, value: Option<Value>| -> Unparsed {
        Box::new((
            PackError {
                file: file.path.clone(),
                location,
                path,
                message,
                help: None,
            },
            value,
        ))
    };
    if text.trim().is_empty() {
        let message = format!("the file is empty: expected {MODULE}");
        return Err(fail(JsonPath::root(), None, message, None));
    }
    let value = parse_strict(text).map_err(|e| fail(e.path, e.location, e.message, None))?;
    if !value.is_object() {
        let message = format!("expected {MODULE}, found {}", describe(&value));
        let location = locate(text, &JsonPath::root());
        return Err(fail(JsonPath::root(), location, message, None));
    }
    serde_path_to_error::deserialize::<_, RawModule>(value.clone()).map_err(|e| {
        let path = path_of(e.path());
        let location = locate(text, &path);
        let message = plain_message(&e.into_inner().to_string());
        fail(path, location, message, Some(value))
    })
}

/// What a rule file is, for messages.
const MODULE: &str =
    "a JSON object with `pack`, `sets`, `dated_sets`, `parameters`, `definitions`, `occupations` or `rules`";

/// The names a module defines and its rule ids, read from its JSON.
fn names_in(module: &Value, out: &mut HashSet<String>) {
    for section in ["sets", "dated_sets", "parameters", "definitions"] {
        if let Some(Value::Object(m)) = module.get(section) {
            out.extend(m.keys().cloned());
        }
    }
    if let Some(Value::Array(rules)) = module.get("rules") {
        for r in rules {
            if let Some(Value::String(id)) = r.get("id") {
                out.insert(id.clone());
            }
        }
    }
}

/// How many levels evaluating a node recurses, a definition counting as
/// its own depth (`defs`, already computed: definitions compile before use).
fn node_depth(node: &Node, defs: &[usize]) -> usize {
    let d = |n: &Node| node_depth(n, defs);
    let children = match &node.op {
        Op::Lit(_) | Op::Field(_) | Op::Var { .. } | Op::Param { on: None, .. } => 0,
        Op::Def(id) => defs.get(*id).copied().unwrap_or(0),
        Op::Param { on: Some(n), .. } | Op::Not(n) | Op::IsNull(n) => d(n),
        Op::All(items) | Op::Any(items) | Op::Earliest(items) | Op::Latest(items) => {
            items.iter().map(d).max().unwrap_or(0)
        }
        Op::Cmp(_, a, b)
        | Op::Shift(_, a, b)
        | Op::DaysBetween(a, b)
        | Op::Age(a, b)
        | Op::LastDay(a, b) => d(a).max(d(b)),
        Op::In(item, set) => match set {
            SetSrc::List(list) => d(item).max(d(list)),
            SetSrc::Literal(_) | SetSrc::Named(_) => d(item),
        },
        Op::Member { value, on, .. } => d(value).max(d(on)),
        Op::Quant { list, body, .. } => d(list).max(d(body)),
        Op::AddWorkingDays { from, days, .. } => d(from).max(d(days)),
    };
    children.saturating_add(1)
}

/// `sha256:` and 16 hex digits over every file's path and text, in path order.
fn content_hash(files: &[SourceFile]) -> String {
    let mut sorted: Vec<&SourceFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.path.cmp(&b.path));
    let mut h = Sha256::new();
    for f in sorted {
        h.update(f.path.as_bytes());
        h.update([0]);
        h.update(f.text.as_bytes());
        h.update([0]);
    }
    let digest = h.finalize();
    let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

impl<'f> Compiler<'f> {
    fn file_name(&self, file: usize) -> String {
        self.files
            .get(file)
            .map_or_else(String::new, |f| f.path.clone())
    }

    fn describe_at(&self, at: &At) -> String {
        let file = self.file_name(at.file);
        match self.locators.get(at.file).and_then(|l| l.locate(&at.path)) {
            Some(loc) => format!("{file}:{}:{}", loc.line, loc.column),
            None => file,
        }
    }

    fn error(&mut self, at: &At, message: String, help: Option<String>) {
        let location = self.locators.get(at.file).and_then(|l| l.locate(&at.path));
        self.errors.push(PackError {
            file: self.file_name(at.file),
            location,
            path: at.path.clone(),
            message,
            help,
        });
    }

    /// An undefined name, unless a file that failed to load defines it:
    /// that file's error is the one to fix, the rest would be noise.
    fn undefined(&mut self, name: &str, at: &At, message: String, help: Option<String>) {
        if !self.unparsed.contains(name) {
            self.error(at, message, help);
        }
    }

    fn suggest<'n>(&self, wrong: &str, names: impl Iterator<Item = &'n String>) -> Option<String> {
        did_you_mean(wrong, names.map(String::as_str))
    }

    fn claim_name(
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
    fn occupations(&mut self, modules: &[(usize, RawModule)]) -> Option<Occupations> {
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
        let table = super::occupations::compile(raw, &at.path, &mut problems);
        for (path, message, help) in problems {
            self.error(&At { file, path }, message, help);
        }
        self.check_source_opt(&at, raw.source.as_ref());
        table
    }

    /// Why a field cannot be read in this pack, if it cannot.
    fn field_unavailable(&self, field: Field) -> Option<String> {
        (field == Field::OccupationCategory && !self.has_occupations).then(|| {
            "`occupation_category` is derived from the pack's `occupations` table, and no file has an `occupations` section".to_owned()
        })
    }

    fn check_source_opt(&mut self, at: &At, source: Option<&Source>) {
        if let Some(s) = source {
            self.check_source(&at.key("source"), s);
        }
    }

    fn check_source(&mut self, at: &At, s: &Source) {
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

    fn date(&mut self, text: &str, at: &At) -> Option<NaiveDate> {
        match parse_iso_date(text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.error(at, e.to_string(), None);
                None
            }
        }
    }

    /// A JSON literal read as a value of the given type.
    fn literal_of(&mut self, v: &Value, ty: Ty, at: &At) -> Option<Lit> {
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

    fn coerce_text(&mut self, s: &str, ty: Ty, at: &At) -> Option<Lit> {
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

    fn compile_def(&mut self, id: usize) -> Option<Ty> {
        match self.def_state.get(id)? {
            DefState::Done(ty) => return Some(*ty),
            DefState::Failed => return None,
            DefState::InProgress => return None,
            DefState::Pending => {}
        }
        if let Some(s) = self.def_state.get_mut(id) {
            *s = DefState::InProgress;
        }
        let (at, expr, _) = self.def_src.get(id)?.clone();
        let mut scope = Scope { vars: Vec::new() };
        let result = self.expr(expr, &at.key("expr"), &mut scope);
        let state = match result {
            Some((node, ty)) => {
                let depth = node_depth(&node, &self.def_depth);
                if let Some(d) = self.def_depth.get_mut(id) {
                    *d = depth;
                }
                if let Some(slot) = self.def_nodes.get_mut(id) {
                    *slot = Some(node);
                }
                if depth > MAX_NESTING {
                    self.nesting_error(&at.key("expr"), depth);
                    DefState::Failed
                } else {
                    DefState::Done(ty)
                }
            }
            None => DefState::Failed,
        };
        let ty = if let DefState::Done(t) = state {
            Some(t)
        } else {
            None
        };
        if let Some(s) = self.def_state.get_mut(id) {
            *s = state;
        }
        ty
    }

    fn compile_rules(&mut self, modules: &[(usize, RawModule)]) -> Vec<Rule> {
        let mut ids: HashMap<String, At> = HashMap::new();
        let mut rules = Vec::new();
        let mut links: Vec<(At, String)> = Vec::new();
        for (file, m) in modules {
            let host = m.host.as_deref().and_then(|h| {
                let at = At {
                    file: *file,
                    path: JsonPath::root().key("host"),
                };
                self.literal_of(&Value::String(h.to_owned()), Ty::Country, &at)
            });
            let host = match host {
                Some(Lit::Country(c)) => Some(c),
                _ => None,
            };
            for (i, raw) in m.rules.iter().enumerate() {
                let at = At {
                    file: *file,
                    path: JsonPath::root().key("rules").index(i),
                };
                if host.is_some() && raw.level == Some(Level::Treaty) {
                    self.error(&at.key("level"), format!("rule `{}` is in a national module (`host`), so it cannot be a Treaty-level rule", raw.id), Some("give it `\"level\": \"national\"`, or move it to a module without `host`".to_owned()));
                }
                if !valid_id(&raw.id) {
                    self.error(&at.key("id"), format!("`{}` is not a valid rule id: expected lower-case, dotted words of a-z, 0-9 and -, e.g. `eaeu.work-permit-exemption`", raw.id), None);
                }
                if let Some(prev) = ids.get(&raw.id) {
                    let first = self.describe_at(prev);
                    self.error(
                        &at.key("id"),
                        format!("duplicate rule id `{}`", raw.id),
                        Some(format!("the first is in {first}")),
                    );
                } else {
                    ids.insert(raw.id.clone(), at.clone());
                }
                let source = match &raw.source {
                    Some(s) => {
                        self.check_source(&at.key("source"), s);
                        Some(s.clone())
                    }
                    None => {
                        self.error(&at, format!("rule `{}` has no `source`", raw.id), Some("every rule cites its source: `\"source\": {\"instrument\": ..., \"article\": ...}`".to_owned()));
                        None
                    }
                };
                let (from, to) = match &raw.in_force {
                    Some(f) => {
                        let from = self.date(&f.from, &at.key("in_force").key("from"));
                        let to =
                            f.to.as_deref()
                                .and_then(|t| self.date(t, &at.key("in_force").key("to")));
                        if let (Some(a), Some(b)) = (from, to) {
                            if b <= a {
                                self.error(&at.key("in_force").key("to"), format!("the rule stops being in force ({b}) on or before it starts ({a})"), None);
                            }
                        }
                        (from, to)
                    }
                    None => {
                        self.error(
                            &at,
                            format!("rule `{}` has no `in_force` period", raw.id),
                            Some("add `\"in_force\": {\"from\": \"YYYY-MM-DD\"}`".to_owned()),
                        );
                        (None, None)
                    }
                };
                let mut scope = Scope { vars: Vec::new() };
                let when = self.expect_ty(&raw.when, &at.key("when"), &mut scope, Ty::Bool);
                let in_force_on = match raw.in_force.as_ref().and_then(|f| f.on.as_ref()) {
                    Some(on) => {
                        let on_at = at.key("in_force").key("on");
                        self.expect_ty(on, &on_at, &mut scope, Ty::Date)
                    }
                    None => None,
                };
                let earlier = raw.in_force.as_ref().and_then(|f| f.earlier.clone());
                if earlier.is_some() && in_force_on.is_some() {
                    self.error(&at.key("in_force").key("earlier"), "`earlier` is for rules dated by the assessment date: a rule dated by an event (`on`) does not apply to earlier events".to_owned(), None);
                }
                // A rule dated by its event tests its period on the event's
                // date as part of `when`, so both evaluators need nothing more.
                let when = match (when, &in_force_on, from) {
                    (Some(when), Some(on), Some(from)) => {
                        Some(with_event_period(when, on, from, to))
                    }
                    (when, _, _) => when,
                };
                let met = raw
                    .met_when
                    .as_ref()
                    .and_then(|m| self.expect_ty(m, &at.key("met_when"), &mut scope, Ty::Bool));
                let unless = raw
                    .unless
                    .as_ref()
                    .map(|u| self.expect_ty(u, &at.key("unless"), &mut scope, Ty::Bool));
                let mut dates = Vec::new();
                for (name, expr) in &raw.dates {
                    if let Some(node) =
                        self.expect_ty(expr, &at.key("dates").key(name), &mut scope, Ty::Date)
                    {
                        dates.push((name.clone(), node));
                    }
                }
                for (key, node) in [
                    ("when", when.as_ref()),
                    ("unless", unless.as_ref().and_then(|u| u.as_ref())),
                ]
                .into_iter()
                .filter_map(|(k, n)| n.map(|n| (k, n)))
                .chain(dates.iter().map(|(_, n)| ("dates", n)))
                {
                    let depth = node_depth(node, &self.def_depth);
                    if depth > MAX_NESTING {
                        self.nesting_error(&at.key(key), depth);
                    }
                }
                let date_names: Vec<String> = raw.dates.keys().cloned().collect();
                let summary = self.template(&raw.summary, &at.key("summary"), 0, &date_names);
                for (j, target) in raw.implements.iter().chain(&raw.limits).enumerate() {
                    let key = if j < raw.implements.len() {
                        "implements"
                    } else {
                        "limits"
                    };
                    let index = if j < raw.implements.len() {
                        j
                    } else {
                        j - raw.implements.len()
                    };
                    links.push((at.key(key).index(index), target.clone()));
                }
                for (j, target) in raw.excludes.iter().enumerate() {
                    if *target == raw.id {
                        self.error(
                            &at.key("excludes").index(j),
                            format!("rule `{}` cannot exclude itself", raw.id),
                            None,
                        );
                    }
                    links.push((at.key("excludes").index(j), target.clone()));
                }
                if let (Some(source), Some(from), Some(when), Some(summary)) =
                    (source, from, when, summary)
                {
                    if unless.as_ref().is_some_and(|u| u.is_none()) {
                        continue;
                    }
                    rules.push(Rule {
                        id: raw.id.clone(),
                        kind: raw.kind,
                        title: raw.title.clone(),
                        summary,
                        source,
                        in_force_from: from,
                        in_force_to: to,
                        in_force_on,
                        earlier,
                        host,
                        when,
                        unless: unless.flatten(),
                        dates,
                        met,
                        see_also: raw.see_also.clone(),
                        note: raw.note.clone(),
                        confidence: raw.confidence,
                        level: raw.level,
                        implements: raw.implements.clone(),
                        limits: raw.limits.clone(),
                        excludes: raw.excludes.clone(),
                        tension: raw.tension.clone(),
                        file: self.file_name(*file),
                        index_in_file: i,
                    });
                }
            }
        }
        for (at, target) in links {
            if !ids.contains_key(&target) && !self.unparsed.contains(&target) {
                let help = self.suggest(&target, ids.keys());
                self.error(&at, format!("no rule has the id `{target}`"), help);
            }
        }
        rules
    }

    fn expect_ty(&mut self, v: &Value, at: &At, scope: &mut Scope, want: Ty) -> Option<Node> {
        let (node, ty) = self.expr(v, at, scope)?;
        // A null condition would be unknown for every profile: every rule
        // using it would come out undetermined with no question to settle it.
        if want == Ty::Bool && ty == Ty::Null {
            self.error(
                at,
                "expected a boolean condition, but this is null: a condition cannot be null".to_owned(),
                Some("write the condition, `true` or `false`, or leave an optional key (`unless`, `met_when`) out".to_owned()),
            );
            return None;
        }
        if ty != want && ty != Ty::Null {
            self.error(
                at,
                format!("expected {}, but this is {}", want.name(), ty.name()),
                None,
            );
            return None;
        }
        Some(node)
    }

    fn nesting_error(&mut self, at: &At, depth: usize) {
        self.error(
            at,
            format!("expressions nest {depth} levels deep, counting through the definitions they use: at most {MAX_NESTING} are accepted"),
            Some("split the condition, or flatten chains of definitions that only refer to the next one".to_owned()),
        );
    }

    /// Compiles one expression; `None` after reporting an error.
    fn expr(&mut self, v: &Value, at: &At, scope: &mut Scope) -> Option<(Node, Ty)> {
        if self.nesting >= MAX_NESTING {
            let depth = self.nesting.saturating_add(1);
            self.nesting_error(at, depth);
            return None;
        }
        self.nesting = self.nesting.saturating_add(1);
        let result = self.expr_at_depth(v, at, scope);
        self.nesting = self.nesting.saturating_sub(1);
        result
    }

    fn expr_at_depth(&mut self, v: &Value, at: &At, scope: &mut Scope) -> Option<(Node, Ty)> {
        let plain = |op: Op, ty: Ty| Some((Node { op, say: None }, ty));
        let obj = match v {
            Value::Null => return plain(Op::Lit(Lit::Null), Ty::Null),
            Value::Bool(b) => return plain(Op::Lit(Lit::Bool(*b)), Ty::Bool),
            Value::Number(_) => {
                let lit = self.literal_of(v, Ty::Int, at)?;
                return plain(Op::Lit(lit), Ty::Int);
            }
            Value::String(s) => return plain(Op::Lit(Lit::Text(s.clone())), Ty::Text),
            Value::Array(_) => {
                self.error(
                    at,
                    "a list of values can only stand on the right of `in`".to_owned(),
                    None,
                );
                return None;
            }
            Value::Object(o) => o,
        };
        let mut keys: Vec<&String> = obj.keys().filter(|k| k.as_str() != "say").collect();
        // `param` takes an optional `on` beside it.
        if obj.contains_key("param") {
            keys.retain(|k| k.as_str() != "on");
        }
        let op_name = match keys.as_slice() {
            [one] => one.as_str(),
            [] => {
                self.error(
                    at,
                    "an expression needs an operator key".to_owned(),
                    Some(OPERATOR_HELP.to_owned()),
                );
                return None;
            }
            many => {
                let list = many
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                self.error(
                    at,
                    format!("an expression has exactly one operator, found {list}"),
                    None,
                );
                return None;
            }
        };
        let arg = obj.get(op_name)?;
        let arg_at = at.key(op_name);
        let (op, ty) = self.operator(op_name, arg, obj, &arg_at, at, scope)?;
        let node = Node { op, say: None };
        let say = match obj.get("say") {
            Some(s) => Some(Box::new(
                self.say(
                    s,
                    &at.key("say"),
                    // A say shows at most the first two operands: the engine
                    // keeps their values beside its reason without allocating.
                    crate::engine::template_operand_count(&node)
                        .min(crate::engine::reason::SAY_OPERANDS),
                )?,
            )),
            None => None,
        };
        Some((Node { say, ..node }, ty))
    }

    fn operator(
        &mut self,
        name: &str,
        arg: &Value,
        obj: &Map<String, Value>,
        at: &At,
        node_at: &At,
        scope: &mut Scope,
    ) -> Option<(Op, Ty)> {
        match name {
            "date" => {
                let Value::String(s) = arg else {
                    self.error(at, "`date` takes a string `YYYY-MM-DD`".to_owned(), None);
                    return None;
                };
                Some((Op::Lit(Lit::Date(self.date(s, at)?)), Ty::Date))
            }
            "field" => {
                let name = self.string_arg(arg, at, "field")?;
                match lookup_field(name) {
                    Some((f, ty)) => match self.field_unavailable(f) {
                        Some(message) => {
                            let help =
                                "add the table (see docs/rule-language.md), or read `occupation`";
                            self.error(at, message, Some(help.to_owned()));
                            None
                        }
                        None => Some((Op::Field(f), ty)),
                    },
                    None => {
                        let names: Vec<String> =
                            Field::ALL.iter().map(|f| f.path().to_owned()).collect();
                        let help = self
                            .suggest(name, names.iter())
                            .or_else(|| Some(format!("profile fields are {}", names.join(", "))));
                        self.error(at, format!("unknown profile field `{name}`"), help);
                        None
                    }
                }
            }
            "var" => {
                let name = self.string_arg(arg, at, "var")?;
                let (var, member) = match name.split_once('.') {
                    Some((v, m)) => (v, Some(m)),
                    None => (name, None),
                };
                let Some(slot) = scope.vars.iter().rposition(|(n, _)| n == var) else {
                    self.error(at, format!("undefined variable `{var}`"), Some("variables are bound by `some`, `every` or `count` (`\"as\": \"name\"`) and used inside their `where`".to_owned()));
                    return None;
                };
                let var_ty = scope.vars.get(slot).map(|v| v.1)?;
                match (member, var_ty) {
                    (None, ty) => Some((Op::Var { slot, member: None }, ty)),
                    (Some(m), Ty::Member) => {
                        match MemberField::ALL.into_iter().find(|f| f.name() == m) {
                            Some(f) => Some((
                                Op::Var {
                                    slot,
                                    member: Some(f),
                                },
                                member_field_type(f),
                            )),
                            None => {
                                self.error(at, format!("a family member has no field `{m}`: expected `relation`, `birth_date` or `citizenship`"), None);
                                None
                            }
                        }
                    }
                    (Some(m), ty) => {
                        self.error(
                            at,
                            format!("`{var}` is {}, which has no field `{m}`", ty.name()),
                            None,
                        );
                        None
                    }
                }
            }
            "def" => {
                let name = self.string_arg(arg, at, "def")?;
                let Some(id) = self.def_index.get(name).copied() else {
                    let help = self.suggest(name, self.def_index.keys());
                    self.undefined(
                        name,
                        at,
                        format!("undefined name `{name}`: no definition has this name"),
                        help,
                    );
                    return None;
                };
                if matches!(self.def_state.get(id), Some(DefState::InProgress)) {
                    self.error(
                        at,
                        format!(
                            "definition `{name}` depends on itself (a cycle between definitions)"
                        ),
                        None,
                    );
                    if let Some(s) = self.def_state.get_mut(id) {
                        *s = DefState::Failed;
                    }
                    return None;
                }
                let ty = self.compile_def(id)?;
                Some((Op::Def(id), ty))
            }
            "param" => {
                let name = self.string_arg(arg, at, "param")?;
                let Some((id, ty)) = self.params.get(name).copied() else {
                    let help = self.suggest(name, self.params.keys());
                    self.undefined(name, at, format!("undefined parameter `{name}`"), help);
                    return None;
                };
                let on = match obj.get("on") {
                    Some(v) => Some(Box::new(self.expect_ty(
                        v,
                        &node_at.key("on"),
                        scope,
                        Ty::Date,
                    )?)),
                    None => None,
                };
                Some((Op::Param { id, on }, ty))
            }
            "set" => {
                self.error(
                    at,
                    "a named set can only stand on the right of `in`".to_owned(),
                    None,
                );
                None
            }
            "all" | "any" => {
                let items = self.list_arg(arg, at, name, 1)?;
                let mut nodes = Vec::new();
                let mut ok = true;
                for (i, item) in items.iter().enumerate() {
                    match self.expect_ty(item, &at.index(i), scope, Ty::Bool) {
                        Some(n) => nodes.push(n),
                        None => ok = false,
                    }
                }
                ok.then_some(())?;
                Some((
                    if name == "all" {
                        Op::All(nodes)
                    } else {
                        Op::Any(nodes)
                    },
                    Ty::Bool,
                ))
            }
            "not" => Some((
                Op::Not(Box::new(self.expect_ty(arg, at, scope, Ty::Bool)?)),
                Ty::Bool,
            )),
            "is_null" => {
                let (node, _) = self.expr(arg, at, scope)?;
                Some((Op::IsNull(Box::new(node)), Ty::Bool))
            }
            "eq" | "ne" | "lt" | "le" | "gt" | "ge" => {
                let [a, b] = self.pair_arg(arg, at, name)?;
                let cmp = match name {
                    "eq" => CmpOp::Eq,
                    "ne" => CmpOp::Ne,
                    "lt" => CmpOp::Lt,
                    "le" => CmpOp::Le,
                    "gt" => CmpOp::Gt,
                    _ => CmpOp::Ge,
                };
                let left = self.expr(a, &at.index(0), scope);
                let right = self.expr(b, &at.index(1), scope);
                let ((mut ln, lt), (mut rn, rt)) = (left?, right?);
                // A text literal takes the type of the other side, and is checked as such.
                let ty = match (lt, rt) {
                    (Ty::Text, other)
                        if is_text_lit(&ln) && other != Ty::Text && other != Ty::Null =>
                    {
                        ln = self.retype(ln, other, &at.index(0))?;
                        other
                    }
                    (other, Ty::Text)
                        if is_text_lit(&rn) && other != Ty::Text && other != Ty::Null =>
                    {
                        rn = self.retype(rn, other, &at.index(1))?;
                        other
                    }
                    (Ty::Null, t) | (t, Ty::Null) => t,
                    (a, b) if a == b => a,
                    (a, b) => {
                        self.error(
                            at,
                            format!("cannot compare {} with {}", a.name(), b.name()),
                            None,
                        );
                        return None;
                    }
                };
                if !matches!(cmp, CmpOp::Eq | CmpOp::Ne)
                    && !matches!(ty, Ty::Int | Ty::Date | Ty::Null)
                {
                    self.error(
                        at,
                        format!("`{name}` orders whole numbers or dates, not {}", ty.name()),
                        None,
                    );
                    return None;
                }
                if matches!(ty, Ty::Countries | Ty::Family | Ty::Member) {
                    self.error(
                        at,
                        format!(
                            "cannot compare {} with `{name}`: use `in`, `some` or `every`",
                            ty.name()
                        ),
                        None,
                    );
                    return None;
                }
                Some((Op::Cmp(cmp, Box::new(ln), Box::new(rn)), Ty::Bool))
            }
            "in" => {
                let [item, set] = self.pair_arg(arg, at, name)?;
                let (mut item_node, mut item_ty) = self.expr(item, &at.index(0), scope)?;
                let set_at = at.index(1);
                let src = match set {
                    Value::Array(values) => {
                        if item_ty == Ty::Text && is_text_lit(&item_node) {
                            self.error(
                                &at.index(0),
                                "the left side of `in` must not be a literal".to_owned(),
                                None,
                            );
                            return None;
                        }
                        let lits: Vec<Option<Lit>> = values
                            .iter()
                            .enumerate()
                            .map(|(i, v)| self.literal_of(v, item_ty, &set_at.index(i)))
                            .collect();
                        SetSrc::Literal(lits.into_iter().collect::<Option<Vec<_>>>()?)
                    }
                    Value::Object(o) if o.len() == 1 && o.contains_key("set") => {
                        let name = self.string_arg(o.get("set")?, &set_at.key("set"), "set")?;
                        let Some((id, set_ty)) = self.sets.get(name).copied() else {
                            let help = self.suggest(name, self.sets.keys());
                            self.undefined(
                                name,
                                &set_at.key("set"),
                                format!("undefined set `{name}`"),
                                help,
                            );
                            return None;
                        };
                        if item_ty == Ty::Text && is_text_lit(&item_node) && set_ty != Ty::Text {
                            item_node = self.retype(item_node, set_ty, &at.index(0))?;
                            item_ty = set_ty;
                        }
                        if set_ty != item_ty {
                            self.error(
                                at,
                                format!(
                                    "`{name}` holds {} values, but the left side is {}",
                                    set_ty.name(),
                                    item_ty.name()
                                ),
                                None,
                            );
                            return None;
                        }
                        SetSrc::Named(id)
                    }
                    other => {
                        let (list, list_ty) = self.expr(other, &set_at, scope)?;
                        let elem = match list_ty {
                            Ty::Countries => Ty::Country,
                            Ty::Family => Ty::Member,
                            t => {
                                self.error(&set_at, format!("the right side of `in` must be a list, a named set or a list field, not {}", t.name()), None);
                                return None;
                            }
                        };
                        if item_ty == Ty::Text && is_text_lit(&item_node) {
                            item_node = self.retype(item_node, elem, &at.index(0))?;
                            item_ty = elem;
                        }
                        if item_ty != elem {
                            self.error(
                                at,
                                format!("{} cannot be in {}", item_ty.name(), list_ty.name()),
                                None,
                            );
                            return None;
                        }
                        SetSrc::List(Box::new(list))
                    }
                };
                Some((Op::In(Box::new(item_node), src), Ty::Bool))
            }
            "member" => {
                let fields = self.object_arg(arg, at, "member", &["of", "value", "on"], &[])?;
                let [of, value, on] = [fields.first()?, fields.get(1)?, fields.get(2)?];
                let set_name = self.string_arg(of.unwrap_or(&Value::Null), &at.key("of"), "of")?;
                let Some((set, set_ty)) = self.dated_sets.get(set_name).copied() else {
                    let help = self.suggest(set_name, self.dated_sets.keys());
                    self.undefined(
                        set_name,
                        &at.key("of"),
                        format!("undefined dated set `{set_name}`"),
                        help,
                    );
                    return None;
                };
                let (mut vn, mut vt) =
                    self.expr(value.unwrap_or(&Value::Null), &at.key("value"), scope)?;
                if vt == Ty::Text && is_text_lit(&vn) && set_ty != Ty::Text {
                    vn = self.retype(vn, set_ty, &at.key("value"))?;
                    vt = set_ty;
                }
                if vt != set_ty {
                    self.error(
                        &at.key("value"),
                        format!(
                            "`{set_name}` holds {} values, but this is {}",
                            set_ty.name(),
                            vt.name()
                        ),
                        None,
                    );
                    return None;
                }
                let on =
                    self.expect_ty(on.unwrap_or(&Value::Null), &at.key("on"), scope, Ty::Date)?;
                Some((
                    Op::Member {
                        set,
                        value: Box::new(vn),
                        on: Box::new(on),
                    },
                    Ty::Bool,
                ))
            }
            "some" | "every" | "count" => {
                let fields = self.object_arg(arg, at, name, &["in", "as", "where"], &[])?;
                let [list, var, body] = [fields.first()?, fields.get(1)?, fields.get(2)?];
                let (list_node, list_ty) =
                    self.expr(list.unwrap_or(&Value::Null), &at.key("in"), scope)?;
                let elem = match list_ty {
                    Ty::Countries => Ty::Country,
                    Ty::Family => Ty::Member,
                    t => {
                        self.error(
                            &at.key("in"),
                            format!("`{name}` goes over a list, not {}", t.name()),
                            None,
                        );
                        return None;
                    }
                };
                let var = self.string_arg(var.unwrap_or(&Value::Null), &at.key("as"), "as")?;
                if !var.chars().all(|c| c.is_ascii_lowercase() || c == '_') || var.is_empty() {
                    self.error(
                        &at.key("as"),
                        format!("`{var}` is not a variable name: use lower-case letters and _"),
                        None,
                    );
                    return None;
                }
                let slot = scope.vars.len();
                if slot >= MAX_QUANTIFIERS {
                    self.error(
                        node_at,
                        format!("more than {MAX_QUANTIFIERS} `some`, `every` or `count` nested in one another"),
                        Some("each nested quantifier multiplies the work for every profile by the length of a list".to_owned()),
                    );
                    return None;
                }
                scope.vars.push((var.to_owned(), elem));
                self.max_depth = self.max_depth.max(scope.vars.len());
                let body = self.expect_ty(
                    body.unwrap_or(&Value::Null),
                    &at.key("where"),
                    scope,
                    Ty::Bool,
                );
                scope.vars.pop();
                let q = match name {
                    "some" => Quant::Some,
                    "every" => Quant::Every,
                    _ => Quant::Count,
                };
                let ty = if q == Quant::Count { Ty::Int } else { Ty::Bool };
                Some((
                    Op::Quant {
                        q,
                        list: Box::new(list_node),
                        slot,
                        body: Box::new(body?),
                    },
                    ty,
                ))
            }
            "add_days" | "add_months" | "add_years" | "last_day" => {
                let [d, n] = self.pair_arg(arg, at, name)?;
                let d = self.expect_ty(d, &at.index(0), scope, Ty::Date);
                let n = self.expect_ty(n, &at.index(1), scope, Ty::Int);
                let (d, n) = (Box::new(d?), Box::new(n?));
                if let Some(why) = super::arith::refused_count(name, &n, &self.out_params) {
                    self.error(&at.index(1), why, None);
                    return None;
                }
                let op = match name {
                    "add_days" => Op::Shift(Unit::Days, d, n),
                    "add_months" => Op::Shift(Unit::Months, d, n),
                    "add_years" => Op::Shift(Unit::Years, d, n),
                    _ => Op::LastDay(d, n),
                };
                Some((op, Ty::Date))
            }
            "days_between" | "age" => {
                let [a, b] = self.pair_arg(arg, at, name)?;
                let a = self.expect_ty(a, &at.index(0), scope, Ty::Date);
                let b = self.expect_ty(b, &at.index(1), scope, Ty::Date);
                let (a, b) = (Box::new(a?), Box::new(b?));
                Some((
                    if name == "age" {
                        Op::Age(a, b)
                    } else {
                        Op::DaysBetween(a, b)
                    },
                    Ty::Int,
                ))
            }
            "earliest" | "latest" => {
                let items = self.list_arg(arg, at, name, 1)?;
                let nodes: Vec<Option<Node>> = items
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.expect_ty(v, &at.index(i), scope, Ty::Date))
                    .collect();
                let nodes = nodes.into_iter().collect::<Option<Vec<_>>>()?;
                Some((
                    if name == "earliest" {
                        Op::Earliest(nodes)
                    } else {
                        Op::Latest(nodes)
                    },
                    Ty::Date,
                ))
            }
            "add_working_days" => {
                let fields = self.object_arg(arg, at, name, &["from", "days", "holidays"], &[])?;
                let [from, days, holidays] = [fields.first()?, fields.get(1)?, fields.get(2)?];
                let from = self.expect_ty(
                    from.unwrap_or(&Value::Null),
                    &at.key("from"),
                    scope,
                    Ty::Date,
                );
                let days = self.expect_ty(
                    days.unwrap_or(&Value::Null),
                    &at.key("days"),
                    scope,
                    Ty::Int,
                );
                let set_name = self.string_arg(
                    holidays.unwrap_or(&Value::Null),
                    &at.key("holidays"),
                    "holidays",
                )?;
                let holidays = match self.sets.get(set_name).copied() {
                    Some((id, Ty::Date)) => id,
                    Some((_, t)) => {
                        self.error(
                            &at.key("holidays"),
                            format!("`{set_name}` holds {} values, not dates", t.name()),
                            None,
                        );
                        return None;
                    }
                    None => {
                        let help = self.suggest(set_name, self.sets.keys());
                        self.undefined(
                            set_name,
                            &at.key("holidays"),
                            format!("undefined set `{set_name}`"),
                            help,
                        );
                        return None;
                    }
                };
                let days = days?;
                if let Some(why) = super::arith::refused_count(name, &days, &self.out_params) {
                    self.error(&at.key("days"), why, None);
                    return None;
                }
                Some((
                    Op::AddWorkingDays {
                        from: Box::new(from?),
                        days: Box::new(days),
                        holidays,
                    },
                    Ty::Date,
                ))
            }
            other => {
                let names: Vec<String> = OPERATORS.iter().map(|s| (*s).to_owned()).collect();
                let help = self
                    .suggest(other, names.iter())
                    .or_else(|| Some(OPERATOR_HELP.to_owned()));
                self.error(node_at, format!("unknown operator `{other}`"), help);
                None
            }
        }
    }

    fn retype(&mut self, node: Node, ty: Ty, at: &At) -> Option<Node> {
        match node.op {
            Op::Lit(Lit::Text(s)) => Some(Node {
                op: Op::Lit(self.coerce_text(&s, ty, at)?),
                say: node.say,
            }),
            op => Some(Node { op, say: node.say }),
        }
    }

    fn string_arg<'v>(&mut self, v: &'v Value, at: &At, what: &str) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            _ => {
                self.error(
                    at,
                    format!("`{what}` takes a name (a string), found `{v}`"),
                    None,
                );
                None
            }
        }
    }

    fn list_arg<'v>(
        &mut self,
        v: &'v Value,
        at: &At,
        what: &str,
        min: usize,
    ) -> Option<&'v Vec<Value>> {
        match v {
            Value::Array(items) if items.len() >= min => Some(items),
            _ => {
                self.error(
                    at,
                    format!("`{what}` takes an array of at least {min} expression(s)"),
                    None,
                );
                None
            }
        }
    }

    fn pair_arg<'v>(&mut self, v: &'v Value, at: &At, what: &str) -> Option<[&'v Value; 2]> {
        match v {
            Value::Array(items) => match items.as_slice() {
                [a, b] => Some([a, b]),
                _ => {
                    self.error(
                        at,
                        format!("`{what}` takes exactly two operands, found {}", items.len()),
                        None,
                    );
                    None
                }
            },
            _ => {
                self.error(at, format!("`{what}` takes an array of two operands"), None);
                None
            }
        }
    }

    /// The named members of an object argument, all required.
    fn object_arg<'v>(
        &mut self,
        v: &'v Value,
        at: &At,
        what: &str,
        required: &[&str],
        optional: &[&str],
    ) -> Option<Vec<Option<&'v Value>>> {
        let Value::Object(o) = v else {
            self.error(
                at,
                format!("`{what}` takes an object with {}", required.join(", ")),
                None,
            );
            return None;
        };
        let mut ok = true;
        for k in o.keys() {
            if !required.contains(&k.as_str()) && !optional.contains(&k.as_str()) {
                self.error(
                    &at.key(k),
                    format!(
                        "unknown key `{k}` in `{what}`: expected {}",
                        required.join(", ")
                    ),
                    None,
                );
                ok = false;
            }
        }
        for k in required {
            if !o.contains_key(*k) {
                self.error(at, format!("`{what}` needs `{k}`"), None);
                ok = false;
            }
        }
        ok.then(|| required.iter().chain(optional).map(|k| o.get(*k)).collect())
    }

    /// The pack's language files: every text is checked as the English one
    /// is (placeholders, operands), and every key must name a rule, a `say`
    /// or a label of the pack, so a stale translation is a load error.
    fn compile_locales(&mut self, modules: &[(usize, RawModule)], rules: &[Rule]) -> Vec<Locale> {
        let says: HashMap<String, usize> = self
            .out_says
            .iter()
            .map(|t| (t.key.clone(), t.operands))
            .collect();
        let mut out: Vec<Locale> = Vec::new();
        for (file, m) in modules {
            let Some(raw) = &m.locale else { continue };
            let at = At {
                file: *file,
                path: JsonPath::root().key("locale"),
            };
            if out.iter().any(|l| l.lang == raw.lang) {
                self.error(
                    &at.key("lang"),
                    format!("a second language file for `{}`", raw.lang),
                    None,
                );
                continue;
            }
            let mut locale = Locale {
                lang: raw.lang.clone(),
                title: raw.title.clone(),
                disclaimer: raw.disclaimer.clone(),
                rules: vec![None; rules.len()],
                earlier: vec![None; rules.len()],
                tension: vec![None; rules.len()],
                ..Locale::default()
            };
            for (id, texts) in &raw.rules {
                let rat = at.key("rules").key(id);
                let Some((index, rule)) = rules.iter().enumerate().find(|(_, r)| &r.id == id)
                else {
                    self.error(&rat, format!("no rule has the id `{id}`"), None);
                    continue;
                };
                if let Some(slot) = locale.earlier.get_mut(index) {
                    slot.clone_from(&texts.earlier);
                }
                if let Some(slot) = locale.tension.get_mut(index) {
                    slot.clone_from(&texts.tension);
                }
                let names: Vec<String> = rule.dates.iter().map(|(n, _)| n.clone()).collect();
                if let Some(t) = self.template(&texts.summary, &rat.key("summary"), 0, &names) {
                    if let Some(slot) = locale.rules.get_mut(index) {
                        *slot = Some((texts.title.clone(), t));
                    }
                }
            }
            for (key, say) in &raw.says {
                let sat = at.key("says").key(key);
                let Some(&operands) = says.get(key) else {
                    self.error(
                        &sat,
                        format!("the pack has no `say` with the key `{key}`"),
                        Some("`eaeu-rights rules texts` lists the keys".to_owned()),
                    );
                    continue;
                };
                let mut text = |t: &str, k: &str| self.template(t, &sat.key(k), operands, &[]);
                let texts = match say {
                    RawLocaleSay::One(t) => text(t, "").map(|t| (t.clone(), t, None)),
                    RawLocaleSay::ByTruth {
                        when_true,
                        when_false,
                        when_unknown,
                    } => {
                        let t = text(when_true, "true");
                        let f = text(when_false, "false");
                        let u = when_unknown.as_deref().map(|u| text(u, "unknown"));
                        match (t, f, u) {
                            (Some(t), Some(f), None) => Some((t, f, None)),
                            (Some(t), Some(f), Some(Some(u))) => Some((t, f, Some(u))),
                            _ => None,
                        }
                    }
                };
                if let Some(texts) = texts {
                    locale.says.insert(key.clone(), texts);
                }
            }
            for (name, label) in &raw.labels {
                let known = self.sets.contains_key(name)
                    || self.dated_sets.contains_key(name)
                    || self.params.contains_key(name)
                    || self.def_index.contains_key(name);
                if !known {
                    self.error(
                        &at.key("labels").key(name),
                        format!("the pack has no set, parameter or definition `{name}`"),
                        None,
                    );
                    continue;
                }
                locale.labels.insert(name.clone(), label.clone());
            }
            for (english, name) in &raw.instruments {
                if !rules.iter().any(|r| &r.source.instrument == english) {
                    self.error(
                        &at.key("instruments").key(english),
                        format!("no rule cites the instrument `{english}`"),
                        Some("write the instrument's name as the rules' `source.instrument` spells it".to_owned()),
                    );
                    continue;
                }
                locale.instruments.insert(english.clone(), name.clone());
            }
            out.push(locale);
        }
        out
    }

    /// The key that names the `say` at `at` for other languages:
    /// `rule:ID/PATH` or `def:NAME/PATH`, the path inside the rule or the
    /// definition's expression (`when.all[1]`).
    fn say_key(&self, at: &At) -> String {
        let segs = &at.path.0;
        let (head, rest) = match segs.as_slice() {
            [Seg::Key(section), Seg::Key(name), rest @ ..] if section == "definitions" => {
                (format!("def:{name}"), rest)
            }
            [Seg::Key(section), Seg::Index(i), rest @ ..] if section == "rules" => {
                let id = self
                    .rule_ids
                    .get(&(at.file, *i))
                    .cloned()
                    .unwrap_or_default();
                (format!("rule:{id}"), rest)
            }
            rest => (format!("file:{}", self.file_name(at.file)), rest),
        };
        // Without the final `say`.
        let rest = rest
            .strip_suffix(&[Seg::Key("say".to_owned())])
            .unwrap_or(rest);
        let mut key = head;
        key.push('/');
        for (i, seg) in rest.iter().enumerate() {
            match seg {
                Seg::Key(k) => {
                    if i > 0 {
                        key.push('.');
                    }
                    key.push_str(k);
                }
                Seg::Index(n) => key.push_str(&format!("[{n}]")),
            }
        }
        key
    }

    fn say(&mut self, v: &Value, at: &At, operands: usize) -> Option<Say> {
        let key = self.say_key(at);
        let say = self.say_texts(v, at, operands)?;
        let text = |t: &str| -> String { t.to_owned() };
        let (when_true, when_false, when_unknown) = match v {
            Value::String(s) => (text(s), text(s), None),
            Value::Object(o) => (
                o.get("true")
                    .and_then(Value::as_str)
                    .map(text)
                    .unwrap_or_default(),
                o.get("false")
                    .and_then(Value::as_str)
                    .map(text)
                    .unwrap_or_default(),
                o.get("unknown").and_then(Value::as_str).map(text),
            ),
            _ => return None,
        };
        self.out_says.push(SayText {
            key: key.clone(),
            operands,
            when_true,
            when_false,
            when_unknown,
        });
        let Say::Text {
            when_true,
            when_false,
            when_unknown,
            ..
        } = say
        else {
            return None;
        };
        Some(Say::Text {
            key,
            when_true,
            when_false,
            when_unknown,
        })
    }

    fn say_texts(&mut self, v: &Value, at: &At, operands: usize) -> Option<Say> {
        match v {
            Value::String(s) => {
                let t = self.template(s, at, operands, &[])?;
                Some(Say::Text {
                    key: String::new(),
                    when_true: t.clone(),
                    when_false: t,
                    when_unknown: None,
                })
            }
            Value::Object(o) => {
                let fields = self.object_arg(v, at, "say", &["true", "false"], &["unknown"])?;
                let _ = o;
                let mut text = |i: usize, key: &str| -> Option<Template> {
                    match fields.get(i).copied().flatten() {
                        Some(Value::String(s)) => self.template(s, &at.key(key), operands, &[]),
                        Some(_) => {
                            self.error(&at.key(key), "expected a string".to_owned(), None);
                            None
                        }
                        None => None,
                    }
                };
                let when_true = text(0, "true");
                let when_false = text(1, "false");
                let when_unknown = text(2, "unknown");
                Some(Say::Text {
                    key: String::new(),
                    when_true: when_true?,
                    when_false: when_false?,
                    when_unknown,
                })
            }
            _ => {
                self.error(
                    at,
                    "`say` is a string or an object with `true` and `false`".to_owned(),
                    None,
                );
                None
            }
        }
    }

    /// Splits a template and checks every placeholder.
    fn template(
        &mut self,
        text: &str,
        at: &At,
        operands: usize,
        dates: &[String],
    ) -> Option<Template> {
        let mut pieces = Vec::new();
        let mut rest = text;
        let mut ok = true;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Text(rest.get(..open)?.to_owned()));
            }
            let after = rest.get(open + 1..)?;
            let Some(close) = after.find('}') else {
                self.error(at, "a `{` without a closing `}`".to_owned(), None);
                return None;
            };
            let name = after.get(..close)?;
            match self.placeholder(name, operands, dates) {
                Ok(p) => pieces.push(p),
                Err(why) => {
                    self.error(at, format!("unknown placeholder `{{{name}}}`: {why}"), None);
                    ok = false;
                }
            }
            rest = after.get(close + 1..)?;
        }
        if !rest.is_empty() {
            pieces.push(Piece::Text(rest.to_owned()));
        }
        ok.then_some(Template(pieces, text.to_owned()))
    }

    fn placeholder(&self, name: &str, operands: usize, dates: &[String]) -> Result<Piece, String> {
        if let Ok(i) = name.parse::<usize>() {
            return if i < operands {
                Ok(Piece::Operand(i))
            } else {
                Err(format!("this node has {operands} operand(s)"))
            };
        }
        if let Some(d) = name.strip_prefix("dates.") {
            return dates
                .iter()
                .position(|n| n == d)
                .map(Piece::Date)
                .ok_or_else(|| {
                    if dates.is_empty() {
                        "this rule computes no dates".to_owned()
                    } else {
                        format!("the rule's dates are {}", dates.join(", "))
                    }
                });
        }
        if let Some(f) = name.strip_prefix("day_number.") {
            return match lookup_field(f) {
                Some((field, Ty::Date)) => Ok(Piece::DayNumber(field)),
                _ => Err(format!("`{f}` is not a date field")),
            };
        }
        if let Some(f) = name.strip_prefix("days_since.") {
            return match lookup_field(f) {
                Some((field, Ty::Date)) => Ok(Piece::DaysSince(field)),
                _ => Err(format!("`{f}` is not a date field")),
            };
        }
        if let Some(p) = name.strip_prefix("param.") {
            return self
                .params
                .get(p)
                .map(|(id, _)| Piece::Param(*id))
                .ok_or_else(|| format!("no parameter `{p}`"));
        }
        if let Some(why) = lookup_field(name).and_then(|(f, _)| self.field_unavailable(f)) {
            return Err(why);
        }
        lookup_field(name).map(|(f, _)| Piece::Field(f)).ok_or_else(|| "expected a profile field, `dates.NAME`, `days_since.FIELD`, `day_number.FIELD`, `param.NAME` or an operand number".to_owned())
    }
}

fn is_text_lit(node: &Node) -> bool {
    matches!(node.op, Op::Lit(Lit::Text(_)))
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.contains('.')
        && id.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}

const OPERATORS: &[&str] = &[
    "all",
    "any",
    "not",
    "eq",
    "ne",
    "lt",
    "le",
    "gt",
    "ge",
    "in",
    "member",
    "is_null",
    "some",
    "every",
    "count",
    "add_days",
    "add_months",
    "add_years",
    "days_between",
    "age",
    "last_day",
    "earliest",
    "latest",
    "add_working_days",
    "field",
    "def",
    "param",
    "var",
    "date",
];

const OPERATOR_HELP: &str = "operators are all, any, not, eq, ne, lt, le, gt, ge, in, member, is_null, some, every, count, add_days, add_months, add_years, days_between, age, last_day, earliest, latest, add_working_days, field, def, param, var, date (see docs/rule-language.md)";

use crate::json::edit_distance;

/// "did you mean `x`?" for the known name closest to a misspelt one, if any
/// is close enough (rule files and case files share the hint).
pub fn did_you_mean<'n>(wrong: &str, names: impl Iterator<Item = &'n str>) -> Option<String> {
    let best = names
        .map(|n| (edit_distance(wrong, n), n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 4))
        .min();
    best.map(|(_, n)| format!("did you mean `{n}`?"))
}
