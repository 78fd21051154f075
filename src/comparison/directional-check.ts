import type { ParameterSlot } from '../parameters/parameter-set.js';
import { direction } from '../perturbation/direction.js';
import type { DirectionalReport } from '../report/report.js';
import type { Judge } from './judge-entry.js';

/**
 * Judges the entries `indices` of a parameter together, along one random direction: two forwards
 * when it passes. The relative tolerance is the per-entry one divided by √n, applied to the
 * directional derivative itself: |Σ dᵢ·gᵢ| grows like √n·RMS(d·g) over n entries of random sign,
 * so the projection allows about `tolerance`·RMS(d·g), what the per-entry check allows a typical
 * entry (PyTorch #59650 scaled the other way, and its fast mode became √n times laxer). An error in
 * one entry whose gradient is small next to its tensor's RMS can hide below that; the measured
 * rounding noise and step disagreement of the directional difference set the floor.
 */
export function judgeDirection(
  judge: Judge,
  slot: ParameterSlot,
  indices: readonly number[],
  analytic: Float64Array,
  random: () => number,
  tolerance: number,
): DirectionalReport {
  const { slot: along, project } = direction(slot, indices, random);
  const predicted = project(analytic);
  const { numeric, allowed, pass } = judge.one(along, 0, predicted, tolerance / Math.sqrt(indices.length));
  return { analytic: predicted, numeric, allowed, pass };
}
