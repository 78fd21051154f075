import { AbstractMatrix } from 'ml-matrix';
import { GradcheckError } from '../gradcheck-error.js';
import { describeValue } from '../parameters/numeric-view.js';
import type { ParameterSet, ParameterSlot } from '../parameters/parameter-set.js';
import { countedForward, where } from './counted-forward.js';

/** Calls the user's `forward` at the parameters as they stand, and reads the cost J out of its result. */
export interface CostEvaluator {
  /** J now; `slot` and `k` name the entry being perturbed, for error messages only. */
  evaluate(slot?: ParameterSlot, k?: number): number;
  /** How many times `forward` has been called. */
  readonly evaluations: number;
  /**
   * The size of the terms J is a sum of, when they may cancel (⟨dout, out⟩ of a layer whose outputs
   * are ±1): J's rounding follows them, not |J|. Unset for a model's cost, whose rounding follows |J|.
   */
  readonly termSize?: number;
}

export function costEvaluator(forward: unknown, set: ParameterSet, x: unknown, y: unknown): CostEvaluator {
  // A record of parameters is perturbed in place, so it is the same argument on every call; a bare number is not.
  const params = set.bare ? undefined : set.argument();
  return countedForward(
    forward,
    '(params, x, y) => cost',
    set.bare ? (f) => f(set.argument(), x, y) : (f) => f(params, x, y),
    costOf,
    (error) => argumentHint(error, x, y, (forward as Function).length),
  );
}

/** J from what `forward` returned: a number, a `[cost, cache]` pair or a `{ cost }` object. */
function costOf(result: unknown, slot: ParameterSlot | undefined, k: number): number {
  const cost = Array.isArray(result) ? result[0] : isObject(result) && 'cost' in result ? result.cost : result;
  // cost − cost is 0 for a finite number only (NaN and ±Infinity give NaN): Number.isFinite without the call.
  if (typeof cost === 'number' && cost - cost === 0) return cost;
  throw new GradcheckError(`forward returned ${describeResult(result, cost)} ${where(slot, k)}; ${EXPECTED_RESULT}`);
}

const EXPECTED_RESULT = 'expected a finite cost J, a [cost, cache] pair or an object { cost }.';

function describeResult(result: unknown, cost: unknown): string {
  if (result instanceof Promise) return 'a Promise (async forward is not supported: compute the cost synchronously)';
  if (AbstractMatrix.isMatrix(result)) {
    const { rows, columns } = result;
    return rows === 1 && columns === 1
      ? 'a 1×1 ml-matrix Matrix (return its number: J.get(0, 0))'
      : `a ${rows}×${columns} ml-matrix Matrix (the cost is one number: sum or average it, then return the number)`;
  }
  if (Array.isArray(result)) return `an array whose first entry (the cost) is ${describeValue(cost)}`;
  if (isObject(result) && !('cost' in result)) {
    const keys = Object.keys(result);
    return `an object with no cost field (${keys.length === 0 ? 'no keys' : `keys ${keys.map((k) => `"${k}"`).join(', ')}`})`;
  }
  return Object.is(cost, result) ? describeValue(result) : `an object whose cost is ${describeValue(cost)}`;
}

/**
 * Why a forward that throws before any perturbation may have been called wrongly: x or y not given
 * though it declares them (`declared` parameters), or, on a TypeError, arguments in another order than (params, x, y).
 */
function argumentHint(error: unknown, x: unknown, y: unknown, declared: number): string {
  // Only a forward that declares x (and y) can miss them: (params) => … is called rightly without.
  const missing = [declared >= 2 && x === undefined && 'x', declared >= 3 && y === undefined && 'y'].filter(Boolean);
  if (missing.length > 0) {
    return ` (${missing.join(' and ')} ${missing.length > 1 ? 'were' : 'was'} not given: forward is called as forward(params, x, y), so pass them after params)`;
  }
  if (error instanceof TypeError) {
    return ' (forward is called as forward(params, x, y) with the params, x and y given to the check: are they in that order?)';
  }
  return '';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object';
}
