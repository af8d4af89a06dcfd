// The Offline page: setting the PIN, what waits, the conflicts to decide, clearing the phone.
(function () {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const list = $("offline-conflicts");
  if (!list) return;
  const L = list.dataset;
  const fill = (text, ...args) => args.reduce((t, a, i) => t.replace("{" + i + "}", a), text || "");

  function start() {
    const O = window.SahayOffline;
    const T = $("sync").dataset;

    async function show() {
      const pin = await O.get("meta", "pin");
      $("offline-setup").hidden = !!pin;
      $("offline-state").hidden = !pin;
      if (!pin) return;
      $("offline-unlock").hidden = O.hasKey();
      const records = await O.all("queue");
      const waiting = records.filter((r) => r.state === "waiting").length;
      $("offline-count").textContent = fill(O.hasKey() ? T.waiting : T.locked, waiting);
      const items = [];
      for (const r of records.filter((x) => x.state === "conflict")) {
        items.push(O.hasKey() ? conflict(r, await O.unseal(r)) : locked());
      }
      list.replaceChildren(...items);
      if (!items.length) {
        const li = document.createElement("li");
        li.textContent = L.none;
        list.append(li);
      }
    }
    function locked() {
      const li = document.createElement("li");
      li.textContent = fill(T.locked, 1);
      return li;
    }
    function line(text, tag) {
      const p = document.createElement(tag || "p");
      p.textContent = text;
      return p;
    }
    function button(text, act) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = text;
      b.addEventListener("click", async () => { b.disabled = true; await act(); await O.render(); await show(); });
      return b;
    }
    function conflict(record, item) {
      const li = document.createElement("li");
      li.className = "conflict";
      li.dataset.seq = record.seq;
      const p = item.problem || {};
      li.append(line(L["kind" + item.kind.charAt(0).toUpperCase() + item.kind.slice(1)] || item.kind, "strong"));
      li.append(line(fill(L.yours, new Date(item.at).toLocaleString())), line(item.label || ""));
      li.append(line(L.theirs), line(p.detail || p.title || String(p.status || "")));
      (p.likelySame || []).forEach((c) => li.append(line([c.name, c.code, c.village].filter(Boolean).join(" · "), "div")));
      (p.likelyMembers || []).forEach((m) => li.append(line(m.code, "div")));
      Object.values(p.errors || {}).forEach((e) => li.append(line(e, "div")));
      const actions = document.createElement("p");
      actions.className = "actions";
      actions.append(button(L.discard, () => O.del("queue", record.seq)));
      if (p.likelySame) {
        actions.append(" ", button(L.different, async () => {
          await O.enqueue(item.url, item.kind, item.body + "&notDuplicate=1", item.label);
          await O.del("queue", record.seq);
          await O.replay();
        }));
      }
      if (p.earlierDistributionId) {
        actions.append(" ", button(L.replace, async () => {
          const s = await O.session();
          if (!s || s.signIn) return;
          const headers = { "Content-Type": "application/x-www-form-urlencoded" };
          headers[s.csrfHeader] = s.csrfToken;
          const r = await fetch("/sync/v1/distributions/" + p.earlierDistributionId + "/reversal",
            { method: "POST", credentials: "same-origin", headers: headers, body: "reason=WRONG_PERSON" });
          if (!r.ok && r.status !== 409) return;
          await O.enqueue(item.url, item.kind, item.body, item.label);
          await O.del("queue", record.seq);
          await O.replay();
        }));
      }
      li.append(actions);
      return li;
    }

    $("pin-set").addEventListener("submit", async (e) => {
      e.preventDefault();
      const error = $("pin-set-error");
      const pin = $("f-pin").value;
      error.hidden = false;
      if (pin.length < 6) return (error.textContent = error.dataset.short);
      if (pin !== $("f-pin2").value) return (error.textContent = error.dataset.mismatch);
      error.hidden = true;
      await O.setPin(pin);
      e.target.reset();
      await show();
    });
    $("offline-unlock").addEventListener("click", async () => {
      if (await O.askPin()) await O.replay();
      await show();
    });
    $("offline-forget").addEventListener("click", async (e) => {
      if (!window.confirm(e.target.dataset.confirm)) return;
      O.forget();
      const sw = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (sw) sw.postMessage({ type: "wipe" });
      const gone = indexedDB.deleteDatabase("sahay-offline");
      gone.onsuccess = gone.onerror = gone.onblocked = () => window.location.replace("/offline");
    });
    document.addEventListener("sahay:queue", () => show());
    show();
  }
  if (window.SahayOffline) start();
  else document.addEventListener("sahay:offline-ready", start, { once: true });
})();
