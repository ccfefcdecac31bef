// The rules page (#/rules). Auditors and admins see every ruleset version ever put into service,
// with its activations and, on demand, its files. Admins also get the safe way to change the terms
// (README, "Changing the terms safely"): validate a candidate, dry-run it against every stored
// report, and reload rules/ + config/ from disk. Write controls are shown to admins only because no
// one else could use them; the API refuses them to other roles whatever the page shows.
import { api, clear, el, hasRole, showProblem, t, useCss, verdictBadge, setFieldError } from "/console/app.js";
import { readZip, ZipError } from "/console/pages/rules-zip.js";

const VERSIONS_PAGE_SIZE = 20;
const CHANGES_PAGE_SIZE = 50;
const VERDICTS = ["PROBABLE_VIOLATION", "NEEDS_REVIEW", "NOT_A_VIOLATION", "OUT_OF_SCOPE"];

export async function render(root) {
  useCss("/console/pages/rules.css");
  document.title = t("rules.page_title");
  const admin = hasRole("admin");
  root.append(el("h1", { text: t("rules.title") }),
    el("p", { class: "muted", text: t(admin ? "rules.intro_admin" : "rules.intro_read") }));
  const page = new RulesPage(root, admin);
  await page.showVersions(0);
}

class RulesPage {
  constructor(root, admin) {
    this.root = root;
    this.admin = admin;
    this.activeFiles = null;
    this.versions = el("div", { id: "rules-versions-list" });
    this.files = el("div", { id: "rules-files" });
    root.append(section("rules-versions", t("rules.versions_title"), this.versions, this.files));
    if (admin) {
      this.candidateResult = el("div", { id: "rules-validation" });
      this.dryRunResult = el("div", { id: "rules-dry-run" });
      this.dryRunStatus = el("p", { class: "muted", role: "status", id: "rules-dry-run-status" });
      this.reloadResult = el("div", { id: "rules-reload-result" });
      root.append(this.candidateSection(), section("rules-dry-run-section", t("rules.dry_run_title"),
        el("p", { class: "muted", text: t("rules.dry_run_intro") }), this.dryRunStatus, this.dryRunResult), this.reloadSection());
    }
  }

  // ---- versions (admin, auditor) ----

  async showVersions(page) {
    const answer = await api(`/api/rulesets?page=${page}&size=${VERSIONS_PAGE_SIZE}`);
    clear(this.versions);
    if (!answer.ok) {
      showProblem(this.versions, problemOf(answer));
      return;
    }
    const list = answer.json;
    this.versions.append(el("div", { class: "table-wrap" }, el("table", { class: "data", id: "rules-versions-table" },
      el("caption", { class: "muted", text: t("rules.versions_caption") }),
      el("thead", {}, el("tr", {}, ["version", "first_used", "files", "state", "activations", "actions"]
        .map((column) => el("th", { scope: "col", text: t(`rules.col.${column}`) })))),
      el("tbody", {}, list.items.map((version) => this.versionRow(version))))));
    const pages = Math.max(1, Math.ceil(list.total / VERSIONS_PAGE_SIZE));
    if (pages > 1) {
      this.versions.append(pager(t("rules.versions_paging"), page, pages, list.total, (next) => this.showVersions(next)));
    }
  }

  versionRow(version) {
    const short = shortVersion(version.version);
    return el("tr", { class: version.active ? "rules-active" : null },
      el("td", {}, el("code", { title: version.version, text: short })),
      el("td", {}, when(version.first_used_at)),
      el("td", { text: String(version.file_count) }),
      el("td", {}, version.active ? el("span", { class: "badge rules-in-service", text: t("rules.in_service") }) : t("rules.not_in_service")),
      el("td", {}, el("ul", { class: "rules-activations" }, (version.activations || []).map((a) => el("li", {},
        when(a.activated_at), " ", t("rules.activation", { by: a.activated_by, trigger: t(`rules.trigger.${a.trigger}`) }))))),
      el("td", { class: "rules-actions" },
        el("button", { class: "btn", type: "button", text: t("rules.show_files"),
          "aria-label": t("rules.show_files_label", { version: short }), onclick: () => this.showFiles(version.version) }),
        this.admin && !version.active
          ? el("button", { class: "btn", type: "button", "data-lock": "", text: t("rules.dry_run_version"),
            "aria-label": t("rules.dry_run_version_label", { version: short }),
            onclick: () => this.runDryRun({ version: version.version }, 0) })
          : null));
  }

