/**
 * Demo mode only: a card source whose "cards" are buttons on the idle screen, so a newcomer sees the
 * whole flow without a reader. It is never composed outside demo mode (settings.demo), and its
 * readings are marked `demo` all the way into the registration row.
 */
import type { CardIdentity, CardSource, CardSourceEvent } from '../card/card-source.ts';
import type { DemoCards } from '../kiosk/kiosk-service.node.ts';

const DEMO_READER = 'Demo cards';

/** Fictitious people with checksum-valid national numbers. */
const DEMO_PEOPLE: ReadonlyArray<{ id: string; identity: CardIdentity }> = [
  { id: 'ana', identity: { nationalNumber: '88041212335', surname: 'Popescu', firstNames: 'Ana Maria' } },
  { id: 'jan', identity: { nationalNumber: '91010145773', surname: 'Peeters', firstNames: 'Jan' } },
  { id: 'fatima', identity: { nationalNumber: '02061523807', surname: 'El Amrani', firstNames: 'Fatima' } },
  { id: 'krzysztof', identity: { nationalNumber: '75092331155', surname: 'Wiśniewski', firstNames: 'Krzysztof' } },
];

export function createDemoCardSource(): CardSource & DemoCards {
  let listener: ((event: CardSourceEvent) => void) | null = null;
  return {
    name: 'demo',
    start(onEvent) {
      listener = onEvent;
      onEvent({ type: 'readers', readers: [DEMO_READER] });
    },
    async stop() {
      listener = null;
    },
    list() {
      return DEMO_PEOPLE.map((p) => ({ id: p.id, label: `${p.identity.firstNames} ${p.identity.surname}` }));
    },
    present(id) {
      const person = DEMO_PEOPLE.find((p) => p.id === id);
      if (!person || !listener) return false;
      listener({ type: 'card-read', reading: { kind: 'demo', reader: DEMO_READER, identity: person.identity } });
      return true;
    },
  };
}
