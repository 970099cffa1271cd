/**
 * Expiry of unattached hooks (https://help.make.com/webhooks: "Hook unattached > 5 days (120 h) →
 * auto-deactivated", 410 Gone): when a hook counts as gone, and the error for attaching one.
 */
import type { StoredHook } from './hooks.ts';

/** Make "auto-deactivates" a hook unattached for more than 5 days (https://help.make.com/webhooks). */
export const HOOK_EXPIRY_MS = 120 * 3600_000;

/** Gone: unattached for more than 120 h — learning or not, enabled or not (docs/fidelity.md). */
export function isHookGone(hook: Pick<StoredHook, 'unattachedSince'>, now: Date): boolean {
  return hook.unattachedSince !== null && now.getTime() - Date.parse(hook.unattachedSince) > HOOK_EXPIRY_MS;
}

/** Attaching a gone hook: it stays gone. `statusCode` makes the API answer it as a 400. */
export class HookGoneError extends Error {
  readonly statusCode = 400;

  constructor(hookId: number) {
    super(
      `Hook ${hookId} is gone: it was attached to no scenario for more than 120 hours, and a gone hook ` +
        'cannot be attached again. Create a new hook (POST /hooks) and use that one.',
    );
    this.name = 'HookGoneError';
  }
}
