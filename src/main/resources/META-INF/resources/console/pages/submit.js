// A new incident report (#/submit) or a correction of one (#/correct/<id>): every field of
// CONTRACT §1, named exactly as the API takes them. The service is the only judge of what is valid
// (the form has novalidate): a 400 names every offending field, and each message is shown next to
// its field and in a summary at the top, so one round trip shows all that needs fixing.
import { api, clear, el, fieldErrors, navigate, session, showProblem, t, useCss, setFieldError } from "/console/app.js";

// ACLED's event types and the sub-event types of each, as the service checks reports against them
// (GET /api/vocabulary/event-types, from incidents/EventVocabulary): loaded when the page opens.
let VOCABULARY = {};

// The weapons CONTRACT §1 names as examples. Suggestions only: the API reads any phrase.
const WEAPON_EXAMPLES = ["barrel bomb", "air strike", "artillery", "rocket", "mortar", "atgm", "small arms", "chemical", "ied"];

// Fields in the order a monitor fills them in, grouped as a form reads best. `kind` decides the
// control and how its text becomes JSON (see valueOf).
const GROUPS = [
  { name: "report", fields: [{ name: "external_id", max: 128 }] },
  { name: "when", fields: [{ name: "event_date", kind: "date" }, { name: "occurred_at" },
    { name: "time_precision", kind: "precision" }] },
  { name: "what", fields: [{ name: "event_type", kind: "event_type", required: true },
    { name: "sub_event_type", kind: "sub_event_type", required: true }, { name: "weapon", list: "submit-weapons" },
    { name: "civilian_targeting", kind: "boolean" }, { name: "fatalities", kind: "integer" }] },
  { name: "who", fields: [{ name: "actor1", required: true, list: "submit-actors" }, { name: "assoc_actor_1" },
    { name: "actor2", list: "submit-actors" }, { name: "assoc_actor_2" }] },
  { name: "where", fields: [{ name: "country" }, { name: "admin1" }, { name: "admin2" }, { name: "admin3" },
    { name: "location" }, { name: "latitude", kind: "decimal" }, { name: "longitude", kind: "decimal" },
    { name: "geo_precision", kind: "precision" }] },
  { name: "source", fields: [{ name: "source" }, { name: "source_scale" },
    { name: "notes", kind: "textarea", max: 10000, wide: true }] },
];
const FIELDS = GROUPS.flatMap((group) => group.fields);
const HINTED = new Set(["external_id", "event_date", "occurred_at", "time_precision", "weapon", "actor1",
  "assoc_actor_1", "actor2", "assoc_actor_2", "admin1", "latitude", "geo_precision", "notes"]);
const TEXT_MAX = 1000;
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export async function render(root, route) {
  useCss("/console/pages/submit.css");
  const vocabulary = await api("/api/vocabulary/event-types");
  VOCABULARY = vocabulary.ok ? vocabulary.json : {};
  const correcting = route.name === "correct";
  document.title = t(correcting ? "submit.correct_page_title" : "submit.page_title");
  root.append(el("h1", { text: t(correcting ? "submit.correct_title" : "submit.title") }));

  let stored = null;
  if (correcting) {
    stored = await loadForCorrection(root, route.id);
    if (!stored) return;
  } else {
    root.append(el("p", { class: "muted", text: t("submit.intro") }));
  }

  const target = correcting ? `/api/incidents/${encodeURIComponent(stored.id)}/versions` : "/api/incidents";
  const summary = el("div", { id: "submit-summary" });
  const status = el("p", { class: "muted", role: "status", id: "submit-status" });
  const button = el("button", { class: "btn btn-primary", type: "submit",
    text: t(correcting ? "submit.send_correction" : "submit.send") });
  const form = el("form", { class: "submit-form", novalidate: true, "aria-describedby": "submit-required-note" },
    el("p", { class: "muted", id: "submit-required-note", text: t("submit.required_note") }),
    GROUPS.map(fieldset),
    el("datalist", { id: "submit-weapons" }, WEAPON_EXAMPLES.map((weapon) => el("option", { value: weapon }))),
    el("datalist", { id: "submit-actors" }),
    el("div", { class: "submit-actions" }, button,
      el("a", { href: correcting ? `#/incident/${encodeURIComponent(stored.id)}` : "#/mine", text: t("submit.cancel") })),
    status);
  root.append(summary, form);

  const typeSelect = form.querySelector("#submit-event_type");
  const subSelect = form.querySelector("#submit-sub_event_type");
  typeSelect.addEventListener("change", () => fillSubTypes(typeSelect, subSelect));
  fillSubTypes(typeSelect, subSelect);
  if (stored) prefill(form, stored.incident || {});
  suggestActors(form.querySelector("#submit-actors"));

  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.disabled = true;
    form.setAttribute("aria-busy", "true");
    status.textContent = t("submit.sending");
    clear(summary);
    markErrors(form, new Map());
    try {
      const answer = await api(target, { method: "POST", json: reportFrom(form) });
      status.textContent = "";
      if (answer.status === 201 || (answer.status === 200 && !correcting)) {
        // 200 on a first submission: the same report was stored before; show the stored one.
        navigate(`#/incident/${encodeURIComponent(answer.json.id)}`);
        return;
      }
      if (answer.status === 200) {
        const note = el("div", { class: "alert ok", tabindex: "-1" }, t("submit.unchanged"), " ",
          el("a", { href: `#/incident/${encodeURIComponent(stored.id)}`, text: t("submit.back_to_report") }));
        summary.append(note);
        note.focus();
        return;
      }
      showErrors(form, summary, answer);
    } catch (e) {
      status.textContent = "";
      focusBox(showProblem(summary, { title: t("submit.network_error") }));
    } finally {
      busy = false;
      button.disabled = false;
      form.removeAttribute("aria-busy");
    }
  });
}

