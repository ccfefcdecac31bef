// The signed-in monitor's own reports (#/mine), newest first, with links to read each one and to
// correct it. The page number stays in the address, so the browser's back button returns to it.
import { api, el, navigate, session, showProblem, t, verdictBadge } from "/console/app.js";

const PAGE_SIZE = 50;

export async function render(root, route) {
  document.title = t("mine.page_title");
  root.append(el("h1", { text: t("mine.title") }),
    el("p", {}, el("a", { href: "#/submit", text: t("mine.new_report") }), " · ",
      el("a", { href: "#/import", text: t("mine.import") })));
  const results = el("div", { id: "mine-results" });
  root.append(results);

  const page = Math.max(0, parseInt(route.query.get("page") || "0", 10) || 0);
  const params = new URLSearchParams({ submitted_by: session.name, page: String(page), size: String(PAGE_SIZE) });
  const answer = await api("/api/incidents?" + params.toString());
  if (!answer.ok) {
    showProblem(results, answer.json || { title: t("app.error"), detail: answer.text });
    return;
  }
  const list = answer.json;
  results.append(el("p", { class: "muted", text: t("mine.count", { total: list.total }) }));
  if (list.items.length === 0) {
    results.append(el("p", { text: page === 0 ? t("mine.empty") : t("mine.past_end") }));
    if (page > 0) results.append(pager(page, list.total));
    return;
  }
  results.append(el("div", { class: "table-wrap" }, el("table", { class: "data", id: "mine-table" },
    el("caption", { class: "muted", text: t("mine.caption") }),
    el("thead", {}, el("tr", {}, ["external_id", "event_date", "place", "version", "verdict", "review_status", "actions"]
      .map((column) => el("th", { scope: "col", text: t(`mine.col.${column}`) })))),
    el("tbody", {}, list.items.map(row)))));
  results.append(pager(page, list.total));
}

function row(item) {
  const report = item.incident || {};
  const name = item.external_id || item.id;
  const id = encodeURIComponent(item.id);
  return el("tr", { "data-id": item.id },
    el("td", {}, el("code", { text: item.external_id || t("app.none") })),
    el("td", { text: eventDay(report) }),
    el("td", { text: place(report) }),
    el("td", { text: String(item.version) }),
    el("td", {}, verdictBadge(item.verdict)),
    el("td", { text: item.review_status ? t(`status.${item.review_status}`) : t("app.none") }),
    el("td", { class: "mine-actions" },
      el("a", { href: `#/incident/${id}`, "aria-label": t("mine.open_label", { name }), text: t("mine.open") }),
      " · ",
      // The list is filtered to the signed-in user's reports, and only a report's submitter may correct it.
      item.submitted_by === session.name
        ? el("a", { href: `#/correct/${id}`, "aria-label": t("mine.correct_label", { name }), text: t("mine.correct") })
        : null));
}

/** The event day: event_date, or the UTC day of occurred_at when only the instant was given. */
function eventDay(report) {
  return report.event_date || (report.occurred_at ? report.occurred_at.slice(0, 10) : t("app.none"));
}

function place(report) {
  const parts = [report.location, report.admin2, report.admin1, report.country].filter(Boolean);
  return parts.length ? parts.join(", ") : t("app.none");
}

function pager(page, total) {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return el("nav", { class: "filters", "aria-label": t("mine.paging") },
    el("button", { class: "btn", type: "button", disabled: page <= 0, text: t("app.previous"),
      onclick: () => navigate(`#/mine?page=${Math.min(page - 1, pages - 1)}`) }),
    el("span", { class: "muted", text: t("app.page_of", { page: page + 1, pages, total }) }),
    el("button", { class: "btn", type: "button", disabled: page + 1 >= pages, text: t("app.next"),
      onclick: () => navigate(`#/mine?page=${page + 1}`) }));
}
