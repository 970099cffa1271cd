/**
 * Issue 12 "Done when": every corpus blueprint through validate, test --init + test, and run —
 * no case passes (and no run succeeds) while an outbound call went unanswered, and every failure
 * line names a module. Numbers: `npx tsx scripts/corpus-sweep.ts`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { corpusDir } from '../corpus-runs/select.ts';
import { sweepOne } from '../corpus-sweep/sweep.ts';

const blueprints = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.json'))
  .sort();

describe('the corpus sweep', () => {
  it('finds the corpus', () => {
    expect(blueprints.length).toBeGreaterThanOrEqual(98);
  });

  it.each(blueprints)(
    '%s: no false green, every failure names a module',
    async (name) => {
      const result = await sweepOne(join(corpusDir, name));
      expect(result.validateCode === 0 || result.validateCode === 1).toBe(true);
      expect(result.falseGreens).toEqual([]);
      expect(result.anonymousFailures).toEqual([]);
    },
    30_000,
  );
});
