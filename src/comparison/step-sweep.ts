import { GradcheckError } from '../gradcheck-error.js';
import { flatIndex } from '../layout/entry-index.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import type { Measure } from '../perturbation/central-difference.js';
import type { ParameterReport } from '../report/report.js';
import { relativeDifference } from './relative-difference.js';

/** One step of a sweep: the central difference at that step and its relative error against the analytic value. */
export interface SweepPoint {
  readonly step: number;
  /** (J(θ + h) − J(θ − h)) / 2h; NaN where the step could not be taken (below the value's resolution, or forward threw there). */
  readonly numeric: number;
  /** |analytic − numeric| / (|analytic| + |numeric|), the notebook's formula for one entry; NaN with `numeric`. */
  readonly relError: number;
}

/** Relative error against step size for one failing entry: a correct gradient draws a V, a wrong one stays flat. */
export interface EntrySweep {
  readonly parameter: string;
  readonly index: readonly number[];
  readonly label: string;
  readonly analytic: number;
  /** The check's numerical estimate for this entry: against it, the sweep's central differences draw the V a correct value would. */
  readonly estimate: number;
  /** The first step the check took for this entry. */
  readonly step: number;
  /** From the largest step to the smallest. */
  readonly points: readonly SweepPoint[];
}

/**
 * 1e-1 down to 1e-10, three steps a decade (28 steps, 56 forwards an entry): wide enough to show
 * both arms of a correct gradient's V (truncation ∝ h², rounding ∝ ε/h) around the default step.
 */
export const SWEEP_STEPS: readonly number[] = Array.from({ length: 28 }, (_, i) => 10 ** (-1 - i / 3));

/** The failing entries swept per failing parameter, worst first: enough to see whether they agree, at 168 forwards. */
export const SWEEP_ENTRIES = 3;


/** Central differences of entry k at every step of SWEEP_STEPS, against its analytic value. */
export function sweepEntry(measure: Measure, slot: ParameterSlot, k: number, analytic: number): SweepPoint[] {
  return SWEEP_STEPS.map((step) => {
    let numeric: number;
    try {
      numeric = measure(slot, k, step).central;
    } catch (error) {
      // A step below the value's resolution, or a forward that fails far from θ: the point is left out, not the report.
      if (!(error instanceof GradcheckError)) throw error;
      numeric = Number.NaN;
    }
    return { step, numeric, relError: Number.isNaN(numeric) ? Number.NaN : relativeDifference(analytic, numeric) };
  });
}

/**
 * Sweeps the SWEEP_ENTRIES worst failing entries of every failing parameter. `stepOf` gives the
 * step the check took for an entry. Costs 2 × 28 forwards an entry; the parameters are restored.
 */
export function sweepFailing(
  slots: readonly ParameterSlot[],
  parameters: readonly ParameterReport[],
  measure: Measure,
  stepOf: (slot: ParameterSlot, k: number) => number,
): EntrySweep[] {
  return parameters.flatMap((parameter, i) => {
    const slot = slots[i] as ParameterSlot;
    return parameter.worst
      .filter((entry) => !entry.pass)
      .slice(0, SWEEP_ENTRIES)
      .map((entry) => {
        const k = flatIndex(slot.shape, entry.index);
        return {
          parameter: slot.name,
          index: entry.index,
          label: entry.label,
          analytic: entry.analytic,
          estimate: entry.numeric,
          step: stepOf(slot, k),
          points: sweepEntry(measure, slot, k, entry.analytic),
        };
      });
  });
}
