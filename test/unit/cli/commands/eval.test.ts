import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../cli/main.ts';
import { captureOutput } from '../../../helpers/cli.ts';

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');
const stripColours = (text: string) => text.replace(ANSI, '');

function dataFile(content: unknown): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'makesim-eval-'));
  writeFileSync(path.join(dir, 'bundles.json'), JSON.stringify(content));
  return dir;
}

describe('makesim eval', () => {
  it('prints a reference from the data file as JSON', async () => {
    const dir = dataFile({ '1': { name: 'Ann', n: 2 } });
    const { io, ctx } = captureOutput(dir);
    expect(await main(['eval', '{{1.name}}', '--data', 'bundles.json'], ctx)).toBe(0);
    expect(JSON.parse(io.stdout)).toBe('Ann');
  });

  it('keeps the type of a whole-field formula', async () => {
    const dir = dataFile({ '1': { items: [1, 2] } });
    const { io, ctx } = captureOutput(dir);
    expect(await main(['eval', '{{1.items}}', '--data', 'bundles.json'], ctx)).toBe(0);
    expect(JSON.parse(io.stdout)).toEqual([1, 2]);
  });

  it('reads var scopes from the data file', async () => {
    const dir = dataFile({ var: { organization: { key: 'k1' } } });
    const { io, ctx } = captureOutput(dir);
    expect(await main(['eval', 'x-{{var.organization.key}}', '--data', 'bundles.json', '--raw'], ctx)).toBe(
      0,
    );
    expect(io.stdout).toBe('x-k1\n');
  });

  it('prints dates as ISO strings and honours --now', async () => {
    const { io, ctx } = captureOutput();
    expect(await main(['eval', '{{now}}', '--now', '2024-02-28T10:00:00Z'], ctx)).toBe(0);
    expect(JSON.parse(io.stdout)).toBe('2024-02-28T10:00:00.000Z');
  });

  it('shows a caret under the syntax error and exits 1', async () => {
    const { io, ctx } = captureOutput();
    expect(await main(['eval', 'ab {{1 + }}'], ctx)).toBe(1);
    const lines = stripColours(io.stderr).split('\n');
    expect(lines[0]).toBe('ab {{1 + }}');
    // The formula ends at the `}}` (offset 9): the caret sits under it.
    expect(lines[1]?.indexOf('^')).toBe(9);
    expect(io.stderr).toContain('unexpected-end');
  });

  it('exits 2 when the data file is missing', async () => {
    const { ctx } = captureOutput();
    expect(await main(['eval', '{{1.a}}', '--data', '/no/such/file.json'], ctx)).toBe(2);
  });

  it('exits 2 on an unknown timezone', async () => {
    const { ctx } = captureOutput();
    expect(await main(['eval', '{{1}}', '--timezone', 'Mars/Olympus'], ctx)).toBe(2);
  });

  it('formats a date shifted by addDays in the issue example', async () => {
    const { io, ctx } = captureOutput();
    const template = '{{formatDate(addDays("2024-02-28T10:00:00Z"; 1); "DD.MM.YYYY")}}';
    expect(await main(['eval', template], ctx)).toBe(0);
    expect(io.stdout).toBe('"29.02.2024"\n');
  });
});