  async showFiles(version) {
    clear(this.files);
    this.files.append(el("p", { class: "muted", role: "status", text: t("rules.loading_files") }));
    const answer = await api(`/api/rulesets/${encodeURIComponent(version)}`);
    clear(this.files);
    if (!answer.ok) {
      focusBox(showProblem(this.files, problemOf(answer)));
      return;
    }
    const detail = answer.json;
    const heading = el("h3", { tabindex: "-1", text: t("rules.files_title", { version: shortVersion(detail.version), count: detail.files.length }) });
    this.files.append(heading,
      el("p", {}, el("code", { class: "rules-version", text: detail.version }), " ",
        detail.active ? el("span", { class: "badge rules-in-service", text: t("rules.in_service") }) : null),
      el("ul", { class: "rules-file-list" }, detail.files.map((file) => el("li", {}, el("details", {},
        el("summary", {}, el("code", { text: file.path }), " ", el("span", { class: "muted", text: t("rules.file_hash", { sha: file.sha256.slice(0, 12) }) })),
        el("pre", { class: "rules-source" }, el("code", { text: file.content })))))),
      el("button", { class: "btn", type: "button", text: t("rules.hide_files"), onclick: () => clear(this.files) }));
    heading.focus();
  }

  // ---- a candidate: validate and dry-run (admin) ----

  candidateSection() {
    const kind = (value) => el("div", { class: "rules-choice" },
      el("input", { type: "radio", name: "rules-kind", id: `rules-kind-${value}`, value, checked: value === "files",
        onchange: () => this.showKind() }),
      el("label", { for: `rules-kind-${value}`, text: t(`rules.kind.${value}`) }));
    this.filesInput = el("input", { id: "rules-files-input", type: "file", multiple: true, accept: ".drl,.yaml,.yml,.json,.geojson,.csv,.txt",
      "aria-describedby": "rules-files-input-hint", onchange: () => this.pathRows() });
    this.pathsHolder = el("div", { id: "rules-paths" });
    this.removeInput = el("textarea", { id: "rules-remove", rows: "3", spellcheck: "false", "aria-describedby": "rules-remove-hint" });
    this.zipInput = el("input", { id: "rules-zip", type: "file", accept: ".zip,application/zip", "aria-describedby": "rules-zip-hint" });
    this.filesGroup = el("div", { id: "rules-files-group" },
      fieldWithError("rules-files-input", t("rules.files"), t("rules.files_hint"), this.filesInput),
      this.pathsHolder,
      el("datalist", { id: "rules-known-paths" }),
      fieldWithError("rules-remove", t("rules.remove"), t("rules.remove_hint"), this.removeInput));
    this.zipGroup = el("div", { id: "rules-zip-group", hidden: true },
      fieldWithError("rules-zip", t("rules.zip"), t("rules.zip_hint"), this.zipInput));
    this.candidateErrors = el("div", { id: "rules-candidate-errors" });
    this.candidateStatus = el("p", { class: "muted", role: "status", id: "rules-candidate-status" });
    const form = el("form", { id: "rules-candidate", novalidate: true, onsubmit: (event) => { event.preventDefault(); this.validate(); } },
      el("fieldset", {}, el("legend", { text: t("rules.kind") }), kind("files"), kind("zip")),
      this.filesGroup, this.zipGroup, this.candidateErrors,
      el("div", { class: "rules-buttons" },
        el("button", { class: "btn btn-primary", type: "submit", "data-lock": "", text: t("rules.validate") }),
        el("button", { class: "btn", type: "button", "data-lock": "", text: t("rules.dry_run"), onclick: () => this.dryRunCandidate() })),
      this.candidateStatus);
    return section("rules-candidate-section", t("rules.candidate_title"),
      el("p", { class: "muted", text: t("rules.candidate_intro") }), form, this.candidateResult);
  }

