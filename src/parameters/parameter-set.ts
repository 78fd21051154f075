import { AbstractMatrix } from 'ml-matrix';
import { GradcheckError } from '../gradcheck-error.js';
import type { Params } from '../types.js';
import { isTensorLike } from './tensor-like.js';
import { assertFinite, describeValue, type NumericView, numericView, readEach } from './numeric-view.js';
import { newFloat64Array } from './slab.js';

/** One named parameter, read and written in place in the user's own storage: its view, named by the parameter. */
export type ParameterSlot = NumericView;

/** The parameters being checked, and what `forward` receives while one entry is perturbed. */
export interface ParameterSet {
  readonly slots: readonly ParameterSlot[];
  /** The record the user passed (perturbed in place), or the bare number's current value. */
  argument(): unknown;
  /** True when the user passed one bare number rather than a record. */
  readonly bare: boolean;
}

/** The name a bare-number parameter goes by in reports (the notebook's θ). */
export const BARE_PARAMETER_NAME = 'theta';

/** Slots over `params` without copying them, or a `GradcheckError` naming what is unusable. */
export function parameterSet(params: Params | unknown): ParameterSet {
  if (typeof params === 'number') return bareNumber(params);
  if (params instanceof Map) {
    throw new GradcheckError(
      `params is a Map (of ${params.size} entries); expected a record of named parameters: pass Object.fromEntries(map).`,
    );
  }
  if (params === null || typeof params !== 'object' || Array.isArray(params) || ArrayBuffer.isView(params)) {
    throw new GradcheckError(
      `params is ${describeValue(params)}; expected a record of named parameters ({ W1, b1, … }) or one number.`,
    );
  }
  if (AbstractMatrix.isMatrix(params)) {
    throw new GradcheckError('params is an ml-matrix Matrix; expected a record of named parameters: pass { W } rather than W.');
  }
  const record = params as Record<string, unknown>;
  const names = Object.keys(record);
  if (names.length === 0) throw new GradcheckError('params is an empty object; expected at least one named parameter.');
  const slots = names.map((name) => slotOf(record, name));
  const scratch = newFloat64Array(Math.max(...slots.map((slot) => slot.size)));
  for (const slot of slots) assertFinite(slot.name, slot, scratch);
  return { slots, argument: () => record, bare: false };
}

function slotOf(record: Record<string, unknown>, name: string): ParameterSlot {
  const value = record[name];
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new GradcheckError(`${name} is ${describeValue(value)}; every entry must be a finite number.`);
    if (!isWritable(record, name)) {
      throw new GradcheckError(`${name} is a read-only property (a frozen record?); a number parameter is perturbed in place.`);
    }
    return {
      name,
      kind: 'scalar',
      float32: false,
      shape: [],
      size: 1,
      get: () => record[name] as number,
      set: (_k, v) => {
        record[name] = v;
      },
      read: (into, offset) => readEach(() => record[name], 1, into, offset),
    };
  }
  const view = numericView(name, value);
  assertWritable(name, value);
  return view;
}

function bareNumber(value: number): ParameterSet {
  if (!Number.isFinite(value)) {
    throw new GradcheckError(`params is ${describeValue(value)}; a bare-number parameter must be finite.`);
  }
  const holder = { value };
  const slot: ParameterSlot = {
    name: BARE_PARAMETER_NAME,
    kind: 'scalar',
    float32: false,
    shape: [],
    size: 1,
    get: () => holder.value,
    set: (_k, v) => {
      holder.value = v;
    },
    read: (into, offset) => {
      into[offset] = holder.value;
    },
  };
  return { slots: [slot], argument: () => holder.value, bare: true };
}

/** Arrays (a tensor-like's data too) are perturbed in place: a frozen one (or a frozen row) would throw a TypeError mid-check. */
function assertWritable(name: string, given: unknown): void {
  const value = isTensorLike(given) ? given.data : given;
  if (!Array.isArray(value)) return;
  const frozen = Object.isFrozen(value) ? value : value.find((row) => Array.isArray(row) && Object.isFrozen(row));
  if (frozen === undefined) return;
  const where = frozen === value ? name : `row ${value.indexOf(frozen)} of ${name}`;
  throw new GradcheckError(`${where} is frozen (read-only); parameters are perturbed in place, so pass a writable copy.`);
}

function isWritable(record: object, name: string): boolean {
  const descriptor = Object.getOwnPropertyDescriptor(record, name);
  return !Object.isFrozen(record) && (descriptor?.writable ?? descriptor?.set !== undefined);
}
