/**
 * Fake conformance tables AS DATA: `<fake>.json` holds cases `{ name, seed, interface?, expect?, calls:
 * [{ module, input?, parameters?, output | error }], state? }`. Each call runs through the same
 * function mock a test case uses (fakes/index.ts `answerWith`); `output` is a deep partial match of
 * the answered bundles (their count must match), `error` the MakeError type, `state` a deep
 * partial match of the fake's snapshot after the last call. Each case runs on both states, the
 * in-memory one of test cases and the SQLite one of makesim serve, which must answer alike.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MockCall } from '../../../engine/registry/mocks.ts';
import { seedGeneric, snapshotGeneric } from '../../../fakes/generic/index.ts';
import { answerWith, FAKES } from '../../../fakes/index.ts';
import { MemoryFakeState } from '../../../fakes/memory-state.ts';
import { type FakeState, SqliteFakeState } from '../../../fakes/state.ts';

interface FakeCase {
  name: string;
  seed: Record<string, unknown>;
  interface?: unknown[];
  /** The module's `metadata.expect` (its mapper fields), for fakes that read it. */
  expect?: unknown[];
  calls: Array<{
    module: string;
    input?: Record<string, unknown>;
    parameters?: Record<string, unknown>;
    output?: unknown[];
    error?: string;
  }>;
  state?: Record<string, unknown>;
}

const dir = import.meta.dirname;
const tables = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { fake: string; cases: FakeCase[] });

/** Runs a case's calls on `state`; gives every call's answer or error type, and the final snapshot. */
async function run(name: string, c: FakeCase, state: FakeState) {
  const fake = FAKES.find((f) => f.name === name);
  const outcomes: unknown[] = [];
  try {
    if (fake) fake.seed(state, c.seed);
    else seedGeneric(state, c.seed);
    const ctx = { state, now: new Date('2025-01-01T00:00:00.000Z'), calls: new Map(), limit: undefined };
    const counts = new Map<string, number>();
    for (const [i, step] of c.calls.entries()) {
      const n = (counts.get(step.module) ?? 0) + 1;
      counts.set(step.module, n);
      const raw = { module: step.module, metadata: { interface: c.interface, expect: c.expect } };
      // Each module key is its own module of the scenario (watch cursors are per module).
      const moduleId = [...counts.keys()].indexOf(step.module) + 1;
      const meta: MockCall = {
        n,
        moduleId,
        key: step.module,
        label: undefined,
        parameters: step.parameters ?? {},
        raw,
        cycle: 1,
      };
      const module = fake?.modules[step.module];
      if (fake) expect(module, `${step.module} is a module of the ${name} fake`).toBeDefined();
      let answer: unknown;
      let error: unknown;
      try {
        answer = await answerWith(name, module, ctx)(step.input ?? {}, meta);
      } catch (e) {
        error = e;
      }
      outcomes.push(error === undefined ? answer : { error: (error as { type?: unknown }).type });
      if (step.error) {
        expect(error, `call ${i + 1}`).toMatchObject({ type: step.error });
        continue;
      }
      expect(error, `call ${i + 1}`).toBeUndefined();
      const output = (answer as { output: unknown[] }).output;
      expect(output, `call ${i + 1}`).toHaveLength(step.output?.length ?? 0);
      expect(output, `call ${i + 1}`).toMatchObject(step.output ?? []);
    }
    const snapshot = fake ? fake.snapshot(state) : snapshotGeneric(state);
    if (c.state) expect(snapshot).toMatchObject(c.state);
    return { outcomes, snapshot };
  } finally {
    state.close();
  }
}

for (const table of tables) {
  describe(`fake ${table.fake}`, () => {
    for (const c of table.cases)
      it(c.name, async () => {
        const inMemory = await run(table.fake, c, new MemoryFakeState());
        expect(await run(table.fake, c, new SqliteFakeState())).toEqual(inMemory);
      });
  });
}
