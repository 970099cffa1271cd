/** The quick case count that decides how many worker threads `--workers auto` starts early. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countCases } from '../../../test-runner/case-count.ts';

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('countCases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'makesim-count-'));
  const cases = (...names: string[]) =>
    JSON.stringify({ blueprint: 'x', cases: names.map((name) => ({ name })) });
  const a = write(dir, 'a.test.json', cases('refund', 'order', 'Refund twice'));
  const b = write(dir, 'b.test.json', cases('order'));
  const broken = write(dir, 'c.test.json', '{ "cases": [');
  const yaml = write(dir, 'd.test.yaml', 'cases:\n  - name: one\n');

  it('adds up the cases of every JSON file, a broken or YAML file counting none', () => {
    expect(countCases([a, b, broken, yaml], undefined)).toBe(4);
  });

  it('counts only the cases the filter keeps, ignoring case as the filter does', () => {
    expect(countCases([a, b], 'REFUND')).toBe(2);
  });
});
