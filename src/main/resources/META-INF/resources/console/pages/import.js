// Import an ACLED CSV file (#/import): the file goes to POST /api/imports as text/csv, the service
// answers 202 with a job, and the page follows the job every 500 ms until it is done, then lists the
// rejected rows with their errors. The job's id is put in the address (#/import?job=<id>), so a
// reloaded page, or a link to it, follows the same job again.
import { api, clear, el, showProblem, t, useCss } from "/console/app.js";

const POLL_MS = 500;
const REJECTED_PAGE_SIZE = 50;

export async function render(root, route) {
  useCss("/console/pages/import.css");
  document.title = t("import.page_title");
  const fileError = el("p", { class: "field-error", id: "import-file-error", hidden: true });
  const input = el("input", { id: "import-file", name: "file", type: "file", accept: ".csv,text/csv",
    "aria-describedby": "import-file-hint" });
  const button = el("button", { class: "btn btn-primary", type: "submit", text: t("import.send") });
  const status = el("p", { class: "muted", role: "status", id: "import-status" });
  const problems = el("div", { id: "import-problems" });
  const job = el("section", { id: "import-job", "aria-labelledby": "import-job-title" });
  const form = el("form", { class: "card", id: "import-form" },
    el("div", { class: "field" },
      el("label", { for: "import-file", text: t("import.file") }),
      el("p", { class: "muted import-hint", id: "import-file-hint", text: t("import.file_hint") }),
      fileError, input),
    button, status);
  root.append(el("h1", { text: t("import.title") }), el("p", { class: "muted", text: t("import.intro") }),
    form, problems, job);

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clear(problems);
    const file = input.files && input.files[0];
    markFile(input, fileError, file ? null : t("import.choose_file"));
    if (!file) {
      input.focus();
      return;
    }
    button.disabled = true;
    status.textContent = t("import.sending", { name: file.name });
    let answer;
    try {
      // The file's own type is often application/vnd.ms-excel or empty: the API takes text/csv.
      answer = await api("/api/imports", { method: "POST", body: file, contentType: "text/csv" });
    } catch (e) {
      focusBox(showProblem(problems, { title: t("import.network_error") }));
      return;
    } finally {
      button.disabled = false;
      status.textContent = "";
    }
    if (answer.status !== 202) {
      refused(problems, answer);
      return;
    }
    const id = (answer.json && answer.json.id) || idFromLocation(answer.headers.get("Location"));
    // Into the address without a hashchange (which would render the page again and drop the form's state).
    history.replaceState(null, "", `#/import?job=${encodeURIComponent(id)}`);
    follow(job, id, true);
  });

  const existing = route.query.get("job");
  if (existing) follow(job, existing, false);
}

function markFile(input, error, message) {
  error.textContent = message || "";
  error.hidden = !message;
  if (message) {
    input.setAttribute("aria-invalid", "true");
    input.setAttribute("aria-describedby", "import-file-hint import-file-error");
  } else {
    input.removeAttribute("aria-invalid");
    input.setAttribute("aria-describedby", "import-file-hint");
  }
}

/** A refused file: for a 400, the columns (or the body) the service names, each with its reason. */
function refused(holder, answer) {
  const problem = answer.json || { title: t("import.refused"), detail: `${answer.status} ${answer.text || ""}`.trim() };
  if (answer.status !== 400 || !problem.errors || problem.errors.length === 0) {
    focusBox(showProblem(holder, problem));
    return;
  }
  focusBox(holder.appendChild(el("div", { class: "alert", role: "alert" },
    el("h2", { text: t("import.refused") }),
    el("ul", {}, problem.errors.map((error) => el("li", {},
      error.field === "(body)" ? t("import.whole_file") : el("code", { text: error.field }), ": ", error.message))))));
}

