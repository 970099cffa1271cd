/**
 * Webhooks > Custom webhook (`gateway:CustomWebHook` v1), https://help.make.com/webhooks; Make's help:
 * https://help.make.com/webhooks. Each cycle's trigger input is one incoming request. From the dev server it
 * is a WebhookIntake, already converted once at the gateway: its bundle is taken as is. Elsewhere (`--input`,
 * test files) a request description is converted by request-to-bundle.ts; any other object is taken as
 * the bundle itself.
 */
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';
import { type HookOptions, requestToBundle, type WebhookRequest } from './request-to-bundle.ts';
import { WebhookIntake } from './webhook-intake.ts';

const METHODS = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/i;
const DESCRIPTION_KEYS = new Set(['method', 'headers', 'query', 'body', 'contentType', 'url', 'hook']);

/**
 * Detection rule (docs/modules.md): a plain object whose `method` is an HTTP method name, that has
 * `headers` or `body`, and whose keys are all among method, headers, query, body, contentType,
 * url, hook. A bundle that merely has a `method` field is therefore not mistaken for a request.
 */
export function isRequestDescription(
  input: unknown,
): input is WebhookRequest & { url?: string; hook?: HookOptions } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return false;
  const record = input as Record<string, unknown>;
  if (typeof record.method !== 'string' || !METHODS.test(record.method)) return false;
  if (!('headers' in record) && !('body' in record)) return false;
  return Object.keys(record).every((key) => DESCRIPTION_KEYS.has(key));
}

/** The hook's flags: explicit `hook` in the description, else read off the learned interface. */
function hookOptions(call: ModuleCall, explicit: HookOptions | undefined): HookOptions {
  if (explicit) return explicit;
  const metadata = call.node.raw.metadata as { interface?: unknown } | undefined;
  const names = Array.isArray(metadata?.interface)
    ? (metadata.interface as Array<{ name?: unknown }>).map((field) => field?.name)
    : [];
  return { headers: names.includes('__IMTHEADERS__'), method: names.includes('__IMTMETHOD__') };
}

function run(call: ModuleCall, ctx: ModuleContext): Bundle[] {
  const input = ctx.triggerInput;
  if (input === undefined || input === null) return [];
  if (input instanceof WebhookIntake) return [input.bundle];
  if (isRequestDescription(input)) {
    const query = input.query ?? (input.url ? new URL(input.url, 'http://hook.local').search : undefined);
    return [requestToBundle({ ...input, query }, hookOptions(call, input.hook))];
  }
  if (typeof input === 'object' && !Array.isArray(input)) return [input as Bundle];
  return [{ value: input }];
}

export default defineModule({
  key: 'gateway:CustomWebHook',
  versions: [1],
  kind: 'instant-trigger',
  label: 'Webhooks > Custom webhook',
  description: 'Starts the scenario with one incoming request per cycle.',
  fidelity: 'partial',
  fidelityNotes:
    'Request descriptions `{method, headers?, query?, body?, contentType?, url?, hook?}` are converted as Make does; other objects are the bundle. ' +
    'Hook flags (headers/method) come from `hook` or are inferred from the learned interface. Data-structure validation is not modelled.',
  parameters: [
    { name: 'hook', type: 'hook:gateway-webhook', required: true, description: 'Webhook id (numeric).' },
    {
      name: 'maxResults',
      type: 'number',
      description: 'Requests per scheduled run (instant scenarios take one per cycle).',
    },
  ],
  output: 'Query and body fields in one bundle (+ `__IMTHEADERS__`, `__IMTMETHOD__` when the hook asks).',
  run,
});
