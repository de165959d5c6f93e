// Expands Adaptive Card templates with the official templating engine (npm adaptivecards-templating) and parses
// the result with the official card parser (npm adaptivecards), so the .NET tests can compare our renderer with
// the reference and prove every card is valid schema 1.5.
//
// stdin:  { "cases": [ { "name": "...", "template": { ... }, "data": { ... } } ] }
// stdout: { "results": [ { "name", "expanded", "warnings": [ "..." ], "templateWarnings": [ "..." ], "error" } ] }
//
// `warnings` holds every parse and validation event of the official parser plus properties it does not know;
// `templateWarnings` holds the templating engine's own notes (it also reports every $when that is false, so they
// are informational). `error` is set when the official engine throws; `expanded` is then null.

import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
// The package's lib/ entry fails to import in node; the bundled dist file works.
const AC = require("adaptivecards/dist/adaptivecards.js");
const { Template } = require("adaptivecards-templating");

// stdout carries the JSON answer only: anything a library logs goes to stderr.
for (const method of ["log", "info", "warn", "debug"]) {
  console[method] = (...args) => process.stderr.write(args.join(" ") + "\n");
}

// Members every element or action may carry that the parser reads outside its property schema (collections and
// fallback) or that Teams adds to the card (msteams: full width, mentions).
const parsedOutsideSchema = new Set(["type", "body", "actions", "items", "columns", "inlines", "card", "fallback"]);
const cardExtensions = new Set(["msteams"]);

async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function describe(event) {
  return `${AC.ValidationPhase[event.phase]}/${AC.ValidationEvent[event.event]}: ${event.message}`;
}

// The parser silently drops members it does not know (a typo such as "wrapp" or a leftover "$when"); report them.
function unknownMembers(cardObject, source, extraKnown = new Set()) {
  const schema = cardObject.getSchema();
  const known = new Set(parsedOutsideSchema);
  for (let i = 0; i < schema.getCount(); i++) {
    known.add(schema.getItemAt(i).name);
  }
  return Object.keys(source)
    .filter((key) => !known.has(key) && !extraKnown.has(key))
    .map((key) => `Parse/UnknownProperty: "${key}" is not a property of ${cardObject.getJsonTypeName()}.`);
}

function check(card) {
  if (typeof card !== "object" || card === null || Array.isArray(card)) {
    return ["Expansion is not a single card object."];
  }

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const unknown = [];
  context.onParseElement = (element, source) => unknown.push(...unknownMembers(element, source));
  context.onParseAction = (action, source) => unknown.push(...unknownMembers(action, source));

  const parsed = new AC.AdaptiveCard();
  parsed.parse(card, context);
  unknown.push(...unknownMembers(parsed, card, cardExtensions));

  const warnings = [];
  for (let i = 0; i < context.eventCount; i++) {
    warnings.push(describe(context.getEventAt(i)));
  }
  warnings.push(...parsed.validateProperties().validationEvents.map(describe));
  warnings.push(...unknown);
  return warnings;
}

function run({ name, template, data }) {
  const engine = new Template(template);
  let expanded;
  try {
    expanded = engine.expand({ $root: data });
  } catch (error) {
    return { name, expanded: null, warnings: [], templateWarnings: [], error: String(error?.message ?? error) };
  }
  return {
    name,
    expanded: expanded ?? null,
    warnings: check(expanded),
    templateWarnings: engine.getLastTemplateExpansionWarnings(),
    error: null,
  };
}

const input = JSON.parse(await readStdin());
const results = input.cases.map(run);
process.stdout.write(JSON.stringify({ results }));
