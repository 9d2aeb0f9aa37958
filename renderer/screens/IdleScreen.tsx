/** Waiting for a card: who this kiosk is, the time, how to use it, and whether it is healthy. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FallbackQr, KioskSnapshot, ReaderStatus, SyncStatus } from '../../preload/api.ts';
import { useNow } from '../components/hooks.ts';
import { IconPeople } from '../components/Icons.tsx';
import { ReaderIndicator, SoundToggle, SyncIndicator } from '../components/StatusBar.tsx';
import { TapCardPictogram } from '../components/TapCardPictogram.tsx';
import { LANGUAGE_CODES } from '../i18n/languages.ts';
import { directionOf } from '../i18n/languages.ts';
import { clockParts } from '../time/format.ts';

interface Props {
  /** Shown instead of the tap pictogram when no card reader works. */
  fallbackQr: FallbackQr | null;
  snapshot: KioskSnapshot;
  reader: ReaderStatus;
  sync: SyncStatus;
  clockOffsetMs: number;
  soundOn: boolean;
  onSound: (on: boolean) => void;
  onDemoCard: (id: string) => void;
}

/** "Tap your card" in every language in turn: the idle screen must speak to whoever walks up. */
function RotatingHint() {
  const { t, i18n } = useTranslation();
  const [index, setIndex] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setIndex((i) => (i + 1) % LANGUAGE_CODES.length), 2500);
    return () => clearInterval(timer);
  }, []);
  const lang = LANGUAGE_CODES[index] ?? 'en';
  const own = t('idle.tapCard');
  const other = i18n.getFixedT(lang)('idle.tapCard');
  return (
    <div className="idle-hint">
      <p className="idle-hint-main">{own}</p>
      <p className="idle-hint-other" lang={lang} dir={directionOf(lang)} aria-hidden="true">
        {other === own ? '\u00a0' : other}
      </p>
    </div>
  );
}

/** No reader works: the smartphone channel of the declaration is the other way to register (ONSS's advice). */
function FallbackQrBlock({ qr }: { qr: FallbackQr }) {
  const { t } = useTranslation();
  return (
    <div className="fallback-qr" data-testid="fallback-qr" data-url={qr.url}>
      <img className="fallback-qr-code" src={`data:image/svg+xml;utf8,${encodeURIComponent(qr.svg)}`} alt={qr.url} />
      <p className="fallback-qr-text">{t('idle.fallbackQr')}</p>
    </div>
  );
}

export function IdleScreen({ snapshot, reader, sync, clockOffsetMs, soundOn, onSound, onDemoCard, fallbackQr }: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow(clockOffsetMs);
  const { time, date } = clockParts(now, i18n.language);
  const { site } = snapshot;
  return (
    <main className="screen idle-screen" data-testid="idle-screen">
      {site.demo && (
        <div className="demo-ribbon" data-testid="demo-ribbon">
          {t('idle.demoRibbon')}
        </div>
      )}
      <header className="topbar">
        <div className="site-name" data-testid="site-name">
          {site.siteName}
        </div>
        <div className="topbar-status">
          <ReaderIndicator reader={reader} />
          <SyncIndicator sync={sync} />
          <SoundToggle on={soundOn} onChange={onSound} />
        </div>
      </header>
      {!sync.online && (
        <div className="offline-badge" data-testid="offline-badge" role="status">
          {t('status.offline')}
        </div>
      )}
      <section className="idle-center">
        <div className="clock" aria-live="off">
          <time className="clock-time" data-testid="clock">
            {time}
          </time>
          <div className="clock-date">{date}</div>
        </div>
        {fallbackQr ? (
          <FallbackQrBlock qr={fallbackQr} />
        ) : (
          <>
            <TapCardPictogram />
            <RotatingHint />
          </>
        )}
      </section>
      {site.demo && snapshot.demoCards.length > 0 && (
        <footer className="demo-cards">
          {snapshot.demoCards.map((card) => (
            <button key={card.id} type="button" className="demo-card" data-testid={`demo-card-${card.id}`} onClick={() => onDemoCard(card.id)}>
              {t('idle.demoCard', { label: card.label })}
            </button>
          ))}
          <a className="demo-card demo-roster" href="#/roster" aria-label={t('idle.roster')}>
            <IconPeople />
          </a>
        </footer>
      )}
    </main>
  );
}
