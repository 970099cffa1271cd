import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../engine/blueprint/scenario.ts';
import { MakeError } from '../../../../engine/errors/make-error.ts';
import type { ExecutionRecord, ModuleRecord } from '../../../../engine/runtime/record.ts';
import {
  createSubscenarioRunner,
  returnedOutputs,
} from '../../../../modules/scenario-service/subscenario-runner.ts';

const scenario = { name: 'child' } as Scenario;

function moduleRecord(id: number, module: string, outputs: Record<string, unknown>[]): ModuleRecord {
  return {
    id,
    module,
    pointer: `/flow/${id}`,
    operations: 1,
    centicredits: 0,
    bundlesIn: 1,
    bundlesOut: outputs.length,
    filter: null,
    outputs,
    errors: [],
    calls: [],
  };
}

function record(
  status: ExecutionRecord['status'],
  modules: ModuleRecord[],
  error: ExecutionRecord['error'] = null,
): ExecutionRecord {
  return {
    id: 'exec-1',
    scenario: 'child',
    status,
    operations: 1,
    centicredits: 0,
    cycles: 1,
    startedAt: '',
    finishedAt: '',
    durationMs: 0,
    error,
    warnings: [],
    modules,
    incomplete: [],
    response: null,
    consecutiveErrors: { counts: false, deactivateNow: false },
    paths: {},
    summary: false,
  };
}

describe('subscenario runner', () => {
  it('returns the outputs of the first Return output module', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const runner = createSubscenarioRunner({
      resolve: (id) => (id === 'SCN_1' ? scenario : undefined),
      run: async (_s, inputs) => {
        seen.push(inputs);
        return record('success', [
          moduleRecord(1, 'scenario-service:StartSubscenario', [inputs]),
          moduleRecord(2, 'scenario-service:ReturnData', [{ greeting: 'Hello, Ann!' }]),
          moduleRecord(3, 'scenario-service:ReturnData', [{ greeting: 'second' }]),
        ]);
      },
    });
    expect(await runner.call('SCN_1', { name: 'Ann' })).toEqual({ greeting: 'Hello, Ann!' });
    expect(seen).toEqual([{ name: 'Ann' }]);
  });

  it('returns an empty result when no Return output ran', () => {
    expect(returnedOutputs(record('success', [moduleRecord(1, 'util:SetVariable2', [{ a: 1 }])]))).toEqual(
      {},
    );
  });

  it('fails with the subscenario error type when the subscenario fails', async () => {
    const runner = createSubscenarioRunner({
      resolve: () => scenario,
      run: async () => record('error', [], { type: 'DataError', message: 'bad', moduleId: 2 }),
    });
    const error = await runner.call(1, {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MakeError);
    expect((error as MakeError).type).toBe('DataError');
  });

  it('fails with a clear RuntimeError for an unknown scenario', async () => {
    const runner = createSubscenarioRunner({
      resolve: () => undefined,
      run: async () => record('success', []),
    });
    const error = await runner.call('SCN_404', {}).catch((e: unknown) => e);
    expect((error as MakeError).details?.code).toBe('unknown-subscenario');
  });

  it('stops a scenario that calls itself past the depth limit', async () => {
    const runner = createSubscenarioRunner({
      resolve: () => scenario,
      run: async () => {
        await runner.call('self', {});
        return record('success', []);
      },
      maxDepth: 3,
    });
    const error = await runner.call('self', {}).catch((e: unknown) => e);
    expect((error as MakeError).details?.code).toBe('subscenario-depth');
  });

  it('starts without waiting and reports the run to onStarted', async () => {
    const started: Array<Promise<ExecutionRecord>> = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runner = createSubscenarioRunner({
      resolve: () => scenario,
      run: async () => {
        await gate;
        return record('success', []);
      },
      onStarted: (_id, finished) => void started.push(finished),
    });
    const id = await runner.start('SCN_2', {});
    expect(typeof id).toBe('string');
    expect(started).toHaveLength(1);
    release();
    expect((await started[0])?.status).toBe('success');
  });
});
