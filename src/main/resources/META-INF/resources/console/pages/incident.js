// One report: as submitted (any version, the fields that changed from the one before marked), each
// truce's verdict with its findings, rule, clause (with the clause's text from the truce's terms)
// and explanation; the reviews; its audit entries with the chain's verification; replay; and, for
// an auditor, the decision (four eyes explained before anyone tries).
import { api, clear, el, hasRole, navigate, session, showProblem, t, verdictBadge } from "/console/app.js";

const FIELDS = ["external_id", "event_date", "occurred_at", "event_type", "sub_event_type", "actor1", "assoc_actor_1",
  "actor2", "assoc_actor_2", "weapon", "civilian_targeting", "fatalities", "country", "admin1", "admin2", "location",
  "latitude", "longitude", "source", "notes"];

export async function render(root, route) {
  const id = route.id;
  const latest = await api(`/api/incidents/${encodeURIComponent(id)}`);
  if (!latest.ok) {
    root.append(el("h1", { text: t("incident.not_found") }));
    showProblem(root, latest.json);
    return;
  }
  const shownVersion = parseInt(route.query.get("version") || latest.json.version, 10);
  const shown = shownVersion === latest.json.version ? latest.json
    : (await api(`/api/incidents/${encodeURIComponent(id)}/versions/${shownVersion}`)).json || latest.json;
  const before = shown.version > 1
    ? (await api(`/api/incidents/${encodeURIComponent(id)}/versions/${shown.version - 1}`)).json : null;

  document.title = t("incident.title", { id: latest.json.external_id });
  root.append(el("h1", {}, t("incident.title", { id: latest.json.external_id }), " ", verdictBadge(shown.verdict)),
    el("p", { class: "muted" }, t("incident.summary", { version: shown.version, versions: latest.json.versions.length,
      status: t(`status.${latest.json.review_status}`), by: shown.submitted_by, at: (shown.received_at || "").replace("T", " ").slice(0, 19) })));

  const columns = el("div", { class: "grid2" });
  root.append(columns);
  columns.append(reportCard(shown, before, latest.json));
  const side = el("div", {});
  columns.append(side);
  side.append(await verdictsCard(shown));

  if (hasRole("auditor")) {
    root.append(decisionCard(latest.json));
  }
  root.append(await reviewsCard(id));
  if (hasRole("auditor") || hasRole("admin")) {
    root.append(replayCard(id, shown.version));
  }
  if (hasRole("auditor")) {
    root.append(await auditCard(id));
  }
  if (hasRole("monitor") && latest.json.versions.some((v) => v.submitted_by === session.name)) {
    root.append(el("p", {}, el("a", { href: `#/correct/${id}`, text: t("incident.correct") })));
  }
}

function reportCard(shown, before, latest) {
  const card = el("section", { class: "card", "aria-labelledby": "report-h" }, el("h2", { id: "report-h", text: t("incident.report") }));
  const versions = el("select", { id: "version", onchange: (event) => navigate(`#/incident/${latest.id}?version=${event.target.value}`) },
    latest.versions.map((v) => el("option", { value: v.version, selected: v.version === shown.version,
      text: t("incident.version_option", { version: v.version, verdict: t(`verdict.${v.verdict}`), by: v.submitted_by }) })));
  card.append(el("div", { class: "field" }, el("label", { for: "version", text: t("incident.version") }), versions));
  if (before) {
    card.append(el("p", { class: "muted", text: t("incident.changes_marked", { version: before.version }) }));
  }
  const list = el("dl", { class: "fields" });
  for (const name of FIELDS) {
    const value = shown.incident[name];
    const previous = before ? before.incident[name] : value;
    if (value === undefined && previous === undefined) continue;
    const changed = before && JSON.stringify(value) !== JSON.stringify(previous);
    list.append(el("dt", { class: changed ? "changed" : null }, t(`field.${name}`), changed ? el("span", { class: "visually-hidden", text: " " + t("incident.changed") }) : null),
      el("dd", { class: changed ? "changed" : null, title: changed ? t("incident.was", { value: previous === undefined ? t("app.none") : String(previous) }) : null,
        text: value === undefined || value === null ? t("app.none") : String(value) }));
  }
  card.append(list);
  const resolved = shown.incident.resolved_actors || [];
  if (resolved.length) {
    card.append(el("h3", { text: t("incident.actors") }), el("ul", {}, resolved.map((a) =>
      el("li", {}, el("code", { text: a.role }), " ", a.as_written, " → ", a.resolved ? a.actor_name : t("incident.unresolved")))));
  }
  return card;
}

