import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { defaultRegistry } from '../../../modules/index.ts';
import { starterTestFile } from '../../../test-runner/init.ts';
import { loneReference } from '../../../test-runner/init-samples.ts';

const mod = (
  id: number,
  module: string,
  mapper: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) => ({
  id,
  module,
  version: 1,
  parameters: {},
  mapper,
  metadata: { designer: { x: 0, y: 0 } },
  ...extra,
});

function starter(flow: unknown[], extra: Record<string, unknown> = {}) {
  const scenario = loadScenario(
    { name: 'S', flow, metadata: { scenario: {} }, ...extra },
    { registry: defaultRegistry },
  );
  return starterTestFile(scenario, '/p/s.blueprint.json', '/p/s.test.json');
}

describe('makesim test --init starters', () => {
  it("takes a webhook's input from its learned interface, typed", () => {
    const hook = mod(
      1,
      'gateway:CustomWebHook',
      {},
      {
        parameters: { hook: 1, maxResults: 1 },
        metadata: {
          interface: [
            { name: 'email', type: 'text' },
            { name: 'total', type: 'number' },
            { name: 'at', type: 'date' },
            { name: 'tags', type: 'array', spec: { type: 'text' } },
          ],
        },
      },
    );
    const { file } = starter([hook]);
    expect(file.cases[0]?.input).toEqual({
      email: 'someone@example.com',
      total: 1,
      at: '2025-01-01T09:00:00.000Z',
      tags: ['sample'],
    });
  });

  it("takes an on-demand scenario's input from io.input_spec", () => {
    const { file } = starter(
      [mod(1, 'util:SetVariable2', { name: 'x', scope: 'roundtrip', value: '{{var.input.id}}' })],
      {
        io: { input_spec: [{ name: 'id', type: 'number' }], output_spec: [] },
      },
    );
    expect(file.cases[0]?.input).toEqual({ id: 1 });
  });

  it('stubs a static HTTP URL as written (without its query) and a mapped one by a pattern', () => {
    const { file } = starter([
      mod(1, 'slack:WatchMessages'),
      mod(2, 'http:ActionSendData', { url: 'https://api.x.com/items?a=1', method: 'post' }),
      mod(3, 'http:ActionSendData', { url: 'https://api.x.com/items/{{1.id}}/tags', method: 'get' }),
    ]);
    expect(file.cases[0]?.http).toEqual([
      { method: 'POST', url: 'https://api.x.com/items', response: { status: 200, body: {} } },
      {
        method: 'GET',
        url: '/^https:\\/\\/api\\.x\\.com\\/items\\/.*\\/tags/',
        response: { status: 200, body: {} },
      },
    ]);
  });

  it('gives a URL, JSON text or a date where a later module reads one', () => {
    const { file } = starter([
      mod(9, 'slack:WatchMessages'),
      mod(
        1,
        'openai-gpt-3:CreateCompletion',
        {},
        { metadata: { interface: [{ name: 'result', type: 'text' }] } },
      ),
      mod(2, 'json:ParseJSON', { json: '{{1.result}}' }),
      mod(3, 'google-sheets:filterRows', {}, { metadata: { interface: [{ name: '0', type: 'text' }] } }),
      mod(4, 'http:ActionGetFile', { url: '{{3.`0`}}' }),
      mod(5, 'util:SetVariable2', {
        name: 'd',
        scope: 'roundtrip',
        value: '{{parseDate(3.`1`; "M/D/YYYY")}}',
      }),
    ]);
    const mocks = file.cases[0]?.mocks as Record<string, { output: Record<string, unknown> }>;
    expect(mocks['1']?.output.result).toBe('{}');
    expect(mocks['3']?.output).toEqual({ '0': 'https://example.com/sample', '1': '1/1/2025' });
  });

  it('gives a list holding the URL where a URL is picked from a list, directly or through Set variable', () => {
    const { file } = starter([
      mod(9, 'slack:WatchMessages'),
      mod(1, 'http:ActionSendData', { url: 'https://api.example.com/videos', method: 'get' }),
      mod(2, 'util:SetVariable2', {
        name: 'last_video',
        scope: 'roundtrip',
        value: '{{last(map(1.data.items; "mediaLink"))}}',
      }),
      mod(3, 'http:ActionGetFile', { url: '{{2.last_video}}', method: 'get' }),
      mod(4, 'google-sheets:filterRows', {}, { metadata: { interface: [{ name: 'links', type: 'array' }] } }),
      mod(5, 'http:ActionGetFile', { url: '{{first(map(4.links; "href"))}}', method: 'get' }),
    ]);
    const videos = file.cases[0]?.http?.find((h) => h.url.includes('api'));
    expect(videos?.response.body).toMatchObject({ items: [{ mediaLink: 'https://example.com/sample' }] });
    const mocks = file.cases[0]?.mocks as Record<string, { output: Record<string, unknown> }>;
    expect(mocks['4']?.output.links).toEqual([{ href: 'https://example.com/sample' }]);
  });

  it('lists the data stores and HTTP connections the blueprint names', () => {
    const { config } = starter([
      mod(1, 'datastore:GetRecord', { key: 'k' }, { parameters: { datastore: 42 } }),
      mod(2, 'http:ActionSendDataBasicAuth', { url: 'https://x.io' }, { parameters: { key: 7 } }),
    ]);
    expect(config).toEqual({
      dataStores: [{ name: 'store-42', makeId: 42 }],
      connections: { '7': { type: 'basic', username: 'test-user', password: 'test-password' } },
    });
  });

  it('reads lone references with backticks and array steps', () => {
    expect(loneReference('{{14.choices[].message.content}}')).toEqual({
      moduleId: 14,
      path: [
        { key: 'choices', array: true },
        { key: 'message', array: false },
        { key: 'content', array: false },
      ],
    });
    expect(loneReference('{{790.`4`}}')).toEqual({ moduleId: 790, path: [{ key: '4', array: false }] });
    expect(loneReference('x {{1.a}}')).toBeUndefined();
  });
});
