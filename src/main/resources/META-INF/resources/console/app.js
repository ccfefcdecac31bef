// The console's shell: session, router, API and DOM helpers, shared by every page module
// (/console/pages/<name>.js, each exporting render(root, route)). See the README, "The console".
import { loadBundles, t as translate } from "/console/i18n.js";

export const t = translate;

/** Bundles loaded at start: the shell's own and one per page. */
const BUNDLES = ["app", "queue", "incident", "map", "charts", "submit", "mine", "import", "rules"];

/** Routes: hash name → page module and the roles that see it in the navigation. */
const ROUTES = {
  queue: { module: "queue", roles: ["auditor"] },
  incident: { module: "incident", roles: ["monitor", "auditor"] },
  map: { module: "map", roles: ["monitor", "auditor"] },
  charts: { module: "charts", roles: ["monitor", "auditor"] },
  submit: { module: "submit", roles: ["monitor"] },
  mine: { module: "mine", roles: ["monitor"] },
  correct: { module: "submit", roles: ["monitor"] },
  import: { module: "import", roles: ["monitor"] },
  rules: { module: "rules", roles: ["admin", "auditor"] },
};
const NAV = ["queue", "mine", "submit", "import", "map", "charts", "rules"];

export const session = { name: null, roles: [] };

export function hasRole(role) {
  return session.roles.includes(role);
}

/** Same-origin call with the session cookie; a 401 means the session ended: back to sign-in. */
export async function api(path, opts = {}) {
  // X-Requested-With: the service then leaves the Basic challenge out of a 401, which would make
  // the browser open its own password dialog; the console sends people to its sign-in page instead.
  const headers = { Accept: opts.accept || "application/json", "X-Requested-With": "trucewatch-console" };
  let body = opts.body;
  if (opts.json !== undefined) {
    body = JSON.stringify(opts.json);
    headers["Content-Type"] = "application/json";
  } else if (opts.contentType) {
    headers["Content-Type"] = opts.contentType;
  }
  const answer = await fetch(path, { method: opts.method || "GET", headers, body, credentials: "same-origin" });
  if (answer.status === 401) {
    location.assign("/login.html?expired");
    return new Promise(() => {});
  }
  const text = await answer.text();
  const type = answer.headers.get("Content-Type") || "";
  let json = null;
  if (type.includes("json") && text) {
    try {
      json = JSON.parse(text);
    } catch (e) {
      json = null;
    }
  }
  return { status: answer.status, ok: answer.ok, json, text, headers: answer.headers };
}

export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === "text") node.textContent = value;
    else if (name === "class") node.className = value;
    else if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else if (value === true) node.setAttribute(name, "");
    else node.setAttribute(name, value);
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

export function fieldErrors(problem) {
  const errors = new Map();
  for (const error of (problem && problem.errors) || []) {
    errors.set(error.field, errors.has(error.field) ? errors.get(error.field) + "; " + error.message : error.message);
  }
  return errors;
}

export function showProblem(container, problem) {
  const box = el("div", { class: "alert", role: "alert" },
    el("strong", { text: (problem && problem.title) || t("app.error") }),
    problem && problem.detail ? el("p", { text: problem.detail }) : null,
    problem && problem.errors && problem.errors.length
      ? el("ul", {}, problem.errors.map((e) => el("li", {}, el("code", { text: e.field }), " ", e.message)))
      : null);
  container.append(box);
  return box;
}

/**
 * A message next to its input (#id, with #id-error beside it), announced with it through
 * aria-describedby and marked aria-invalid; no message clears it. Other describedby ids stay.
 */
export function setFieldError(root, id, message) {
  const input = root.querySelector(`#${id}`);
  const error = root.querySelector(`#${id}-error`);
  const described = (input.getAttribute("aria-describedby") || "").split(" ").filter((d) => d && d !== `${id}-error`);
  if (message) described.push(`${id}-error`);
  error.textContent = message || "";
  error.hidden = !message;
  if (message) input.setAttribute("aria-invalid", "true");
  else input.removeAttribute("aria-invalid");
  if (described.length) input.setAttribute("aria-describedby", described.join(" "));
  else input.removeAttribute("aria-describedby");
}

/**
 * The truces in service for a page's truce picker; when there are none, or they cannot be read,
 * the page is told so in its own words (bundle keys <page>.truces_failed, <page>.no_truces) and
 * gets null.
 */
export async function trucesFor(root, page) {
  const truces = await api("/api/truces");
  if (!truces.ok) {
    const problems = el("div", { id: `${page}-problems` });
    showProblem(problems, truces.json || { title: t(`${page}.truces_failed`) });
    root.append(problems);
    return null;
  }
  if (!truces.json.length) {
    root.append(el("p", { text: t(`${page}.no_truces`) }));
    return null;
  }
  return truces.json;
}

export function verdictBadge(verdict) {
  return el("span", { class: `verdict verdict-${verdict}`, text: t(`verdict.${verdict}`) });
}

