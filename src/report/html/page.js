// postwacht review page: filters by category and severity and a text search. Without this
// script every note and row is shown and the filter form stays hidden.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var search = document.getElementById("zoek");
  var shown = document.getElementById("shown");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".note, .reason"));
  var rows = Array.prototype.slice.call(document.querySelectorAll(".row"));
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark[data-notes]"));
  function checked(name) {
    var values = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (box) {
      values[box.value] = box.checked;
    });
    return values;
  }
  // The text a finding is searched in: its note, and for a worklist row the whole row.
  function haystack(finding) {
    var row = finding.closest(".row");
    var text = (row || finding).textContent;
    var ref = document.getElementById("r-" + finding.id);
    if (ref && ref.previousElementSibling && ref.previousElementSibling.tagName === "MARK") {
      text += " " + ref.previousElementSibling.textContent;
    }
    return text.toLowerCase();
  }
  var texts = findings.map(haystack);
  function apply() {
    var cats = checked("cat");
    var sevs = checked("sev");
    var query = search.value.trim().toLowerCase();
    var visible = 0;
    var hidden = {};
    findings.forEach(function (finding, i) {
      var show = cats[finding.dataset.cat] && sevs[finding.dataset.sev] && (!query || texts[i].indexOf(query) !== -1);
      finding.hidden = !show;
      hidden[finding.id] = !show;
      var ref = document.getElementById("r-" + finding.id);
      if (ref) { ref.classList.toggle("off", !show); }
      if (show) { visible += 1; }
    });
    marks.forEach(function (mark) {
      var all = mark.dataset.notes.split(" ").every(function (id) { return hidden[id]; });
      mark.classList.toggle("off", all);
    });
    rows.forEach(function (row) {
      row.hidden = !row.querySelector(".reason:not([hidden])");
    });
    Array.prototype.forEach.call(document.querySelectorAll("article.text"), function (article) {
      article.hidden = !article.querySelector(".note:not([hidden])");
    });
    shown.textContent = visible + " van " + findings.length + " meldingen zichtbaar";
  }
  form.addEventListener("change", apply);
  search.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
