/** Colours follow the process environment as terminals expect: on under CI, off with NO_COLOR. */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const ESC = '\u001b[';

function run(env: Record<string, string>): string {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !['NO_COLOR', 'FORCE_COLOR', 'CI'].includes(key)),
  );
  return execFileSync(
    process.execPath,
    [
      'bin/makesim.js',
      'run',
      'blueprints/webhook-router.blueprint.json',
      '--input',
      'blueprints/webhook-router.input.json',
    ],
    { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' },
  );
}

describe('coloured output', () => {
  it('is coloured when the environment asks for colour', () => {
    expect(run({ FORCE_COLOR: '1' })).toContain(ESC);
  });

  it('has no colour codes when NO_COLOR is set, even under CI', () => {
    const out = run({ CI: 'true', FORCE_COLOR: '1', NO_COLOR: '1' });
    expect(out).not.toContain(ESC);
    expect(out).toMatch(/success\s+3 operation/);
  });
});
