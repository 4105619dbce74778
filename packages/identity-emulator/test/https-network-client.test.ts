import { createLocalTls } from '@saatja/local-servers';
import { afterEach, describe, expect, it } from 'vitest';
import { createHttpsNetworkClient } from '../src';
import { closeTestEmulators, startTestEmulator } from './support/fixtures';

afterEach(closeTestEmulators);

describe('createHttpsNetworkClient', () => {
  it('when the emulator CA is trusted, then GET returns status, lower-case headers and the parsed body', async () => {
    const emulator = await startTestEmulator();

    const response = await createHttpsNetworkClient([emulator.ca]).sendGetRequestAsync<{ keys: unknown[] }>(emulator.jwksUrl);

    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.body.keys).toHaveLength(1);
  });

  it('when the server certificate comes from a CA that is not trusted, then the request fails', async () => {
    const emulator = await startTestEmulator();
    const stranger = await createLocalTls({ names: ['stranger.test'] });

    await expect(createHttpsNetworkClient([stranger.ca]).sendGetRequestAsync(emulator.jwksUrl)).rejects.toThrow();
  });

  it('when the answer is not JSON, then the request fails and says so', async () => {
    const emulator = await startTestEmulator();

    await expect(
      createHttpsNetworkClient([emulator.ca]).sendGetRequestAsync(`${emulator.authority}/oauth2/v2.0/authorize`),
    ).rejects.toThrow(/not JSON/);
  });
});
