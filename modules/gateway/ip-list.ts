/**
 * A hook's IP allow-list (https://help.make.com/webhooks): comma-separated IPv4/IPv6 addresses and CIDR
 * ranges, empty = every address. One reading for the gateway that checks callers and for the API and the
 * config that refuse a list with an entry it cannot read — the gateway would skip that entry, and
 * a typo could shut every caller out with 403.
 */
import { isIP } from 'node:net';

export interface IpEntry {
  address: string;
  family: 'ipv4' | 'ipv6';
  /** CIDR prefix length; undefined for a single address. */
  prefix: number | undefined;
}

const MAX_PREFIX = { ipv4: 32, ipv6: 128 } as const;

/** The list's entries, trimmed; empty ones (`a,,b`, a trailing comma) are not entries. */
export function ipListEntries(list: string): string[] {
  return list
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** One entry as an address or a range, or the reason it is neither. */
export function parseIpEntry(entry: string): IpEntry | string {
  const [address = '', prefixText, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined || (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)))
    return `'${entry}' is not an IPv4/IPv6 address or CIDR range; write e.g. 10.0.0.1, 10.0.0.0/8 or 2001:db8::/32`;
  const family = version === 6 ? 'ipv6' : 'ipv4';
  const prefix = prefixText === undefined ? undefined : Number(prefixText);
  if (prefix !== undefined && prefix > MAX_PREFIX[family])
    return `'${entry}' has a prefix length out of range; an ${family === 'ipv6' ? 'IPv6' : 'IPv4'} range takes /0-${MAX_PREFIX[family]}`;
  return { address, family, prefix };
}

/** What is wrong with the list, naming its first bad entry; undefined when every entry reads. */
export function ipListProblem(list: string): string | undefined {
  for (const entry of ipListEntries(list)) {
    const parsed = parseIpEntry(entry);
    if (typeof parsed === 'string') return parsed;
  }
  return undefined;
}
