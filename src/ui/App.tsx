import { LEVELS, LEVEL_INFO } from '../core/levels';

/** Placeholder shell: the replay and compare views arrive with their issue. */
export function App() {
  return (
    <main>
      <h1>Front door simulator</h1>
      <p>
        A simulator of a children&rsquo;s services single point of access (SPA): every concern about a child
        arrives here, the threshold is applied and a decision is made.
      </p>
      <h2>The continuum of need</h2>
      <ul>
        {LEVELS.map((l) => (
          <li key={l}>
            Level {l}, {LEVEL_INFO[l].name}: {LEVEL_INFO[l].responseText}
          </li>
        ))}
      </ul>
    </main>
  );
}
