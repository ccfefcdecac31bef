// The daily report as charts (#/charts?truce=<id>&from=<YYYY-MM-DD>&to=<YYYY-MM-DD>): GET
// /api/reports/daily gives one row per day, acting party and admin1 with counts by the truce's
// verdict; this page draws them as stacked bars per day by verdict and by party, and a table by
// admin1. Each chart is one image to a screen reader, so each carries a summary and a visually
// hidden table of its numbers. The report's CSV and the period's GeoJSON export are offered as
// downloads: a link cannot set the Accept header these take, so they are fetched and handed over
// as Blobs.
import { api, clear, el, fieldErrors, showProblem, t, useCss, trucesFor, verdictColour } from "/console/app.js";

const SVG_NS = "http://www.w3.org/2000/svg";
/** The verdict columns of a daily report (reports outside the truce's scope are not in it). */
const VERDICTS = ["PROBABLE_VIOLATION", "NEEDS_REVIEW", "NOT_A_VIOLATION"];
/** Parties: distinct hues, each at least 3:1 against white; the parties beyond them are summed as "other". */
const PARTY_COLOURS = ["#0b57d0", "#c2410c", "#047857", "#7e22ce", "#be185d", "#0e7490", "#854d0e"];
const OTHER_COLOUR = "#6b7280";
/** More days than this are drawn as bars of several days each, so a bar stays wide enough to see. */
const MAX_BARS = 92;
const DAY_MS = 86400000;
/** The chart's drawing box (viewBox units); it scrolls sideways on a narrow screen rather than shrink. */
const CHART = { width: 800, height: 280, left: 44, right: 12, top: 12, bottom: 44 };

export async function render(root, route) {
  useCss("/console/pages/charts.css");
  document.title = t("charts.page_title");
  root.append(el("h1", { text: t("charts.title") }), el("p", { class: "muted", text: t("charts.intro") }));
  const truces = await trucesFor(root, "charts");
  if (!truces) {
    return;
  }
  const problems = el("div", { id: "charts-problems" });
  const query = route.query;
  const wanted = truces.find((truce) => truce.id === query.get("truce")) || truces[0];
  const fields = {};
  const field = (name, control) => {
    const error = el("p", { class: "field-error", id: `charts-${name}-error`, hidden: true });
    fields[name] = { control, error };
    return el("div", { class: "field" }, el("label", { for: `charts-${name}`, text: t(`charts.${name}`) }), control, error);
  };
  const select = el("select", { id: "charts-truce", name: "truce" },
    truces.map((truce) => el("option", { value: truce.id, text: `${truce.title} (${truce.id})`,
      selected: truce.id === wanted.id })));
  const start = startDay(wanted);
  const from = el("input", { id: "charts-from", name: "from", type: "date", required: true,
    value: query.get("from") || start || "" });
  const to = el("input", { id: "charts-to", name: "to", type: "date", required: true,
    value: query.get("to") || (start ? addDays(start, 29) : "") });
  const status = el("p", { class: "muted", role: "status", id: "charts-status" });
  const form = el("form", { class: "card filters", id: "charts-form", novalidate: true },
    field("truce", select), field("from", from), field("to", to),
    el("button", { class: "btn btn-primary", type: "submit", text: t("charts.show") }));
  const result = el("div", { id: "charts-result" });
  root.append(form, status, problems, result);

  // A new truce starts on its first month unless dates are chosen again.
  select.addEventListener("change", () => {
    const chosen = truces.find((truce) => truce.id === select.value);
    const first = chosen && startDay(chosen);
    if (first) {
      from.value = first;
      to.value = addDays(first, 29);
    }
  });

  const show = async () => {
    clear(problems);
    Object.values(fields).forEach((f) => mark(f, null));
    const params = { truce: select.value, from: from.value, to: to.value };
    const missing = ["from", "to"].filter((name) => !params[name]);
    if (missing.length) {
      missing.forEach((name) => mark(fields[name], t("charts.required")));
      fields[missing[0]].control.focus();
      return;
    }
    status.textContent = t("charts.loading");
    const answer = await api(`/api/reports/daily?${new URLSearchParams(params)}`);
    status.textContent = "";
    if (!answer.ok) {
      const problem = answer.json || { title: t("charts.report_failed"), detail: String(answer.status) };
      const errors = fieldErrors(problem);
      const named = [...errors.keys()].filter((name) => fields[name]);
      named.forEach((name) => mark(fields[name], errors.get(name)));
      if (named.length) fields[named[0]].control.focus();
      else showProblem(problems, problem);
      return;
    }
    // Into the address without a hashchange (which would draw the page again): the period can be linked.
    history.replaceState(null, "", `#/charts?${new URLSearchParams(params)}`);
    clear(result);
    drawReport(result, answer.json, params, problems);
    status.textContent = t("charts.loaded", { truce: params.truce, from: params.from, to: params.to,
      rows: answer.json.rows.length });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    show();
  });
  if (from.value && to.value) await show();
}

