import { describe, expect, it } from 'vitest';
import { analyseAll } from '../../../engine/blueprint/load.ts';
import { buildReport } from '../../../engine/blueprint/report.ts';
import { blueprint, mod, registry } from './helpers.ts';

describe('validate report', () => {
  const raw = blueprint([
    mod(1, 'gateway:CustomWebHook'),
    mod(2, 'builtin:BasicFeeder', { mapper: { array: '{{split(1.list; ",")}}' } }),
    mod(3, 'util:SetVariable2', { mapper: { name: 'x', value: '{{upper(2.value)}}' } }),
    mod(4, 'slack:CreateMessage', {
      filter: { name: 'f', conditions: [[{ a: '{{frobnicate(3.x)}}', o: 'exist' }]] },
    }),
  ]);

  it('counts modules by fidelity: definitions full or partial, app modules mocked', () => {
    const { scenario, problems } = analyseAll(raw, { registry });
    const report = buildReport('x.json', scenario, problems);
    // Test registry: CustomWebHook and BasicFeeder are `full`, SetVariable2 `partial`.
    expect(report.fidelity.modules).toEqual({ full: 2, partial: 1, mocked: 1 });
    expect(report.mocksNeeded).toEqual([{ id: 4, module: 'slack:CreateMessage' }]);
  });

  it('lists functions used in mappers and filters as known or unknown to the catalogue', () => {
    const { scenario, problems } = analyseAll(raw, { registry });
    const report = buildReport('x.json', scenario, problems);
    expect(report.fidelity.functions).toEqual({ known: ['split', 'upper'], unknown: ['frobnicate'] });
    expect(report.warnings).toBe(1);
    expect(report.errors).toBe(0);
  });
});
