import { lookup } from 'node:dns/promises';
import { connect, isIP, type Socket } from 'node:net';
import { connect as connectTls, type ConnectionOptions, type TLSSocket } from 'node:tls';
import type { TlsSettings } from '../mail/transport-target';
import { socketError, timeoutError, withTimeout, checkError } from './check-error';

/** What a TLS handshake trusts and accepts; from the same options nodemailer gets (buildTransport). */

/** Errors after a step has finished are reported by whoever reads the socket next; none may crash the process. */
const ignore = () => {};

/** DNS step: the addresses the host name resolves to, with the system resolver as Node connects. */
export async function resolveHost(host: string, timeoutMs: number): Promise<string[]> {
  try {
    const found = await withTimeout(lookup(host, { all: true }), timeoutMs, () => checkError('EDNS', 'CONN', { originalCode: 'ETIMEOUT' }));
    return found.map((entry) => entry.address);
  } catch (error) {
    throw socketError(error, 'EDNS', 'CONN');
  }
}

function connectOne(address: string, port: number, timeoutMs: number): Promise<Socket> {
  const socket = connect({ host: address, port }).on('error', ignore);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(timeoutError('CONNECT_TIMEOUT', 'CONN'));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('error', (error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(socketError(error, 'ESOCKET', 'CONN'));
    });
  });
}

/** TCP step: the first address that accepts, in the resolver's order (e.g. IPv6 then IPv4). */
export async function connectAny(
  addresses: readonly string[],
  port: number,
  timeoutMs: number,
): Promise<{ socket: Socket; address: string }> {
  let lastError: unknown = checkError('EDNS', 'CONN', { originalCode: 'ENODATA' });
  for (const address of addresses) {
    try {
      return { socket: await connectOne(address, port, timeoutMs), address };
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
}

export { connectOne };

/** SNI takes a host name only (RFC 6066); the certificate is still checked against an IP literal. */
export function tlsTarget(host: string): Pick<ConnectionOptions, 'host' | 'servername'> {
  return { host, servername: isIP(host) === 0 ? host : undefined };
}

/**
 * A verified TLS handshake over `socket`: the certificate must chain to a trusted CA and name the
 * host. There is no way to turn that off (SPEC §8).
 */
export function handshake(
  socket: Socket,
  host: string,
  settings: TlsSettings,
  timeoutMs: number,
  command: 'CONN' | 'STARTTLS',
): Promise<TLSSocket> {
  const secure = connectTls({ socket, ...tlsTarget(host), ...settings, rejectUnauthorized: true }).on('error', ignore);
  const code = command === 'CONN' ? 'ESOCKET' : 'ETLS';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      secure.destroy();
      reject(timeoutError('UPGRADE_TIMEOUT', command));
    }, timeoutMs);
    const onError = (error: Error) => {
      clearTimeout(timer);
      secure.destroy();
      reject(socketError(error, code, command));
    };
    secure.once('error', onError);
    secure.once('secureConnect', () => {
      clearTimeout(timer);
      secure.off('error', onError);
      resolve(secure);
    });
  });
}
