/** The scenarios shipped in scenarios/*.json, bundled into the page. */
import { parseScenario, type Scenario } from '../core/scenario';

export interface ShippedScenario {
  /** File name without .json, used in links: "kingston-2013". */
  key: string;
  /** The file as written (defaults not yet applied), the base for edits and links. */
  input: Record<string, unknown>;
  scenario: Scenario;
}

const files = import.meta.glob<Record<string, unknown>>('../../scenarios/*.json', { eager: true, import: 'default' });

/** Shipped scenarios, the June 2013 inspection month first. */
export const SHIPPED: readonly ShippedScenario[] = Object.entries(files)
  .map(([path, input]) => ({ key: path.replace(/^.*\//, '').replace(/\.json$/, ''), input, scenario: parseScenario(input) }))
  .sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));

function order(key: string): number {
  const i = ['kingston-2013', 'kingston-2015'].indexOf(key);
  return i < 0 ? 2 : i;
}

export const DEFAULT_SCENARIO = SHIPPED.some((s) => s.key === 'kingston-2013') ? 'kingston-2013' : SHIPPED[0].key;

export function shipped(key: string): ShippedScenario | undefined {
  return SHIPPED.find((s) => s.key === key);
}
