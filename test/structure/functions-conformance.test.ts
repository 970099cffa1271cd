/** Every formula function of the catalogue has at least one conformance case (a case calling it). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueNames, functions } from '../../engine/expression/functions/index.ts';

const casesDir = resolve(import.meta.dirname, '../conformance/iml/cases');
const cases = readdirSync(casesDir)
  .filter((file) => file.endsWith('.json'))
  .map((file) => readFileSync(join(casesDir, file), 'utf8'))
  .join('\n');

describe('the formula function catalogue', () => {
  it.each([...functions.keys()])('%s has a conformance case', (name) => {
    expect(new RegExp(`\\b${name}\\(`).test(cases)).toBe(true);
  });

  it('has no name registered twice (a later category would silently replace an earlier one)', () => {
    expect(catalogueNames.length).toBe(new Set(catalogueNames).size);
  });
});
