/**
 * The engine bench's workloads (issue 14 §5), shared by the in-process bench and the fresh
 * process that measures peak RSS. Each has a plain-JS loop doing the same work on the same items,
 * the baseline its throughput is divided by.
 * W1: a trigger emitting N bundles → Set multiple variables → filter (about half pass) →
 *     Set multiple variables (label, rounded gross, tag count).
 * W2: one bundle with an N-element array → iterator → Set multiple variables (two formulas)
 *     → array aggregator.
 */
import { loadScenario } from '../engine/blueprint/load.ts';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { defaultRegistry } from '../modules/index.ts';

export const ITEMS = 100_000;

export interface Row {
  id: number;
  name: string;
  amount: number;
  tags: string[];
}

export function rows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    id: i,
    name: `item ${i}`,
    amount: i % 100,
    tags: ['a', 'b', 'c'],
  }));
}

function scenarioOf(flow: unknown[]): Scenario {
  return loadScenario(
    { name: 'bench', flow, metadata: { instant: false, scenario: {} } },
    { registry: defaultRegistry },
  );
}

export const w1 = (): Scenario =>
  scenarioOf([
    { id: 1, module: 'app:watchRecords', version: 1, mapper: {} },
    {
      id: 2,
      module: 'util:SetVariables',
      version: 1,
      mapper: {
        scope: 'roundtrip',
        variables: [
          { name: 'upper', value: '{{upper(1.name)}}' },
          { name: 'gross', value: '{{1.amount * 1.2}}' },
        ],
      },
    },
    {
      id: 3,
      module: 'util:SetVariables',
      version: 1,
      filter: { name: 'big', conditions: [[{ a: '{{1.amount}}', o: 'number:greater', b: '50' }]] },
      mapper: {
        scope: 'roundtrip',
        variables: [
          { name: 'label', value: '{{2.upper}} #{{1.id}}' },
          { name: 'rounded', value: '{{round(2.gross)}}' },
          { name: 'tagCount', value: '{{length(1.tags)}}' },
        ],
      },
    },
  ]);

export const w2 = (): Scenario =>
  scenarioOf([
    { id: 1, module: 'app:watchRecords', version: 1, mapper: {} },
    { id: 2, module: 'builtin:BasicFeeder', version: 1, mapper: { array: '{{1.items}}' } },
    {
      id: 3,
      module: 'util:SetVariables',
      version: 1,
      mapper: {
        scope: 'roundtrip',
        variables: [
          { name: 'label', value: '{{2.name}}-{{2.id}}' },
          { name: 'net', value: '{{2.amount / 1.2}}' },
        ],
      },
    },
    {
      id: 4,
      module: 'builtin:BasicAggregator',
      version: 1,
      parameters: { feeder: 2 },
      mapper: { label: '{{3.label}}' },
    },
  ]);

export const RUN_LIMITS = { maxOperations: 10_000_000, maxBundles: 10_000_000 };

/** W1 by hand: the same values per row, kept as the engine's full record keeps its outputs. */
export function plainW1(data: readonly Row[]): unknown[] {
  const kept: unknown[] = [];
  for (const row of data) {
    const first = { upper: row.name.toUpperCase(), gross: row.amount * 1.2 };
    kept.push(first);
    if (!(row.amount > 50)) continue;
    kept.push({
      label: `${first.upper} #${row.id}`,
      rounded: Math.round(first.gross),
      tagCount: row.tags.length,
    });
  }
  return kept;
}

/** W2 by hand: iterate with positions, compute the two values, aggregate the labels. */
export function plainW2(data: readonly Row[]): unknown {
  const items: unknown[] = [];
  const length = data.length;
  for (let i = 0; i < length; i++) {
    const row = data[i] as Row;
    // The shape written out, as a hand-written loop would (an object spread plus keys is slow in V8).
    const item = {
      id: row.id,
      name: row.name,
      amount: row.amount,
      tags: row.tags,
      __IMTINDEX__: i + 1,
      __IMTLENGTH__: length,
    };
    const vars = { label: `${item.name}-${item.id}`, net: item.amount / 1.2 };
    items.push({ label: vars.label });
  }
  return { array: items, __IMTAGGLENGTH__: items.length };
}
