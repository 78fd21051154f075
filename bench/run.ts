/**
 * npm run bench: gradcheck's full, fast and default checks on four ReLU/ReLU/sigmoid networks,
 * timed side by side in one run with the notebook's numpy method, an efficient numpy check and
 * PyTorch's gradcheck (slow and fast mode). Prints ratios: the machines are shared and noisy,
 * so a ratio measured in one run holds where an absolute time does not.
 *
 *   npm run bench               all four networks
 *   npm run bench -- A B        some of them
 */
import { execFileSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Matrix } from 'ml-matrix';
import { backwardPropagationN, forwardPropagationN, type NotebookParameters } from '../examples/notebook/network.js';
// 'gradcheck' is the built package here (bench/tsconfig.json drops the root's paths to src): users run dist.
import { checkGradients, type CheckOptions, type GradientReport } from 'gradcheck';
import { randomMatrix, seededRandom } from '../test/models/random.js';

interface Net {
  readonly name: string;
  readonly dims: readonly [number, number, number, number];
  readonly m: number;
}

const NETS: readonly Net[] = [
  { name: 'A', dims: [4, 5, 3, 1], m: 3 },
  { name: 'B', dims: [20, 32, 16, 1], m: 32 },
  { name: 'C', dims: [64, 128, 64, 1], m: 64 },
  { name: 'D', dims: [256, 256, 128, 1], m: 128 },
];

/** A check that would take longer than this is timed on a slice of its entries and extrapolated. */
const SLICE_SECONDS = 20;

const root = fileURLToPath(new URL('..', import.meta.url));

function network({ dims, m }: Net, seed = 1) {
  const random = seededRandom(seed);
  // He-style scales keep the ReLU units alive and the sigmoid out of saturation.
  const layer = (out: number, inp: number) => randomMatrix(random, out, inp, Math.sqrt(2 / inp));
  const parameters: NotebookParameters = {
    W1: layer(dims[1], dims[0]),
    b1: randomMatrix(random, dims[1], 1, 0.01),
    W2: layer(dims[2], dims[1]),
    b2: randomMatrix(random, dims[2], 1, 0.01),
    W3: layer(dims[3], dims[2]),
    b3: randomMatrix(random, dims[3], 1, 0.01),
  };
  const x = randomMatrix(random, dims[0], m);
  const y = Matrix.from1DArray(1, m, Array.from({ length: m }, () => (random() < 0.5 ? 0 : 1)));
  const gradients = backwardPropagationN(x, y, forwardPropagationN(parameters, x, y)[1]);
  return { parameters, x, y, gradients };
}

/** Median seconds of one call, over enough calls to last ~0.5 s (at least 5). */
function medianSeconds(call: () => void): number {
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 5 || (performance.now() - start < 500 && times.length < 2000)) {
    const t = performance.now();
    call();
    times.push((performance.now() - t) / 1000);
  }
  return times.sort((a, b) => a - b)[times.length >> 1] as number;
}

interface Timed {
  seconds: number;
  forwards: number;
  extrapolated: boolean;
  report: GradientReport;
}

/** Repeats for a quick check (like the Python side's): JIT warm-up and noise wash out in the median. */
const MAX_REPEATS = 21;

/**
 * Times a check, as the median of repeated runs while they fit in about a second; when its 2P
 * forwards would exceed SLICE_SECONDS, times a per-tensor sample and scales to all entries.
 */
function timeCheck(net: ReturnType<typeof network>, options: CheckOptions, forwardSeconds: number, P: number): Timed {
  const { parameters, x, y, gradients } = net;
  const full = options.mode === 'full';
  const slice = full && 2 * P * forwardSeconds > SLICE_SECONDS ? Math.max(1, Math.floor(SLICE_SECONDS / (2 * forwardSeconds * 6))) : undefined;
  const run = () => {
    const start = performance.now();
    const report = checkGradients(gradients, forwardPropagationN, parameters, x, y, slice ? { ...options, sample: slice } : options);
    return { report, seconds: (performance.now() - start) / 1000 };
  };
  const first = run();
  const repeats = Math.min(MAX_REPEATS, Math.floor(1 / first.seconds));
  const times = [first.seconds, ...Array.from({ length: repeats }, () => run().seconds)].sort((a, b) => a - b);
  const seconds = times[times.length >> 1] as number;
  const { report } = first;
  if (!slice) return { seconds, forwards: report.evaluations, extrapolated: false, report };
  return { seconds: (seconds / report.checkedEntries) * P, forwards: 2 * P + 2, extrapolated: true, report };
}

/** Heap growth while the check runs (after a collection when node runs with --expose-gc), in MB. */
function heapMegabytes(run: () => void): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  run();
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return (peak - before) / 2 ** 20;
}