function mark(field, message) {
  field.error.textContent = message || "";
  field.error.hidden = !message;
  if (message) {
    field.control.setAttribute("aria-invalid", "true");
    field.control.setAttribute("aria-describedby", field.error.id);
  } else {
    field.control.removeAttribute("aria-invalid");
    field.control.removeAttribute("aria-describedby");
  }
}

/** The truce's first day in its own time zone (en-CA writes dates as YYYY-MM-DD). */
function startDay(truce) {
  if (!truce.starts_at) return null;
  try {
    return new Intl.DateTimeFormat("en-CA", { timeZone: truce.time_zone || "UTC", year: "numeric", month: "2-digit",
      day: "2-digit" }).format(new Date(truce.starts_at));
  } catch (e) {
    return truce.starts_at.slice(0, 10);
  }
}

function dayNumber(text) {
  const [y, m, d] = text.split("-").map(Number);
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

function dayText(number) {
  return new Date(number * DAY_MS).toISOString().slice(0, 10);
}

function addDays(text, days) {
  return dayText(dayNumber(text) + days);
}

/** The period cut into bars: one per day, or several days per bar for a long period. */
function bucketsOf(from, to) {
  const first = dayNumber(from);
  const last = dayNumber(to);
  const size = Math.max(1, Math.ceil((last - first + 1) / MAX_BARS));
  const list = [];
  for (let start = first; start <= last; start += size) {
    const end = Math.min(last, start + size - 1);
    list.push({ start: dayText(start), end: dayText(end),
      label: size === 1 ? dayText(start) : t("charts.bucket", { from: dayText(start), to: dayText(end) }) });
  }
  return { size, list, indexOf: (date) => Math.floor((dayNumber(date) - first) / size) };
}

function drawReport(result, report, params, problems) {
  const rows = report.rows || [];
  const buckets = bucketsOf(report.from || params.from, report.to || params.to);
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const status = el("p", { class: "muted", role: "status", id: "charts-download-status" });
  const stem = `${params.truce}-${params.from}-${params.to}`;
  const downloads = el("div", { class: "card charts-downloads" },
    el("h2", { text: t("charts.downloads") }),
    el("p", { class: "muted", text: t("charts.downloads_hint") }),
    el("div", { class: "filters" },
      el("button", { class: "btn", type: "button", text: t("charts.download_csv"),
        onclick: () => download(`/api/reports/daily?${new URLSearchParams(params)}`, "text/csv",
          `daily-${stem}.csv`, status, problems) }),
      el("button", { class: "btn", type: "button", text: t("charts.download_geojson"),
        onclick: () => download(`/api/incidents?${new URLSearchParams(params)}`, "application/geo+json",
          `incidents-${stem}.geojson`, status, problems) })),
    status);
  if (!total) {
    result.append(el("p", { class: "card", text: t("charts.empty", { truce: params.truce, from: params.from, to: params.to }) }),
      downloads);
    return;
  }
  const note = buckets.size > 1 ? el("p", { class: "muted", text: t("charts.bucket_note", { days: buckets.size }) }) : null;

  const verdictSeries = VERDICTS.map((v) => ({ key: v, label: t(`verdict.${v}`), colour: verdictColour(v) }));
  const byVerdict = buckets.list.map(() => ({}));
  for (const row of rows) {
    const values = byVerdict[buckets.indexOf(row.date)];
    for (const v of VERDICTS) values[v] = (values[v] || 0) + ((row.verdicts && row.verdicts[v]) || 0);
  }

  const partyTotals = new Map();
  rows.forEach((row) => partyTotals.set(row.party, (partyTotals.get(row.party) || 0) + row.total));
  const ranked = [...partyTotals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([party]) => party);
  const shown = ranked.length > PARTY_COLOURS.length ? ranked.slice(0, PARTY_COLOURS.length - 1) : ranked;
  // A key no party name can be: the parties beyond the colours, summed.
  const OTHER = "\u0000other";
  const partySeries = shown.map((party, i) => ({ key: party, label: party, colour: PARTY_COLOURS[i] }));
  if (shown.length < ranked.length) {
    partySeries.push({ key: OTHER, label: t("charts.other_parties", { count: ranked.length - shown.length }), colour: OTHER_COLOUR });
  }
  const byParty = buckets.list.map(() => ({}));
  for (const row of rows) {
    const key = shown.includes(row.party) ? row.party : OTHER;
    const values = byParty[buckets.indexOf(row.date)];
    values[key] = (values[key] || 0) + row.total;
  }

  // Through el's children, which skip the null of a missing note (Node.append would write "null").
  result.append(el("div", {},
    el("p", { text: t("charts.summary", { total, truce: params.truce, from: params.from, to: params.to }) }),
    note,
    stackedBars({ id: "charts-verdicts", title: t("charts.by_verdict"), buckets, series: verdictSeries, values: byVerdict }),
    stackedBars({ id: "charts-parties", title: t("charts.by_party"), buckets, series: partySeries, values: byParty }),
    admin1Table(rows),
    downloads));
}

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

/** A top for the y axis that halves into whole numbers: 1, 2, 4, 6, 10, 20, 40, 60, 100, … */
function niceTop(max) {
  if (max <= 2) return 2;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 4, 6, 10].map((m) => m * power).find((top) => top >= max);
  return step || 10 * power;
}

