// Conveniences of the pages of `eaeu-rights serve`. Every page works
// without this script: each button here has a plain form behind it.
// - the print button of a report page (hidden unless this script runs);
// - adding and removing family members in the page, without a round trip;
// - switching the language of the form without losing what was typed.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  var print = document.getElementById("print");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
    var hint = document.querySelector(".print-hint");
    if (hint) { hint.hidden = true; }
  }

  var form = document.getElementById("profile");
  if (!form) { return; }

  // The language links post the form back to `/` in the other language.
  document.querySelectorAll(".languages a[data-lang]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var action = document.createElement("input");
      action.type = "hidden";
      action.name = "action";
      action.value = "lang-" + link.getAttribute("data-lang");
      form.appendChild(action);
      form.setAttribute("action", "/");
      form.submit();
    });
  });

  var members = form.querySelector(".members");
  var template = document.getElementById("member-template");
  if (!members || !template) { return; }

  // Renumbers the rows after a change: names, ids and the numbers shown.
  function renumber() {
    members.querySelectorAll("fieldset.member").forEach(function (row, i) {
      var old = row.getAttribute("data-row");
      row.setAttribute("data-row", String(i));
      row.id = "member-" + i;
      row.querySelectorAll("[name],[id],[for],[aria-describedby]").forEach(function (el) {
        ["name", "id", "for", "aria-describedby"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value !== null) {
            el.setAttribute(attr, value.split("family-" + old + "-").join("family-" + i + "-"));
          }
        });
      });
      row.querySelectorAll(".number").forEach(function (n) { n.textContent = String(i + 1); });
      var remove = row.querySelector(".remove-member");
      if (remove) { remove.value = "remove-" + i; }
    });
  }

  function bindRemove(row) {
    var remove = row.querySelector(".remove-member");
    if (!remove) { return; }
    remove.addEventListener("click", function (event) {
      event.preventDefault();
      var next = row.nextElementSibling || row.previousElementSibling;
      row.remove();
      renumber();
      var focus = next ? next.querySelector("select") : form.querySelector(".add-member");
      if (focus) { focus.focus(); }
    });
  }

  members.querySelectorAll("fieldset.member").forEach(bindRemove);

  var add = form.querySelector(".add-member");
  if (add) {
    add.addEventListener("click", function (event) {
      event.preventDefault();
      var count = members.querySelectorAll("fieldset.member").length;
      if (count >= 100) { return; }
      var html = template.innerHTML.split("family-N-").join("family-" + count + "-")
        .split("member-N").join("member-" + count)
        .split("data-row=\"N\"").join("data-row=\"" + count + "\"")
        .split("remove-N").join("remove-" + count);
      var holder = document.createElement("div");
      holder.innerHTML = html;
      var row = holder.querySelector("fieldset.member");
      members.appendChild(row);
      renumber();
      bindRemove(row);
      var first = row.querySelector("select");
      if (first) { first.focus(); }
    });
  }
});
