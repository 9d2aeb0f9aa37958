import { useEffect, useState } from 'react';

/** Current time on the core's clock (the kiosk device clock may be wrong), ticking every `everyMs`. */
export function useNow(offsetMs: number, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + offsetMs);
  useEffect(() => {
    setNow(Date.now() + offsetMs);
    const timer = setInterval(() => setNow(Date.now() + offsetMs), everyMs);
    return () => clearInterval(timer);
  }, [offsetMs, everyMs]);
  return now;
}

export type Route = 'kiosk' | 'roster';

function routeOf(hash: string): Route {
  return hash.replace(/^#\/?/, '').split(/[/?]/)[0] === 'roster' ? 'roster' : 'kiosk';
}

/** Hash routes (`#/roster`) work both over http and from a file in Electron. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeOf(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