/**
 * Stacked bars, one per bucket, one segment per series (bottom first). The SVG is role="img" with a
 * summary; the numbers are in a visually hidden table beside it.
 */
function stackedBars({ id, title, buckets, series, values }) {
  const plotWidth = CHART.width - CHART.left - CHART.right;
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  const totals = values.map((v) => series.reduce((sum, s) => sum + (v[s.key] || 0), 0));
  const top = niceTop(Math.max(...totals));
  const slot = plotWidth / buckets.list.length;
  const barWidth = Math.max(1, slot * 0.8);
  const y = (count) => CHART.top + plotHeight - (count / top) * plotHeight;
  const bars = [];
  buckets.list.forEach((bucket, i) => {
    let base = 0;
    for (const s of series) {
      const count = values[i][s.key] || 0;
      if (!count) continue;
      bars.push(svg("rect", { x: (CHART.left + i * slot + (slot - barWidth) / 2).toFixed(2), y: y(base + count).toFixed(2),
        width: barWidth.toFixed(2), height: (y(base) - y(base + count)).toFixed(2), fill: s.colour, class: "charts-bar" },
      svg("title", {}, t("charts.segment", { bucket: bucket.label, count, series: s.label }))));
      base += count;
    }
  });
  const ticks = [0, top / 2, top].map((value) => svg("g", { class: "charts-tick" },
    svg("line", { x1: CHART.left, x2: CHART.width - CHART.right, y1: y(value), y2: y(value) }),
    svg("text", { x: CHART.left - 6, y: y(value) + 4, "text-anchor": "end" }, String(value))));
  // At most about eight dates under the bars (five whole dates), so they do not overlap; the year
  // only when the period spans more than one.
  const sameYear = buckets.list[0].start.slice(0, 4) === buckets.list[buckets.list.length - 1].end.slice(0, 4);
  const every = Math.max(1, Math.ceil(buckets.list.length / (sameYear ? 8 : 5)));
  const labels = buckets.list.map((bucket, i) => (i % every === 0
    ? svg("text", { x: (CHART.left + i * slot + slot / 2).toFixed(2), y: CHART.height - CHART.bottom + 16,
      "text-anchor": "middle" }, sameYear ? bucket.start.slice(5) : bucket.start)
    : null));

  const busiest = totals.indexOf(Math.max(...totals));
  const sums = series.map((s) => ({ label: s.label, count: values.reduce((sum, v) => sum + (v[s.key] || 0), 0) }))
    .filter((s) => s.count > 0);
  const summary = t("charts.chart_summary", { title, buckets: buckets.list.length,
    counts: sums.map((s) => t("charts.count_of", { series: s.label, count: s.count })).join(", "),
    busiest: buckets.list[busiest].label, most: totals[busiest] });

  const chart = svg("svg", { class: "charts-svg", id: `${id}-svg`, viewBox: `0 0 ${CHART.width} ${CHART.height}`,
    role: "img", "aria-label": summary },
  svg("g", { class: "charts-grid" }, ticks),
  svg("g", { class: "charts-bars" }, bars),
  svg("line", { class: "charts-axis", x1: CHART.left, x2: CHART.width - CHART.right, y1: y(0), y2: y(0) }),
  svg("g", { class: "charts-labels" }, labels),
  svg("text", { class: "charts-axis-title", x: CHART.left + plotWidth / 2, y: CHART.height - 6, "text-anchor": "middle" },
    buckets.size > 1 ? t("charts.axis_buckets", { days: buckets.size }) : t("charts.axis_days")));

  return el("section", { class: "card charts-chart", id, "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title`, text: title }),
    el("div", { class: "charts-wrap" }, chart),
    el("ul", { class: "charts-legend" }, series.map((s) => el("li", {},
      el("span", { class: "charts-swatch", style: `background:${s.colour}`, "aria-hidden": "true" }), " ", s.label))),
    dataTable(`${id}-table`, title, buckets, series, values, totals));
}

function dataTable(id, title, buckets, series, values, totals) {
  return el("table", { class: "visually-hidden", id },
    el("caption", { text: t("charts.table_of", { title }) }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("charts.column.period") }),
      series.map((s) => el("th", { scope: "col", text: s.label })),
      el("th", { scope: "col", text: t("charts.column.total") }))),
    el("tbody", {}, buckets.list.map((bucket, i) => el("tr", {},
      el("th", { scope: "row", text: bucket.label }),
      series.map((s) => el("td", { text: String(values[i][s.key] || 0) })),
      el("td", { text: String(totals[i]) })))));
}

