import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { createFakes } from '../../../fakes/index.ts';
import { MemoryFakeState } from '../../../fakes/memory-state.ts';
import { type FakeState, SqliteFakeState } from '../../../fakes/state.ts';
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

describe('SqliteFakeState in a database file (makesim serve)', () => {
  it('keeps records per scope across reopening, and seeds a kept state only once', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'makesim-fakes-')), 'serve.db');
    const first = new SqliteFakeState(file, 'a.blueprint.json');
    createFakes({ seeds: { slack: { C1: [{ text: 'seeded' }] } }, scenario, now: new Date(0), state: first });
    first.put('slack', 'C1', '9.000001', { text: 'posted' });
    first.close();
    const again = new SqliteFakeState(file, 'a.blueprint.json');
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
    const other = new SqliteFakeState(file, 'b.blueprint.json');
    expect(other.collections('slack')).toEqual([]);
    other.close();
  });
});

const STATES = [
  ['in memory (test cases)', () => new MemoryFakeState()],
  ['in SQLite (makesim serve)', () => new SqliteFakeState()],
] as const;

describe.each(STATES)('FakeState reads, %s', (_label, makeState) => {
  function filled(): FakeState {
    const state = makeState();
    state.put('slack', 'C2', 'b', { n: 1 });
    state.put('slack', 'C1', 'z', { n: 2 });
    state.put('slack', 'C1', 'a', { n: 3 });
    state.put('slack', 'C1', 'z', { n: 4 }); // an update keeps its place
    state.put('email', 'INBOX', 'm1', { n: 5 });
    state.setCursor('slack', 'Exists:C1', '1');
    state.setCursor('slack', 'exists:C2', '1');
    state.setCursor('slack', 'other', 'x');
    return state;
  }

  const everything = (state: FakeState) => ({
    collections: state.collections('slack'),
    c1: state.list('slack', 'C1'),
    c2: state.list('slack', 'C2'),
    none: state.list('slack', 'C9'),
    one: state.get('slack', 'C1', 'a'),
    missing: state.get('slack', 'C1', 'nope'),
    cursor: state.cursor('slack', 'other'),
    names: state.cursorNames('slack', 'exists:'),
    inbox: state.list('email', 'INBOX'),
  });

  it('gives the same answers when every row is read at once (a snapshot) as one query each', () => {
    const state = filled();
    const apart = everything(state);
    expect(apart.c1).toEqual([
      { id: 'z', data: { n: 4 } },
      { id: 'a', data: { n: 3 } },
    ]);
    expect(apart.collections).toEqual(['C1', 'C2']);
    // LIKE ignores the case of ASCII letters.
    expect(apart.names).toEqual(['Exists:C1', 'exists:C2']);
    expect(state.readingAll(() => everything(state))).toEqual(apart);
  });

  it('reads a write made while reading everything', () => {
    const state = filled();
    const seen = state.readingAll(() => {
      state.put('slack', 'C1', 'new', { n: 6 });
      state.setCursor('slack', 'exists:C3', '1');
      return { c1: state.list('slack', 'C1').map((r) => r.id), names: state.cursorNames('slack', 'exists:') };
    });
    expect(seen).toEqual({ c1: ['z', 'a', 'new'], names: ['Exists:C1', 'exists:C2', 'exists:C3'] });
  });
});

describe('the two FakeStates', () => {
  const name = fc.constantFrom('a', 'B', 'b', 'Ab', 'é', '\u{1F600}', '\uFFFD', 'x%', 'x_');
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('put' as const),
      fake: fc.constantFrom('f', 'g'),
      collection: name,
      id: name,
      n: fc.integer(),
    }),
    fc.record({
      kind: fc.constant('remove' as const),
      fake: fc.constantFrom('f', 'g'),
      collection: name,
      id: name,
    }),
    fc.record({ kind: fc.constant('cursor' as const), fake: fc.constantFrom('f', 'g'), name, value: name }),
  );

  type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

  function apply(state: FakeState, ops: Op[]): unknown[] {
    const answers: unknown[] = [];
    for (const o of ops) {
      if (o.kind === 'put') state.put(o.fake, o.collection, o.id, { n: o.n, skipped: undefined });
      else if (o.kind === 'remove') answers.push(state.remove(o.fake, o.collection, o.id));
      else state.setCursor(o.fake, o.name, o.value);
    }
    for (const fake of ['f', 'g']) {
      const collections = state.collections(fake);
      answers.push(
        collections,
        collections.map((c) => state.list(fake, c)),
      );
      answers.push(['', 'a', 'A', 'x%', '\u{1F600}'].map((prefix) => state.cursorNames(fake, prefix)));
    }
    return answers;
  }

  it('answer every sequence of writes alike: order, upserts, removals, sorting, LIKE prefixes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const memory = new MemoryFakeState();
        const sqlite = new SqliteFakeState();
        try {
          expect(apply(memory, ops)).toEqual(apply(sqlite, ops));
        } finally {
          memory.close();
          sqlite.close();
        }
      }),
    );
  });
});
