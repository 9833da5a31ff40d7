//! Checks a pack and compiles it: names resolved to indices, expressions
//! type-checked, literals typed, templates split, definitions ordered and
//! free of cycles. Every problem is collected; nothing half-checked reaches
//! the evaluator.
//!
//! The compiler works in phases, one file each:
//! - [`syntax`]: each file read as strict JSON into a module's shape;
//! - [`declare`]: every set, parameter and definition named first, so
//!   references resolve whatever the file order; the pack header;
//! - [`expr`], [`operators`] and [`lower`]: expressions read in the shape
//!   the operator table gives, type-checked and lowered to the engine's IR;
//! - [`literals`]: values written in the files read as typed values;
//! - [`rules`]: definitions and rules, their periods and links;
//! - [`locales`]: `say` texts, templates and the language files.

mod declare;
mod expr;
mod literals;
mod locales;
mod lower;
mod operators;
mod rules;
mod syntax;
mod types;

use crate::diagnostic::Diagnostic;
use std::collections::{HashMap, HashSet};

use serde_json::Value;

use super::error::{PackError, PackErrors};
use super::SourceFile;
use crate::engine::ir::*;
use crate::json::edit_distance;
use crate::locate::{JsonPath, Locator};
use syntax::{names_in, parse_module};
use types::Ty;

pub use operators::{operators_markdown, Operator, Section, OPERATORS};
pub use types::{field_path, member_field_name};

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

/// One file of a pack as the compiler reads it: borrowed, so the embedded
/// pack is compiled from the binary's own text without a copy.
#[derive(Clone, Copy)]
pub(super) struct File<'f> {
    /// Path relative to the pack root, with `/` separators.
    pub path: &'f str,
    /// The file's text.
    pub text: &'f str,
    /// Whether the text is known to be JSON in which no object holds a key
    /// twice (the build script checks the embedded pack's files): such a
    /// file is read without the strict reader, which would refuse nothing.
    pub unique_keys: bool,
}

impl<'f> From<&'f SourceFile> for File<'f> {
    fn from(f: &'f SourceFile) -> Self {
        File {
            path: &f.path,
            text: &f.text,
            unique_keys: false,
        }
    }
}

struct Compiler<'f> {
    files: &'f [File<'f>],
    /// The files' content hash when already known (the embedded pack's is
    /// computed at build time); otherwise computed from `files`.
    hash: Option<&'f str>,
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
/// The most operands of one `all` or `any` (and of any operator that takes
/// a list of expressions). Each is evaluated, and explained, for every
/// profile; real rules hold a handful, and a longer list reads better as
/// named definitions.
pub const MAX_OPERANDS: usize = 256;
/// The most quantifiers (`some`, `every`, `count`) nested in one another:
/// each multiplies the work per profile by the length of a list.
pub const MAX_QUANTIFIERS: usize = 3;

/// A variable in scope: its name and what it ranges over.
struct Scope {
    vars: Vec<(String, Ty)>,
}

/// Compiles parsed source files into a pack, or reports every problem.
pub fn compile(files: &[SourceFile]) -> Result<RulePack, PackErrors> {
    let files: Vec<File> = files.iter().map(File::from).collect();
    compile_with_hash(&files, None)
}

