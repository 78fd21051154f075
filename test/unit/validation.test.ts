import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { checkGradients } from '../../src/index.js';
import { errorOf } from './error-of.js';

// J = Σ W² + b, dJ/dW = 2W, dJ/db = 1
const params = () => ({ W: new Matrix([[1, 2], [3, 4]]), b: [0.5] });
const forward = (p: ReturnType<typeof params>) => p.W.to1DArray().reduce((s, v) => s + v * v, 0) + p.b[0]!;
const gradients = () => ({ dW: new Matrix([[2, 4], [6, 8]]), db: [1] });

describe('clear errors for unusable input', () => {
  const cases: [string, () => unknown, string | RegExp][] = [
    ['forward not a function', () => checkGradients(gradients(), 'forward' as never, params()), 'forward is the string "forward"; expected a function (params, x, y) => cost.'],
    ['params empty', () => checkGradients({}, forward as never, {} as never), 'params is an empty object; expected at least one named parameter.'],
    ['params null', () => checkGradients({}, forward as never, null as never), /^params is null; expected a record of named parameters/],
    ['a parameter holding a string', () => checkGradients({}, forward as never, { W: 'abc' } as never), 'W is the string "abc"; expected an ml-matrix Matrix, number[][], number[], Float64Array, Float32Array, a tensor-like { data, shape } or number.'],
    ['a parameter holding NaN', () => checkGradients({}, forward as never, { W: [[1, Number.NaN]] } as never), 'W[0,1] is NaN; every entry must be a finite number.'],
    ['a ragged parameter', () => checkGradients({}, forward as never, { W: [[1, 2], [3]] } as never), /^W is a ragged array: row 0 has 2 entries but row 1 has 1/],
    ['a missing gradient', () => checkGradients({ dW: gradients().dW, dZ1: 0 }, forward, params()), 'No gradient for parameter b: expected a key "b" or "db" (the d-prefix rule), but the gradients have keys "dW", "dZ1".'],
    ['a 1×2 gradient for a 2×1 parameter', () => checkGradients({ dW: new Matrix([[2, 4, 6, 8]]), db: [1] }, forward, params()), 'dW has shape 1×4 but parameter W has shape 2×2; a gradient must have exactly its parameter’s shape.'],
    ['a gradient holding Infinity', () => checkGradients({ dW: [[2, 4], [Number.POSITIVE_INFINITY, 8]], db: [1] }, forward, params()), 'dW[1,0] is Infinity; every entry must be a finite number.'],
    ['gradients null', () => checkGradients(null as never, forward, params()), /^The gradients are null; expected a record keyed by parameter name or d \+ name/],
    ['gradients undefined', () => checkGradients(undefined as never, forward, params()), /^The gradients are undefined/],
    ['a gradient function that throws', () => checkGradients(() => { throw new Error('no cache'); }, forward, params()), 'The gradient function threw: no cache'],
    ['a gradient function returning a number', () => checkGradients(() => 3, forward, params()), /^The gradients are 3; expected a record/],
    ['forward returning NaN', () => checkGradients(gradients(), () => Number.NaN, params()), 'forward returned NaN at the unperturbed parameters; expected a finite cost J, a [cost, cache] pair or an object { cost }.'],
    ['forward returning −Infinity once perturbed', () => checkGradients(gradients(), (p: ReturnType<typeof params>) => (p.W.get(0, 0) === 1 ? forward(p) : Number.NEGATIVE_INFINITY), params()), /^forward returned -Infinity while W\[0,0\] was perturbed/],
    ['forward returning [NaN, cache]', () => checkGradients(gradients(), () => [Number.NaN, {}] as never, params()), /^forward returned an array whose first entry \(the cost\) is NaN/],
    ['forward returning a string', () => checkGradients(gradients(), () => 'cost' as never, params()), /^forward returned the string "cost" at the unperturbed parameters/],
    ['forward returning an object without a cost', () => checkGradients(gradients(), () => ({ loss: 1 }) as never, params()), 'forward returned an object with no cost field (keys "loss") at the unperturbed parameters; expected a finite cost J, a [cost, cache] pair or an object { cost }.'],
    ['forward returning a Promise', () => checkGradients(gradients(), (async () => 1) as never, params()), /^forward returned a Promise \(async forward is not supported: compute the cost synchronously\) at the unperturbed parameters/],
    ['gradients as a Map', () => checkGradients(new Map(Object.entries(gradients())) as never, forward, params()), 'The gradients are a Map (of 2 entries); expected a record keyed by parameter name or d + name: pass Object.fromEntries(map).'],
    ['forward returning a 2×1 Matrix', () => checkGradients(gradients(), () => new Matrix([[1], [2]]) as never, params()), 'forward returned a 2×1 ml-matrix Matrix (the cost is one number: sum or average it, then return the number) at the unperturbed parameters; expected a finite cost J, a [cost, cache] pair or an object { cost }.'],
    ['an unknown option', () => checkGradients(gradients(), forward, params(), undefined, undefined, { eps: 1e-7 } as never), 'Unknown option "eps"; the options are epsilon, tolerance, mode, seed, sample, budget, timeBudget, reportDir.'],
    ['a negative epsilon', () => checkGradients(gradients(), forward, params(), undefined, undefined, { epsilon: -1 }), 'options.epsilon is -1; expected a finite number above 0.'],
  ];

  it.each(cases)('%s', (_, call, message) => {
    const error = errorOf(call);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });
});