  zipChosen() {
    return this.root.querySelector("#rules-kind-zip").checked;
  }

  showKind() {
    const zip = this.zipChosen();
    this.zipGroup.hidden = !zip;
    this.filesGroup.hidden = zip;
    clear(this.candidateErrors);
  }

  /** One path field per chosen file, prefilled where the ruleset in service has one file of that name. */
  async pathRows() {
    clear(this.pathsHolder);
    const files = [...this.filesInput.files];
    const inputs = files.map((file, i) => {
      const input = el("input", { id: `rules-path-${i}`, type: "text", list: "rules-known-paths", spellcheck: "false",
        autocomplete: "off", placeholder: "rules/syria-cessation/attacks.drl", "aria-describedby": "rules-path-hint" });
      this.pathsHolder.append(fieldWithError(`rules-path-${i}`, t("rules.path_for", { name: file.name }), null, input));
      return input;
    });
    if (files.length) this.pathsHolder.prepend(el("p", { class: "muted rules-hint", id: "rules-path-hint", text: t("rules.path_hint") }));
    let active;
    try {
      active = await this.activeRuleset();
    } catch (e) {
      return; // suggestions only: the paths can be typed
    }
    const known = this.root.querySelector("#rules-known-paths");
    clear(known);
    known.append(...active.paths.map((path) => el("option", { value: path })));
    files.forEach((file, i) => {
      const matches = active.paths.filter((path) => path.split("/").pop() === file.name);
      if (matches.length === 1 && inputs[i].isConnected && inputs[i].value === "") inputs[i].value = matches[0];
    });
  }

  /** The version in service and its file paths (a zipped candidate's dry-run removes the paths it lacks). */
  activeRuleset() {
    if (!this.activeFiles) {
      this.activeFiles = findActiveVersion().then(async (version) => {
        const detail = await api(`/api/rulesets/${encodeURIComponent(version)}`);
        if (!detail.ok) throw new Error("files of the version in service: " + detail.status);
        return { version, paths: detail.json.files.map((file) => file.path) };
      });
      this.activeFiles.catch(() => { this.activeFiles = null; });
    }
    return this.activeFiles;
  }

  /** The candidate as the form describes it, or null after marking what is missing. */
  async candidate() {
    clear(this.candidateErrors);
    const errors = [];
    const mark = (id, message) => {
      setFieldError(this.root, id, message);
      if (message) errors.push({ id, message });
    };
    if (this.zipChosen()) {
      const file = this.zipInput.files[0];
      mark("rules-zip", file ? null : t("rules.need_zip"));
      return file ? { zip: file } : this.localErrors(errors);
    }
    const chosen = [...this.filesInput.files];
    const remove = this.removeInput.value.split("\n").map((line) => line.trim()).filter(Boolean);
    mark("rules-files-input", chosen.length || remove.length ? null : t("rules.need_files"));
    const files = {};
    for (let i = 0; i < chosen.length; i++) {
      const path = this.root.querySelector(`#rules-path-${i}`).value.trim();
      mark(`rules-path-${i}`, path ? null : t("rules.need_path", { name: chosen[i].name }));
      if (path) files[path] = await chosen[i].text();
    }
    return errors.length ? this.localErrors(errors) : { files, remove };
  }

  localErrors(errors) {
    const box = el("div", { class: "alert", role: "alert" }, el("p", { text: t("rules.candidate_incomplete") }),
      el("ul", {}, errors.map((error) => el("li", {}, el("a", { href: `#${error.id}`, text: error.message, onclick: (event) => {
        event.preventDefault(); // a fragment link would change the route
        this.root.querySelector(`#${error.id}`).focus();
      } })))));
    this.candidateErrors.append(box);
    focusBox(box);
    return null;
  }

