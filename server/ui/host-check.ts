/**
 * DNS rebinding defence for the run page: a page on `evil.example` whose name is re-pointed at
 * 127.0.0.1 reaches this server same-origin, with `Host: evil.example`. The run page answers only
 * to the names the server is really reached by: loopback names, and the bound address (with
 * `--host 0.0.0.0`, every address of this machine and its host name).
 */
import { hostname, networkInterfaces } from 'node:os';

const LOOPBACK = ['localhost', '127.0.0.1', '::1'];

export class AllowedHosts {
  private readonly names = new Set(LOOPBACK);

  /** Adds the names a server bound to `host` is reached by. */
  bind(host: string): void {
    const bare = bareHost(host);
    if (bare === '0.0.0.0' || bare === '::') {
      for (const address of machineAddresses()) this.names.add(address);
      this.names.add(hostname().toLowerCase());
    } else {
      this.names.add(bare);
    }
  }

  /** Whether a `Host` header (name, optional port) names this server. */
  allowsHost(header: string | undefined): boolean {
    if (!header) return false;
    const name = bareHost(header.replace(/:\d+$/, ''));
    return this.names.has(name) || name.endsWith('.localhost');
  }

  /** Whether an `Origin` header is one of this server's own origins (`null` is not). */
  allowsOrigin(origin: string): boolean {
    if (!URL.canParse(origin)) return false;
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && this.allowsHost(url.host);
  }
}

/** Every address of this machine's interfaces (what `--host 0.0.0.0` listens on). */
export function machineAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry !== undefined)
    .map((entry) => entry.address.toLowerCase());
}

function bareHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
}
