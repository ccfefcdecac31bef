// Message bundles: every visible string of the console comes from /console/i18n/<lang>/<bundle>.json.
// English is complete; another language falls back to English key by key. Arabic is written
// right to left: the document's dir follows the language.
const texts = new Map();
const RTL = new Set(["ar", "fa", "he", "ur"]);

export function language() {
  const asked = (localStorage.getItem("trucewatch.lang") || navigator.language || "en").slice(0, 2).toLowerCase();
  return asked;
}

export async function loadBundles(names) {
  const lang = language();
  const langs = lang === "en" ? ["en"] : ["en", lang];
  for (const l of langs) {
    await Promise.all(names.map(async (name) => {
      const answer = await fetch(`/console/i18n/${l}/${name}.json`, { credentials: "same-origin" });
      if (answer.ok) {
        for (const [key, text] of Object.entries(await answer.json())) {
          texts.set(key, text);
        }
      }
    }));
  }
  document.documentElement.lang = lang;
  document.documentElement.dir = RTL.has(lang) ? "rtl" : "ltr";
}

export function t(key, params) {
  let text = texts.has(key) ? texts.get(key) : key;
  if (params) {
    for (const [name, value] of Object.entries(params)) {
      text = text.replaceAll(`{${name}}`, String(value));
    }
  }
  return text;
}
