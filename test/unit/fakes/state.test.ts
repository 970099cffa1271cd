import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { createFakes } from '../../../fakes/index.ts';
import { FakeState } from '../../../fakes/state.ts';
import { defaultRegistry } from '../../../modules/index.ts';

const scenario = loadScenario(
  {
    name: 'S',
    flow: [
      {
        id: 1,
        module: 'slack:CreateMessage',
        version: 4,
        parameters: {},
        mapper: { channel: 'C1', text: 'x' },
      },
    ],
    metadata: { scenario: {} },
  },
  { registry: defaultRegistry },
);

describe('FakeState in a database file (makesim serve)', () => {
  it('keeps records per scope across reopening, and seeds a kept state only once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'makesim-fakes-')), 'serve.db');
    const first = new FakeState(file, 'a.blueprint.json');
    createFakes({ seeds: { slack: { C1: [{ text: 'seeded' }] } }, scenario, now: new Date(0), state: first });
    first.put('slack', 'C1', '9.000001', { text: 'posted' });
    first.close();
    const again = new FakeState(file, 'a.blueprint.json');
    const fakes = createFakes({
      seeds: { slack: { C1: [{ text: 'seeded' }] } },
      scenario,
      now: new Date(0),
      state: again,
    });
    expect(fakes.snapshot()).toEqual({
      slack: {
        C1: [expect.objectContaining({ text: 'seeded' }), expect.objectContaining({ text: 'posted' })],
      },
    });
    again.close();
    const other = new FakeState(file, 'b.blueprint.json');
    expect(other.collections('slack')).toEqual([]);
    other.close();
  });
});