/** The report to correct, or null (with the reason shown) when it cannot be corrected here. */
async function loadForCorrection(root, id) {
  if (!id) {
    root.append(el("p", { text: t("submit.no_id") }), el("p", {}, el("a", { href: "#/mine", text: t("submit.to_mine") })));
    return null;
  }
  const answer = await api(`/api/incidents/${encodeURIComponent(id)}`);
  if (!answer.ok) {
    showProblem(root, answer.json || { title: t("app.error"), detail: String(answer.status) });
    return null;
  }
  const stored = answer.json;
  const name = stored.external_id || stored.id;
  const link = el("a", { href: `#/incident/${encodeURIComponent(stored.id)}`, text: t("submit.back_to_report") });
  // Only the monitor who submitted the report may correct it (the API answers 403 to anyone else):
  // rather than a form that cannot be sent, say who can.
  if (stored.submitted_by !== session.name) {
    root.append(el("p", { text: t("submit.not_submitter", { name, submitter: stored.submitted_by }) }), el("p", {}, link));
    return null;
  }
  root.append(el("p", { text: t("submit.correct_intro", { name, version: stored.version, next: stored.version + 1 }) }),
    el("p", {}, link));
  return stored;
}

function fieldset(group) {
  return el("fieldset", {}, el("legend", { text: t(`submit.group.${group.name}`) }),
    el("div", { class: "grid2" }, group.fields.map(fieldBlock)));
}

function fieldBlock(field) {
  const id = `submit-${field.name}`;
  return el("div", { class: field.wide ? "field submit-wide" : "field" },
    el("label", { for: id }, t(`submit.field.${field.name}`),
      field.required ? el("span", { class: "submit-required", text: ` (${t("submit.required")})` }) : null),
    HINTED.has(field.name) ? el("p", { class: "muted submit-hint", id: `${id}-hint`, text: t(`submit.hint.${field.name}`) }) : null,
    el("p", { class: "field-error", id: `${id}-error`, hidden: true }),
    control(field, id));
}

