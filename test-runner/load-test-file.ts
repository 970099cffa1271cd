import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type YAMLType from 'yaml';
import { parseJsonText } from '../engine/errors/json-syntax.ts';
import { loadedTestFile } from './case-shapes.ts';
import { describeSchemaErrors, validateTestFile } from './schema.ts';
import type { LoadedTestFile, TestFile } from './types.ts';

/** A test file that cannot be used; `problems` name the place and what to fix. */
export class TestFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'TestFileError';
  }
}

export function isTestFileName(name: string): boolean {
  return /\.test\.(json|ya?ml)$/.test(name);
}

export function loadTestFile(path: string): LoadedTestFile {
  const parsed = parseText(path, readFileSync(path, 'utf8'));
  if (!validateTestFile(parsed)) throw new TestFileError(path, describeSchemaErrors(validateTestFile.errors));
  const file = parsed as unknown as TestFile;
  const names = new Set<string>();
  for (const [i, c] of file.cases.entries()) {
    if (names.has(c.name))
      throw new TestFileError(path, [`/cases/${i}/name: duplicate case name "${c.name}"`]);
    names.add(c.name);
  }
  return loadedTestFile(file, path, resolve(dirname(path), file.blueprint));
}

/**
 * yaml loads with the first YAML test file: its CommonJS entry and some 50 files it requires
 * cost ~35 ms at the start of every test worker thread and command, and most suites are JSON
 * (bench/test-workers.bench.ts).
 */
const require = createRequire(import.meta.url);

function parseText(path: string, text: string): unknown {
  if (/\.ya?ml$/.test(path)) {
    const YAML = require('yaml') as typeof YAMLType;
    const doc = YAML.parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      throw new TestFileError(
        path,
        doc.errors.map((e) => `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message}`),
      );
    }
    return doc.toJS();
  }
  const parsed = parseJsonText(text);
  if (!parsed.ok) throw new TestFileError(path, [parsed.problem.message]);
  return parsed.value;
}
