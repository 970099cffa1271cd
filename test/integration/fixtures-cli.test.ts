/**
 * `makesim fixtures import` from bundle files in Make's download shape: a JSON array of bundles
 * per operation ("Download output bundles" / "Download input bundles", docs/testing.md).
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const root = resolve(import.meta.dirname, '../..');
const bundles = (name: string) => join(root, 'test/fixtures/make-bundles', name);

function project() {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-fixtures-'));
  copyFileSync(join(root, 'blueprints/order-intake.blueprint.json'), join(dir, 'order.blueprint.json'));
  const test = {
    blueprint: 'order.blueprint.json',
    cases: [
      {
        name: 'vip',
        input: { email: 'ada@example.com', name: 'Ada', total: 250 },
        expect: { status: 'success' },
      },
    ],
  };
  writeFileSync(join(dir, 'order.test.json'), JSON.stringify(test));
  return dir;
}

const read = (dir: string) => JSON.parse(readFileSync(join(dir, 'order.test.json'), 'utf8'));

describe('makesim fixtures import', () => {
  it('writes downloaded output bundles as the module mock, several bundles as one answer', async () => {
    const dir = project();
    const { code, out } = await runCli(
      ['fixtures', 'import', '3', bundles('filter-rows.output.json'), '--test', 'order.test.json'],
      { cwd: dir },
    );
    expect(code).toBe(0);
    expect(out).toContain('mocks.3');
    const mock = read(dir).cases[0].mocks['3'];
    expect(mock.output).toHaveLength(2);
    expect(mock.output[1]).toMatchObject({ __ROW_NUMBER__: 4, '1': 'Cy' });
  });

  it('pairs each operation with its downloaded input as "when"', async () => {
    const dir = project();
    const args = [
      'fixtures',
      'import',
      '6',
      bundles('slack.output.json'),
      '--input',
      bundles('slack.input.json'),
      '--test',
      'order.test.json',
    ];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    const mock = read(dir).cases[0].mocks['6'];
    expect(mock).toEqual([
      {
        when: { channel: '#vip', text: 'VIP order from Ada: 250 (order row 3)' },
        output: [expect.objectContaining({ channel: 'C0VIP' })],
      },
      {
        when: { channel: '#vip', text: 'VIP order from Bo: 9 (order row 4)' },
        output: [expect.objectContaining({ ts: '1740819601.000200' })],
      },
    ]);
  });

  it('writes Sheets row bundles as a google-sheets fake seed at their row numbers', async () => {
    const dir = project();
    const args = [
      'fixtures',
      'import',
      '3',
      bundles('filter-rows.output.json'),
      '--test',
      'order.test.json',
      '--seed',
    ];
    expect((await runCli(args, { cwd: dir })).code).toBe(0);
    expect(read(dir).cases[0].fakes).toEqual({
      'google-sheets': {
        '1CustomersAndOrders/Customers': [
          { '0': 'ada@example.com', '1': 'Ada', '2': '2', '3': 'VIP' },
          {},
          { '0': 'cy@example.com', '1': 'Cy', '2': '0', '3': 'regular' },
        ],
      },
    });
  });

  it('refuses a file that is not Make bundles, and a module the blueprint lacks, with exit 2', async () => {
    const dir = project();
    writeFileSync(join(dir, 'bad.json'), '{"rows": 1}');
    const bad = await runCli(['fixtures', 'import', '3', 'bad.json', '--test', 'order.test.json'], {
      cwd: dir,
    });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('JSON array of objects');
    const missing = await runCli(
      ['fixtures', 'import', '99', bundles('slack.output.json'), '--test', 'order.test.json'],
      { cwd: dir },
    );
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no module 99');
  });
});
