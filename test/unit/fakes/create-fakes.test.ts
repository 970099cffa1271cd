import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../../engine/index.ts';
import { createFakes } from '../../../fakes/index.ts';
import { defaultRegistry } from '../../../modules/index.ts';
import { runScenario } from '../../../test-runner/library.ts';

const scenario = loadScenario(
  {
    name: 'S',
    flow: [
      {
        id: 1,
        module: 'google-sheets:watchRows',
        version: 2,
        parameters: { spreadsheetId: 'S1', sheetId: 'In' },
        mapper: {},
      },
      {
        id: 2,
        module: 'slack:CreateMessage',
        version: 4,
        parameters: {},
        mapper: { channel: 'C1', text: 'row {{1.`0`}}' },
      },
      { id: 3, module: 'crm:createLead', version: 1, parameters: {}, mapper: { name: '{{1.`0`}}' } },
    ],
    metadata: { scenario: {} },
  },
  { registry: defaultRegistry },
);
const now = new Date('2025-01-01T00:00:00Z');

describe('createFakes', () => {
  it('answers each module a seeded fake covers, by module id', () => {
    const fakes = createFakes({ seeds: { 'google-sheets': {}, slack: {} }, scenario, now });
    expect(Object.keys(fakes.mocks).sort()).toEqual(['1', '2']);
    fakes.close();
  });

  it('leaves modules the case mocks itself (by id or key), and the trigger when the case gives input', () => {
    const fakes = createFakes({
      seeds: { 'google-sheets': {}, slack: {}, generic: {} },
      scenario,
      now,
      mocks: { 'slack:CreateMessage': { output: {} } },
      triggerFromInput: true,
    });
    expect(Object.keys(fakes.mocks)).toEqual(['3']);
    fakes.close();
  });

  it('names the fakes there are when a case seeds an unknown one', () => {
    expect(() => createFakes({ seeds: { sheets: {} }, scenario, now })).toThrow(
      /fakes\.sheets: no fake of that name; the fakes are google-sheets, email, slack, telegram, discord, openai, gemini, airtable, notion, google-drive, generic/,
    );
  });

  it('reports a malformed seed with its place', () => {
    expect(() => createFakes({ seeds: { 'google-sheets': { Sheet1: [] } }, scenario, now })).toThrow(
      /fakes\.google-sheets\.Sheet1: name a sheet as "<spreadsheetId>\/<sheet name>"/,
    );
  });
});

describe('fakes through the library API', () => {
  it('runs a watch trigger, an app action and a generic module from seeded state', async () => {
    const record = await runScenario(scenario, {
      fakes: { 'google-sheets': { 'S1/In': [{ A: 'Ada' }, { A: 'Bob' }] }, slack: { C1: [] }, generic: {} },
    });
    expect(record.status).toBe('success');
    expect(record.modules.find((m) => m.id === 2)?.outputs).toMatchObject([
      { channel: 'C1', message: { text: 'row Ada' } },
      { channel: 'C1', message: { text: 'row Bob' } },
    ]);
    expect(record.modules.find((m) => m.id === 3)?.outputs).toMatchObject([
      { id: 'lead-1', name: 'Ada' },
      { id: 'lead-2', name: 'Bob' },
    ]);
  });
});
