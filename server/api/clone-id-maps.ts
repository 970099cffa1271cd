/**
 * The old → new id maps of `POST /scenarios/{id}/clone`
 * (https://developers.make.com/api-documentation/api-reference/scenarios: `account`, `key`, `hook`, `device`,
 * `udt`, `datastore`, each `{"<old id>": <new id>}`) and where a blueprint keeps the ids they rewrite. Only
 * ids found by a clear rule are rewritten (ID_PARAMETERS; docs/fidelity.md).
 */
import { MAIL_TRIGGER, WEBHOOK_TRIGGER } from '../runner/engine-port.ts';
import { flowNodes } from './flow-nodes.ts';
import { isPlainObject } from './params.ts';

/** Old id → new id. */
export type IdMap = ReadonlyMap<number, number>;

const MAP_FIELDS = ['account', 'key', 'hook', 'device', 'udt', 'datastore'] as const;
type MapField = (typeof MAP_FIELDS)[number];
export type CloneIdMaps = Record<MapField, IdMap>;

/** JSON modules keep their data structure id in `parameters.type` (declared `udt` in modules/json). */
const JSON_STRUCTURE_MODULES = new Set(['json:ParseJSON', 'json:CreateJSON', 'json:AggregateToJSON']);

/**
 * Which module parameter holds an id of which map. Connections (`account`), keys and devices are
 * not modelled, so their maps are accepted and rewrite nothing.
 */
const ID_PARAMETERS: Array<{ map: MapField; parameter: string; of: (module: string) => boolean }> = [
  { map: 'hook', parameter: 'hook', of: (module) => module === WEBHOOK_TRIGGER || module === MAIL_TRIGGER },
  { map: 'datastore', parameter: 'datastore', of: (module) => module.startsWith('datastore:') },
  { map: 'udt', parameter: 'type', of: (module) => JSON_STRUCTURE_MODULES.has(module) },
  { map: 'udt', parameter: 'udt', of: () => true },
];

/** Every map of the body (absent or null: empty); a malformed one is a problem naming it. */
export function readIdMaps(body: Partial<Record<MapField, unknown>>, problems: string[]): CloneIdMaps {
  const read = (field: MapField): IdMap => {
    const map = readIdMap(body[field]);
    if (!map) problems.push(`Parameter '${field}' must map old ids to new ids, e.g. {"12": 34}.`);
    return map ?? new Map();
  };
  return {
    account: read('account'),
    key: read('key'),
    hook: read('hook'),
    device: read('device'),
    udt: read('udt'),
    datastore: read('datastore'),
  };
}

function readIdMap(value: unknown): Map<number, number> | undefined {
  if (value === undefined || value === null) return new Map();
  if (typeof value !== 'object' || Array.isArray(value)) return undefined;
  const map = new Map<number, number>();
  for (const [from, to] of Object.entries(value)) {
    const oldId = readId(from);
    const newId = readId(to);
    if (oldId === undefined || newId === undefined) return undefined;
    map.set(oldId, newId);
  }
  return map;
}

/** An id written as a positive integer or its digits. */
export function readId(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value > 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  return undefined;
}

/**
 * A copy of the blueprint with every id the maps name replaced, in the main flow, router routes
 * and error handlers alike. An id keeps how it was written (number or string).
 */
export function rewriteIds(blueprint: Record<string, unknown>, maps: CloneIdMaps): Record<string, unknown> {
  const copy = structuredClone(blueprint);
  for (const node of flowNodes(copy.flow)) rewriteNode(node, maps);
  return copy;
}

function rewriteNode(node: Record<string, unknown>, maps: CloneIdMaps): void {
  const { module, parameters: params } = node;
  if (typeof module !== 'string' || !isPlainObject(params)) return;
  for (const rule of ID_PARAMETERS) {
    if (!rule.of(module) || !(rule.parameter in params)) continue;
    const value = params[rule.parameter];
    const oldId = readId(value);
    const newId = oldId === undefined ? undefined : maps[rule.map].get(oldId);
    if (newId !== undefined) params[rule.parameter] = typeof value === 'string' ? String(newId) : newId;
  }
}
