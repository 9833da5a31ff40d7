//! Embeds the default rule pack (`rules/**/*.json`), its case files
//! (`tests/cases/**/*.json`) and the tool's words (`src/locales/*/*.ftl`)
//! in the binary, with what can be learnt of the rule files once here
//! rather than at every start: the content hash, which files are language
//! files, and which hold no key twice. Each folder of `src/locales/` is a
//! language: the `Lang` enum is generated from them, so a language is
//! added by adding its folder.

use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// `sha256:` and 16 hex digits over every file's path and text, in path
/// order: the same digest as `rules::compile::syntax::content_hash` (a
/// unit test there compares the two).
fn content_hash(files: &mut [(String, String)]) -> String {
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let mut h = Sha256::new();
    for (path, text) in files.iter() {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(text.as_bytes());
        h.update([0]);
    }
    let hex: String = h
        .finalize()
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    format!("sha256:{hex}")
}

/// Reads any JSON value, failing on an object that holds a key twice.
struct UniqueKeys;

impl<'de> serde::de::DeserializeSeed<'de> for UniqueKeys {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("JSON")
    }
    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq.next_element_seed(UniqueKeys)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key) {
                return Err(serde::de::Error::custom("a key twice"));
            }
            map.next_value_seed(UniqueKeys)?;
        }
        Ok(())
    }
}

/// Whether `text` is JSON (after a byte-order mark, if any) in which no
/// object holds a key twice: such a file may be read by the compiler's
/// fast path, since the strict reader would find nothing to refuse.
fn has_unique_keys(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut de = serde_json::Deserializer::from_str(text);
    serde::de::DeserializeSeed::deserialize(UniqueKeys, &mut de).is_ok() && de.end().is_ok()
}

/// The language of a file that is a language file only (a JSON object
/// whose one key is `locale`, with a `lang`); `None` for any other file,
/// or one that is not valid JSON (the compiler will say why).
fn language_file(text: &str) -> Option<String> {
    let value: serde_json::Value = serde_json::from_str(text).ok()?;
    let object = value.as_object()?;
    if object.len() != 1 {
        return None;
    }
    Some(object.get("locale")?.get("lang")?.as_str()?.to_owned())
}

/// Writes `OUT_DIR/{out}`: a `FILES` table of (path relative to `dir`,
/// text) of every `*.json` below `dir`, included at compile time; beside
/// it, per file, `LOCALE_OF` (its language, for a language file) and
/// `UNIQUE_KEYS` (no key twice), and `DIGEST`, the files' content hash.
fn embed(dir: &str, doc: &str, out: &str) {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join(dir);
    println!("cargo:rerun-if-changed={dir}");
    let mut files = Vec::new();
    collect(&root, &mut files);
    files.sort();
    let mut code = format!("/// {doc}\npub(super) static FILES: &[(&str, &str)] = &[\n");
    let mut texts = Vec::new();
    let mut unique_keys = String::from(
        "/// Per file of `FILES`: whether it is valid JSON with no object\n/// holding a key twice (what the strict reader would refuse).\n#[allow(dead_code)]\npub(super) static UNIQUE_KEYS: &[bool] = &[\n",
    );
    let mut locale_of = String::from(
        "/// Per file of `FILES`: the language of a file that holds only a\n/// `locale` section (a language file), else `None`.\n#[allow(dead_code)]\npub(super) static LOCALE_OF: &[Option<&str>] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let rel = f.strip_prefix(&root).unwrap_or(f);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read_to_string(f) {
            Ok(text) => {
                locale_of.push_str(&format!("    {:?},\n", language_file(&text)));
                unique_keys.push_str(&format!("    {},\n", has_unique_keys(&text)));
                texts.push((rel.clone(), text));
            }
            Err(e) => {
                println!("cargo:warning=cannot read {}: {e}", f.display());
                std::process::exit(1);
            }
        }
        code.push_str(&format!(
            "    ({rel:?}, include_str!({:?})),\n",
            f.display().to_string()
        ));
    }
    code.push_str("];\n");
    locale_of.push_str("];\n");
    code.push_str(&locale_of);
    unique_keys.push_str("];\n");
    code.push_str(&unique_keys);
    code.push_str(&format!(
        "/// The content hash of `FILES`, as the compiler would compute it.\n#[allow(dead_code)]\npub(super) const DIGEST: &str = {:?};\n",
        content_hash(&mut texts)
    ));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join(out);
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

