/** Whether registrations made elsewhere (smartphone, other kiosks) are merged in, from the ONSS search. */
import { useTranslation } from 'react-i18next';
import type { RemoteMergeStatus } from '../../../preload/api.ts';
import { hhmm } from '../../time/format.ts';

export function RemoteState({ remote }: { remote: RemoteMergeStatus }) {
  const { t } = useTranslation('supervisor');
  return (
    <div className={`remote-state remote-${remote.state}`} data-testid="supervisor-remote" data-state={remote.state}>
      {t(`remote.${remote.state}`, { count: remote.count, time: remote.fetchedAt ? hhmm(remote.fetchedAt) : '—' })}
    </div>
  );
}
