/**
 * Starts a pcscd of our own with a private reader configuration: a vpcd virtual reader named
 * "Lab eID Reader" whose two slots listen on `port` and `port + 1`. Readiness = pcscd's
 * "daemon ready" log line plus the port in LISTEN (never probed by connecting: a connection is a card).
 *
 * Private socket: pcscd 1.9.9 ignores PCSCLITE_CSOCK_NAME (only the client library reads it) but takes
 * a listening socket from systemd-style socket activation. A small Perl wrapper (perl-base is Essential
 * on Debian) binds the socket, passes it as fd 3 with LISTEN_FDS/LISTEN_PID and execs pcscd, so pcscd
 * keeps the wrapper's pid and never touches /run/pcscd/pcscd.comm. Nothing outside the test sees it.
 *
 * Serialisation: vpcd's TCP port exists once per machine, so the wrapper first takes an exclusive flock
 * on /tmp/ciao-pcscd.lock and hands the locked descriptor to pcscd: the lock lasts exactly as long as
 * this pcscd, even after kill -9 of pcscd or of the test.
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTempDir } from '../temp-dir.ts';

export const VPCD_DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';
export const READER_NAME = 'Lab eID Reader';
export const PCSCD_LOCK = '/tmp/ciao-pcscd.lock';
const LOCK_WAIT_SECONDS = 180;

/**
 * This process's pcscd socket. One path per process: the PC/SC client library reads
 * PCSCLITE_CSOCK_NAME once, so every pcscd this process starts (e.g. after a restart) must reuse it.
 */
export const PCSCD_SOCKET = join(tmpdir(), `ciao-pcscd-${process.pid}.comm`);

const SOCKET_ACTIVATE = `
use strict; use Fcntl qw(:flock); use IO::Socket::UNIX; use POSIX ();
my ($lock_file, $wait, $socket, @command) = @ARGV;
open(my $lock, '>>', $lock_file) or die "$lock_file: $!\\n";
$SIG{ALRM} = sub { die "waited \${wait} s for $lock_file: another PC/SC test (or a stray pcscd) holds it\\n" };
alarm $wait; flock($lock, LOCK_EX) or die "flock $lock_file: $!\\n"; alarm 0;
POSIX::dup2(fileno($lock), 9) // die "dup2: $!\\n";
print STDERR "ciao-pcscd: lock taken\\n";
unlink $socket;
my $server = IO::Socket::UNIX->new(Type => SOCK_STREAM(), Local => $socket, Listen => 128) or die "$socket: $!\\n";
chmod 0666, $socket;
POSIX::dup2(fileno($server), 3) // die "dup2: $!\\n";
$ENV{LISTEN_FDS} = 1; $ENV{LISTEN_PID} = $$;
exec { $command[0] } @command or die "exec $command[0]: $!\\n";
`;

export interface Pcscd {
  port: number;
  /** The private socket pcscd listens on; give it to a client as PCSCLITE_CSOCK_NAME. */
  socket: string;
  readerNames: [string, string];
  log(): string;
  /** SIGTERM, then removes the socket file. */
  stop(): Promise<void>;
  /** SIGKILL: leaves the socket file behind, stale, as a crashed pcscd does. */
  kill(): Promise<void>;
}

function listening(port: number): boolean {
  return execFileSync('ss', ['-ltnH', `sport = :${port}`], { encoding: 'utf8' }).trim().length > 0;
}

/**
 * Starts pcscd on PCSCD_SOCKET and points this process's PC/SC clients at it (PCSCLITE_CSOCK_NAME),
 * so an in-process card source reads this pcscd's readers and no other.
 */
export async function startPcscd(port = 40000): Promise<Pcscd> {
  if (!existsSync(VPCD_DRIVER)) throw new Error(`vsmartcard-vpcd is not installed (${VPCD_DRIVER} missing)`);
  process.env.PCSCLITE_CSOCK_NAME = PCSCD_SOCKET;
  const temp = makeTempDir('ciao-pcscd-');
  writeFileSync(
    join(temp.dir, 'vpcd'),
    `FRIENDLYNAME "${READER_NAME}"\nDEVICENAME /dev/null:0x${port.toString(16)}\nLIBPATH ${VPCD_DRIVER}\nCHANNELID 0x${port.toString(16)}\n`,
  );
  const pcscdArgs = ['pcscd', '--foreground', '--debug', '--apdu', '--config', temp.dir];
  const child: ChildProcess = spawn('perl', ['-e', SOCKET_ACTIVATE, PCSCD_LOCK, String(LOCK_WAIT_SECONDS), PCSCD_SOCKET, ...pcscdArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  // The readiness deadline starts once the lock is ours: waiting for another test is not pcscd's delay.
  let deadline = Number.POSITIVE_INFINITY;
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (child.exitCode !== null || child.signalCode !== null) return reject(new Error(`pcscd exited early:\n${output}`));
      if (deadline === Number.POSITIVE_INFINITY && output.includes('ciao-pcscd: lock taken')) deadline = Date.now() + 15_000;
      if (output.includes('daemon ready') && listening(port)) return resolve();
      if (Date.now() > deadline) return reject(new Error(`pcscd not ready within 15 s:\n${output.slice(-2000)}`));
      setTimeout(check, 20);
    };
    check();
  });

  const signal = async (name: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill(name);
      await exited;
    }
    temp.cleanup();
  };
  return {
    port,
    socket: PCSCD_SOCKET,
    readerNames: [`${READER_NAME} 00 00`, `${READER_NAME} 00 01`],
    log: () => output,
    async stop() {
      await signal('SIGTERM');
      // A socket-activated pcscd leaves its socket to the activator, which is us.
      rmSync(PCSCD_SOCKET, { force: true });
    },
    kill: () => signal('SIGKILL'),
  };
}
