import { Matrix } from 'ml-matrix';

/** Word embedding lookup: out[n] = W[ids[n]] (W is V×D); `ids` is data, not an input to differentiate. */
export function embeddingForward(ids: readonly number[]) {
  return ({ W }: { W: Matrix }): [Matrix, readonly number[]] => [new Matrix(ids.map((id) => W.getRow(id))), ids];
}

/** dW[v] = Σ over the n with ids[n] = v of dout[n]: a repeated id accumulates. */
export function embeddingBackward(vocabulary: number) {
  return (dout: Matrix, ids: readonly number[]) => {
    const dW = Matrix.zeros(vocabulary, dout.columns);
    ids.forEach((id, n) => dW.setRow(id, dW.getRowVector(id).add(dout.getRowVector(n))));
    return { dW };
  };
}

/** Planted bug: dW[ids[n]] = dout[n], so a repeated id keeps only its last occurrence's gradient. */
export function embeddingBackwardAssigns(vocabulary: number) {
  return (dout: Matrix, ids: readonly number[]) => {
    const dW = Matrix.zeros(vocabulary, dout.columns);
    ids.forEach((id, n) => dW.setRow(id, dout.getRow(n)));
    return { dW };
  };
}
