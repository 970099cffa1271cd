/**
 * What a starter test needs from `makesim.config.json`: the data stores the blueprint's
 * datastore modules name (`parameters.datastore`, Make's store id) and the connections its HTTP
 * auth modules name (`parameters` connection ids, see modules/http/connections.ts), with
 * placeholder credentials in the documented format (docs/testing.md "Connections").
 */

import type { ConnectionConfig, DataStoreConfig } from '../config/types.ts';
import type { ModuleNode } from '../engine/blueprint/scenario.ts';
import { CONNECTION_PARAMETERS } from '../modules/http/connections.ts';

export interface StarterConfig {
  dataStores: DataStoreConfig[];
  connections: Record<string, ConnectionConfig>;
}

export function starterConfig(nodes: readonly ModuleNode[]): StarterConfig {
  const stores = new Map<number, DataStoreConfig>();
  const connections: Record<string, ConnectionConfig> = {};
  for (const node of nodes) {
    const storeId = node.parameters.datastore;
    if (node.key.startsWith('datastore:') && typeof storeId === 'number' && !stores.has(storeId)) {
      stores.set(storeId, { name: storeName(node, storeId), makeId: storeId });
    }
    if (!node.key.startsWith('http:')) continue;
    for (const name of CONNECTION_PARAMETERS) {
      const ref = node.parameters[name];
      const kind = connectionKind(name) ?? connectionKind(node.key);
      if (ref === undefined || ref === null || ref === '' || !kind) continue;
      connections[String(ref)] = placeholderConnection(kind);
    }
  }
  return { dataStores: uniqueNames([...stores.values()]), connections };
}

/** The store's label where the export kept it (`metadata.restore`), else `store-<id>`. */
function storeName(node: ModuleNode, id: number): string {
  const restore = (node.raw.metadata as { restore?: { parameters?: { datastore?: { label?: unknown } } } })
    ?.restore;
  const label = restore?.parameters?.datastore?.label;
  return typeof label === 'string' && label.trim() !== '' ? label.trim() : `store-${id}`;
}

function uniqueNames(stores: DataStoreConfig[]): DataStoreConfig[] {
  const used = new Set<string>();
  return stores.map((store) => {
    let name = store.name;
    if (used.has(name)) name = `${name}-${store.makeId}`;
    used.add(name);
    return { ...store, name };
  });
}

/** From the parameter (`apiKeyKeychain`, …) or the module key (`http:ActionSendDataAPIKeyAuth`). */
function connectionKind(name: string): ConnectionConfig['type'] | undefined {
  if (/APIKey/i.test(name)) return 'apiKey';
  if (/BasicAuth/i.test(name)) return 'basic';
  if (/OAuth/i.test(name)) return 'oauth';
  return undefined;
}

function placeholderConnection(kind: ConnectionConfig['type']): ConnectionConfig {
  if (kind === 'basic') return { type: 'basic', username: 'test-user', password: 'test-password' };
  if (kind === 'oauth') return { type: 'oauth', accessToken: 'test-access-token' };
  return { type: 'apiKey', apiKey: 'test-api-key' };
}
