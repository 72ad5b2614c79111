import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenarioText, type Scenario } from '../../src/core/scenario';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');

export function loadScenario(name: string): Scenario {
  return parseScenarioText(readFileSync(join(SCENARIO_DIR, name), 'utf8'));
}

export function shippedScenarios(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();
}
