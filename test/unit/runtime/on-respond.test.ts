import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/blueprint/load.ts';
import { SimulatedClock } from '../../../engine/ports/clock.ts';
import { runScenario } from '../../../engine/runtime/run-scenario.ts';
import { defaultRegistry } from '../../../modules/index.ts';

const respond = (id: number, body: string) => ({
  id,
  module: 'gateway:WebhookRespond',
  version: 1,
  parameters: {},
  mapper: { status: '200', body, headers: [] },
});

const setVariable = (id: number) => ({
  id,
  module: 'util:SetVariable2',
  version: 1,
  parameters: {},
  mapper: { name: 'after', scope: 'roundtrip', value: 'ran' },
});

const webhook = { id: 1, module: 'gateway:CustomWebHook', version: 1, parameters: { hook: 1 }, mapper: {} };

/** Webhook → response(s) → Set variable: the flow goes on after the response. */
function scenario(responders: number) {
  const flow: unknown[] = [webhook];
  for (let i = 0; i < responders; i++) flow.push(respond(2 + i, `{{1.name}} #${i + 1}`));
  flow.push(setVariable(2 + responders));
  return loadScenario(
    { name: 'Respond early', flow, metadata: { version: 1, instant: true } },
    { registry: defaultRegistry },
  );
}

describe('RunOptions.onRespond (https://help.make.com/webhooks: the caller is held until the module runs)', () => {
  it('hears the response when the module runs, before the modules after it', async () => {
    const clock = new SimulatedClock('2026-01-01T00:00:00Z');
    const sleep = {
      id: 3,
      module: 'util:FunctionSleep',
      version: 1,
      parameters: {},
      mapper: { duration: 5 },
    };
    const loaded = loadScenario(
      {
        name: 'Respond, then sleep',
        flow: [webhook, respond(2, 'Hi {{1.name}}'), sleep],
        metadata: { version: 1, instant: true },
      },
      { registry: defaultRegistry },
    );
    const heard: Array<{ body: unknown; cycle: number; at: string }> = [];
    const record = await runScenario(loaded, {
      input: { name: 'Ada' },
      clock,
      onRespond: (response, cycle) =>
        heard.push({ body: response.body, cycle, at: clock.now().toISOString() }),
    });
    // The 5 s Sleep after the response had not run yet when the response was heard.
    expect(heard).toEqual([{ body: 'Hi Ada', cycle: 1, at: '2026-01-01T00:00:00.000Z' }]);
    expect(record.finishedAt).toBe('2026-01-01T00:00:05.000Z');
  });

  it('tells only the first response of a cycle; later ones cannot reach the same caller', async () => {
    const heard: unknown[] = [];
    const record = await runScenario(scenario(2), {
      input: { name: 'Ada' },
      onRespond: (response) => heard.push(response.body),
    });
    expect(heard).toEqual(['Ada #1']);
    expect(record.response?.body).toBe('Ada #1');
  });

  it('tells each cycle its own response when one run takes several requests', async () => {
    const heard: Array<[unknown, number]> = [];
    await runScenario(scenario(1), {
      input: [{ name: 'Ada' }, { name: 'Bob' }],
      maxCycles: 2,
      onRespond: (response, cycle) => heard.push([response.body, cycle]),
    });
    expect(heard).toEqual([
      ['Ada #1', 1],
      ['Bob #1', 2],
    ]);
  });
});
