import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-arabic/400.css';
import '@fontsource/noto-sans-arabic/700.css';
import './styles/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { initI18n, kioskDefaultLanguage } from './i18n/i18n.ts';
import { LanRosterPage, lanTokenOf } from './screens/LanRosterPage.tsx';
import { createSoundPlayer } from './sound/sounds.ts';
import { pickBridge } from './transport/bridge.ts';

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const defaultLanguage = kioskDefaultLanguage(window.location.search);
initI18n(defaultLanguage);
const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
// A second browser on the site LAN gets the read-only roster and nothing of the kiosk (no events, no taps).
const lan = window.location.hash.startsWith('#/lan');
createRoot(root).render(
  <StrictMode>
    {lan ? (
      <LanRosterPage api={pickBridge().api} token={lanTokenOf(window.location.hash)} />
    ) : (
      <App bridge={pickBridge()} sound={createSoundPlayer(localStore())} defaultLanguage={defaultLanguage} />
    )}
  </StrictMode>,
);
