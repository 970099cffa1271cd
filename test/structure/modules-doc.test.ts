/**
 * docs/modules.md is generated from modules/index.ts (scripts/gen-modules-doc.ts); this fails when
 * it is stale, and when a registered module lacks its documentation or any test naming its key or importing its file.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinModules } from '../../modules/index.ts';
import { MODULES_DOC_PATH, renderModulesDoc } from '../../scripts/gen-modules-doc.ts';

const repoRoot = path.resolve(path.dirname(MODULES_DOC_PATH), '..');

function filesUnder(dir: string, pattern: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

/** Module key → its source file (`modules/app/file.ts`), from each file's `key: '…'`. */
const sourceOf = new Map<string, string>();
for (const file of filesUnder(path.join(repoRoot, 'modules'), /\.ts$/)) {
  for (const match of readFileSync(file, 'utf8').matchAll(/\bkey:\s*'([\w-]+:\w+)'/g)) {
    if (match[1]) sourceOf.set(match[1], path.relative(repoRoot, file).split(path.sep).join('/'));
  }
}

const testText = filesUnder(path.join(repoRoot, 'test'), /\.(test\.ts|json|ya?ml)$/)
  .filter((file) => !file.endsWith(path.join('structure', 'modules-doc.test.ts')))
  .map((file) => readFileSync(file, 'utf8'))
  .join('\n');

describe('docs/modules.md', () => {
  it('matches the registered modules (run `npm run docs:modules` when this fails)', () => {
    expect(readFileSync(MODULES_DOC_PATH, 'utf8')).toBe(renderModulesDoc(builtinModules));
  });

  it.each(builtinModules.map((d) => [d.key, d] as const))('%s is documented', (_key, definition) => {
    expect(definition.label.trim()).not.toBe('');
    expect(definition.description.trim()).not.toBe('');
    expect(definition.output.trim()).not.toBe('');
    expect(definition.versions.length).toBeGreaterThan(0);
    if (definition.fidelity === 'partial') expect(definition.fidelityNotes?.trim() ?? '').not.toBe('');
  });

  it.each(builtinModules.map((d) => d.key))('%s is named or imported by at least one test', (key) => {
    const source = sourceOf.get(key);
    expect(testText.includes(key) || (source !== undefined && testText.includes(source))).toBe(true);
  });
});
