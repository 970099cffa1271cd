/**
 * HTTP > Make an OAuth 2.0 request (v3), https://apps.make.com/http; the token comes from config
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
  key: 'http:ActionSendDataOAuth',
  versions: [3],
  kind: 'action',
  label: 'HTTP > Make an OAuth 2.0 request',
  description: 'Make a request with `Authorization: Bearer <accessToken>` from the connection.',
  fidelity: 'partial',
  fidelityNotes: `${V3_NOTES} No OAuth flow or token refresh: the connection supplies accessToken (tokenType default Bearer).`,
  parameters: [
    {
      name: 'account',
      type: 'account',
      required: true,
      description: 'OAuth 2.0 connection id (config connections).',
    },
    ...V3_PARAMETERS,
  ],
  mapper: V3_MAPPER_WITHOUT_INLINE_AUTH,
  outputFields: V3_OUTPUT_FIELDS,
  output: V3_OUTPUT,
  run: (call, ctx) => runV3(call, ctx, 'oauth'),
});
