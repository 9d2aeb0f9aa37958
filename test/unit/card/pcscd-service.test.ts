/** Telling a live pcscd from a stale socket file, on the kernel's table of Unix sockets. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PCSCD_SOCKET, hasListener, judgeService, nextRetryDelay, pcscdSocketPath } from '../../../main/core/card/pcscd-service.ts';

// Shapes copied from a real /proc/net/unix with a socket-activated pcscd.
const TABLE = [
  'Num       RefCount Protocol Flags    Type St Inode Path',
  '0000000000000000: 00000002 00000000 00010000 0001 01 15815 /tmp/ciao-pcscd-42.comm',
  '0000000000000000: 00000003 00000000 00000000 0001 03 15820 /tmp/ciao-pcscd-42.comm',
  '0000000000000000: 00000002 00000000 00010000 0001 01 16001 /tmp/with space.comm',
  '0000000000000000: 00000002 00000000 00010000 0001 01 16002 @/abstract/name',
  '0000000000000000: 00000003 00000000 00000000 0001 03 16003 /run/pcscd/pcscd.comm',
  '',
].join('\n');

describe('pcscd service detection', () => {
  it('reads the socket path pcsc-lite will use', () => {
    expect(pcscdSocketPath({})).toBe(DEFAULT_PCSCD_SOCKET);
    expect(pcscdSocketPath({ PCSCLITE_CSOCK_NAME: '' })).toBe(DEFAULT_PCSCD_SOCKET);
    expect(pcscdSocketPath({ PCSCLITE_CSOCK_NAME: '/tmp/x.comm' })).toBe('/tmp/x.comm');
  });

  it('counts only listening sockets bound to exactly that path', () => {
    expect(hasListener(TABLE, '/tmp/ciao-pcscd-42.comm')).toBe(true);
    expect(hasListener(TABLE, '/tmp/with space.comm')).toBe(true);
    // Only a connected (not listening) socket carries this path: nobody accepts there.
    expect(hasListener(TABLE, '/run/pcscd/pcscd.comm')).toBe(false);
    expect(hasListener(TABLE, '/tmp/ciao-pcscd-4.comm')).toBe(false);
    expect(hasListener('', '/tmp/ciao-pcscd-42.comm')).toBe(false);
  });

  it('missing file, stale file and live socket', () => {
    expect(judgeService('/s', false, TABLE)).toEqual({ up: false, detail: expect.stringContaining('/s is missing') });
    expect(judgeService('/run/pcscd/pcscd.comm', true, TABLE)).toEqual({ up: false, detail: expect.stringContaining('stale') });
    expect(judgeService('/tmp/ciao-pcscd-42.comm', true, TABLE)).toEqual({ up: true });
    // No procfs (not Linux, or hidden): the file is all there is to go by.
    expect(judgeService('/run/pcscd/pcscd.comm', true, null)).toEqual({ up: true });
  });

  it('backs off from the minimum to the maximum', () => {
    const delays: number[] = [];
    let delay: number | null = null;
    for (let i = 0; i < 7; i++) delays.push((delay = nextRetryDelay(delay, 250, 5_000)));
    expect(delays).toEqual([250, 500, 1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
