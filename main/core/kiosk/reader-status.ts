/** Folds the readers reported by every card source into the one status the idle screen shows. */
import type { ReaderStatus } from '../../../preload/api.ts';

export interface SourceReaderState {
  readers: string[];
  /** Why the source cannot work at all (e.g. the PC/SC service is missing), or null. */
  unavailable: string | null;
}

export function aggregateReaderStatus(sources: ReadonlyMap<string, SourceReaderState>): ReaderStatus {
  const readers = [...sources.values()].flatMap((s) => s.readers);
  if (readers.length > 0) return { state: 'ready', readers, message: { key: 'reader.ready' } };
  const unavailable = [...sources.values()].some((s) => s.unavailable !== null);
  if (unavailable) return { state: 'unavailable', readers: [], message: { key: 'reader.unavailable' } };
  if (sources.size === 0) return { state: 'starting', readers: [], message: null };
  return { state: 'no-reader', readers: [], message: { key: 'reader.noReader' } };
}
