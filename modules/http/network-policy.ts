/**
 * Which hosts the HTTP modules may reach (DESIGN principle 5: tests never touch the internet).
 * Default: loopback only. `--allow-net` / config `network.allow` widen it through HttpPort.allowNet.
 */
import { isIP } from 'node:net';
import { SetupError } from '../../engine/errors/setup-error.ts';
import type { HttpPort } from '../../engine/ports/http.ts';

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === '::1' || bare === '0:0:0:0:0:0:0:1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  // IPv4-mapped IPv6 loopback (::ffff:127.x.x.x)
  if (bare.startsWith('::ffff:')) return isLoopbackHost(bare.slice(7));
  return false;
}

export function isHostAllowed(host: string, allowNet: HttpPort['allowNet']): boolean {
  if (isLoopbackHost(host)) return true;
  if (allowNet === true) return true;
  if (allowNet === false) return false;
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return allowNet.some((allowed) => allowed.toLowerCase() === bare);
}

/**
 * Throws a setup error (code `network-blocked`) naming the host and how to allow it: a blocked
 * request is a missing answer, not a Make error an error route could handle (docs/testing.md).
 */
export function assertHostAllowed(url: URL, port: HttpPort, method = 'GET'): void {
  if (isHostAllowed(url.hostname, port.allowNet)) return;
  throw new SetupError(
    'network-blocked',
    `${method} ${url.href} was not sent: the network policy blocks ${url.hostname} (makesim reaches only ` +
      `loopback hosts by default). Allow it with --allow-net=${url.hostname} (or --allow-net for any ` +
      `host), add it to the config's network.allow list, or mock this module.`,
    { host: url.hostname, method, url: url.href },
  );
}
