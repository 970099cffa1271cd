/**
 * Data structure checks for data store records (Make's help: https://help.make.com/data-stores;
 * Workfront Fusion docs, item data types). Mapped values are first converted to the field's type the way
 * Make's mapping converts them (numeric text → number, dates → ISO text), then checked with ajv:
 * required fields, types, and — for a strict structure — no fields outside it.
 * A record that breaks the structure fails with BundleValidationError.
 */
import { createRequire } from 'node:module';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { MakeError } from '../../engine/errors/make-error.ts';
import type { DataStoreField } from '../../engine/ports/data-store.ts';
import { coerceRecord } from './coerce-field.ts';

export interface Structure {
  strict: boolean;
  fields: DataStoreField[];
}

type JsonSchema = Record<string, unknown>;

let ajv: Ajv | undefined;

/** Made on the first record checked: most runs check none, and ajv costs start-up time (issue 14 §2). */
function structureAjv(): Ajv {
  if (ajv) return ajv;
  const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
  // ownProperties: a field named `__proto__` or `constructor` is a plain own key, never inherited.
  // validateSchema off: objectSchema builds only valid schemas (field names are unique, checked in
  // structure-spec.ts), and checking them compiled the draft-07 meta-schema first, ~20 ms in
  // every thread's first data store write (bench/test-workers.bench.ts).
  ajv = new Ajv({ allErrors: true, strict: false, ownProperties: true, validateSchema: false });
  ajv.addFormat('make-date', (text: string) => !Number.isNaN(Date.parse(text)));
  return ajv;
}

/** By structure object: the same object (a config's store, read once) skips building the schema. */
const byStructure = new WeakMap<Structure, ValidateFunction>();

/**
 * By the schema's JSON text: a structure read again (another case, another config read) reuses
 * the validator. Bounded, oldest first out, so a long suite or server does not keep every
 * structure it ever saw (issue 14 §4).
 */
const bySchema = new Map<string, ValidateFunction>();
export const MAX_CACHED_STRUCTURES = 64;

function fieldSchema(field: DataStoreField, strict: boolean): JsonSchema {
  const base = typeSchema(field, strict);
  return field.required ? base : { anyOf: [base, { type: 'null' }] };
}

function typeSchema(field: DataStoreField, strict: boolean): JsonSchema {
  switch (field.type) {
    case 'text':
    case 'buffer':
      return { type: 'string' };
    case 'number':
      return { type: 'number' };
    case 'boolean':
      return { type: 'boolean' };
    case 'date':
      return { type: 'string', format: 'make-date' };
    case 'collection':
      return objectSchema(Array.isArray(field.spec) ? field.spec : [], strict && Array.isArray(field.spec));
    case 'array':
      return { type: 'array', items: itemSchema(field.spec, strict) };
    default:
      return {};
  }
}

/** An array's `spec` is one field (the item type) or a field list (items are collections). */
function itemSchema(spec: DataStoreField['spec'], strict: boolean): JsonSchema {
  if (spec === undefined) return {};
  if (Array.isArray(spec)) return objectSchema(spec, strict);
  return typeSchema(spec, strict);
}

function objectSchema(fields: readonly DataStoreField[], strict: boolean): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((f) => [f.name, fieldSchema(f, strict)])),
    required: fields.filter((f) => f.required).map((f) => f.name),
    ...(strict ? { additionalProperties: false } : {}),
  };
}

function validatorFor(structure: Structure): ValidateFunction {
  let validate = byStructure.get(structure);
  if (validate === undefined) {
    validate = validatorForSchema(objectSchema(structure.fields, structure.strict));
    byStructure.set(structure, validate);
  }
  return validate;
}

function validatorForSchema(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = bySchema.get(key);
  if (validate !== undefined) {
    // Most recently used goes last, so the first key is the one to drop.
    bySchema.delete(key);
  } else {
    const ajv = structureAjv();
    validate = ajv.compile(schema);
    // ajv keeps every schema it compiled (keyed by the object); this cache is the only keeper.
    ajv.removeSchema(schema);
    if (bySchema.size >= MAX_CACHED_STRUCTURES) bySchema.delete(bySchema.keys().next().value as string);
  }
  bySchema.set(key, validate);
  return validate;
}

/** How many validators are kept (tests: the cache stays bounded). */
export function cachedStructureCount(): number {
  return bySchema.size;
}

/**
 * Converts `data` to the structure's types, fills defaults of absent fields, and checks it.
 * Without a structure the record is stored as given. Returns a new object; `data` is untouched.
 */
export function applyStructure(
  structure: Structure | undefined,
  data: Record<string, unknown>,
  where: { store: string; key: string },
): Record<string, unknown> {
  if (structure === undefined) return data;
  const record = coerceRecord(structure.fields, data);
  const validate = validatorFor(structure);
  if (!validate(record)) throw structureError(validate.errors ?? [], where);
  return record;
}

function structureError(errors: readonly ErrorObject[], where: { store: string; key: string }): MakeError {
  const problems = errors
    // An optional field's schema is `anyOf [type, null]`: the null branch's complaint adds nothing.
    .filter(
      (e) =>
        e.keyword !== 'anyOf' && !(e.keyword === 'type' && (e.params as { type?: unknown }).type === 'null'),
    )
    .map((e) => {
      const params = e.params as Record<string, unknown>;
      if (e.keyword === 'additionalProperties') {
        return `${e.instancePath}/${String(params.additionalProperty)}: not in the strict data structure`;
      }
      if (e.keyword === 'required') return `${e.instancePath}/${String(params.missingProperty)}: required`;
      return `${e.instancePath || '/'}: ${e.keyword === 'format' ? 'not a date' : (e.message ?? 'invalid')}`;
    });
  return new MakeError(
    'BundleValidationError',
    `Data store "${where.store}", record "${where.key}" does not match the data structure: ${[...new Set(problems)].join('; ')}.`,
    {
      store: where.store,
      key: where.key,
      problems,
      hint: 'map values of the field types, or change the data structure',
    },
  );
}
