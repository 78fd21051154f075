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
  evaluate(slot?: ParameterSlot, k?: number): T;
  /** How many times `forward` has been called. */
  readonly evaluations: number;
}

/**
 * `forward`, refused unless it is a function (`signature` says what kind), called by `invoke(forward)`
 * (passing the arguments as they stand: no array is built per call), its result read by `read`
 * (which names the entry when the result is unusable). At the unperturbed point, `hint` may add why
 * the call itself may be wrong.
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
  return new Counted(forward, invoke, read, hint);
}

/** A class, not an object literal with a getter: made once per check, and a literal's accessor is defined at run time. */
class Counted<T> implements CountedForward<T> {
  evaluations = 0;

  constructor(
    private readonly forward: Function,
    private readonly invoke: (forward: Function) => unknown,
    private readonly read: (result: unknown, slot: ParameterSlot | undefined, k: number) => T,
    private readonly hint: (error: unknown) => string,
  ) {}

  evaluate(slot?: ParameterSlot, k = 0): T {
    this.evaluations++;
    let result: unknown;
    try {
      result = this.invoke(this.forward);
    } catch (error) {
      const why = slot ? '' : this.hint(error);
      throw new GradcheckError(`forward threw ${where(slot, k)}: ${thrownMessage(error)}${why}`, { cause: error });
    }
    return this.read(result, slot, k);
  }
}

/** `while W1[0,2] was perturbed`, or `at the unperturbed parameters`: where a call went wrong. */
export function where(slot: ParameterSlot | undefined, k: number): string {
  return slot ? `while ${entryLabel(slot.name, entryIndex(slot.shape, k))} was perturbed` : 'at the unperturbed parameters';
}
