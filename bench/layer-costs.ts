/**
 * npm run bench:layers: what a layer check costs, per example layer of examples/layers, counted
 * with wrappers around forward and backward (the numbers are exact, not timings): N input entries,
 * M output entries, and the forwards and backwards of the default check, of a failing check (the
 * planted bug) and of { jacobian: 'full' }; beside them the median time of one default check over
 * that of a bare loop of the same forwards, a ratio (the machines are shared and noisy).
 */
import { performance } from 'node:perf_hooks';
// 'gradcheck' is the built package here (bench/tsconfig.json drops the root's paths to src): users run dist.
import { checkJacobian, type JacobianOptions } from 'gradcheck';
import { type LayerCase, layerCases } from '../examples/layers/cases.js';
import { counting } from '../test/models/counting.js';

function costOf(layer: LayerCase, backward: LayerCase['backward'], options?: JacobianOptions) {
  const forward = counting(layer.forward);
  const counted = counting(backward);
  const report = checkJacobian(counted, forward, layer.inputs(), options);
  if (report.evaluations !== forward.calls) throw new Error(`${layer.name}: report.evaluations ${report.evaluations} ≠ ${forward.calls} counted`);
  return { pass: report.pass, forwards: forward.calls, backwards: counted.calls, entries: report.entries };
}

/** The median of `rounds` timings of `run`, in ms. */
function median(run: () => unknown, rounds = 9): number {
  const times = Array.from({ length: rounds }, () => {
    const start = performance.now();
    run();
    return performance.now() - start;
  }).sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)] as number;
}

// Warm up the JIT on every layer first, so the first layer timed is not the one that pays for it.
for (let round = 0; round < 20; round++) for (const layer of layerCases) checkJacobian(layer.backward, layer.forward, layer.inputs());

const rows = layerCases.map((layer) => {
  const vector = costOf(layer, layer.backward);
  const failing = costOf(layer, layer.bugs[0]!.backward);
  const full = costOf(layer, layer.backward, { jacobian: 'full' });
  const inputs = layer.inputs();
  const check = median(() => checkJacobian(layer.backward, layer.forward, inputs));
  const bare = median(() => {
    for (let i = 0; i < vector.forwards; i++) layer.forward(inputs);
  });
  const n = vector.entries;
  return [
    layer.name,
    n,
    full.entries / n,
    `${vector.forwards} (2N + ${vector.forwards - 2 * n})`,
    vector.backwards,
    failing.forwards,
    `${full.forwards} / ${full.backwards}`,
    `${check.toFixed(2)} ms, ${(check / bare).toFixed(1)}× its bare forwards`,
    vector.pass && full.pass && !failing.pass ? '' : ' ← unexpected verdict',
  ];
});

const header = ['layer', 'N', 'M', 'forwards', 'backwards', 'forwards, planted bug', "full: forwards / backwards", 'one default check'];
console.log(`| ${header.join(' | ')} |\n| ${header.map(() => '---').join(' | ')} |`);
for (const row of rows) console.log(`| ${row.slice(0, -1).join(' | ')} |${row.at(-1)}`);
