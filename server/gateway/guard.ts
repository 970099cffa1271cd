/**
 * Hook security options (Make's help: https://help.make.com/webhooks): API keys sent in `x-make-apikey` (any
 * configured key matches), and an IP allow-list of addresses and CIDR ranges (empty = every address).
 */
import { BlockList, isIP } from 'node:net';
import { ipListEntries, parseIpEntry } from '../../modules/gateway/ip-list.ts';
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

/**
 * `ip` is Make's comma-separated allow-list, e.g. `10.0.0.0/8, 127.0.0.1`, read as the API and the
 * config check it (modules/gateway/ip-list.ts). A list with no entries lets everyone in, as an
 * empty one does; an entry that does not read (only a database from before that check holds one)
 * is skipped.
 */
export function ipAllowed(list: string, address: string): boolean {
  const entries = ipListEntries(list);
  if (entries.length === 0) return true;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  const family = isIP(plain) === 6 ? 'ipv6' : 'ipv4';
  const blocks = new BlockList();
  for (const entry of entries) {
    const parsed = parseIpEntry(entry);
    if (typeof parsed === 'string') continue;
    if (parsed.prefix === undefined) blocks.addAddress(parsed.address, parsed.family);
    else blocks.addSubnet(parsed.address, parsed.prefix, parsed.family);
  }
  return isIP(plain) !== 0 && blocks.check(plain, family);
}
