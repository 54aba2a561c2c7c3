// Brand page: the charts (uPlot) from the history the server rendered, then the live stream. A live mention counts
// once: the history holds mentions scored before data.cut, the server replays from data.cut, and ids already
// shown are updated, never counted again.
"use strict";
(function () {
  const data = Vigie.data();
  const f = data.figures || {times: []};
  const seen = new Set(data.shown || []);
  const counted = new Set();
  const width = () => Math.max(280, Math.min(1100, document.getElementById("main").clientWidth - 16));

  const times = f.times.slice();
  const volume = f.volume.slice();
  const expected = f.expected.slice();
  const low = f.expectedLow.slice();
  const high = f.expectedHigh.slice();
  const neg = f.negative.slice();
  const neu = f.neutral.slice();
  const pos = f.positive.slice();
  const signals = data.signals || [];

  const volumeEl = document.getElementById("volume-chart");
  const sentimentEl = document.getElementById("sentiment-chart");
  const tip = document.getElementById("signal-tip");
  let volumeChart = null;
  let sentimentChart = null;

  function signalSpans() {
    return signals.map((s) => ({
      from: Date.parse(s.since || s.at) / 1000, to: Date.parse(s.at || s.since) / 1000,
      text: (s.phase || "") + " " + (s.kind || "") + (s.explanation ? ": " + s.explanation : "")
    }));
  }

  function drawSignals(u) {
    const ctx = u.ctx;
    ctx.save();
    signalSpans().forEach((s) => {
      const x0 = u.valToPos(s.from, "x", true);
      const x1 = Math.max(x0 + 2, u.valToPos(s.to, "x", true));
      ctx.fillStyle = "rgba(180, 0, 32, 0.12)";
      ctx.fillRect(x0, u.bbox.top, x1 - x0, u.bbox.height);
      ctx.strokeStyle = "#b00020";
      ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(x0, u.bbox.top); ctx.lineTo(x0, u.bbox.top + u.bbox.height); ctx.stroke();
    });
    ctx.restore();
  }

  function showSignalAt(u) {
    if (!tip || u.cursor.idx == null) { return; }
    const t = u.data[0][u.cursor.idx];
    const hit = signalSpans().find((s) => t >= s.from - f.bucketMillis / 1000 && t <= s.to + f.bucketMillis / 1000);
    tip.textContent = hit ? hit.text : "";
  }

  function draw() {
    if (typeof uPlot === "undefined" || !volumeEl) { return; }
    const l = volumeEl.dataset;
    const opts = {
      width: width(), height: 240,
      series: [{},
        {label: l.lVolume, stroke: "#1f4e99", width: 2, fill: "rgba(31, 78, 153, 0.1)"},
        {label: l.lExpected, stroke: "#555", dash: [6, 4], width: 1},
        {label: l.lBand, stroke: "rgba(0,0,0,0)", show: true},
        {label: l.lBand, stroke: "#999", dash: [2, 3], width: 1}],
      bands: [{series: [4, 3], fill: "rgba(120, 120, 120, 0.15)"}],
      hooks: {draw: [drawSignals], setCursor: [showSignalAt]},
      axes: [{}, {}],
      scales: {x: {time: true}}
    };
    volumeEl.replaceChildren();
    volumeChart = new uPlot(opts, [times, volume, expected, low, high], volumeEl);
    const s = sentimentEl.dataset;
    sentimentEl.replaceChildren();
    sentimentChart = new uPlot({
      width: width(), height: 200, scales: {x: {time: true}},
      series: [{},
        {label: s.lNegative, stroke: "#b00020", width: 2, dash: [8, 3]},
        {label: s.lNeutral, stroke: "#666", width: 1},
        {label: s.lPositive, stroke: "#1b7f3b", width: 2, dash: [2, 2]}]
    }, [times, neg, neu, pos], sentimentEl);
  }

  function bucketOf(ms) {
    const t = Math.floor(ms / f.bucketMillis) * f.bucketMillis / 1000;
    let i = times.indexOf(t);
    if (i < 0 && times.length > 0 && t > times[times.length - 1]) {
      // A new bucket at the end: the range moves on with time.
      times.push(t); volume.push(0); neg.push(0); neu.push(0); pos.push(0);
      expected.push(expected[expected.length - 1] || 0); low.push(low[low.length - 1] || 0); high.push(high[high.length - 1] || 0);
      i = times.length - 1;
    }
    return i;
  }

  // A mention counts once: not when the page already shows or counted it, nor when it is a newer version (views
  // grown, an edit) of a mention published before, which the history or an earlier event already counted.
  function count(m) {
    if (counted.has(m.id) || seen.has(m.id) || (m.version || 1) > 1) { return false; }
    counted.add(m.id);
    const i = bucketOf(Date.parse(m.eventTime));
    if (i < 0) { return true; }
    volume[i] += 1;
    const label = (m.sentiments && m.sentiments[data.brand]) || m.sentiment;
    if (label === "NEGATIVE") { neg[i] += 1; } else if (label === "POSITIVE") { pos[i] += 1; } else { neu[i] += 1; }
    const total = document.getElementById("total");
    if (total) { total.dataset.value = Number(total.dataset.value || (f.total || 0)) + 1; total.textContent = Vigie.num(Number(total.dataset.value)); }
    if (volumeChart) { volumeChart.setData([times, volume, expected, low, high]); }
    if (sentimentChart) { sentimentChart.setData([times, neg, neu, pos]); }
    return true;
  }

  // The stream.
  const stream = document.getElementById("stream");
  const template = document.getElementById("mention-template");
  const filterSentiment = document.getElementById("f-sentiment");
  const filterLanguage = document.getElementById("f-language");
  const filterKind = document.getElementById("f-kind");
  const pauseButton = document.getElementById("pause");
  const pausedCount = document.getElementById("paused-count");
  let paused = false;
  const held = [];

  function labelOf(m) { return (m.sentiments && m.sentiments[data.brand]) || m.sentiment || ""; }

  function render(m) {
    const li = template.content.firstElementChild.cloneNode(true);
    const label = labelOf(m);
    li.dataset.id = m.id;
    li.dataset.sentiment = label;
    li.dataset.language = m.language || "";
    li.dataset.kind = m.kind || "";
    li.classList.add("fresh");
    const badge = li.querySelector(".sentiment");
    badge.textContent = stream.dataset["sentiment" + label.charAt(0) + label.slice(1).toLowerCase()] || label;
    badge.classList.add("sentiment-" + label.toLowerCase());
    const title = li.querySelector(".title");
    title.textContent = m.title || (m.excerpt || "").slice(0, 80);
    title.href = "/mentions/" + encodeURIComponent(m.id);
    li.querySelector(".excerpt").textContent = m.excerpt || "";
    li.querySelector(".source").textContent = m.source || "";
    li.querySelector(".author").textContent = m.author || "";
    const time = li.querySelector(".time");
    time.dateTime = m.eventTime || "";
    time.textContent = Vigie.when(m.eventTime);
    li.querySelector(".language").textContent = m.language || "";
    li.querySelector(".copies").textContent = stream.dataset.copies + " " + (m.copies || 1);
    const original = li.querySelector(".original");
    if (m.link && /^https?:\/\//i.test(m.link)) { original.href = m.link; } else { original.remove(); }
    return li;
  }

  function visible(li) {
    return (!filterSentiment.value || li.dataset.sentiment === filterSentiment.value)
      && (!filterLanguage.value.trim() || li.dataset.language === filterLanguage.value.trim().toLowerCase())
      && (!filterKind.value || li.dataset.kind === filterKind.value);
  }

  function applyFilters() {
    stream.querySelectorAll("li.mention").forEach((li) => { li.hidden = !visible(li); });
  }

  function show(m) {
    const li = render(m);
    const existing = stream.querySelector('li[data-id="' + CSS.escape(m.id) + '"]');
    if (existing) { existing.replaceWith(li); } else { stream.prepend(li); }
    li.hidden = !visible(li);
    const empty = document.getElementById("stream-empty");
    if (empty) { empty.remove(); }
    while (stream.children.length > 200) { stream.lastElementChild.remove(); }
  }

  [filterSentiment, filterLanguage, filterKind].forEach((el) => el.addEventListener("input", applyFilters));
  pauseButton.addEventListener("click", () => {
    paused = !paused;
    pauseButton.setAttribute("aria-pressed", String(paused));
    pauseButton.textContent = paused ? pauseButton.dataset.resume : pauseButton.dataset.pause;
    if (!paused) { held.splice(0).forEach(show); pausedCount.textContent = ""; }
  });

  draw();
  window.addEventListener("resize", () => {
    if (volumeChart) { volumeChart.setSize({width: width(), height: 240}); }
    if (sentimentChart) { sentimentChart.setSize({width: width(), height: 200}); }
  });

  if (data.live) {
    Vigie.live({brand: data.brand, since: data.cut, types: "mention,signal,incident"}, {
      mention: (m) => {
        const t = Date.parse(m.eventTime);
        if (t < data.from) { return; }
        count(m);
        if (paused) {
          held.push(m);
          pausedCount.textContent = pausedCount.dataset.template.replace("#", held.length);
        } else {
          show(m);
        }
      },
      signal: (s) => { signals.push(s); if (volumeChart) { volumeChart.redraw(); } },
      incident: () => {}
    });
  }
})();
