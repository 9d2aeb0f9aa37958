/** The name, status-since and worked-time cells both rosters show (the supervisor's and the LAN one). */
import type { TFunction } from 'i18next';
import type { WorkerPresence } from '../../../preload/api.ts';
import { hhmm } from '../../time/format.ts';
import { hoursMinutes } from './display.ts';

interface Props {
  name: string;
  /** Shown under the name on the supervisor's own screen only. */
  maskedNationalNumber?: string;
  presence: WorkerPresence;
  workedMinutesToday: number;
  t: TFunction;
}

export function PresenceCells({ name, maskedNationalNumber, presence, workedMinutesToday, t }: Props) {
  return (
    <>
      <td>
        <div className="roster-name">{name}</div>
        {maskedNationalNumber && <div className="supervisor-number">{maskedNationalNumber}</div>}
      </td>
      <td>
        <span className={`status-pill status-${presence.status}`}>{t(`status.${presence.status}`)}</span>
        <div className="roster-since" data-testid="roster-since">
          {presence.since ? t('roster.sinceTime', { time: hhmm(presence.since) }) : '—'}
        </div>
      </td>
      <td className="roster-worked" data-testid="roster-worked">
        {hoursMinutes(workedMinutesToday)}
      </td>
    </>
  );
}
