import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config';

describe('event mailbox settings', () => {
  it('when no inbound port is set, then the listener defaults to 2526; 0 means a free port', () => {
    expect(loadConfig({}).inboundPort).toBe(2526);
    expect(loadConfig({ SAATJA_INBOUND_PORT: '0' }).inboundPort).toBe(0);
  });

  it('when the inbound port is off, then this instance runs no listener (the event mailbox runs elsewhere)', () => {
    expect(loadConfig({ SAATJA_INBOUND_PORT: 'off' }).inboundPort).toBeNull();
  });

  it.each(['70000', '-1', 'smtp'])('when the inbound port is %j, then start-up fails with a config error', (port) => {
    expect(() => loadConfig({ SAATJA_INBOUND_PORT: port })).toThrow(ConfigError);
  });

  it.each(['event.data.directo.ee\r\nBcc: x@y.ee', 'event data.ee', 'localhost', '-bad.example'])(
    'when the event domain is %j, then start-up fails instead of putting it into headers',
    (domain) => {
      expect(() => loadConfig({ SAATJA_EVENT_DOMAIN: domain })).toThrow(/SAATJA_EVENT_DOMAIN/);
    },
  );
});
