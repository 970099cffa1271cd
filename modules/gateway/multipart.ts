/**
 * A small multipart/form-data reader for the webhook gateway (Make's help: https://help.make.com/webhooks):
 * text parts become strings; file parts become Make's file collection `{ name, mime, data }` (HELP: file
 * parts need a data structure with `name: text, mime: text, data: buffer`).
 */

export interface MultipartFile {
  name: string;
  mime: string;
  data: Buffer;
}

export type MultipartValue = string | MultipartFile;

export function boundaryOf(contentType: string): string | undefined {
  const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return match?.[1] ?? match?.[2];
}

/** Parts in order as [field name, value]; malformed parts are skipped. */
export function parseMultipart(body: Buffer, boundary: string): Array<[string, MultipartValue]> {
  const delimiter = Buffer.from(`--${boundary}`);
  const out: Array<[string, MultipartValue]> = [];
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    const part = body.subarray(partStart, next);
    const parsed = parsePart(trimCrlf(part));
    if (parsed) out.push(parsed);
    start = next;
  }
  return out;
}

function trimCrlf(part: Buffer): Buffer {
  let from = 0;
  let to = part.length;
  if (part[0] === 0x0d && part[1] === 0x0a) from = 2;
  if (part[to - 2] === 0x0d && part[to - 1] === 0x0a) to -= 2;
  return part.subarray(from, to);
}

function parsePart(part: Buffer): [string, MultipartValue] | undefined {
  const split = part.indexOf('\r\n\r\n');
  if (split === -1) return undefined;
  const head = part.subarray(0, split).toString('utf8');
  const data = part.subarray(split + 4);
  const disposition = /content-disposition:[^\r\n]*/i.exec(head)?.[0] ?? '';
  const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
  if (name === undefined) return undefined;
  const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
  if (filename === undefined) return [name, data.toString('utf8')];
  const mime = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? 'application/octet-stream';
  return [name, { name: filename, mime, data: Buffer.from(data) }];
}
