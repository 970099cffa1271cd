/**
 * Credentials for the HTTP auth variants (https://apps.make.com/http: basic auth, API key auth, OAuth 2.0).
 * They come from the project config's `connections` (HttpPort.connections), keyed by the id the
 * blueprint stores in its parameters or by the connection's label — never from the blueprint.
 * A connection missing from the config is a setup error (docs/testing.md "Setup errors"): in Make
 * the scenario holds a real connection, so no Make error type describes its absence.
 */
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { HttpConnection, HttpPort } from '../../engine/ports/http.ts';
import type { ModuleNodeInfo } from '../../engine/registry/define-module.ts';

/** Where each variant stores its connection reference (corpus: `auth`, `account`, `apiKeyKeychain`). */
export const CONNECTION_PARAMETERS = [
  '__IMTCONN__',
  'auth',
  'account',
  'key',
  'apiKeyKeychain',
  'basicAuthKeychain',
  'oauthKeychain',
] as const;

export function resolveConnection(node: ModuleNodeInfo, port: HttpPort): HttpConnection {
  const connections = port.connections ?? {};
  const refs = candidates(node);
  for (const ref of refs) {
    const found = connections[ref];
    if (found) return found;
  }
  const shown = refs.length > 0 ? refs.map((r) => `"${r}"`).join(' or ') : '(none in the blueprint)';
  throw new SetupError(
    'missing-connection',
    `Module ${node.id} (${node.key}) needs a connection, and none is configured for ${shown}. ` +
      `Add it under "connections" in the makesim config, keyed by that id or label, or mock this module.`,
    { refs },
  );
}

function candidates(node: ModuleNodeInfo): string[] {
  const out: string[] = [];
  for (const name of CONNECTION_PARAMETERS) {
    const value = node.parameters[name];
    if (value === undefined || value === null || value === '') continue;
    out.push(String(value));
    const label = restoreLabel(node.raw, name);
    if (label) out.push(label);
  }
  return out;
}

function restoreLabel(raw: Readonly<Record<string, unknown>>, parameter: string): string | undefined {
  const metadata = raw.metadata as
    | { restore?: { parameters?: Record<string, { label?: unknown }> } }
    | undefined;
  const label = metadata?.restore?.parameters?.[parameter]?.label;
  return typeof label === 'string' && label !== '' ? label : undefined;
}

export type AuthKind = 'basic' | 'apiKey' | 'oauth';

/** Adds the connection's credentials to the request (header or query, as the connection says). */
export function applyAuth(
  kind: AuthKind,
  connection: HttpConnection,
  url: URL,
  headers: Array<[string, string]>,
): void {
  if (kind === 'basic') {
    const token = Buffer.from(`${connection.username ?? ''}:${connection.password ?? ''}`).toString('base64');
    headers.push(['authorization', `Basic ${token}`]);
  } else if (kind === 'oauth') {
    headers.push(['authorization', `${connection.tokenType ?? 'Bearer'} ${connection.accessToken ?? ''}`]);
  } else if (connection.apiKeyPlacement === 'query') {
    url.searchParams.append(connection.apiKeyName ?? 'api_key', connection.apiKey ?? '');
  } else {
    headers.push([connection.apiKeyName ?? 'authorization', connection.apiKey ?? '']);
  }
}
