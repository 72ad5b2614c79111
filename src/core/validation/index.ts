/** The validation table: the sources' claims and how a run's figures are judged against them. */
export { CLAIMS, claimById, type Claim, type ClaimProcess, type PairedClaim, type RunClaim, type RunFigures, type Unit, type UnmeasuredClaim } from './claims';
export {
  exitCodeFor,
  formatMeasurement,
  formatTarget,
  formatValue,
  inRange,
  judgeClaim,
  judgeClaims,
  processesOf,
  resultToJson,
  runPlan,
  summariseResults,
  type ClaimResult,
  type Measurement,
  type ScenarioRuns,
  type ValidationSummary,
  type Verdict,
} from './run';