  async validate() {
    const candidate = await this.candidate();
    if (!candidate) return;
    clear(this.candidateResult);
    const answer = await this.busy(this.candidateStatus, t("rules.validating"), this.candidateResult, () => candidate.zip
      ? api("/api/rulesets/validate", { method: "POST", body: candidate.zip, contentType: "application/zip" })
      : api("/api/rulesets/validate", { method: "POST", json: candidate }));
    if (!answer) return;
    if (!answer.ok) {
      rulesetProblem(this.candidateResult, answer, t("rules.invalid"));
      return;
    }
    const v = answer.json;
    const heading = el("h3", { tabindex: "-1", text: t("rules.valid") });
    this.candidateResult.append(el("div", { class: "alert ok" }, heading,
      el("dl", { class: "fields" },
        term(t("rules.result.version"), el("code", { class: "rules-version", text: v.version })),
        term(t("rules.result.truces"), (v.truces || []).join(", ")),
        term(t("rules.result.scenarios"), String(v.scenarios)),
        term(t("rules.result.compile"), t("rules.millis", { ms: v.compile_millis })),
        term(t("rules.result.scenario_time"), t("rules.millis", { ms: v.scenario_millis })))));
    heading.focus();
  }

  async dryRunCandidate() {
    const candidate = await this.candidate();
    if (!candidate) return;
    if (!candidate.zip) {
      this.runDryRun(candidate, 0);
      return;
    }
    // The dry-run takes files over the ruleset in service: the zip's files, and every path of the
    // version in service the zip lacks removed, are the same tree as the zip.
    clear(this.candidateResult);
    let body;
    try {
      body = await this.busy(this.candidateStatus, t("rules.unzipping"), this.candidateResult, async () => {
        const files = await readZip(candidate.zip);
        const active = await this.activeRuleset();
        return { files: Object.fromEntries(files), remove: active.paths.filter((path) => !files.has(path)) };
      }, true);
    } catch (e) {
      const message = e instanceof ZipError ? t(`rules.zip.${e.reason}`, { entry: e.entry }) : t("rules.active_unknown");
      focusBox(this.candidateResult.appendChild(el("div", { class: "alert", role: "alert", text: message })));
      return;
    }
    if (body) this.runDryRun(body, 0);
  }

  async runDryRun(body, page) {
    clear(this.dryRunResult);
    const answer = await this.busy(this.dryRunStatus, t("rules.dry_running"), this.dryRunResult,
      () => api(`/api/rulesets/dry-run?page=${page}&size=${CHANGES_PAGE_SIZE}`, { method: "POST", json: body }));
    if (!answer) return;
    if (!answer.ok) {
      rulesetProblem(this.dryRunResult, answer, t("rules.dry_run_failed"));
      return;
    }
    this.showDryRun(answer.json, body, page);
  }

  showDryRun(result, body, page) {
    const heading = el("h3", { tabindex: "-1", text: body.version
      ? t("rules.dry_run_of_version", { version: shortVersion(body.version) }) : t("rules.dry_run_of_candidate") });
    this.dryRunResult.append(heading,
      el("dl", { class: "fields" },
        term(t("rules.result.candidate_version"), el("code", { class: "rules-version", text: result.candidate_version })),
        term(t("rules.result.active_version"), el("code", { class: "rules-version", text: result.active_version })),
        term(t("rules.result.reports"), String(result.reports)),
        term(t("rules.result.changed"), String(result.changed)),
        term(t("rules.result.elapsed"), t("rules.millis", { ms: result.elapsed_millis }))),
      // Node.append writes a null as the text "null": the note goes in only when it applies.
      ...(result.candidate_version === result.active_version ? [el("p", { text: t("rules.same_as_active") })] : []),
      matrix(result.matrix || {}));
    const failures = result.scenario_failures || [];
    if (failures.length) {
      this.dryRunResult.append(el("div", { class: "alert" }, el("p", { text: t("rules.scenario_failures", { count: failures.length }) })),
        errorsTable(failures, t("rules.scenario_failures_caption")));
    }
    const changes = result.changes || { items: [], total: 0 };
    if (changes.total === 0) {
      this.dryRunResult.append(el("p", { text: t("rules.no_changes") }));
    } else {
      this.dryRunResult.append(el("h4", { text: t("rules.changes_title", { count: changes.total }) }),
        el("div", { class: "table-wrap" }, el("table", { class: "data", id: "rules-changes" },
          el("caption", { class: "muted", text: t("rules.changes_caption") }),
          el("thead", {}, el("tr", {}, ["report", "from", "to", "judged_under"]
            .map((column) => el("th", { scope: "col", text: t(`rules.changes.${column}`) })))),
          el("tbody", {}, changes.items.map((change) => el("tr", {},
            el("td", {}, el("a", { href: `#/incident/${encodeURIComponent(change.id)}`, text: change.external_id || change.id })),
            el("td", {}, verdictBadge(change.from)),
            el("td", {}, verdictBadge(change.to)),
            el("td", {}, el("code", { title: change.from_ruleset_version, text: shortVersion(change.from_ruleset_version) }))))))));
      const pages = Math.max(1, Math.ceil(changes.total / CHANGES_PAGE_SIZE));
      if (pages > 1) {
        this.dryRunResult.append(el("p", { class: "muted", text: t("rules.paging_reruns") }),
          pager(t("rules.changes_paging"), page, pages, changes.total, (next) => this.runDryRun(body, next)));
      }
    }
    heading.focus();
  }

