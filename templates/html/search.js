// Instant client-side filtering of the clause table: every word typed must occur; family and status narrow further.
(function () {
  var search = document.getElementById("search");
  var family = document.getElementById("family");
  var status = document.getElementById("status");
  var count = document.getElementById("count");
  var rows = Array.prototype.slice.call(document.querySelectorAll("table.clauses tbody tr"));
  function apply() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    rows.forEach(function (row) {
      var text = row.getAttribute("data-search");
      var ok = (!family.value || row.getAttribute("data-family") === family.value) &&
               (!status.value || row.getAttribute("data-status") === status.value) &&
               words.every(function (w) { return text.indexOf(w) !== -1; });
      row.hidden = !ok;
      if (ok) { shown += 1; }
    });
    count.textContent = shown + " shown";
  }
  [search, family, status].forEach(function (el) { el.addEventListener("input", apply); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "/" && document.activeElement !== search) { event.preventDefault(); search.focus(); }
  });
  apply();
})();
