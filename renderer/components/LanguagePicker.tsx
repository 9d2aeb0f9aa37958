/** Every language by its own name, as big buttons in an overlay. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LanguageCode } from '../../preload/api.ts';
import { LANGUAGES } from '../i18n/languages.ts';
import { IconClose, IconGlobe } from './Icons.tsx';

export function LanguagePicker({ current, onChoose }: { current: string; onChoose: (lang: LanguageCode) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const currentName = LANGUAGES.find((l) => l.code === current)?.name ?? current;
  return (
    <>
      <button type="button" className="language-button" data-testid="language-button" aria-label={t('identified.language')} onClick={() => setOpen(true)}>
        <IconGlobe />
        <span>{currentName}</span>
      </button>
      {open && (
        <div className="overlay" role="dialog" aria-modal="true" aria-label={t('identified.language')} data-testid="language-picker">
          <div className="language-grid">
            {LANGUAGES.map((l) => (
              <button
                key={l.code}
                type="button"
                lang={l.code}
                dir={l.dir}
                className={l.code === current ? 'language-option current' : 'language-option'}
                data-testid={`language-${l.code}`}
                aria-pressed={l.code === current}
                onClick={() => {
                  setOpen(false);
                  onChoose(l.code);
                }}
              >
                {l.name}
              </button>
            ))}
            <button type="button" className="language-option language-close" aria-label={t('warning.back')} onClick={() => setOpen(false)}>
              <IconClose />
            </button>
          </div>
        </div>
      )}
    </>
  );
}
