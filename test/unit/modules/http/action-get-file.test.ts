import { describe, expect, it } from 'vitest';
import type { MakeError } from '../../../../engine/errors/make-error.ts';
import getFile from '../../../../modules/http/action-get-file.ts';
import downloadFile from '../../../../modules/http/download-file.ts';
import { fakeCall, fakeContext } from '../../../helpers/module-context.ts';
import { useTestServer } from './test-server.ts';

const server = useTestServer();

async function get(path: string, parameters: Record<string, unknown> = {}) {
  const call = fakeCall('http:ActionGetFile', { url: `${server.url}${path}`, method: 'get' }, parameters);
  return ((await getFile.run?.(call, fakeContext())) ?? [])[0];
}

describe('http:ActionGetFile', () => {
  it('names the file from Content-Disposition and outputs its bytes', async () => {
    const out = await get('/file');
    expect(out?.fileName).toBe('report.csv');
    expect(out?.data).toEqual(Buffer.from('a,b\n1,2\n'));
    expect(out?.fileSize).toBe(8);
  });

  it('names the file from the URL path when there is no Content-Disposition', async () => {
    const out = await get('/binary');
    expect(out?.fileName).toBe('binary');
  });

  it('fails on an error status when handleErrors is on', async () => {
    const error = await get('/status/404', { handleErrors: true }).catch((e: unknown) => e);
    expect((error as MakeError).type).toBe('BundleValidationError');
  });
});

describe('http:DownloadFile (v4)', () => {
  async function download(path: string, input: Record<string, unknown> = {}) {
    const call = fakeCall(
      'http:DownloadFile',
      { url: `${server.url}${path}`, ...input },
      { authenticationType: 'noAuth' },
    );
    return ((await downloadFile.run?.(call, fakeContext())) ?? [])[0];
  }

  it('downloads the file with its name and bytes', async () => {
    const out = await download('/file');
    expect(out).toEqual({ fileName: 'report.csv', fileSize: 8, data: Buffer.from('a,b\n1,2\n') });
  });

  it('fails on an error status by default (stopOnHttpError)', async () => {
    const error = await download('/status/503').catch((e: unknown) => e);
    expect((error as MakeError).type).toBe('ConnectionError');
  });

  it('outputs the error body when stopOnHttpError is off', async () => {
    const out = await download('/status/404', { stopOnHttpError: false });
    expect(out?.fileSize).toBeGreaterThan(0);
  });
});
