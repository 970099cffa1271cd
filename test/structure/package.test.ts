/**
 * The package as npm sees it (package.json): its `engines` range holds for every package in the
 * installed tree (no EBADENGINE on a supported Node), and the entry points it declares are the
 * built ones (the packed-package test, scripts/test-package.mjs, runs them).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const read = (file: string) => JSON.parse(readFileSync(path.join(root, file), 'utf8'));
const pkg = read('package.json');
const lock = read('package-lock.json') as {
  packages: Record<string, { version?: string; engines?: { node?: string } | string[] }>;
};

describe('package.json', () => {
  it('declares a Node range every installed package accepts', () => {
    const ours: string = pkg.engines.node;
    const refusing = Object.entries(lock.packages)
      .filter(([where]) => where !== '')
      .flatMap(([where, entry]) => {
        const theirs = Array.isArray(entry.engines) ? undefined : entry.engines?.node;
        return theirs && !semver.subset(ours, theirs) ? [`${where}@${entry.version} needs ${theirs}`] : [];
      });
    expect(refusing).toEqual([]);
  });

  it('points every entry at built JavaScript, and tsx is for development only', () => {
    const exported = Object.values(pkg.exports as Record<string, string | Record<string, string>>);
    const targets = [
      pkg.bin.makesim,
      ...exported.flatMap((e) => (typeof e === 'string' ? [e] : Object.values(e))),
    ];
    for (const target of targets) expect(target).toMatch(/^\.\/(dist\/.*\.(js|d\.ts)|package\.json)$/);
    expect(pkg.dependencies.tsx).toBeUndefined();
    expect(pkg.files).toContain('dist');
  });
});
