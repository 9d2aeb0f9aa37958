/**
 * The worker is known: their name, the suggested choice as the biggest button, the other choices
 * below. A choice that would repeat a direction (or go OUT without an IN) first asks a question,
 * so the worker picks it on purpose.
 */
import { useTranslation } from 'react-i18next';
import type { Intent, LanguageCode, TapPrompt, TapWarning } from '../../preload/api.ts';
import { useNow } from '../components/hooks.ts';
import { IconClose, IconQuestion, IntentIcon } from '../components/Icons.tsx';
import { IconSupervisor } from './supervisor/IconSupervisor.tsx';
import { INTENT_DIRECTION, INTENTS } from '../components/intents.ts';
import { LanguagePicker } from '../components/LanguagePicker.tsx';
import { warningsFor } from '../flow/flow.ts';
import { hhmm } from '../time/format.ts';

interface Props {
  prompt: TapPrompt;
  confirming: Intent | null;
  busy: boolean;
  clockOffsetMs: number;
  onChoose: (intent: Intent) => void;
  onBack: () => void;
  onCancel: () => void;
  onLanguageChosen: (lang: LanguageCode) => void;
  /** Only offered when the card belongs to a supervisor (`prompt.supervisor`). */
  onSupervisor: () => void;
}

function useWarningText() {
  const { t } = useTranslation();
  return (w: TapWarning) => t(`warning.${w.kind}`, { time: w.since ? hhmm(w.since) : '—' });
}

function IntentButton({ intent, prompt, big, busy, onChoose }: { intent: Intent; prompt: TapPrompt; big: boolean; busy: boolean; onChoose: (i: Intent) => void }) {
  const { t } = useTranslation();
  const direction = INTENT_DIRECTION[intent];
  const allowed = prompt.allowed.includes(intent);
  const warned = warningsFor(prompt, intent).length > 0;
  const label = `${t(`intent.${intent}`)} — ${t(`direction.${direction}`)}`;
  return (
    <button
      type="button"
      className={`intent intent-${direction.toLowerCase()}${big ? ' intent-big' : ''}${warned ? ' intent-warned' : ''}`}
      data-testid={`intent-${intent}`}
      data-suggested={big ? 'true' : 'false'}
      aria-label={label}
      disabled={!allowed || busy}
      onClick={() => onChoose(intent)}
    >
      <IntentIcon intent={intent} className="intent-icon" />
      <span className="intent-label">{t(`intent.${intent}`)}</span>
      <span className="intent-direction">{t(`direction.${direction}`)}</span>
      {warned && <IconQuestion className="intent-warn-mark" />}
    </button>
  );
}

function Countdown({ expiresAt, clockOffsetMs }: { expiresAt: string; clockOffsetMs: number }) {
  const { t } = useTranslation();
  const now = useNow(clockOffsetMs, 250);
  const seconds = Math.max(0, Math.ceil((Date.parse(expiresAt) - now) / 1000));
  return (
    <div className="countdown" role="timer" aria-label={t('identified.closesIn', { seconds })} data-testid="tap-countdown">
      <span className="countdown-number">{seconds}</span>
    </div>
  );
}

export function IdentifiedScreen({ prompt, confirming, busy, clockOffsetMs, onChoose, onBack, onCancel, onLanguageChosen, onSupervisor }: Props) {
  const { t, i18n } = useTranslation();
  const warningText = useWarningText();
  const { presence } = prompt;
  const others = INTENTS.filter((i) => i !== prompt.suggested);
  // The question that matters most: one about the choices other than the suggested one.
  const question = prompt.warnings.find((w) => !w.appliesTo.includes(prompt.suggested)) ?? prompt.warnings[0];
  return (
    <main className="screen identified-screen" data-testid="identified-screen" data-tap-id={prompt.tapId}>
      <header className="identified-head">
        <button type="button" className="icon-button cancel-button" data-testid="cancel-tap" aria-label={t('identified.cancel')} onClick={onCancel}>
          <IconClose />
        </button>
        <div className="identified-who">
          <div className="identified-hello">{t('identified.hello')}</div>
          <h1 className="worker-name" data-testid="worker-name">
            {prompt.worker.displayName}
          </h1>
          <div className={`presence presence-${presence.status}`} data-testid="presence" data-status={presence.status}>
            {t(`presence.${presence.status}`, { time: presence.since ? hhmm(presence.since) : '' })}
          </div>
        </div>
        <LanguagePicker current={i18n.language} onChoose={onLanguageChosen} />
        <Countdown expiresAt={prompt.expiresAt} clockOffsetMs={clockOffsetMs} />
      </header>

      {confirming ? (
        <section className="confirm-question" data-testid="warning-confirm" role="alertdialog" aria-label={t('warning.confirm')}>
          <IconQuestion className="question-icon" />
          {warningsFor(prompt, confirming).map((w) => (
            <p key={w.kind} className="question-text">
              {warningText(w)}
            </p>
          ))}
          <div className="confirm-actions">
            <button type="button" className="secondary-button" data-testid="warning-back" onClick={onBack} disabled={busy}>
              {t('warning.back')}
            </button>
            <button
              type="button"
              className={`intent intent-${INTENT_DIRECTION[confirming].toLowerCase()} confirm-yes`}
              data-testid="warning-yes"
              onClick={() => onChoose(confirming)}
              disabled={busy}
            >
              <IntentIcon intent={confirming} className="intent-icon" />
              <span className="intent-label">{t('warning.yes', { intent: t(`intent.${confirming}`) })}</span>
            </button>
          </div>
        </section>
      ) : (
        <>
          {question && (
            <div className="question-banner" data-testid="warning-question" data-kind={question.kind}>
              <IconQuestion className="question-icon" />
              <span>{warningText(question)}</span>
            </div>
          )}
          <section className="intents">
            <IntentButton intent={prompt.suggested} prompt={prompt} big busy={busy} onChoose={onChoose} />
            <div className="intents-others">
              {others.map((intent) => (
                <IntentButton key={intent} intent={intent} prompt={prompt} big={false} busy={busy} onChoose={onChoose} />
              ))}
            </div>
          </section>
        </>
      )}
      {prompt.supervisor && !confirming && (
        <button type="button" className="supervisor-button" data-testid="supervisor-button" disabled={busy} onClick={onSupervisor}>
          <IconSupervisor className="supervisor-icon" />
          <span>{t('identified.supervisor')}</span>
        </button>
      )}
      {busy && (
        <div className="busy" role="status">
          {t('identified.busy')}
        </div>
      )}
    </main>
  );
}
