/**
 * How one email becomes the Custom mailhook's bundle (https://help.make.com/webhooks;
 * https://apps.make.com/gateway, "Custom mailhook"). PURE apart from parsing: shared by the module and the
 * server's `/mailhook/<udid>`.
 *
 * Evidence for the shape: the corpus blueprints map `{{N.text}}`, `{{N.html}}`, `{{N.subject}}`,
 * `{{N.from.address}}`, `{{N.from.name}}` and `{{N.headers.`message-id`}}` (so headers are a
 * collection keyed by lowercase name); Make's help: https://help.make.com/webhooks says the bundle carries
 * sender, recipients (To/CC/BCC resolved), subject, text/html body, attachments and headers, Reply-To
 * living in headers. Searches of Make's help, public code and issues (docs/pages/code/issues
 * corpora, "mailhook bundle attachments cc bcc") found nothing more exact, so the rest is our
 * choice (MAILHOOK_SHAPE below, listed in docs/fidelity.md): recipients are arrays of
 * `{address, name}`; attachments are `{fileName, contentType, size, data}` with `data` a Buffer
 * (Make's binary, named as Make's file fields are); `date` is an ISO 8601 string.
 */
import type { Address, Attachment, Email } from 'postal-mime';
import { dataError } from '../../engine/errors/make-error.ts';
import type { Bundle } from '../../engine/registry/define-module.ts';

export interface MailAddress {
  address: string;
  name: string;
}

/**
 * Our choices where nothing settles Make's bundle: a header seen once is a string, a repeated one
 * (Received) an array in message order; text/html are omitted when the message has none; address
 * groups are flattened into their members.
 */
export const MAILHOOK_SHAPE = {
  recipientFields: ['to', 'cc', 'bcc'] as const,
  omitMissingBody: true,
};

/** A header line: `name: value` with a printable name (RFC 5322 §2.2), or a folded continuation. */
const HEADER_LINE = /^([!-9;-~]+:|[ \t])/;

/**
 * An RFC 822 message must start with a header section and have a From field (RFC 5322 §3.6 makes
 * From mandatory); a leading mbox `From ` line is allowed. Anything else — a plain sentence, HTML, JSON — is "not an email".
 */
export function looksLikeEmail(raw: string | Buffer): boolean {
  const text = typeof raw === 'string' ? raw : raw.subarray(0, 64 * 1024).toString('latin1');
  const end = text.search(/\r?\n\r?\n/);
  const lines = (end === -1 ? text : text.slice(0, end)).split(/\r?\n/).filter((line) => line !== '');
  // An mbox export starts with a `From sender date` separator line (no colon): not a header.
  if (lines[0]?.startsWith('From ')) lines.shift();
  if (lines.length === 0 || !lines.every((line) => HEADER_LINE.test(line))) return false;
  return lines.some((line) => /^from:/i.test(line));
}

/** Throws a DataError (code `empty-email` / `not-an-email`) when `raw` is not an RFC 822 message. */
export function checkEmail(raw: string | Buffer): void {
  if (raw.length === 0 || (typeof raw === 'string' && raw.trim() === ''))
    throw dataError('The mailhook received an empty message; send a raw RFC 822 email.', {
      code: 'empty-email',
    });
  if (!looksLikeEmail(raw))
    throw dataError(
      'The mailhook input is not an RFC 822 email: it needs a header section with a From field, then a blank line and the body.',
      { code: 'not-an-email' },
    );
}

export async function emailToBundle(raw: string | Buffer): Promise<Bundle> {
  checkEmail(raw);
  // Imported here, not at the top: most runs parse no email (modules/lazy-libraries.ts).
  const { default: PostalMime } = await import('postal-mime');
  const email = await PostalMime.parse(raw, { attachmentEncoding: 'arraybuffer' });
  return mapEmail(email);
}

function mapEmail(email: Email): Bundle {
  const bundle: Bundle = {
    from: email.from ? (mailboxes([email.from])[0] ?? null) : null,
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    bcc: mailboxes(email.bcc),
    subject: email.subject ?? '',
    date: isoDate(email.date),
    ...(email.text !== undefined || !MAILHOOK_SHAPE.omitMissingBody ? { text: email.text ?? '' } : {}),
    ...(email.html !== undefined || !MAILHOOK_SHAPE.omitMissingBody ? { html: email.html ?? '' } : {}),
    attachments: email.attachments.map(attachment),
    headers: headerCollection(email.headers),
  };
  return bundle;
}

function mailboxes(list: readonly Address[] | undefined): MailAddress[] {
  return (list ?? []).flatMap((entry) =>
    entry.group ? entry.group.map(mailbox) : [mailbox({ address: entry.address ?? '', name: entry.name })],
  );
}

function mailbox(entry: { address: string; name: string }): MailAddress {
  return { address: entry.address, name: entry.name };
}

function isoDate(date: string | undefined): string | null {
  if (date === undefined) return null;
  const parsed = new Date(date);
  return Number.isNaN(parsed.getTime()) ? date : parsed.toISOString();
}

function attachment(part: Attachment): Bundle {
  const data = bytesOf(part.content);
  return {
    fileName: part.filename ?? '',
    contentType: part.mimeType,
    size: data.length,
    data,
    ...(part.contentId ? { contentId: part.contentId } : {}),
  };
}

function bytesOf(content: Attachment['content']): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof ArrayBuffer) return Buffer.from(content);
  return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
}

/** Lowercase names (the corpus maps `headers.`message-id``); own data properties only. */
function headerCollection(headers: Email['headers']): Bundle {
  const out: Bundle = {};
  for (const { key, value } of headers) {
    const current = Object.hasOwn(out, key) ? out[key] : undefined;
    const next = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
    Object.defineProperty(out, key, { value: next, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
