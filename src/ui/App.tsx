/**
 * The app shell: a header with the views, and hash routes so every view has a link:
 * `#/` or `#/replay` (replay and compare, the default), `#/training`, `#/threshold`,
 * `#/validation` (sources and validation), `#/lab` (the process lab). The training, validation and lab views are loaded only
 * when opened; the lab's check store lives as long as the page, so a report stays; the validation table's store lives as long as the page, so its table stays.
 */
import { Suspense, lazy, useEffect, useRef, useState, type MouseEvent } from 'react';
import { ErrorBoundary } from './ErrorBoundary';
import { decodeLink, parseHash, type Route } from './replay/permalink';
import { ReplayView } from './replay/ReplayView';
import { ReplayStore } from './replay/store';
import { ValidationStore } from './validation/validationStore';
import { CheckStore } from './lab/checkStore';
import { checkWorker } from './workers';

const TrainingApp = lazy(() => import('./training/TrainingApp').then((m) => ({ default: m.TrainingApp })));
const ValidationView = lazy(() => import('./validation/ValidationView').then((m) => ({ default: m.ValidationView })));
const LabView = lazy(() => import('./lab/LabView').then((m) => ({ default: m.LabView })));
const ThresholdExplorer = lazy(() => import('./training/ThresholdExplorer').then((m) => ({ default: m.ThresholdExplorer })));

const VIEWS: { route: Route; href: string; label: string }[] = [
  { route: 'replay', href: '#/replay', label: 'Replay and compare' },
  { route: 'training', href: '#/training', label: 'Training' },
  { route: 'threshold', href: '#/threshold', label: 'Threshold explorer' },
  { route: 'lab', href: '#/lab', label: 'Process lab' },
  { route: 'validation', href: '#/validation', label: 'Sources and validation' },
];

export function App() {
  // One store for the page's life, so switching views keeps the runs and everything typed.
  const [store] = useState(() => new ReplayStore());
  const [validation] = useState(() => new ValidationStore());
  const [check] = useState(() => new CheckStore(checkWorker));
  const [hash, setHash] = useState(() => window.location.hash);
  const [menuOpen, setMenuOpen] = useState(false);
  const lastHash = useRef(hash);
  const { route, query } = parseHash(hash);

  useEffect(() => {
    const onHash = () => setHash(window.location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  useEffect(() => {
    if (hash === lastHash.current) return;
    lastHash.current = hash;
    if (route !== 'replay') return;
    // A link pasted or followed in this tab: restore its view. A bare "#/replay": show the current one.
    if (query && query !== store.lastQuery) store.applyLink(decodeLink(query));
    else store.writeUrl();
  }, [hash, route, query, store]);

  useEffect(() => {
    const view = VIEWS.find((v) => v.route === route);
    document.title = `${view ? view.label : 'Page not found'}: front door simulator (Kingston SPA 2013 and 2015)`;
  }, [route]);

  const skip = (e: MouseEvent) => {
    e.preventDefault();
    document.getElementById('main')?.focus();
  };

  return (
    <>
      <a href="#main" className="skip-link" onClick={skip}>
        Skip to main content
      </a>
      <header className="header">
        <div className="header-inner">
          <h1 className="site-title">
            Front door simulator <span className="site-sub">Kingston upon Thames SPA, 2013 and 2015. Every child is synthetic.</span>
          </h1>
          <nav aria-label="Views" className="site-nav" data-open={menuOpen}>
            {/* On a phone the views fold behind one button (the header stays one or two lines); wider, the button is hidden and the list shows. */}
            <button type="button" className="nav-toggle" aria-expanded={menuOpen} aria-controls="site-nav-list" onClick={() => setMenuOpen(!menuOpen)}>
              Menu<span className="visually-hidden">: the views</span>
            </button>
            <ul className="nav" id="site-nav-list">
              {VIEWS.map((v) => (
                <li key={v.route}>
                  <a href={v.href} aria-current={route === v.route ? 'page' : undefined} onClick={() => setMenuOpen(false)}>
                    {v.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBoundary view={VIEWS.find((v) => v.route === route)?.label ?? 'this'} resetKey={hash}>
          {route === 'replay' && <ReplayView store={store} query={query} />}
          {(route === 'training' || route === 'threshold') && (
            <Suspense fallback={<p>Loading&hellip;</p>}>{route === 'training' ? <TrainingApp /> : <ThresholdExplorer />}</Suspense>
          )}
          {route === 'lab' && (
            <Suspense fallback={<p>Loading&hellip;</p>}>
              <LabView check={check} replay={store} />
            </Suspense>
          )}
          {route === 'validation' && (
            <Suspense fallback={<p>Loading&hellip;</p>}>
              <ValidationView store={validation} />
            </Suspense>
          )}
        </ErrorBoundary>
        {route === null && (
          <section aria-labelledby="not-found">
            <h2 id="not-found">Page not found</h2>
            <p>
              There is no view at this address. <a href="#/replay">Go to replay and compare</a>.
            </p>
          </section>
        )}
      </main>
    </>
  );
}
