/**
 * HTTP > Make an API Key Auth request (v3), https://apps.make.com/http; the key comes from config
 * `connections`.
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { runV3 } from './run-v3.ts';
import {
  V3_MAPPER_WITHOUT_INLINE_AUTH,
  V3_NOTES,
  V3_OUTPUT,
  V3_OUTPUT_FIELDS,
  V3_PARAMETERS,
} from './v3-fields.ts';

export default defineModule({
  key: 'http:ActionSendDataAPIKeyAuth',
  versions: [3],
  kind: 'action',
  label: 'HTTP > Make an API Key Auth request',
  description:
    'Make a request with an API key from the connection, in a header (default) or the query string.',
  fidelity: 'partial',
  fidelityNotes: `${V3_NOTES} Connection fields: apiKey, apiKeyName (default "authorization"), apiKeyPlacement header|query.`,
  parameters: [
    {
      name: 'auth',
      type: 'keychain',
      required: true,
      description: 'API key connection id (config connections).',
    },
    ...V3_PARAMETERS,
  ],
  mapper: V3_MAPPER_WITHOUT_INLINE_AUTH,
  outputFields: V3_OUTPUT_FIELDS,
  output: V3_OUTPUT,
  run: (call, ctx) => runV3(call, ctx, 'apiKey'),
});
