// The map of one truce on one day (#/map?truce=<id>&day=<YYYY-MM-DD>). The ground comes from the
// service itself (GET /api/truces/{id}/map: an outline of the country drawn from its own data, the
// control areas and settlements coloured by their holder's standing towards the truce, the reference
// lines with their withdrawal zones); the day's incidents go on top, coloured by the truce's verdict.
// No map library and no tiles: at this scale an equirectangular projection fitted to the data is
// enough, and nothing is fetched from outside the service. Because the drawing is one image to a
// screen reader, the same incidents are listed in a table beneath, and those without coordinates in
// a list of their own.
import { api, clear, el, fieldErrors, showProblem, t, useCss, verdictBadge, verdictColour, trucesFor } from "/console/app.js";

const SVG_NS = "http://www.w3.org/2000/svg";
/** Width of the drawing in viewBox units; the height follows the data's aspect. */
const WIDTH = 1000;
const VERDICTS = ["PROBABLE_VIOLATION", "NEEDS_REVIEW", "NOT_A_VIOLATION", "OUT_OF_SCOPE"];
/** The bound sides, in the order their names sort: blues and purples, apart from the verdicts' colours. */
const SIDE_COLOURS = ["#1f5fa8", "#7a4fa3", "#0f7c84", "#a34f7a", "#3f51b5", "#4a6b8a"];
const STANDING_COLOURS = {
  EXCLUDED: "#262626", MIXED: "#6b4e2e", DISPUTED: "#8c6bb1", NOT_PARTY: "#7b8794", CONTESTED: "#8a6d00",
};
const UNKNOWN_COLOUR = "#9aa0a6";
const CONTESTED_PATTERN = "map-contested";
/** Incidents are read in pages of the API's largest size, up to this many pages. */
const PAGE_SIZE = 200;
const MAX_PAGES = 5;
/** Radii in CSS pixels: symbols keep their size on the screen whatever the map's size and zoom. */
const SETTLEMENT_RADIUS = 2.5;
const INCIDENT_RADIUS = 7;
const MAX_ZOOM = 64;

export async function render(root, route) {
  useCss("/console/pages/map.css");
  document.title = t("map.page_title");
  root.append(el("h1", { text: t("map.title") }), el("p", { class: "muted", text: t("map.intro") }));
  const truces = await trucesFor(root, "map");
  if (!truces) {
    return;
  }
  const problems = el("div", { id: "map-problems" });
  const wanted = route.query.get("truce");
  const select = el("select", { id: "map-truce", name: "truce" },
    truces.map((truce) => el("option", { value: truce.id, text: `${truce.title} (${truce.id})`,
      selected: truce.id === wanted })));
  const dayError = el("p", { class: "field-error", id: "map-day-error", hidden: true });
  const day = el("input", { id: "map-day", name: "day", type: "date", value: route.query.get("day") || "",
    "aria-describedby": "map-day-hint" });
  const status = el("p", { class: "muted", role: "status", id: "map-status" });
  const form = el("form", { class: "card filters", id: "map-form" },
    el("div", { class: "field" }, el("label", { for: "map-truce", text: t("map.truce") }), select),
    el("div", { class: "field" }, el("label", { for: "map-day", text: t("map.day") }),
      el("span", { class: "muted map-hint", id: "map-day-hint", text: t("map.day_hint") }), day, dayError),
    el("button", { class: "btn btn-primary", type: "submit", text: t("map.show") }));
  const result = el("div", { id: "map-result" });
  root.append(form, status, problems, result);

  const show = async () => {
    clear(problems);
    markDay(day, dayError, null);
    status.textContent = t("map.loading");
    const shown = await load(select.value, day.value, result, problems, day, dayError);
    status.textContent = shown ? t("map.loaded", { truce: shown.truce, day: shown.day }) : "";
    if (shown) {
      day.value = shown.day;
      // Into the address without a hashchange (which would draw the page again): the day can be linked.
      history.replaceState(null, "", `#/map?${new URLSearchParams({ truce: shown.truce, day: shown.day })}`);
    }
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
  // A new truce starts on its own first day unless a day is chosen.
  select.addEventListener("change", () => {
    day.value = "";
  });
  await show();
}

function markDay(input, error, message) {
  error.textContent = message || "";
  error.hidden = !message;
  if (message) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "map-day-hint map-day-error");
  } else {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "map-day-hint");
  }
}

