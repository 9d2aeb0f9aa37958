/** Today's registrations, ours and those made elsewhere, newest first: time, who, what, where, sync state, remarks. */
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SupervisorRegistration } from '../../../preload/api.ts';
import { ChannelBadge, StateBadge } from './Badges.tsx';
import type { LiveOverview } from './overview.ts';
import { RemoteState } from './RemoteState.tsx';
import { messageText } from './session.ts';

function RegistrationRow({ r, t }: { r: SupervisorRegistration; t: TFunction }) {
  const name = r.displayName ?? t('roster.unknownWorker');
  return (
    <tr data-testid="supervisor-registration-row" data-worker-name={name} data-state={r.state} data-channel={r.channel} data-direction={r.direction}>
      <td className="registration-time">{r.localTime}</td>
      <td>
        <div className="roster-name">{name}</div>
        <div className="supervisor-number">{r.maskedNationalNumber}</div>
      </td>
      <td>
        <span className={`direction-pill direction-${r.direction.toLowerCase()}`}>{t(`direction.${r.direction}`)}</span>
        {r.intent && <div className="registration-intent">{t(`intent.${r.intent}`)}</div>}
      </td>
      <td>
        <ChannelBadge channel={r.channel} t={t} />
      </td>
      <td>
        <StateBadge state={r.state} t={t} />
      </td>
      <td>
        {r.remarks.map((remark, i) => (
          <div key={i} className="anomaly-chip" data-testid="registration-remark" data-remark={remark.number ?? 'unknown'}>
            <strong>{remark.number === null ? t('anomaly.remark') : t(`remark.${remark.number}.label`, { defaultValue: remark.raw })}</strong>
            <div className="anomaly-hint">{remark.hint ? t(remark.hint.key, { ...remark.hint.params, defaultValue: t('remark.unknown.action') }) : t('remark.unknown.action')}</div>
          </div>
        ))}
      </td>
    </tr>
  );
}

export function RegistrationsTab({ live }: { live: LiveOverview }) {
  const { t } = useTranslation('supervisor');
  if (!live.overview) {
    return live.error ? <p className="supervisor-error" role="alert">{messageText(t, live.error)}</p> : <p className="supervisor-loading">{t('loading')}</p>;
  }
  const { registrations, remote } = live.overview;
  return (
    <section className="supervisor-registrations" data-testid="supervisor-registrations" data-count={registrations.length}>
      <RemoteState remote={remote} />
      {registrations.length === 0 ? (
        <p className="supervisor-empty">{t('registrations.empty')}</p>
      ) : (
        <table className="supervisor-table">
          <thead>
            <tr>
              <th>{t('registrations.time')}</th>
              <th>{t('roster.name')}</th>
              <th>{t('registrations.what')}</th>
              <th>{t('registrations.channel')}</th>
              <th>{t('registrations.state')}</th>
              <th>{t('registrations.remarks')}</th>
            </tr>
          </thead>
          <tbody>
            {registrations.map((r) => (
              <RegistrationRow key={r.registrationId} r={r} t={t} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
