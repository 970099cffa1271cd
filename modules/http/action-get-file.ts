/**
 * HTTP > Get a file (v3), https://apps.make.com/http: downloads a URL; the output is the file (`fileName`,
 * `fileSize`, `data` as a buffer). fileName comes from Content-Disposition, else the URL's last path segment.
 */
import {
  type Bundle,
  defineModule,
  type ModuleCall,
  type ModuleContext,
} from '../../engine/registry/define-module.ts';
import { DEFAULT_TIMEOUT_SECONDS, flag, method, type OutgoingRequest, parseUrl } from './outgoing-request.ts';
import { assertStatus } from './response.ts';
import { send } from './run-v3.ts';
import type { RawResponse } from './send-request.ts';

export function fileNameOf(res: RawResponse): string {
  const disposition = res.headers.find((h) => h.name === 'content-disposition')?.value ?? '';
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/i.exec(disposition);
  if (plain) return (plain[2] ?? plain[1] ?? '').trim();
  const last = res.url.pathname.split('/').filter(Boolean).at(-1);
  return last ? decodeURIComponent(last) : 'file';
}

export interface FileRequest {
  url: URL;
  method: string;
  shareCookies: boolean;
  failOnHttpError: boolean;
  auth?: (req: OutgoingRequest) => void;
}

/** Downloads one file; shared with the v4 Download a file module. */
export async function fetchFile(file: FileRequest, ctx: ModuleContext): Promise<Bundle[]> {
  const req: OutgoingRequest = {
    url: file.url,
    method: file.method,
    headers: [],
    body: undefined,
    timeoutMs: DEFAULT_TIMEOUT_SECONDS * 1000,
    followRedirect: true,
    followAllRedirects: false,
    gzip: true,
    rejectUnauthorized: true,
    ca: undefined,
    shareCookies: file.shareCookies,
  };
  file.auth?.(req);
  const res = await send(req, ctx);
  if (file.failOnHttpError) assertStatus(res, { data: res.body.toString('utf8') });
  return [{ fileName: fileNameOf(res), fileSize: res.body.length, data: res.body }];
}

function run(call: ModuleCall, ctx: ModuleContext): Promise<Bundle[]> {
  return fetchFile(
    {
      url: parseUrl(call.input.url, flag(call.input.serializeUrl, false)),
      method: method(call.input.method),
      shareCookies: flag(call.input.shareCookies, false),
      failOnHttpError: flag(call.parameters.handleErrors, false),
    },
    ctx,
  );
}

export default defineModule({
  key: 'http:ActionGetFile',
  versions: [3],
  kind: 'action',
  label: 'HTTP > Get a file',
  description: 'Downloads a file from a URL.',
  fidelity: 'partial',
  fidelityNotes:
    'Output keys fileName/fileSize/data are the common names (not confirmed by a stored source).',
  parameters: [
    { name: 'handleErrors', type: 'boolean', default: false, description: 'Fail on status ≥ 400.' },
  ],
  mapper: [
    { name: 'url', type: 'url', required: true, description: 'File URL.' },
    {
      name: 'serializeUrl',
      type: 'boolean',
      default: false,
      description: 'URL-encode the URL before sending.',
    },
    { name: 'method', type: 'select', default: 'get', description: 'HTTP method.' },
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
