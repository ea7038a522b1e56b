(function () {
  "use strict";
  // Sortable tables: a click (or Enter) on a header sorts by that column, again to reverse.
  function key(cell, numeric) {
    var v = cell.getAttribute("data-sort");
    if (v === null) v = cell.textContent;
    if (!numeric) return v.toLowerCase();
    return v === "" ? -Infinity : Number(v);
  }
  function sortBy(table, th, col) {
    var numeric = th.getAttribute("data-type") === "number";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) {
      h.removeAttribute("aria-sort");
    });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col], numeric), y = key(b.cells[col], numeric);
      var c = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? c : -c;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.tabIndex = 0;
      th.addEventListener("click", function () { sortBy(table, th, col); });
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter") sortBy(table, th, col);
      });
    });
  });
  // A click on a layer's box shows its row in the layer table.
  Array.prototype.forEach.call(document.querySelectorAll("section.model"), function (section) {
    section.addEventListener("click", function (e) {
      var g = e.target.closest ? e.target.closest("svg.graph g.layer") : null;
      if (!g) return;
      Array.prototype.forEach.call(section.querySelectorAll("table.layers tbody tr"), function (row) {
        var picked = row.getAttribute("data-layer") === g.getAttribute("data-layer");
        row.classList.toggle("picked", picked);
        if (picked) row.scrollIntoView({ block: "center" });
      });
    });
  });
  // Where each layer's box was drawn, in page coordinates (data-box="x y width height"), so that
  // the rendering can be checked from the DOM alone.
  Array.prototype.forEach.call(document.querySelectorAll("svg.graph .layer > rect"), function (rect) {
    var r = rect.getBoundingClientRect();
    var box = [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height];
    rect.parentNode.setAttribute("data-box", box.map(function (v) { return v.toFixed(1); }).join(" "));
  });
  document.documentElement.setAttribute("data-rendered", "true");
})();
