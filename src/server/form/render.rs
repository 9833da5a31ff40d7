//! The form as HTML: the page, each kind of field with its label, hint
//! and error, and the rows of family members.

use super::*;

/// The page's head: its title, and this server's style sheet and script.
pub(super) fn head(lang: Lang, title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n{}</head>\n",
        lang.code(),
        escape(title),
        assets()
    )
}

/// The style sheet and the script of this server's pages.
pub(crate) fn assets() -> &'static str {
    "<link rel=\"stylesheet\" href=\"/static/app.css\">\n<script src=\"/static/app.js\" defer></script>\n"
}

/// The whole form page.
pub fn page(lang: Lang, data: &FormData, errors: &FieldErrors) -> String {
    let f = lang.form_words();
    let mut out = head(lang, &f.title);
    out.push_str("<body>\n<header class=\"site\">\n");
    languages(&mut out, lang);
    let _ = writeln!(
        out,
        "<h1>{}</h1>\n<p>{}</p>\n</header>\n<main>",
        escape(&f.title),
        escape(&f.intro)
    );
    if !errors.is_empty() {
        error_summary(&mut out, lang, errors);
    }
    let _ = writeln!(
        out,
        "<form method=\"post\" action=\"/check\" id=\"profile\" novalidate>\n\
         <input type=\"hidden\" name=\"lang\" value=\"{}\">\n\
         <button type=\"submit\" class=\"default-submit\" tabindex=\"-1\" aria-hidden=\"true\">{}</button>",
        lang.code(),
        escape(&f.submit)
    );
    let groups: [(&str, &[Slot]); 6] = [
        (&f.person, &[Slot::Citizenship, Slot::Host, Slot::Id]),
        (
            &f.stay,
            &[Slot::EntryDate, Slot::Registered, Slot::PermanentResident],
        ),
        (
            &f.contract,
            &[
                Slot::ContractKind,
                Slot::ContractStart,
                Slot::ContractEnd,
                Slot::TerminatedOn,
            ],
        ),
        (&f.work, &[Slot::Occupation]),
        (&f.family, &[Slot::Family]),
        (&f.assessment, &[Slot::AsOf]),
    ];
    for (legend, slots) in groups {
        if slots == [Slot::Family] {
            // The family block is a group of its own, with its own legend.
            widget(&mut out, lang, Slot::Family, data, errors);
            continue;
        }
        let _ = writeln!(
            out,
            "<fieldset class=\"group\">\n<legend>{}</legend>",
            escape(legend)
        );
        for slot in slots {
            widget(&mut out, lang, *slot, data, errors);
        }
        out.push_str("</fieldset>\n");
    }
    let _ = writeln!(
        out,
        "<p><button type=\"submit\" name=\"action\" value=\"check\" class=\"primary\">{}</button></p>\n</form>",
        escape(&f.submit)
    );
    countries_list(&mut out, lang);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

/// The language switch: a link to the page in each language.
pub(super) fn languages(out: &mut String, lang: Lang) {
    let f = lang.form_words();
    let _ = write!(
        out,
        "<nav class=\"languages\" aria-label=\"{}\"><ul>",
        escape(&f.language)
    );
    for l in Lang::ALL {
        let current = if l == lang {
            " aria-current=\"page\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<li><a href=\"/?lang={code}\" lang=\"{code}\" hreflang=\"{code}\" data-lang=\"{code}\"{current}>{}</a></li>",
            l.name(),
            code = l.code()
        );
    }
    out.push_str("</ul></nav>\n");
}

/// The list of errors at the top, each a link to its field.
pub(super) fn error_summary(out: &mut String, lang: Lang, errors: &FieldErrors) {
    let f = lang.form_words();
    let _ = writeln!(
        out,
        "<div class=\"error-summary\" role=\"alert\" tabindex=\"-1\" id=\"errors\">\n<h2>{}</h2>\n<ul>",
        escape(&f.fix_these)
    );
    for (field, message) in errors.iter() {
        let _ = writeln!(
            out,
            "<li><a href=\"#{}\">{}: {}</a></li>",
            escape(field),
            escape(&label_of(lang, field)),
            escape(message)
        );
    }
    out.push_str("</ul>\n</div>\n");
}

/// The label of a field, by its name.
pub(super) fn label_of(lang: Lang, field: &str) -> String {
    let w = &lang.text_words().html.facts;
    let f = lang.form_words();
    if let Some(rest) = field.strip_prefix("family-") {
        if let Some((n, name)) = rest.split_once('-') {
            let number = n.parse::<usize>().map_or(1, |n| n.saturating_add(1));
            let what = match name {
                "relation" => &f.relation,
                "birth_date" => &f.birth_date,
                _ => &f.member_citizenship,
            };
            let (before, after) = &w.member;
            return format!("{before}{number}{after}, {}", lower_first(what));
        }
    }
    let label: &str = match field {
        "citizenship" => &w.citizenship,
        "host" => &w.host,
        "id" => &f.id,
        "entry_date" => &w.entry,
        "registered" => &w.registered,
        "permanent_resident" => &w.permanent_resident,
        "contract_kind" => &f.contract_kind,
        "contract_start" => &w.contract_start,
        "contract_end" => &w.contract_end,
        "terminated_on" => &w.terminated,
        "occupation" => &w.occupation,
        "as_of" => &w.as_of,
        _ => &w.family,
    };
    label.to_owned()
}

pub(super) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub(super) fn upper_first(s: &str) -> String {
    crate::report::text::capitalised(s)
}

/// Every country, by its name in `lang`, for the fields that take one.
pub(crate) fn countries_list(out: &mut String, lang: Lang) {
    let mut names: Vec<&str> = crate::country::all()
        .filter(|c| *c != Country::SLOT)
        .map(|c| lang.country_name(c))
        .collect();
    names.sort_unstable();
    names.dedup();
    out.push_str("<datalist id=\"countries\">\n");
    for name in names {
        let _ = writeln!(out, "<option value=\"{}\">", escape(name));
    }
    out.push_str("</datalist>\n");
}

/// The attributes that tie a field to its hint and its error.
pub(super) fn described(id: &str, hint: bool, error: Option<&str>) -> String {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error.is_some() {
        ids.push(format!("{id}-error"));
    }
    let mut out = String::new();
    if !ids.is_empty() {
        let _ = write!(out, " aria-describedby=\"{}\"", escape(&ids.join(" ")));
    }
    if error.is_some() {
        out.push_str(" aria-invalid=\"true\"");
    }
    out
}

/// A field's hint and error, under its label.
pub(super) fn hint_and_error(
    out: &mut String,
    lang: Lang,
    id: &str,
    hint: Option<&str>,
    error: Option<&str>,
) {
    if let Some(h) = hint {
        let _ = writeln!(
            out,
            "<p class=\"hint\" id=\"{}-hint\">{}</p>",
            escape(id),
            escape(h)
        );
    }
    if let Some(e) = error {
        let _ = writeln!(
            out,
            "<p class=\"error-message\" id=\"{}-error\"><span class=\"visually-hidden\">{}</span>{}</p>",
            escape(id),
            escape(&lang.form_words().error),
            escape(e)
        );
    }
}

/// A one-line text field.
#[allow(clippy::too_many_arguments)]
pub(super) fn text_field(
    out: &mut String,
    lang: Lang,
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    errors: &FieldErrors,
    extra: &str,
) {
    let error = errors.get(id);
    let class = if error.is_some() {
        "field has-error"
    } else {
        "field"
    };
    let _ = writeln!(
        out,
        "<div class=\"{class}\">\n<label for=\"{id}\">{}</label>",
        escape(label),
        id = escape(id)
    );
    hint_and_error(out, lang, id, hint, error);
    let _ = writeln!(
        out,
        "<input type=\"text\" id=\"{id}\" name=\"{id}\" value=\"{}\"{}{extra}>\n</div>",
        escape(value),
        described(id, hint.is_some(), error),
        id = escape(id)
    );
}

/// A date field: text, typed as documents write dates.
pub(super) fn date_field(
    out: &mut String,
    lang: Lang,
    id: &str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    errors: &FieldErrors,
) {
    let f = lang.form_words();
    let hint = match hint {
        Some(h) => format!("{h} {}", f.date_hint),
        None => f.date_hint.to_owned(),
    };
    text_field(
        out,
        lang,
        id,
        label,
        Some(&hint),
        value,
        errors,
        " class=\"date\" inputmode=\"numeric\" autocomplete=\"off\" spellcheck=\"false\"",
    );
}

/// A group of radio buttons.
pub(super) fn radios(
    out: &mut String,
    lang: Lang,
    name: &str,
    legend: &str,
    choices: &[(&str, String)],
    value: &str,
    errors: &FieldErrors,
) {
    let error = errors.get(name);
    let class = if error.is_some() {
        "field choices has-error"
    } else {
        "field choices"
    };
    let _ = writeln!(
        out,
        "<fieldset class=\"{class}\" id=\"{id}\"{}>\n<legend>{}</legend>",
        described(name, false, error),
        escape(legend),
        id = escape(name)
    );
    hint_and_error(out, lang, name, None, error);
    for (i, (v, label)) in choices.iter().enumerate() {
        let checked = if *v == value { " checked" } else { "" };
        let _ = writeln!(
            out,
            "<label class=\"choice\"><input type=\"radio\" name=\"{n}\" id=\"{n}-{i}\" value=\"{}\"{checked}> {}</label>",
            escape(v),
            escape(label),
            n = escape(name)
        );
    }
    out.push_str("</fieldset>\n");
}

/// A checkbox with its label after it.
pub(super) fn checkbox(out: &mut String, id: &str, label: &str, checked: bool) {
    let checked = if checked { " checked" } else { "" };
    let _ = writeln!(
        out,
        "<div class=\"field check\"><input type=\"checkbox\" id=\"{id}\" name=\"{id}\" value=\"on\"{checked}> <label for=\"{id}\">{}</label></div>",
        escape(label),
        id = escape(id)
    );
}

/// The widget of one slot, with its label, hint and error.
pub fn widget(out: &mut String, lang: Lang, slot: Slot, d: &FormData, errors: &FieldErrors) {
    let f = lang.form_words();
    let w = &lang.text_words().html.facts;
    let countries = " list=\"countries\" autocomplete=\"off\"";
    let yes_no = |yes: &str, no: &str, unknown: bool| {
        let mut v = Vec::new();
        if unknown {
            v.push(("", f.not_known.to_owned()));
        }
        v.push(("yes", upper_first(yes)));
        v.push(("no", upper_first(no)));
        v
    };
    match slot {
        Slot::Citizenship => text_field(
            out,
            lang,
            "citizenship",
            &w.citizenship,
            Some(&f.citizenship_hint),
            &d.citizenship,
            errors,
            countries,
        ),
        Slot::Host => text_field(
            out,
            lang,
            "host",
            &w.host,
            Some(&f.host_hint),
            &d.host,
            errors,
            countries,
        ),
        Slot::Id => text_field(
            out,
            lang,
            "id",
            &f.id,
            Some(&f.id_hint),
            &d.id,
            errors,
            " autocomplete=\"off\"",
        ),
        Slot::EntryDate => date_field(
            out,
            lang,
            "entry_date",
            &w.entry,
            None,
            &d.entry_date,
            errors,
        ),
        Slot::Registered => radios(
            out,
            lang,
            "registered",
            &w.registered,
            &yes_no(&w.yes, &w.no, true),
            &d.registered,
            errors,
        ),
        Slot::PermanentResident => {
            // Not known counts as no, as the profile's default says; the
            // report lists that assumption.
            let value = if d.permanent_resident.is_empty() {
                "no"
            } else {
                &d.permanent_resident
            };
            radios(
                out,
                lang,
                "permanent_resident",
                &w.permanent_resident,
                &yes_no(&w.has, &w.has_not, false),
                value,
                errors,
            );
        }
        Slot::ContractKind => {
            let mut choices = vec![("", f.not_known.to_owned())];
            for k in ContractKind::ALL {
                choices.push((k.as_str(), upper_first(w.kind(k))));
            }
            radios(
                out,
                lang,
                "contract_kind",
                &f.contract_kind,
                &choices,
                &d.contract_kind,
                errors,
            );
        }
        Slot::ContractStart => date_field(
            out,
            lang,
            "contract_start",
            &w.contract_start,
            None,
            &d.contract_start,
            errors,
        ),
        Slot::ContractEnd => {
            date_field(
                out,
                lang,
                "contract_end",
                &w.contract_end,
                None,
                &d.contract_end,
                errors,
            );
            checkbox(out, "contract_open", &f.open_ended, d.contract_open);
        }
        Slot::TerminatedOn => date_field(
            out,
            lang,
            "terminated_on",
            &w.terminated,
            None,
            &d.terminated_on,
            errors,
        ),
        Slot::Occupation => text_field(
            out,
            lang,
            "occupation",
            &w.occupation,
            Some(&f.occupation_hint),
            &d.occupation,
            errors,
            " autocomplete=\"organization-title\"",
        ),
        Slot::AsOf => date_field(
            out,
            lang,
            "as_of",
            &w.as_of,
            Some(&f.as_of_hint),
            &d.as_of,
            errors,
        ),
        Slot::Family => family(out, lang, d, errors),
    }
}

/// The family: a box for "none", then a row per member, and the buttons
/// that add and remove rows (they post the form back to `/`).
pub(super) fn family(out: &mut String, lang: Lang, d: &FormData, errors: &FieldErrors) {
    let f = lang.form_words();
    let _ = writeln!(
        out,
        "<fieldset class=\"group family\" id=\"family\">\n<legend>{}</legend>\n<p class=\"hint\">{}</p>",
        escape(&f.family),
        escape(&f.family_hint)
    );
    if let Some(e) = errors.get("family_none") {
        hint_and_error(out, lang, "family_none", None, Some(e));
    }
    checkbox(out, "family_none", &f.no_family, d.family_none);
    // The rows as posted (an empty one kept in its place), at least one.
    let mut rows: Vec<MemberData> = d.family.clone();
    if rows.is_empty() {
        rows.push(MemberData::default());
    }
    out.push_str("<div class=\"members\">\n");
    for (i, m) in rows.iter().enumerate() {
        member_row(out, lang, i, m, errors);
    }
    out.push_str("</div>\n");
    // The row JavaScript copies to add a member: the same markup, numbered
    // when it is copied.
    out.push_str("<template id=\"member-template\">\n");
    member_row(
        out,
        lang,
        usize::MAX,
        &MemberData::default(),
        &FieldErrors::default(),
    );
    out.push_str("</template>\n");
    let _ = writeln!(
        out,
        "<p><button type=\"submit\" formaction=\"/\" name=\"action\" value=\"add-member\" class=\"secondary add-member\">{}</button></p>\n</fieldset>",
        escape(&f.add_member)
    );
}

/// One family member's row; `i == usize::MAX` writes the template, whose
/// names hold `N` for the number the script gives it.
pub(super) fn member_row(
    out: &mut String,
    lang: Lang,
    i: usize,
    m: &MemberData,
    errors: &FieldErrors,
) {
    let f = lang.form_words();
    let w = &lang.text_words().html.facts;
    let (n, number) = if i == usize::MAX {
        ("N".to_owned(), "N".to_owned())
    } else {
        (i.to_string(), i.saturating_add(1).to_string())
    };
    let _ = writeln!(
        out,
        "<fieldset class=\"member\" id=\"member-{n}\" data-row=\"{n}\">\n<legend>{}<span class=\"number\">{number}</span>{}</legend>",
        escape(&w.member.0),
        escape(&w.member.1)
    );
    let id = |field: &str| format!("family-{n}-{field}");
    // The relation, from the list of relations.
    let rel_id = id("relation");
    let error = errors.get(&rel_id);
    let _ = writeln!(
        out,
        "<div class=\"field{}\">\n<label for=\"{rel}\">{}</label>",
        if error.is_some() { " has-error" } else { "" },
        escape(&f.relation),
        rel = escape(&rel_id)
    );
    hint_and_error(out, lang, &rel_id, None, error);
    let _ = writeln!(
        out,
        "<select id=\"{rel}\" name=\"{rel}\"{}>",
        described(&rel_id, false, error),
        rel = escape(&rel_id)
    );
    let selected = |v: &str| if m.relation == v { " selected" } else { "" };
    let _ = writeln!(
        out,
        "<option value=\"\"{}>{}</option>",
        selected(""),
        escape(&f.not_known)
    );
    for r in Relation::ALL {
        let _ = writeln!(
            out,
            "<option value=\"{}\"{}>{}</option>",
            r.as_str(),
            selected(r.as_str()),
            escape(&upper_first(w.relation(r)))
        );
    }
    out.push_str("</select>\n</div>\n");
    date_field(
        out,
        lang,
        &id("birth_date"),
        &f.birth_date,
        None,
        &m.birth_date,
        errors,
    );
    text_field(
        out,
        lang,
        &id("citizenship"),
        &f.member_citizenship,
        None,
        &m.citizenship,
        errors,
        " list=\"countries\" autocomplete=\"off\"",
    );
    let _ = writeln!(
        out,
        "<button type=\"submit\" formaction=\"/\" name=\"action\" value=\"remove-{n}\" class=\"secondary remove-member\">{} <span class=\"number\">{number}</span></button>\n</fieldset>",
        escape(&f.remove_member)
    );
}
