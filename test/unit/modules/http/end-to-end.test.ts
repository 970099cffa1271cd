/**
 * The modules of this brief inside a real run (loadScenario → runScenario): a webhook request
 * becomes the bundle, HTTP calls the local server, JSON and Math shape the answer, and the
 * Webhook response is recorded. Also a subscenario call through createSubscenarioRunner.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../../engine/blueprint/load.ts';
import { ModuleRegistry } from '../../../../engine/registry/registry.ts';
import { runScenario } from '../../../../engine/runtime/run-scenario.ts';
import { builtinModules } from '../../../../modules/index.ts';
import { createSubscenarioRunner } from '../../../../modules/scenario-service/subscenario-runner.ts';
import { useTestServer } from './test-server.ts';

const registry = new ModuleRegistry(builtinModules);
const server = useTestServer();

function webhookBlueprint(base: string) {
  return {
    name: 'webhook → http → json → math → respond',
    flow: [
      {
        id: 1,
        module: 'gateway:CustomWebHook',
        version: 1,
        parameters: { hook: 1, maxResults: 1 },
        mapper: {},
      },
      {
        id: 2,
        module: 'http:ActionSendData',
        version: 3,
        parameters: { handleErrors: true },
        mapper: {
          url: `${base}/echo`,
          method: 'post',
          bodyType: 'raw',
          contentType: 'application/json',
          data: '{"n":{{1.n}}}',
          parseResponse: true,
        },
      },
      {
        id: 3,
        module: 'json:ParseJSON',
        version: 1,
        parameters: { type: '' },
        mapper: { json: '{{2.data.body}}' },
      },
      {
        id: 4,
        module: 'math:EvaluateExpression',
        version: 1,
        parameters: {},
        mapper: { expression: '{{3.n}} * 2 + 1' },
      },
      {
        id: 5,
        module: 'gateway:WebhookRespond',
        version: 1,
        parameters: {},
        mapper: {
          status: '200',
          body: '{{4.result}}',
          headers: [{ key: 'Content-Type', value: 'text/plain' }],
        },
      },
    ],
    metadata: { instant: true, scenario: {} },
  };
}

describe('net modules in a run', () => {
  it('runs webhook → HTTP → Parse JSON → Math → Webhook response', async () => {
    const scenario = loadScenario(webhookBlueprint(server.url), { registry });
    const record = await runScenario(scenario, {
      input: { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n": 20}' },
    });
    expect(record.error).toBeNull();
    expect(record.status).toBe('success');
    // A template that is one {{…}} keeps its value's type (https://help.make.com/mapping), so the body is the
    // number 20 * 2 + 1.
    expect(record.response).toEqual({ status: 200, headers: { 'Content-Type': 'text/plain' }, body: 41 });
  });

  it('returns a subscenario’s output to Call a scenario', async () => {
    const child = loadScenario(
      {
        name: 'child',
        flow: [
          { id: 1, module: 'scenario-service:StartSubscenario', version: 2, parameters: {}, mapper: {} },
          {
            id: 2,
            module: 'scenario-service:ReturnData',
            version: 2,
            parameters: {},
            mapper: { greeting: 'Hello, {{1.name}}!' },
          },
        ],
        metadata: { scenario: {} },
      },
      { registry },
    );
    const subscenarios = createSubscenarioRunner({
      resolve: (id) => (id === 'SCN_1' ? child : undefined),
      run: (scenario, inputs) => runScenario(scenario, { input: inputs }),
    });
    const parent = loadScenario(
      {
        name: 'parent',
        flow: [
          {
            id: 1,
            module: 'json:ParseJSON',
            version: 1,
            parameters: { type: '' },
            mapper: { json: '{"who":"Ann"}' },
          },
          {
            id: 2,
            module: 'scenario-service:CallSubscenario',
            version: 2,
            parameters: { scenario: 'SCN_1', shouldWaitForExecutionEnd: true },
            mapper: { data: { name: '{{1.who}}' } },
          },
        ],
        metadata: { scenario: {} },
      },
      { registry },
    );
    const record = await runScenario(parent, { subscenarios });
    expect(record.error).toBeNull();
    expect(record.modules.find((m) => m.id === 2)?.outputs).toEqual([{ greeting: 'Hello, Ann!' }]);
  });
});
