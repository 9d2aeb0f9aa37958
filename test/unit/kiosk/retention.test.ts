/** Personal data of acknowledged registrations is erased after the retention period; the rows stay. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { KioskEvent } from '../../../preload/api.ts';
import { startKioskApp } from '../../../main/core/app/kiosk-app.node.ts';
import { demoSettings } from '../../../main/core/config/settings.ts';
import { createDemoCardSource } from '../../../main/core/demo/demo-card-source.ts';
import type { PresenceSender } from '../../../main/core/sync/presence-sender.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

describe('retention', () => {
  it('erases the national number of registrations acknowledged more than retentionDays ago, keeps queued ones', async () => {
    const temp = makeTempDir();
    let now = new Date('2026-01-01T08:00:00Z');
    let online = true;
    // A sender standing for ONSS accepting everything while "online".
    const sender: PresenceSender = {
      send: async (batch) => {
        if (!online) throw new Error('offline');
        return batch.map((r) => ({ clientRef: r.clientRef, state: 'accepted' as const, serverId: String(r.id), remarks: [] }));
      },
    };
    const start = () => {
      const demo = createDemoCardSource();
      return { demo, app: startKioskApp({ settings: { ...demoSettings(), retentionDays: 45 }, dataDir: temp.dir, cardSources: [demo], demoCards: demo, sender, clock: () => now, log: () => {} }) };
    };
    let { app } = start();
    let tapId = '';
    app.onEvent((e: KioskEvent) => {
      if (e.type === 'tap') tapId = e.prompt.tapId;
    });
    await app.api.presentDemoCard({ demoCardId: 'ana' });
    await app.api.register({ tapId, intent: 'start-work' });
    await app.outbox.whenIdle();
    online = false;
    await app.api.presentDemoCard({ demoCardId: 'jan' });
    await app.api.register({ tapId, intent: 'start-work' });
    await app.stop();

    now = new Date('2026-02-20T08:00:00Z'); // 50 days later: the purge runs at start-up
    ({ app } = start());
    await app.stop();
    const db = new Database(`${temp.dir}/kiosk.sqlite`, { readonly: true });
    expect(db.prepare('SELECT niss, state FROM registrations ORDER BY id').all()).toEqual([
      { niss: null, state: 'accepted' },
      { niss: '91010145773', state: 'sent' },
    ]);
    expect(db.prepare("SELECT action, details FROM audit_log WHERE action = 'retention-purge'").all()).toHaveLength(1);
    db.close();
    temp.cleanup();
  });
});
