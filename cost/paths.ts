/**
 * Which share of the bundles reaching a Router or If-else takes each route / branch.
 * Router (https://help.make.com/router): every enabled route whose condition passes; the fallback route
 * only when no other route matched. If-else (https://help.make.com/if-else-and-merge): exactly one
 * branch, the first whose condition passes, else the `else` branch.
 * Measured shares are used as they are; rates set with `--pass` are combined assuming the
 * conditions are independent (the model's one simplification, stated in the report).
 */
import type { BranchNode, ModuleNode, RouteNode } from '../engine/blueprint/scenario.ts';
import type { Parameters } from './parameters.ts';
import { clean, type Factor } from './term.ts';

export function routeFactors(router: ModuleNode, params: Parameters): Array<[RouteNode, Factor | undefined]> {
  const enabled = router.routes.filter((route) => !route.disabled);
  const out: Array<[RouteNode, Factor | undefined]> = [];
  let noneMatched = 1;
  for (const route of enabled) {
    if (route.fallback) continue;
    const first = route.flow[0];
    const pass = first?.filter ? params.pass(first) : undefined;
    noneMatched *= 1 - (pass?.value ?? 1);
    const reach = reached(router, route, params);
    out.push([route, reach && pass ? product(reach, pass) : (reach ?? pass)]);
  }
  const anySet = out.some(([, f]) => f?.source === 'set');
  for (const route of enabled) {
    if (!route.fallback) continue;
    const first = route.flow[0];
    const tried = first?.filter ? triedFilter(params, first) : params.paths(route.pointer);
    const measured = anySet ? undefined : params.pathRate(router, tried);
    const unmatched: Factor =
      measured === undefined
        ? { name: `unmatched(${router.id})`, value: clean(noneMatched), source: 'derived' }
        : { name: `unmatched(${router.id})`, value: measured, source: 'measured' };
    const pass = first?.filter ? params.pass(first) : undefined;
    out.push([
      route,
      pass
        ? {
            name: `${unmatched.name} × ${pass.name}`,
            value: clean(unmatched.value * pass.value),
            source: unmatched.source,
          }
        : unmatched,
    ]);
  }
  return out;
}

/**
 * Measured share of the router's bundles that reached a route at all (before its filter): below 1
 * when an earlier route ended the bundle — an Ignore there skips the later routes, an unhandled error
 * there ends the run before them (routes run one after another; docs/fidelity.md "Routes reached").
 * Undefined when not measured or 1.
 */
function reached(router: ModuleNode, route: RouteNode, params: Parameters): Factor | undefined {
  const arrived = params.counts(router.id)?.bundlesIn ?? 0;
  if (arrived === 0) return undefined;
  const first = route.flow[0];
  const tried = first?.filter ? triedFilter(params, first) : params.paths(route.pointer);
  const share = clean(tried / arrived);
  const name = `reached(${router.id}.${router.routes.indexOf(route) + 1})`;
  return share === 1 ? undefined : { name, value: share, source: 'measured' };
}

function product(a: Factor, b: Factor): Factor {
  return { name: `${a.name} × ${b.name}`, value: clean(a.value * b.value), source: b.source };
}

function triedFilter(params: Parameters, node: ModuleNode): number {
  const counts = params.counts(node.id);
  return counts ? counts.passed + counts.failed : 0;
}

export function branchFactors(ifElse: ModuleNode, params: Parameters): Array<[BranchNode, Factor]> {
  const anySet = ifElse.branches.some((_, i) => params.branchPass(ifElse, i + 1) !== undefined);
  const measured =
    !anySet && params.counts(ifElse.id) !== undefined && (params.counts(ifElse.id)?.bundlesIn ?? 0) > 0;
  let remaining = 1;
  return ifElse.branches.map((branch, i) => {
    const name = `branch(${ifElse.id}.${i + 1})`;
    if (measured) {
      return [
        branch,
        { name, value: params.pathRate(ifElse, params.paths(branch.pointer)) ?? 0, source: 'measured' },
      ];
    }
    const p = conditionRate(branch, params.branchPass(ifElse, i + 1));
    const share = clean(remaining * p);
    remaining = clean(remaining * (1 - p));
    return [
      branch,
      { name, value: share, source: params.branchPass(ifElse, i + 1) === undefined ? 'assumed' : 'set' },
    ];
  });
}

/**
 * `else` takes whatever is left; a condition branch without conditions is disabled
 * (https://github.com/integromat/make-blueprints `if-else-merge`).
 */
function conditionRate(branch: BranchNode, set: number | undefined): number {
  if (branch.type === 'else') return 1;
  if (branch.condition === null) return 0;
  return set ?? 1;
}
