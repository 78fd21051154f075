import { compareParameter } from '../comparison/compare-parameter.js';
import { judgeDirection } from '../comparison/directional-check.js';
import { drillDown } from '../comparison/drill-down.js';
import type { Judge } from '../comparison/judge-entry.js';
import { sampleSize, stratifiedSample } from '../comparison/stratified-sample.js';
import { everyIndex } from '../layout/entry-index.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';
import type { ParameterReport } from './report.js';

/**
 * 8 entries a tensor: in fast mode, checked one by one beside the direction (by default when the
 * full check is over budget) and first when a direction fails: half of them the largest gradients,
 * where a wrong factor shows most, enough for a scale diagnosis.
 */
export const DEFAULT_SAMPLE = 8;

/** Forwards a fast check may spend drilling down into failing tensors unless `budget` says otherwise. */
export const DRILL_DOWN_BUDGET = 5000;

/** Forwards a bisection level may cost (two halves, two forwards each, refined at most once): the drill-down's floor. */
const FORWARDS_PER_LEVEL = 8;

/** What every parameter's check shares. */
export interface CheckContext {
  readonly mode: 'full' | 'fast';
  readonly judge: Judge;
  /** The per-entry relative tolerance. */
  readonly tolerance: number;
  readonly batchSizes: readonly number[];
  readonly random: () => number;
  /** Entries to check one by one per tensor (count or fraction), if any. */
  readonly sample: number | undefined;
  readonly budget: number;
  /** Forward evaluations made so far. */
  readonly evaluations: () => number;
}

/**
 * One parameter's check. Full: every entry, or a stratified sample. Fast: one random direction
 * through the whole tensor, plus the sample; when the direction fails, a sample first, then
 * bisection by directional checks, so the report still names the wrong entries. `name` is what the
 * report calls the slot (its own name, or `dx` for a layer input).
 */
export function checkParameter(slot: ParameterSlot, analytic: Float64Array, context: CheckContext, name = slot.name): ParameterReport {
  const { judge, batchSizes, random, sample } = context;
  const compare = (indices: readonly number[] | undefined, directional?: ParameterReport['directional']) =>
    compareParameter(slot, analytic, judge, batchSizes, { indices, directional }, name);
  const sampled = (count: number) => stratifiedSample(analytic, sampleSize(count, slot.size), random);

  if (context.mode === 'full') return compare(sample === undefined ? undefined : sampled(sample));

  const everything = everyIndex(slot.size);
  const directional = judgeDirection(judge, slot, everything, analytic, random, context.tolerance);
  const chosen = sample === undefined ? [] : sampled(sample);
  if (directional.pass) return compare(chosen, directional);

  const firstIndices = chosen.length > 0 ? chosen : sampled(DEFAULT_SAMPLE);
  const first = compare(firstIndices, directional);
  if (first.failing > 0) return first;
  const limit = Math.max(context.budget, context.evaluations() + FORWARDS_PER_LEVEL * (Math.ceil(Math.log2(slot.size)) + 1));
  const suspects = drillDown(
    slot.size,
    (block) => judgeDirection(judge, slot, block, analytic, random, context.tolerance).pass,
    () => context.evaluations() < limit,
  );
  return compare([...new Set([...firstIndices, ...suspects])].sort((p, q) => p - q), directional);
}
