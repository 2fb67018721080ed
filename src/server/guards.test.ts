import { describe, expect, it } from 'vitest';
import { allowedHostsFor, hostAllowed, redactUrl } from './guards.js';

describe('hostAllowed', () => {
  const loopback = allowedHostsFor({ host: '127.0.0.1', allowedHosts: undefined });

  it('on loopback answers the loopback names on any port and nothing else (DNS rebinding)', () => {
    expect(['localhost:8080', '127.0.0.1:9', '[::1]:8080', 'LOCALHOST'].map((h) => hostAllowed(h, loopback))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(
      ['attacker.example', 'attacker.example:8080', '127.0.0.1.nip.io', ''].map((h) => hostAllowed(h, loopback)),
    ).toEqual([false, false, false, false]);
    expect(hostAllowed(undefined, loopback)).toBe(false);
  });

  it('takes the configured names, a port only when one is named, and any host off loopback without a list', () => {
    const listed = allowedHostsFor({ host: '0.0.0.0', allowedHosts: ['sma.school.kr', 'lab.example:8443'] });
    expect(['sma.school.kr:8080', 'lab.example:8443', 'lab.example:80'].map((h) => hostAllowed(h, listed))).toEqual([
      true,
      true,
      false,
    ]);
    expect(hostAllowed('anything.example', allowedHostsFor({ host: '0.0.0.0', allowedHosts: undefined }))).toBe(true);
  });
});

describe('redactUrl', () => {
  it('hides secret query values and keeps the rest', () => {
    expect(redactUrl('/api/roleplay/me/events?token=abc&x=1')).toBe('/api/roleplay/me/events?token=[redacted]&x=1');
    expect(redactUrl('/cb?code=c&state=s')).toBe('/cb?code=[redacted]&state=[redacted]');
    expect(redactUrl('/api/record/agreements?tokenize=1')).toBe('/api/record/agreements?tokenize=1');
  });
});