/** Draws the map of a truce on a day (empty: its first day); the truce and day shown, or null. */
async function load(truce, day, result, problems, dayInput, dayError) {
  const query = day ? `?${new URLSearchParams({ day })}` : "";
  const answer = await api(`/api/truces/${encodeURIComponent(truce)}/map${query}`, { accept: "application/geo+json" });
  if (!answer.ok) {
    const problem = answer.json || { title: t("map.map_failed"), detail: String(answer.status) };
    const errors = fieldErrors(problem);
    if (errors.has("day")) {
      markDay(dayInput, dayError, errors.get("day"));
      dayInput.focus();
    } else {
      showProblem(problems, problem);
    }
    return null;
  }
  // The service names the truce and the day it drew (its first day when none was asked for).
  const collection = { ...answer.json, truce: answer.json.truce || truce, day: answer.json.day || day };
  const incidents = await incidentsOf(collection.truce, collection.day);
  if (incidents.problem) showProblem(problems, incidents.problem);
  clear(result);
  draw(result, collection, incidents);
  return { truce: collection.truce, day: collection.day };
}

async function incidentsOf(truce, day) {
  const items = [];
  let total = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({ truce, from: day, to: day, size: String(PAGE_SIZE), page: String(page) });
    const answer = await api(`/api/incidents?${query}`);
    if (!answer.ok) {
      return { items, total, problem: answer.json || { title: t("map.incidents_failed"), detail: String(answer.status) } };
    }
    items.push(...answer.json.items);
    total = answer.json.total;
    if (items.length >= total || answer.json.items.length < PAGE_SIZE) break;
  }
  return { items, total };
}

/** The verdict of this truce on the report (every report the list gives is inside its scope). */
function verdictOf(item, truce) {
  const evaluation = (item.evaluations || []).find((e) => e.truce === truce);
  return (evaluation && evaluation.verdict) || item.verdict;
}

function located(item) {
  const report = item.incident || {};
  return typeof report.latitude === "number" && typeof report.longitude === "number";
}

function placeOf(item) {
  const report = item.incident || {};
  return [report.location, report.admin2, report.admin1].filter(Boolean).join(", ") || t("map.unnamed_place");
}

function incidentLabel(item, truce) {
  const report = item.incident || {};
  return t("map.incident_label", { verdict: t(`verdict.${verdictOf(item, truce)}`), place: placeOf(item),
    actor: report.actor1 || t("map.unknown_actor"), type: report.sub_event_type || report.event_type || "" });
}

// ---- drawing --------------------------------------------------------------------------------------

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** West, south, east, north of the collection (its bbox, else its features) and of the placed incidents. */
function boundsOf(collection, placed) {
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = ([lon, lat]) => {
    box[0] = Math.min(box[0], lon); box[1] = Math.min(box[1], lat);
    box[2] = Math.max(box[2], lon); box[3] = Math.max(box[3], lat);
  };
  if (Array.isArray(collection.bbox) && collection.bbox.length === 4) {
    grow([collection.bbox[0], collection.bbox[1]]);
    grow([collection.bbox[2], collection.bbox[3]]);
  } else {
    for (const feature of collection.features || []) positions(feature.geometry).forEach(grow);
  }
  placed.forEach((item) => grow([item.incident.longitude, item.incident.latitude]));
  if (!Number.isFinite(box[0])) return null;
  // A little room around the data, and an extent even for a single place.
  const padX = Math.max(0.01, (box[2] - box[0]) * 0.02);
  const padY = Math.max(0.01, (box[3] - box[1]) * 0.02);
  return [box[0] - padX, box[1] - padY, box[2] + padX, box[3] + padY];
}

function positions(geometry) {
  if (!geometry) return [];
  switch (geometry.type) {
    case "Point": return [geometry.coordinates];
    case "LineString": return geometry.coordinates;
    case "Polygon": case "MultiLineString": return geometry.coordinates.flat();
    case "MultiPolygon": return geometry.coordinates.flat(2);
    default: return [];
  }
}

