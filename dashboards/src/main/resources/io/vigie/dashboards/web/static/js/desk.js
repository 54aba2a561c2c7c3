// The response desk: the queue from /api/desk, re-read whenever a teammate changes a response (/desk/live).
(function () {
  "use strict";
  const list = document.getElementById("desk-items");
  const tpl = document.getElementById("desk-item");
  const data = Vigie.data() || {};
  const statuses = data.statuses || {};

  // A Duration as the API writes it: seconds (Jackson's default, e.g. 913.17) or ISO-8601 (PT15M13S).
  function duration(value) {
    if (value === null || value === undefined || value === "") { return "–"; }
    let seconds;
    if (typeof value === "number") {
      seconds = value;
    } else {
      const m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(value);
      if (!m) { return String(value); }
      seconds = 3600 * +(m[1] || 0) + 60 * +(m[2] || 0) + +(m[3] || 0);
    }
    const h = Math.floor(seconds / 3600), min = Math.floor((seconds % 3600) / 60);
    if (h >= 24) { return Math.floor(h / 24) + " d " + (h % 24) + " h"; }
    if (h > 0) { return h + " h " + min + " min"; }
    return min > 0 ? min + " min" : Math.round(seconds) + " s";
  }

  // Who answered it (or said no answer is needed): the latest closing change, not the latest change (a note after
  // the answer must not take the credit).
  function closedBy(r) {
    if (r.status !== "ANSWERED" && r.status !== "NO_ANSWER_NEEDED") { return null; }
    const closing = (r.history || []).filter(c => c.action === "ANSWER" || c.action === "NO_ANSWER_NEEDED");
    return closing.length ? closing[closing.length - 1].actor : null;
  }

  // Per person and per brand: who answers how fast, today and this week, one row each (the week's names first).
  function renderBreakdown(figures) {
    const table = document.getElementById("figures-detail");
    let rows = 0;
    for (const [kind, key] of [["person", "perPerson"], ["brand", "perBrand"]]) {
      const body = table.querySelector('tbody[data-kind="' + kind + '"]');
      body.replaceChildren();
      const week = figures.thisWeek[key] || {};
      const today = figures.today[key] || {};
      for (const name of Object.keys(week).sort()) {
        const tr = document.createElement("tr");
        tr.dataset[kind] = name;
        const th = document.createElement("th");
        th.textContent = body.dataset.label + " " + name;
        tr.appendChild(th);
        const t = today[name] || {};
        const w = week[name];
        [Vigie.num(w.answered), duration(t.median), duration(t.p90), duration(w.median), duration(w.p90)].forEach(v => {
          const td = document.createElement("td");
          td.textContent = v;
          tr.appendChild(td);
        });
        body.appendChild(tr);
        rows++;
      }
    }
    table.hidden = rows === 0;
  }

  function field(node, name) { return node.querySelector('[data-field="' + name + '"]'); }

  const pageData = document.getElementById("page-data").dataset;
  let templates = [];

  // The approved wording for the mention's brands, its own language first (as /api/desk/templates?brand= ranks).
  function templatesFor(item) {
    return templates.filter(t => (item.brands || []).includes(t.brand))
      .sort((a, b) => (a.language !== item.language) - (b.language !== item.language)
        || a.language.localeCompare(b.language) || a.title.localeCompare(b.title));
  }

  // Copies with the Clipboard API; where the page may not use it (an insecure origin), through a selected
  // textarea. Says which happened, in words.
  function copy(text, status) {
    const done = () => { status.textContent = pageData.copied; status.dataset.copied = "true"; };
    const fallback = () => {
      const area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed"; area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      const ok = document.execCommand && document.execCommand("copy");
      area.remove();
      if (ok) { done(); } else { status.textContent = pageData.copyFailed; status.dataset.copied = "false"; }
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, fallback);
    } else {
      fallback();
    }
  }

  function renderTemplates(node, item) {
    const mine = templatesFor(item);
    const box = field(node, "templates");
    box.hidden = mine.length === 0;
    field(node, "templateCount").textContent = String(mine.length);
    const ul = field(node, "templateList");
    const one = document.getElementById("template-item");
    for (const t of mine) {
      const li = one.content.firstElementChild.cloneNode(true);
      li.dataset.template = t.templateId;
      field(li, "title").textContent = t.title;
      field(li, "language").textContent = t.language;
      field(li, "text").textContent = t.text;
      li.querySelector("[data-copy]").addEventListener("click", () => copy(t.text, field(li, "copied")));
      ul.appendChild(li);
    }
  }

  // Where the author speaks: loaded when the reader opens it (one request per author, not per queue refresh).
  function authorHistory(node, item) {
    const box = field(node, "authorHistory");
    if (!item.author) { box.hidden = true; return; }
    box.addEventListener("toggle", () => {
      if (!box.open || box.dataset.loaded) { return; }
      box.dataset.loaded = "true";
      const q = "?author=" + encodeURIComponent(item.author) + "&source=" + encodeURIComponent(item.source || "");
      fetch("/api/desk/authors" + q, {credentials: "same-origin", headers: {Accept: "application/json"}})
        .then(r => r.json()).then(h => {
          const where = Object.entries(h.sources || {}).map(([k, v]) => k + " (" + Vigie.num(v) + ")").join(", ");
          const kinds = Object.entries(h.kinds || {}).map(([k, v]) => k + " (" + Vigie.num(v) + ")").join(", ");
          field(node, "authorSummary").textContent = pageData.mentions.replace("{0}", Vigie.num(h.mentions))
            + " — " + where + (kinds ? " — " + kinds : "");
          const body = field(node, "authorWeeks");
          for (const [week, counts] of Object.entries(h.weeks || {})) {
            const tr = document.createElement("tr");
            const weekStart = new Date(week).toLocaleDateString(Vigie.lang, {timeZone: Vigie.zone, dateStyle: "medium"});
            [weekStart, counts.NEGATIVE || 0, counts.NEUTRAL || 0, counts.POSITIVE || 0].forEach((v, i) => {
              const cell = document.createElement(i === 0 ? "th" : "td");
              cell.textContent = i === 0 ? v : Vigie.num(v);
              tr.appendChild(cell);
            });
            body.appendChild(tr);
          }
          box.dataset.ready = "true";
        });
    });
  }

  function render(body) {
    const items = body.items || [];
    document.getElementById("desk-empty").hidden = items.length > 0;
    document.getElementById("open-queue").textContent = Vigie.num(body.figures.openQueue);
    document.getElementById("today-median").textContent = duration(body.figures.today.team.median);
    document.getElementById("today-p90").textContent = duration(body.figures.today.team.p90);
    document.getElementById("week-median").textContent = duration(body.figures.thisWeek.team.median);
    document.getElementById("week-p90").textContent = duration(body.figures.thisWeek.team.p90);
    renderBreakdown(body.figures);
    // An item whose state did not change keeps its node: what a teammate is typing in it survives a change made
    // elsewhere, and open details stay open. Only the time waited moves.
    const kept = new Map();
    list.querySelectorAll("li.desk-item").forEach(n => kept.set(n.dataset.mention, n));
    const nodes = [];
    for (const item of items) {
      const signature = JSON.stringify([Object.assign({}, item, {waited: null}), templatesFor(item)]);
      const old = kept.get(item.mentionId);
      if (old && old.dataset.signature === signature) {
        field(old, "waited").textContent = duration(item.waited);
        nodes.push(old);
        continue;
      }
      const node = tpl.content.firstElementChild.cloneNode(true);
      node.dataset.signature = signature;
      node.dataset.mention = item.mentionId;
      const r = item.response || {};
      node.dataset.status = r.status || "OPEN";
      const link = field(node, "link");
      link.textContent = item.title || item.text.slice(0, 120);
      link.href = "/mentions/" + encodeURIComponent(item.mentionId);
      field(node, "status").textContent = statuses[r.status || "OPEN"] || (r.status || "OPEN");
      if (item.incidentId) {
        field(node, "incident").hidden = false;
        const a = field(node, "incidentLink");
        a.textContent = item.incidentId;
        a.href = "/incidents/" + encodeURIComponent(item.incidentId);
      }
      field(node, "source").textContent = item.source;
      field(node, "author").textContent = item.author || "";
      field(node, "waited").textContent = duration(item.waited);
      if (r.firstAnsweredAt) { field(node, "waitedLabel").textContent = pageData.answeredAfter; }
      field(node, "reach").textContent = Vigie.num(item.reach);
      field(node, "text").textContent = (item.text || "").slice(0, 400);
      field(node, "assignee").textContent = r.assignee || "–";
      field(node, "answer").textContent = r.status === "ANSWERED" ? (r.channel + (r.replyUrl ? " " + r.replyUrl : ""))
        : (r.reason || "");
      field(node, "note").textContent = r.note || "";
      const closer = closedBy(r);
      if (closer) {
        field(node, "closedBy").hidden = false;
        field(node, "closer").textContent = closer;
      }
      const here = field(node, "replyHere");
      if (item.replyUrl) { here.href = item.replyUrl; } else { here.hidden = true; }
      renderTemplates(node, item);
      authorHistory(node, item);
      node.querySelectorAll("[data-action]").forEach(b => b.addEventListener("click", () => act(node, b.dataset.action)));
      nodes.push(node);
    }
    list.replaceChildren(...nodes);
  }

  function act(node, action) {
    const params = {};
    node.querySelectorAll("[data-input]").forEach(i => { if (i.value) { params[i.dataset.input] = i.value; } });
    Vigie.post("/api/desk/" + encodeURIComponent(node.dataset.mention) + "/" + action, params).then(async r => {
      if (!r.ok) { const e = await r.json().catch(() => ({})); Vigie.say(e.error || r.status); return; }
      Vigie.say("");
      load();
    });
  }

  function load() {
    const json = url => fetch(url, {credentials: "same-origin", headers: {Accept: "application/json"}}).then(r => r.json());
    Promise.all([json("/api/desk" + window.location.search), json("/api/desk/templates").catch(() => [])])
      .then(([queue, all]) => { templates = Array.isArray(all) ? all : []; render(queue); });
  }

  load();
  const live = new EventSource("/desk/live");
  // The same open/reconnecting state as Vigie.live(), on body[data-live], so the page (and its tests) can tell.
  live.onopen = () => { Vigie.say(""); document.body.dataset.live = "open"; };
  live.onerror = () => { document.body.dataset.live = "reconnecting"; Vigie.say(document.body.dataset.msgReconnecting || "…"); };
  live.addEventListener("response", load);
  live.addEventListener("hello", load);
})();
