import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel, formatShape } from '../layout/entry-index.js';
import { describeValue, finiteValues, numericView, thrownMessage } from './numeric-view.js';
import type { ParameterSet, ParameterSlot } from './parameter-set.js';

/**
 * The analytic gradient of each slot, copied out of `received` in slot order.
 * `received` is a record keyed by name or `d` + name, a bare number for a bare parameter,
 * or a function of `(params, x, y)` returning either, called twice here to see that it is repeatable;
 * `afterCall` runs after each call.
 */
export function analyticGradients(received: unknown, set: ParameterSet, x: unknown, y: unknown, afterCall = () => {}): Float64Array[] {
  const first = gradientsAt(received, set, x, y, afterCall);
  if (typeof received === 'function') assertSameGradients(first, gradientsAt(received, set, x, y, afterCall), set);
  return first;
}

/**
 * The gradients `received` gives, in slot order: one call when it is a function, no repeat.
 * `afterCall` runs right after that call (to see what it wrote to), before its result is read.
 */
export function gradientsAt(received: unknown, set: ParameterSet, x: unknown, y: unknown, afterCall = () => {}): Float64Array[] {
  if (typeof received !== 'function') return readGradients(received, set);
  const result = callGradientFunction(received, set, x, y);
  afterCall();
  return readGradients(result, set);
}

/** True when every gradient equals its parameter's own value, entry for entry: params passed as the gradients? */
export function equalsParameters(analytic: readonly Float64Array[], set: ParameterSet): boolean {
  return set.slots.every((slot, i) => {
    const values = analytic[i] as Float64Array;
    for (let k = 0; k < values.length; k++) if (!Object.is(values[k], slot.get(k))) return false;
    return true;
  });
}

/** A gradient function must give the same gradients twice at the same point; one that accumulates (`+=`) does not. */
function assertSameGradients(first: Float64Array[], second: Float64Array[], set: ParameterSet): void {
  first.forEach((values, i) => {
    const k = values.findIndex((v, j) => !Object.is(v, second[i]?.[j]));
    if (k < 0) return;
    const slot = set.slots[i] as ParameterSlot;
    throw new GradcheckError(
      `The gradient function gave ${entryLabel(slot.name, entryIndex(slot.shape, k))} = ${values[k]} on one call and ` +
        `${second[i]?.[k]} on the next, at the same parameters: gradients accumulated across calls (+= into a buffer kept between calls)?`,
    );
  });
}

function readGradients(gradients: unknown, set: ParameterSet): Float64Array[] {
  if (set.bare) {
    if (typeof gradients !== 'number') {
      throw new GradcheckError(`The gradient is ${describeValue(gradients)}; for a bare-number parameter expected a number (dθ).`);
    }
    return [gradientOf(set.slots[0] as ParameterSlot, 'the gradient', gradients)];
  }
  if (gradients instanceof Map) {
    throw new GradcheckError(
      `The gradients are a Map (of ${gradients.size} entries); expected a record keyed by parameter name or d + name: pass Object.fromEntries(map).`,
    );
  }
  if (gradients === null || typeof gradients !== 'object' || Array.isArray(gradients)) {
    throw new GradcheckError(
      `The gradients are ${describeValue(gradients)}; expected a record keyed by parameter name or d + name ({ dW1, db1, … }).`,
    );
  }
  const record = gradients as Record<string, unknown>;
  return set.slots.map((slot) => {
    const key = gradientKey(record, slot.name);
    return gradientOf(slot, key, record[key]);
  });
}

function callGradientFunction(fn: Function, set: ParameterSet, x: unknown, y: unknown): unknown {
  let result: unknown;
  try {
    result = fn(set.argument(), x, y);
  } catch (error) {
    throw new GradcheckError(`The gradient function threw: ${thrownMessage(error)}`, {
      cause: error,
    });
  }
  if (result instanceof Promise) {
    throw new GradcheckError('The gradient function returned a Promise; gradients must be computed synchronously.');
  }
  return result;
}

function gradientKey(record: Record<string, unknown>, name: string): string {
  const dName = `d${name}`;
  // Own keys only: a parameter named `toString` must not find Object.prototype's.
  const plain = Object.hasOwn(record, name);
  const prefixed = Object.hasOwn(record, dName);
  if (plain && prefixed) {
    throw new GradcheckError(
      `The gradients have both "${name}" and "d${name}" for parameter ${name}, so which one is its gradient is ambiguous ` +
        `(the d-prefix rule takes either, not both): a layer object, or { ...params, ...grads }? Pass a record of the gradients alone.`,
    );
  }
  if (plain) return name;
  if (prefixed) return dName;
  const given = Object.keys(record);
  throw new GradcheckError(
    `No gradient for parameter ${name}: expected a key "${name}" or "d${name}" (the d-prefix rule), ` +
      `but the gradients have ${given.length === 0 ? 'no keys' : `keys ${given.map((k) => `"${k}"`).join(', ')}`}.`,
  );
}

function gradientOf(slot: ParameterSlot, key: string, value: unknown): Float64Array {
  const view = numericView(key, value);
  if (view.shape.length !== slot.shape.length || view.shape.some((n, i) => n !== slot.shape[i])) {
    throw new GradcheckError(
      `${key} has shape ${formatShape(view.shape)} but parameter ${slot.name} has shape ${formatShape(slot.shape)}; ` +
        'a gradient must have exactly its parameter’s shape.',
    );
  }
  return finiteValues(key, view);
}