async function verdictsCard(shown) {
  const card = el("section", { class: "card", "aria-labelledby": "verdicts-h" }, el("h2", { id: "verdicts-h", text: t("incident.verdicts") }));
  const clauseTexts = new Map();
  // The truces that decided something first; those the report is outside of last.
  const order = ["PROBABLE_VIOLATION", "NEEDS_REVIEW", "NOT_A_VIOLATION", "OUT_OF_SCOPE"];
  const evaluations = [...shown.evaluations].sort((a, b) => order.indexOf(a.verdict) - order.indexOf(b.verdict));
  for (const evaluation of evaluations) {
    const truce = await api(`/api/truces/${encodeURIComponent(evaluation.truce)}`);
    const terms = truce.ok ? truce.json.terms : null;
    for (const clause of (terms && terms.clauses) || []) {
      clauseTexts.set(`${evaluation.truce}/${clause.id}`, clause);
    }
    const section = el("section", { class: "truce", "data-truce": evaluation.truce },
      el("h3", {}, terms ? terms.title : evaluation.truce, " ", verdictBadge(evaluation.verdict)));
    if (evaluation.violating_parties && evaluation.violating_parties.length) {
      section.append(el("p", { text: t("incident.violating", { parties: evaluation.violating_parties.join(", ") }) }));
    } else if (evaluation.verdict === "PROBABLE_VIOLATION") {
      section.append(el("p", { class: "badge", text: t("incident.attribution_open") }));
    }
    for (const finding of evaluation.findings) {
      const clause = clauseTexts.get(`${evaluation.truce}/${finding.clause}`);
      section.append(el("div", { class: `finding finding-${finding.verdict}${finding.answered_by ? " answered" : ""}`, "data-rule": finding.rule },
        el("p", {}, verdictBadge(finding.verdict), " ", el("strong", { text: finding.rule }), " — ",
          t("incident.clause", { clause: finding.clause }), clause && clause.title ? `: ${clause.title}` : ""),
        el("p", { class: "explanation", text: finding.explanation }),
        clause && clause.text ? el("blockquote", { class: "clause", text: clause.text }) : null,
        finding.answered_by ? el("p", { class: "muted", text: t("incident.answered_by", { rule: finding.answered_by }) }) : null));
    }
    card.append(section);
  }
  card.append(el("p", { class: "muted", text: t("incident.ruleset", { version: shown.ruleset_version }) }));
  return card;
}

function decisionCard(latest) {
  const card = el("section", { class: "card", "aria-labelledby": "decide-h" }, el("h2", { id: "decide-h", text: t("incident.decide") }));
  const submitters = new Set(latest.versions.map((v) => v.submitted_by));
  if (submitters.has(session.name)) {
    card.append(el("p", { class: "alert", role: "note", id: "four-eyes", text: t("incident.four_eyes_note") }));
  }
  const result = el("div", { id: "decision-result" });
  const form = el("form", { id: "decide", onsubmit: async (event) => {
    event.preventDefault();
    clear(result);
    const reason = form.elements.reason.value.trim();
    const error = document.getElementById("reason-error");
    error.textContent = "";
    form.elements.reason.removeAttribute("aria-invalid");
    if (!reason) {
      error.textContent = t("incident.reason_required");
      form.elements.reason.setAttribute("aria-invalid", "true");
      form.elements.reason.focus();
      return;
    }
    const body = { decision: form.elements.decision.value, reason };
    const parties = form.elements.parties.value.split(",").map((p) => p.trim()).filter(Boolean);
    if (parties.length) body.violating_parties = parties;
    const answer = await api(`/api/incidents/${encodeURIComponent(latest.id)}/reviews`, { method: "POST", json: body });
    if (answer.ok) {
      result.append(el("p", { class: "alert ok", role: "status", text: t("incident.decided", { decision: t(`decision.${answer.json.decision}`) }) }));
      setTimeout(() => navigate(`#/incident/${latest.id}`), 600);
    } else {
      showProblem(result, answer.json);
    }
  } },
  el("div", { class: "field" }, el("label", { for: "decision", text: t("incident.decision") }),
    el("select", { id: "decision", name: "decision" }, ["CONFIRMED", "DISMISSED", "ESCALATED"].map((d) => el("option", { value: d, text: t(`decision.${d}`) })))),
  el("div", { class: "field" }, el("label", { for: "reason", text: t("incident.reason") }),
    el("textarea", { id: "reason", name: "reason", required: true, "aria-describedby": "reason-error" }),
    el("span", { id: "reason-error", class: "field-error" })),
  el("div", { class: "field" }, el("label", { for: "parties", text: t("incident.parties") }),
    el("input", { id: "parties", name: "parties", "aria-describedby": "parties-hint" }),
    el("span", { id: "parties-hint", class: "muted", text: t("incident.parties_hint") })),
  el("button", { class: "btn btn-primary", type: "submit", text: t("incident.decide_submit") }));
  card.append(form, result);
  return card;
}

