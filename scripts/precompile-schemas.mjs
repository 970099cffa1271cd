// Part of `npm run build`: every JSON schema defined through engine/json-schema/validator.ts, as
// ajv standalone validation code in dist/engine/json-schema/precompiled/<key>.cjs, so the built
// CLI neither loads ajv's compiler nor compiles at start-up. The schemas are found by importing
// the built library and every built command (which reach all the rest); a schema this misses is
// still compiled on first use, only more slowly.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const { Ajv } = require('ajv');
const standaloneCode = require('ajv/dist/standalone').default;

export async function precompileSchemas(dist) {
  const commands = join(dist, 'cli', 'commands');
  const entries = [
    join(dist, 'index.js'),
    ...readdirSync(commands)
      .filter((f) => f.endsWith('.js'))
      .map((f) => join(commands, f)),
  ];
  for (const entry of entries) await import(pathToFileURL(entry).href);
  const { definedSchemas } = await import(
    pathToFileURL(join(dist, 'engine', 'json-schema', 'validator.js')).href
  );
  const out = join(dist, 'engine', 'json-schema', 'precompiled');
  mkdirSync(out, { recursive: true });
  const keys = new Set();
  for (const { schema, options, key } of definedSchemas) {
    if (keys.has(key)) continue;
    keys.add(key);
    const ajv = new Ajv({ ...options, code: { ...options.code, source: true } });
    writeFileSync(join(out, `${key}.cjs`), standaloneCode(ajv, ajv.compile(schema)));
  }
  return keys.size;
}
