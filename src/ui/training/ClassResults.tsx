/**
 * Class results: load several learners' results files (validated, each problem named by file
 * and field), then show each learner's figures, per-contact agreement and the class's calls
 * against the reference as inline SVG, with the same figures as text.
 */
import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { fileSizeProblem } from '../../core/bounds';
import { CALL_KEYS, VignetteError, classResults, parseLearnerResultsText, type CallKey, type ClassBoundaryRow, type ClassVignetteRow, type LearnerResults } from '../../core/training';

interface Loaded {
  file: string;
  results: LearnerResults;
}

const OWN = '(your results from this shift)';

/** Results files read at once: more learners than a class. */
const MAX_FILES = 200;

export function ClassResults({ own }: { own?: LearnerResults }) {
  const [loaded, setLoaded] = useState<Loaded[]>([]);
  const [problems, setProblems] = useState<{ file: string; text: string }[]>([]);
  const [status, setStatus] = useState('');
  const id = useId();
  const cls = useMemo(() => (loaded.length ? classResults(loaded) : null), [loaded]);
  const ownAdded = loaded.some((l) => l.file === OWN);

  const onFiles = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const files = [...(input.files ?? [])];
    const ok: Loaded[] = [];
    const bad: { file: string; text: string }[] = [];
    // A class, not a school: beyond this many files at once the page would be slow to compare them.
    if (files.length > MAX_FILES) bad.push({ file: `${files.length} files`, text: `at most ${MAX_FILES} files can be loaded at once; the first ${MAX_FILES} were read` });
    for (const f of files.slice(0, MAX_FILES)) {
      // The size first: a file larger than a results file can be is refused unread (core/bounds.ts FILE_LIMITS).
      const tooLarge = fileSizeProblem('results file', f.size);
      if (tooLarge) {
        bad.push({ file: f.name, text: tooLarge });
        continue;
      }
      try {
        ok.push({ file: f.name, results: parseLearnerResultsText(await f.text(), f.name) });
      } catch (err) {
        const text = err instanceof VignetteError ? err.issues.map((i) => `${i.field}: ${i.rule}`).join('; ') : `could not be read (${String(err)})`;
        bad.push({ file: f.name, text });
      }
    }
    input.value = '';
    setLoaded((prev) => [...prev.filter((p) => !ok.some((o) => o.file === p.file)), ...ok]);
    setProblems(bad);
    setStatus(`${ok.length} ${ok.length === 1 ? 'file' : 'files'} loaded${bad.length ? `, ${bad.length} could not be used` : ''}.`);
  };

  return (
    <section className="tr-class section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Class results</h2>
      <p>
        Load the results files (JSON) that learners downloaded from their debriefs, to compare the class&rsquo;s calls with the reference answers. Files
        stay in this browser; nothing is uploaded.
      </p>
      <div className="button-row">
        <input id={`${id}-files`} className="file-input" type="file" accept=".json,application/json" multiple onChange={onFiles} />
        <label htmlFor={`${id}-files`} className="button button-secondary file-label">
          Choose results files
        </label>
        {own && !ownAdded && (
          <button type="button" className="button button-secondary" onClick={() => setLoaded((p) => [...p, { file: OWN, results: own }])}>
            Add your results from this shift
          </button>
        )}
        {loaded.length > 0 && (
          <button
            type="button"
            className="link-button"
            onClick={() => {
              setLoaded([]);
              setProblems([]);
              setStatus('Class results cleared.');
            }}
          >
            Clear the class results
          </button>
        )}
      </div>
      <p className="visually-hidden" role="status">
        {status}
      </p>
      {problems.length > 0 && (
        <div className="error-summary" role="alert">
          <h3 className="error-summary-title">Some files could not be used</h3>
          <ul>
            {problems.map((p, n) => (
              <li key={`${p.file}-${n}`}>
                <strong>{p.file}</strong>: {p.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {cls && (
        <>
          {cls.warnings.map((w) => (
            <p key={w} className="tr-warning">
              {w}
            </p>
          ))}
          <h3>Learners ({cls.learners.length})</h3>
          <div className="tr-table-scroll">
            <table className="table tr-class-learners">
              <thead>
                <tr>
                  <th scope="col">Learner</th>
                  <th scope="col">Shift</th>
                  <th scope="col" className="num">
                    Score
                  </th>
                  <th scope="col" className="num">
                    Agreed
                  </th>
                  <th scope="col" className="num">
                    Too high
                  </th>
                  <th scope="col" className="num">
                    Too low
                  </th>
                  <th scope="col" className="num">
                    Late
                  </th>
                  <th scope="col" className="num">
                    Undecided
                  </th>
                </tr>
              </thead>
              <tbody>
                {cls.learners.map((l, i) => (
                  <tr key={i}>
                    <th scope="row">{l.learner}</th>
                    <td>{l.shift}</td>
                    <td className="num">{l.score.score}</td>
                    <td className="num">
                      {l.score.agree} of {l.score.contacts}
                    </td>
                    <td className="num">{l.score.over}</td>
                    <td className="num">
                      {l.score.under}
                      {l.score.underLevel4 > 0 ? ` (${l.score.underLevel4} at level 4)` : ''}
                    </td>
                    <td className="num">{l.score.late}</td>
                    <td className="num">{l.score.undecided}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <DistanceChart rows={cls.vignettes} />
          <BoundaryChart rows={cls.boundaries} />
          <h3>Each contact: the class&rsquo;s calls against the reference</h3>
          <Legend />
          <div className="tr-table-scroll tr-table-tall">
            <table className="table tr-class-table">
              <thead>
                <tr>
                  <th scope="col">Contact</th>
                  <th scope="col">Reference</th>
                  <th scope="col">The class&rsquo;s calls</th>
                  <th scope="col" className="num">
                    Agreed
                  </th>
                </tr>
              </thead>
              <tbody>
                {cls.vignettes.map((v) => (
                  <tr key={v.vignetteId} data-vignette={v.vignetteId}>
                    <th scope="row">{v.title}</th>
                    <td>Level {v.referenceLevel}</td>
                    <td>
                      <CallsBar row={v} />
                      <span className="visually-hidden">{callsText(v)}</span>
                    </td>
                    <td className="num">
                      {v.agree} of {v.learners} ({Math.round((100 * v.agree) / v.learners)}%)
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

const KEY_TEXT: Record<CallKey, string> = { 1: 'Level 1', 2: 'Level 2', 3: 'Level 3', 4: 'Level 4', undecided: 'Undecided' };

function callsText(v: ClassVignetteRow): string {
  return CALL_KEYS.filter((k) => v.calls[k] > 0)
    .map((k) => `${KEY_TEXT[k]}: ${v.calls[k]}${k === String(v.referenceLevel) ? ' (the reference)' : ''}`)
    .join(', ');
}

function Legend() {
  return (
    <ul className="tr-legend" aria-label="Key to the bars">
      {CALL_KEYS.map((k) => (
        <li key={k}>
          <svg width="18" height="14" aria-hidden="true" focusable="false">
            <rect x="0.5" y="0.5" width="17" height="13" className={`tr-fill-${k}`} />
          </svg>{' '}
          {KEY_TEXT[k]}
        </li>
      ))}
      <li>
        <svg width="18" height="14" aria-hidden="true" focusable="false">
          <rect x="1.5" y="1.5" width="15" height="11" fill="none" stroke="#0b0c0c" strokeWidth="3" />
        </svg>{' '}
        The reference level (thick black outline, and &ldquo;R&rdquo;)
      </li>
    </ul>
  );
}

/** One stacked bar: how many learners called each level; the reference segment outlined and marked R. */
function CallsBar({ row }: { row: ClassVignetteRow }) {
  const W = 260;
  const H = 22;
  let x = 0;
  const segs = CALL_KEYS.map((k) => {
    const w = (row.calls[k] / row.learners) * W;
    const seg = { k, x, w, n: row.calls[k] };
    x += w;
    return seg;
  }).filter((s) => s.n > 0);
  const refKey = String(row.referenceLevel) as CallKey;
  return (
    <svg className="tr-bar" width={W + 2} height={H + 2} viewBox={`-1 -1 ${W + 2} ${H + 2}`} aria-hidden="true" focusable="false">
      <rect x="0" y="0" width={W} height={H} className="tr-bar-bg" />
      {segs.map((s) => (
        <g key={s.k}>
          <rect x={s.x} y="0" width={s.w} height={H} className={`tr-fill-${s.k}`} />
          {s.w >= 22 && (
            <text x={s.x + s.w / 2} y={H / 2 + 4.5} textAnchor="middle" className={`tr-bar-text tr-bar-text-${s.k}`}>
              {s.k === 'undecided' ? '?' : `L${s.k}`}
              {s.w >= 44 ? ` ${s.n}` : ''}
              {s.k === refKey ? ' R' : ''}
            </text>
          )}
        </g>
      ))}
      {segs
        .filter((s) => s.k === refKey)
        .map((s) => (
          <rect key="ref" x={s.x + 1.5} y="1.5" width={Math.max(0, s.w - 3)} height={H - 3} fill="none" stroke="#0b0c0c" strokeWidth="3" />
        ))}
    </svg>
  );
}

/** How far the class's calls were from the reference: a bar per distance, with counts written on. */
function DistanceChart({ rows }: { rows: ClassVignetteRow[] }) {
  const bins: { key: string; label: string; n: number; kind: 'under' | 'agree' | 'over' | 'undecided' }[] = [
    { key: '-3', label: '3 levels too low', n: 0, kind: 'under' },
    { key: '-2', label: '2 too low', n: 0, kind: 'under' },
    { key: '-1', label: '1 too low', n: 0, kind: 'under' },
    { key: '0', label: 'Agreed', n: 0, kind: 'agree' },
    { key: '1', label: '1 too high', n: 0, kind: 'over' },
    { key: '2', label: '2 too high', n: 0, kind: 'over' },
    { key: '3', label: '3 too high', n: 0, kind: 'over' },
    { key: 'u', label: 'Undecided', n: 0, kind: 'undecided' },
  ];
  for (const r of rows) {
    for (const k of CALL_KEYS) {
      const n = r.calls[k];
      if (!n) continue;
      const key = k === 'undecided' ? 'u' : String(Number(k) - r.referenceLevel);
      bins.find((b) => b.key === key)!.n += n;
    }
  }
  const total = bins.reduce((a, b) => a + b.n, 0);
  const max = Math.max(1, ...bins.map((b) => b.n));
  const W = 720;
  const H = 172;
  const left = 10;
  const top = 24;
  const plotH = 120;
  const bw = (W - left * 2) / bins.length;
  const captionId = useId();
  return (
    <figure className="tr-distance">
      <figcaption id={captionId}>
        <h3>The class&rsquo;s calls against the reference, all contacts</h3>
        <p className="hint">
          {total} calls. Bars left of &ldquo;Agreed&rdquo; are under-thresholded (the child gets less than they need); bars to the right are over-thresholded.
        </p>
      </figcaption>
      <svg className="tr-distance-svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={captionId} aria-describedby={`${captionId}-desc`}>
        <desc id={`${captionId}-desc`}>{bins.map((b) => `${b.label}: ${b.n}`).join('; ')}.</desc>
        <line x1={left} x2={W - left} y1={top + plotH} y2={top + plotH} stroke="#0b0c0c" />
        {bins.map((b, i) => {
          const h = (b.n / max) * plotH;
          const x = left + i * bw + 8;
          return (
            <g key={b.key}>
              <rect x={x} y={top + plotH - h} width={bw - 16} height={h} className={`tr-dist-${b.kind}`} />
              <text x={x + (bw - 16) / 2} y={top + plotH - h - 6} textAnchor="middle" className="tr-dist-count">
                {b.n}
              </text>
              <text x={x + (bw - 16) / 2} y={top + plotH + 18} textAnchor="middle" className="tr-dist-label">
                {b.label}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}


/**
 * Where the class under- or over-thresholds most, by hard boundary: one bar per boundary, split
 * into calls under the reference, agreeing, over it and undecided, with counts written on; the
 * boundary where the class strayed most first (the core's order).
 */
function BoundaryChart({ rows }: { rows: ClassBoundaryRow[] }) {
  const captionId = useId();
  if (rows.length === 0) return null;
  const parts = (r: ClassBoundaryRow) =>
    (
      [
        ['under', r.under, 'under'],
        ['agree', r.agree, 'agreed'],
        ['over', r.over, 'over'],
        ['undecided', r.undecided, 'undecided'],
      ] as const
    ).filter(([, n]) => n > 0);
  return (
    <figure className="tr-boundaries" aria-labelledby={captionId}>
      <figcaption id={captionId}>
        <h3>Where the class strays, by hard boundary</h3>
        <p className="hint">
          The calls on contacts that teach each boundary, the boundary with the most calls away from the reference first. Red is under-thresholded
          (the child gets less than they need), brown over-thresholded.
        </p>
      </figcaption>
      <ol className="tr-bnd-list">
        {rows.map((r) => (
          <li key={r.boundary} className="tr-bnd-row">
            <span className="tr-bnd-label">
              {r.text.charAt(0).toUpperCase() + r.text.slice(1)}{' '}
              <span className="hint">
                ({r.calls} {r.calls === 1 ? 'call' : 'calls'}: {r.under} under, {r.over} over)
              </span>
            </span>
            <span className="tr-bnd-bar" aria-hidden="true">
              {parts(r).map(([kind, n]) => (
                <span key={kind} className={`tr-bnd-seg tr-bnd-${kind}`} style={{ flexGrow: n }}>
                  {n}
                </span>
              ))}
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
