import type { AbstractMatrix } from 'ml-matrix';
import type { TensorLike } from './parameters/tensor-like.js';

/** One named parameter, in any of the kinds a hand-written model keeps them (readonly arrays too: only frozen ones are refused). */
export type ParameterValue =
  | AbstractMatrix
  | readonly (readonly number[])[]
  | readonly number[]
  | Float64Array
  | Float32Array
  | Float32Array[]
  | TensorLike
  | number;

/** A record of named parameters (`{ W1, b1, … }`), or one bare number (the notebook's 1-D θ). */
export type Params = Readonly<Record<string, ParameterValue>> | number;

/**
 * What `forward` may return: the cost J, the notebook's `[cost, cache]` pair,
 * or an object with a `cost` field.
 */
export type ForwardResult = number | readonly [number, ...unknown[]] | { readonly cost: number };

/** The user's cost function, called with the parameters in the kinds they were passed. */
export type Forward<P = any, X = any, Y = any> = (params: P, x: X, y: Y) => ForwardResult;

/**
 * The analytic gradients: keyed by parameter name or by `d` + name (`dW1`; other keys
 * such as `dZ1` are ignored), a bare number for a bare-number parameter, or a
 * function `(params, x, y) => gradients` called once at the unperturbed point.
 */
export type Gradients = object | number | ((params: any, x: any, y: any) => object | number);

/** How entries are checked: every one, one random direction per tensor first, or chosen by cost. */
export type CheckMode = 'full' | 'fast' | 'auto';

export interface CheckOptions {
  /**
   * A fixed absolute step for every entry, as in the notebook (`1e-7` reproduces its numbers).
   * Without it, each entry gets a step scaled to its own magnitude.
   */
  readonly epsilon?: number;
  /** Relative tolerance per entry. Default `1e-6`. */
  readonly tolerance?: number;
  /**
   * `'full'`: every entry (2P forwards). `'fast'`: one seeded random direction per parameter
   * tensor (2T forwards), drilling down into a tensor only when it fails. `'auto'` (default):
   * full when 2P + 2 forwards are expected to fit `timeBudget` (and `budget`, if given), else fast
   * plus a sample of entries per tensor.
   */
  readonly mode?: CheckMode;
  /** Seeds the random directions and samples; every randomized report prints the seed it used. Default 1. */
  readonly seed?: number;
  /**
   * Also check this many entries of each tensor one by one (a fraction of each tensor when below 1),
   * stratified: the largest-magnitude gradients always, the rest at random.
   */
  readonly sample?: number;
  /** The forward evaluations `'auto'` may spend on a full check, and a fast check on drilling down. Default: no cap for `'auto'`, 5000 for drilling down. */
  readonly budget?: number;
  /** Seconds `'auto'` may spend on a full check, estimated from timed forwards. Default 2. */
  readonly timeBudget?: number;
  /**
   * Write the report as JSON into this directory (default: the `GRADCHECK_REPORT_DIR` environment
   * variable, else no file); a failing parameter's worst entries then also get a step-size sweep.
   */
  readonly reportDir?: string;
}

/** Parameters as a matcher's type accepts them: a number, or any record (interfaces too) of parameter values. */
export type ParamsLike<P> = number | { readonly [K in keyof P]: ParameterValue };

/**
 * `P` itself when it is a number or a record of parameter values; otherwise each field that is not a
 * parameter value is typed `ParameterValue`, so TypeScript's error names that field
 * ("Types of property 'activation' are incompatible") instead of blaming `forward`.
 */
export type CheckedParams<P> = P extends number ? number : { readonly [K in keyof P]: P[K] extends ParameterValue ? P[K] : ParameterValue };

/** The matcher's signature, merged into Vitest's and Jest's `Matchers` by `gradcheck/vitest` and `gradcheck/jest`. */
export interface GradientMatchers<R = unknown> {
  /**
   * Passes when the received analytic gradients agree, entry by entry, with central differences
   * of `forward` at `params`. `received` is a record keyed by name or `d` + name, or a function
   * `(params, x, y) => gradients`.
   */
  toHaveCorrectGradients<P, X = undefined, Y = undefined>(
    forward: (params: P, x: X, y: Y) => ForwardResult,
    params: CheckedParams<P>,
    x?: X,
    y?: Y,
    options?: CheckOptions,
  ): R;
}

/** A layer's output: any kind a parameter may be, or a record of such outputs (an LSTM step's `{ h, c }`). */
export type LayerOutputValue = ParameterValue | { readonly [name: string]: ParameterValue };

/** What a layer's `forward(inputs)` may return: its output, or an `[output, cache]` pair. */
export type LayerResult = LayerOutputValue | readonly [LayerOutputValue, ...unknown[]];

/**
 * A layer's backward pass: `(inputs, dout) => gradients`, keyed by input name or `d` + name
 * (`dx`, `dw`, `db`; other keys ignored), or such a record already computed for `options.dout`.
 */
export type Backward<I = any> = ((inputs: I, dout: any) => object | number) | object | number;

export interface JacobianOptions extends CheckOptions {
  /**
   * The upstream gradient backward is checked with, shaped like the output (a record for a record
   * output, keyed by name or `d` + name). Default: seeded random (`seed`), magnitudes 0.5 to 1.5.
   */
  readonly dout?: LayerOutputValue;
  /**
   * `'vector'` (default): backward(inputs, dout) against central differences of ⟨dout, forward(inputs)⟩.
   * `'full'`: the whole Jacobian, one output entry at a time; failures name pairs, `out[1,0] ← x[2,3]`.
   */
  readonly jacobian?: 'vector' | 'full';
}

/** The layer matcher's signature, merged into Vitest's and Jest's `Matchers` beside `GradientMatchers`. */
export interface JacobianMatchers<R = unknown> {
  /**
   * Passes when the received backward pass, `(inputs, dout) => gradients` or gradients computed for
   * `options.dout`, agrees entry by entry with central differences of ⟨dout, forward(inputs)⟩.
   */
  toHaveCorrectJacobian<I extends ParamsLike<I>>(forward: (inputs: I) => LayerResult, inputs: I, options?: JacobianOptions): R;
}

/** Every matcher `gradcheck/vitest`, `gradcheck/jest` and `gradcheck/expect` register, as the one interface they merge into their runner's `Matchers`. */
export interface GradcheckMatchers<R = unknown> extends GradientMatchers<R>, JacobianMatchers<R> {}
