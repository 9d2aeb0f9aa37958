/**
 * Demo mode runs the ONSS stand-in as a child process. How a process is launched is the shell's
 * business (Node's child_process in the browser host; Electron's utilityProcess in the packaged app,
 * where the runAsNode fuse is off), so it is passed in as a `StandinLauncher`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StandinProcess {
  stdout: NodeJS.ReadableStream | null;
  kill(): boolean;
  once(event: 'exit', listener: (code: number | null) => void): unknown;
}

/** Starts `out/standin/cli.mjs` with these arguments. */
export type StandinLauncher = (args: string[]) => StandinProcess;

/** The browser host's launcher: a Node child whose stdin is a pipe, so it ends when its parent dies. */
export function nodeStandinLauncher(scriptPath: string): StandinLauncher {
  return (args) => spawn(process.execPath, [scriptPath, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
}

export interface StandinEndpoints {
  baseUrl: string;
  tokenUrl: string;
}

/** Resolves with the URLs from the stand-in's `{"event":"ready","baseUrl":…,"tokenUrl":…}` line. */
export function waitForStandinReady(child: StandinProcess, timeoutMs = 15_000): Promise<StandinEndpoints> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) {
      reject(new Error('the ONSS stand-in has no stdout to report readiness on'));
      return;
    }
    const timer = setTimeout(() => reject(new Error('the ONSS stand-in did not become ready in time')), timeoutMs);
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      try {
        const message = JSON.parse(line) as { event?: string; baseUrl?: unknown; tokenUrl?: unknown };
        if (message.event === 'ready' && typeof message.baseUrl === 'string' && typeof message.tokenUrl === 'string') {
          clearTimeout(timer);
          resolve({ baseUrl: message.baseUrl, tokenUrl: message.tokenUrl });
        }
      } catch {
        // Not a protocol line.
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the ONSS stand-in exited (code ${code}) before it was ready`));
    });
  });
}
