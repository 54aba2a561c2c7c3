// Search page: the result set's histogram (uPlot), next pages fetched as HTML fragments from the server (so the
// facets and histogram of the first page stay), and exports started, followed, cancelled and downloaded.
"use strict";
(function () {
  const data = Vigie.data();

  // The histogram of the whole result set: volume and the three sentiments, as on the brand page.
  const chartEl = document.getElementById("histogram");
  const h = data.histogram;
  if (chartEl && h && typeof uPlot !== "undefined") {
    const l = chartEl.dataset;
    const width = Math.max(280, Math.min(900, chartEl.clientWidth || 600));
    new uPlot({
      width: width, height: 220, scales: {x: {time: true}},
      series: [{},
        {label: l.lTotal, stroke: "#1f4e99", width: 2, fill: "rgba(31, 78, 153, 0.1)"},
        {label: l.lNegative, stroke: "#b00020", width: 2, dash: [8, 3]},
        {label: l.lNeutral, stroke: "#666", width: 1},
        {label: l.lPositive, stroke: "#1b7f3b", width: 2, dash: [2, 2]}]
    }, [h.times, h.total, h.negative, h.neutral, h.positive], chartEl);
  }

  // A new sort runs the search again at once.
  const sort = document.getElementById("sort");
  const form = document.getElementById("search-form");
  if (sort && form) {
    sort.addEventListener("change", () => form.requestSubmit());
  }

  // Deep paging: the next page replaces the results; the cursor in the link holds the point-in-time and where
  // the last page ended, so no hit is shown twice or skipped.
  const section = document.getElementById("results-section");
  if (section) {
    section.addEventListener("click", (e) => {
      const link = e.target.closest("#next-page");
      if (!link) { return; }
      e.preventDefault();
      link.setAttribute("aria-disabled", "true");
      fetch(link.href + "&part=results", {credentials: "same-origin", headers: {Accept: "text/html"}})
        .then((r) => r.text().then((html) => ({ok: r.ok || r.status === 410, html})))
        .then(({ok, html}) => {
          if (!ok) { window.location.assign(link.href); return; }
          const old = document.getElementById("results");
          const holder = document.createElement("div");
          holder.innerHTML = html;
          const fresh = holder.querySelector("#results");
          if (!old || !fresh) { window.location.assign(link.href); return; }
          old.replaceWith(fresh);
          section.scrollIntoView({block: "start"});
          const number = document.getElementById("page-number");
          if (number) { number.setAttribute("tabindex", "-1"); number.focus({preventScroll: true}); }
        })
        .catch(() => window.location.assign(link.href));
    });
  }

  // Exports: started here, polled until done, cancelled on request, offered for download.
  const exportForm = document.getElementById("export-form");
  const status = document.getElementById("export-status");
  if (!exportForm || !status) { return; }
  exportForm.hidden = false;
  const msg = exportForm.dataset;
  const progress = document.getElementById("export-progress");
  const rows = document.getElementById("export-rows");
  const cancel = document.getElementById("export-cancel");
  const download = document.getElementById("export-download");
  const start = document.getElementById("export-start");
  let job = null;
  let timer = null;

  function fill(pattern, values) {
    return values.reduce((s, v, i) => s.replace("{" + i + "}", v), pattern || "");
  }

  function show(state) {
    job = state;
    status.hidden = false;
    status.dataset.state = state.state;
    if (state.total >= 0) {
      progress.max = Math.max(1, state.total);
      progress.value = state.rows;
    }
    if (state.state === "RUNNING") {
      rows.textContent = state.total < 0 ? msg.msgCounting : fill(msg.msgProgress, [Vigie.num(state.rows), Vigie.num(state.total)]);
      cancel.hidden = false;
      return;
    }
    cancel.hidden = true;
    start.disabled = false;
    clearInterval(timer);
    if (state.state === "DONE") {
      rows.textContent = fill(msg.msgDone, [Vigie.num(state.rows)]);
      download.href = state.download;
      download.setAttribute("download", state.fileName);
      download.hidden = false;
    } else if (state.state === "CANCELLED") {
      rows.textContent = msg.msgCancelled;
    } else {
      rows.textContent = msg.msgFailed + " " + (state.error || "");
    }
  }

  function poll() {
    if (!job) { return; }
    fetch("/api/search/exports/" + encodeURIComponent(job.id), {credentials: "same-origin", headers: {Accept: "application/json"}})
      .then((r) => r.json())
      .then(show)
      .catch(() => { /* the next tick tries again */ });
  }

  exportForm.addEventListener("submit", (e) => {
    e.preventDefault();
    start.disabled = true;
    download.hidden = true;
    Vigie.post("/api/search/exports", new FormData(exportForm)).then(async (r) => {
      const state = await r.json();
      if (!r.ok) {
        start.disabled = false;
        status.hidden = false;
        rows.textContent = msg.msgFailed + " " + (state.error || r.status);
        return;
      }
      show(state);
      timer = setInterval(poll, 500);
    });
  });

  cancel.addEventListener("click", () => {
    if (!job) { return; }
    Vigie.post("/api/search/exports/" + encodeURIComponent(job.id) + "/cancel").then((r) => r.json()).then(show);
  });
})();