/**
 * Equirectangular: longitude scaled by the cosine of the middle latitude, so that a degree east
 * and a degree north are drawn about as long as they are on the ground at this latitude.
 */
function projection([west, south, east, north]) {
  const cos = Math.cos(((south + north) / 2) * Math.PI / 180);
  const scale = WIDTH / ((east - west) * cos);
  return {
    width: WIDTH,
    height: (north - south) * scale,
    project: ([lon, lat]) => [(lon - west) * cos * scale, (north - lat) * scale],
  };
}

function pathOf(geometry, project) {
  const run = (coordinates, closed) => coordinates.map((position, i) => {
    const [x, y] = project(position);
    return `${i ? "L" : "M"}${x.toFixed(2)},${y.toFixed(2)}`;
  }).join("") + (closed ? "Z" : "");
  switch (geometry && geometry.type) {
    case "Polygon": return geometry.coordinates.map((ring) => run(ring, true)).join("");
    case "MultiPolygon": return geometry.coordinates.map((p) => p.map((ring) => run(ring, true)).join("")).join("");
    case "LineString": return run(geometry.coordinates, false);
    case "MultiLineString": return geometry.coordinates.map((line) => run(line, false)).join("");
    default: return "";
  }
}

/** The legend's key of a holder: bound parties by their side, everyone else by standing. */
function holderKey(properties) {
  const standing = properties.standing || "UNKNOWN";
  return standing === "BOUND" && properties.side ? `BOUND:${properties.side}` : standing;
}

function holderStyles(features) {
  const sides = [...new Set(features.filter((f) => f.properties.standing === "BOUND" && f.properties.side)
    .map((f) => f.properties.side))].sort();
  const styles = new Map();
  for (const feature of features) {
    const key = holderKey(feature.properties);
    if (styles.has(key)) continue;
    const [standing, side] = key.split(":");
    const colour = side ? SIDE_COLOURS[sides.indexOf(side) % SIDE_COLOURS.length]
      : STANDING_COLOURS[standing] || UNKNOWN_COLOUR;
    styles.set(key, {
      colour,
      areaFill: standing === "CONTESTED" ? `url(#${CONTESTED_PATTERN})` : colour,
      label: side ? t("map.standing.BOUND_side", { side }) : t(`map.standing.${standing}`),
    });
  }
  return styles;
}

function holderTitle(properties) {
  const standing = properties.standing ? t(`map.standing.${properties.standing}`) : "";
  return t("map.holder_title", { name: properties.name, holder: properties.controller_name || "?", standing,
    since: properties.since || "?" });
}

