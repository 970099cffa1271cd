/**
 * The blueprint JSON schema (Make's help: https://help.make.com/blueprints, https://help.make.com/router).
 * Liberal where Make's exports vary (extra keys, missing `parameters`/`mapper`/`metadata`), strict where a
 * wrong value would make us run the wrong thing (ids, module keys, versions, filter operators' shape,
 * routes).
 */
import type { ErrorObject } from 'ajv';
import type { BlueprintProblem } from '../errors/blueprint-error.ts';
import { schemaValidator } from '../json-schema/validator.ts';

/** Make's "add a module here" canvas slot: `{"id": null, "module": "placeholder:Placeholder"}`. */
export const PLACEHOLDER_MODULE = 'placeholder:Placeholder';

const condition = {
  type: 'object',
  required: ['o'],
  properties: { o: { type: 'string' } },
};

const filter = {
  type: ['object', 'null'],
  properties: {
    name: { type: ['string', 'null'] },
    conditions: { type: 'array', items: { type: 'array', items: condition } },
  },
};

const module = {
  type: 'object',
  required: ['id', 'module'],
  properties: {
    id: { type: ['integer', 'null'], minimum: 1 },
    module: { type: 'string', pattern: '^[^:\\s]+:\\S+$' },
    // Real exports carry version 0 for newer apps (ai-agent:RunAnAIAgent).
    version: { type: 'integer', minimum: 0 },
    parameters: { type: ['object', 'null'] },
    mapper: { type: ['object', 'null', 'array'] },
    filter: { $ref: '#/definitions/filter' },
    flags: { type: ['object', 'null'] },
    metadata: { type: ['object', 'null'] },
    routes: {
      type: 'array',
      items: {
        type: 'object',
        required: ['flow'],
        properties: {
          flow: { $ref: '#/definitions/flow' },
          disabled: { type: 'boolean' },
          fallback: { type: 'boolean' },
        },
      },
    },
    onerror: { $ref: '#/definitions/flow' },
    branches: {
      type: 'array',
      items: {
        type: 'object',
        required: ['type'],
        properties: {
          type: { enum: ['condition', 'else'] },
          label: { type: ['string', 'null'] },
          conditions: { type: ['array', 'null'], items: { type: 'array', items: condition } },
          merge: { type: 'boolean' },
          flow: { $ref: '#/definitions/flow' },
        },
      },
    },
    outputs: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string', minLength: 1 }, mappings: { type: 'array' } },
      },
    },
    filters: { type: 'array', items: { $ref: '#/definitions/filter' } },
  },
  // Only the canvas placeholder may lack an id or a version.
  if: { properties: { module: { const: PLACEHOLDER_MODULE } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema keyword
  then: {},
  else: { required: ['version'], properties: { id: { type: 'integer' } } },
};

const scenarioSettings = {
  type: 'object',
  properties: {
    // 0 occurs in real exports; settings.ts reads it as 1.
    roundtrips: { type: 'integer', minimum: 0 },
    maxErrors: { type: 'integer', minimum: 0 },
    autoCommit: { type: 'boolean' },
    autoCommitTriggerLast: { type: 'boolean' },
    sequential: { type: 'boolean' },
    confidential: { type: 'boolean' },
    dataloss: { type: 'boolean' },
    dlq: { type: 'boolean' },
    freshVariables: { type: 'boolean' },
    slots: { type: ['integer', 'null'], minimum: 1 },
  },
};

export const blueprintSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  required: ['flow'],
  properties: {
    name: { type: 'string' },
    flow: { $ref: '#/definitions/flow' },
    metadata: {
      type: 'object',
      properties: {
        instant: { type: 'boolean' },
        version: { type: 'integer' },
        scenario: scenarioSettings,
        zone: { type: 'string' },
      },
    },
  },
  definitions: { flow: { type: 'array', items: module }, filter },
} as const;

const validate = schemaValidator(blueprintSchema, { allErrors: true, strict: false });

/** Every schema violation, as problems with the blueprint's own JSON pointers. */
export function schemaProblems(blueprint: unknown): BlueprintProblem[] {
  if (validate(blueprint)) return [];
  return (validate.errors ?? []).filter(isReportable).map(toProblem);
}

/** `if` reports only that a `then`/`else` failed; the failing keyword itself is reported too. */
function isReportable(error: ErrorObject): boolean {
  return error.keyword !== 'if';
}

function toProblem(error: ErrorObject): BlueprintProblem {
  const field = error.keyword === 'required' ? `/${String(error.params.missingProperty)}` : '';
  const pointer = `${error.instancePath}${field}`;
  return {
    severity: 'error',
    code: 'schema',
    pointer,
    message: `${pointer || '/'} ${describe(error)}`,
    hint: hintFor(error),
  };
}

function describe(error: ErrorObject): string {
  if (error.keyword === 'required') return 'is required';
  if (error.keyword === 'enum') return `must be one of ${JSON.stringify(error.params.allowedValues)}`;
  return error.message ?? 'is invalid';
}

function hintFor(error: ErrorObject): string {
  if (error.instancePath.endsWith('/module'))
    return 'a module key looks like "app:ModuleName", e.g. "http:MakeRequest"';
  if (error.instancePath.endsWith('/id')) return 'module ids are positive integers, unique in the blueprint';
  if (error.keyword === 'required' && error.params.missingProperty === 'flow')
    return 'a blueprint is {"name", "flow": [modules…], "metadata"} — export it again from Make';
  return 'compare with a fresh export from Make (Scenario ⋯ → Export blueprint)';
}
