// Validates a Teams app manifest against the official JSON schema that npm @microsoft/app-manifest ships, for the
// manifestVersion the manifest itself declares.
//
// stdin:  { "manifest": { ... } }
// stdout: { "manifestVersion": "1.30", "schemaFound": true, "errors": ["/bots/0/botId must match pattern ..."] }
//
// The Teams schemas are JSON Schema draft-04, which plain Ajv 8 does not understand; ajv-draft-04 is Ajv's own
// draft-04 flavour (on the same Ajv 8) and is what @microsoft/app-manifest validates with, so it is loaded
// through that package's dependencies. Options mirror the package's own validator (allErrors, lenient strict
// mode, ajv-formats).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fromAppManifest = createRequire(require.resolve('@microsoft/app-manifest/package.json'));
const Ajv04 = fromAppManifest('ajv-draft-04');
const addFormats = require('ajv-formats');

const input = JSON.parse(readFileSync(0, 'utf8'));
const manifest = input.manifest;
const version = typeof manifest?.manifestVersion === 'string' ? manifest.manifestVersion : '';

const schemaPath = version
  ? require.resolve('@microsoft/app-manifest/package.json').replace(
      /package\.json$/,
      `build/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`)
  : '';

if (!/^\d+\.\d+$/.test(version) || !existsSync(schemaPath)) {
  process.stdout.write(JSON.stringify({
    manifestVersion: version,
    schemaFound: false,
    errors: [`no schema in @microsoft/app-manifest for manifestVersion '${version}'`],
  }));
} else {
  // Older published schemas held a "\a" escape that JavaScript regexes reject; the package works around it
  // the same way when it downloads a schema.
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\x07'));
  const Ajv = Ajv04.default ?? Ajv04;
  const ajv = new Ajv({ allErrors: true, strict: false });
  (addFormats.default ?? addFormats)(ajv);
  const validate = ajv.compile(schema);
  const valid = validate(manifest);
  const errors = valid
    ? []
    : validate.errors.map(e => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`.trim());
  process.stdout.write(JSON.stringify({ manifestVersion: version, schemaFound: true, errors }));
}
