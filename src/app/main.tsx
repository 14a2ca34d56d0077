import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppBoundary } from './AppBoundary';
import { applyStoredTheme } from './theme';
import { applyStoredTextSize } from './textSize';
import { startOffline, workboxRegistrar } from './offline';
import './styles.css';

applyStoredTheme();
applyStoredTextSize();
// The service worker exists only in the production build (vite.config.ts, VitePWA).
startOffline(import.meta.env.MODE === 'production' ? workboxRegistrar() : null);
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppBoundary>
      <App />
    </AppBoundary>
  </StrictMode>,
);
