/**
 * Small labelled badges of the supervisor tables: where a registration was made, its sync state, an anomaly.
 * They take the table's `t` instead of subscribing to i18n themselves: a long table would otherwise hold
 * several i18n subscriptions per row.
 */
import type { TFunction } from 'i18next';
import type { RegistrationChannel, RegistrationState, RosterAnomaly } from '../../../preload/api.ts';
import { hhmm } from '../../time/format.ts';
import { messageText } from './session.ts';

export function ChannelBadge({ channel, t }: { channel: RegistrationChannel; t: TFunction }) {
  return (
    <span className={`chip chip-channel chip-${channel}`} data-testid="channel-badge" data-channel={channel}>
      {t(`channel.${channel}`)}
    </span>
  );
}

export function StateBadge({ state, t }: { state: RegistrationState; t: TFunction }) {
  return (
    <span className={`chip chip-state chip-${state}`} data-testid="sync-state" data-state={state}>
      {t(`state.${state}`)}
    </span>
  );
}

export function AnomalyNote({ anomaly, t }: { anomaly: Pick<RosterAnomaly, 'kind' | 'label' | 'hint' | 'at'>; t: TFunction }) {
  return (
    <div className="anomaly-chip" data-testid="anomaly" data-kind={anomaly.kind}>
      <strong>{messageText(t, anomaly.label)}</strong>
      {anomaly.at && <span> · {hhmm(anomaly.at)}</span>}
      <div className="anomaly-hint">{t(anomaly.hint.key, { ...anomaly.hint.params, defaultValue: t('remark.unknown.action') })}</div>
    </div>
  );
}
