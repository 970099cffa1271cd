import { resolve } from 'node:path';
import { BlueprintError, loadScenario, runScenario } from 'makesim';
import { describe, expect, it } from 'vitest';
import 'makesim/vitest';

const blueprint = (name: string) =>
  resolve(import.meta.dirname, '../../blueprints', `${name}.blueprint.json`);

describe('the library API (docs/testing.md)', () => {
  it('runs a blueprint path with test-case options and offers the makesim matchers', async () => {
    const scenario = loadScenario(blueprint('webhook-router'));
    const record = await runScenario(scenario, { input: { type: 'order', orderId: 'L-1', total: 10 } });
    expect(record).toHaveStatus('success');
    expect(record).toHaveOperations(3);
    expect(record).toHaveRun(3);
    expect(record).not.toHaveRun(7);
    expect(record).toHaveOutput(3, { orderTotal: '10,00' });
    expect(record).not.toHaveOutput(3, { orderTotal: '11,00' });
  });

  it('finds the project config beside the blueprint for data stores and seeds them', async () => {
    const record = await runScenario(loadScenario(blueprint('data-store')), {
      input: { type: 'order', orderId: 'A-1', customer: 'Ada', total: 5 },
      dataStores: { 'seen-orders': { 'A-1': { customer: 'Ada', total: 5 } } },
    });
    expect(record).toHaveStatus('success');
    expect(record).not.toHaveRun(3);
  });

  it('uses mocks and settings like a test case', async () => {
    const record = await runScenario(blueprint('error-handling'), {
      input: { email: 'a@x', name: 'A' },
      mocks: { 'google-sheets:addRow': { output: { rowNumber: 9 } } },
      settings: { now: '2025-03-01T09:00:00Z' },
    });
    expect(record).toHaveOutput(7, { value: 'Welcome A (row 9)' });
  });

  it('answers app modules from a function mock of the mapped input, sync or async', async () => {
    const calls: unknown[] = [];
    const record = await runScenario(blueprint('error-handling'), {
      input: [
        { email: 'a@x', name: 'A' },
        { email: 'b@x', name: 'B' },
      ],
      mocks: {
        'google-sheets:addRow': async (input, call) => {
          calls.push(call.n);
          const values = input.values as Record<string, string>;
          return { output: { rowNumber: values['1'] === 'A' ? 10 : 20 } };
        },
      },
    });
    expect(record).toHaveStatus('success');
    expect(calls).toEqual([1, 2]);
    expect(record).toHaveOutput(7, { value: 'Welcome A (row 10)' });
    expect(record.modules.find((m) => m.id === 7)?.outputs).toEqual([
      { value: 'Welcome A (row 10)' },
      { value: 'Welcome B (row 20)' },
    ]);
  });

  it('throws a BlueprintError with a pointer for broken blueprint JSON text', () => {
    expect(() => loadScenario('{"name": "x", "flow": [ }')).toThrow(BlueprintError);
  });

  it('the matchers explain a wrong status with the run error', async () => {
    const record = await runScenario(blueprint('error-handling'), { input: { email: 'a@x', name: 'A' } });
    expect(() => expect(record).toHaveStatus('success')).toThrow(/got error \(MissingMock/);
  });

  it("gives the fakes' state after the run as record.fakes, outside the record's JSON", async () => {
    const record = await runScenario(blueprint('error-handling'), {
      input: { email: 'ada@example.com', name: 'Ada' },
      fakes: { 'google-sheets': { '1Signups/Signups': [{ A: 'zed@example.com' }] } },
    });
    expect(record).toHaveStatus('success');
    expect(record.fakes).toEqual({
      'google-sheets': {
        '1Signups/Signups': [{ '0': 'zed@example.com' }, { '0': 'ada@example.com', '1': 'Ada' }],
      },
    });
    // The record keeps the shape docs/execution-record.md describes.
    expect(Object.keys(record)).not.toContain('fakes');
    expect(JSON.stringify(record)).not.toContain('zed@example.com');
    expect(record).toHaveFakes({ 'google-sheets': { '1Signups/Signups': [{}, { '1': 'Ada' }] } });
    expect(record).not.toHaveFakes({ 'google-sheets': { '1Signups/Signups': [{}, { '1': 'Bob' }] } });
    expect(() => expect(record).toHaveFakes({ slack: {} })).toThrow(/seeds no fake "slack"/);
    expect(() =>
      expect(record).toHaveFakes({ 'google-sheets': { '1Signups/Signups': [{}, { '1': 'Bob' }] } }),
    ).toThrow(/fakes\.google-sheets\.1Signups\/Signups\[1\]\.1: expected "Bob", got "Ada"/);
  });

  it('gives an empty fakes state to a run without fakes', async () => {
    const record = await runScenario(blueprint('webhook-router'), {
      input: { type: 'order', orderId: 'L-1', total: 10 },
    });
    expect(record.fakes).toEqual({});
  });
});
