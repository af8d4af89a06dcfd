// Sahay without a network. What a leader records at a site while the network is down goes to a
// queue in IndexedDB, sealed with AES-GCM under a key derived from her offline PIN (PBKDF2); the
// key lives in memory only (this page, and the service worker while a page of this tab is open),
// so quick exit, sign-out or a closed browser leave the queue unreadable. When the network returns,
// the queue is replayed in order, each record with the idempotency key it got when it was made;
// what the server refuses (already received, maybe the same person) waits for her decision.
(function () {
  "use strict";
  const box = document.getElementById("sync");
  if (!box || !window.indexedDB || !window.crypto || !crypto.subtle) return;
  const T = box.dataset;
  const ROUNDS = 600000;
  const enc = new TextEncoder();
  const dec = new TextDecoder();
  let key = null;
  let busy = false;
  let note = "";

  // ---- storage: meta (salt, check, owner, last), queue (sealed records), lookup (sealed rounds)
  // One connection for the page's life; given up when another page wants to delete the database.
  let opened = null;
  function db() {
    opened = opened || new Promise((ok, fail) => {
      const r = indexedDB.open("sahay-offline", 1);
      r.onupgradeneeded = () => {
        r.result.createObjectStore("meta");
        r.result.createObjectStore("queue", { keyPath: "seq", autoIncrement: true });
        r.result.createObjectStore("lookup", { keyPath: "round" });
      };
      r.onsuccess = () => {
        r.result.onversionchange = () => { r.result.close(); opened = null; };
        ok(r.result);
      };
      r.onerror = () => { opened = null; fail(r.error); };
    });
    return opened;
  }
  async function run(store, mode, act) {
    const d = await db();
    return new Promise((ok, fail) => {
      const t = d.transaction(store, mode);
      const req = act(t.objectStore(store));
      t.oncomplete = () => ok(req ? req.result : undefined);
      t.onerror = () => fail(t.error);
    });
  }
  const get = (store, id) => run(store, "readonly", (s) => s.get(id));
  const all = (store) => run(store, "readonly", (s) => s.getAll());
  const put = (store, value, id) => run(store, "readwrite", (s) => (id === undefined ? s.put(value) : s.put(value, id)));
  const del = (store, id) => run(store, "readwrite", (s) => s.delete(id));

  // ---- the key
  async function derive(pin, salt) {
    const base = await crypto.subtle.importKey("raw", enc.encode(pin), "PBKDF2", false, ["deriveKey"]);
    return crypto.subtle.deriveKey({ name: "PBKDF2", salt: salt, iterations: ROUNDS, hash: "SHA-256" },
      base, { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
  }
  async function seal(value, k) {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv: iv }, k || key, enc.encode(JSON.stringify(value)));
    return { iv: iv, data: data };
  }
  async function unseal(record, k) {
    const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: record.iv }, k || key, record.data);
    return JSON.parse(dec.decode(plain));
  }
  function worker(message, transfer) {
    const sw = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (sw) sw.postMessage(message, transfer || []);
    return sw;
  }
  function hold(k) {
    key = k;
    worker({ type: k ? "key" : "forget", key: k });
  }
  function fromWorker() {
    return new Promise((ok) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = (e) => ok(e.data && e.data.key);
      if (!worker({ type: "key?" }, [channel.port2])) ok(null);
      setTimeout(() => ok(null), 1000);
    });
  }
  async function setPin(pin) {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const k = await derive(pin, salt);
    await put("meta", { salt: salt, check: await seal("sahay", k), owner: T.user }, "pin");
    hold(k);
    keepShells([]);
  }
  async function unlock(pin) {
    const meta = await get("meta", "pin");
    if (!meta) return false;
    const k = await derive(pin, meta.salt);
    try {
      await unseal(meta.check, k);
    } catch (e) {
      return false;
    }
    hold(k);
    return true;
  }
  // Asks for the PIN in the page's dialog; resolves true once the key is held.
  function askPin() {
    const dialog = document.getElementById("pin-dialog");
    if (key) return Promise.resolve(true);
    if (!dialog || !dialog.showModal) return Promise.resolve(false);
    return new Promise((ok) => {
      const form = document.getElementById("pin-form");
      const input = document.getElementById("pin-input");
      const error = document.getElementById("pin-error");
      const done = (value) => {
        form.onsubmit = null;
        document.getElementById("pin-cancel").onclick = null;
        input.value = "";
        dialog.close();
        ok(value);
      };
      form.onsubmit = async (e) => {
        e.preventDefault();
        if (await unlock(input.value)) return done(true);
        error.textContent = T.wrongPin;
        error.hidden = false;
      };
      document.getElementById("pin-cancel").onclick = () => done(false);
      error.hidden = true;
      dialog.showModal();
      input.focus();
    });
  }

  // ---- the network: any answer means it is there; only a failed fetch means it is not
  async function session() {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), 8000);
    try {
      const r = await fetch("/sync/v1/session", { credentials: "same-origin", redirect: "manual", cache: "no-store", signal: ctl.signal });
      if (r.ok) return r.json();
      return { signIn: true };
    } catch (e) {
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- the queue
  async function enqueue(url, kind, body, label) {
    const item = { url: url, kind: kind, body: body, label: label || "", at: new Date().toISOString(),
      idem: crypto.randomUUID(), user: T.user };
    const sealed = await seal(item);
    sealed.state = "waiting";
    await put("queue", sealed);
    return item;
  }
  function formBody(form) {
    const body = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (k !== T.csrf && typeof v === "string") body.append(k, v); });
    return body.toString();
  }
  async function send(record, s) {
    const item = await unseal(record);
    const headers = { "Content-Type": "application/x-www-form-urlencoded", "Idempotency-Key": item.idem, Accept: "application/json" };
    headers[s.csrfHeader] = s.csrfToken;
    let r;
    try {
      r = await fetch(item.url, { method: "POST", credentials: "same-origin", redirect: "manual", headers: headers, body: item.body });
    } catch (e) {
      return "offline";
    }
    // 409 with Idempotent-Replayed: recorded once already, its answer lost with a server that stopped.
    if (r.ok || (r.status === 409 && r.headers.get("Idempotent-Replayed"))) {
      await del("queue", record.seq);
      return "sent";
    }
    if (r.type === "opaqueredirect" || r.status === 401 || r.status === 403) return "signIn";
    if (r.status >= 500 || r.headers.get("Retry-After")) return "later";
    item.problem = await r.json().catch(() => ({ status: r.status }));
    const sealed = await seal(item);
    sealed.state = "conflict";
    sealed.seq = record.seq;
    await put("queue", sealed);
    return "conflict";
  }
  async function replay() {
    if (busy || !key) return render();
    busy = true;
    try {
      const waiting = (await all("queue")).filter((r) => r.state === "waiting");
      if (!waiting.length) return;
      const s = await session();
      if (!s) return;
      if (s.signIn) { note = T.signIn; return; }
      const meta = await get("meta", "pin");
      if (meta && meta.owner !== s.user) { note = T.otherUser; return; }
      let sent = 0;
      try {
        for (const record of waiting) {
          const outcome = await send(record, s);
          if (outcome === "signIn") { note = T.signIn; return; }
          if (outcome === "offline" || outcome === "later") return;
          if (outcome === "sent") sent++;
        }
        note = "";
      } finally {
        if (sent) await put("meta", Date.now(), "last");
      }
    } finally {
      busy = false;
      render();
    }
  }

  // ---- what the person sees
  const fill = (text, ...args) => args.reduce((t, a, i) => t.replace("{" + i + "}", a), text || "");
  async function render() {
    const records = await all("queue");
    const waiting = records.filter((r) => r.state === "waiting").length;
    const conflicts = records.length - waiting;
    const last = await get("meta", "last");
    const parts = [];
    if (note) parts.push(note);
    if (waiting) parts.push(fill(key ? T.waiting : T.locked, waiting));
    if (conflicts) parts.push(fill(T.conflicts, conflicts));
    if (last && (waiting || conflicts)) parts.push(fill(T.last, new Date(last).toLocaleString()));
    document.getElementById("sync-text").textContent = parts.join(" · ");
    box.hidden = parts.length === 0;
    box.dataset.waiting = waiting;
    box.dataset.conflicts = conflicts;
    document.dispatchEvent(new CustomEvent("sahay:queue"));
  }
  function say(text) {
    note = text;
    render();
  }

  // Forms that may be kept offline: tried online first, kept on the phone when the network is gone.
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    const url = form.getAttribute && form.getAttribute("data-offline");
    if (!url || form.dataset.online) return;
    event.preventDefault();
    if (await session()) {
      form.dataset.online = "1";
      HTMLFormElement.prototype.submit.call(form);
      return;
    }
    if (!(await get("meta", "pin"))) return say(T.noPin);
    if (!(await askPin())) return;
    const item = await enqueue(url, form.dataset.kind, formBody(form), form.dataset.label || (form.elements.name && form.elements.name.value));
    form.reset();
    document.dispatchEvent(new CustomEvent("sahay:queued", { detail: { form: form, body: item.body } }));
    say(T.saved);
  }, true);

  document.addEventListener("click", (event) => {
    const t = event.target;
    if (t.id === "sync-now") { note = ""; askPin().then(replay); }
    if (t.closest && (t.closest("#quick-exit") || t.closest("form[action='/logout'] button"))) hold(null);
  }, true);
  window.addEventListener("online", replay);
  setInterval(() => { worker({ type: "keep" }); replay(); }, 20000);

  // ---- a round taken to a site: names and codes, sealed, until the round ends
  async function prepare(round) {
    if (!(await get("meta", "pin"))) return say(T.noPin);
    if (!(await askPin())) return;
    const r = await fetch("/sync/v1/rounds/" + round + "/lookup", { credentials: "same-origin", cache: "no-store" });
    if (!r.ok) return;
    const lookup = await r.json();
    const sealed = await seal(lookup);
    sealed.round = round;
    sealed.expires = Date.parse(lookup.expires);
    await put("lookup", sealed);
    keepShells(["/relief/rounds/" + round]);
    say(fill(T.ready, lookup.entries.length, new Date(lookup.expires).toLocaleString()));
  }
  // The pages a leader may need with no network, as shells (no one's data on them), with their
  // styles and scripts.
  function keepShells(more) {
    const assets = Array.from(document.querySelectorAll("link[rel=stylesheet],script[src]")).map((e) => e.href || e.src);
    worker({ type: "cache", urls: more.concat(["/members/new", "/needs/new", "/care/counselling/group", "/offline"], assets) });
  }
  async function lookupOf(round) {
    const sealed = await get("lookup", round);
    if (!sealed || !key) return null;
    return { sealed: sealed, value: await unseal(sealed) };
  }
  async function forgetExpired() {
    for (const l of await all("lookup")) if (!(l.expires > Date.now())) await del("lookup", l.round);
  }
  function words(text) {
    return (text || "").toLowerCase().normalize("NFC").split(/\s+/).filter(Boolean);
  }
  function matches(entry, q) {
    const wanted = words(q);
    if (!wanted.length) return false;
    if (entry.code && entry.code.toLowerCase().indexOf(q.trim().toLowerCase()) >= 0) return true;
    const have = words(entry.name);
    return wanted.every((w) => have.some((h) => h.indexOf(w) === 0));
  }
  function person(search, e) {
    const S = search.dataset;
    const li = document.createElement("li");
    const name = document.createElement("strong");
    name.textContent = e.name;
    li.append(name, " ");
    const tag = document.createElement("span");
    tag.className = "tag";
    tag.textContent = e.kind === "m" ? e.code : S.nonMember;
    li.append(tag, " ", e.village || "", " ");
    if (e.receivedAt || e.queued) {
      const p = document.createElement("p");
      p.className = "tag warn";
      p.textContent = e.queued ? S.received : fill(S.receivedEarlier, new Date(e.receivedAt).toLocaleString() + " " + (e.receivedBy || ""));
      li.append(p);
    } else if (!e.eligible) {
      const p = document.createElement("p");
      p.className = "tag warn";
      p.textContent = S.notEligible;
      li.append(p);
    } else {
      const form = document.createElement("form");
      form.className = "inline";
      form.setAttribute("data-offline", "/sync/v1/rounds/" + S.round + "/handovers");
      form.dataset.kind = "handover";
      form.dataset.label = e.name + (e.code ? " " + e.code : "");
      form.dataset.person = e.id;
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = e.kind === "m" ? "memberId" : "recipientId";
      input.value = e.id;
      const button = document.createElement("button");
      button.type = "submit";
      button.className = "primary";
      button.textContent = S.give;
      form.append(input, button);
      li.append(form);
    }
    if (e.kind === "m") {
      const a = document.createElement("a");
      a.href = "/needs/new?member=" + e.id;
      a.textContent = S.needs;
      li.append(" ", a);
    }
    return li;
  }
  async function searchOffline(search) {
    const found = await lookupOf(search.dataset.round);
    if (!found) return false;
    const q = search.elements.q.value;
    const list = document.querySelector("#found ul") || document.createElement("ul");
    list.className = "list";
    list.replaceChildren(...found.value.entries.filter((e) => matches(e, q)).slice(0, 20).map((e) => person(search, e)));
    const holder = document.getElementById("found");
    holder.replaceChildren(list);
    if (!list.children.length && q.trim()) {
      const p = document.createElement("p");
      p.textContent = search.dataset.none;
      holder.prepend(p);
    }
    return true;
  }
  // A hand-over kept offline marks its person as received in the round's lookup, so she is not
  // given twice from this phone before the queue is sent.
  document.addEventListener("sahay:queued", async (event) => {
    const form = event.detail.form;
    const search = document.getElementById("round-search");
    const id = new URLSearchParams(event.detail.body).get("memberId") || new URLSearchParams(event.detail.body).get("recipientId");
    if (!search || !id) return;
    const found = await lookupOf(search.dataset.round);
    if (!found) return;
    found.value.entries.forEach((e) => { if (e.id === id) e.queued = true; });
    const sealed = await seal(found.value);
    sealed.round = found.sealed.round;
    sealed.expires = found.sealed.expires;
    await put("lookup", sealed);
    if (form.closest("#found")) searchOffline(search);
  });

  async function roundPage() {
    const prep = document.getElementById("offline-prepare");
    const search = document.getElementById("round-search");
    if (!prep || !search) return;
    prep.hidden = false;
    document.getElementById("offline-prepare-about").hidden = false;
    prep.addEventListener("click", () => prepare(prep.dataset.round));
    search.addEventListener("submit", async (event) => {
      if (search.dataset.online) return;
      event.preventDefault();
      if (await session()) {
        search.dataset.online = "1";
        HTMLFormElement.prototype.submit.call(search);
      } else if (!(await get("lookup", search.dataset.round))) {
        say(T.noPin);
      } else if (await askPin()) {
        searchOffline(search);
      }
    });
    // htmx searches as she types; when that fails for want of a network, the lookup answers.
    document.body.addEventListener("htmx:sendError", () => { if (key) searchOffline(search); });
  }
  function needsPage() {
    const form = document.querySelector("form[data-kind=need]");
    const member = new URLSearchParams(location.search).get("member");
    if (form && member && !form.elements.member.value) form.elements.member.value = member;
  }

  // ---- start
  window.SahayOffline = { enqueue: enqueue, replay: replay, unlock: unlock, setPin: setPin, askPin: askPin,
    forget: () => hold(null), all: all, get: get, put: put, del: del, seal: seal, unseal: unseal, say: say,
    render: render, hasKey: () => key !== null, session: session };
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => {});
  (async () => {
    await forgetExpired();
    const held = await fromWorker();
    if (held) key = held;
    roundPage();
    needsPage();
    await render();
    replay();
    document.dispatchEvent(new CustomEvent("sahay:offline-ready"));
  })();
})();
