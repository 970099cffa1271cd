/**
 * Make's scheduling object as the API stores it (Make SDK `src/endpoints/scenarios.ts`;
 * https://help.make.com/schedule-a-scenario), for
 * `--schedule`. Unknown keys are reported so a misspelt `intreval` is not silently ignored.
 */
import { schemaValidator } from '../engine/json-schema/validator.ts';
import type { Scheduling } from './schedule.ts';

const hhmm = { type: 'string', pattern: '^\\d{1,2}:\\d{2}$' };
const numbers = (min: number, max: number) => ({
  type: 'array',
  items: { type: 'integer', minimum: min, maximum: max },
});

const schema = {
  type: 'object',
  additionalProperties: false,
  required: ['type'],
  properties: {
    type: {
      enum: ['immediately', 'indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'on-demand'],
    },
    interval: { type: 'number', exclusiveMinimum: 0 },
    date: { type: 'string' },
    time: hhmm,
    days: numbers(0, 31),
    months: numbers(1, 12),
    between: {
      anyOf: [
        { type: 'array', minItems: 2, maxItems: 2, items: { type: ['string', 'null'] } },
        {
          type: 'object',
          additionalProperties: false,
          properties: { start: { type: 'string' }, end: { type: 'string' } },
        },
      ],
    },
    restrict: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          days: numbers(0, 6),
          months: numbers(1, 12),
          time: { type: 'array', minItems: 2, maxItems: 2, items: hhmm },
        },
      },
    },
  },
};

export const validateScheduling = schemaValidator<Scheduling>(schema, { allErrors: true, strict: false });

/** `/interval: must be > 0`-style lines, one per problem. */
export function schedulingProblems(): string[] {
  return (validateScheduling.errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` "${String(e.params.additionalProperty)}"` : '';
    return `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${extra}`;
  });
}
