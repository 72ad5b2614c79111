import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseScenario, parseScenarioText, ScenarioError, type Scenario } from '../../src/core/scenario';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCENARIO_DIR = join(ROOT, 'scenarios');

export function loadScenario(name: string): Scenario {
  return parseScenarioText(readFileSync(join(SCENARIO_DIR, name), 'utf8'));
}

export function shippedScenarios(): string[] {
  return readdirSync(SCENARIO_DIR).filter((f) => f.endsWith('.json')).sort();
}

/** A shipped scenario file as plain JSON, a fresh copy each call, for a test to break one field of. */
export function loadScenarioJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(join(SCENARIO_DIR, name), 'utf8')) as T;
}

/** The problems parsing finds (field and rule), none when it parses; any other error is thrown. */
export function scenarioIssues(input: unknown, { asText = false } = {}): { field: string; rule: string }[] {
  try {
    if (asText) parseScenarioText(input as string);
    else parseScenario(input);
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}
