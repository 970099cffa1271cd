import { describe, expect, it } from 'vitest';
import { SetupError } from '../../../../engine/errors/setup-error.ts';
import { assertHostAllowed, isHostAllowed, isLoopbackHost } from '../../../../modules/http/network-policy.ts';

describe('network policy', () => {
  it.each(['127.0.0.1', '127.5.6.7', 'localhost', 'api.localhost', '::1', '[::1]', '::ffff:127.0.0.1'])(
    'treats %s as loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );

  it.each(['10.0.0.1', '128.0.0.1', 'example.com', 'localhost.example.com', '::2'])(
    'treats %s as not loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(false);
    },
  );

  it('allows only loopback by default', () => {
    expect(isHostAllowed('api.example.com', false)).toBe(false);
    expect(isHostAllowed('127.0.0.1', false)).toBe(true);
  });

  it('allows every host with allowNet true', () => {
    expect(isHostAllowed('api.example.com', true)).toBe(true);
  });

  it('allows listed hosts, case-insensitively, and no others', () => {
    expect(isHostAllowed('API.example.com', ['api.example.com'])).toBe(true);
    expect(isHostAllowed('other.example.com', ['api.example.com'])).toBe(false);
  });

  it('names the host and the option that allows it when refusing', () => {
    let caught: unknown;
    try {
      assertHostAllowed(new URL('https://hooks.slack.com/x'), { allowNet: false });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SetupError);
    expect((caught as SetupError).details).toMatchObject({
      code: 'network-blocked',
      host: 'hooks.slack.com',
    });
    expect((caught as SetupError).message).toContain('--allow-net=hooks.slack.com');
  });
});
