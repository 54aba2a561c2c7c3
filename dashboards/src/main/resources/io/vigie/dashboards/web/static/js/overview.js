// Overview: tiles count new mentions live and draw their sparkline; an incident event adds the badge.
"use strict";
(function () {
  const tiles = document.getElementById("tiles");
  if (!tiles) { return; }

  function drawSpark(el) {
    const values = (el.dataset.spark || "").split(",").filter((v) => v !== "").map(Number);
    const max = Math.max(1, ...values);
    const ns = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 " + Math.max(1, values.length - 1) + " 10");
    svg.setAttribute("preserveAspectRatio", "none");
    svg.setAttribute("aria-hidden", "true");
    const line = document.createElementNS(ns, "polyline");
    line.setAttribute("points", values.map((v, i) => i + "," + (10 - 10 * v / max).toFixed(2)).join(" "));
    line.setAttribute("class", "spark-line");
    svg.appendChild(line);
    el.replaceChildren(svg);
  }

  tiles.querySelectorAll(".spark").forEach(drawSpark);
  const seen = new Set();

  function bump(tile, field) {
    const el = tile.querySelector('[data-field="' + field + '"]');
    if (!el) { return; }
    const n = Number(el.dataset.value || el.textContent.replace(/[^\d]/g, "")) + 1;
    el.dataset.value = n;
    el.textContent = Vigie.num(n);
  }

  Vigie.live({types: "mention,incident"}, {
    // Counted at its publication time, as the server counts (a backfilled mention of last week moves nothing), once:
    // a newer version of a mention (views grown, an edit) was counted with its first.
    mention: (m) => {
      if (seen.has(m.id) || (m.version || 1) > 1) { return; }
      seen.add(m.id);
      const now = Date.now();
      const t = Date.parse(m.eventTime);
      if (!(t > now - 86400000) || t > now + 60000) { return; }
      const hoursAgo = Math.floor(now / 3600000) - Math.floor(t / 3600000);
      (m.brands || []).forEach((brand) => {
        const tile = tiles.querySelector('[data-brand="' + CSS.escape(brand) + '"]');
        if (!tile) { return; }
        if (t > now - 3600000) { bump(tile, "lastHour"); }
        bump(tile, "lastDay");
        const spark = tile.querySelector(".spark");
        const values = spark.dataset.spark.split(",").map(Number);
        const i = values.length - 1 - hoursAgo;
        if (i >= 0) {
          values[i] += 1;
          spark.dataset.spark = values.join(",");
          drawSpark(spark);
        }
        tile.classList.add("moved");
      });
    },
    incident: (i) => {
      const tile = tiles.querySelector('[data-brand="' + CSS.escape(i.brand) + '"]');
      if (tile && i.status !== "RESOLVED" && !tile.querySelector("[data-incidents]")) {
        const badge = document.createElement("span");
        badge.className = "badge badge-incident";
        badge.dataset.incidents = "";
        badge.textContent = "⚠ " + (i.severity || "") + " " + (i.kind || "");
        tile.querySelector(".state").appendChild(badge);
        tiles.prepend(tile);
      }
    }
  });
})();
