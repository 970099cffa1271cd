/**
 * Test files and cases in one fixed shape each, whatever keys a file wrote: every optional key
 * present (undefined when absent), always in the same order. The per-case path (run-case.ts,
 * execute-case.ts, case-result.ts) then sees one hidden class per kind of object instead of one
 * per combination of keys, so V8 optimises it once per thread rather than again at each test file
 * that brings a new combination ('wrong map' deopts, measured with --trace-deopt on
 * bench/test-workers.child.mjs). `undefined` and absent mean the same everywhere these are read.
 */
import type { CaseInput } from './execute-case.ts';
import type { LoadedTestFile, TestCase, TestFile } from './types.ts';

export function loadedTestFile(file: TestFile, path: string, blueprintPath: string): LoadedTestFile {
  return {
    blueprint: file.blueprint,
    settings: file.settings,
    mocks: file.mocks,
    cases: file.cases.map(fixedTestCase),
    path,
    blueprintPath,
  };
}

function fixedTestCase(testCase: TestCase): TestCase {
  // The same keys in the same order for every case: one chain of hidden classes.
  return { name: testCase.name, ...caseInput(testCase), expect: testCase.expect };
}

/** What a case gives to its run (executeCase), in the fixed shape. */
export function caseInput(testCase: TestCase): CaseInput {
  return {
    input: testCase.input,
    weight: testCase.weight,
    request: testCase.request,
    mocks: testCase.mocks,
    fakes: testCase.fakes,
    dataStores: testCase.dataStores,
    http: testCase.http,
    settings: testCase.settings,
  };
}