/** The custom properties of console.css that hold each verdict's colour: the one place the palette is written. */
const VERDICT_PROPERTIES = { PROBABLE_VIOLATION: "--pv", NEEDS_REVIEW: "--nr", NOT_A_VIOLATION: "--nav", OUT_OF_SCOPE: "--oos" };

let verdictColours = null;

/** A verdict's colour for drawings (bars, points, swatches), as its badge shows it; null for no verdict. */
export function verdictColour(verdict) {
  // Read from the stylesheet once: a map draws one point per report, and each read of computed
  // style makes the browser resolve the page's styles again.
  let colours = verdictColours;
  if (!colours) {
    const style = getComputedStyle(document.documentElement);
    colours = Object.fromEntries(Object.entries(VERDICT_PROPERTIES)
      .map(([name, property]) => [name, style.getPropertyValue(property).trim()]));
    // Kept only once the stylesheet has given them (it always has by the time a page draws).
    if (Object.values(colours).every(Boolean)) verdictColours = colours;
  }
  return colours[verdict] || null;
}

export function navigate(hash) {
  if (location.hash === hash) route();
  else location.hash = hash;
}

const stylesheets = new Set();
export function useCss(href) {
  if (stylesheets.has(href)) return;
  stylesheets.add(href);
  document.head.append(el("link", { rel: "stylesheet", href }));
}

function parseRoute() {
  const hash = location.hash.replace(/^#\/?/, "");
  const [path, queryText] = hash.split("?");
  const [name, id] = path.split("/");
  return { name: name || defaultRoute(), id: id ? decodeURIComponent(id) : null, query: new URLSearchParams(queryText || "") };
}

function defaultRoute() {
  if (hasRole("auditor")) return "queue";
  if (hasRole("monitor")) return "mine";
  return "rules";
}

// Which call of route() is the latest: only it may say the page is done, when an earlier,
// slower render finishes after the reader has already moved on.
let routing = 0;

async function route() {
  const mine = ++routing;
  const current = parseRoute();
  const main = document.getElementById("page");
  const known = ROUTES[current.name];
  clear(main);
  main.removeAttribute("aria-busy");
  renderNav(current.name);
  if (!known) {
    main.append(el("h1", { text: t("app.not_found") }));
    return;
  }
  if (!known.roles.some(hasRole)) {
    document.title = t("app.forbidden_title");
    main.append(el("h1", { text: t("app.forbidden_title") }), el("p", { text: t("app.forbidden", { roles: known.roles.join(", ") }) }));
    return;
  }
  // A page renders card by card as its requests answer; aria-busy tells assistive technology
  // (and the browser tests) that the page is still being filled in.
  main.setAttribute("aria-busy", "true");
  try {
    const page = await import(`/console/pages/${known.module}.js`);
    await page.render(main, current);
  } catch (e) {
    console.error(e);
    main.append(el("div", { class: "alert", role: "alert", text: t("app.page_failed") }));
  } finally {
    if (mine === routing) {
      main.removeAttribute("aria-busy");
    }
  }
  main.focus({ preventScroll: true });
}

function renderNav(active) {
  const nav = document.getElementById("nav");
  clear(nav);
  const list = el("ul", {});
  for (const name of NAV) {
    if (!ROUTES[name].roles.some(hasRole)) continue;
    list.append(el("li", {}, el("a", { href: `#/${name}`, "aria-current": name === active ? "page" : null, text: t(`nav.${name}`) })));
  }
  nav.append(list);
  const who = document.getElementById("who");
  clear(who);
  who.append(el("span", { text: t("app.signed_in_as", { name: session.name, roles: session.roles.join(", ") }) }), " ",
    el("button", { class: "btn", type: "button", onclick: signOut, text: t("app.sign_out") }));
}

async function signOut() {
  await fetch("/api/session/sign-out", { method: "POST", credentials: "same-origin" });
  location.assign("/login.html");
}

/** New verdicts as they commit (the SSE stream), announced politely; pages may listen too. */
function listenLive() {
  const source = new EventSource("/api/stream/verdicts", { withCredentials: true });
  source.addEventListener("verdict.created", (event) => {
    // The webhook payload: {id, type, timestamp, data: the incident as GET /api/incidents/{id} gives it}.
    const incident = JSON.parse(event.data).data;
    const live = document.getElementById("live");
    clear(live);
    live.append(el("span", { text: t("app.live_new", { verdict: t(`verdict.${incident.verdict}`),
      place: (incident.incident && (incident.incident.location || incident.incident.admin1)) || "" }) }), " ",
      el("a", { href: `#/incident/${incident.id}`, text: t("app.live_open") }));
    window.dispatchEvent(new CustomEvent("trucewatch:verdict", { detail: incident }));
  });
}

async function start() {
  await loadBundles(BUNDLES);
  const me = await api("/api/me");
  if (!me.ok) {
    location.assign("/login.html");
    return;
  }
  session.name = me.json.name;
  session.roles = me.json.roles || [];
  document.querySelector(".skip").textContent = t("app.skip");
  document.getElementById("nav").setAttribute("aria-label", t("app.nav_label"));
  window.addEventListener("hashchange", route);
  listenLive();
  await route();
}

start();
