/**
 * Which scenario the page shows and with which seed: a shipped scenario, a file the designer
 * loaded, or a link's; the form of changes to it; the seed typed or drawn. Each choice that is
 * valid is run at once (replayRuns.ts); a bad one is shown where it belongs and changes nothing.
 */
import { fileSizeProblem, withoutByteOrderMark } from '../../../core/bounds';
import { PROCESSES } from '../../../core/processes';
import { chartFacts } from '../../../core/processes/facts';
import { ScenarioError, type Scenario } from '../../../core/scenario';
import { DEFAULT_SCENARIO, shipped } from '../../scenarios';
import type { LinkState } from '../permalink';
import { applyForm, applyPatch, formFromScenario, parseSeedText, validateForBoth } from '../scenarioForm';
import type { ReplicationBatch } from './replicationBatch';
import type { ReplayRuns } from './replayRuns';
import type { ReplayState, StateCell } from './state';

export type Source = { kind: 'shipped'; key: string } | { kind: 'file'; name: string };

export interface LoadedFile {
  name: string;
  data: Record<string, unknown>;
  scenario: Scenario;
}

/** The scenario as written (its JSON) and parsed, for a source. */
export function baseScenario(source: Source, loadedFile: LoadedFile | null): { input: Record<string, unknown>; scenario: Scenario } {
  if (source.kind === 'file' && loadedFile) return { input: loadedFile.data, scenario: loadedFile.scenario };
  const key = source.kind === 'shipped' ? source.key : DEFAULT_SCENARIO;
  const found = shipped(key) ?? shipped(DEFAULT_SCENARIO)!;
  return { input: found.input, scenario: found.scenario };
}

/** A scenario shown afresh: its own values in the form, its own seed, nothing picked, no notice about a link. */
function freshView(scenario: Scenario): Partial<ReplayState> {
  return { form: formFromScenario(scenario), formErrors: {}, formOther: [], seedText: String(scenario.seed), seedError: null, selectedCase: null, selectedState: null, linkNotice: null };
}

/** Problems as one line of text: "days: must be ...; levelMix: shares must sum to 1". */
function inWords(issues: readonly { field: string; rule: string }[]): string {
  const shown = issues.slice(0, 3).map((i) => `${i.field}: ${i.rule}`);
  return shown.join('; ') + (issues.length > 3 ? `; and ${issues.length - 3} more` : '');
}

/** A link's selected state, if it names a state of that process's chart (an own state: never `__proto__` or `constructor`). */
function linkedState(state: LinkState['state']): ReplayState['selectedState'] {
  if (!state || (state.process !== '2013' && state.process !== '2015')) return null;
  return chartFacts(PROCESSES[state.process] as unknown as Parameters<typeof chartFacts>[0]).find(state.state) ? { process: state.process, state: state.state } : null;
}

/** Where a link's scenario comes from, and what to say when it cannot be shown. */
function linkedSource(link: Partial<LinkState>, loadedFile: LoadedFile | null): { source: Source; loadedFile: LoadedFile | null; notice: string } {
  if (link.scenario === 'file' && link.file) {
    try {
      const scenario = validateForBoth(link.file.data);
      return { source: { kind: 'file', name: link.file.name }, loadedFile: { name: link.file.name, data: link.file.data as Record<string, unknown>, scenario }, notice: '' };
    } catch (e) {
      const why = e instanceof ScenarioError ? ` (${inWords(e.issues)})` : '';
      return { source: { kind: 'shipped', key: DEFAULT_SCENARIO }, loadedFile, notice: `The scenario in the link could not be used${why}, so the June 2013 scenario is shown.` };
    }
  }
  if (link.scenario === 'file') {
    return { source: { kind: 'shipped', key: DEFAULT_SCENARIO }, loadedFile, notice: 'The scenario in the link could not be read (the link is damaged or too long), so the June 2013 scenario is shown.' };
  }
  if (link.scenario && shipped(link.scenario)) return { source: { kind: 'shipped', key: link.scenario }, loadedFile, notice: '' };
  const notice = link.scenario ? `There is no scenario called \u201c${link.scenario}\u201d, so the June 2013 scenario is shown.` : '';
  return { source: { kind: 'shipped', key: DEFAULT_SCENARIO }, loadedFile, notice };
}

export class ScenarioChoice {
  constructor(
    private readonly cell: StateCell,
    private readonly runs: ReplayRuns,
    private readonly reps: ReplicationBatch,
  ) {}

  /** The current source's scenario as written and parsed. */
  base(): { input: Record<string, unknown>; scenario: Scenario } {
    const { source, loadedFile } = this.cell.get();
    return baseScenario(source, loadedFile);
  }

  /** A shipped scenario by key, or 'file' for the file loaded last. */
  select(key: string): void {
    const { loadedFile } = this.cell.get();
    if (key === 'file') {
      if (loadedFile) this.show(loadedFile.scenario, { source: { kind: 'file', name: loadedFile.name } });
      return;
    }
    const found = shipped(key);
    if (found) this.show(found.scenario, { source: { kind: 'shipped', key } });
  }

