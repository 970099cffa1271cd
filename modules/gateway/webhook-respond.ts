/**
 * Webhooks > Webhook response (`gateway:WebhookRespond` v1), Make's help: https://help.make.com/webhooks:
 * `status` (integer ≥ 100, mapped as text), `body`, `headers [{key, value}]` (max 16; key ≤ 256, value ≤ 4096
 * chars) → ctx.respond. Outputs one empty bundle so later modules on the route still run.
 */
import { MakeError } from '../../engine/errors/make-error.ts';
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';

const MAX_HEADERS = 16;
const MAX_KEY = 256;
const MAX_VALUE = 4096;

function invalid(message: string, field: string): MakeError {
  return new MakeError('BundleValidationError', message, { field });
}

export function responseStatus(value: unknown): number {
  const status = typeof value === 'number' ? value : Number(String(value ?? '').trim());
  if (!Number.isInteger(status) || status < 100 || status > 599) {
    throw invalid(`Status must be a whole number from 100 to 599, got "${String(value)}".`, 'status');
  }
  return status;
}

export function responseHeaders(value: unknown): Record<string, string> {
  const rows = Array.isArray(value) ? value : [];
  if (rows.length > MAX_HEADERS)
    throw invalid(`At most ${MAX_HEADERS} custom headers are allowed, got ${rows.length}.`, 'headers');
  const out: Record<string, string> = {};
  for (const row of rows) {
    const record = (row ?? {}) as Record<string, unknown>;
    const key = String(record.key ?? '').trim();
    if (key === '') continue;
    const text = record.value === undefined || record.value === null ? '' : String(record.value);
    if (key.length > MAX_KEY)
      throw invalid(`Header name "${key.slice(0, 40)}…" is longer than ${MAX_KEY} characters.`, 'headers');
    if (text.length > MAX_VALUE)
      throw invalid(`Header "${key}" is longer than ${MAX_VALUE} characters.`, 'headers');
    Object.defineProperty(out, key, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function run(call: ModuleCall, ctx: ModuleContext): Bundle[] {
  ctx.respond({
    status: responseStatus(call.input.status),
    headers: responseHeaders(call.input.headers),
    body: call.input.body ?? '',
  });
  return [{}];
}

export default defineModule({
  key: 'gateway:WebhookRespond',
  versions: [1],
  kind: 'responder',
  label: 'Webhooks > Webhook response',
  description: 'Sets the HTTP response of the webhook that started the execution.',
  fidelity: 'full',
  mapper: [
    { name: 'status', type: 'uinteger', required: true, description: 'HTTP status (≥ 100), mapped as text.' },
    { name: 'body', type: 'any', description: 'Response body (text, JSON, HTML…).' },
    { name: 'headers', type: 'array of {key, value}', description: 'Custom headers, max 16.' },
  ],
  output: 'No useful output (one empty bundle so the route continues).',
  run,
});
