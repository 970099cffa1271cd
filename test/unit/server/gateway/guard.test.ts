/**
 * The gateway's IP allow-list check (https://help.make.com/webhooks), on the same parsing as ipListProblem.
 */
import { describe, expect, it } from 'vitest';
import { ipAllowed } from '../../../../server/gateway/guard.ts';

describe('ipAllowed', () => {
  it('lets in addresses listed or inside a listed range, and no others', () => {
    const list = '10.0.0.0/8, 127.0.0.1, 2001:db8::/32';
    expect(ipAllowed(list, '10.200.3.4')).toBe(true);
    expect(ipAllowed(list, '127.0.0.1')).toBe(true);
    expect(ipAllowed(list, '2001:db8::7')).toBe(true);
    expect(ipAllowed(list, '11.0.0.1')).toBe(false);
    expect(ipAllowed(list, '127.0.0.2')).toBe(false);
    expect(ipAllowed(list, '2001:db9::1')).toBe(false);
  });

  it('matches an IPv4 caller seen as an IPv4-mapped IPv6 address', () => {
    expect(ipAllowed('10.0.0.0/8', '::ffff:10.1.1.1')).toBe(true);
  });

  it('lets everyone in when the list has no entries, as an empty list does', () => {
    expect(ipAllowed(' , ', '8.8.8.8')).toBe(true);
  });

  it('skips an entry it cannot read (only databases from before validation hold one)', () => {
    expect(ipAllowed('10.0.0/8, 192.168.1.1', '192.168.1.1')).toBe(true);
    expect(ipAllowed('10.0.0/8, 192.168.1.1', '10.0.0.1')).toBe(false);
    expect(ipAllowed('10.0.0.0/33', '10.0.0.1')).toBe(false);
  });
});
