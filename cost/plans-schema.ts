/**
 * The plan table's schema (cost/plans.json, or the user's own with `--plans <file>`), documented in
 * docs/cost.md "Your own plan table". Every price says where it comes from and whether Make's own
 * page confirmed it, so a report can say which figures are firm.
 */
import { Ajv } from 'ajv';
import type { PlanTable } from './plan-types.ts';

const price = {
  type: 'object',
  additionalProperties: false,
  required: ['price', 'source', 'confirmed'],
  properties: {
    /** Per month, in the table's currency; null = not known. */
    price: { type: ['number', 'null'], minimum: 0 },
    source: { type: 'string', minLength: 1 },
    confirmed: { type: 'boolean' },
    reason: { type: 'string' },
  },
  if: { properties: { confirmed: { const: false } } },
  // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword.
  then: { required: ['reason'] },
};

const tier = {
  type: 'object',
  additionalProperties: false,
  required: ['credits', 'monthly'],
  properties: {
    credits: { type: 'integer', minimum: 1 },
    monthly: price,
    yearly: price,
  },
};

const plan = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'canBuyExtraCredits', 'minIntervalMinutes', 'maxExecutionMinutes', 'tiers'],
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9-]+$' },
    name: { type: 'string', minLength: 1 },
    canBuyExtraCredits: { type: 'boolean' },
    minIntervalMinutes: { type: 'number', minimum: 0 },
    maxExecutionMinutes: { type: 'number', exclusiveMinimum: 0 },
    limitsSource: { type: 'array', items: { type: 'string' } },
    tiers: { type: 'array', items: tier },
  },
};

export const planTableSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['currency', 'retrieved', 'sources', 'extraCredits', 'plans'],
  properties: {
    $schema: { type: 'string' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    retrieved: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    sources: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['url'],
        properties: { url: { type: 'string' }, date: { type: 'string' }, says: { type: 'string' } },
      },
    },
    extraCredits: {
      type: 'object',
      additionalProperties: false,
      required: ['surcharge', 'unit', 'source', 'confirmed'],
      properties: {
        surcharge: { type: 'number', minimum: 0 },
        unit: { type: 'integer', minimum: 1 },
        source: { type: 'string' },
        confirmed: { type: 'boolean' },
        reason: { type: 'string' },
      },
    },
    plans: { type: 'array', minItems: 1, items: plan },
    unconfirmed: { type: 'array', items: { type: 'string' } },
  },
};

const validate = new Ajv({ allErrors: true, strict: false }).compile<PlanTable>(planTableSchema);

/** The problems of a plan table, one `pointer: message` line each; empty when it is valid. */
export function planTableProblems(value: unknown): string[] {
  if (validate(value)) return crossChecks(value);
  return (validate.errors ?? []).map((e) => {
    const extra =
      e.keyword === 'additionalProperties'
        ? ` "${String(e.params.additionalProperty)}"`
        : e.keyword === 'required'
          ? ''
          : '';
    return `${e.instancePath || '/'}: ${e.message ?? 'invalid'}${extra}`;
  });
}

/** What a schema cannot say: a price's source must be listed, plan ids unique, tiers ascending. */
function crossChecks(table: PlanTable): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const known = (source: string, at: string) => {
    if (!(source in table.sources)) out.push(`${at}/source: "${source}" is not a key of /sources`);
  };
  known(table.extraCredits.source, '/extraCredits');
  table.plans.forEach((p, i) => {
    if (ids.has(p.id)) out.push(`/plans/${i}/id: duplicate plan id "${p.id}"`);
    ids.add(p.id);
    p.tiers.forEach((t, j) => {
      const at = `/plans/${i}/tiers/${j}`;
      known(t.monthly.source, `${at}/monthly`);
      if (t.yearly) known(t.yearly.source, `${at}/yearly`);
      const before = p.tiers[j - 1];
      if (before && before.credits >= t.credits)
        out.push(`${at}/credits: tiers must be in ascending order of credits`);
    });
  });
  return out;
}
