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
// One colour per type on the whole page, so that the dyad's two charts agree.
const typeColours = new Map();
function colourOf(type) {
  if (!typeColours.has(type)) typeColours.set(type, PALETTE[typeColours.size % PALETTE.length]);
  return typeColours.get(type);
}

function drawTimelines() {
  for (const target of document.querySelectorAll("[data-timeline]")) drawTimeline(target, readJSON(target.dataset.timeline));
}

function drawTimeline(target, rows) {
  if (!rows) return;
  const totals = {};
  for (const row of rows) for (const [k, v] of Object.entries(row)) if (k !== "month") totals[k] = (totals[k] || 0) + v;
  if (Object.keys(totals).length === 0) {
    // No month with events (a dyad's direction can have none while the other has some).
    target.textContent = "No events dated to a month in this selection.";
    target.dataset.drawn = "0";
    return;
  }
  const types = Object.keys(totals).sort((a, b) => totals[b] - totals[a]).slice(0, 8);
  types.forEach(colourOf); // the most frequent type gets the first colour
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
      stroke: colourOf(types[i]),
      fill: colourOf(types[i]),
      paths: bars,
      points: { show: false },
      value: (u, v, s, idx) => (idx == null ? "--" : String(rows[idx][types[i]] || 0)),
    })),
  ];
  // Ticks at the months themselves (a bar is a month, not a day) while they fit.
  const monthName = (v) => new Date(v * 1000).toLocaleString("en", { month: "short", year: "numeric", timeZone: "UTC" });
  // Counts are whole numbers: no 0.5 ticks.
  const counts = { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000] };
  const axes = [{ space: 60, values: (u, splits) => splits.map(monthName), ...(xs.length <= 12 ? { splits: () => xs } : {}) }, counts];
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

// The event map: Natural Earth countries (vendored world-atlas TopoJSON, fetched from this
// server) coloured by the number of events placed in each, and a circle per place, its
// area proportional to its events. Clicking a country or circle lists its events; the
// same numbers and links are in the tables under the map for keyboards and screen readers.
const MAP_COLOURS = ["#a6cbe6", "#78b0d8", "#4a91c7", "#2171b5", "#08428c"];
const NO_EVENT = "#e4e4e1";
const SVG = "http://www.w3.org/2000/svg";

