// The response desk: the queue from /api/desk, re-read whenever a teammate changes a response (/desk/live).
(function () {
  "use strict";
  const list = document.getElementById("desk-items");
  const tpl = document.getElementById("desk-item");
  const data = Vigie.data() || {};
  const statuses = data.statuses || {};

  function duration(iso) {
    if (!iso) { return "–"; }
    const m = /PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?/.exec(iso);
    if (!m) { return iso; }
    const h = +(m[1] || 0), min = +(m[2] || 0);
    return h > 0 ? h + " h " + min + " min" : min + " min";
  }

  // Who answered it (or said no answer is needed): the latest closing change, not the latest change (a note after
  // the answer must not take the credit).
  function closedBy(r) {
    if (r.status !== "ANSWERED" && r.status !== "NO_ANSWER_NEEDED") { return null; }
    const closing = (r.history || []).filter(c => c.action === "ANSWER" || c.action === "NO_ANSWER_NEEDED");
    return closing.length ? closing[closing.length - 1].actor : null;
  }

  function field(node, name) { return node.querySelector('[data-field="' + name + '"]'); }

  function render(body) {
    const items = body.items || [];
    document.getElementById("desk-empty").hidden = items.length > 0;
    document.getElementById("open-queue").textContent = Vigie.num(body.figures.openQueue);
    document.getElementById("today-median").textContent = duration(body.figures.today.team.median);
    document.getElementById("today-p90").textContent = duration(body.figures.today.team.p90);
    document.getElementById("week-median").textContent = duration(body.figures.thisWeek.team.median);
    document.getElementById("week-p90").textContent = duration(body.figures.thisWeek.team.p90);
    list.replaceChildren();
    for (const item of items) {
      const node = tpl.content.firstElementChild.cloneNode(true);
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
      node.querySelectorAll("[data-action]").forEach(b => b.addEventListener("click", () => act(node, b.dataset.action)));
      list.appendChild(node);
    }
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
    fetch("/api/desk" + window.location.search, {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then(r => r.json()).then(render);
  }

  load();
  const live = new EventSource("/desk/live");
  // The same open/reconnecting state as Vigie.live(), on body[data-live], so the page (and its tests) can tell.
  live.onopen = () => { Vigie.say(""); document.body.dataset.live = "open"; };
  live.onerror = () => { document.body.dataset.live = "reconnecting"; Vigie.say(document.body.dataset.msgReconnecting || "…"); };
  live.addEventListener("response", load);
  live.addEventListener("hello", load);
})();