/// A language's folder name as an enum variant: `en` -> `En`, `pt-br` ->
/// `PtBr`.
fn variant(code: &str) -> String {
    code.split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_uppercase().chain(chars).collect::<String>()
            })
        })
        .collect()
}

/// The value of a one-line Fluent message `id` in `text`, if it has one.
fn message(text: &str, id: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (key, value) = line.split_once('=')?;
        (key.trim() == id).then(|| value.trim().to_owned())
    })
}

/// Writes `OUT_DIR/locales.rs`: the `Lang` enum, one variant per folder of
/// `src/locales/` (English first, the others by code), its codes, and
/// the Fluent files of each language, included at compile time.
fn embed_locales() {
    let dir = "src/locales";
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join(dir);
    println!("cargo:rerun-if-changed={dir}");
    let mut langs: Vec<(String, Vec<PathBuf>)> = std::fs::read_dir(&root)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .filter_map(|p| {
                    let code = p.file_name()?.to_str()?.to_owned();
                    let mut files: Vec<PathBuf> = std::fs::read_dir(&p)
                        .ok()?
                        .flatten()
                        .map(|e| e.path())
                        .filter(|f| f.extension().is_some_and(|e| e == "ftl"))
                        .collect();
                    files.sort();
                    Some((code, files))
                })
                .collect()
        })
        .unwrap_or_default();
    langs.sort_by_key(|(code, _)| (code != "en", code.clone()));
    if langs.first().is_none_or(|(code, _)| code != "en") {
        println!("cargo:warning=src/locales/en/ is missing: English is every language's fallback");
        std::process::exit(1);
    }
    let mut code = String::from(
        "/// A language of the tool's words: one for each folder of `src/locales/`.\n\
         #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, clap::ValueEnum)]\n\
         pub enum Lang {\n",
    );
    for (lang, files) in &langs {
        let name = files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .find_map(|text| message(&text, "language-name"))
            .unwrap_or_else(|| lang.clone());
        // English, first, is the default.
        let default = if lang == "en" { "    #[default]\n" } else { "" };
        code.push_str(&format!(
            "    /// {name}\n{default}    #[value(name = {lang:?})]\n    {},\n",
            variant(lang)
        ));
    }
    code.push_str("}\n\nimpl Lang {\n    /// Every language, English first.\n");
    code.push_str(&format!(
        "    pub const ALL: [Lang; {}] = [{}];\n\n",
        langs.len(),
        langs
            .iter()
            .map(|(l, _)| format!("Lang::{}", variant(l)))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    code.push_str(
        "    /// The language's code, its folder's name (`en`, `ru`).\n    \
         pub fn code(self) -> &'static str {\n        match self {\n",
    );
    for (lang, _) in &langs {
        code.push_str(&format!(
            "            Lang::{} => {lang:?},\n",
            variant(lang)
        ));
    }
    code.push_str(
        "        }\n    }\n\n    /// The language's Fluent files: (file name without `.ftl`, text).\n    \
         pub(crate) fn files(self) -> &'static [(&'static str, &'static str)] {\n        match self {\n",
    );
    for (lang, files) in &langs {
        code.push_str(&format!("            Lang::{} => &[\n", variant(lang)));
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
            let stem = f.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
            code.push_str(&format!(
                "                ({stem:?}, include_str!({:?})),\n",
                f.display().to_string()
            ));
        }
        code.push_str("            ],\n");
    }
    code.push_str("        }\n    }\n}\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default()).join("locales.rs");
    if let Err(e) = std::fs::write(&out, code) {
        println!("cargo:warning=cannot write {}: {e}", out.display());
        std::process::exit(1);
    }
}

fn main() {
    embed_locales();
    embed(
        "rules",
        "(path relative to rules/, text) of every embedded rule file.",
        "embedded_rules.rs",
    );
    // The pack's own case files, so `test` and `rules coverage` work from
    // any directory, as `check` does.
    embed(
        "tests/cases",
        "(path relative to tests/cases/, text) of every embedded case file.",
        "embedded_cases.rs",
    );
}
