import { describe, expect, it } from 'vitest';
import { judgeEntries } from '../../src/comparison/judge-entry.js';
import type { MeasureEach } from '../../src/perturbation/central-difference.js';
import { DEFAULT_TOLERANCE } from '../../src/comparison/tolerance.js';
import type { ParameterSlot } from '../../src/parameters/parameter-set.js';
import { RELATIVE_STEP, stepFloor } from '../../src/perturbation/step.js';

/** One scalar entry at θ = 1, its cost measured by `slopes(h)`: the one-sided slopes at step h. */
function judgeWith(slopes: (h: number) => [left: number, right: number], analytic: number) {
  const slot: ParameterSlot = { name: 'w', kind: 'scalar', float32: false, shape: [], size: 1, get: () => 1, set: () => {}, read: (into, offset) => void (into[offset] = 1) };
  let measured = 0;
  const measure: MeasureEach = (_slot, indices, stepOf, _nominal, into) => {
    indices.forEach((_k, i) => {
      measured++;
      const h = stepOf(1);
      const [left, right] = slopes(h);
      into.step[i] = h;
      into.central[i] = (left + right) / 2;
      into.left[i] = left;
      into.right[i] = right;
      into.costMagnitude[i] = 1;
    });
  };
  const judge = judgeEntries(measure, {
    tolerance: DEFAULT_TOLERANCE,
    noise: () => 1e-17,
    stepOf: () => RELATIVE_STEP,
    floorOf: () => stepFloor(1),
    nominal: false,
    cost: 1,
    magnitude: 1,
  });
  return { ...judge.one(slot, 0, analytic), measured };
}

describe('the verdict on one entry', () => {
  it('a smooth entry that the first central difference settles costs one measurement', () => {
    const verdict = judgeWith(() => [2, 2], 2);
    expect(verdict).toMatchObject({ pass: true, refined: false, kink: false, unverifiable: undefined, measured: 1 });
  });

  it('a kink at θ itself: either side, or their midpoint, passes; a value between that is none of them fails as wrong', () => {
    for (const analytic of [-1, 1]) expect(judgeWith(() => [-1, 1], analytic), `analytic ${analytic}`).toMatchObject({ pass: true, kink: true });
    expect(judgeWith(() => [-1, 1], 0)).toMatchObject({ pass: true }); // the central difference is the midpoint: settled at once
    expect(judgeWith(() => [-1, 1], 0.4)).toMatchObject({ pass: false, kink: true, unverifiable: undefined });
  });

  it('slopes that change at every step, on both sides, leave nothing credible: unverifiable, not wrong', () => {
    // A kink at every scale: each side's slope flips sign from one step to the next and never settles.
    const wild = (h: number) => {
      const odd = Math.round(-Math.log2(h) / 2) % 2 === 1; // steps are powers of 4 apart: exact in log₂
      return [odd ? 30 : -30, odd ? -20 : 20] as [number, number];
    };
    expect(judgeWith(wild, 0.5)).toMatchObject({ pass: false, kink: true, unverifiable: 'kink' });
  });
});
