//! The pack's texts: `say` sentences and templates checked against their
//! node, and the language files checked against the pack they translate.

use std::collections::HashMap;

use serde_json::Value;

use super::types::{lookup_field, Ty};
use super::{At, Compiler};
use crate::engine::ir::*;
use crate::locate::{JsonPath, Seg};
use crate::rules::raw::{RawLocaleSay, RawModule};

impl<'f> Compiler<'f> {
    /// The pack's language files: every text is checked as the English one
    /// is (placeholders, operands), and every key must name a rule, a `say`
    pub(super) fn compile_locales(
        &mut self,
        modules: &[(usize, RawModule)],
        rules: &[Rule],
    ) -> Vec<Locale> {
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
                where_to: vec![Vec::new(); rules.len()],
                where_undetermined: vec![Vec::new(); rules.len()],
                if_missed: vec![Vec::new(); rules.len()],
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
                for (key, texts, english, slots) in [
                    (
                        "where",
                        &texts.where_to,
                        &rule.where_to,
                        &mut locale.where_to,
                    ),
                    (
                        "where_undetermined",
                        &texts.where_undetermined,
                        &rule.where_undetermined,
                        &mut locale.where_undetermined,
                    ),
                    (
                        "if_missed",
                        &texts.if_missed,
                        &rule.if_missed,
                        &mut locale.if_missed,
                    ),
                ] {
                    for (code, text) in texts {
                        let tat = rat.key(key).key(code);
                        let Some(g) = english.iter().find(|g| g.host.code() == code) else {
                            self.error(
                                &tat,
                                format!("rule `{id}` has no `{key}` for `{code}` to translate"),
                                None,
                            );
                            continue;
                        };
                        if let (Some(t), Some(slot)) =
                            (self.template(text, &tat, 0, &names), slots.get_mut(index))
                        {
                            slot.push((g.host, t));
                        }
                    }
                }
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
            locale.short_names =
                self.checked_short_names(&raw.short_names, &at.key("short_names"), rules);
            out.push(locale);
        }
        out
    }

    /// The key that names the `say` at `at` for other languages:
    /// `rule:ID/PATH` or `def:NAME/PATH`, the path inside the rule or the
    /// definition's expression (`when.all[1]`).
    pub(super) fn say_key(&self, at: &At) -> String {
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

    pub(super) fn say(&mut self, v: &Value, at: &At, operands: usize) -> Option<Say> {
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

    pub(super) fn say_texts(&mut self, v: &Value, at: &At, operands: usize) -> Option<Say> {
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
    pub(super) fn template(
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

    pub(super) fn placeholder(
        &self,
        name: &str,
        operands: usize,
        dates: &[String],
    ) -> Result<Piece, String> {
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

impl Compiler<'_> {
    /// The pack's short names of instruments (`short_names`, in any
    /// module), each checked: see [`Compiler::checked_short_names`]. An
    /// instrument given a short name in two modules is an error.
    pub(super) fn short_names(
        &mut self,
        modules: &[(usize, RawModule)],
        rules: &[Rule],
    ) -> HashMap<String, String> {
        let mut all: HashMap<String, String> = HashMap::new();
        let mut first: HashMap<String, At> = HashMap::new();
        for (file, m) in modules {
            let at = At {
                file: *file,
                path: JsonPath::root().key("short_names"),
            };
            for (english, short) in self.checked_short_names(&m.short_names, &at, rules) {
                let here = at.key(&english);
                if let Some(prev) = first.get(&english) {
                    let where_first = self.describe_at(prev);
                    self.error(
                        &here,
                        format!("the instrument `{english}` has a short name already"),
                        Some(format!("the first is in {where_first}")),
                    );
                    continue;
                }
                if let Some((other, _)) = all.iter().find(|(_, s)| **s == short) {
                    self.error(
                        &here,
                        format!("`{short}` is also the short name of `{other}`"),
                        Some("a short name must name one instrument".to_owned()),
                    );
                    continue;
                }
                first.insert(english.clone(), here);
                all.insert(english, short);
            }
        }
        all
    }

    /// Short names of instruments, by the name as the rules'
    /// `source.instrument` spells it: each must be cited by a rule, not be
    /// empty, and name one instrument only (two instruments with one short
    /// name could not be told apart in a report).
    pub(super) fn checked_short_names(
        &mut self,
        raw: &std::collections::BTreeMap<String, String>,
        at: &At,
        rules: &[Rule],
    ) -> HashMap<String, String> {
        let mut out: HashMap<String, String> = HashMap::new();
        for (english, short) in raw {
            let here = at.key(english);
            if !rules.iter().any(|r| &r.source.instrument == english) {
                self.error(
                    &here,
                    format!("no rule cites the instrument `{english}`"),
                    Some(
                        "write the instrument's name as the rules' `source.instrument` spells it"
                            .to_owned(),
                    ),
                );
                continue;
            }
            if short.trim().is_empty() {
                self.error(&here, "the short name is empty".to_owned(), None);
                continue;
            }
            if let Some((other, _)) = out.iter().find(|(_, s)| *s == short) {
                self.error(
                    &here,
                    format!("`{short}` is also the short name of `{other}`"),
                    Some("a short name must name one instrument".to_owned()),
                );
                continue;
            }
            out.insert(english.clone(), short.clone());
        }
        out
    }
}
