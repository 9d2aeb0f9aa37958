/** The supervisor overview, loaded once for the roster, registrations and sync tabs and kept live:
 *  reloaded on every `registration`/`roster-changed` event, its sync part replaced by `sync` events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MessageRef, SupervisorOverview } from '../../../preload/api.ts';
import type { SupervisorContext } from './session.ts';

export interface LiveOverview {
  overview: SupervisorOverview | null;
  error: MessageRef | null;
}

export function useOverview(ctx: SupervisorContext): LiveOverview {
  const { guard, api, session, onEvent } = ctx;
  const [state, setState] = useState<LiveOverview>({ overview: null, error: null });

  // One request at a time: events arriving meanwhile (a tap emits two) coalesce into one more load.
  const loading = useRef<'idle' | 'busy' | 'again'>('idle');
  const load = useCallback(() => {
    if (loading.current !== 'idle') {
      loading.current = 'again';
      return;
    }
    loading.current = 'busy';
    void guard(api.getSupervisorOverview({ session })).then((r) => {
      setState((prev) => (r.ok ? { overview: r.value, error: null } : { overview: prev.overview, error: r.message }));
      const again = loading.current === 'again';
      loading.current = 'idle';
      if (again) load();
    });
  }, [guard, api, session]);

  useEffect(() => load(), [load]);
  useEffect(
    () =>
      onEvent((e) => {
        if (e.type === 'registration' || e.type === 'roster-changed') load();
        else if (e.type === 'sync') setState((prev) => (prev.overview ? { ...prev, overview: { ...prev.overview, sync: e.status } } : prev));
      }),
    [onEvent, load],
  );
  return state;
}
