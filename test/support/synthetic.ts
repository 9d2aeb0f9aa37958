/** Synthetic but valid data for benchmarks and large-roster tests: checksum-valid national numbers, a seeded roster. */
import { join } from 'node:path';
import { demoSettings } from '../../main/core/config/settings.ts';
import { createRegistrationService } from '../../main/core/registration/registration-service.node.ts';
import { openDatabase } from '../../main/core/store/database.node.ts';
import { createKioskStore } from '../../main/core/store/kiosk-store.node.ts';

/** The n-th checksum-valid NISS of a person born in the 1980s (n < 10^5). */
export function syntheticNiss(n: number): string {
  const yy = 80 + (n % 10);
  const mm = 1 + (Math.floor(n / 10) % 12);
  const dd = 1 + (Math.floor(n / 120) % 28);
  const serial = 1 + (Math.floor(n / 3360) % 997);
  const nine = `${String(yy).padStart(2, '0')}${String(mm).padStart(2, '0')}${String(dd).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${nine}${String(97 - (Number(nine) % 97)).padStart(2, '0')}`;
}

/** A `prepare` for startKioskHost: `workers` workers "Test Worker <i>", each with a start-work registration now. */
export function seedRoster(workers: number): (dataDir: string) => void {
  return (dataDir) => {
    const db = openDatabase(join(dataDir, 'kiosk.sqlite'));
    const store = createKioskStore(db);
    const registrations = createRegistrationService({ store, settings: demoSettings() });
    db.transaction(() => {
      for (let i = 0; i < workers; i += 1) {
        const worker = store.upsertWorkerFromCard({ nationalNumber: syntheticNiss(i), surname: `Worker ${i}`, firstNames: 'Test' }, new Date());
        registrations.record(worker, 'start-work', 'eid', new Date());
      }
    })();
    db.close();
  };
}