  // ---- reload (admin) ----

  reloadSection() {
    this.reloadStatus = el("p", { class: "muted", role: "status", id: "rules-reload-status" });
    return section("rules-reload", t("rules.reload_title"), el("p", { class: "muted", text: t("rules.reload_intro") }),
      el("button", { class: "btn btn-primary", type: "button", id: "rules-reload-button", "data-lock": "", text: t("rules.reload"),
        onclick: () => this.reload() }),
      this.reloadStatus, this.reloadResult);
  }

  async reload() {
    if (!window.confirm(t("rules.reload_confirm"))) return;
    clear(this.reloadResult);
    const answer = await this.busy(this.reloadStatus, t("rules.reloading"), this.reloadResult,
      () => api("/api/rulesets/reload", { method: "POST" }));
    if (!answer) return;
    if (!answer.ok) {
      rulesetProblem(this.reloadResult, answer, t("rules.reload_refused"));
      return;
    }
    const r = answer.json;
    const box = el("div", { class: "alert ok", tabindex: "-1" }, r.changed
      ? t("rules.reloaded", { active: shortVersion(r.active_version), previous: shortVersion(r.previous_version),
        scenarios: r.scenarios, ms: r.compile_millis + r.scenario_millis })
      : t("rules.reload_unchanged", { active: shortVersion(r.active_version) }));
    this.reloadResult.append(box);
    box.focus();
    if (r.changed) {
      this.activeFiles = null;
      this.showVersions(0);
    }
  }

  /**
   * Runs one request with every write control disabled and a status line: the service checks one
   * candidate at a time, and a check can take up to two minutes. Null when the connection failed
   * (already said); with `rethrow`, failures other than the network are the caller's to explain.
   */
  async busy(status, message, holder, work, rethrow) {
    // Only the buttons enabled now: a pager's "previous" on the first page stays disabled.
    const locked = [...this.root.querySelectorAll("button[data-lock]")].filter((button) => !button.disabled);
    locked.forEach((button) => { button.disabled = true; });
    status.textContent = message;
    try {
      return await work();
    } catch (e) {
      if (rethrow) throw e;
      status.textContent = "";
      focusBox(showProblem(holder, { title: t("rules.network_error") }));
      return null;
    } finally {
      locked.forEach((button) => { button.disabled = false; });
      if (status.textContent === message) status.textContent = "";
    }
  }
}

/** The version in service: every truce names it; failing that, the list of versions marks it. */
async function findActiveVersion() {
  const truces = await api("/api/truces");
  if (truces.ok && Array.isArray(truces.json) && truces.json.length && truces.json[0].ruleset_version) {
    return truces.json[0].ruleset_version;
  }
  for (let page = 0; page < 50; page++) {
    const list = await api(`/api/rulesets?page=${page}&size=200`);
    if (!list.ok || list.json.items.length === 0) break;
    const active = list.json.items.find((version) => version.active);
    if (active) return active.version;
  }
  throw new Error("no version in service found");
}

function section(id, title, ...children) {
  return el("section", { class: "card", id, "aria-labelledby": `${id}-title` },
    el("h2", { id: `${id}-title`, text: title }), children);
}