describe('determinism and purity', () => {
  it('a forward with unseeded noise (dropout) is not deterministic', () => {
    const noisy = (p: ReturnType<typeof params>) => forward(p) * (1 + 1e-3 * Math.random());
    expect(errorOf(() => checkGradients(gradients(), noisy, params())).message).toMatch(
      /^forward is not deterministic: it gave J = .* and J = .* at the same parameters, in its first two calls\. Dropout, unseeded noise, or state kept between calls\?/,
    );
  });

  it('a perturbed forward that fails is first checked for determinism: a drifting forward is named, not the entry', () => {
    let calls = 0;
    // Deterministic for its first calls, then drifting, and NaN once while an entry is perturbed.
    const drifting = (p: ReturnType<typeof params>) => (++calls === 6 ? Number.NaN : forward(p) + (calls > 4 ? 1e-3 * calls : 0));
    const error = errorOf(() => checkGradients(gradients(), drifting, params()));
    expect(error.message).toMatch(/^forward is not deterministic: .* after a perturbed forward failed\./);
    expect((error.cause as Error).message).toMatch(/^forward returned NaN while W\[.*\] was perturbed/);
  });

  it('a deterministic forward that fails while perturbed is reported as such, naming the entry', () => {
    let calls = 0;
    const failing = (p: ReturnType<typeof params>) => (++calls === 6 ? Number.NaN : forward(p));
    expect(errorOf(() => checkGradients(gradients(), failing, params())).message).toMatch(/^forward returned NaN while W\[.*\] was perturbed/);
  });

  it('a forward that keeps state between calls is caught before and after the check', () => {
    let calls = 0;
    const drifting = (p: ReturnType<typeof params>) => forward(p) + (++calls > 2 ? 1e-6 : 0);
    expect(errorOf(() => checkGradients(gradients(), drifting, params())).message).toMatch(/before and after the check/);
  });

  it('a forward that clips its parameters in place is named, and the parameters are restored', () => {
    const p = params();
    const clipping = (q: ReturnType<typeof params>) => {
      q.W.set(1, 1, Math.min(q.W.get(1, 1), 3.5));
      return forward(q);
    };
    expect(errorOf(() => checkGradients(gradients(), clipping, p)).message).toBe(
      'forward changed its input: W[1,1] was 4 before the call and 3.5 after (in-place clipping, normalisation or accumulation?). ' +
        'It must not write to params, x or y; the values have been restored.',
    );
    expect(p.W.to2DArray()).toEqual([[1, 2], [3, 4]]);
  });

  it('a forward that normalises x in place is named, and x is restored', () => {
    const x = [[3, 4]];
    const normalising = (p: ReturnType<typeof params>, xs: number[][]) => {
      const norm = Math.hypot(...xs[0]!);
      xs[0] = xs[0]!.map((v) => v / norm);
      return forward(p) + xs[0]![0]!;
    };
    expect(errorOf(() => checkGradients(gradients(), normalising, params(), x)).message).toMatch(/^forward changed its input: x\[0,0\] was 3 before the call and 0\.6 after/);
    expect(x).toEqual([[3, 4]]);
  });

  it('a forward that turns a 0 of x into −0 is named: inputs are compared bit for bit', () => {
    const x = [[0, 1]];
    const negating = (p: ReturnType<typeof params>, xs: number[][]) => {
      xs[0]![0] = -xs[0]![0]!;
      return forward(p);
    };
    expect(errorOf(() => checkGradients(gradients(), negating, params(), x)).message).toMatch(/^forward changed its input: x\[0,0\] was 0 before the call and 0 after/);
    expect(Object.is(x[0]![0], 0)).toBe(true);
  });

  it('a gradient function that accumulates with += across calls is named', () => {
    const buffer = { dW: new Matrix(2, 2), db: [0] };
    const accumulating = (p: ReturnType<typeof params>) => {
      buffer.dW.add(Matrix.mul(p.W, 2));
      buffer.db[0]! += 1;
      return buffer;
    };
    expect(errorOf(() => checkGradients(accumulating, forward, params())).message).toBe(
      'The gradient function gave W[0,0] = 2 on one call and 4 on the next, at the same parameters: ' +
        'gradients accumulated across calls (+= into a buffer kept between calls)?',
    );
  });
});
