/**
 * Webhooks > Custom mailhook (`gateway:CustomMailHook` v1), https://help.make.com/gateway ("Custom
 * mailhook"); Make's help: https://help.make.com/webhooks. Each cycle's trigger input is one email: a raw RFC
 * 822 message (string, Buffer or `{raw}`), a request queued by `POST /mailhook/<udid>`, or an object already
 * in bundle shape. The bundle's shape and the evidence for it: mail-to-bundle.ts.
 */
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';
import { mailInputToBundle } from './mail-input.ts';

async function run(_call: ModuleCall, ctx: ModuleContext): Promise<Bundle[]> {
  const bundle = await mailInputToBundle(ctx.triggerInput);
  return bundle === undefined ? [] : [bundle];
}

export default defineModule({
  key: 'gateway:CustomMailHook',
  versions: [1],
  kind: 'instant-trigger',
  label: 'Webhooks > Custom mailhook',
  description: 'Starts the scenario with one incoming email per cycle.',
  fidelity: 'partial',
  fidelityNotes:
    'Raw RFC 822 messages are parsed with postal-mime; other objects are the bundle. From, subject, text, html and ' +
    'lowercase headers follow the corpus; recipients (to/cc/bcc as `{address, name}` arrays), attachments ' +
    '(`{fileName, contentType, size, data}`) and `date` (ISO 8601) are our reading of the help page. Mail filters are not modelled.',
  parameters: [
    { name: 'hook', type: 'hook:gateway-mailhook', required: true, description: 'Mailhook id (numeric).' },
    {
      name: 'maxResults',
      type: 'number',
      description: 'Emails per scheduled run (instant scenarios take one per cycle).',
    },
  ],
  output:
    '`from`, `to`, `cc`, `bcc`, `subject`, `date`, `text`, `html`, `attachments` (binary `data`), `headers` (lowercase names).',
  run,
});