function fieldWithError(id, label, hint, control) {
  return el("div", { class: "field" },
    el("label", { for: id, text: label }),
    hint ? el("p", { class: "muted rules-hint", id: `${id}-hint`, text: hint }) : null,
    el("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    control);
}


/** A refused candidate: 422 errors as a table of file:line:column and message; any other problem as such. */
function rulesetProblem(holder, answer, heading) {
  const problem = problemOf(answer);
  const errors = problem.errors || [];
  if (!errors.length || !errors.every((error) => "file" in error)) {
    focusBox(showProblem(holder, problem));
    return;
  }
  const box = el("div", { class: "alert", role: "alert" }, el("h3", { text: heading }),
    problem.detail ? el("p", { text: problem.detail }) : null);
  holder.append(box, errorsTable(errors, t("rules.errors_caption")));
  focusBox(box);
}

function errorsTable(errors, caption) {
  return el("div", { class: "table-wrap" }, el("table", { class: "data rules-errors" },
    el("caption", { class: "muted", text: caption }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("rules.col.where") }), el("th", { scope: "col", text: t("rules.col.message") }))),
    el("tbody", {}, errors.map((error) => el("tr", {},
      el("td", {}, el("code", { text: where(error) })),
      el("td", { class: "rules-message", text: error.message }))))));
}

/** file:line:column, leaving out what is unknown (0), as the service writes it in its logs. */
function where(error) {
  return error.file + (error.line > 0 ? `:${error.line}` + (error.column > 0 ? `:${error.column}` : "") : "");
}

/** Stored verdict → candidate verdict counts; the diagonal is what stays, the rest what changes. */
function matrix(counts) {
  const seen = new Set(VERDICTS);
  for (const [from, row] of Object.entries(counts)) {
    seen.add(from);
    Object.keys(row).forEach((to) => seen.add(to));
  }
  const verdicts = [...seen];
  return el("div", { class: "table-wrap" }, el("table", { class: "data rules-matrix", id: "rules-matrix" },
    el("caption", { class: "muted", text: t("rules.matrix_caption") }),
    el("thead", {}, el("tr", {}, el("th", { scope: "col", text: t("rules.matrix_corner") }),
      verdicts.map((to) => el("th", { scope: "col" }, verdictBadge(to))))),
    el("tbody", {}, verdicts.map((from) => el("tr", {},
      el("th", { scope: "row" }, verdictBadge(from)),
      verdicts.map((to) => {
        const count = (counts[from] && counts[from][to]) || 0;
        return el("td", { class: from === to ? "rules-same" : count > 0 ? "changed" : "muted", text: count.toLocaleString() });
      }))))));
}

function pager(label, page, pages, total, go) {
  return el("nav", { class: "filters", "aria-label": label },
    el("button", { class: "btn", type: "button", "data-lock": "", disabled: page <= 0, text: t("app.previous"), onclick: () => go(page - 1) }),
    el("span", { class: "muted", text: t("app.page_of", { page: page + 1, pages, total }) }),
    el("button", { class: "btn", type: "button", "data-lock": "", disabled: page + 1 >= pages, text: t("app.next"), onclick: () => go(page + 1) }));
}

function term(name, value) {
  return [el("dt", { text: name }), el("dd", {}, value)];
}

/** "sha256:3936ab12cd34…": enough to tell versions apart in a table; the full one is in its title. */
function shortVersion(version) {
  if (!version) return t("app.none");
  const [scheme, hash] = version.includes(":") ? version.split(":", 2) : ["", version];
  return hash.length > 12 ? `${scheme ? scheme + ":" : ""}${hash.slice(0, 12)}…` : version;
}

function when(iso) {
  if (!iso) return t("app.none");
  const date = new Date(iso);
  const text = Number.isNaN(date.getTime()) ? iso : date.toLocaleString(document.documentElement.lang || undefined, {
    year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "UTC", timeZoneName: "short" });
  return el("time", { datetime: iso, text });
}

function problemOf(answer) {
  return answer.json || { title: t("app.error"), detail: `${answer.status} ${(answer.text || "").slice(0, 300)}`.trim() };
}

function focusBox(box) {
  box.setAttribute("tabindex", "-1");
  box.focus();
}
