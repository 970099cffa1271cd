/**
 * A webhook's data structure check (https://help.make.com/webhooks; apps.make.com/gateway "Setting up webhook
 * data structure"): a hook whose `data.udt` names a data structure validates each request's parsed bundle
 * against it — field types, required fields, and for a `strict` structure no fields outside it —
 * with the same rules as data store records (modules/datastore/structure.ts). A failing request
 * is refused with 400 and nothing is queued. The gateway's own `__IMTHEADERS__` / `__IMTMETHOD__`
 * items are not part of the payload and are not checked.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import { applyStructure, type Structure } from '../../modules/datastore/structure.ts';
import type { ServerServices } from '../services.ts';
import type { HookData } from '../store/hooks.ts';
import { type GatewayAnswer, structureMismatchAnswer } from './answers.ts';

const GATEWAY_ITEMS = ['__IMTHEADERS__', '__IMTMETHOD__'];

/** One Structure object per structure version: structure.ts caches compiled validators by object. */
const structures = new Map<string, Structure>();
const MAX_CACHED = 256;

/** The gateway's 400 when the request does not fit the hook's data structure; `undefined` when it does. */
export function structureMismatch(
  services: Pick<ServerServices, 'dataStructures'>,
  hook: HookData,
  bundle: unknown,
): GatewayAnswer | undefined {
  const problems = structureProblems(services, hook, bundle);
  return problems === undefined ? undefined : structureMismatchAnswer(problems);
}

/**
 * `undefined` when the request's bundle (server/gateway/intake.ts) fits the hook's data structure
 * (or the hook has none), else the problems.
 */
export function structureProblems(
  services: Pick<ServerServices, 'dataStructures'>,
  hook: HookData,
  bundle: unknown,
): string | undefined {
  if (hook.udt === null) return undefined;
  const stored = services.dataStructures.get(hook.udt);
  if (!stored) return undefined;
  if (typeof bundle !== 'object' || bundle === null || Array.isArray(bundle))
    return 'the request has no fields';
  const payload = Object.fromEntries(
    Object.entries(bundle).filter(([name]) => !GATEWAY_ITEMS.includes(name)),
  );
  try {
    applyStructure(structureFor(stored.id, stored.strict, stored.spec), payload, {
      store: 'webhook',
      key: '',
    });
    return undefined;
  } catch (error) {
    if (!(error instanceof MakeError)) throw error;
    const problems = error.details?.problems;
    return Array.isArray(problems) ? problems.join('; ') : error.message;
  }
}

function structureFor(id: number, strict: boolean, fields: Structure['fields']): Structure {
  const key = `${id}:${strict}:${JSON.stringify(fields)}`;
  let structure = structures.get(key);
  if (structure === undefined) {
    if (structures.size >= MAX_CACHED) structures.clear();
    structure = { strict, fields };
    structures.set(key, structure);
  }
  return structure;
}
