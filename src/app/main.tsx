import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppBoundary } from './AppBoundary';
import { applyStoredTheme } from './theme';
import { applyStoredTextSize } from './textSize';
import './styles.css';

applyStoredTheme();
applyStoredTextSize();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppBoundary>
      <App />
    </AppBoundary>
  </StrictMode>,
);
