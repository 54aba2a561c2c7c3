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
  // The brand's series around the incident: mentions per bucket, the expected band, the incident shaded.
  const chartEl = document.getElementById("incident-chart");
  const data = Vigie.data();
  const f = data.figures;
  if (chartEl && f && f.times && typeof uPlot !== "undefined") {
    const from = data.openedAt / 1000;
    const to = (data.resolvedAt || Date.now()) / 1000;
    const shade = u => {
      const x0 = u.valToPos(from, "x", true);
      const x1 = Math.max(x0 + 2, u.valToPos(to, "x", true));
      u.ctx.save();
      u.ctx.fillStyle = "rgba(180, 0, 32, 0.12)";
      u.ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
      u.ctx.restore();
    };
    const l = chartEl.dataset;
    new uPlot({
      width: Math.max(280, Math.min(1100, document.getElementById("main").clientWidth - 16)), height: 220,
      series: [{},
        {label: l.lVolume, stroke: "#1f4e99", width: 2, fill: "rgba(31, 78, 153, 0.1)"},
        {label: l.lExpected, stroke: "#555", dash: [6, 4], width: 1},
        {label: l.lBand, stroke: "rgba(0,0,0,0)"},
        {label: l.lBand, stroke: "#999", dash: [2, 3], width: 1}],
      bands: [{series: [4, 3], fill: "rgba(120, 120, 120, 0.15)"}],
      hooks: {draw: [shade]},
      scales: {x: {time: true}}
    }, [f.times, f.volume, f.expected, f.expectedLow, f.expectedHigh], chartEl);
    chartEl.dataset.points = String(f.times.length);
  }
  Vigie.live({types: "incident"}, {incident: i => {
    if (!id || i.incidentId === id) { window.location.reload(); }
  }});
})();
