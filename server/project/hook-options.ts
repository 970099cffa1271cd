/**
 * The config's `hook` options of a served scenario (https://help.make.com/webhooks) as the hook data the
 * server stores: checked against the blueprint's trigger, its `dataStructure` resolved to the
 * server's id of that config data structure.
 */
import { findDataStructure } from '../../config/data-structures.ts';
import type { HookOptionsConfig, ProjectConfig } from '../../config/types.ts';
import type { ServerServices } from '../services.ts';
import { type HookData, WEBHOOK_TYPE_NAME } from '../store/hooks.ts';
import { hookTypeOf, triggerOf } from './admin.ts';

export type Loaded<T> = { ok: T } | { problem: string };

/**
 * The config's `hook` as stored hook options. Only a webhook has them (https://help.make.com/webhooks): a
 * `hook` on any other scenario is a problem and the file is not served, so a team sees the mistake
 * instead of options silently doing nothing. `dataStructure` becomes the stored structure's id.
 */
export function hookDataOf(
  services: Pick<ServerServices, 'dataStructures'>,
  config: ProjectConfig,
  hook: { options: HookOptionsConfig; pointer: string },
  blueprint: Record<string, unknown>,
): Loaded<Partial<HookData>> {
  const at = `${config.file ?? 'makesim.config.json'} ${hook.pointer}`;
  if (hookTypeOf(blueprint) !== WEBHOOK_TYPE_NAME)
    return {
      problem: `${at}: hook options apply only to a gateway:CustomWebHook trigger, and this blueprint starts with ${triggerOf(blueprint) ?? 'no module'} — remove "hook" from that scenario`,
    };
  const { dataStructure, ...options } = hook.options;
  if (dataStructure === undefined) return { ok: options };
  const udt = storedStructureId(services, config, dataStructure);
  if (udt === undefined)
    return {
      problem: `${at}/dataStructure: data structure ${JSON.stringify(dataStructure)} is not in the server database — declare it in "dataStructures"`,
    };
  return { ok: { ...options, udt } };
}

/** The server's id of a config data structure, found as `DataStructureStore.seed` wrote it. */
function storedStructureId(
  services: Pick<ServerServices, 'dataStructures'>,
  config: ProjectConfig,
  reference: number | string,
): number | undefined {
  const declared = findDataStructure(config.dataStructures, reference);
  if (!declared) return undefined;
  const stored =
    declared.id === undefined
      ? services.dataStructures.byName(declared.name)
      : services.dataStructures.get(declared.id);
  return stored?.id;
}
