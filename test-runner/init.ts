/**
 * `makesim test --init <blueprint>`: a starter test file with one case — the trigger input shape
 * and a mock skeleton for every app module — for the user to fill in.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import type { Scenario } from '../engine/blueprint/scenario.ts';
import { interfaceOf, sampleFromInterface } from '../engine/registry/interface-sample.ts';
import type { TestFile } from './types.ts';

export function starterTestFile(scenario: Scenario, blueprintPath: string, testPath: string): TestFile {
  const trigger = scenario.flow[0];
  const mocks: Record<string, { output: Record<string, unknown> }> = {};
  for (const node of scenario.modules) {
    if (node.definition || node === trigger) continue;
    mocks[String(node.id)] = { output: sampleFromInterface(interfaceOf(node.raw)) };
  }
  const input = trigger && !trigger.definition ? sampleFromInterface(interfaceOf(trigger.raw)) : {};
  return {
    blueprint: relative(dirname(testPath), blueprintPath) || basename(blueprintPath),
    settings: { timezone: 'UTC', now: '2025-01-01T09:00:00.000Z' },
    cases: [{ name: 'runs with a typical input', input, mocks, expect: { status: 'success' } }],
  };
}

/** Path of the starter file: `<name>.test.json` beside the blueprint (`x.blueprint.json` → `x.test.json`). */
export function starterPath(blueprintPath: string): string {
  const name = basename(blueprintPath).replace(/(\.blueprint)?\.json$/, '');
  return join(dirname(blueprintPath), `${name}.test.json`);
}

/** Writes the starter file; refuses to overwrite an existing one. Returns its path. */
export function writeStarter(scenario: Scenario, blueprintPath: string): string {
  const path = starterPath(blueprintPath);
  if (existsSync(path)) throw new Error(`${path} already exists; remove it or edit it instead`);
  writeFileSync(path, `${JSON.stringify(starterTestFile(scenario, blueprintPath, path), null, 2)}\n`, {
    flag: 'wx',
  });
  return path;
}
