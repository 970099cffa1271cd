/**
 * The engine's layers import one way (engine/README.md "Layers"): runtime/ (the core loop and its
 * wiring) → flow/ (Make's rules) → state/ (the execution state). A cycle between these folders
 * means a rule reaches back into the loop, or the state into a rule. Imports are read with a
 * regular expression over the sources: `import … from`, `export … from` and type-only imports all
 * count, since a type import is a dependency a reader must follow too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engine = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../engine');
const LAYERS = ['runtime', 'flow', 'state'] as const;
const SPECIFIER = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g;

/** Folder edges between the layers: `flow → state` when a flow/ file imports a state/ file. */
function layerEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>(LAYERS.map((layer) => [layer, new Set<string>()]));
  for (const layer of LAYERS) {
    const dir = path.join(engine, layer);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(path.join(dir, file), 'utf8');
      for (const [, specifier] of source.matchAll(SPECIFIER)) {
        if (!specifier?.startsWith('.')) continue;
        const target = path.relative(engine, path.resolve(dir, specifier)).split(path.sep)[0];
        if (target && target !== layer && edges.has(target)) edges.get(layer)?.add(target);
      }
    }
  }
  return edges;
}

/** A cycle as a list of folders (first = last), or null. Depth-first search. */
function findCycle(edges: Map<string, Set<string>>): string[] | null {
  const done = new Set<string>();
  const visit = (node: string, stack: string[]): string[] | null => {
    const at = stack.indexOf(node);
    if (at >= 0) return [...stack.slice(at), node];
    if (done.has(node)) return null;
    for (const next of edges.get(node) ?? []) {
      const cycle = visit(next, [...stack, node]);
      if (cycle) return cycle;
    }
    done.add(node);
    return null;
  };
  for (const node of edges.keys()) {
    const cycle = visit(node, []);
    if (cycle) return cycle;
  }
  return null;
}

describe('engine layers', () => {
  it('finds a cycle when two folders import each other (the check itself)', () => {
    const edges = new Map([
      ['flow', new Set(['runtime'])],
      ['runtime', new Set(['flow'])],
    ]);
    expect(findCycle(edges)).toEqual(['flow', 'runtime', 'flow']);
  });

  it('has no import cycle between runtime/, flow/ and state/', () => {
    expect(findCycle(layerEdges())).toBeNull();
  });

  it('keeps state/ free of flow/ and runtime/, and flow/ free of runtime/', () => {
    const edges = layerEdges();
    expect([...(edges.get('state') ?? [])]).toEqual([]);
    expect([...(edges.get('flow') ?? [])]).toEqual(['state']);
  });
});
