import { Matrix } from 'ml-matrix';
import { columnSums, times } from './matrix.js';

/** 1e-5, as in the course exercises: keeps 1/√(var + ε) finite for a constant feature. */
const EPSILON = 1e-5;

export interface BatchNormInputs {
  readonly x: Matrix;
  readonly gamma: Matrix;
  readonly beta: Matrix;
}

interface BatchNormCache {
  readonly xhat: Matrix;
  readonly gamma: Matrix;
  readonly invStd: number[];
}

/** Training-mode batch norm over the examples (rows): out = γ ⊙ (x − μ)/√(σ² + ε) + β. */
export function batchNormForward({ x, gamma, beta }: BatchNormInputs): [Matrix, BatchNormCache] {
  const n = x.rows;
  const mean = x.mean('column');
  const centered = x.clone().subRowVector(mean);
  const variance = times(centered, centered).sum('column').map((s) => s / n);
  const invStd = variance.map((v) => 1 / Math.sqrt(v + EPSILON));
  const xhat = centered.mulRowVector(invStd);
  const out = xhat.clone().mulRowVector(gamma.to1DArray()).addRowVector(beta.to1DArray());
  return [out, { xhat, gamma, invStd }];
}

/** The course's compact form: dx = (1/N)·invStd·(N·dx̂ − Σdx̂ − x̂·Σ(dx̂ ⊙ x̂)). */
export function batchNormBackward(dout: Matrix, cache: BatchNormCache) {
  return batchNormGradients(dout, cache, true);
}

/** Planted bug: the Σdx̂ term (the path through the mean μ) left out of dx. */
export function batchNormBackwardNoMeanTerm(dout: Matrix, cache: BatchNormCache) {
  return batchNormGradients(dout, cache, false);
}

function batchNormGradients(dout: Matrix, { xhat, gamma, invStd }: BatchNormCache, meanTerm: boolean) {
  const n = dout.rows;
  const dxhat = dout.clone().mulRowVector(gamma.to1DArray());
  const sumDxhat = dxhat.sum('column');
  const sumDxhatXhat = times(dxhat, xhat).sum('column');
  const dx = new Matrix(
    dxhat.to2DArray().map((row, i) =>
      row.map((d, j) => ((invStd[j] as number) / n) * (n * d - (meanTerm ? (sumDxhat[j] as number) : 0) - xhat.get(i, j) * (sumDxhatXhat[j] as number))),
    ),
  );
  return { dx, dgamma: columnSums(times(dout, xhat)), dbeta: columnSums(dout) };
}
