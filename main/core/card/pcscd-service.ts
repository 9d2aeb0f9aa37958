/**
 * Is pcscd there? Its Unix socket file alone does not say: a pcscd killed with SIGKILL leaves the file
 * behind, and connecting to it is refused. Opening a PC/SC context on such a socket is worse than
 * failing: the PC/SC binding retries SCardEstablishContext in a loop on the main thread, freezing
 * the kiosk at 100 % CPU. So a socket counts only while a process listens on it (Linux: /proc/net/unix,
 * the kernel's table of Unix sockets — a stale file has no listener, which is exactly what makes a
 * connection refused).
 */

export const DEFAULT_PCSCD_SOCKET = '/run/pcscd/pcscd.comm';

/** Where pcsc-lite's client library will connect: it honours PCSCLITE_CSOCK_NAME. */
export function pcscdSocketPath(env: Readonly<Record<string, string | undefined>>): string {
  return env.PCSCLITE_CSOCK_NAME || DEFAULT_PCSCD_SOCKET;
}

/** __SO_ACCEPTCON in /proc/net/unix's Flags column: the socket is listening. */
const LISTENING = '00010000';

/** True if the /proc/net/unix `table` lists a listening socket bound to `path`. */
export function hasListener(table: string, path: string): boolean {
  return table
    .split('\n')
    .slice(1)
    .some((line) => {
      // Num RefCount Protocol Flags Type St Inode Path (the path may contain spaces).
      const fields = line.trim().split(/\s+/);
      return fields[3] === LISTENING && fields.slice(7).join(' ') === path;
    });
}

export type ServiceState = { up: true } | { up: false; detail: string };

/** Judges the service from what the caller observed: does the socket file exist, and who listens. */
export function judgeService(socket: string, fileExists: boolean, unixTable: string | null): ServiceState {
  if (!fileExists) return { up: false, detail: `no PC/SC service (${socket} is missing): is pcscd running?` };
  // Without procfs there is nothing better than the file; a live socket is the common case.
  if (unixTable === null || hasListener(unixTable, socket)) return { up: true };
  return { up: false, detail: `no PC/SC service: ${socket} is stale (pcscd died without removing it; nothing listens)` };
}

/** Retry delays while the service is away: quick at first, then no more often than every maxMs. */
export function nextRetryDelay(previousMs: number | null, minMs: number, maxMs: number): number {
  return previousMs === null ? minMs : Math.min(previousMs * 2, maxMs);
}
