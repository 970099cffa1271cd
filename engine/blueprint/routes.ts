/**
 * Router route markers (docs/fidelity.md, https://help.make.com/router).
 * `disabled: true` on the route object is confirmed by real exports (corpus: amrit-dash
 * "Update Apps Script Code", route 3).
 * The FALLBACK route is `parameters.else` on the router: the 0-based index of the route. 19
 * routers in 12 corpus exports carry it, always pointing at the route named "Error Path",
 * "Invalid Route", "Escalation", "Not Sure"… and usually without conditions. We also accept
 * `fallback: true` on the route or on its first module's filter, which some generators write.
 */
import { isRecord } from './settings.ts';

export function isFallbackRoute(
  route: Record<string, unknown>,
  index: number,
  routerParameters: unknown,
): boolean {
  if (isRecord(routerParameters) && routerParameters.else === index) return true;
  if (route.fallback === true) return true;
  const first = Array.isArray(route.flow) ? route.flow[0] : undefined;
  return isRecord(first) && isRecord(first.filter) && first.filter.fallback === true;
}

export function isDisabledRoute(route: Record<string, unknown>): boolean {
  return route.disabled === true;
}
