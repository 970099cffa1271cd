/**
 * JSON Schemas of the API's parameters and bodies, checked by Fastify (ajv) before a handler runs,
 * and the translation of ajv's findings into Make's error body: 400 "Validation failed for N
 * parameter(s)." with one suberror per problem, worded as Make words them
 * (https://developers.make.com/api-documentation).
 */
import type { FastifySchemaValidationError } from 'fastify';
import { ApiError, validationError } from './errors.ts';

/**
 * `/{id}` path parameters: a whole number (Make answers 400 for `/scenarios/abc`). Routes with an
 * `:id` get it unless they declare their own (server/api/routes.ts); other parameters of the same
 * path (`:executionId`, `:key`) are kept as text.
 */
export const idParams = {
  type: 'object',
  properties: { id: { type: 'integer', minimum: 0 } },
  required: ['id'],
} as const;
export interface IdParams {
  id: number;
}

/** The path parameters `/{id}/…/{name}`: the id as in idParams, and `name` as `schema` says. */
export function idAndParam(name: string, schema: object) {
  return {
    type: 'object',
    properties: { id: idParams.properties.id, [name]: schema },
    required: ['id', name],
  } as const;
}

/**
 * `POST /scenarios/{id}/run` (https://developers.make.com/api-documentation/api-reference/scenarios); the
 * callback URL's policy is checked in run-inputs.ts.
 */
export const runScenarioSchema = {
  params: idParams,
  body: {
    type: ['object', 'null'],
    properties: {
      data: { type: 'object' },
      responsive: { type: 'boolean' },
      callbackUrl: { type: ['string', 'null'] },
    },
  },
} as const;

export type RunScenarioBody =
  | { data?: Record<string, unknown>; responsive?: boolean; callbackUrl?: string | null }
  | null
  | undefined;

/**
 * A blueprint and scheduling travel as JSON-encoded strings
 * (https://developers.make.com/api-documentation/api-reference/scenarios); their type is checked with their
 * content (jsonStringField, scheduling-check.ts) so one answer lists every problem.
 */
const definition = {
  blueprint: {},
  scheduling: {},
  folderId: { type: ['integer', 'null'] },
  // Make's TypeScript SDK sends the blueprint's interface here (server/api/scenario-interface.ts).
  metadata: { type: ['object', 'null'] },
} as const;

/** What the create and update bodies share; `blueprint` and `scheduling` are read by jsonStringField. */
export interface ScenarioDefinitionBody {
  blueprint?: unknown;
  scheduling?: unknown;
  folderId?: number | null;
  metadata?: Record<string, unknown> | null;
}
export interface CreateScenarioBody extends ScenarioDefinitionBody {
  teamId: number;
  basedon?: string;
}
export type UpdateScenarioBody =
  | (ScenarioDefinitionBody & { name?: string; description?: string })
  | null
  | undefined;

export const createScenarioSchema = {
  body: {
    type: 'object',
    properties: { teamId: { type: 'integer' }, basedon: { type: 'string' }, ...definition },
    required: ['teamId', 'blueprint', 'scheduling'],
  },
} as const;

export const updateScenarioSchema = {
  params: idParams,
  body: {
    type: ['object', 'null'],
    properties: {
      name: { type: 'string', maxLength: 120 },
      description: { type: 'string' },
      ...definition,
    },
  },
} as const;

/**
 * `POST /hooks/{id}/set-data` (https://help.make.com/webhooks;
 * https://developers.make.com/api-documentation/api-reference/hooks): the hook options, each optional.
 */
export const setHookDataSchema = {
  params: idParams,
  body: {
    type: 'object',
    properties: {
      headers: { type: 'boolean' },
      method: { type: 'boolean' },
      stringify: { type: 'boolean' },
      ip: { type: ['string', 'null'] },
      apiKeys: { type: 'array', items: { type: 'string', maxLength: 512 } },
      udt: { type: ['integer', 'null'] },
    },
  },
} as const;
export interface SetHookDataBody {
  headers?: boolean;
  method?: boolean;
  stringify?: boolean;
  ip?: string | null;
  apiKeys?: string[];
  udt?: number | null;
}

