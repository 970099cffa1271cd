/**
 * What a data structure's `spec` may contain
 * (https://developers.make.com/api-documentation/api-reference/data-structures): a
 * list of field objects `{name, type, label?, required?, default?, multiline?, help?, options?, spec?}`,
 * `spec` only on `collection` (a field list) and `array` (one item field, or a field list for
 * items that are collections). Checked with ajv; every problem names its place (`spec/0/type`)
 * and says what to use instead. Keys Make's UI adds that we do not model are kept as given.
 */
import type { ErrorObject } from 'ajv';
import { schemaValidator } from '../../engine/json-schema/validator.ts';
import type { DataStoreField } from '../../engine/ports/data-store.ts';

/**
 * Field types seen in Make's data structures
 * (https://developers.make.com/api-documentation/api-reference/data-structures). Only some are checked in
 * records.
 */
export const FIELD_TYPES = [
  'text',
  'number',
  'boolean',
  'date',
  'json',
  'select',
  'collection',
  'array',
  'buffer',
  'any',
  'uinteger',
] as const;

const field = {
  type: 'object',
  required: ['name', 'type'],
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: FIELD_TYPES },
    label: { type: 'string' },
    required: { type: 'boolean' },
    multiline: { type: 'boolean' },
    help: { type: 'string' },
    options: { type: 'array', items: { type: 'object', required: ['value'] } },
    spec: { anyOf: [{ type: 'array', items: { $ref: '#/$defs/field' } }, { $ref: '#/$defs/field' }] },
  },
} as const;

const validate = schemaValidator(
  { $defs: { field }, type: 'array', items: { $ref: '#/$defs/field' } },
  { allErrors: true, strict: false },
);

export interface SpecProblem {
  /** `<where>/0/type`: the parameter's name (`spec`) or a JSON pointer into a config file. */
  pointer: string;
  /** What is wrong and what to use instead. */
  message: string;
}

/** Problems of a `spec`, each naming its place; empty when valid. */
export function specProblems(spec: unknown, where = 'spec'): SpecProblem[] {
  if (validate(spec)) return semanticProblems(spec as DataStoreField[], where);
  const unique = new Map<string, SpecProblem>();
  for (const error of (validate.errors ?? []).filter(reportable)) {
    const problem = describe(error, where);
    unique.set(`${problem.pointer} ${problem.message}`, problem);
  }
  return [...unique.values()];
}

/** `spec/0/type: not a Make field type; …` — one line for an API suberror. */
export function problemText(problem: SpecProblem): string {
  return `${problem.pointer}: ${problem.message}`;
}

/** `anyOf` restates its branches' errors; the branch errors say more. */
function reportable(error: ErrorObject): boolean {
  return error.keyword !== 'anyOf' && error.keyword !== '$ref';
}

function describe(error: ErrorObject, where: string): SpecProblem {
  const params = error.params as Record<string, unknown>;
  const pointer = `${where}${error.instancePath}`;
  switch (error.keyword) {
    case 'required':
      return {
        pointer: `${pointer}/${String(params.missingProperty)}`,
        message: 'missing; every field needs a name and a type',
      };
    case 'enum':
      return { pointer, message: `not a Make field type; use one of ${FIELD_TYPES.join(', ')}` };
    case 'minLength':
      return { pointer, message: 'must not be empty' };
    default:
      return { pointer, message: error.message ?? 'invalid' };
  }
}

/** What JSON Schema cannot say: unique names per level, `spec` only where Make nests fields. */
function semanticProblems(fields: readonly DataStoreField[], where: string): SpecProblem[] {
  const problems: SpecProblem[] = [];
  const seen = new Set<string>();
  fields.forEach((f, index) => {
    const place = `${where}/${index}`;
    if (seen.has(f.name))
      problems.push({ pointer: `${place}/name`, message: `duplicate field name '${f.name}'; rename one` });
    seen.add(f.name);
    problems.push(...nestedProblems(f, place));
  });
  return problems;
}

function nestedProblems(f: DataStoreField, place: string): SpecProblem[] {
  if (f.spec === undefined) return [];
  const pointer = `${place}/spec`;
  if (f.type === 'collection' && !Array.isArray(f.spec))
    return [{ pointer, message: "a collection's spec must be a list of fields" }];
  if (f.type !== 'collection' && f.type !== 'array')
    return [{ pointer, message: 'only collection and array fields have a nested spec; remove it' }];
  return Array.isArray(f.spec) ? semanticProblems(f.spec, pointer) : nestedProblems(f.spec, pointer);
}
