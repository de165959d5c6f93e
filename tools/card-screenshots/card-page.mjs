// Writes an HTML page that renders one card template with its data, using the official Adaptive Cards renderer and
// templating engine from tests/node_modules (run `npm ci` in tests/ first), with a Teams-like look at the width of a phone.
// Usage: node card-page.mjs <template.json> <data.json> <out.html> [expand]  (expand: open every Action.ShowCard)
import { readFileSync, writeFileSync } from "node:fs";
import { resolve, dirname } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const [template, data, out, expand] = process.argv.slice(2);
const modules = resolve(dirname(fileURLToPath(import.meta.url)), "../../tests/node_modules");
// The templating engine runs here, in node (its browser bundle needs a global it does not ship); the page only renders.
const { Template } = createRequire(resolve(modules, "package.json"))("adaptivecards-templating");
const expanded = new Template(JSON.parse(readFileSync(template, "utf8"))).expand({ $root: JSON.parse(readFileSync(data, "utf8")) });
const script = (path) => `<script src="${pathToFileURL(resolve(modules, path))}"></script>`;
const hostConfig = {
  fontFamily: "'Segoe UI', 'Noto Sans', sans-serif",
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  actions: { maxActions: 6, buttonSpacing: 8, actionsOrientation: "horizontal", actionAlignment: "stretch", showCard: { actionMode: "inline", inlineTopMargin: 12 } },
  containerStyles: {
    default: { backgroundColor: "#FFFFFF", foregroundColors: { default: { default: "#242424", subtle: "#616161" }, accent: { default: "#5B5FC7", subtle: "#5B5FC7" } } },
    emphasis: { backgroundColor: "#F5F5F5", foregroundColors: { default: { default: "#242424", subtle: "#616161" }, accent: { default: "#5B5FC7", subtle: "#5B5FC7" } } },
  },
};
const html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${pathToFileURL(resolve(modules, "adaptivecards/dist/adaptivecards.css"))}">
<style>
  body { margin: 0; width: 330px; background: #F5F5F5; }
  #card { margin: 8px; border-radius: 6px; overflow: hidden; box-shadow: 0 1px 2px rgba(0,0,0,.15); }
  .ac-pushButton { border: 1px solid #D1D1D1; border-radius: 4px; background: #FFF; color: #242424; padding: 6px 12px; font: 600 14px 'Segoe UI', 'Noto Sans', sans-serif; min-height: 32px; }
</style>
${script("adaptivecards/dist/adaptivecards.min.js")}
</head><body><div id="card"></div><script>
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = new AdaptiveCards.HostConfig(${JSON.stringify(hostConfig)});
  card.parse(${JSON.stringify(expanded)});
  document.getElementById("card").appendChild(card.render());
  ${expand ? 'document.querySelectorAll(".ac-pushButton.expandable").forEach((b) => b.click());' : ""}
  document.title = String(document.body.scrollHeight + 8);
</script></body></html>`;
writeFileSync(out, html);
