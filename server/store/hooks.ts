/**
 * Webhooks (https://help.make.com/webhooks;
 * https://developers.make.com/api-documentation/api-reference/hooks): a 32-character udid, the hook options
 * that shape the bundle (`headers`, `method`, `stringify`) and guard it (`ip`, `apiKeys`), learning mode.
 * Mailhooks (https://help.make.com/webhooks) are hooks of typeName `gateway-mailhook`; the type is kept in
 * the `data` JSON (no schema change) and each gateway looks up only hooks of its own type. A hook attached to
 * no scenario for more than 120 hours is gone for good (https://help.make.com/webhooks).
 */

import { randomBytes } from 'node:crypto';
import { type Db, nextIdSql } from '../queue/db.ts';
import { HookGoneError, isHookGone } from './hook-expiry.ts';

export interface HookData {
  headers: boolean;
  method: boolean;
  stringify: boolean;
  /** Comma-separated allow-list (addresses or CIDR); null = every address. */
  ip: string | null;
  /** Keys accepted in `x-make-apikey`; empty = no key needed. Field name is ours (open question 8). */
  apiKeys: string[];
  udt: number | null;
}

export type HookTypeName = 'gateway-webhook' | 'gateway-mailhook';
export const WEBHOOK_TYPE_NAME: HookTypeName = 'gateway-webhook';
export const MAILHOOK_TYPE_NAME: HookTypeName = 'gateway-mailhook';

export const DEFAULT_HOOK_DATA: HookData = {
  headers: false,
  method: false,
  stringify: false,
  ip: null,
  apiKeys: [],
  udt: null,
};

export interface StoredHook {
  id: number;
  udid: string;
  name: string;
  typeName: HookTypeName;
  scenarioId: number | null;
  enabled: boolean;
  learning: boolean;
  data: HookData;
  created: string;
  /** When the hook was last left without a scenario (ISO); null while a scenario has it. */
  unattachedSince: string | null;
}

/** Everything `update` may change: attaching and detaching go through `setScenario`. */
export { HOOK_EXPIRY_MS, HookGoneError, isHookGone } from './hook-expiry.ts';

export type HookPatch = Partial<Omit<StoredHook, 'id' | 'created' | 'scenarioId' | 'unattachedSince'>>;

interface Row {
  id: number;
  udid: string;
  name: string;
  scenario_id: number | null;
  enabled: number;
  learning: number;
  data: string;
  created: string;
  unattached_since: string | null;
}

const UDID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A fresh udid: 32 lowercase alphanumerics, as Make's (https://help.make.com/webhooks). */
export function newUdid(): string {
  const bytes = randomBytes(32);
  let udid = '';
  for (const byte of bytes) udid += UDID_ALPHABET[byte % UDID_ALPHABET.length];
  return udid;
}

export const UDID_PATTERN = /^[a-z0-9]{32}$/;

function toHook(row: Row): StoredHook {
  const { typeName, ...data } = JSON.parse(row.data) as Partial<HookData> & { typeName?: HookTypeName };
  return {
    id: row.id,
    udid: row.udid,
    name: row.name,
    typeName: typeName === MAILHOOK_TYPE_NAME ? MAILHOOK_TYPE_NAME : WEBHOOK_TYPE_NAME,
    scenarioId: row.scenario_id,
    enabled: row.enabled === 1,
    learning: row.learning === 1,
    data: { ...DEFAULT_HOOK_DATA, ...data },
    created: row.created,
    unattachedSince: row.unattached_since,
  };
}

/** The `data` column: the hook's options, plus its type when it is not a webhook. */
function dataColumn(data: HookData, typeName: HookTypeName): string {
  return JSON.stringify(typeName === WEBHOOK_TYPE_NAME ? data : { ...data, typeName });
}

export class HookStore {
  readonly #db: Db;
  readonly #byUdid = new Map<string, StoredHook>();

  constructor(db: Db) {
    this.#db = db;
    for (const hook of this.list()) this.#byUdid.set(hook.udid, hook);
  }

  /**
   * Cached: the gateway looks a hook up on every request. Only hooks of `typeName` are found, so
   * a mailhook udid is unknown to the webhook gateway and the other way round; `any` finds both.
   */
  byUdid(udid: string, typeName: HookTypeName | 'any' = WEBHOOK_TYPE_NAME): StoredHook | undefined {
    const hook = this.#byUdid.get(udid);
    return hook && (typeName === 'any' || hook.typeName === typeName) ? hook : undefined;
  }

  get(id: number): StoredHook | undefined {
    const row = this.#db.prepare('SELECT * FROM hooks WHERE id = ?').get(id) as Row | undefined;
    return row ? toHook(row) : undefined;
  }

  list(): StoredHook[] {
    return (this.#db.prepare('SELECT * FROM hooks ORDER BY name, id').all() as Row[]).map(toHook);
  }

  create(input: {
    udid?: string;
    name: string;
    typeName?: HookTypeName;
    scenarioId: number | null;
    data?: Partial<HookData>;
    /**
     * Starts in learning mode (https://help.make.com/webhooks): hooks made over the API do; hooks of served
     * blueprints do not.
     */
    learning?: boolean;
    now: Date;
  }) {
    const data = { ...DEFAULT_HOOK_DATA, ...input.data };
    const result = this.#db
      .prepare(
        `INSERT INTO hooks (id, udid, name, scenario_id, learning, data, created, unattached_since)
         VALUES (${nextIdSql('hooks')}, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.udid ?? newUdid(),
        input.name,
        input.scenarioId,
        input.learning ? 1 : 0,
        dataColumn(data, input.typeName ?? WEBHOOK_TYPE_NAME),
        input.now.toISOString(),
        input.scenarioId === null ? input.now.toISOString() : null,
      );
    return this.#refresh(Number(result.lastInsertRowid));
  }

  update(id: number, patch: HookPatch): StoredHook | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    const next = { ...current, ...patch };
    this.#db
      .prepare('UPDATE hooks SET udid = ?, name = ?, enabled = ?, learning = ?, data = ? WHERE id = ?')
      .run(
        next.udid,
        next.name,
        next.enabled ? 1 : 0,
        next.learning ? 1 : 0,
        dataColumn(next.data, next.typeName),
        id,
      );
    this.#byUdid.delete(current.udid);
    return this.#refresh(id);
  }

  /**
   * Attaches the hook to a scenario, or detaches it (null) and starts its 120 h count; detaching
   * an unattached hook keeps the count it has. Throws HookGoneError for a gone hook.
   */
  setScenario(id: number, scenarioId: number | null, now: Date): StoredHook | undefined {
    const current = this.get(id);
    if (!current) return undefined;
    if (scenarioId !== null && isHookGone(current, now)) throw new HookGoneError(id);
    const since = scenarioId === null ? (current.unattachedSince ?? now.toISOString()) : null;
    this.#db
      .prepare('UPDATE hooks SET scenario_id = ?, unattached_since = ? WHERE id = ?')
      .run(scenarioId, since, id);
    return this.#refresh(id);
  }

  delete(id: number): void {
    const current = this.get(id);
    this.#db.prepare('DELETE FROM hooks WHERE id = ?').run(id);
    if (current) this.#byUdid.delete(current.udid);
  }

  #refresh(id: number): StoredHook {
    const hook = this.get(id) as StoredHook;
    this.#byUdid.set(hook.udid, hook);
    return hook;
  }
}
