import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { roll, unroll } from '../../src/index.js';
import fixture from '../fixtures/seed-test-case.json' with { type: 'json' };

const shapes: [number, number][] = [
  [1, 1],
  [5, 4],
  [1, 7],
  [7, 1],
  [3, 3],
];

describe('unroll and roll', () => {
  it('round-trips ml-matrix parameters of any shape, keeping each as a Matrix', () => {
    let counter = 0;
    const params = Object.fromEntries(
      shapes.map(([r, c], i) => [`P${i}`, Matrix.from1DArray(r, c, Array.from({ length: r * c }, () => ++counter / 7))]),
    );
    const { vector, layout } = unroll(params);
    expect(vector).toHaveLength(counter);
    expect(Array.from(vector)).toEqual(Array.from({ length: counter }, (_, k) => (k + 1) / 7));
    const back = roll(vector, layout) as Record<string, Matrix>;
    for (const [name, original] of Object.entries(params)) {
      expect(back[name]).toBeInstanceOf(Matrix);
      expect(back[name]!.to2DArray()).toEqual(original.to2DArray());
    }
  });

  it('round-trips every parameter kind, each given back as the kind it was', () => {
    const params = {
      matrix: new Matrix([[1, 2], [3, 4]]),
      rows: [[5, 6, 7]],
      vector: [8, 9],
      float64: Float64Array.of(10, 11),
      float32: Float32Array.of(12.5),
      scalar: 13,
    };
    const { vector, layout } = unroll(params);
    expect(Array.from(vector)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12.5, 13]);
    expect(layout.entries.map((e) => [e.name, e.kind, e.shape, e.offset, e.size])).toEqual([
      ['matrix', 'matrix', [2, 2], 0, 4],
      ['rows', 'rows', [1, 3], 4, 3],
      ['vector', 'vector', [2], 7, 2],
      ['float64', 'float64array', [2], 9, 2],
      ['float32', 'float32array', [1], 11, 1],
      ['scalar', 'scalar', [], 12, 1],
    ]);
    const back = roll(vector, layout) as Record<string, unknown>;
    expect((back.matrix as Matrix).to2DArray()).toEqual([[1, 2], [3, 4]]);
    expect(back.rows).toEqual([[5, 6, 7]]);
    expect(back.vector).toEqual([8, 9]);
    expect(back.float64).toEqual(Float64Array.of(10, 11));
    expect(back.float32).toEqual(Float32Array.of(12.5));
    expect(back.scalar).toBe(13);
  });

  it('rolls matrices as views on the vector, without copying', () => {
    const { vector, layout } = unroll({ W: new Matrix([[1, 2, 3], [4, 5, 6]]) });
    const { W } = roll(vector, layout) as { W: Matrix };
    vector[4] = 50;
    expect(W.get(1, 1)).toBe(50);
    W.set(0, 2, 30);
    expect(vector[2]).toBe(30);
    expect(W.mmul(Matrix.ones(3, 1)).to1DArray()).toEqual([33, 60]);
  });

  it('lays out the notebook parameters exactly as its dictionary_to_vector does', () => {
    const params = Object.fromEntries(Object.entries(fixture.parameters).map(([name, rows]) => [name, new Matrix(rows)]));
    const { vector, layout } = unroll(params);
    expect(Array.from(vector)).toEqual(fixture.flatten.theta);
    expect(Object.fromEntries(layout.entries.map((e) => [e.name, [e.offset, e.offset + e.size]]))).toEqual(
      fixture.flatten.offsets,
    );
    expect(layout.keys.slice(19, 22)).toEqual(['W1', 'b1', 'b1']);
    expect(layout.labels[26]).toBe('W2[0,1]');
  });

  it('gives a bare number back as a number', () => {
    const { vector, layout } = unroll(4);
    expect(Array.from(vector)).toEqual([4]);
    expect(roll(vector, layout)).toBe(4);
  });

  it('never changes the parameters it reads', () => {
    const W = new Matrix([[1, 2]]);
    const before = W.to2DArray();
    unroll({ W });
    expect(W.to2DArray()).toEqual(before);
  });

  it('refuses a vector of the wrong length', () => {
    const { layout } = unroll({ W: [[1, 2]] });
    expect(() => roll([1, 2, 3], layout)).toThrow('roll: the vector has 3 entries but the layout needs 2.');
  });
});
