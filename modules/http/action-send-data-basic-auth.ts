/**
 * HTTP > Make a Basic Auth request (v3), https://apps.make.com/http; credentials from config `connections`.
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { runV3 } from './run-v3.ts';
import { V3_MAPPER, V3_NOTES, V3_OUTPUT, V3_OUTPUT_FIELDS, V3_PARAMETERS } from './v3-fields.ts';

export default defineModule({
  key: 'http:ActionSendDataBasicAuth',
  versions: [3],
  kind: 'action',
  label: 'HTTP > Make a Basic Auth request',
  description: 'Make a request with `Authorization: Basic` from the connection (username, password).',
  fidelity: 'partial',
  fidelityNotes: `${V3_NOTES} The connection is looked up by parameters.key/__IMTCONN__ or its label.`,
  parameters: [
    {
      name: 'key',
      type: 'connection',
      required: true,
      description: 'Basic-auth connection (config connections).',
    },
    ...V3_PARAMETERS,
  ],
  mapper: V3_MAPPER,
  outputFields: V3_OUTPUT_FIELDS,
  output: V3_OUTPUT,
  run: (call, ctx) => runV3(call, ctx, 'basic'),
});
