/**
 * THROWAWAY STUB, replaced at merge by the lab's editor (branch labedit), which owns this file
 * and keeps this signature: start from 2013 or 2015, or load a process file, and tell the lab the
 * process (or null) and its problems whenever it changes.
 */
import { useEffect, useState, type ChangeEvent } from 'react';
import { processFromText, shippedProcessFile, ProcessFileError, type ProcessFile } from '../../core/processes';

export function LabEditor({ onChange }: { onChange(process: ProcessFile | null, problems: string[]): void }) {
  const [start, setStart] = useState<'2013' | '2015'>('2015');
  const [fileName, setFileName] = useState<string | null>(null);

  useEffect(() => {
    if (fileName === null) onChange(shippedProcessFile(start), []);
  }, [start, fileName, onChange]);

  const load = async (e: ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f) return;
    setFileName(f.name);
    try {
      onChange(processFromText(await f.text()).file, []);
    } catch (err) {
      onChange(null, err instanceof ProcessFileError ? err.issues.map((i) => `${f.name}: ${i.field}: ${i.rule}`) : [String(err)]);
    }
  };

  return (
    <section className="section" aria-labelledby="lab-editor-heading">
      <h2 id="lab-editor-heading">The process</h2>
      <div className="form-group">
        <label htmlFor="lab-start">Start from</label>
        <select id="lab-start" value={start} onChange={(e) => (setFileName(null), setStart(e.target.value as '2013' | '2015'))}>
          <option value="2013">2013</option>
          <option value="2015">2015</option>
        </select>
      </div>
      <div className="form-group">
        <label htmlFor="lab-file">Load a process file</label>
        <input id="lab-file" type="file" accept=".json,application/json" onChange={load} />
      </div>
    </section>
  );
}
