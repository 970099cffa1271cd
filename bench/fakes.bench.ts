/**
 * Issue target: a fake-backed case costs within 2× of the same case with static mocks. The case
 * is the order-intake example's VIP order (Sheets addRow + filterRows + updateRow, Slack, Gmail),
 * run through the library API once with its fakes and once with mocks answering the same bundles,
 * in alternating rounds after a warm-up of both.
 */
import { resolve } from 'node:path';
import type { Mocks } from '../engine/registry/mocks.ts';
import { loadScenario, runScenario } from '../test-runner/library.ts';
import { formatRate, measureAsync, median, verdict } from './harness.ts';
import type { BenchSuite } from './suites.ts';

const SID = '1CustomersAndOrders';
const input = { email: 'ada@example.com', name: 'Ada', total: 250 };
const fakes = {
  'google-sheets': {
    [`${SID}/Customers`]: [{ A: 'ada@example.com', B: 'Ada', C: 2, D: 'VIP' }],
    [`${SID}/Orders`]: [{ A: 'bob@example.com', B: 12 }],
  },
  slack: { '#vip': [] },
  email: {},
};
const mocks: Mocks = {
  '2': { output: { rowNumber: 3, spreadsheetId: SID, updatedRange: 'Orders!A3:C3' } },
  '3': {
    output: {
      __ROW_NUMBER__: 2,
      __SPREADSHEET_ID__: SID,
      __SHEET__: 'Customers',
      '0': 'ada@example.com',
      '1': 'Ada',
      '2': 2,
      '3': 'VIP',
    },
  },
  '4': { output: { spreadsheetId: SID, updatedRange: 'Customers!A2:C2' } },
  '6': { output: { channel: '#vip', ts: '1.000001' } },
  '7': { output: { id: 'sent-1', threadId: 'thread-sent-1', labelIds: ['SENT'] } },
};

export const fakesSuite: BenchSuite = {
  name: 'fakes',
  title: 'one case with stateful fakes vs the same case with static mocks',
  async run() {
    const scenario = loadScenario(resolve(import.meta.dirname, '../blueprints/order-intake.blueprint.json'));
    const once = async (options: object) => {
      const record = await runScenario(scenario, { input, ...options });
      if (record.status !== 'success') throw new Error(`bench case failed: ${JSON.stringify(record.error)}`);
      return 1;
    };
    // Both warmed first, then measured in alternating rounds (median of 3 each), so neither mode
    // is measured while the compiler is still warming up or the heap still growing.
    await measureAsync('warm-up', () => once({ mocks }), 300);
    await measureAsync('warm-up', () => once({ fakes }), 300);
    const mockRates: number[] = [];
    const fakeRates: number[] = [];
    for (let round = 0; round < 3; round++) {
      mockRates.push((await measureAsync('static mocks', () => once({ mocks }), 500)).perSecond);
      fakeRates.push((await measureAsync('fakes', () => once({ fakes }), 500)).perSecond);
    }
    const [withMocks, withFakes] = [median(mockRates), median(fakeRates)];
    console.log(`  static mocks: ${formatRate(withMocks)} cases/s; fakes: ${formatRate(withFakes)} cases/s`);
    const ratio = withMocks / withFakes;
    console.log(verdict('cost of a fake-backed case / static-mock case', ratio, 2, '×', false));
  },
};
