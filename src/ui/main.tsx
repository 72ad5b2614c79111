import './strictPolicy';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
// Not through ./training/lms's index: the views stay out of the first bundle (App.tsx loads them lazily).
import { startLms } from './training/lms/connection';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Only the LMS package (npm run build:lms) looks for an LMS; every other build: nothing happens.
startLms(window);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
