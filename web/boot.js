// Runs before the console's code has arrived (inline in index.html's head, no imports; web/vite.config.ts puts it
// there and the server's CSP allows it by its hash): on a phone's slow network each
// round trip costs half a second, so the requests the opening page will make start now, beside the main code,
// instead of one after another once it runs. The build writes, for each page a phone opens cold, its code files
// and the API reads it makes first (web/vite.config.ts, routePreloads); web/src/app/api.ts takes these answers once.
(function () {
  var data = document.getElementById('tn-routes');
  var routes = [];
  try {
    routes = JSON.parse((data && data.textContent) || '[]');
  } catch {
    routes = [];
  }
  var early = {};
  function read(url) {
    early[url] = { at: Date.now(), response: fetch(url, { headers: { accept: 'application/json' }, credentials: 'same-origin' }) };
  }
  function link(rel, href) {
    var el = document.createElement('link');
    el.rel = rel;
    el.href = href;
    if (rel === 'modulepreload') el.crossOrigin = '';
    document.head.appendChild(el);
  }
  read('/api/v1/auth/me');
  var path = location.pathname;
  for (var i = 0; i < routes.length; i++) {
    var match = new RegExp(routes[i].pattern).exec(path);
    if (!match) continue;
    // The reads first: over HTTP/1.1 a browser sends six requests at a time, and a page's code in many files
    // would otherwise hold its read back by round trips.
    routes[i].api.forEach(function (url) {
      read(url.replace(/:(\d)/g, function (_, n) { return match[Number(n)]; }));
    });
    routes[i].css.forEach(function (href) { link('stylesheet', href); });
    routes[i].js.forEach(function (href) { link('modulepreload', href); });
    break;
  }
  window.__tnEarly = early;
})();