async function reviewsCard(id) {
  const card = el("section", { class: "card", "aria-labelledby": "reviews-h" }, el("h2", { id: "reviews-h", text: t("incident.reviews") }));
  const answer = await api(`/api/incidents/${encodeURIComponent(id)}/reviews`);
  const reviews = answer.ok ? answer.json : [];
  if (!reviews.length) {
    card.append(el("p", { class: "muted", text: t("incident.no_reviews") }));
    return card;
  }
  card.append(el("ol", { id: "reviews" }, reviews.map((r) => el("li", {},
    el("strong", { text: t(`decision.${r.decision}`) }), " — ", r.reviewer, ", ", (r.decided_at || "").replace("T", " ").slice(0, 19),
    t("incident.on_version", { version: r.version }), el("br"), r.reason,
    r.violating_parties && r.violating_parties.length ? el("div", { class: "muted", text: t("incident.violating", { parties: r.violating_parties.join(", ") }) }) : null))));
  return card;
}

function replayCard(id, version) {
  const result = el("div", { id: "replay-result", "aria-live": "polite" });
  return el("section", { class: "card", "aria-labelledby": "replay-h" }, el("h2", { id: "replay-h", text: t("incident.replay") }),
    el("p", { class: "muted", text: t("incident.replay_hint") }),
    el("button", { class: "btn", type: "button", id: "replay", text: t("incident.replay_run"), onclick: async () => {
      clear(result);
      result.append(el("p", { class: "muted", text: t("incident.replaying") }));
      const answer = await api(`/api/incidents/${encodeURIComponent(id)}/replay?version=${version}`, { method: "POST" });
      clear(result);
      if (!answer.ok) {
        showProblem(result, answer.json);
        return;
      }
      const r = answer.json;
      result.append(el("p", { class: r.reproduced ? "alert ok" : "alert", text: r.reproduced
        ? t("incident.reproduced", { version: r.under_original.ruleset_version, verdict: t(`verdict.${r.under_original.verdict}`) })
        : t("incident.not_reproduced", { stored: t(`verdict.${r.stored.verdict}`), now: t(`verdict.${r.under_original.verdict}`) }) }),
      el("p", { text: r.changed_today
        ? t("incident.changed_today", { verdict: t(`verdict.${r.under_active.verdict}`), version: r.under_active.ruleset_version })
        : t("incident.same_today") }));
    } }), result);
}

async function auditCard(id) {
  const card = el("section", { class: "card", "aria-labelledby": "audit-h" }, el("h2", { id: "audit-h", text: t("incident.audit") }));
  const [entries, verify] = await Promise.all([api(`/api/audit?incident=${encodeURIComponent(id)}&size=100`), api("/api/audit/verify")]);
  if (verify.ok) {
    card.append(el("p", { id: "chain-mark", class: verify.json.intact ? "chain-ok" : "chain-bad",
      text: verify.json.intact ? t("incident.chain_ok", { entries: verify.json.entries_checked })
        : t("incident.chain_bad", { problem: verify.json.problem || verify.json.failed_check || "" }) }));
  } else {
    showProblem(card, verify.json);
  }
  if (!entries.ok) {
    showProblem(card, entries.json);
    return card;
  }
  card.append(el("div", { class: "table-wrap" }, el("table", { class: "data" },
    el("thead", {}, el("tr", {}, ["seq", "time", "type", "principal"].map((c) => el("th", { scope: "col", text: t(`incident.audit_col.${c}`) })))),
    el("tbody", {}, entries.json.items.map((e) => el("tr", {},
      el("td", { text: e.seq }), el("td", { text: (e.recorded_at || "").replace("T", " ").slice(0, 19) }),
      el("td", {}, el("code", { text: e.type })), el("td", { text: e.principal })))))));
  return card;
}
