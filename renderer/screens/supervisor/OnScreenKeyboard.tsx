/**
 * A big on-screen keyboard for the touch screen (the kiosk has no physical keyboard): letters in
 * alphabetical order (no layout to know), a row of the accented letters our workers' names use, or
 * a numeric pad. The `text` layout adds digits, small letters and the punctuation of addresses and
 * web addresses. Keys are at least 72 px; `key-<char>` test ids.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const LETTER_ROWS = ['ABCDEFGHIJ', 'KLMNOPQRST', 'UVWXYZ-\''];
/** French/Dutch/German, Polish, Romanian, Portuguese/Spanish, Turkish letters in names. */
const ACCENT_ROWS = ['ÀÂÄÇÉÈÊËÎÏ', 'ÔÖÛÜÑÃÕĄĆĘ', 'ŁŃÓŚŹŻĂȘȚŞ', 'ĞİÆØÅ'];
const DIGIT_ROWS = ['123', '456', '789'];
const TEXT_DIGITS = '1234567890';
const TEXT_PUNCTUATION = '.,/:&()?=_@#';

interface Props {
  layout: 'letters' | 'text' | 'digits';
  onKey: (char: string) => void;
  onBackspace: () => void;
}

function Key({ char, onKey }: { char: string; onKey: (char: string) => void }) {
  return (
    <button type="button" className="osk-key" data-testid={`key-${char}`} onClick={() => onKey(char)}>
      {char}
    </button>
  );
}

export function OnScreenKeyboard({ layout, onKey, onBackspace }: Props) {
  const { t } = useTranslation('supervisor');
  const [accents, setAccents] = useState(false);
  const [small, setSmall] = useState(false);
  const backspace = (
    <button type="button" className="osk-key osk-wide" data-testid="key-backspace" aria-label={t('keyboard.backspace')} onClick={onBackspace}>
      ⌫
    </button>
  );
  if (layout === 'digits') {
    return (
      <div className="osk osk-digits" data-testid="keyboard-digits" dir="ltr">
        {DIGIT_ROWS.map((row) => (
          <div key={row} className="osk-row">
            {[...row].map((c) => (
              <Key key={c} char={c} onKey={onKey} />
            ))}
          </div>
        ))}
        <div className="osk-row">
          <span className="osk-gap" />
          <Key char="0" onKey={onKey} />
          {backspace}
        </div>
      </div>
    );
  }
  const text = layout === 'text';
  const letters = (accents ? ACCENT_ROWS : LETTER_ROWS).map((row) => (text && small ? row.toLocaleLowerCase() : row));
  const rows = text ? [TEXT_DIGITS, ...letters, TEXT_PUNCTUATION] : letters;
  return (
    <div className={`osk osk-${layout}`} data-testid={`keyboard-${layout}`} dir="ltr">
      {rows.map((row) => (
        <div key={row} className="osk-row">
          {[...row].map((c) => (
            <Key key={c} char={c} onKey={onKey} />
          ))}
        </div>
      ))}
      <div className="osk-row">
        {text && (
          <button type="button" className="osk-key osk-wide" data-testid="key-case" aria-pressed={small} aria-label={t('keyboard.case')} onClick={() => setSmall((v) => !v)}>
            {small ? 'ABC' : 'abc'}
          </button>
        )}
        <button type="button" className="osk-key osk-wide" data-testid="key-accents" aria-pressed={accents} onClick={() => setAccents((a) => !a)}>
          {accents ? 'ABC' : 'ÀÉŁ'}
        </button>
        <button type="button" className="osk-key osk-space" data-testid="key-space" aria-label={t('keyboard.space')} onClick={() => onKey(' ')}>
          {t('keyboard.space')}
        </button>
        {backspace}
      </div>
    </div>
  );
}
