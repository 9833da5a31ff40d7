//! Definitions and rules: each compiled once, in dependency order, with
//! its period, event date, dates, links and nesting checked.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::Value;

use super::types::Ty;
use super::{At, Compiler, DefState, Scope, MAX_NESTING};
use crate::engine::ir::*;
use crate::locate::JsonPath;
use crate::rules::raw::{RawGuidance, RawModule};

/// `when` and the test that the rule's event (`on`) falls in its period,
/// each comparison explained in words of its own (`Say::EventFrom`,
/// `Say::EventTo`). An unknown entry date is still bounded by the
/// assessment date: `engine::bounds` settles the test when the assessment
/// date alone decides it.
pub(super) fn with_event_period(
    when: Node,
    on: &Node,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Node {
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

/// How many levels evaluating a node recurses, a definition counting as
/// its own depth (`defs`, already computed: definitions compile before use).
pub(super) fn node_depth(node: &Node, defs: &[usize]) -> usize {
    let own = match node.op {
        // Compiled before use: `defs` has its depth.
        Op::Def(id) => defs.get(id.index()).copied().unwrap_or(0),
        _ => 0,
    };
    let children = node.children().map(|n| node_depth(n, defs)).max();
    children.unwrap_or(0).max(own).saturating_add(1)
}

impl<'f> Compiler<'f> {
    pub(super) fn compile_def(&mut self, id: usize) -> Option<Ty> {
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

    pub(super) fn compile_rules(&mut self, modules: &[(usize, RawModule)]) -> Vec<Rule> {
        let mut ids: HashMap<String, At> = HashMap::new();
        let mut rules = Vec::new();
        let mut links: Vec<(At, String)> = Vec::new();
        // `fulfils` targets, checked once every rule is compiled: each must
        // have a duty to fulfil.
        let mut fulfils: Vec<(At, String)> = Vec::new();
        // Rules with a `where_undetermined`, checked the same way: some
        // rule must fulfil their duty, or the text could never be read.
        let mut undetermined: Vec<(At, String)> = Vec::new();
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
                let acts = raw.kind == RuleKind::Obligation || raw.dates.contains_key("deadline");
                let where_to =
                    self.guidance(&raw.where_to, &at.key("where"), host, acts, &date_names);
                let where_undetermined = self.guidance(
                    &raw.where_undetermined,
                    &at.key("where_undetermined"),
                    host,
                    acts,
                    &date_names,
                );
                if !raw.where_undetermined.is_empty() {
                    undetermined.push((at.key("where_undetermined"), raw.id.clone()));
                }
                let if_missed = self.guidance(
                    &raw.if_missed,
                    &at.key("if_missed"),
                    host,
                    acts,
                    &date_names,
                );
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
                for (j, target) in raw.fulfils.iter().enumerate() {
                    let fat = at.key("fulfils").index(j);
                    if *target == raw.id {
                        self.error(
                            &fat,
                            format!("rule `{}` cannot fulfil itself", raw.id),
                            None,
                        );
                    } else if !acts {
                        self.error(
                            &fat,
                            "only a rule a person must act on can fulfil another rule's duty"
                                .to_owned(),
                            Some(
                                "give `fulfils` to an obligation, or to a rule with a `deadline` date"
                                    .to_owned(),
                            ),
                        );
                    } else {
                        fulfils.push((fat.clone(), target.clone()));
                    }
                    links.push((fat, target.clone()));
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
                        fulfils: raw.fulfils.clone(),
                        tension: raw.tension.clone(),
                        where_to,
                        where_undetermined,
                        if_missed,
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
        for (at, id) in undetermined {
            if !rules.iter().any(|r| r.fulfils.contains(&id)) {
                self.error(
                    &at,
                    format!(
                        "no rule fulfils `{id}`, so its `where_undetermined` would never be read"
                    ),
                    Some("name this rule in another rule's `fulfils`, or use `where`".to_owned()),
                );
            }
        }
        for (at, target) in fulfils {
            let acts = |r: &Rule| {
                r.kind == RuleKind::Obligation || r.dates.iter().any(|(n, _)| n == "deadline")
            };
            if rules.iter().any(|r| r.id == target && !acts(r)) {
                self.error(
                    &at,
                    format!("rule `{target}` has no duty to fulfil: it is not an obligation and has no `deadline` date"),
                    None,
                );
            }
        }
        rules
    }
}

impl Compiler<'_> {
    /// A rule's `where` or `if_missed`: one text per host state, each
    /// checked as a summary is (its placeholders), with the web pages it
    /// rests on. Only what a person must act on has them (`acts`: an
    /// obligation, or a rule with a `deadline`), and a national rule only
    /// for its own host state.
    fn guidance(
        &mut self,
        raw: &std::collections::BTreeMap<String, RawGuidance>,
        at: &At,
        host: Option<crate::country::Country>,
        acts: bool,
        date_names: &[String],
    ) -> Vec<Guidance> {
        let mut out = Vec::new();
        if raw.is_empty() {
            return out;
        }
        if !acts {
            self.error(
                at,
                "only a rule a person must act on tells where to go or what happens if it is missed".to_owned(),
                Some("give it to an obligation, or to a rule with a `deadline` date".to_owned()),
            );
            return out;
        }
        for (code, g) in raw {
            let gat = at.key(code);
            let country = match self.literal_of(&Value::String(code.clone()), Ty::Country, &gat) {
                Some(Lit::Country(c)) => c,
                _ => continue,
            };
            if let Some(own) = host.filter(|h| *h != country) {
                self.error(
                    &gat,
                    format!(
                        "a national rule of `{}` can only say what to do in `{}`",
                        own.code(),
                        own.code()
                    ),
                    None,
                );
                continue;
            }
            if g.text.trim().is_empty() {
                self.error(&gat.key("text"), "the text is empty".to_owned(), None);
                continue;
            }
            if g.sources.is_empty() {
                self.error(
                    &gat.key("sources"),
                    "no source: give the address of at least one page the text rests on".to_owned(),
                    None,
                );
            }
            for (i, url) in g.sources.iter().enumerate() {
                if !url.starts_with("https://") || url.contains(char::is_whitespace) {
                    self.error(
                        &gat.key("sources").index(i),
                        format!("`{url}` is not a web address (`https://...`)"),
                        None,
                    );
                }
            }
            if let Some(text) = self.template(&g.text, &gat.key("text"), 0, date_names) {
                out.push(Guidance {
                    host: country,
                    text,
                    sources: g.sources.clone(),
                    confidence: g.confidence,
                });
            }
        }
        out
    }
}

pub(super) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.contains('.')
        && id.split('.').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
}
