/**
 * npm run bench:sensitivity: the smallest error the default check sees, and its false alarms, on
 * random smooth float64 networks (tanh hidden layer, sigmoid output, cross-entropy, L2; the models
 * of test/unit/check-gradients.test.ts, 200 of them). For each of the 4 parameters of each network a
 * relative error REL (default 1e-6) is planted in the whole tensor, in its largest entry and in its
 * median entry, and the check must fail naming it; the correct gradients must pass. Also counts the
 * correct checks that needed more than 2P + 3 forwards.
 *
 *   npm run bench:sensitivity                 REL = 1e-6, 200 networks
 *   REL=3e-7 N=500 npm run bench:sensitivity
 */
import type { Matrix } from 'ml-matrix';
import { checkGradients, type GradientReport } from '../src/index.js';
import { smoothCase, smoothCost, smoothGradients } from '../test/models/smooth-network.js';

const REL = Number(process.env.REL ?? 1e-6);
const N = Number(process.env.N ?? 200);
const names = ['W1', 'b1', 'W2', 'b2'] as const;

const failingLabels = (report: GradientReport) => report.parameters.flatMap((p) => p.worst.filter((e) => !e.pass).map((e) => e.label));

/** Flat indices of the largest and the median |entry| of a gradient. */
function largestAndMedian(gradient: Matrix): [number, number] {
  const order = gradient.to1DArray().map((v, k) => [Math.abs(v), k] as const).sort((a, b) => a[0] - b[0]);
  return [order.at(-1)![1], order[order.length >> 1]![1]];
}

const counts = { falseAlarms: 0, overForwards: 0, missedWhole: 0, missedLargest: 0, missedMedian: 0 };
const misses: string[] = [];
for (let seed = 1; seed <= N; seed++) {
  const c = smoothCase(seed, 3 + (seed % 4), 2 + (seed % 5), 1 + (seed % 7));
  const forward = smoothCost(c.lambda);
  const gradients = () => smoothGradients(c.lambda)(c.parameters, c.x, c.y) as Record<string, Matrix>;
  const check = (g: Record<string, Matrix>) => checkGradients(g, forward, c.parameters, c.x, c.y);
  const correct = check(gradients());
  if (!correct.pass) counts.falseAlarms++;
  if (correct.evaluations > 2 * correct.entries + 3) counts.overForwards++;
  for (const name of names) {
    const whole = gradients();
    whole[`d${name}`]!.mul(1 + REL);
    if (check(whole).parameters.find((p) => p.name === name)!.pass) counts.missedWhole++;
    const [largest, median] = largestAndMedian(gradients()[`d${name}`]!);
    for (const [which, k] of [['largest', largest], ['median', median]] as const) {
      const g = gradients();
      const d = g[`d${name}`]!;
      const [i, j] = [Math.floor(k / d.columns), k % d.columns];
      d.set(i, j, d.get(i, j) * (1 + REL));
      if (!failingLabels(check(g)).includes(`${name}[${i},${j}]`)) {
        counts[which === 'largest' ? 'missedLargest' : 'missedMedian']++;
        misses.push(`seed ${seed}: ${which} entry ${name}[${i},${j}] = ${d.get(i, j) / (1 + REL)}`);
      }
    }
  }
}
console.log(`relative error ${REL}, ${N} networks, ${N * names.length} tensors, ${N * names.length * 3} injections`);
console.log(counts);
for (const miss of misses) console.log(`  missed: ${miss}`);