function svgNode(name, attributes, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function withTitle(node, text) {
  svgNode("title", {}, node).textContent = text;
  return node;
}

// Zoomed on the events at most this many times the world view (one city alone would
// otherwise fill the map).
const MAX_ZOOM = 6;

// Fit the projection to the whole world, or to the countries and places with events.
function fitMap(projection, width, height, focus) {
  const extent = [[4, 4], [width - 4, height - 4]];
  projection.fitExtent(extent, { type: "Sphere" });
  if (!focus) return;
  const world = projection.scale();
  const margin = Math.max(12, width * 0.04); // room for the circles at the edges
  projection.fitExtent([[margin, margin], [width - margin, height - margin]], focus);
  if (projection.scale() <= world * MAX_ZOOM) return;
  const [[x0, y0], [x1, y1]] = d3.geoPath(projection).bounds(focus);
  const centre = projection.invert([(x0 + x1) / 2, (y0 + y1) / 2]);
  projection.scale(world * MAX_ZOOM);
  const at = projection(centre);
  const [tx, ty] = projection.translate();
  projection.translate([tx + width / 2 - at[0], ty + height / 2 - at[1]]);
}

async function drawMap() {
  const data = readJSON("map-data");
  const target = document.getElementById("map");
  if (!data || !target) return;
  const world = await (await fetch(target.dataset.shapes)).json();
  const shapes = topojson.feature(world, world.objects.countries).features;
  const label = target.getAttribute("aria-label");
  target.removeAttribute("role");
  target.removeAttribute("aria-label");
  const placed = shapes.filter((shape) => data.countries[shape.id]);
  const points = data.points.map((p) => [p.lon, p.lat]);
  const focus = placed.length || points.length
    ? { type: "FeatureCollection", features: [...placed, { type: "Feature", geometry: { type: "MultiPoint", coordinates: points } }] }
    : null;
  const toggle = document.getElementById("map-view");
  let view = focus ? "events" : "world";
  const draw = () => {
    drawMapView(target, data, shapes, label, view === "events" ? focus : null);
    target.dataset.view = view;
    if (toggle) {
      toggle.hidden = !focus;
      toggle.textContent = view === "events" ? "Show the whole world" : "Zoom to the events";
    }
  };
  if (toggle) {
    toggle.addEventListener("click", () => {
      view = view === "events" ? "world" : "events";
      draw();
    });
  }
  draw();
}

function drawMapView(target, data, shapes, label, focus) {
  const width = Math.max(target.clientWidth, 200);
  const height = Math.round(width * 0.52);
  const projection = d3.geoNaturalEarth1();
  fitMap(projection, width, height, focus);
  const path = d3.geoPath(projection);
  const svg = svgNode("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": "map-caption" });
  svgNode("title", { id: "map-caption" }, svg).textContent = label;
  svgNode("path", { d: path({ type: "Sphere" }), class: "sphere" }, svg);
  const most = Math.max(1, ...Object.values(data.countries).map((c) => c.count));
  const shade = (n) => MAP_COLOURS[Math.min(MAP_COLOURS.length - 1, Math.floor(((n - 1) / most) * MAP_COLOURS.length))];
  const go = (href) => () => window.location.assign(href);
  let coloured = 0;
  for (const shape of shapes) {
    const found = data.countries[shape.id];
    const node = svgNode("path", { d: path(shape), class: "country", fill: found ? shade(found.count) : NO_EVENT }, svg);
    const name = (shape.properties && shape.properties.name) || "";
    if (found) {
      coloured += 1;
      node.classList.add("has-events");
      node.dataset.country = shape.id;
      node.addEventListener("click", go(found.href));
      withTitle(node, `${found.name}: ${found.count} event${found.count === 1 ? "" : "s"}`);
    } else {
      withTitle(node, name);
    }
  }
  const biggest = Math.max(1, ...data.points.map((p) => p.count));
  for (const point of data.points) {
    const at = projection([point.lon, point.lat]);
    if (!at) continue;
    // Circles shrink with the map (at phone width the world is ~370 px wide).
    const radius = (3 + 9 * Math.sqrt(point.count / biggest)) * Math.min(1, Math.max(0.5, width / 1000));
    const node = svgNode("circle", { cx: at[0].toFixed(1), cy: at[1].toFixed(1), r: radius.toFixed(1), class: "point" }, svg);
    node.dataset.place = point.name;
    node.addEventListener("click", go(point.href));
    withTitle(node, `${point.name}: ${point.count} event${point.count === 1 ? "" : "s"}`);
  }
  target.replaceChildren(svg);
  drawMapLegend(most, shade);
  target.dataset.drawn = `${coloured}/${data.points.length}`;
}

// One legend entry per colour, with the counts that get it (computed with the map's own shade).
function drawMapLegend(most, shade) {
  const legend = document.getElementById("map-legend");
  if (!legend) return;
  legend.replaceChildren();
  const add = (colour, text) => {
    const item = document.createElement("span");
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = colour;
    item.append(swatch, text);
    legend.appendChild(item);
  };
  add(NO_EVENT, "no event");
  let low = 1;
  for (let n = 1; n <= most; n += 1) {
    if (n === most || shade(n + 1) !== shade(n)) {
      add(shade(n), low === n ? `${n} event${n === 1 ? "" : "s"}` : `${low}–${n} events`);
      low = n + 1;
    }
  }
}

document.addEventListener("DOMContentLoaded", () => {
  for (const draw of [drawTimelines, drawActivity, drawNetwork]) {
    try {
      draw();
    } catch (error) {
      console.error(error);
    }
  }
  drawMap().catch((error) => console.error(error));
});
