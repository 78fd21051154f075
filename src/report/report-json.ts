import type { EntrySweep } from '../comparison/step-sweep.js';
import type { DiagnosisPattern } from '../diagnosis/diagnosis.js';
import type { CheckMode } from '../types.js';
import type { EntryReport, GradientReport, ParameterReport } from './report.js';

/**
 * The version of the JSON report's shape, and of `schema/report-v1.schema.json` that describes it.
 * A change that removes or renames a field, or changes its meaning, makes a new version.
 */
export const REPORT_SCHEMA_VERSION = 1;

/** Which kind of check made the report: a matcher's or a `check…` function's. */
export type CheckKind = 'gradients' | 'jacobian' | 'tf-gradients';

/** The test a report belongs to, as the runner names it (`this.currentTestName`, `this.testPath`). */
export interface TestIdentity {
  readonly name?: string | undefined;
  readonly file?: string | undefined;
}

/** An entry's verdict in a JSON report. */
export type EntryVerdict = 'pass' | 'fail' | 'unverifiable' | 'unchecked';

/** An entry as `EntryReport` has it, its one-sided slopes null where not finite. */
export type EntryJson = Omit<EntryReport, 'left' | 'right'> & { readonly left: number | null; readonly right: number | null };

/** A parameter's report as plain data: its summary fields as `ParameterReport` has them, its arrays as JSON arrays. */
export interface ParameterJson
  extends Pick<ParameterReport, 'name' | 'shape' | 'size' | 'checked' | 'pass' | 'failing' | 'unverifiable' | 'kinks' | 'difference' | 'maxAbsError'> {
  readonly directional: { readonly analytic: number; readonly numeric: number; readonly allowed: number; readonly pass: boolean } | null;
  readonly diagnosis: {
    readonly pattern: DiagnosisPattern;
    readonly summary: string;
    readonly estimate: number | null;
    readonly axis: 'rows' | 'columns' | null;
    readonly entries: readonly string[];
  } | null;
  /** Row-major, every entry. */
  readonly analytic: readonly number[];
  /** The central difference at the check's step; null where not checked. */
  readonly numeric: readonly (number | null)[];
  /** The estimate the verdict used (the central difference or its refinement); null where not checked. */
  readonly estimate: readonly (number | null)[];
  /** The |analytic − estimate| allowed; null where not checked. */
  readonly allowed: readonly (number | null)[];
  readonly verdicts: readonly EntryVerdict[];
  /** Flat indices of the entries judged at a kink. */
  readonly atKink: readonly number[];
  /** The entries that fared worst, failing ones first. */
  readonly worst: readonly EntryJson[];
}

/** A sweep as `EntrySweep` has it, the values at steps that could not be taken null. */
export type SweepJson = Omit<EntrySweep, 'points'> & {
  readonly points: readonly { readonly step: number; readonly numeric: number | null; readonly relError: number | null }[];
};

/** One check's report as a JSON file holds it: `schema/report-v1.schema.json`. */
export interface ReportJson {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION;
  readonly check: CheckKind;
  readonly test: { readonly name: string | null; readonly file: string | null };
  readonly createdAt: string;
  readonly pass: boolean;
  readonly difference: number;
  readonly entries: number;
  readonly checkedEntries: number;
  readonly failingEntries: number;
  readonly unverifiableEntries: number;
  readonly kinks: number;
  readonly cost: number;
  readonly costNoise: number | null;
  readonly plan: {
    readonly mode: 'full' | 'fast';
    readonly requestedMode: CheckMode;
    /** Forward calls the check made (the sweeps' are counted in `sweepForwards`). */
    readonly forwards: number;
    readonly sweepForwards: number;
    readonly seed: number;
    readonly epsilon: number | null;
    readonly tolerance: number;
    readonly sample: number | null;
    /** The forward budget asked for; null when none was (the time budget then decides). */
    readonly budget: number | null;
    /** Seconds `'auto'` may spend on a full check. */
    readonly timeBudget: number;
  };
  readonly parameters: readonly ParameterJson[];
  readonly sweeps: readonly SweepJson[];
}

/** A report as plain JSON data: NaN (an entry not checked, a step not taken) becomes null. */
export function reportJson(report: GradientReport, check: CheckKind, test: TestIdentity, createdAt = new Date()): ReportJson {
  const { options } = report;
  const sweeps = report.sweeps ?? [];
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    check,
    test: { name: test.name ?? null, file: test.file ?? null },
    createdAt: createdAt.toISOString(),
    pass: report.pass,
    difference: report.difference,
    entries: report.entries,
    checkedEntries: report.checkedEntries,
    failingEntries: report.failingEntries,
    unverifiableEntries: report.unverifiableEntries,
    kinks: report.kinks,
    cost: report.cost,
    costNoise: report.costNoise ?? null,
    plan: {
      mode: report.mode,
      requestedMode: options.mode,
      forwards: report.evaluations,
      sweepForwards: sweeps.reduce((n, sweep) => n + 2 * sweep.points.length, 0),
      seed: options.seed,
      epsilon: options.epsilon ?? null,
      tolerance: options.tolerance,
      sample: options.sample ?? null,
      budget: options.budget ?? null,
      timeBudget: options.timeBudget,
    },
    parameters: report.parameters.map(parameterJson),
    sweeps: sweeps.map((sweep) => ({
      ...sweep,
      points: sweep.points.map((p) => ({ step: p.step, numeric: finite(p.numeric), relError: finite(p.relError) })),
    })),
  };
}

function parameterJson(p: ParameterReport): ParameterJson {
  const checked = (k: number) => !Number.isNaN(p.estimate[k]);
  return {
    name: p.name,
    shape: p.shape,
    size: p.size,
    checked: p.checked,
    pass: p.pass,
    failing: p.failing,
    unverifiable: p.unverifiable,
    kinks: p.kinks,
    difference: p.difference,
    maxAbsError: p.maxAbsError,
    directional: p.directional ?? null,
    diagnosis: p.diagnosis
      ? {
          pattern: p.diagnosis.pattern,
          summary: p.diagnosis.summary,
          estimate: p.diagnosis.estimate ?? null,
          axis: p.diagnosis.axis ?? null,
          entries: p.diagnosis.entries ?? [],
        }
      : null,
    analytic: Array.from(p.analytic),
    numeric: Array.from(p.numeric, finite),
    estimate: Array.from(p.estimate, finite),
    allowed: Array.from(p.allowed, (a, k) => (checked(k) ? a : null)),
    verdicts: Array.from(p.estimate, (_, k): EntryVerdict => (!checked(k) ? 'unchecked' : VERDICTS[p.failed[k] as number] as EntryVerdict)),
    atKink: Array.from(p.atKink.keys()).filter((k) => p.atKink[k] === 1),
    worst: p.worst.map(entryJson),
  };
}

/** `failed`'s codes as verdicts. */
const VERDICTS: readonly EntryVerdict[] = ['pass', 'fail', 'unverifiable'];

function entryJson(e: EntryReport): EntryJson {
  return { ...e, left: finite(e.left), right: finite(e.right) };
}

function finite(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
