/**
 * Hook security options (http-spec §1.8): API keys sent in `x-make-apikey` (any configured key
 * matches), and an IP allow-list of addresses and CIDR ranges (empty = every address).
 */
import { BlockList, isIP } from 'node:net';
import type { HookData } from '../store/hooks.ts';

export type GuardVerdict = 'ok' | 'unauthorized' | 'forbidden';

export function checkHookGuard(
  data: HookData,
  request: { apiKey: string | undefined; ip: string },
): GuardVerdict {
  if (data.ip && !ipAllowed(data.ip, request.ip)) return 'forbidden';
  if (data.apiKeys.length > 0 && (request.apiKey === undefined || !data.apiKeys.includes(request.apiKey))) {
    return 'unauthorized';
  }
  return 'ok';
}

/** `ip` is Make's comma-separated allow-list, e.g. `10.0.0.0/8, 127.0.0.1`. */
export function ipAllowed(list: string, address: string): boolean {
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  const blocks = new BlockList();
  for (const entry of list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [base = '', bits] = entry.split('/');
    const entryFamily = isIP(base) === 6 ? 'ipv6' : isIP(base) === 4 ? 'ipv4' : undefined;
    if (!entryFamily) continue;
    if (bits === undefined) blocks.addAddress(base, entryFamily);
    else blocks.addSubnet(base, Number(bits), entryFamily);
  }
  return isIP(plain) !== 0 && blocks.check(plain, family);
}
