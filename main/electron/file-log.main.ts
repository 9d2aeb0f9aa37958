/**
 * The shell's log: one line per event in `<logs>/main.log`, kept to two files of at most 5 MB so an
 * unattended kiosk never fills its disk. Lines never carry card data (the core logs no identities).
 */
import { appendFileSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LOG_FILE_NAME = 'main.log';
const MAX_BYTES = 5 * 1024 * 1024;

export function createFileLog(dir: string, maxBytes = MAX_BYTES): (line: string) => void {
  const file = join(dir, LOG_FILE_NAME);
  mkdirSync(dir, { recursive: true });
  return (line) => {
    const text = `${new Date().toISOString()} ${line}\n`;
    process.stderr.write(text);
    try {
      if ((statSync(file, { throwIfNoEntry: false })?.size ?? 0) + text.length > maxBytes) {
        renameSync(file, join(dir, `${LOG_FILE_NAME}.1`));
      }
      appendFileSync(file, text);
    } catch {
      // A full or read-only disk must not take the kiosk down with it; stderr still has the line.
    }
  };
}
