// On a phone a list is shown as one card per row (app.css, table.cards):
// each cell is named by its column's header. Tables with more than one
// header row or merged headers (the report's) stay tables, unless the server
// named their cells (data-labelled). Pages work
// without this script; the lists are then tables that scroll.
(function () {
  function label() {
    document.querySelectorAll('table.list:not(.report)').forEach(function (t) {
      // a table whose cells the server named is shown as cards whatever its header
      if (t.hasAttribute('data-labelled')) { t.classList.add('cards'); return; }
      if (!t.tHead || t.tHead.rows.length !== 1 || !t.tBodies.length) return;
      var heads = Array.prototype.slice.call(t.tHead.rows[0].cells);
      if (heads.some(function (h) { return h.colSpan > 1; })) return;
      t.classList.add('cards');
      Array.prototype.forEach.call(t.tBodies[0].rows, function (r) {
        Array.prototype.forEach.call(r.cells, function (c, i) {
          var h = heads[i] && heads[i].textContent.trim();
          if (h && c.colSpan === 1 && !c.hasAttribute('data-label') && !c.classList.contains('head') && !c.classList.contains('pick')) {
            c.setAttribute('data-label', h);
          }
        });
      });
    });
  }
  document.addEventListener('DOMContentLoaded', label);
  document.addEventListener('htmx:afterSwap', label);
})();
