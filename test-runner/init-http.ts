/**
 * HTTP answers for a starter test (`makesim test --init`): one stub per HTTP module, matching its
 * URL exactly where the blueprint writes it out, by a pattern where parts of it are mapped
 * (`https://api.x/items/{{1.id}}` → `/^https:\/\/api\.x\/items\/.*`/), answering 200 with a
 * body typed from the module's `metadata.interface` (its `data` field).
 */
import type { ModuleNode } from '../engine/blueprint/scenario.ts';
import { interfaceOf } from '../engine/registry/interface-sample.ts';
import { sampleBundle } from './init-samples.ts';
import type { HttpMock } from './types.ts';

export function isHttpModule(node: ModuleNode): boolean {
  return node.key.startsWith('http:');
}

/** The response body a starter gives this HTTP module: its interface's `data`, else `{}`. */
export function sampleHttpBody(node: ModuleNode): Record<string, unknown> {
  const data = sampleBundle(interfaceOf(node.raw)).data;
  return data !== null && typeof data === 'object' && !Array.isArray(data)
    ? (data as Record<string, unknown>)
    : {};
}

/** Stubs in module order; exact URLs first, so a pattern never shadows a module's own URL. */
export function starterHttpMocks(nodes: readonly ModuleNode[], bodies: Map<number, unknown>): HttpMock[] {
  const exact: HttpMock[] = [];
  const patterns: HttpMock[] = [];
  const seen = new Map<string, HttpMock>();
  for (const node of nodes) {
    if (!isHttpModule(node)) continue;
    const mapper = (node.raw.mapper ?? {}) as Record<string, unknown>;
    const url = urlMatcherFor(mapper.url);
    if (url === undefined) continue;
    const method =
      typeof mapper.method === 'string' && !mapper.method.includes('{{') ? mapper.method : undefined;
    const id = `${method ?? '*'} ${url}`;
    const body = bodies.get(node.id) ?? {};
    const same = seen.get(id);
    // Modules calling the same URL share one stub: its body holds what each of them needs.
    if (same) {
      same.response.body = mergeSamples(same.response.body, body);
      continue;
    }
    const mock: HttpMock = {
      ...(method ? { method: method.toUpperCase() } : {}),
      url,
      response: { status: 200, body },
    };
    seen.set(id, mock);
    (url.startsWith('/') ? patterns : exact).push(mock);
  }
  return [...exact, ...patterns];
}

function mergeSamples(a: unknown, b: unknown): unknown {
  if (Array.isArray(a) && Array.isArray(b)) return a.length > 0 ? [mergeSamples(a[0], b[0])] : b;
  if (!isRecord(a) || !isRecord(b)) return b === undefined ? a : b;
  const out: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b)) out[key] = key in a ? mergeSamples(a[key], value) : value;
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A static absolute URL as is; a mapped one as a `/regex/` over its literal parts. */
function urlMatcherFor(template: unknown): string | undefined {
  if (typeof template !== 'string' || template.trim() === '') return undefined;
  const text = template.trim();
  // A static URL without its query: the stub then answers whatever query the module adds.
  if (!text.includes('{{')) return isAbsoluteUrl(text) ? text.split(/[?#]/)[0] : undefined;
  // Only the part before the query: the module percent-encodes query text, so it cannot match as written.
  const parts = withoutQuery(text).split(/\{\{[\s\S]*?\}\}/);
  const source = parts.map(escapeRegex).join('.*');
  return `/^${source}/`;
}

/** The template up to its first `?` outside `{{…}}`. */
function withoutQuery(template: string): string {
  let depth = 0;
  for (let i = 0; i < template.length; i++) {
    if (template.startsWith('{{', i)) depth++;
    else if (template.startsWith('}}', i)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && (template[i] === '?' || template[i] === '#')) return template.slice(0, i);
  }
  return template;
}

function isAbsoluteUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
