/**
 * luxon (engine/expression/dates/luxon.ts) loads when date work needs it, not when the formula
 * language is imported: `makesim eval`, `validate` and runs without dates outside UTC skip it
 * (issue 14 §2). Checked in a fresh Node process: this test process has loaded luxon long ago.
 * There luxon must come through the accessor's require (listed in require.cache), never through
 * a static import, which would load it with the module that imports it.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../../..');

// ES imports of luxon (its ESM build, which require.cache does not list) fail in the child.
const noEsmLuxon = `export async function resolve(specifier, context, next) {
  if (specifier === 'luxon') return { url: 'data:text/javascript,throw new Error("luxon imported statically")', shortCircuit: true };
  return next(specifier, context);
}`;

const script = `
import { createRequire, register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(noEsmLuxon)}));
const { compileTemplate } = await import('./engine/expression/index.ts');
const { isZone } = await import('./engine/expression/dates/zone.ts');
const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((f) => f.includes('luxon'));
const ctx = (timezone) => ({ output: () => undefined, vars: {}, now: new Date(Date.UTC(2024, 0, 15, 12)), timezone,
  executionId: 'x', random: Math.random, uuid: () => 'u' });
const sum = compileTemplate('{{1 + 1}}').evaluate(ctx('UTC'));
const utc = compileTemplate('{{formatDate(now; "YYYY-MM-DD HH:mm")}}').evaluate(ctx('UTC'));
const prague = isZone('Europe/Prague');
const before = { loaded: loaded(), sum, utc, prague };
const local = compileTemplate('{{formatDate(now; "HH:mm")}}').evaluate(ctx('Europe/Prague'));
console.log(JSON.stringify({ before, after: { loaded: loaded(), local } }));
`;

describe('luxon', () => {
  it('is loaded by the first date computed outside UTC, not by formulas, UTC dates or zone checks', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toEqual({
      // 12:00 UTC on 15 January is 13:00 in Prague (CET, UTC+1).
      before: { loaded: false, sum: 2, utc: '2024-01-15 12:00', prague: true },
      after: { loaded: true, local: '13:00' },
    });
  });
});