function admin1Table(rows) {
  const byArea = new Map();
  for (const row of rows) {
    const key = row.admin1 || "";
    const area = byArea.get(key) || { total: 0, verdicts: {} };
    area.total += row.total;
    for (const v of VERDICTS) area.verdicts[v] = (area.verdicts[v] || 0) + ((row.verdicts && row.verdicts[v]) || 0);
    byArea.set(key, area);
  }
  const areas = [...byArea.entries()].sort((a, b) => b[1].total - a[1].total || a[0].localeCompare(b[0]));
  return el("section", { class: "card", id: "charts-admin1", "aria-labelledby": "charts-admin1-title" },
    el("h2", { id: "charts-admin1-title", text: t("charts.by_admin1") }),
    el("div", { class: "table-wrap" },
      el("table", { class: "data" },
        el("thead", {}, el("tr", {},
          el("th", { scope: "col", text: t("charts.column.admin1") }),
          el("th", { scope: "col", text: t("charts.column.total") }),
          VERDICTS.map((v) => el("th", { scope: "col", text: t(`verdict.${v}`) })))),
        el("tbody", {}, areas.map(([name, area]) => el("tr", {},
          el("th", { scope: "row", text: name || t("charts.no_admin1") }),
          el("td", { class: "charts-number", text: String(area.total) }),
          VERDICTS.map((v) => el("td", { class: "charts-number", text: String(area.verdicts[v]) }))))))));
}

/** Fetches an export with the Accept header it needs and hands it to the browser as a file. */
async function download(path, accept, filename, status, problems) {
  clear(problems);
  status.textContent = t("charts.downloading", { name: filename });
  const answer = await api(path, { accept });
  if (!answer.ok) {
    status.textContent = "";
    showProblem(problems, answer.json || { title: t("charts.download_failed"), detail: String(answer.status) });
    return;
  }
  const url = URL.createObjectURL(new Blob([answer.text], { type: accept }));
  const link = el("a", { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the browser has had time to start the download.
  setTimeout(() => URL.revokeObjectURL(url), 30000);
  status.textContent = t("charts.downloaded", { name: filename });
}
