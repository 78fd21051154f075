/** One failing parameter, as the checker saw it: everything a diagnosis may look at. */
export interface DiagnosisInput {
  /** The parameter's name, e.g. `W2`. */
  readonly name: string;
  /** `[rows, columns]` for a matrix, `[n]` for a vector, `[]` for a scalar. */
  readonly shape: readonly number[];
  /** The user's gradient, row-major. */
  readonly analytic: Float64Array;
  /** The best numerical estimate of the true gradient, row-major. */
  readonly numeric: Float64Array;
  /** The parameter's values θ, row-major. */
  readonly values: Float64Array;
  /** Per entry, the |analytic − numeric| the checker allowed: its noise and tolerance scale. */
  readonly allowed: Float64Array;
  /** 1 where the entry failed the check. */
  readonly failing: Uint8Array;
  /** 0 where the numeric value is unreliable (the entry sits at a kink such as ReLU at 0): left out of every fit. */
  readonly reliable: Uint8Array;
  /** 1 where the entry was judged at all (a sampled or fast check judges some); all entries when omitted. */
  readonly checked?: Uint8Array;
  /** What m, the number of examples, may be: the counts of either axis of x above 1 (none when x is no matrix). */
  readonly batchSizes: readonly number[];
}

/** The kinds of bug a diagnosis can name. */
export type DiagnosisPattern = 'scale' | 'transpose' | 'regularization' | 'axis' | 'zero' | 'few-entries';

/** What the error pattern of one parameter suggests, stated only when the data clearly supports it. */
export interface Diagnosis {
  readonly pattern: DiagnosisPattern;
  /** One line a person reads, without the parameter name in front (the caller prints "W2: " before it). */
  readonly summary: string;
  /** The fitted factor k (scale), λ (regularization), or undefined. */
  readonly estimate?: number;
  /** For 'axis': the axis along which the error is constant. */
  readonly axis?: 'rows' | 'columns';
  /** For 'few-entries' and 'zero': the labels of the entries, e.g. `['W2[1,3]']` (at most 5). */
  readonly entries?: readonly string[];
}
