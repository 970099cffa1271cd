/** Two versions of a scenario on the same inputs: per-module and total change. */
import { describe, expect, it } from 'vitest';
import { diffCosts } from '../../../cost/diff.ts';
import { modelScenario } from '../../../cost/model.ts';
import { loadFixture } from './helpers.ts';

const rates = (pairs: Record<string, number>) => new Map(Object.entries(pairs));

describe('cost diff', () => {
  it('shows what moving a filter earlier changes per module and per run', () => {
    // Same 10 rows, 20 % paid. Old: filter on [3] after Slack [2] → 1 + 10 + 2 = 13.
    // New ("filter" fixture): filter on [2] → 1 + 2 + 2 = 5. Change −8, all of it on [2].
    const before = modelScenario(loadFixture('late-filter'), {
      items: rates({ 1: 10 }),
      pass: rates({ 3: 0.2 }),
    });
    const after = modelScenario(loadFixture('filter'), { items: rates({ 1: 10 }), pass: rates({ 2: 0.2 }) });
    const diff = diffCosts(before, after);
    expect(diff.perRun).toEqual({ before: 13, after: 5, change: -8 });
    expect(diff.modules.find((m) => m.id === 2)?.credits).toBe(-8);
    // [3] runs 2 times in both versions: unchanged.
    expect(diff.modules.find((m) => m.id === 3)?.change).toBe('same');
  });

  it('marks modules that exist in only one version as added or removed', () => {
    const before = modelScenario(loadFixture('filter'), { items: rates({ 1: 2 }) });
    const after = modelScenario(loadFixture('thirty-one'), { items: rates({ 1: 2 }) });
    const diff = diffCosts(before, after);
    expect(diff.modules.find((m) => m.id === 4)).toMatchObject({ change: 'added', before: null, credits: 2 });
    // [3] is another module under the same id (updateRow → addRow) at the same cost.
    expect(diff.modules.find((m) => m.id === 3)).toMatchObject({ change: 'changed', credits: 0 });
  });
});
