import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTestFile, TestFileError } from '../../../test-runner/load-test-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'makesim-testfile-'));

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function problemsOf(path: string): string[] {
  try {
    loadTestFile(path);
  } catch (error) {
    if (error instanceof TestFileError) return error.problems;
    throw error;
  }
  throw new Error('expected a TestFileError');
}

describe('loading test files', () => {
  it('resolves the blueprint relative to the test file', () => {
    const path = write(
      'ok.test.json',
      JSON.stringify({ blueprint: 'x.blueprint.json', cases: [{ name: 'a' }] }),
    );
    expect(loadTestFile(path).blueprintPath).toBe(join(dir, 'x.blueprint.json'));
  });

  it('reads YAML test files', () => {
    const path = write(
      'ok.test.yaml',
      'blueprint: x.json\ncases:\n  - name: first\n    expect:\n      status: success\n',
    );
    expect(loadTestFile(path).cases[0]?.expect?.status).toBe('success');
  });

  it('reports invalid JSON with line and column', () => {
    const [problem] = problemsOf(write('bad.test.json', '{\n  "blueprint": "x.json",\n  "cases": [,]\n}'));
    expect(problem).toMatch(/line 3, column \d+/);
  });

  it('names the pointer of a misspelt expectation key', () => {
    const path = write(
      'typo.test.json',
      JSON.stringify({ blueprint: 'x', cases: [{ name: 'a', expect: { stauts: 'success' } }] }),
    );
    expect(problemsOf(path)).toContain('/cases/0/expect: unknown key "stauts"');
  });

  it('rejects duplicate case names', () => {
    const path = write(
      'dup.test.json',
      JSON.stringify({ blueprint: 'x', cases: [{ name: 'a' }, { name: 'a' }] }),
    );
    expect(problemsOf(path)[0]).toMatch(/^\/cases\/1\/name: duplicate/);
  });

  it('rejects a mock error without a type', () => {
    const path = write(
      'mock.test.json',
      JSON.stringify({ blueprint: 'x', cases: [{ name: 'a', mocks: { '4': { error: { message: 'x' } } } }] }),
    );
    expect(problemsOf(path).some((p) => p.startsWith('/cases/0/mocks/4'))).toBe(true);
  });

  it('gives every case the same keys in the same order, absent ones undefined', () => {
    const path = write(
      'shapes.test.json',
      JSON.stringify({
        blueprint: 'x',
        cases: [
          { name: 'a', input: { n: 1 }, expect: { status: 'success' } },
          { expect: { status: 'error' }, mocks: { '2': { output: {} } }, name: 'b' },
        ],
      }),
    );
    const [a, b] = loadTestFile(path).cases;
    expect(Object.keys(a!)).toEqual(Object.keys(b!));
    expect(a).toMatchObject({ name: 'a', input: { n: 1 }, mocks: undefined, expect: { status: 'success' } });
    expect(b).toMatchObject({ name: 'b', input: undefined, mocks: { '2': { output: {} } } });
  });
});
