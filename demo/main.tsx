import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../src/styles/trackstar-write-form.css';
import './demo.css';
import { App } from './App';

const container = document.getElementById('root');
if (!container) throw new Error('The demo page has no #root element.');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
