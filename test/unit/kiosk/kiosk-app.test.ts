import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../preload/api.ts';
import type { KioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import type { CardSource, CardSourceEvent } from '../../../main/core/card/card-source.ts';
import type { PresenceSender } from '../../../main/core/sync/presence-sender.ts';
import { makeTempDir } from '../../support/temp-dir.ts';
import { startTestKiosk } from '../../support/test-kiosk.ts';

/** A card source driven by the test, standing for a reader that reports badge taps. */
function scriptedSource(): CardSource & { emit(event: CardSourceEvent): void } {
  let listener: ((e: CardSourceEvent) => void) | null = null;
  return {
    name: 'scripted',
    start: (l) => {
      listener = l;
    },
    stop: async () => {},
    emit: (e) => listener?.(e),
  };
}

describe('kiosk app: a tap becomes a registration', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let app: KioskApp;
  let events: KioskEvent[];
  let clockNow: Date;
  const badges = scriptedSource();

  beforeEach(() => {
    temp = makeTempDir();
    clockNow = new Date('2026-11-22T06:02:00Z');
    ({ app, events } = startTestKiosk({ dataDir: temp.dir, cardSources: [badges], clock: () => clockNow }));
  });

  afterEach(async () => {
    await app.stop();
    temp.cleanup();
  });

  function lastPrompt() {
    const tap = events.filter((e) => e.type === 'tap').at(-1);
    if (!tap || tap.type !== 'tap') throw new Error('no tap event');
    return tap.prompt;
  }

  it('identifies the worker, records IN, and lists them on site', async () => {
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    const prompt = lastPrompt();
    expect(prompt.worker.displayName).toBe('Ana Maria Popescu');
    expect(prompt.suggested).toBe('start-work');

    const receipt = await app.api.register({ tapId: prompt.tapId, intent: 'start-work' });
    expect(receipt).toMatchObject({ direction: 'IN', intent: 'start-work', localTime: '07:02', state: 'queued' });
    expect(receipt.registrationId.length).toBeLessThanOrEqual(24);

    // The row is in the file, readable by another connection.
    const other = new Database(app.databaseFile, { readonly: true });
    const row = other.prepare('SELECT niss, direction, at_local, workplace_id FROM registrations').get();
    other.close();
    expect(row).toEqual({ niss: '88041212335', direction: 'IN', at_local: '2026-11-22T07:02:00.000+01:00', workplace_id: 'DEMO000000001' });

    const roster = await app.api.getRoster({});
    expect(roster.entries).toHaveLength(1);
    expect(roster.entries[0]).toMatchObject({ displayName: 'Ana Maria Popescu', presence: { status: 'on-site' }, unsynced: 1 });
  });

  it('a tap is used once: a second register with the same tap is refused', async () => {
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    const { tapId } = lastPrompt();
    await app.api.register({ tapId, intent: 'start-work' });
    await expect(app.api.register({ tapId, intent: 'start-work' })).rejects.toMatchObject({ code: 'tap-expired' });
    expect(app.store.outboxCounts().queued).toBe(1);
  });

  it('tapping the same card again while its prompt is open keeps the same tap', async () => {
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    const taps = events.filter((e) => e.type === 'tap');
    expect(taps).toHaveLength(2);
    expect(new Set(taps.map((t) => (t.type === 'tap' ? t.prompt.tapId : '')))).toHaveProperty('size', 1);
  });

  it('a break is OUT then IN, and the second tap warns about a double IN', async () => {
    await app.api.presentDemoCard({ demoCardId: 'fatima' });
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-work' });
    clockNow = new Date('2026-11-22T09:00:00Z');
    await app.api.presentDemoCard({ demoCardId: 'fatima' });
    expect(lastPrompt().warnings.map((w) => w.kind)).toEqual(['double-in']);
    await app.api.register({ tapId: lastPrompt().tapId, intent: 'start-break' });
    expect((await app.api.getRoster({})).entries[0]?.presence.status).toBe('on-break');
    clockNow = new Date('2026-11-22T09:30:00Z');
    await app.api.presentDemoCard({ demoCardId: 'fatima' });
    expect(lastPrompt().suggested).toBe('end-break');
  });

  it('an expired tap cannot be registered', async () => {
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    const { tapId } = lastPrompt();
    clockNow = new Date(clockNow.getTime() + 31_000);
    await expect(app.api.register({ tapId, intent: 'start-work' })).rejects.toMatchObject({ code: 'tap-expired' });
  });

  it('an unknown badge shows its number and opens no tap', () => {
    badges.emit({ type: 'card-read', reading: { kind: 'badge', reader: 'NFC', uid: '04A1B2C3D4' } });
    expect(events.at(-1)).toMatchObject({
      type: 'tap-error',
      error: { code: 'unknown-badge', badgeUid: '04A1B2C3D4', message: { key: 'tap.error.unknownBadge' } },
    });
  });

  it('the dispatcher validates input before the core sees it', async () => {
    expect(await app.dispatch('register', { tapId: 'x', intent: 'lunch' })).toMatchObject({ ok: false, status: 400 });
    expect(await app.dispatch('registerFor', {})).toMatchObject({ ok: false, status: 404 });
    expect(await app.dispatch('getSnapshot', {})).toMatchObject({ ok: true });
  });
});

