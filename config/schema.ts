import { FIELD_TYPES } from '../modules/datastore/structure-spec.ts';

/**
 * JSON Schema of `makesim.config.json` (see config/types.ts for the meaning of each section).
 * `additionalProperties: false` everywhere so a misspelt key is reported, not silently ignored.
 */
const field = {
  type: 'object',
  required: ['name', 'type'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    type: { enum: FIELD_TYPES },
    label: { type: 'string' },
    required: { type: 'boolean' },
    default: {},
    multiline: { type: 'boolean' },
    help: { type: 'string' },
    options: { type: 'array', items: { type: 'object', required: ['value'] } },
    spec: {
      anyOf: [{ type: 'array', items: { $ref: '#/$defs/field' } }, { $ref: '#/$defs/field' }],
    },
  },
} as const;

/** One branch per auth kind; ajv's `discriminator` reports only the branch `type` names. */
const connection = {
  type: 'object',
  required: ['type'],
  discriminator: { propertyName: 'type' },
  oneOf: [
    {
      required: ['type', 'username', 'password'],
      additionalProperties: false,
      properties: { type: { const: 'basic' }, username: { type: 'string' }, password: { type: 'string' } },
    },
    {
      required: ['type', 'apiKey'],
      additionalProperties: false,
      properties: {
        type: { const: 'apiKey' },
        apiKey: { type: 'string' },
        apiKeyName: { type: 'string' },
        apiKeyPlacement: { enum: ['header', 'query'] },
      },
    },
    {
      required: ['type', 'accessToken'],
      additionalProperties: false,
      properties: {
        type: { const: 'oauth' },
        accessToken: { type: 'string' },
        tokenType: { type: 'string' },
      },
    },
  ],
} as const;

const scheduling = {
  type: 'object',
  required: ['type'],
  additionalProperties: false,
  properties: {
    type: {
      enum: ['indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'immediately', 'on-demand'],
    },
    interval: { type: 'integer', minimum: 60 },
    date: { type: 'string' },
    time: { type: 'string', pattern: '^\\d{2}:\\d{2}$' },
    days: { type: 'array', items: { type: 'integer' } },
    months: { type: 'array', items: { type: 'integer', minimum: 1, maximum: 12 } },
  },
} as const;

/** Hook options (Make's help: https://help.make.com/webhooks): API keys are ASCII, at most 512 characters. */
const hook = {
  type: 'object',
  additionalProperties: false,
  properties: {
    headers: { type: 'boolean' },
    method: { type: 'boolean' },
    stringify: { type: 'boolean' },
    ip: { type: 'string' },
    apiKeys: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 512, pattern: '^[ -~]+$' } },
    // One type list, not anyOf, so a wrong type is one problem rather than three.
    dataStructure: { type: ['integer', 'string'], minimum: 1, minLength: 1 },
  },
} as const;

const port = { type: 'integer', minimum: 0, maximum: 65535 } as const;

export const configSchema = {
  $defs: { field },
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    timezone: { type: 'string', minLength: 1 },
    variables: {
      type: 'object',
      additionalProperties: false,
      properties: { organization: { type: 'object' }, team: { type: 'object' } },
    },
    dataStores: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: { type: 'string', minLength: 1 },
          makeId: { type: 'integer' },
          structure: {
            type: 'object',
            required: ['fields'],
            additionalProperties: false,
            properties: {
              strict: { type: 'boolean' },
              fields: { type: 'array', items: { $ref: '#/$defs/field' } },
            },
          },
          maxBytes: { type: 'integer', minimum: 1 },
        },
      },
    },
    dataStructures: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name', 'spec'],
        additionalProperties: false,
        properties: {
          id: { type: 'integer', minimum: 1 },
          name: { type: 'string', minLength: 1, maxLength: 128 },
          strict: { type: 'boolean' },
          spec: { type: 'array', items: { $ref: '#/$defs/field' } },
        },
      },
    },
    connections: { type: 'object', additionalProperties: connection },
    scenarios: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['blueprint'],
        additionalProperties: false,
        properties: {
          blueprint: { type: 'string', minLength: 1 },
          hookId: { type: 'string', pattern: '^[a-z0-9]{32}$' },
          hook,
          scheduling,
          // App doubles for `makesim serve` (docs/testing.md "Fakes in makesim serve").
          mocks: { type: 'object' },
          fakes: { type: 'object' },
        },
      },
    },
    network: {
      type: 'object',
      additionalProperties: false,
      properties: { allow: { anyOf: [{ type: 'boolean' }, { type: 'array', items: { type: 'string' } }] } },
    },
    server: {
      type: 'object',
      additionalProperties: false,
      properties: {
        token: { type: 'string' },
        port,
        hookPort: port,
        responseTimeoutMs: { type: 'integer', minimum: 1 },
        history: {
          type: 'object',
          additionalProperties: false,
          properties: {
            maxAgeDays: { type: 'number', exclusiveMinimum: 0 },
            maxPerScenario: { type: 'integer', minimum: 1 },
          },
        },
      },
    },
    cost: {
      type: 'object',
      additionalProperties: false,
      properties: {
        usage: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['min', 'max'],
            additionalProperties: false,
            properties: { min: { type: 'number', minimum: 0 }, max: { type: 'number', minimum: 0 } },
          },
        },
      },
    },
    database: { type: 'string', minLength: 1 },
  },
} as const;