  setField(key: string, value: string): void {
    this.cell.set({ form: { ...this.cell.get().form, [key]: value } });
  }

  /** Validate the form; run if it is valid, otherwise show each problem at its field. */
  submitForm(): boolean {
    const { input, scenario } = this.base();
    const { form, seedText } = this.cell.get();
    const result = applyForm(input, scenario, form);
    const seed = parseSeedText(seedText);
    this.cell.set({ formErrors: result.errors, formOther: result.other, seedError: seed.error });
    if (!result.scenario || seed.error !== null) return false;
    this.runs.start(result.scenario, seedText, result.patch);
    return true;
  }

  resetForm(): void {
    this.cell.set({ form: formFromScenario(this.base().scenario), formErrors: {}, formOther: [] });
  }

  setSeedText(text: string): void {
    this.cell.set({ seedText: text });
  }

  /** Run again with the typed seed and the scenario as last applied. */
  submitSeed(): boolean {
    const { seedText, applied } = this.cell.get();
    const seed = parseSeedText(seedText);
    this.cell.set({ seedError: seed.error });
    if (seed.error !== null || !applied) return false;
    this.runs.start(applied.scenario, seedText, applied.patch);
    return true;
  }

  /** Draw a new seed (the page may use Math.random; the core may not) and run. */
  newSeed(draw: () => number = Math.random): void {
    const seed = String(1 + Math.floor(draw() * 999_999));
    this.cell.set({ seedText: seed, seedError: null });
    this.submitSeed();
  }

  /**
   * A file chosen to load, before it is read: one larger than a scenario file can be is refused
   * at once (the page never reads it), as on the command line.
   */
  checkFileSize(name: string, bytes: number): boolean {
    const problem = fileSizeProblem('scenario file', bytes);
    if (problem) this.cell.set({ fileError: { name, issues: [{ field: '(file)', rule: problem }] } });
    return problem === null;
  }

  /** A scenario file: on any problem, show it and change nothing else. */
  loadFile(name: string, text: string): boolean {
    if (!this.checkFileSize(name, text.length)) return false;
    let data: unknown;
    try {
      data = JSON.parse(withoutByteOrderMark(text));
    } catch (e) {
      this.cell.set({ fileError: { name, issues: [{ field: '(file)', rule: `is not valid JSON: ${(e as Error).message}` }] } });
      return false;
    }
    let scenario: Scenario;
    try {
      scenario = validateForBoth(data);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      this.cell.set({ fileError: { name, issues: e.issues } });
      return false;
    }
    this.show(scenario, { fileError: null, loadedFile: { name, data: data as Record<string, unknown>, scenario }, source: { kind: 'file', name } });
    return true;
  }

  dismissFileError(): void {
    this.cell.set({ fileError: null });
  }

  dismissLinkNotice(): void {
    this.cell.set({ linkNotice: null });
  }

  /** Restore a link's view (on load, or when someone pastes a link into this tab). */
  applyLink(link: Partial<LinkState>): void {
    const { source, loadedFile, notice: sourceNotice } = linkedSource(link, this.cell.get().loadedFile);
    const base = baseScenario(source, loadedFile);
    let notice = sourceNotice;
    let scenario = base.scenario;
    let patch: Record<string, number> = {};
    if (link.patch && Object.keys(link.patch).length) {
      const r = applyPatch(base.input, link.patch);
      if (r.scenario) {
        scenario = r.scenario;
        patch = r.patch;
      } else {
        const problems = [...Object.values(r.errors).map((rule) => ({ field: '', rule })), ...r.other];
        notice = `The changes in the link are not valid (${problems.slice(0, 3).map((p) => (p.field ? `${p.field}: ${p.rule}` : p.rule)).join('; ')}), so the scenario is shown as shipped.`;
      }
    }
    const seedOk = link.seed === undefined || parseSeedText(link.seed).error === null;
    const seedText = link.seed !== undefined && seedOk ? link.seed : String(scenario.seed);
    if (!seedOk) notice = [notice, `The seed in the link is not one this page can use, so the scenario\u2019s own seed ${scenario.seed} is used.`].filter(Boolean).join(' ');
    const selectedState = linkedState(link.state);
    this.runs.pendingT = link.t;
    this.cell.set({
      ...freshView(scenario),
      source,
      loadedFile,
      seedText,
      speed: link.speed ?? this.cell.get().speed,
      selectedCase: link.caseId ?? null,
      selectedState,
      notice,
      linkNotice: notice || null,
    });
    this.reps.suggestCountFor(scenario);
    this.runs.start(scenario, seedText, patch, true);
  }

  /** Show `scenario` afresh (with the rest of `also`), suggest its replications and run it. */
  private show(scenario: Scenario, also: Partial<ReplayState>): void {
    this.cell.set({ ...also, ...freshView(scenario) });
    this.reps.suggestCountFor(scenario);
    this.runs.start(scenario, String(scenario.seed), {});
  }
}
