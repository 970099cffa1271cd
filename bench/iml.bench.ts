/**
 * IML evaluation speed beside jsonata evaluating the equivalent expression in the same process.
 * Target: makesim ≥ 20× jsonata (compiled closures vs an async tree-walker).
 */
import jsonata from 'jsonata';
import { functions } from '../engine/expression/functions/index.ts';
import { compileTemplate, compileValue } from '../engine/expression/index.ts';
import type { EvalContext } from '../engine/expression/types.ts';
import { formatRate, measure, measureAsync, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const TARGET_RATIO = 20;
const BATCH = 1000;

const bundle = {
  name: 'Ann Lee',
  amount: 42.5,
  date: new Date('2024-02-28T10:00:00Z'),
  items: [{ tags: ['a', 'b'] }, { tags: ['x', 'y'] }],
};
const ctx: EvalContext = {
  output: (id) => (id === 1 ? bundle : undefined),
  vars: {},
  now: new Date('2024-02-28T10:00:00Z'),
  timezone: 'UTC',
  executionId: 'bench',
  random: Math.random,
  uuid: () => 'uuid',
};
const input = { '1': { ...bundle, date: bundle.date.getTime() } };

interface Case {
  label: string;
  iml: string | Record<string, string>;
  jsonata: string;
  needs?: string;
}

const CASES: Case[] = [
  { label: 'reference {{1.name}}', iml: '{{1.name}}', jsonata: '`1`.name' },
  {
    label: 'nested index {{1.items[2].tags[1]}}',
    iml: '{{1.items[2].tags[1]}}',
    jsonata: '`1`.items[1].tags[0]',
  },
  {
    label: 'function {{upper(1.name)}}',
    iml: '{{upper(1.name)}}',
    jsonata: '$uppercase(`1`.name)',
    needs: 'upper',
  },
  {
    label: 'date {{formatDate(1.date; "YYYY-MM-DD HH:mm")}}',
    iml: '{{formatDate(1.date; "YYYY-MM-DD HH:mm")}}',
    jsonata: "$fromMillis(`1`.date, '[Y0001]-[M01]-[D01] [H01]:[m01]')",
    needs: 'formatDate',
  },
  {
    label: 'arithmetic {{1.amount * 1.2 + 5}}',
    iml: '{{1.amount * 1.2 + 5}}',
    jsonata: '`1`.amount * 1.2 + 5',
  },
  {
    label: '5-field mapper (compileValue)',
    iml: {
      a: '{{1.name}}',
      b: 'Dear {{1.name}}',
      c: '{{1.amount}}',
      d: '{{1.items[1].tags[2]}}',
      e: '{{1.amount * 2}}',
    },
    jsonata:
      '{"a": `1`.name, "b": "Dear " & `1`.name, "c": `1`.amount, "d": `1`.items[0].tags[1], "e": `1`.amount * 2}',
  },
];

function compileIml(iml: Case['iml']): (c: EvalContext) => unknown {
  if (typeof iml === 'string') return compileTemplate(iml).evaluate;
  return compileValue(iml, '', (pointer, error) => {
    throw new Error(`${pointer}: ${error.message}`);
  }).evaluate;
}

async function runCase(c: Case): Promise<void> {
  if (c.needs !== undefined && !functions.has(c.needs)) {
    console.log(`  ${c.label.padEnd(52)} skipped: function ${c.needs} not in the catalogue yet`);
    return;
  }
  const evaluate = compileIml(c.iml);
  const ours = measure(c.label, () => {
    for (let i = 0; i < BATCH; i++) evaluate(ctx);
    return BATCH;
  });
  const expression = jsonata(c.jsonata);
  const theirs = await measureAsync(`jsonata ${c.label}`, async () => {
    for (let i = 0; i < 100; i++) await expression.evaluate(input);
    return 100;
  });
  const ratio = ours.perSecond / theirs.perSecond;
  console.log(
    `  ${c.label.padEnd(52)} ${formatRate(ours.perSecond).padStart(14)}/s   jsonata ${formatRate(theirs.perSecond).padStart(10)}/s`,
  );
  console.log(verdict(`  ratio vs jsonata: ${c.label}`, ratio, TARGET_RATIO, '×'));
}

export const imlSuite: BenchSuite = {
  name: 'iml',
  title: 'IML template evaluations per second vs jsonata',
  async run() {
    for (const c of CASES) await runCase(c);
  },
};