function python(): string | undefined {
  try {
    return execFileSync('bash', [`${root}bench/setup-python.sh`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch {
    return undefined;
  }
}

interface PythonResult {
  numpy_forward_seconds?: number;
  torch_forward_seconds?: number;
  notebook?: { seconds: number; forwards: number; extrapolated?: boolean };
  numpy_efficient?: { seconds: number; forwards: number; extrapolated?: boolean };
  torch_slow?: { seconds: number; forwards: number; extrapolated?: boolean };
  torch_fast?: { seconds: number; forwards: number; extrapolated?: boolean };
  skipped?: { method: string; reason: string }[];
  versions?: Record<string, string>;
}

function runPython(interpreter: string | undefined, net: Net): PythonResult | string {
  if (!interpreter) return 'no python with numpy (bench/setup-python.sh could not install it)';
  try {
    const args = JSON.stringify({ net: net.name, dims: net.dims, m: net.m, seed: 1, budget_seconds: SLICE_SECONDS });
    return JSON.parse(execFileSync(interpreter, [`${root}bench/python/compare.py`, args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
  } catch (error) {
    return `compare.py failed: ${(error as Error).message.split('\n')[0]}`;
  }
}

const fmt = (seconds: number) => (seconds < 1e-3 ? `${(seconds * 1e6).toFixed(1)} µs` : seconds < 1 ? `${(seconds * 1e3).toFixed(2)} ms` : `${seconds.toFixed(2)} s`);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const star = (t: { extrapolated?: boolean }) => (t.extrapolated ? '*' : '');

function table(rows: string[][]): string {
  const widths = (rows[0] as string[]).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c] as number) : cell.padStart(widths[c] as number))).join('  ')).join('\n');
}

function main(): void {
  const chosen = NETS.filter((n) => process.argv.slice(2).length === 0 || process.argv.slice(2).includes(n.name));
  const interpreter = python();
  console.log(`gradcheck bench — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
  console.log(`python: ${interpreter ?? 'none'}; * = timed on a slice of the entries and extrapolated to all of them\n`);
  for (const spec of chosen) {
    const net = network(spec);
    const P = Object.values(net.parameters).reduce((n, p) => n + p.rows * p.columns, 0);
    const T = 6;
    const forward = medianSeconds(() => forwardPropagationN(net.parameters, net.x, net.y));
    const floor = 2 * P * forward;
    const full = timeCheck(net, { mode: 'full' }, forward, P);
    const fast = timeCheck(net, { mode: 'fast' }, forward, P);
    const auto = timeCheck(net, {}, forward, P);
    const memory = heapMegabytes(() => timeCheck(net, full.extrapolated ? { mode: 'fast' } : { mode: 'full' }, forward, P));
    const py = runPython(interpreter, spec);

    console.log(`${spec.name} = [${spec.dims.join(',')}], m = ${spec.m}: P = ${P}, T = ${T}; one forward: ${fmt(forward)} (ml-matrix)` +
      (typeof py === 'object' && py.numpy_forward_seconds ? `, ${fmt(py.numpy_forward_seconds)} (numpy)` : '') +
      (typeof py === 'object' && py.torch_forward_seconds ? `, ${fmt(py.torch_forward_seconds)} (torch)` : ''));
    const rows = [
      ['method', 'forwards', 'time', '÷ own floor (2P × own forward)', 'time ÷ gradcheck full'],
      ['gradcheck full', String(full.forwards), fmt(full.seconds) + star(full), ratio(full.seconds, floor), '1.00×'],
      ['gradcheck fast', String(fast.forwards), fmt(fast.seconds), ratio(fast.seconds, floor), ratio(fast.seconds, full.seconds)],
      [`gradcheck default (${auto.report.mode})`, String(auto.forwards), fmt(auto.seconds), ratio(auto.seconds, floor), ratio(auto.seconds, full.seconds)],
    ];
    if (typeof py === 'object') {
      const pyFloor = (f: number | undefined) => (f ? 2 * P * f : Number.NaN);
      const add = (label: string, t: PythonResult['notebook'], own: number | undefined) => {
        if (t) rows.push([label, String(t.forwards), fmt(t.seconds) + star(t), ratio(t.seconds, pyFloor(own)), ratio(t.seconds, full.seconds)]);
      };
      add('notebook gradient_check_n (numpy)', py.notebook, py.numpy_forward_seconds);
      add('numpy, in place', py.numpy_efficient, py.numpy_forward_seconds);
      add('torch gradcheck', py.torch_slow, py.torch_forward_seconds);
      add('torch gradcheck fast_mode', py.torch_fast, py.torch_forward_seconds);
      for (const s of py.skipped ?? []) rows.push([`${s.method}: skipped (${s.reason})`, '', '', '', '']);
    } else {
      rows.push([`python columns skipped: ${py}`, '', '', '', '']);
    }
    console.log(table(rows));
    console.log(`peak extra heap during a check: ${memory.toFixed(1)} MB; default check: ${auto.report.checkedEntries} of ${P} entries one by one, pass = ${auto.report.pass}\n`);
  }
}

main();
