/** Small labelled badges of the supervisor tables: where a registration was made, its sync state, an anomaly. */
import { useTranslation } from 'react-i18next';
import type { RegistrationChannel, RegistrationState, RosterAnomaly } from '../../../preload/api.ts';
import { hhmm } from '../../time/format.ts';
import { messageText } from './session.ts';

export function ChannelBadge({ channel }: { channel: RegistrationChannel }) {
  const { t } = useTranslation('supervisor');
  return (
    <span className={`chip chip-channel chip-${channel}`} data-testid="channel-badge" data-channel={channel}>
      {t(`channel.${channel}`)}
    </span>
  );
}

export function StateBadge({ state }: { state: RegistrationState }) {
  const { t } = useTranslation('supervisor');
  return (
    <span className={`chip chip-state chip-${state}`} data-testid="sync-state" data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

export function AnomalyNote({ anomaly }: { anomaly: Pick<RosterAnomaly, 'kind' | 'label' | 'hint' | 'at'> }) {
  const { t } = useTranslation('supervisor');
  return (
    <div className="anomaly-chip" data-testid="anomaly" data-kind={anomaly.kind}>
      <strong>{messageText(t, anomaly.label)}</strong>
      {anomaly.at && <span> · {hhmm(anomaly.at)}</span>}
      <div className="anomaly-hint">{t(anomaly.hint.key, { ...anomaly.hint.params, defaultValue: t('remark.unknown.action') })}</div>
    </div>
  );
}
