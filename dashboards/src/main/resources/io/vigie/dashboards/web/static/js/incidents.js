// Incidents: reload when an incident changes (the `incident` events of /live); actions post to the API and show
// the owner's answer, including who won a conflict.
(function () {
  "use strict";
  const summary = document.getElementById("incident-summary");
  const id = summary ? summary.dataset.incident : null;
  const outcome = document.getElementById("incident-outcome");
  document.querySelectorAll("#incident-actions [data-action]").forEach(b => b.addEventListener("click", () => {
    const action = b.dataset.action;
    const params = action === "silence"
      ? {duration: document.getElementById("silence-duration").value, reason: document.getElementById("silence-reason").value}
      : {note: document.getElementById("incident-note").value};
    Vigie.post("/api/incidents/" + encodeURIComponent(id) + "/" + action, params).then(async r => {
      const body = await r.json().catch(() => ({}));
      let text = body.outcome || (r.ok ? "OK" : String(r.status));
      if (body.error) { text += ": " + body.error; }
      if (body.winner) { text += " — " + body.winner.action + " " + body.winner.actor + " " + Vigie.when(body.winner.at); }
      outcome.textContent = text;
      outcome.dataset.outcome = body.outcome || (r.ok ? "APPLIED" : String(r.status));
    });
  }));
  Vigie.live({types: "incident"}, {incident: i => {
    if (!id || i.incidentId === id) { window.location.reload(); }
  }});
})();
