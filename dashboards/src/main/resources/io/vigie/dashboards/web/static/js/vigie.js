// Vigie pages' shared script. No inline script anywhere (the CSP forbids it): pages read their data from
// data-* attributes and call Vigie.live() to follow the server-sent events.
"use strict";
window.Vigie = (function () {
  const body = document.body;
  const lang = body.dataset.lang || "en";
  const zone = body.dataset.zone || "UTC";
  const csrf = body.dataset.csrf || "";
  const status = document.getElementById("live-status");

  function data() {
    const el = document.getElementById("page-data");
    return el ? JSON.parse(el.dataset.json) : {};
  }

  const timeFormat = new Intl.DateTimeFormat(lang, {timeZone: zone, dateStyle: "short", timeStyle: "medium"});
  const numberFormat = new Intl.NumberFormat(lang, {maximumFractionDigits: 1});

  function when(iso) { return iso ? timeFormat.format(new Date(iso)) : ""; }
  function num(n) { return numberFormat.format(n); }

  /** A state change from a script: the session's CSRF token goes in the X-CSRF-Token header. */
  function post(url, params) {
    return fetch(url, {method: "POST", credentials: "same-origin",
      headers: {"X-CSRF-Token": csrf, "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
      body: new URLSearchParams(params || {})});
  }

  function say(text) {
    if (!status) { return; }
    status.hidden = !text;
    status.textContent = text || "";
  }

  /**
   * Follows /live. params: {brand, types, since}. handlers: {mention(obj, event), stats, signal, incident, brand}.
   * The browser's EventSource reconnects by itself and sends Last-Event-ID; the server replays what was missed.
   * On "resync" (away longer than the server's memory) the page reloads its history.
   */
  function live(params, handlers) {
    const q = new URLSearchParams();
    Object.entries(params || {}).forEach(([k, v]) => { if (v !== undefined && v !== null && v !== "") { q.set(k, v); } });
    const source = new EventSource("/live?" + q.toString());
    source.onopen = () => { say(""); body.dataset.live = "open"; };
    source.onerror = () => { body.dataset.live = "reconnecting"; say(body.dataset.msgReconnecting || "…"); };
    ["mention", "stats", "signal", "incident", "brand"].forEach((type) => {
      if (handlers[type]) {
        source.addEventListener(type, (e) => handlers[type](JSON.parse(e.data), e));
      }
    });
    source.addEventListener("resync", () => { source.close(); window.location.reload(); });
    return source;
  }

  return {data, when, num, post, live, lang, zone, say};
})();