function draw(result, collection, incidents) {
  const truce = collection.truce;
  const features = collection.features || [];
  const byKind = (kind) => features.filter((f) => f.properties && f.properties.kind === kind);
  const outlines = byKind("outline");
  const areas = byKind("area");
  const lines = byKind("line");
  const points = byKind("point");
  const placed = incidents.items.filter(located);
  const unplaced = incidents.items.filter((item) => !located(item));
  const bounds = boundsOf(collection, placed);
  if (!bounds) {
    result.append(el("p", { text: t("map.nothing_to_draw") }));
    return;
  }
  const { width, height, project } = projection(bounds);
  const styles = holderStyles([...areas, ...points]);

  const counts = VERDICTS.map((v) => [v, placed.filter((item) => verdictOf(item, truce) === v).length])
    .filter(([, n]) => n > 0).map(([v, n]) => t("map.verdict_count", { verdict: t(`verdict.${v}`), count: n }))
    .join(", ");
  const description = t("map.description", { truce, day: collection.day, areas: areas.length,
    points: points.length, lines: lines.length, placed: placed.length, total: incidents.items.length,
    counts: counts || t("map.no_incidents_short") });

  // A group, not an image: its incident points are links a keyboard or screen reader can reach.
  const map = svg("svg", { id: "map-svg", class: "map-svg", viewBox: `0 0 ${width} ${height}`, role: "group",
    "aria-labelledby": "map-svg-title map-svg-desc", preserveAspectRatio: "xMidYMid meet" },
  svg("title", { id: "map-svg-title" }, t("map.svg_title", { truce, day: collection.day })),
  svg("desc", { id: "map-svg-desc" }, description),
  svg("defs", {}, svg("pattern", { id: CONTESTED_PATTERN, patternUnits: "userSpaceOnUse", width: 8, height: 8,
    patternTransform: "rotate(45)" },
  svg("rect", { width: 8, height: 8, fill: "#f3e7b3" }),
  svg("line", { x1: 0, y1: 0, x2: 0, y2: 8, stroke: STANDING_COLOURS.CONTESTED, "stroke-width": 4 }))),
  svg("rect", { class: "map-sea", x: 0, y: 0, width, height }),
  svg("g", { class: "map-outlines" }, outlines.map((f) => svg("path", { class: "map-outline", d: pathOf(f.geometry, project),
    "vector-effect": "non-scaling-stroke" }, svg("title", {}, f.properties.name)))),
  svg("g", { class: "map-areas" }, areas.map((f) => {
    const style = styles.get(holderKey(f.properties));
    return svg("path", { class: "map-area", d: pathOf(f.geometry, project), fill: style.areaFill, stroke: style.colour,
      "vector-effect": "non-scaling-stroke", "data-feature": f.id }, svg("title", {}, holderTitle(f.properties)));
  })),
  svg("g", { class: "map-lines" }, lines.map((f, i) => svg("path", { class: `map-line map-line-${i % 2}`,
    d: pathOf(f.geometry, project), "vector-effect": "non-scaling-stroke", "data-feature": f.id },
  svg("title", {}, f.properties.name)))),
  svg("g", { class: "map-points" }, points.map((f) => {
    const [x, y] = project(f.geometry.coordinates);
    return svg("circle", { class: "map-point", cx: x.toFixed(2), cy: y.toFixed(2), r: SETTLEMENT_RADIUS,
      "data-r": SETTLEMENT_RADIUS, fill: styles.get(holderKey(f.properties)).colour, "data-feature": f.id },
    svg("title", {}, holderTitle(f.properties)));
  })),
  svg("g", { class: "map-incidents" }, placed.map((item) => {
    const [x, y] = project([item.incident.longitude, item.incident.latitude]);
    const label = incidentLabel(item, truce);
    // A link: a click, or Enter on the focused point, opens the report.
    return svg("a", { class: "map-incident", href: `#/incident/${encodeURIComponent(item.id)}`, tabindex: 0,
      "aria-label": label, "data-incident-id": item.id },
    svg("title", {}, label),
    svg("circle", { cx: x.toFixed(2), cy: y.toFixed(2), r: INCIDENT_RADIUS, "data-r": INCIDENT_RADIUS,
      fill: verdictColour(verdictOf(item, truce)) || UNKNOWN_COLOUR }));
  })));

  const figure = el("figure", { class: "map-figure card" }, zoomControls(map, width, height), map);
  result.append(figure);
  result.append(legend(styles, lines.length > 0));
  if (incidents.total > incidents.items.length) {
    result.append(el("p", { class: "alert", text: t("map.truncated", { shown: incidents.items.length, total: incidents.total }) }));
  }
  // Sections that have nothing to show are null: appended through el, which skips them.
  result.append(el("div", {}, unplacedList(unplaced, truce), incidentTable(placed, truce), zoneTable(lines)));
}

