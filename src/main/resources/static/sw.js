// Sahay's service worker: keeps the shell of the pages a leader needs at a site (never a page with
// people's data in it), and holds the offline key in memory only, for the pages of this tab.
"use strict";
var SHELL = "sahay-shell-v1";
var key = null;

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("message", function (event) {
  var m = event.data || {};
  var reply = event.ports && event.ports[0];
  if (m.type === "key") key = m.key;
  else if (m.type === "forget") key = null;
  else if (m.type === "key?" && reply) reply.postMessage({ key: key });
  else if (m.type === "cache" && m.urls) event.waitUntil(keep(m.urls));
  else if (m.type === "wipe") { key = null; event.waitUntil(caches.delete(SHELL)); }
});

// Pages are kept by their path alone, fetched afresh without a query: a shell, not a person's page.
function keep(urls) {
  return caches.open(SHELL).then(function (cache) {
    return Promise.all(urls.map(function (url) {
      return fetch(url, { credentials: "same-origin", redirect: "manual", cache: "no-store" })
        .then(function (r) { return r.ok && r.type === "basic" ? cache.put(url, r) : null; })
        .catch(function () { return null; });
    }));
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === "/quick-exit" || url.pathname === "/logout") { key = null; return; }
  if (request.method !== "GET") return;
  if (request.mode === "navigate") {
    event.respondWith(fetch(request).catch(function () {
      return caches.open(SHELL).then(function (cache) {
        return cache.match(url.pathname).then(function (hit) { return hit || cache.match("/offline"); });
      }).then(function (hit) { return hit || Response.error(); });
    }));
    return;
  }
  // Styles and scripts carry their content's hash in their address: kept once, never stale.
  if (/^\/(css|js|webjars|img)\//.test(url.pathname)) {
    event.respondWith(caches.open(SHELL).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (r) {
          if (r.ok) cache.put(request, r.clone());
          return r;
        });
      });
    }));
  }
});
