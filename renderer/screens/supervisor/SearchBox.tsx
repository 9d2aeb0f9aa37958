/** A search field typed on the big on-screen letter keyboard (the kiosk has no physical keyboard). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OnScreenKeyboard } from './OnScreenKeyboard.tsx';

export function SearchBox({ value, onChange }: { value: string; onChange: (next: string) => void }) {
  const { t } = useTranslation('supervisor');
  const [open, setOpen] = useState(false);
  return (
    <div className="search">
      <div className="search-row">
        <button type="button" className={`search-box${open ? ' active' : ''}`} data-testid="search-box" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span className="search-label">{t('search.label')}</span>
          <span className="search-text" data-testid="search-text">
            {value || <span className="search-placeholder">{t('search.placeholder')}</span>}
          </span>
        </button>
        {value && (
          <button type="button" className="secondary-button" data-testid="search-clear" onClick={() => onChange('')}>
            {t('search.clear')}
          </button>
        )}
        {open && (
          <button type="button" className="secondary-button" data-testid="search-done" onClick={() => setOpen(false)}>
            {t('search.done')}
          </button>
        )}
      </div>
      {open && <OnScreenKeyboard layout="letters" onKey={(c) => onChange(value + c)} onBackspace={() => onChange(value.slice(0, -1))} />}
    </div>
  );
}