/** Zoom and pan by changing the viewBox: buttons for the keyboard and for touch, dragging for a mouse. */
function zoomControls(map, width, height) {
  const full = { x: 0, y: 0, w: width, h: height };
  let view = { ...full };
  const apply = () => {
    map.setAttribute("viewBox", `${view.x} ${view.y} ${view.w} ${view.h}`);
    // viewBox units per CSS pixel (1 until the map is laid out): a phone's map is small, its dots not.
    const drawn = map.getBoundingClientRect().width;
    const unitsPerPixel = drawn > 0 ? view.w / drawn : view.w / full.w;
    for (const circle of map.querySelectorAll("circle[data-r]")) {
      circle.setAttribute("r", (Number(circle.getAttribute("data-r")) * unitsPerPixel).toFixed(3));
    }
  };
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(apply).observe(map);
  const clamp = () => {
    view.w = Math.min(full.w, Math.max(full.w / MAX_ZOOM, view.w));
    view.h = view.w * (full.h / full.w);
    view.x = Math.min(full.w - view.w, Math.max(0, view.x));
    view.y = Math.min(full.h - view.h, Math.max(0, view.y));
  };
  const zoom = (factor) => {
    const cx = view.x + view.w / 2;
    const cy = view.y + view.h / 2;
    view.w /= factor;
    view.h /= factor;
    view.x = cx - view.w / 2;
    view.y = cy - view.h / 2;
    clamp();
    apply();
  };
  const pan = (dx, dy) => {
    view.x += dx * view.w;
    view.y += dy * view.h;
    clamp();
    apply();
  };
  const button = (key, action) => el("button", { class: "btn map-zoom", type: "button", "aria-label": t(`map.zoom.${key}`),
    title: t(`map.zoom.${key}`), text: t(`map.zoom.${key}_symbol`), onclick: action });

  // Dragging pans; a drag that ends on an incident must not open it.
  let drag = null;
  let dragged = false;
  map.addEventListener("pointerdown", (event) => {
    // A mouse only: a finger on the map must still scroll the page (phones use the buttons).
    if (event.pointerType !== "mouse") return;
    drag = { x: event.clientX, y: event.clientY, view: { ...view } };
    dragged = false;
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const dx = event.clientX - drag.x;
    const dy = event.clientY - drag.y;
    if (!dragged && Math.hypot(dx, dy) < 5) return;
    if (!dragged) map.setPointerCapture(event.pointerId);
    dragged = true;
    const unitsPerPixel = view.w / (map.getBoundingClientRect().width || 1);
    view = { ...drag.view, x: drag.view.x - dx * unitsPerPixel, y: drag.view.y - dy * unitsPerPixel };
    clamp();
    apply();
  });
  const stop = () => { drag = null; };
  map.addEventListener("pointerup", stop);
  map.addEventListener("pointercancel", stop);
  map.addEventListener("click", (event) => {
    if (dragged) {
      event.preventDefault();
      event.stopPropagation();
      dragged = false;
    }
  }, true);

  return el("div", { class: "map-tools", role: "toolbar", "aria-label": t("map.zoom.toolbar"), "aria-controls": "map-svg" },
    button("in", () => zoom(2)), button("out", () => zoom(0.5)),
    button("west", () => pan(-0.25, 0)), button("north", () => pan(0, -0.25)),
    button("south", () => pan(0, 0.25)), button("east", () => pan(0.25, 0)),
    button("reset", () => { view = { ...full }; apply(); }));
}

/** A small symbol for the legend, drawn like the map draws it: "area", "circle", "outline" or "line". */
function swatch(shape, fill) {
  const symbol = {
    area: () => svg("rect", { x: 1, y: 3, width: 14, height: 10, fill, class: "map-swatch-area", stroke: fill }),
    circle: () => svg("circle", { cx: 8, cy: 8, r: 5, fill }),
    outline: () => svg("rect", { x: 1, y: 3, width: 14, height: 10, class: "map-outline" }),
    line: () => svg("line", { x1: 1, y1: 8, x2: 15, y2: 8, class: "map-line map-line-0" }),
  }[shape]();
  return svg("svg", { class: "map-swatch", width: 16, height: 16, viewBox: "0 0 16 16", "aria-hidden": "true",
    focusable: "false" }, symbol);
}

function legend(styles, hasLines) {
  const holders = [...styles.values()].sort((a, b) => a.label.localeCompare(b.label));
  return el("section", { class: "card map-legend", "aria-labelledby": "map-legend-title" },
    el("h2", { id: "map-legend-title", text: t("map.legend") }),
    el("div", { class: "grid2" },
      el("div", {},
        el("h3", { text: t("map.legend_holders") }),
        el("p", { class: "muted", text: t("map.legend_holders_hint") }),
        el("ul", { class: "map-legend-list" }, holders.map((style) => el("li", {}, swatch("area", style.areaFill), " ",
          swatch("circle", style.colour), " ", style.label))),
        el("ul", { class: "map-legend-list" },
          el("li", {}, swatch("outline"), " ", t("map.legend_outline")),
          hasLines ? el("li", {}, swatch("line"), " ", t("map.legend_lines")) : null)),
      el("div", {},
        el("h3", { text: t("map.legend_incidents") }),
        el("ul", { class: "map-legend-list" }, VERDICTS.map((v) => el("li", {}, swatch("circle", verdictColour(v)), " ",
          t(`verdict.${v}`)))))));
}

