/**
 * `makesim fixtures import`: turns the bundles Make's scenario editor downloads ("Download output
 * bundles" / "Download input bundles" on a module's run bubble) into a mock — or, for Google
 * Sheets row bundles, a fake seed — in a test file. Make's download is a JSON array with one
 * object per bundle (Make Help Center, "Simulating module output using Parse JSON"; the same JSON
 * the Custom Apps interface generator takes). A file holding several operations' downloads as an
 * array of such arrays gives one response per call, in order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseJsonText } from '../engine/errors/json-syntax.ts';
import type { MockResponse } from '../engine/registry/mocks.ts';
import { loadBlueprintForTests } from './environment.ts';
import type { TestCase, TestFile } from './types.ts';

type Bundle = Record<string, unknown>;

export interface ImportOptions {
  moduleId: number;
  /** Make's downloaded output bundles. */
  outputFile: string;
  /** Make's downloaded input bundles of the same run: each operation's input becomes its `when`. */
  inputFile?: string;
  testFile: string;
  /** Case name; default the file's first case. */
  caseName?: string;
  /** Write Google Sheets row bundles as a `google-sheets` fake seed instead of a mock. */
  seed?: boolean;
}

export class FixtureError extends Error {}

export function importFixture(options: ImportOptions): { caseName: string; wrote: string } {
  const operations = readOperations(options.outputFile, 'output');
  const inputs = options.inputFile ? readOperations(options.inputFile, 'input') : undefined;
  if (inputs && inputs.length !== operations.length) {
    throw new FixtureError(
      `${options.inputFile}: ${inputs.length} operation(s) of input bundles, but ${options.outputFile} has ${operations.length}; download both from the same run`,
    );
  }
  const file = readTestFile(options.testFile);
  checkModule(file, options);
  const testCase = pickCase(file, options);
  const wrote = options.seed
    ? writeSeed(testCase, operations.flat())
    : writeMock(testCase, options.moduleId, operations, inputs);
  writeFileSync(options.testFile, `${JSON.stringify(file, null, 2)}\n`);
  return { caseName: testCase.name, wrote };
}

/** One operation = an array of bundles; a file is one operation, or an array of them. */
function readOperations(path: string, what: 'input' | 'output'): Bundle[][] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new FixtureError(`${path}: cannot read the file`);
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new FixtureError(`${path}: ${parsed.problem.message}`);
  const value = parsed.value;
  const isBundles = (v: unknown): v is Bundle[] =>
    Array.isArray(v) && v.every((b) => b !== null && typeof b === 'object' && !Array.isArray(b));
  if (isBundles(value)) return [value];
  if (Array.isArray(value) && value.length > 0 && value.every(isBundles)) return value;
  throw new FixtureError(
    `${path}: expected Make's downloaded ${what} bundles, a JSON array of objects ([{…}, …]), or an array of those (one per operation)`,
  );
}

function readTestFile(path: string): TestFile {
  const parsed = parseJsonText(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new FixtureError(`${path}: ${parsed.problem.message}`);
  const file = parsed.value as TestFile;
  if (!file || typeof file !== 'object' || !Array.isArray(file.cases) || typeof file.blueprint !== 'string') {
    throw new FixtureError(`${path}: not a makesim test file (it needs "blueprint" and "cases")`);
  }
  return file;
}

function checkModule(file: TestFile, options: ImportOptions): void {
  const scenario = loadBlueprintForTests(resolve(dirname(options.testFile), file.blueprint));
  const node = scenario.byId.get(options.moduleId);
  if (!node) {
    const ids = scenario.modules.filter((m) => !m.definition).map((m) => `${m.id} (${m.key})`);
    throw new FixtureError(
      `the blueprint has no module ${options.moduleId}; its app modules are ${ids.join(', ') || 'none'}`,
    );
  }
}

function pickCase(file: TestFile, options: ImportOptions): TestCase {
  if (file.cases.length === 0) file.cases.push({ name: 'imported from Make', expect: { status: 'success' } });
  const found = options.caseName ? file.cases.find((c) => c.name === options.caseName) : file.cases[0];
  if (!found) {
    throw new FixtureError(
      `no case "${options.caseName}" in ${options.testFile}; its cases are ${file.cases.map((c) => JSON.stringify(c.name)).join(', ')}`,
    );
  }
  return found;
}

function writeMock(
  testCase: TestCase,
  moduleId: number,
  operations: Bundle[][],
  inputs: Bundle[][] | undefined,
): string {
  const responses: MockResponse[] = operations.map((output, i) => {
    const input = inputs?.[i]?.[0];
    return input ? { when: input, output } : { output };
  });
  testCase.mocks = {
    ...testCase.mocks,
    [String(moduleId)]: responses.length === 1 && !inputs ? (responses[0] as MockResponse) : responses,
  };
  return `mocks.${moduleId}: ${responses.length} response(s)${inputs ? ' chosen by their input ("when")' : ''}`;
}

/** Sheets row bundles (`__SPREADSHEET_ID__`, `__SHEET__`, `__ROW_NUMBER__`, cells by index) → seed rows. */
function writeSeed(testCase: TestCase, bundles: Bundle[]): string {
  testCase.fakes = testCase.fakes ?? {};
  const fakes = testCase.fakes as Record<string, Record<string, unknown[]>>;
  fakes['google-sheets'] = fakes['google-sheets'] ?? {};
  const sheets = fakes['google-sheets'];
  for (const bundle of bundles) {
    const sid = bundle.__SPREADSHEET_ID__;
    const sheet = bundle.__SHEET__;
    const rowNumber = Number(bundle.__ROW_NUMBER__);
    if (
      typeof sid !== 'string' ||
      typeof sheet !== 'string' ||
      !Number.isInteger(rowNumber) ||
      rowNumber < 2
    ) {
      throw new FixtureError(
        '--seed takes Google Sheets row bundles (with __SPREADSHEET_ID__, __SHEET__ and __ROW_NUMBER__); import other bundles as a mock',
      );
    }
    const key = `${sid}/${sheet}`;
    sheets[key] = sheets[key] ?? [];
    const rows = sheets[key];
    while (rows.length < rowNumber - 1) rows.push({});
    rows[rowNumber - 2] = Object.fromEntries(Object.entries(bundle).filter(([k]) => !/^__.*__$/.test(k)));
  }
  return `fakes.google-sheets: ${Object.keys(sheets).join(', ')}`;
}