function idFromLocation(location) {
  return location ? decodeURIComponent(location.replace(/[?#].*$/, "").split("/").pop()) : null;
}

/**
 * Shows the job and asks again every 500 ms until it is done. Each call draws into a fresh box:
 * when the box leaves the page (another route, another upload) its loop stops.
 */
async function follow(section, id, focus) {
  clear(section);
  const box = el("div", {});
  section.append(box);
  const heading = el("h2", { id: "import-job-title", tabindex: "-1", text: t("import.job_title") });
  const label = el("label", { for: "import-progress", id: "import-progress-label" });
  const progress = el("progress", { id: "import-progress", max: "1", value: "0" });
  const counts = el("dl", { class: "fields import-counts" });
  const outcome = el("div", { role: "status", id: "import-outcome" });
  const rejected = el("div", { id: "import-rejected" });
  box.append(heading, el("div", { class: "import-progress" }, label, progress), counts, outcome, rejected);
  if (focus) heading.focus();

  while (box.isConnected) {
    let answer;
    try {
      answer = await api(`/api/imports/${encodeURIComponent(id)}?page=0&size=${REJECTED_PAGE_SIZE}`);
    } catch (e) {
      stopped(box, outcome, section, id);
      return;
    }
    if (!box.isConnected) return;
    if (!answer.ok) {
      showProblem(outcome, answer.json || { title: t("app.error"), detail: String(answer.status) });
      return;
    }
    const view = answer.json;
    update(view, label, progress, counts);
    if (view.status === "DONE") {
      outcome.append(el("p", { class: "alert ok" }, t("import.done", {
        accepted: view.accepted, duplicates: view.duplicates, rejected: view.rejected }), " ",
        el("a", { href: "#/mine", text: t("import.to_mine") })));
      showRejected(rejected, id, view, 0, false);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** The connection dropped while following: say so, and let the user follow the job again. */
function stopped(box, outcome, section, id) {
  if (!box.isConnected) return;
  outcome.append(el("div", { class: "alert" }, t("import.poll_failed"), " ",
    el("button", { class: "btn", type: "button", text: t("import.poll_again"), onclick: () => follow(section, id, true) })));
}

function update(view, label, progress, counts) {
  const total = view.total_rows;
  label.textContent = t("import.progress", { done: view.rows_done, total, status: t(`import.status.${view.status}`) });
  progress.max = Math.max(total, 1);
  progress.value = total > 0 ? view.rows_done : (view.status === "DONE" ? 1 : 0);
  clear(counts);
  for (const name of ["accepted", "duplicates", "rejected"]) {
    counts.append(el("dt", { text: t(`import.count.${name}`) }), el("dd", { text: String(view[name]) }));
  }
}

async function showRejected(holder, id, view, page, focus) {
  clear(holder);
  if (view.rejected === 0) {
    holder.append(el("p", { text: t("import.none_rejected") }));
    return;
  }
  const heading = el("h3", { tabindex: "-1", text: t("import.rejected_title", { count: view.rejected }) });
  holder.append(heading, el("div", { class: "table-wrap" }, el("table", { class: "data", id: "import-rejected-table" },
    el("caption", { class: "muted", text: t("import.rejected_caption") }),
    el("thead", {}, el("tr", {}, ["row", "external_id", "errors"]
      .map((column) => el("th", { scope: "col", text: t(`import.col.${column}`) })))),
    el("tbody", {}, (view.rejected_rows || []).map((row) => el("tr", {},
      el("td", { text: String(row.row) }),
      el("td", {}, row.external_id ? el("code", { text: row.external_id }) : t("app.none")),
      el("td", {}, el("ul", { class: "import-errors" }, (row.errors || []).map((error) => el("li", {},
        el("code", { text: error.field }), ": ", error.message))))))))));
  const pages = Math.max(1, Math.ceil(view.rejected / REJECTED_PAGE_SIZE));
  const go = async (next) => {
    const answer = await api(`/api/imports/${encodeURIComponent(id)}?page=${next}&size=${REJECTED_PAGE_SIZE}`);
    if (!answer.ok) {
      showProblem(holder, answer.json || { title: t("app.error"), detail: String(answer.status) });
      return;
    }
    showRejected(holder, id, answer.json, next, true);
  };
  holder.append(el("nav", { class: "filters", "aria-label": t("import.paging") },
    el("button", { class: "btn", type: "button", disabled: page <= 0, text: t("app.previous"), onclick: () => go(page - 1) }),
    el("span", { class: "muted", text: t("app.page_of", { page: page + 1, pages, total: view.rejected }) }),
    el("button", { class: "btn", type: "button", disabled: page + 1 >= pages, text: t("app.next"), onclick: () => go(page + 1) })));
  if (focus) heading.focus();
}

function focusBox(box) {
  box.setAttribute("tabindex", "-1");
  box.focus();
}