function control(field, id) {
  const common = { id, name: field.name, required: field.required || null,
    "aria-describedby": HINTED.has(field.name) ? `${id}-hint` : null };
  switch (field.kind) {
    case "date":
      return el("input", { ...common, type: "date" });
    case "decimal":
      return el("input", { ...common, type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false" });
    case "integer":
      return el("input", { ...common, type: "text", inputmode: "numeric", autocomplete: "off" });
    case "precision":
      return el("select", common, option("", t(`submit.${field.name}.none`)),
        ["1", "2", "3"].map((n) => option(n, t(`submit.${field.name}.${n}`))));
    case "boolean":
      return el("select", common, option("", t("submit.civilian_targeting.none")),
        option("true", t("submit.civilian_targeting.true")), option("false", t("submit.civilian_targeting.false")));
    case "event_type":
      return el("select", common, option("", t("submit.event_type.choose")),
        Object.keys(VOCABULARY).map((type) => option(type, vocabularyLabel(type))));
    case "sub_event_type":
      return el("select", common);
    case "textarea":
      return el("textarea", { ...common, maxlength: String(field.max), rows: "6" });
    default:
      return el("input", { ...common, type: "text", maxlength: String(field.max || TEXT_MAX), list: field.list || null,
        autocomplete: "off" });
  }
}

function option(value, text) {
  return el("option", { value, text });
}

/** An ACLED term as shown: translated where the bundle has it, else the canonical spelling the API uses. */
function vocabularyLabel(value) {
  const key = `submit.vocab.${value}`;
  const text = t(key);
  return text === key ? value : text;
}

function fillSubTypes(typeSelect, subSelect) {
  const kept = subSelect.value;
  clear(subSelect);
  subSelect.append(option("", t(typeSelect.value ? "submit.sub_event_type.choose" : "submit.sub_event_type.type_first")));
  for (const sub of VOCABULARY[typeSelect.value] || []) subSelect.append(option(sub, vocabularyLabel(sub)));
  if ([...subSelect.options].some((o) => o.value === kept)) subSelect.value = kept;
}

/** The stored report (normalised, nulls left out) put back into the form, field by field. */
function prefill(form, incident) {
  for (const field of FIELDS) {
    const value = incident[field.name];
    if (value === undefined || value === null) continue;
    const input = form.querySelector(`#submit-${field.name}`);
    const text = String(value);
    if (input.tagName === "SELECT" && ![...input.options].some((o) => o.value === text)) {
      input.append(option(text, vocabularyLabel(text)));
    }
    input.value = text;
    if (field.name === "event_type") fillSubTypes(input, form.querySelector("#submit-sub_event_type"));
  }
  // A correction keeps the report's own id: the API refuses a different one.
  const externalId = form.querySelector("#submit-external_id");
  externalId.readOnly = true;
  form.querySelector("#submit-external_id-hint").textContent = t("submit.hint.external_id_fixed");
}

/** The JSON body: empty fields left out (absent, as the contract's optional fields are). */
function reportFrom(form) {
  const report = {};
  for (const field of FIELDS) {
    const raw = form.querySelector(`#submit-${field.name}`).value.trim();
    if (raw !== "") report[field.name] = valueOf(field, raw);
  }
  return report;
}

/**
 * Text typed into a number field is sent as a number when it reads as one, and as the text
 * otherwise, so the API names the field ("must be a number") instead of the form dropping it.
 */
function valueOf(field, raw) {
  switch (field.kind) {
    case "decimal": {
      const dotted = raw.replace(/^([-+]?\d*),(\d+)$/, "$1.$2"); // a decimal comma, as many keyboards type it
      const number = Number(dotted);
      return DECIMAL.test(dotted) && Number.isFinite(number) ? number : raw;
    }
    case "integer": {
      const number = Number(raw);
      return /^[-+]?\d+$/.test(raw) && Number.isFinite(number) ? number : raw;
    }
    case "precision":
      return Number(raw);
    case "boolean":
      return raw === "true";
    default:
      return raw;
  }
}

function showErrors(form, summary, answer) {
  const problem = answer.json || { title: t("app.error"), detail: String(answer.status) };
  const errors = fieldErrors(problem);
  if (answer.status !== 400 || errors.size === 0) {
    focusBox(showProblem(summary, problem));
    return;
  }
  markErrors(form, errors);
  const items = [...errors].map(([name, message]) => {
    const input = FIELDS.some((f) => f.name === name) ? form.querySelector(`#submit-${name}`) : null;
    if (!input) return el("li", {}, el("code", { text: name }), ": ", message);
    return el("li", {}, el("a", { href: `#submit-${name}`, onclick: (event) => {
      // A plain fragment link would change the route: move the focus instead.
      event.preventDefault();
      input.focus();
      input.scrollIntoView({ block: "center" });
    } }, `${t(`submit.field.${name}`)}: ${message}`));
  });
  focusBox(summary.appendChild(el("div", { class: "alert", role: "alert" },
    el("h2", { text: t("submit.summary_title", { count: errors.size }) }),
    problem.detail ? el("p", { text: problem.detail }) : null,
    el("ul", {}, items))));
}

/** Each field's message next to it, announced with the field (aria-describedby); cleared otherwise. */
function markErrors(form, errors) {
  for (const field of FIELDS) {
    const id = `submit-${field.name}`;
    setFieldError(form, id, errors.get(field.name));
  }
}

function focusBox(box) {
  box.setAttribute("tabindex", "-1");
  box.focus();
}

/** The registry's actor names as suggestions for actor1 and actor2; the form works without them. */
function suggestActors(list) {
  api("/api/actors").then((answer) => {
    if (!answer.ok || !Array.isArray(answer.json)) return;
    const names = [...new Set(answer.json.map((actor) => actor.name).filter(Boolean))].sort();
    list.append(...names.map((name) => el("option", { value: name })));
  }).catch(() => {});
}
