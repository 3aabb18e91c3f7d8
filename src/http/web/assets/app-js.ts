/**
 * /assets/app.js — progressive enhancement for the form. The page works without it: the form
 * posts to / and the server renders the answer. With it: the same fields are posted with
 * `x-fragment: 1`, the server answers with the answer's HTML only, and it is swapped in without
 * a reload (rendering stays in one place, on the server). Also: add/remove policy rows, copy
 * buttons. Kept as a string so `tsc` ships it in dist/ with no copy step; no template literals
 * inside (this file is one).
 */
export const APP_JS = String.raw`/* whydenied web form */
(function () {
  'use strict';
  var MAX_POLICIES = 20;
  var form = document.getElementById('explain-form');
  var answer = document.getElementById('answer');
  var status = document.getElementById('form-status');
  var rows = document.getElementById('policy-rows');
  var addButton = document.getElementById('add-policy');
  if (!form || !answer || !rows) return;
  document.documentElement.classList.add('js');

  function say(text) { if (status) status.textContent = text; }

  function showCopyButtons(root) {
    var buttons = root.querySelectorAll('button.copy[hidden]');
    for (var i = 0; i < buttons.length; i++) buttons[i].hidden = false;
  }

  function renumber() {
    var list = rows.querySelectorAll('.policy-row');
    for (var i = 0; i < list.length; i++) {
      var row = list[i];
      var n = i + 1;
      row.setAttribute('data-index', String(i));
      var kind = row.querySelector('select');
      var doc = row.querySelector('textarea');
      var labels = row.querySelectorAll('label');
      kind.id = 'policy-kind-' + i;
      doc.id = 'policy-doc-' + i;
      labels[0].setAttribute('for', kind.id);
      labels[0].textContent = 'Policy ' + n + ': kind';
      labels[1].setAttribute('for', doc.id);
      labels[1].textContent = 'Policy ' + n + ': document';
      var remove = row.querySelector('.remove-policy');
      remove.setAttribute('aria-label', 'Remove policy ' + n);
      remove.hidden = list.length < 2;
    }
    if (addButton) {
      addButton.hidden = false;
      addButton.disabled = list.length >= MAX_POLICIES;
    }
  }

  function addRow() {
    var list = rows.querySelectorAll('.policy-row');
    if (list.length >= MAX_POLICIES) return null;
    var row = list[0].cloneNode(true);
    row.querySelector('select').value = 'detect';
    row.querySelector('textarea').value = '';
    rows.appendChild(row);
    renumber();
    return row;
  }

  // Without JS the form shows empty slots; with JS keep one empty row and an "Add" button.
  (function trimEmptyRows() {
    var list = rows.querySelectorAll('.policy-row');
    for (var i = list.length - 1; i > 0; i--) {
      var ta = list[i].querySelector('textarea');
      var prev = list[i - 1].querySelector('textarea');
      if (ta.value.trim() === '' && prev.value.trim() === '') list[i].remove();
      else break;
    }
    renumber();
  })();

  if (addButton) {
    addButton.addEventListener('click', function () {
      var row = addRow();
      if (row) row.querySelector('select').focus();
    });
  }

  rows.addEventListener('click', function (ev) {
    var btn = ev.target.closest('.remove-policy');
    if (!btn) return;
    var row = btn.closest('.policy-row');
    var list = rows.querySelectorAll('.policy-row');
    if (list.length < 2) return;
    var index = Array.prototype.indexOf.call(list, row);
    row.remove();
    renumber();
    var left = rows.querySelectorAll('.policy-row');
    var focusRow = left[Math.min(index, left.length - 1)];
    if (focusRow) focusRow.querySelector('select').focus();
    say('Policy removed.');
  });

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var ta = document.createElement('textarea');
      ta.value = text;
      ta.setAttribute('readonly', '');
      ta.className = 'visually-hidden';
      document.body.appendChild(ta);
      ta.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      ta.remove();
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }

  document.addEventListener('click', function (ev) {
    var btn = ev.target.closest('button.copy');
    if (!btn) return;
    var code = document.getElementById(btn.getAttribute('data-copy'));
    if (!code) return;
    copyText(code.textContent).then(function () {
      btn.textContent = 'Copied';
      btn.classList.add('copied');
      say('Copied to the clipboard.');
      setTimeout(function () { btn.textContent = 'Copy'; btn.classList.remove('copied'); }, 2000);
    }, function () {
      btn.textContent = 'Select and copy';
      say('Could not copy: select the text and copy it by hand.');
    });
  });

  function showProblem(title, detail) {
    answer.textContent = '';
    var wrap = document.createElement('div');
    wrap.className = 'answer-body';
    var h = document.createElement('h2');
    h.id = 'answer-h';
    h.className = 'answer-title';
    h.tabIndex = -1;
    h.textContent = title;
    var card = document.createElement('div');
    card.className = 'card errors';
    card.setAttribute('role', 'alert');
    var p = document.createElement('p');
    p.textContent = detail;
    card.appendChild(p);
    wrap.appendChild(h);
    wrap.appendChild(card);
    answer.appendChild(wrap);
    h.focus();
  }

  var busy = false;
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    var submit = document.getElementById('submit');
    if (submit) submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    say('Explaining…');
    var body = new URLSearchParams(new FormData(form));
    fetch('/', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', 'x-fragment': '1' },
      body: body,
      credentials: 'same-origin',
    }).then(function (res) {
      var type = res.headers.get('content-type') || '';
      if (type.indexOf('text/html') === 0) {
        return res.text().then(function (html) {
          answer.innerHTML = html;
          showCopyButtons(answer);
          var h = document.getElementById('answer-h');
          if (h) h.focus();
          say(res.ok ? 'Answer ready.' : 'Please check the form.');
        });
      }
      return res.json().then(function (problem) {
        showProblem(problem.title || 'The request failed', problem.detail || ('HTTP ' + res.status));
        say('The request failed.');
      }, function () {
        showProblem('The request failed', 'HTTP ' + res.status);
        say('The request failed.');
      });
    }).catch(function () {
      showProblem('Could not reach whydenied', 'Check the connection and try again.');
      say('Could not reach the server.');
    }).then(function () {
      busy = false;
      if (submit) submit.disabled = false;
      form.removeAttribute('aria-busy');
    });
  });

  // Ctrl/Cmd+Enter in any field submits.
  form.addEventListener('keydown', function (ev) {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      if (typeof form.requestSubmit === 'function') form.requestSubmit(); else form.dispatchEvent(new Event('submit', { cancelable: true }));
    }
  });

  showCopyButtons(document);
})();
`;
