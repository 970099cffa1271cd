/**
 * HTTP > Download a file (`http:DownloadFile` v4), https://apps.make.com/http (v4); fields from real exports:
 * mapper `url`, `shareCookies`, `stopOnHttpError`; parameters `authenticationType`.
 * Output as Get a file: `{ fileName, fileSize, data }`.
 */
import { dataError } from '../../engine/errors/make-error.ts';
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';
import { fetchFile } from './action-get-file.ts';
import { applyAuth, resolveConnection } from './connections.ts';
import { AUTH_TYPES } from './make-request.ts';
import { flag, parseUrl, text } from './outgoing-request.ts';

function run(call: ModuleCall, ctx: ModuleContext): Promise<Bundle[]> {
  const type = text(call.parameters.authenticationType);
  const auth = AUTH_TYPES[type];
  if (auth === undefined) {
    throw dataError(`Authentication type "${type}" is not noAuth, apiKey, basicAuth or oAuth.`, {
      field: 'authenticationType',
    });
  }
  return fetchFile(
    {
      url: parseUrl(call.input.url, false),
      method: 'GET',
      shareCookies: flag(call.input.shareCookies, false),
      failOnHttpError: flag(call.input.stopOnHttpError, true),
      auth: auth
        ? (req) => applyAuth(auth, resolveConnection(call.node, ctx.http), req.url, req.headers)
        : undefined,
    },
    ctx,
  );
}

export default defineModule({
  key: 'http:DownloadFile',
  versions: [4],
  kind: 'action',
  label: 'HTTP > Download a file (v4)',
  description: 'Downloads a file from a URL.',
  fidelity: 'partial',
  fidelityNotes:
    'Output keys fileName/fileSize/data are the common names (not confirmed by a stored source).',
  parameters: [
    {
      name: 'authenticationType',
      type: 'select',
      default: 'noAuth',
      description: 'noAuth, apiKey, basicAuth or oAuth.',
    },
  ],
  mapper: [
    { name: 'url', type: 'url', required: true, description: 'File URL.' },
    {
      name: 'stopOnHttpError',
      type: 'boolean',
      default: true,
      description: 'Return an error when the status is ≥ 400.',
    },
    {
      name: 'shareCookies',
      type: 'boolean',
      default: false,
      description: 'Share cookies with other HTTP modules.',
    },
  ],
  outputFields: ['fileName', 'fileSize', 'data'],
  output: '`{fileName, fileSize, data}` (data is a Buffer).',
  run,
});
