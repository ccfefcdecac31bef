// The review queue (auditor): flagged reports nobody has decided, oldest first, with filters that
// stay in the address (so a filtered queue can be bookmarked) and a count.
import { api, clear, el, navigate, showProblem, t, verdictBadge } from "/console/app.js";

const FILTERS = ["truce", "party", "admin1", "from", "to", "status"];
const PAGE_SIZE = 25;

export async function render(root, route) {
  document.title = t("queue.title");
  const query = route.query;
  const truces = await api("/api/truces");
  const form = el("form", { class: "filters card", role: "search", "aria-label": t("queue.filters"), onsubmit: (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const name of FILTERS) {
      const value = form.elements[name].value.trim();
      if (value) next.set(name, value);
    }
    navigate("#/queue?" + next.toString());
  } },
  field("truce", el("select", { id: "f-truce", name: "truce" }, el("option", { value: "", text: t("queue.any_truce") }),
    (truces.json || []).map((truce) => el("option", { value: truce.id, text: truce.title, selected: query.get("truce") === truce.id })))),
  field("party", el("input", { id: "f-party", name: "party", value: query.get("party") || "" })),
  field("admin1", el("input", { id: "f-admin1", name: "admin1", value: query.get("admin1") || "" })),
  field("from", el("input", { id: "f-from", name: "from", type: "date", value: query.get("from") || "" })),
  field("to", el("input", { id: "f-to", name: "to", type: "date", value: query.get("to") || "" })),
  field("status", el("select", { id: "f-status", name: "status" }, el("option", { value: "", text: t("queue.any_status") }),
    ["PENDING", "ESCALATED"].map((s) => el("option", { value: s, text: t(`status.${s}`), selected: query.get("status") === s })))),
  el("button", { class: "btn btn-primary", type: "submit", text: t("queue.apply") }),
  el("a", { href: "#/queue", text: t("queue.reset") }));

  root.append(el("h1", { text: t("queue.title") }), form);
  const results = el("div", { id: "queue-results" });
  root.append(results);

  const page = Math.max(0, parseInt(query.get("page") || "0", 10) || 0);
  const params = new URLSearchParams();
  for (const name of FILTERS) {
    if (query.get(name)) params.set(name, query.get(name));
  }
  params.set("page", page);
  params.set("size", PAGE_SIZE);
  const answer = await api("/api/review/queue?" + params.toString());
  if (!answer.ok) {
    showProblem(results, answer.json);
    return;
  }
  const list = answer.json;
  results.append(el("p", { id: "queue-count", class: "muted", "aria-live": "polite", text: t("queue.count", { total: list.total }) }));
  if (list.items.length === 0) {
    results.append(el("p", { text: t("queue.empty") }));
    return;
  }
  results.append(el("div", { class: "table-wrap" }, el("table", { class: "data", id: "queue-table" },
    el("caption", { class: "muted", text: t("queue.caption") }),
    el("thead", {}, el("tr", {}, ["received", "event_date", "place", "actor", "verdict", "status", "open"]
      .map((c) => el("th", { scope: "col", text: t(`queue.col.${c}`) })))),
    el("tbody", {}, list.items.map((item) => el("tr", { "data-id": item.id },
      el("td", { text: (item.received_at || "").slice(0, 16).replace("T", " ") }),
      el("td", { text: item.incident.event_date }),
      el("td", { text: [item.incident.location, item.incident.admin1].filter(Boolean).join(", ") }),
      el("td", { text: item.incident.actor1 || "" }),
      el("td", {}, verdictBadge(item.verdict)),
      el("td", { text: t(`status.${item.review_status}`) }),
      el("td", {}, el("a", { href: `#/incident/${item.id}`, "aria-label": t("queue.open_label", { id: item.external_id }), text: t("queue.open") }))))))));
  const pages = Math.max(1, Math.ceil(list.total / PAGE_SIZE));
  const to = (p) => { const next = new URLSearchParams(query); next.set("page", p); return "#/queue?" + next.toString(); };
  results.append(el("nav", { class: "filters", "aria-label": t("queue.paging") },
    page > 0 ? el("a", { href: to(page - 1), text: t("app.previous") }) : null,
    el("span", { class: "muted", text: t("app.page_of", { page: page + 1, pages, total: list.total }) }),
    page + 1 < pages ? el("a", { href: to(page + 1), text: t("app.next") }) : null));
  // A new verdict while the queue is open: say so, and offer to refresh (the list itself does not jump).
  const refresh = () => {
    const count = document.getElementById("queue-count");
    if (count && !document.getElementById("queue-refresh")) {
      count.append(" ", el("button", { id: "queue-refresh", class: "btn", type: "button", text: t("queue.refresh"),
        onclick: () => navigate(location.hash) }));
    }
  };
  window.addEventListener("trucewatch:verdict", refresh, { once: true });
}

function field(name, input) {
  return el("div", { class: "field" }, el("label", { for: input.id, text: t(`queue.filter.${name}`) }), input);
}