function unplacedList(unplaced, truce) {
  if (!unplaced.length) return null;
  return el("section", { class: "card", "aria-labelledby": "map-unplaced-title" },
    el("h2", { id: "map-unplaced-title", text: t("map.unplaced_title", { count: unplaced.length }) }),
    el("p", { class: "muted", text: t("map.unplaced_hint") }),
    el("ul", { class: "map-unplaced" }, unplaced.map((item) => el("li", {}, verdictBadge(verdictOf(item, truce)), " ",
      el("a", { href: `#/incident/${encodeURIComponent(item.id)}`, text: incidentLabel(item, truce) })))));
}

function incidentTable(placed, truce) {
  const caption = t("map.table_caption", { count: placed.length });
  if (!placed.length) return el("p", { class: "muted", text: t("map.no_incidents") });
  return el("section", { "aria-labelledby": "map-table-title" },
    el("h2", { id: "map-table-title", text: caption }),
    el("div", { class: "table-wrap" },
      el("table", { class: "data", id: "map-incidents" },
        el("caption", { class: "visually-hidden", text: caption }),
        el("thead", {}, el("tr", {}, ["verdict", "place", "actor1", "actor2", "event", "position", "open"]
          .map((column) => el("th", { scope: "col", text: t(`map.column.${column}`) })))),
        el("tbody", {}, placed.map((item) => {
          const report = item.incident || {};
          return el("tr", {},
            el("td", {}, verdictBadge(verdictOf(item, truce))),
            el("td", { text: placeOf(item) }),
            el("td", { text: report.actor1 || "" }),
            el("td", { text: report.actor2 || "" }),
            el("td", { text: [report.event_type, report.sub_event_type].filter(Boolean).join(" / ") }),
            el("td", { text: t("map.position", { lat: report.latitude, lon: report.longitude }) }),
            el("td", {}, el("a", { href: `#/incident/${encodeURIComponent(item.id)}`,
              "aria-label": t("map.open_label", { label: incidentLabel(item, truce) }), text: t("map.open") })));
        })))));
}

/** The withdrawal zones each line measures, as the terms give them, with where they stood that day. */
function zoneTable(lines) {
  const rows = [];
  for (const line of lines) {
    for (const zone of line.properties.withdrawal_zones || []) {
      const calibre = [zone.min_calibre_mm != null ? t("map.calibre_min", { mm: zone.min_calibre_mm }) : null,
        zone.max_calibre_mm != null ? t("map.calibre_max", { mm: zone.max_calibre_mm }) : null].filter(Boolean).join(", ");
      rows.push(el("tr", {},
        el("td", { text: line.properties.name }),
        el("td", { text: zone.title }),
        el("td", { text: [(zone.weapon_classes || []).join(", "), calibre].filter(Boolean).join("; ") }),
        el("td", { text: t("map.km", { km: zone.distance_km }) }),
        el("td", { text: (zone.sides || []).join(", ") }),
        el("td", { text: t(`map.zone_status.${zone.status}`) })));
    }
  }
  if (!rows.length) return null;
  return el("section", { "aria-labelledby": "map-zones-title" },
    el("h2", { id: "map-zones-title", text: t("map.zones_title") }),
    el("p", { class: "muted", text: t("map.zones_hint") }),
    el("div", { class: "table-wrap" },
      el("table", { class: "data", id: "map-zones" },
        el("thead", {}, el("tr", {}, ["line", "zone", "weapons", "distance", "sides", "status"]
          .map((column) => el("th", { scope: "col", text: t(`map.zone_column.${column}`) })))),
        el("tbody", {}, rows))));
}
