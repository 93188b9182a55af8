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

// While someone works on a back-office page (types, clicks), their session is
// kept: the server ends one unused for longer than its rules allow (办理规则,
// data-keepalive in minutes). If it ended meanwhile, the page says so and
// keeps what was typed: signing in again in another window gives the page
// its new form token at the next keystroke, and a form sent after a long
// pause is held until the session is known to be alive.
(function () {
  var body = document.body;
  if (!body || !body.hasAttribute('data-keepalive') || !window.fetch) return;
  var idle = parseInt(body.getAttribute('data-keepalive'), 10) * 60000;
  var lastPing = Date.now(), busy = false, banner = null;
  function ping(done) {
    busy = true;
    fetch('/admin/keepalive', { credentials: 'same-origin', redirect: 'manual', cache: 'no-store' }).then(function (r) {
      if (r.type === 'opaqueredirect' || !r.ok) throw new Error('ended');
      return r.json();
    }).then(function (d) {
      lastPing = Date.now();
      document.querySelectorAll('input[name=csrf]').forEach(function (i) { i.value = d.csrf; });
      if (banner) { banner.remove(); banner = null; }
      return true;
    }, function () { show(); return false; }).then(function (ok) { busy = false; if (done) done(ok); });
  }
  function show() {
    if (banner) return;
    banner = document.createElement('p');
    banner.className = 'flash warn';
    banner.id = 'session-ended';
    banner.setAttribute('role', 'alert');
    banner.innerHTML = '登录已超时（长时间未操作）。本页填写的内容仍在：请<a href="/login" target="_blank">在新窗口重新登录</a>，再回到本页继续或提交。';
    document.querySelector('main').prepend(banner);
  }
  function active() {
    if (busy || (Date.now() - lastPing < 60000 && !banner)) return;
    ping();
  }
  ['keydown', 'click', 'input'].forEach(function (e) { document.addEventListener(e, active, true); });
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.getAttribute('action') === '/logout' || form.hasAttribute('data-checked')) { form.removeAttribute('data-checked'); return; }
    if (!banner && !(idle > 0 && Date.now() - lastPing > idle - 30000)) return;
    e.preventDefault();
    var by = e.submitter;
    ping(function (ok) {
      if (!ok) return;
      form.setAttribute('data-checked', '');
      if (form.requestSubmit) { form.requestSubmit(by && by.form === form ? by : undefined); } else { form.submit(); }
    });
  }, true);
})();

// A link to a step's form (#step-…) opens the form it points to: the steps
// are folded <details>, which a browser does not unfold for a link.
(function () {
  function unfold() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && document.getElementById(id);
    for (; el; el = el.parentElement) {
      if (el.tagName === 'DETAILS') el.open = true;
    }
  }
  window.addEventListener('hashchange', unfold);
  document.addEventListener('DOMContentLoaded', unfold);
})();

// 引用 beside a published item puts the words that point to it into the
// answer's 获取方式和途径 and chooses 已主动公开 (the clerk can still edit).
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('button[data-route]');
  if (!b) return;
  var f = b.form, t = f && f.querySelector('textarea[name=route]');
  if (!t) return;
  t.value = b.getAttribute('data-route');
  var o = f.querySelector('select[name=outcome]');
  if (o && o.querySelector('option[value=already_public]')) o.value = 'already_public';
  t.focus();
});

// 常用 beside a note puts one of the agency's frequent notes into it.
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('button[data-phrase]');
  if (!b || !b.form) return;
  var t = b.form.querySelector('textarea[name=note]');
  if (!t) return;
  t.value = b.getAttribute('data-phrase');
  t.focus();
});

// × after a 常用语 takes it off the step's list: a form of its own, posted
// with the step form's token and kind (a submit button inside the step form
// would become its default button, pressed by Enter in any of its fields).
document.addEventListener('click', function (e) {
  var b = e.target.closest && e.target.closest('button[data-forget]');
  if (!b || !b.form) return;
  var f = document.createElement('form');
  f.method = 'post';
  f.action = b.form.getAttribute('action').replace(/\/steps$/, '/phrases/forget');
  var fields = {csrf: b.form.elements.csrf.value, kind: b.form.elements.kind.value, phrase: b.getAttribute('data-forget')};
  for (var k in fields) {
    var i = document.createElement('input');
    i.type = 'hidden';
    i.name = k;
    i.value = fields[k];
    f.appendChild(i);
  }
  document.body.appendChild(f);
  f.submit();
});

// The header's 系统管理 list closes when the click goes elsewhere or on Escape,
// as a menu does (a <details> stays open by itself).
document.addEventListener('click', function (e) {
  document.querySelectorAll('details.navgroup[open]').forEach(function (d) {
    if (!d.contains(e.target)) d.open = false;
  });
});
document.addEventListener('keydown', function (e) {
  if (e.key !== 'Escape') return;
  document.querySelectorAll('details.navgroup[open]').forEach(function (d) { d.open = false; d.querySelector('summary').focus(); });
});
