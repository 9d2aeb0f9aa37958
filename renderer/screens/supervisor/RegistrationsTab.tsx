/**
 * Today's registrations, ours and those made elsewhere, newest first: time, who, what, where, sync state,
 * remarks. A big site makes thousands a day: only the rows near the screen are drawn (WindowedTable).
 */
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SupervisorRegistration } from '../../../preload/api.ts';
import { WindowedTable, type MeasureRow } from '../../components/WindowedTable.tsx';
import { ChannelBadge, StateBadge } from './Badges.tsx';
import type { LiveOverview } from './overview.ts';
import { RemoteState } from './RemoteState.tsx';
import { messageText } from './session.ts';

interface RowProps {
  r: SupervisorRegistration;
  index: number;
  t: TFunction;
  measure: MeasureRow;
}

const RegistrationRow = memo(function RegistrationRow({ r, index, t, measure }: RowProps) {
  const name = r.displayName ?? t('roster.unknownWorker');
  return (
    <tr
      ref={measure}
      data-index={index}
      aria-rowindex={index + 2}
      data-testid="supervisor-registration-row"
      data-worker-name={name}
      data-state={r.state}
      data-channel={r.channel}
      data-direction={r.direction}
    >
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
});

export function RegistrationsTab({ live, scroller }: { live: LiveOverview; scroller: HTMLElement | null }) {
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
        scroller && (
          <WindowedTable
            scroller={scroller}
            rowCount={registrations.length}
            rowKey={(i) => (registrations[i] as SupervisorRegistration).registrationId}
            columns={6}
            head={
              <>
                <th scope="col">{t('registrations.time')}</th>
                <th scope="col">{t('roster.name')}</th>
                <th scope="col">{t('registrations.what')}</th>
                <th scope="col">{t('registrations.channel')}</th>
                <th scope="col">{t('registrations.state')}</th>
                <th scope="col">{t('registrations.remarks')}</th>
              </>
            }
            renderRow={(i, measure) => {
              const r = registrations[i] as SupervisorRegistration;
              return <RegistrationRow key={r.registrationId} r={r} index={i} t={t} measure={measure} />;
            }}
            className="supervisor-table"
            testId="supervisor-registrations-table"
          />
        )
      )}
    </section>
  );
}
