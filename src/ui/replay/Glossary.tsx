/** The glossary: every term the page uses, from DOMAIN.md, with its source. */
import { GLOSSARY } from '../../core/glossary';

export function Glossary() {
  return (
    <section aria-labelledby="glossary-heading" className="section">
      <details className="glossary">
        <summary>
          <h2 id="glossary-heading" className="inline-heading">
            Glossary
          </h2>{' '}
          <span className="hint">{GLOSSARY.length} terms used on this page, from the project&rsquo;s domain notes</span>
        </summary>
        <dl>
          {GLOSSARY.map((g) => (
            <div key={g.id} id={`glossary-${g.id}`} className="glossary-entry">
              <dt>{g.term}</dt>
              <dd>
                {g.definition} <span className="term-source">Source: {g.source}.</span>
              </dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
