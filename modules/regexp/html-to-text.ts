/**
 * Text parser > HTML to text (`regexp:HTMLToText` v1), https://help.make.com/regexp: strips tags, turns block
 * elements and `<br>` into line breaks (`newline`: `lf`, `crlf`, `cr`), upper-cases headings when
 * `uppercaseHeadings`, decodes entities. Output `{ text }` (corpus `{{N.text}}`).
 */
import { defineModule } from '../../engine/registry/define-module.ts';
import { decodeEntities } from './html-entities.ts';

const NEWLINES: Readonly<Record<string, string>> = { lf: '\n', crlf: '\r\n', cr: '\r' };
const BLOCK = /<\/?(p|div|section|article|header|footer|ul|ol|table|tr|blockquote|pre|hr)\b[^>]*>/gi;

export function htmlToText(html: string, newline: string, uppercaseHeadings: boolean): string {
  let text = html.replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  text = text.replace(/<h[1-6]\b[^>]*>([\s\S]*?)<\/h[1-6]>/gi, (_m, inner: string) => {
    const plain = decodeEntities(inner.replace(/<[^>]+>/g, ''));
    return `\n\n${uppercaseHeadings ? plain.toUpperCase() : plain}\n\n`;
  });
  text = text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<li\b[^>]*>/gi, '\n * ')
    .replace(/<\/(td|th)>/gi, '\t')
    .replace(BLOCK, '\n\n')
    .replace(/<[^>]+>/g, '');
  text = decodeEntities(text)
    .replace(/[ \t\f\v]*\n[ \t\f\v]*/g, '\n')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text.replace(/\n/g, NEWLINES[newline] ?? '\n');
}

export default defineModule({
  key: 'regexp:HTMLToText',
  versions: [1],
  kind: 'action',
  label: 'Text parser > HTML to text',
  description: 'Converts HTML into plain text.',
  fidelity: 'partial',
  fidelityNotes:
    'A simple tag stripper: line breaks and list bullets approximate Make’s converter, links keep only their text.',
  mapper: [
    { name: 'html', type: 'text', required: true, description: 'HTML to convert.' },
    { name: 'newline', type: 'select', default: 'lf', description: 'Line break: lf, crlf or cr.' },
    { name: 'uppercaseHeadings', type: 'boolean', default: true, description: 'Upper-case h1–h6 text.' },
  ],
  outputFields: ['text'],
  output: '`{ text }`.',
  run: (call) => [
    {
      text: htmlToText(
        call.input.html === undefined || call.input.html === null ? '' : String(call.input.html),
        String(call.input.newline ?? 'lf'),
        call.input.uppercaseHeadings !== false && call.input.uppercaseHeadings !== 'false',
      ),
    },
  ],
});
