// The sign-in page: its texts from the "login" bundle, and the notice the address asks for
// (?error after a failed sign-in, ?expired when a session ended).
import { loadBundles, t } from "/console/i18n.js";

await loadBundles(["login"]);
for (const node of document.querySelectorAll("[data-i18n]")) {
  node.textContent = t(node.dataset.i18n);
}
document.title = t("login.page_title");
const query = new URLSearchParams(location.search);
document.getElementById("error").hidden = !query.has("error");
document.getElementById("expired").hidden = !query.has("expired");
document.getElementById("limited").hidden = !query.has("limited");
