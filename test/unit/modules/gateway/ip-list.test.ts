/**
 * A hook's IP allow-list (https://help.make.com/webhooks): comma-separated IPv4/IPv6 addresses and CIDR
 * ranges.
 */
import { describe, expect, it } from 'vitest';
import { ipListProblem } from '../../../../modules/gateway/ip-list.ts';

describe('ipListProblem', () => {
  it.each([
    '127.0.0.1',
    '10.0.0.0/8, 127.0.0.1',
    '::1',
    '2001:db8::/32,192.168.0.0/16',
    '0.0.0.0/0',
    '::/0',
    '10.1.2.3/32',
    '2001:db8::1/128',
    '',
    ' , ',
  ])('accepts %j', (list) => {
    expect(ipListProblem(list)).toBeUndefined();
  });

  it.each([
    ['10.0.0/8', '10.0.0/8'],
    ['10.0.0.0/8, localhost', 'localhost'],
    ['1.2.3.4; 5.6.7.8', '1.2.3.4; 5.6.7.8'],
    ['10.0.0.0/8/1', '10.0.0.0/8/1'],
    ['10.0.0.0/', '10.0.0.0/'],
    ['10.0.0.0/x', '10.0.0.0/x'],
    ['10.0.0.0/-1', '10.0.0.0/-1'],
    ['10.0.0.0/ 8', '10.0.0.0/ 8'],
    ['/8', '/8'],
  ])('names the entry of %j that is not an address or range', (list, entry) => {
    expect(ipListProblem(list)).toMatch(new RegExp(`^'${entry.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}' `));
  });

  it('refuses prefix lengths past 32 for IPv4 and 128 for IPv6, saying the range', () => {
    expect(ipListProblem('10.0.0.0/33')).toContain('0-32');
    expect(ipListProblem('2001:db8::/129')).toContain('0-128');
    expect(ipListProblem('10.0.0.0/32, ::/128')).toBeUndefined();
  });
});
