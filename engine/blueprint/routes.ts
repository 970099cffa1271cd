/**
 * Router route markers (spec/execution-spec.md §2.5, Open question 1).
 * `disabled: true` on the route object is confirmed by real exports (corpus: amrit-dash
 * "Update Apps Script Code", route 3). How Make stores the FALLBACK flag was not found in any
 * export, in Make's docs or in public code. Make's Help Center (https://help.make.com/router,
 * "The fallback route") says it is set in the route's filter window ("Select Yes"), so we accept
 * the two plausible places: `fallback: true` on the route object, or `fallback: true` on the
 * filter of the route's first module. Change it here when a real export shows the marker.
 */
import { isRecord } from './settings.ts';

export function isFallbackRoute(route: Record<string, unknown>): boolean {
  if (route.fallback === true) return true;
  const first = Array.isArray(route.flow) ? route.flow[0] : undefined;
  return isRecord(first) && isRecord(first.filter) && first.filter.fallback === true;
}

export function isDisabledRoute(route: Record<string, unknown>): boolean {
  return route.disabled === true;
}
