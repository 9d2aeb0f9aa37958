/** Reader and sync state as pictograms with a short text, plus the sound switch. */
import { useTranslation } from 'react-i18next';
import type { ReaderStatus, SyncStatus } from '../../preload/api.ts';
import { translateMessage } from '../i18n/i18n.ts';
import { IconCloud, IconReader, IconSlash, IconSoundOff, IconSoundOn } from './Icons.tsx';

export function ReaderIndicator({ reader }: { reader: ReaderStatus }) {
  const { t } = useTranslation();
  const tone = reader.state === 'ready' || reader.state === 'reading' ? 'ok' : reader.state === 'starting' ? 'wait' : 'bad';
  const text = reader.message ? translateMessage(t, reader.message) : t(reader.state === 'reading' ? 'reader.reading' : 'status.readerStarting');
  return (
    <div className={`indicator indicator-${tone}`} data-testid="reader-status" data-state={reader.state} role="img" aria-label={text}>
      <span className="indicator-icon">
        <IconReader />
        {tone === 'bad' && <IconSlash className="icon-overlay" />}
      </span>
      <span className="indicator-text">{text}</span>
    </div>
  );
}

export function SyncIndicator({ sync }: { sync: SyncStatus }) {
  const { t } = useTranslation();
  const tone = sync.alert ? 'bad' : sync.online ? 'ok' : 'warn';
  const text = sync.alert
    ? t('status.alert')
    : sync.online
    ? sync.queued > 0
      ? t('status.queued', { count: sync.queued })
      : t('status.online')
    : sync.lastError
      ? translateMessage(t, sync.lastError)
      : t('status.offline');
  return (
    <div className={`indicator indicator-${tone}`} data-testid="sync-status" data-online={String(sync.online)} role="img" aria-label={text}>
      <span className="indicator-icon">
        <IconCloud />
        {!sync.online && <IconSlash className="icon-overlay" />}
        {sync.queued > 0 && <span className="indicator-count">{sync.queued}</span>}
      </span>
      <span className="indicator-text">{text}</span>
    </div>
  );
}

export function SoundToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="icon-button"
      data-testid="sound-toggle"
      aria-pressed={on}
      aria-label={on ? t('sound.on') : t('sound.off')}
      onClick={() => onChange(!on)}
    >
      {on ? <IconSoundOn /> : <IconSoundOff />}
    </button>
  );
}
