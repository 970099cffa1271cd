/**
 * The nested parts of a module: router routes (Make's help: https://help.make.com/router), if-else branches
 * and merge outputs/filters (https://help.make.com/if-else-and-merge).
 */
import type { CompiledFilter } from '../expression/types.ts';
import type { BuildState, DraftNode } from './build.ts';
import { buildFlow } from './build.ts';
import { compileMapper, compileRawFilter } from './compile.ts';
import type { Steps } from './pace.ts';
import { isDisabledRoute, isFallbackRoute } from './routes.ts';
import { scanValue, type TemplateUse } from './scan.ts';
import type { BranchNode, MergeOutputNode, RouteNode } from './scenario.ts';
import { isRecord } from './settings.ts';

export function* buildRoutes(
  raw: unknown,
  pointer: string,
  place: { inErrorRoute: boolean; routerParameters: unknown },
  state: BuildState,
): Steps<RouteNode[]> {
  if (!Array.isArray(raw)) return [];
  const routes: RouteNode[] = [];
  for (let i = 0; i < raw.length; i++) {
    const route: unknown = raw[i];
    if (!isRecord(route)) continue;
    const at = `${pointer}/${i}`;
    const inner = { inErrorRoute: place.inErrorRoute, isMain: false };
    routes.push({
      pointer: at,
      flow: yield* buildFlow(route.flow, `${at}/flow`, inner, state),
      fallback: isFallbackRoute(route, i, place.routerParameters),
      disabled: isDisabledRoute(route),
    });
  }
  return routes;
}

export function* buildBranches(
  raw: unknown,
  pointer: string,
  node: DraftNode,
  state: BuildState,
): Steps<BranchNode[]> {
  if (!Array.isArray(raw)) return [];
  const uses = state.uses.get(node) ?? [];
  const branches: BranchNode[] = [];
  for (let i = 0; i < raw.length; i++) {
    const branch: unknown = raw[i];
    if (!isRecord(branch)) continue;
    const at = `${pointer}/branches/${i}`;
    const type = branch.type === 'else' ? 'else' : 'condition';
    scanValue(branch.conditions, `${at}/conditions`, uses);
    const condition =
      type === 'condition'
        ? compileRawFilter(
            { name: branch.label, conditions: branch.conditions ?? [] },
            at,
            state.problems,
            node.id,
          )
        : null;
    branches.push({
      pointer: at,
      type,
      label: typeof branch.label === 'string' ? branch.label : undefined,
      condition,
      merge: branch.merge === true,
      flow: yield* buildFlow(
        branch.flow,
        `${at}/flow`,
        { inErrorRoute: node.inErrorRoute, isMain: false },
        state,
      ),
    });
  }
  return branches;
}

export function buildMergeOutputs(
  raw: unknown,
  pointer: string,
  node: DraftNode,
  state: BuildState,
): MergeOutputNode[] {
  const uses: TemplateUse[] = [];
  state.mergeUses.set(node, uses);
  node.mergeFilters = buildMergeFilters(node.raw.filters, `${pointer}/filters`, node, state);
  if (!Array.isArray(raw)) return [];
  const outputs: MergeOutputNode[] = [];
  raw.forEach((output, i) => {
    if (!isRecord(output) || typeof output.name !== 'string') return;
    const at = `${pointer}/outputs/${i}/mappings`;
    const mappings = Array.isArray(output.mappings) ? output.mappings : [];
    scanValue(mappings, at, uses);
    outputs.push({
      name: output.name,
      mappings: mappings.map((m, j) => compileMapper(m, `${at}/${j}`, state.problems, node.id)),
    });
  });
  return outputs;
}

/**
 * Merge `filters`: one per merged branch, `null` for none (Make's help:
 * https://help.make.com/if-else-and-merge).
 */
function buildMergeFilters(
  raw: unknown,
  pointer: string,
  node: DraftNode,
  state: BuildState,
): (CompiledFilter | null)[] {
  if (!Array.isArray(raw)) return [];
  const uses = state.mergeUses.get(node) ?? [];
  scanValue(raw, pointer, uses);
  return raw.map((filter, i) => compileRawFilter(filter, `${pointer}/${i}`, state.problems, node.id));
}
