import type { UnverifiableCause } from '../comparison/judge-entry.js';
import type { EntrySweep } from '../comparison/step-sweep.js';
import type { Diagnosis } from '../diagnosis/diagnosis.js';
import type { CheckMode } from '../types.js';
import type { CheckPlan } from './plan.js';

/** One entry's verdict, indexed as the user indexes it. */
export interface EntryReport {
  /** `[row, column]` in a matrix, `[i]` in a vector, `[]` for a scalar. */
  readonly index: readonly number[];
  /** `W2[1,3]`. */
  readonly label: string;
  readonly analytic: number;
  /** The numerical estimate the verdict used: the central difference, or its refinement. */
  readonly numeric: number;
  readonly absError: number;
  /** The notebook's formula for one entry: |a − n| / (|a| + |n|). */
  readonly relError: number;
  /** The |a − n| allowed for this entry. */
  readonly allowed: number;
  readonly pass: boolean;
  /** True when the central difference alone could not settle it and more steps did. */
  readonly refined: boolean;
  /** True when the entry sits at a kink; it was then judged at smaller steps or by its one-sided slopes. */
  readonly kink: boolean;
  /**
   * Set when no step gave an estimate good enough to judge the entry: `'noise'` (the cost's rounding
   * noise over every usable step) or `'kink'` (a kink or branch cut closer than any usable step).
   * The entry fails, but is not called wrong.
   */
  readonly unverifiable?: UnverifiableCause;
  /** The one-sided slopes (J(θ) − J(θ − h)) / h and (J(θ + h) − J(θ)) / h. */
  readonly left: number;
  readonly right: number;
}

/** A verdict on one random direction through a parameter: Σ dᵢ·gᵢ against the directional central difference. */
export interface DirectionalReport {
  /** What the analytic gradient predicts for the directional derivative. */
  readonly analytic: number;
  /** The directional derivative measured by central differences. */
  readonly numeric: number;
  /** The |analytic − numeric| allowed. */
  readonly allowed: number;
  readonly pass: boolean;
}

/**
 * One parameter's verdicts. Its per-entry typed arrays may be views into an ArrayBuffer shared
 * with other arrays of this check and others: `.slice()` one before transferring its buffer.
 */
export interface ParameterReport {
  readonly name: string;
  readonly shape: readonly number[];
  readonly size: number;
  /** How many entries were judged one by one (all of them in a full check). */
  readonly checked: number;
  /** In fast mode, the verdict on one random direction through the whole parameter. */
  readonly directional?: DirectionalReport;
  readonly pass: boolean;
  /** How many entries failed, the unverifiable ones included. */
  readonly failing: number;
  /** How many of the failing entries could not be verified (see `EntryReport.unverifiable`). */
  readonly unverifiable: number;
  /** How many entries sat at a kink (ReLU at 0, max with a near-tie, |·| at 0…) and were judged by their one-sided slopes. */
  readonly kinks: number;
  /** The notebook's formula (3) over this parameter's entries. */
  readonly difference: number;
  /** The largest |analytic − numeric| over this parameter's entries. */
  readonly maxAbsError: number;
  /** The entries that fared worst (failing ones first, by how far past their allowance), at most a few. */
  readonly worst: readonly EntryReport[];
  /** What the pattern of the errors suggests (a missing 1/m, a transpose…), when it clearly fits. */
  readonly diagnosis?: Diagnosis;
  /** The analytic gradient, row-major. */
  readonly analytic: Float64Array;
  /** The central differences at the step in force, row-major; NaN where an entry was not checked. */
  readonly numeric: Float64Array;
  /** Per entry, the numerical estimate its verdict used (the central difference or its refinement); NaN where not checked. */
  readonly estimate: Float64Array;
  /** Per entry, the |analytic − estimate| allowed; 0 where not checked. */
  readonly allowed: Float64Array;
  /** Per entry, 1 where it was checked and found wrong, 2 where it failed as unverifiable. */
  readonly failed: Uint8Array;
  /** Per entry, 1 where it was judged at a kink. */
  readonly atKink: Uint8Array;
}

/** Options as the check applied them. */
export interface ResolvedOptions {
  /** The fixed absolute step, or `undefined` for the default step scaled to each entry. */
  readonly epsilon: number | undefined;
  readonly tolerance: number;
  readonly mode: CheckMode;
  readonly seed: number;
  readonly sample: number | undefined;
  readonly budget: number | undefined;
  readonly timeBudget: number;
  /** Where the report is written as JSON: `options.reportDir`, else `GRADCHECK_REPORT_DIR`, else nowhere. */
  readonly reportDir: string | undefined;
}

export interface GradientReport {
  readonly pass: boolean;
  /** The notebook's formula (3), ‖grad − gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂), over all entries checked one by one. */
  readonly difference: number;
  readonly parameters: readonly ParameterReport[];
  /** Entries of all parameters. */
  readonly entries: number;
  /** Entries judged one by one, over all parameters (all of them in a full check). */
  readonly checkedEntries: number;
  /** What was done: every entry (`'full'`), or one random direction per parameter and the entries chosen after it (`'fast'`). */
  readonly mode: 'full' | 'fast';
  /** Entries that failed, over all parameters, the unverifiable ones included. */
  readonly failingEntries: number;
  /** Of those, the entries that could not be verified, over all parameters. */
  readonly unverifiableEntries: number;
  /** Entries judged at kinks, over all parameters. */
  readonly kinks: number;
  /** How many times `forward` was called. */
  readonly evaluations: number;
  /** J at the unperturbed parameters. */
  readonly cost: number;
  /**
   * The rounding noise of J near the parameters, as a standard deviation, when an entry needed it
   * (it is measured only when a central difference alone did not settle an entry).
   */
  readonly costNoise: number | undefined;
  readonly options: ResolvedOptions;
  /** Set on a failing check whose gradients equal the parameters' own values, entry for entry (params passed as gradients?). */
  readonly gradientsAreParameters?: true;
  /** Full or fast, and the numbers that decided it (`planReason` puts them in words). */
  readonly plan?: CheckPlan;
  /** For a layer check (`checkJacobian`): what was contracted, and how backward behaved. */
  readonly layer?: LayerReport;
  /** Only when a report directory is set: step-size sweeps of each failing parameter's worst entries (their forwards are not in `evaluations`). */
  readonly sweeps?: readonly EntrySweep[];
}

/** What a layer check adds to its report. */
export interface LayerReport {
  /** The output's parts as forward returned them: `out`, or each key of a record output. */
  readonly outputs: readonly { readonly name: string; readonly shape: readonly number[] }[];
  /** Whether dout was drawn from `options.seed` or given as `options.dout`. */
  readonly dout: 'seeded' | 'given';
  /** Jᵀ·dout against central differences of ⟨dout, output⟩ (`'vector'`), or the whole Jacobian, one output entry at a time (`'full'`). */
  readonly jacobian: 'vector' | 'full';
  /** True when backward gave the very same non-zero gradients for a second, different dout: it ignores dout. */
  readonly ignoresDout: boolean;
  /** How many times backward was called. */
  readonly backwardCalls: number;
}
