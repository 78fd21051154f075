export { relativeDifference } from './comparison/relative-difference.js';
export { DEFAULT_TOLERANCE } from './comparison/tolerance.js';
export { GradcheckError } from './gradcheck-error.js';
export type { FlatLayout, LayoutEntry } from './layout/flat-layout.js';
export { roll, type Unrolled, unroll } from './layout/unroll.js';
export { type Colors, formatReport } from './message/format-report.js';
export { matchers } from './matcher/matchers.js';
export type { NumericKind, NumericView, RowStorage } from './parameters/numeric-view.js';
export type { TensorLike } from './parameters/tensor-like.js';
export { numericalGradient } from './perturbation/numerical-gradient.js';
export { RELATIVE_STEP } from './perturbation/step.js';
export { checkGradients } from './report/check-gradients.js';
export { checkJacobian } from './report/check-jacobian.js';
export { contract } from './perturbation/contraction.js';
export { upstreamValues } from './perturbation/upstream-gradient.js';
export type { Diagnosis, DiagnosisPattern } from './diagnosis/diagnosis.js';
export type { DirectionalReport, EntryReport, GradientReport, LayerReport, ParameterReport, ResolvedOptions } from './report/report.js';
export type { EntrySweep, SweepPoint } from './comparison/step-sweep.js';
export type { ReportJson } from './report/report-json.js';
export type {
  Backward,
  CheckMode,
  CheckOptions,
  Forward,
  ForwardResult,
  GradientMatchers,
  Gradients,
  JacobianMatchers,
  JacobianOptions,
  LayerOutputValue,
  LayerResult,
  ParameterValue,
  Params,
} from './types.js';
