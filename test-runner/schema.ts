/** JSON schema of test files (test-runner/types.ts), so a typo gets a pointer, not a silent pass. */
import type { ErrorObject } from 'ajv';
import { schemaValidator } from '../engine/json-schema/validator.ts';

const obj = { type: 'object' } as const;
/** A mock response's `when`: a deep-partial object over the mapped input, or a jsonata expression. */
const when = { type: ['object', 'string'] };
const mockResponse = {
  oneOf: [
    {
      type: 'object',
      required: ['output'],
      properties: { output: { type: ['object', 'array'] }, when },
      additionalProperties: false,
    },
    {
      type: 'object',
      required: ['error'],
      additionalProperties: false,
      properties: {
        when,
        error: {
          type: 'object',
          required: ['type'],
          properties: { type: { type: 'string' }, message: { type: 'string' } },
          additionalProperties: false,
        },
      },
    },
  ],
};
const mocks = {
  type: 'object',
  additionalProperties: { anyOf: [mockResponse, { type: 'array', items: mockResponse }] },
};
const settings = {
  type: 'object',
  additionalProperties: false,
  properties: {
    timezone: { type: 'string' },
    now: { type: 'string' },
    vars: obj,
    maxCycles: { type: 'integer', minimum: 1 },
  },
};
const request = {
  type: 'object',
  additionalProperties: false,
  properties: { method: { type: 'string' }, headers: obj, query: obj, body: {} },
};
const httpMock = {
  type: 'object',
  required: ['url', 'response'],
  additionalProperties: false,
  properties: {
    method: { type: 'string' },
    url: { type: 'string' },
    times: { type: 'integer', minimum: 1 },
    response: {
      type: 'object',
      additionalProperties: false,
      properties: { status: { type: 'integer' }, headers: obj, body: {} },
    },
  },
};
const moduleExpectation = {
  type: 'object',
  additionalProperties: false,
  properties: {
    outputs: { type: 'array' },
    calls: { type: 'integer', minimum: 0 },
    inputs: { type: 'array' },
    operations: { type: 'integer', minimum: 0 },
    errors: { type: 'array', items: { type: 'string' } },
  },
};
const expectations = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { enum: ['success', 'warning', 'error'] },
    operations: {
      anyOf: [
        { type: 'integer', minimum: 0 },
        {
          type: 'object',
          additionalProperties: false,
          properties: { max: { type: 'integer' }, min: { type: 'integer' } },
        },
      ],
    },
    error: { type: 'string' },
    modules: {
      type: 'object',
      propertyNames: { pattern: '^[0-9]+$' },
      additionalProperties: moduleExpectation,
    },
    notRun: { type: 'array', items: { type: 'integer' } },
    response: { type: ['object', 'null'] },
    incomplete: { anyOf: [{ type: 'integer', minimum: 0 }, { type: 'array' }] },
    dataStores: obj,
    fakes: obj,
    httpRequests: { type: 'array', items: obj },
    assert: { type: 'array', items: { type: 'string' } },
    snapshot: { type: 'boolean' },
    maxOperations: { type: 'integer', minimum: 0 },
    maxCreditsPerMonth: {
      type: 'object',
      required: ['credits'],
      additionalProperties: false,
      properties: {
        credits: { type: 'number' },
        every: { type: 'string' },
        runsPerMonth: { type: 'number' },
        webhooksPerDay: { type: 'number' },
      },
    },
  },
};
const testCase = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    input: {},
    request: { anyOf: [request, { type: 'array', items: request }] },
    mocks,
    fakes: obj,
    dataStores: { type: 'object', additionalProperties: { type: 'object', additionalProperties: obj } },
    http: { type: 'array', items: httpMock },
    settings,
    expect: expectations,
    weight: { type: 'number', minimum: 0 },
  },
};

export const testFileSchema = {
  type: 'object',
  required: ['blueprint', 'cases'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    blueprint: { type: 'string', minLength: 1 },
    settings,
    mocks,
    cases: { type: 'array', items: testCase },
  },
};

export const validateTestFile = schemaValidator(testFileSchema, { allErrors: true, strict: false });

/** ajv errors as `pointer: message` lines a person can act on. */
export function describeSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const where = e.instancePath || '/';
    if (e.keyword === 'additionalProperties') {
      return `${where}: unknown key "${String(e.params.additionalProperty)}"`;
    }
    if (e.keyword === 'enum') return `${where}: must be one of ${JSON.stringify(e.params.allowedValues)}`;
    return `${where}: ${e.message ?? 'is invalid'}`;
  });
}
