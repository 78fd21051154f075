import { GradcheckError } from '../gradcheck-error.js';
import { entryIndex, entryLabel } from '../layout/entry-index.js';
import { describeValue, thrownMessage } from '../parameters/numeric-view.js';
import type { ParameterSlot } from '../parameters/parameter-set.js';

/**
 * A user's forward, called with the arguments as they stand, counting its calls. A throw becomes
 * a `GradcheckError` that names the entry being perturbed and keeps the user's error as its cause.
 */
export interface CountedForward<T> {
  /** What forward gave, read; `slot` and `k` name the entry being perturbed, for error messages only. */
  call(slot?: ParameterSlot, k?: number): T;
  /** How many times `forward` has been called. */
  readonly evaluations: number;
}

/**
 * `forward`, refused unless it is a function (`signature` says what kind), called by `invoke(forward)`
 * (passing the arguments as they stand: no array is built per call), its result read by `read`
 * (which names the entry when the result is unusable). This runs twice per entry of every check: one
 * call deep, so a check's overhead stays small next to a forward of a few microseconds.
 * At the unperturbed point, `hint` may add why the call itself may be wrong.
 */
export function countedForward<T>(
  forward: unknown,
  signature: string,
  invoke: (forward: Function) => unknown,
  read: (result: unknown, slot: ParameterSlot | undefined, k: number) => T,
  hint: (error: unknown) => string = () => '',
): CountedForward<T> {
  if (typeof forward !== 'function') {
    throw new GradcheckError(`forward is ${describeValue(forward)}; expected a function ${signature}.`);
  }
  let evaluations = 0;
  return {
    get evaluations() {
      return evaluations;
    },
    call(slot, k = 0) {
      evaluations++;
      let result: unknown;
      try {
        result = invoke(forward);
      } catch (error) {
        const why = slot ? '' : hint(error);
        throw new GradcheckError(`forward threw ${where(slot, k)}: ${thrownMessage(error)}${why}`, { cause: error });
      }
      return read(result, slot, k);
    },
  };
}

/** `while W1[0,2] was perturbed`, or `at the unperturbed parameters`: where a call went wrong. */
export function where(slot: ParameterSlot | undefined, k: number): string {
  return slot ? `while ${entryLabel(slot.name, entryIndex(slot.shape, k))} was perturbed` : 'at the unperturbed parameters';
}