/// [`compile`], with the files' content hash given when it is already
/// known (`hash` must be what `content_hash(files)` would return).
pub(super) fn compile_with_hash(
    files: &[File],
    hash: Option<&str>,
) -> Result<RulePack, PackErrors> {
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
        hash,
        locators: files
            .iter()
            .map(|f| Locator::new(f.text.strip_prefix('\u{feff}').unwrap_or(f.text)))
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
    for (file, m) in &modules {
        c.declare(*file, m);
    }
    c.declare_hosts(&modules);
    c.link_dated_sets(&modules);

    let occupations = c.occupations(&modules);

    for id in 0..c.def_src.len() {
        c.compile_def(id);
    }

    let meta = c.pack_meta(&modules);
    let rules = c.compile_rules(&modules);
    let locales = c.compile_locales(&modules, &rules);
    let short_names = c.short_names(&modules, &rules);
    let questions = c.questions(&modules);

    if !c.errors.is_empty() {
        let mut errors = c.errors;
        errors.sort_by(|a, b| (a.file_name(), a.location).cmp(&(b.file_name(), b.location)));
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
    let pack = RulePack {
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
        questions,
        short_names,
    };
    // The proof the pack's accessors rely on: no id out of range leaves here.
    match pack.check_ids() {
        Ok(()) => Ok(pack),
        Err(why) => Err(PackErrors(vec![Diagnostic::text(
            String::new(),
            None,
            JsonPath::root(),
            format!("internal error in the rule compiler: {why}; please report this"),
            None,
        )])),
    }
}

impl<'f> Compiler<'f> {
    fn file_name(&self, file: usize) -> String {
        self.files
            .get(file)
            .map_or_else(String::new, |f| f.path.to_owned())
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
        self.errors.push(Diagnostic::text(
            self.file_name(at.file),
            location,
            at.path.clone(),
            message,
            help,
        ));
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
}

/// "did you mean `x`?" for the known name closest to a misspelt one, if any
/// is close enough (rule files and case files share the hint).
pub fn did_you_mean<'n>(wrong: &str, names: impl Iterator<Item = &'n str>) -> Option<String> {
    let best = names
        .map(|n| (edit_distance(wrong, n), n))
        .filter(|(d, n)| *d <= 2.max(n.len() / 4))
        .min();
    best.map(|(_, n)| format!("did you mean `{n}`?"))
}

#[cfg(test)]
mod tests {
    use super::syntax::content_hash;
    use super::{File, HashMap, RulePack};

    /// The embedded pack's hash, computed by the build script, is the
    /// one the compiler computes from the same files: a report names the
    /// same rules whichever computed it.
    #[test]
    fn build_time_hash_is_the_compilers() {
        let files = crate::rules::embedded_files();
        let files: Vec<File> = files.iter().map(File::from).collect();
        assert_eq!(crate::rules::embedded::DIGEST, content_hash(&files));
        let pack = crate::rules::embedded_pack().unwrap();
        assert_eq!(pack.meta.hash, content_hash(&files));
    }

    /// Every embedded file is read by the fast path (the build found no
    /// key twice in any), into exactly the module the strict reader gives.
    #[test]
    fn the_fast_reader_reads_every_embedded_file_as_the_strict_one() {
        let files = crate::rules::embedded_files();
        assert_eq!(crate::rules::embedded::UNIQUE_KEYS.len(), files.len());
        assert!(crate::rules::embedded::UNIQUE_KEYS.iter().all(|&u| u));
        for f in &files {
            let strict = File::from(f);
            let fast = File {
                unique_keys: true,
                ..strict
            };
            let strict = super::parse_module(&strict).map_err(|e| e.0.to_string());
            let fast = super::parse_module(&fast).map_err(|e| e.0.to_string());
            assert_eq!(format!("{fast:?}"), format!("{strict:?}"), "{}", f.path);
        }
    }

    /// A file the fast reader cannot read gets the strict reader's error.
    #[test]
    fn a_broken_file_read_fast_gets_the_strict_error() {
        for text in [
            "",
            "[]",
            "{\"rules\": [",
            "{\"sets\": {}, \"sets\": {}}",
            "{\"nope\": 1}",
        ] {
            let f = |unique_keys| File {
                path: "a.json",
                text,
                unique_keys,
            };
            let strict = super::parse_module(&f(false)).map_err(|e| e.0.to_string());
            let fast = super::parse_module(&f(true)).map_err(|e| e.0.to_string());
            assert!(strict.is_err(), "{text}");
            assert_eq!(format!("{fast:?}"), format!("{strict:?}"), "{text}");
        }
    }

    /// The embedded pack compiled for one language is the whole pack less
    /// the other languages' files: the same rules, definitions, sets,
    /// texts and hash, and that language's texts only.
    #[test]
    fn a_pack_for_one_language_is_the_whole_pack_less_the_others() {
        let whole = crate::rules::embedded_pack().unwrap();
        assert!(whole.locales.iter().any(|l| l.lang == "ru"));
        for lang in ["en", "ru"] {
            let part = crate::rules::embedded_pack_in(lang).unwrap();
            let langs: Vec<&str> = part.locales.iter().map(|l| l.lang.as_str()).collect();
            let want: Vec<&str> = whole
                .locales
                .iter()
                .map(|l| l.lang.as_str())
                .filter(|l| *l == lang)
                .collect();
            assert_eq!(langs, want, "{lang}");
            // Field by field: HashMaps print in a different order each time.
            let same = |a: &RulePack, b: &RulePack| {
                format!(
                    "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{}",
                    a.meta, a.rules, a.defs, a.sets, a.dated_sets, a.params, a.says, a.var_slots
                ) == format!(
                    "{:?}{:?}{:?}{:?}{:?}{:?}{:?}{}",
                    b.meta, b.rules, b.defs, b.sets, b.dated_sets, b.params, b.says, b.var_slots
                )
            };
            assert!(same(&whole, &part), "{lang}");
            let sorted = |m: &HashMap<String, String>| {
                let mut v: Vec<_> = m.iter().collect();
                v.sort();
                format!("{v:?}")
            };
            assert_eq!(sorted(&whole.short_names), sorted(&part.short_names));
            for (w, p) in whole
                .locales
                .iter()
                .filter(|l| l.lang == lang)
                .zip(&part.locales)
            {
                assert_eq!(format!("{:?}", w.rules), format!("{:?}", p.rules));
                assert_eq!(sorted(&w.labels), sorted(&p.labels));
            }
        }
    }
}
