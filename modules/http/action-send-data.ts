/** HTTP > Make a request (v3), https://apps.make.com/http; https://apps.make.com/http. */
import { defineModule } from '../../engine/registry/define-module.ts';
import { runV3 } from './run-v3.ts';
import { V3_MAPPER, V3_NOTES, V3_OUTPUT, V3_OUTPUT_FIELDS, V3_PARAMETERS } from './v3-fields.ts';

export default defineModule({
  key: 'http:ActionSendData',
  versions: [3],
  kind: 'action',
  label: 'HTTP > Make a request',
  description: 'Sends an HTTP request (loopback only unless the network policy allows the host).',
  fidelity: 'partial',
  fidelityNotes: V3_NOTES,
  parameters: V3_PARAMETERS,
  mapper: V3_MAPPER,
  outputFields: V3_OUTPUT_FIELDS,
  output: V3_OUTPUT,
  run: (call, ctx) => runV3(call, ctx),
});
