// A vitest consumer of the makesim matchers (copied into the packed-package project as
// matchers.test.ts; see README.md beside this file).
import { loadScenario, runScenario } from 'makesim';
import { describe, expect, it } from 'vitest';
import 'makesim/vitest';

describe('makesim/vitest in an installed package', () => {
  it('offers the record matchers', async () => {
    const record = await runScenario(loadScenario('webhook-router.blueprint.json'), {
      input: { type: 'order', orderId: 'V-1', total: 10 },
    });
    expect(record).toHaveStatus('success');
    expect(record).toHaveOperations(3);
    expect(record).toHaveRun(3);
    expect(record).not.toHaveRun(5);
    expect(record).toHaveOutput(3, { orderTotal: '10,00' });
    expect(record).toHaveFakes({});
  });
});
