/**
 * Escaping and markup functions: `escapeHTML`, `escapeMarkdown`, `escapeJSON`, `stripHTML`,
 * `encodeURL`, `decodeURL` (https://help.make.com/text-and-binary-functions).
 */

/**
 * `escapeHTML(<b>Hello</b>)` → `&lt;b&gt;Hello&lt;/b&gt;` is documented; `&` and quotes are
 * docs/fidelity.md, Open question 18. We escape the five characters HTML needs in text and attribute values.
 */
const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const HTML_SPECIALS = /[&<>"']/g;

export function escapeHtml(text: string): string {
  return text.replace(HTML_SPECIALS, (ch) => HTML_ENTITIES[ch] ?? ch);
}

/**
 * `escapeMarkdown(# Header)` → `&#35; Header` (FUSION string-functions; a 3P sheet claims `\#`,
 * docs/fidelity.md, Open question 18). We follow the documented entity form and apply it to the characters
 * that original Markdown lets you backslash-escape: \ ` * _ { } [ ] ( ) # + - . !
 */
const MARKDOWN_SPECIALS = /[\\`*_{}[\]()#+\-.!]/g;

export function escapeMarkdown(text: string): string {
  return text.replace(MARKDOWN_SPECIALS, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * `escapeJSON` (2026 palette, docs/fidelity.md, open question 16): the text as it must appear between the
 * quotes of a JSON string — quotes, backslashes and control characters escaped, nothing else.
 */
export function escapeJson(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}

/**
 * `stripHTML(<b>Hello</b>)` → `Hello`: comments and tags go, text stays. A `<` not followed by a
 * tag name (`a < b`) is text, as a browser would read it. Entities are left as they are.
 */
const HTML_TAGS = /<!--[\s\S]*?(?:-->|$)|<\/?[a-zA-Z!?][^>]*>/g;

export function stripHtml(text: string): string {
  return text.replace(HTML_TAGS, '');
}
