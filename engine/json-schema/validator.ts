/**
 * JSON Schema validators (ajv), compiled on first use rather than when their module is imported,
 * and in the built package not compiled at all. Every command imports several schema modules
 * (blueprint, config, test file, data structures, scheduling); compiling one costs tens of ms of
 * CPU and loading ajv's compiler more, which `makesim` paid at each start (issue 14 §2,
 * bench/cli.bench.ts). So:
 * - `npm run build` writes each schema's validator as standalone code (ajv's "standalone
 *   validation code") to dist/engine/json-schema/precompiled/<key>.cjs, the key being a hash of
 *   the schema and its options: a validator is used only for the exact schema it was made from.
 * - Without one (from the sources, or a schema made at run time) ajv compiles it on first use,
 *   skipping the meta-schema check (a test checks every schema instead:
 *   test/unit/json-schema/validator.test.ts) and the code optimiser, which halves compile time.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, Options } from 'ajv';

/** A compiled-on-demand validator: call it like ajv's, then read `errors`. */
export interface SchemaValidator<T> {
  (data: unknown): data is T;
  errors: ErrorObject[] | null | undefined;
}

export interface DefinedSchema {
  readonly schema: object;
  readonly options: Options;
  readonly key: string;
}

type Compiled = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const require = createRequire(import.meta.url);

/** Every schema defined so far: for the build (precompiled/) and the meta-schema test. */
export const definedSchemas: DefinedSchema[] = [];

export function schemaKey(schema: object, options: Options): string {
  return createHash('sha256')
    .update(JSON.stringify([schema, options]))
    .digest('hex')
    .slice(0, 20);
}

export function schemaValidator<T = unknown>(schema: object, options: Options = {}): SchemaValidator<T> {
  const defined = { schema, options, key: schemaKey(schema, options) };
  definedSchemas.push(defined);
  let compiled: Compiled | undefined;
  const validate = ((data: unknown) => {
    compiled ??= precompiled(defined.key) ?? compile(schema, options);
    const valid = compiled(data);
    validate.errors = compiled.errors;
    return valid;
  }) as SchemaValidator<T>;
  validate.errors = null;
  return validate;
}

function precompiled(key: string): Compiled | undefined {
  const file = fileURLToPath(new URL(`./precompiled/${key}.cjs`, import.meta.url));
  return existsSync(file) ? (require(file) as Compiled) : undefined;
}

function compile(schema: object, options: Options): Compiled {
  const { Ajv } = require('ajv') as typeof import('ajv');
  return new Ajv({ ...options, validateSchema: false, code: { optimize: false } }).compile(schema);
}
