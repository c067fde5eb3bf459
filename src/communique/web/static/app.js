// communique web explorer: charts and the actor network, drawn from JSON the
// server embedded in <script type="application/json"> blocks. Strings from
// articles are only ever set with textContent or passed to canvas-drawing
// libraries as data; nothing here builds HTML from them.
"use strict";

function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

function monthToSeconds(month) {
  const [y, m] = month.split("-").map(Number);
  return Date.UTC(y, (m || 1) - 1, 1) / 1000;
}

// One month either side when all points fall in one month (uPlot would pick years).
const MONTH = 31 * 24 * 3600;
const X_SCALE = { time: true, range: (u, min, max) => (min === max ? [min - MONTH, max + MONTH] : [min, max]) };

const PALETTE = ["#1d3557", "#e63946", "#2a9d8f", "#f4a261", "#6a4c93", "#457b9d", "#8d99ae", "#bc6c25"];

// Bars for months: a fixed range from half a month before the first to half a month after
// the last (uPlot's automatic range of a time scale ran a single month out to years).
function monthRange(xs) {
  return { time: true, auto: false, range: [xs[0] - MONTH / 2, xs[xs.length - 1] + MONTH / 2] };
}

// Events by month, one stacked bar per month (every month is a row, empty ones zero,
// so gaps show as gaps). Layers are cumulative counts drawn tallest first, so each
// type's colour shows its own share; the legend shows each type's own count.
function drawTimeline() {
  const rows = readJSON("timeline-data");
  const target = document.getElementById("timeline");
  if (!rows || !target) return;
  if (rows.length === 0) {
    target.textContent = "No events dated to a month in this selection.";
    return;
  }
  const totals = {};
  for (const row of rows) for (const [k, v] of Object.entries(row)) if (k !== "month") totals[k] = (totals[k] || 0) + v;
  const types = Object.keys(totals).sort((a, b) => totals[b] - totals[a]).slice(0, 8);
  const xs = rows.map((r) => monthToSeconds(r.month));
  let running = rows.map(() => 0);
  const layers = types.map((t) => (running = running.map((sum, i) => sum + (rows[i][t] || 0))));
  const order = types.map((_, i) => i).reverse();
  const data = [xs, ...order.map((i) => layers[i])];
  const bars = uPlot.paths.bars({ size: [0.8, 48] });
  const series = [
    {},
    ...order.map((i) => ({
      label: types[i],
      stroke: PALETTE[i % PALETTE.length],
      fill: PALETTE[i % PALETTE.length],
      paths: bars,
      points: { show: false },
      value: (u, v, s, idx) => (idx == null ? "--" : String(rows[idx][types[i]] || 0)),
    })),
  ];
  // Ticks at the months themselves (a bar is a month, not a day) while they fit.
  const monthName = (v) => new Date(v * 1000).toLocaleString("en", { month: "short", year: "numeric", timeZone: "UTC" });
  const axes = [{ space: 60, values: (u, splits) => splits.map(monthName), ...(xs.length <= 12 ? { splits: () => xs } : {}) }, {}];
  new uPlot({ width: Math.max(target.clientWidth, 200), height: 220, series, axes, scales: { x: monthRange(xs) } }, data, target);
  target.dataset.drawn = String(types.length);
}

function drawActivity() {
  const rows = readJSON("activity-data");
  const target = document.getElementById("activity");
  if (!rows || !target) return;
  if (rows.length === 0) {
    target.textContent = "No dated events.";
    return;
  }
  const data = [rows.map((r) => monthToSeconds(r.month)), rows.map((r) => r.source), rows.map((r) => r.target)];
  const series = [{}, { label: "as source", stroke: PALETTE[0], width: 2 }, { label: "as target", stroke: PALETTE[1], width: 2 }];
  new uPlot({ width: Math.max(target.clientWidth, 200), height: 200, series, scales: { x: X_SCALE } }, data, target);
  target.dataset.drawn = "2";
}

function drawNetwork() {
  const net = readJSON("network-data");
  const target = document.getElementById("network");
  if (!net || !target) return;
  if (net.others.length === 0) {
    target.textContent = "No co-actors yet.";
    return;
  }
  const elements = [{ data: { id: "n0", label: net.center.name, href: null }, classes: "center" }];
  net.others.forEach((o, i) => {
    elements.push({ data: { id: "n" + (i + 1), label: o.name, actor: o.id } });
    elements.push({ data: { id: "e" + (i + 1), source: "n0", target: "n" + (i + 1), weight: o.count } });
  });
  const cy = cytoscape({
    container: target,
    elements,
    layout: { name: "concentric", minNodeSpacing: 30 },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#457b9d" } },
      { selector: "node.center", style: { "background-color": "#e63946" } },
      { selector: "edge", style: { width: "mapData(weight, 1, 20, 1, 8)", "line-color": "#a8b3c0" } },
    ],
  });
  cy.on("tap", "node", (evt) => {
    const actor = evt.target.data("actor");
    if (actor) window.location.assign("/actor/" + encodeURIComponent(actor));
  });
  target.dataset.drawn = String(net.others.length);
}

document.addEventListener("DOMContentLoaded", () => {
  for (const draw of [drawTimeline, drawActivity, drawNetwork]) {
    try {
      draw();
    } catch (error) {
      console.error(error);
    }
  }
});
