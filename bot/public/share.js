// Progressive enhancement for the share page: network tabs, live character counts,
// copy-to-clipboard for networks that take no text, then on to the network.
(function () {
  'use strict';
  var dataEl = document.getElementById('share-data');
  if (!dataEl) return;
  var data = JSON.parse(dataEl.textContent || '{}');
  var status = document.querySelector('[data-status]');
  var forms = Array.prototype.slice.call(document.querySelectorAll('form.network'));
  var tabs = document.querySelector('.tabs');
  var LINK = 23;
  var MAX = { linkedin: 3000, x: 280, facebook: 5000, xing: 3000 };

  function chars(s) { return Array.from(s).length; }
  function count(network, text) {
    if (network !== 'x') return chars(text);
    var body = chars(text.trim());
    var tags = data.hashtags.reduce(function (n, t) { return n + 2 + chars(t); }, 0);
    return body + (body > 0 ? 1 : 0) + LINK + tags;
  }
  function say(message) { if (status) status.textContent = message; }
  function fill(template, network) { return template.replace('{network}', data.labels[network]); }

  function select(network) {
    forms.forEach(function (f) {
      var on = f.getAttribute('data-network') === network;
      if (on) f.removeAttribute('data-hidden'); else f.setAttribute('data-hidden', '');
    });
    document.querySelectorAll('[data-tab]').forEach(function (b) {
      b.setAttribute('aria-selected', String(b.getAttribute('data-tab') === network));
    });
  }

  if (tabs) {
    tabs.hidden = false;
    document.body.classList.add('js');
    tabs.addEventListener('click', function (e) {
      var b = e.target.closest('[data-tab]');
      if (b) select(b.getAttribute('data-tab'));
    });
    // A card's "X" button opens this page with ?network=x: start on that network.
    var wanted = new URLSearchParams(window.location.search).get('network');
    if (wanted && MAX[wanted]) select(wanted);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error('copy failed'));
    });
  }

  forms.forEach(function (form) {
    var network = form.getAttribute('data-network');
    var area = form.querySelector('textarea');
    var counter = form.querySelector('[data-count]');
    var button = form.querySelector('button.post');
    function update() {
      var n = count(network, area.value);
      var over = n > MAX[network];
      counter.textContent = n + ' / ' + MAX[network] + ' ' + data.texts.chars + (over ? ' — ' + data.texts.tooLong : '');
      counter.classList.toggle('over', over);
      counter.classList.toggle('fold', network === 'linkedin' && n > data.linkedinFold);
      button.disabled = over;
    }
    area.addEventListener('input', update);
    update();

    form.addEventListener('submit', function (e) {
      e.preventDefault();
      button.disabled = true;
      say(fill(data.texts.opening, network));
      fetch(form.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ network: network, text: area.value }),
      })
        .then(function (res) {
          // Crisis mode came on after this page loaded: show the page with the instructions.
          if (res.status === 423) { window.location.reload(); return new Promise(function () {}); }
          return res.json().then(function (body) {
            if (!res.ok) throw new Error((body.error && body.error.message) || res.statusText);
            return body;
          });
        })
        .then(function (result) {
          if (!result.clipboard) { window.location.assign(result.target); return; }
          return copy(result.clipboard).then(
            function () {
              say(fill(data.texts.copied, network));
              // Long enough to read the sentence, short enough not to feel stuck.
              setTimeout(function () { window.location.assign(result.target); }, 1500);
            },
            function () {
              say(data.texts.copyFailed);
              area.focus();
              area.select();
              button.disabled = false;
            },
          );
        })
        .catch(function (err) {
          say(err.message);
          button.disabled = false;
        });
    });
  });
})();
