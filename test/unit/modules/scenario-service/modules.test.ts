import { describe, expect, it } from 'vitest';
import type { MakeError } from '../../../../engine/errors/make-error.ts';
import type { SubscenarioPort } from '../../../../engine/ports/subscenarios.ts';
import callSubscenario from '../../../../modules/scenario-service/call-subscenario.ts';
import returnData from '../../../../modules/scenario-service/return-data.ts';
import startSubscenario from '../../../../modules/scenario-service/start-subscenario.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';

function port(log: string[]): SubscenarioPort {
  return {
    call: async (id, inputs) => {
      log.push(`call ${id} ${JSON.stringify(inputs)}`);
      return { tel1Valido: 'yes' };
    },
    start: async (id) => {
      log.push(`start ${id}`);
      return 'exec-42';
    },
  };
}

describe('scenario-service:CallSubscenario', () => {
  it('waits and outputs what the subscenario returned', async () => {
    const log: string[] = [];
    const call = fakeCall(
      'scenario-service:CallSubscenario',
      { data: { Telefono1: '1' } },
      { scenario: 'SCN_4882761', shouldWaitForExecutionEnd: true },
    );
    expect(await callSubscenario.run?.(call, fakeContext({ subscenarios: port(log) }))).toEqual([
      { tel1Valido: 'yes' },
    ]);
    expect(log).toEqual(['call SCN_4882761 {"Telefono1":"1"}']);
  });

  it('outputs { executionId } without waiting', async () => {
    const log: string[] = [];
    const call = fakeCall(
      'scenario-service:CallSubscenario',
      { data: {} },
      { scenario: 'SCN_8253633', shouldWaitForExecutionEnd: false },
    );
    expect(await callSubscenario.run?.(call, fakeContext({ subscenarios: port(log) }))).toEqual([
      { executionId: 'exec-42' },
    ]);
    expect(log).toEqual(['start SCN_8253633']);
  });

  it('fails with a clear error when the run has no subscenarios', async () => {
    const call = fakeCall(
      'scenario-service:CallSubscenario',
      {},
      { scenario: 'SCN_1', shouldWaitForExecutionEnd: true },
    );
    const error = await Promise.resolve(callSubscenario.run?.(call, fakeContext())).catch((e: unknown) => e);
    expect((error as MakeError).details?.code).toBe('no-subscenarios');
  });

  it('costs no credits', () => {
    expect(callSubscenario.centicredits).toBe(0);
    expect(returnData.centicredits).toBe(0);
    expect(startSubscenario.centicredits).toBe(0);
  });
});

describe('scenario-service:StartSubscenario', () => {
  it('outputs the trigger input as the scenario inputs', async () => {
    const call = fakeCall('scenario-service:StartSubscenario', {});
    expect(
      await startSubscenario.run?.(call, fakeContext({ triggerInput: { id: 5, messages: 'hi' } })),
    ).toEqual([{ id: 5, messages: 'hi' }]);
  });

  it('falls back to var.input', async () => {
    const call = fakeCall('scenario-service:StartSubscenario', {});
    expect(await startSubscenario.run?.(call, fakeContext({ inputVars: { to: ['a@b.c'] } }))).toEqual([
      { to: ['a@b.c'] },
    ]);
  });
});

describe('scenario-service:ReturnData', () => {
  it('outputs the mapped outputs', async () => {
    const call = fakeCall('scenario-service:ReturnData', { greeting: 'Hello, Ann!' });
    expect(await returnData.run?.(call, fakeContext())).toEqual([{ greeting: 'Hello, Ann!' }]);
  });
});