/**
 * A data structure's name (https://developers.make.com/api-documentation/api-reference/data-structures): text
 * with something besides white space.
 */
const structureName = { type: 'string', minLength: 1, maxLength: 128, pattern: '\\S' } as const;

/**
 * `POST /data-structures` and `PATCH /data-structures/{id}`
 * (https://developers.make.com/api-documentation/api-reference/data-structures). `spec` is checked by the
 * handler field by field (its problems name the field's path), so only its presence is here.
 */
export const createDataStructureSchema = {
  body: {
    type: 'object',
    properties: { name: structureName, teamId: { type: 'integer' }, strict: { type: 'boolean' }, spec: {} },
    required: ['name', 'teamId', 'spec'],
  },
} as const;

export const updateDataStructureSchema = {
  params: idParams,
  body: {
    type: 'object',
    properties: { name: structureName, strict: { type: 'boolean' }, spec: {} },
  },
} as const;

/** `POST /data-structures/{id}/clone`: one local team, so `targetTeamId` is only type-checked. */
export const cloneDataStructureSchema = {
  params: idParams,
  body: {
    type: 'object',
    properties: { name: structureName, targetTeamId: { type: 'integer' } },
    required: ['name'],
  },
} as const;
export interface CloneDataStructureBody {
  name: string;
  targetTeamId?: number;
}

/**
 * ajv's findings (all of them: the API's ajv runs with allErrors, validators.ts) as Make's validation
 * error, one suberror per problem (two findings that word the same, `""` failing both `minLength` and
 * `pattern`, are one). A query number that does not read is Make's own 400, "Invalid key, not parsable
 * to integer" (https://developers.make.com/api-documentation, "HTTP status error codes").
 */
export function schemaError(errors: FastifySchemaValidationError[], context: string | undefined): ApiError {
  const unparsable = context === 'querystring' ? errors.find(isIntegerTypeError) : undefined;
  if (unparsable)
    return new ApiError(400, `Invalid ${parameterName(unparsable, context)}, not parsable to integer.`);
  return validationError([...new Set(errors.map((error) => problemText(error, context)))]);
}

function isIntegerTypeError(error: FastifySchemaValidationError): boolean {
  return error.keyword === 'type' && error.params.type === 'integer';
}

/** `teamId`, `spec.0.name`; a bracket list's item is named by its list (`id[]`, not `id[].1`). */
function parameterName(error: FastifySchemaValidationError, context: string | undefined): string {
  const path = error.instancePath
    .replace(/^\//, '')
    .replace(/(\])\/\d+$/, '$1')
    .replaceAll('/', '.')
    .replaceAll('~1', '/')
    .replaceAll('~0', '~');
  return path || (context === 'body' ? 'body' : String(context ?? 'parameter'));
}

function problemText(error: FastifySchemaValidationError, context: string | undefined): string {
  const { params } = error;
  if (error.keyword === 'required')
    return `Missing value of required parameter '${String(params.missingProperty)}'.`;
  const name = parameterName(error, context);
  switch (error.keyword) {
    case 'type':
      return `Parameter '${name}' must be of type ${String(params.type).replace(',', ' or ')}.`;
    case 'minLength':
    case 'pattern':
      // `minLength: 1` and the pattern `\S` both say "not blank".
      return params.limit === 1 || params.pattern === '\\S'
        ? `Parameter '${name}' must be a non-empty string.`
        : `Parameter '${name}' ${error.message ?? 'is not valid'}.`;
    case 'maxLength':
      return `Parameter '${name}' must be at most ${String(params.limit)} characters.`;
    case 'minimum':
      return `Parameter '${name}' must be at least ${String(params.limit)}.`;
    case 'enum':
      return `Parameter '${name}' must be one of: ${listOf(params.allowedValues)}.`;
    case 'minItems':
      return `Parameter '${name}' must not be empty.`;
    default:
      return `Parameter '${name}' ${error.message ?? 'is not valid'}.`;
  }
}

function listOf(values: unknown): string {
  return Array.isArray(values) ? values.map(String).join(', ') : String(values);
}