describe('kiosk app: what the confirmation waits for', () => {
  it('only the registration commit: the outbox takes the row after register() returned', async () => {
    const temp = makeTempDir();
    const sent: string[][] = [];
    const sender: PresenceSender = {
      send: async (batch) => {
        sent.push(batch.map((r) => r.clientRef));
        return batch.map((r) => ({ clientRef: r.clientRef, state: 'accepted' as const, serverId: `S-${r.id}`, remarks: [] }));
      },
    };
    const kiosk = startTestKiosk({ dataDir: temp.dir, sender });
    const reader = new Database(kiosk.app.databaseFile, { readonly: true });
    const row = reader.prepare<[string], { state: string; attempts: number }>('SELECT state, attempts FROM registrations WHERE client_ref = ?');
    try {
      await kiosk.app.api.presentDemoCard({ demoCardId: 'ana' });
      const receipt = await kiosk.app.api.register({ tapId: kiosk.lastTapId(), intent: 'start-work' });
      // Committed, and not yet touched by the outbox's transaction (which would be a second fsync).
      expect(row.get(receipt.registrationId)).toEqual({ state: 'queued', attempts: 0 });
      expect(sent).toEqual([]);

      await kiosk.app.outbox.whenIdle();
      expect(sent).toEqual([[receipt.registrationId]]);
      expect(row.get(receipt.registrationId)).toEqual({ state: 'accepted', attempts: 1 });
    } finally {
      reader.close();
      await kiosk.app.stop();
      temp.cleanup();
    }
  });
});

describe('kiosk app: full disk', () => {
  it('reports a storage error, keeps the tap open, and loses nothing already recorded', async () => {
    const temp = makeTempDir();
    const { app, events } = startTestKiosk({ dataDir: temp.dir, database: { maxPageCount: 40 } });
    let recorded = 0;
    let failure: unknown = null;
    const people = ['ana', 'jan'];
    for (let i = 0; i < 5000 && failure === null; i += 1) {
      await app.api.presentDemoCard({ demoCardId: people[i % 2] as string });
      const tap = events.filter((e) => e.type === 'tap').at(-1);
      if (tap?.type !== 'tap') throw new Error('no tap');
      try {
        await app.api.register({ tapId: tap.prompt.tapId, intent: i % 4 < 2 ? 'start-work' : 'end-work' });
        recorded += 1;
      } catch (error) {
        failure = error;
      }
    }
    expect(failure).toMatchObject({ code: 'storage-failed', messageRef: { key: 'api.error.storageFailed' } });
    expect(recorded).toBeGreaterThan(10);
    // The open tap survived the failure: the worker can retry once space is freed.
    expect((await app.api.getSnapshot({})).pendingTap).not.toBeNull();
    await app.stop();
    const db = new Database(`${temp.dir}/kiosk.sqlite`, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM registrations').get()).toEqual({ n: recorded });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    temp.cleanup();
  });
});
