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
import { forwardPropagationN } from '../examples/notebook/network.js';
// 'gradcheck' is the built package here (bench/tsconfig.json drops the root's paths to src): users run dist.
import { checkGradients, type CheckOptions, type GradientReport } from 'gradcheck';
import { reluNetwork } from '../test/models/relu-network.js';

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
  return reluNetwork(dims, m, seed);
}

/** Seconds of calls before timing: V8 optimizes a function only after many calls, and a forward of A runs ~7× slower before. */
const WARM_UP_SECONDS = 0.2;

/**
 * Median seconds of one call, after a warm-up, timed in batches of calls lasting ≥ 1 ms each (a
 * single call of the smallest net takes ~2 µs, too close to the timer's own cost), over ~0.5 s.
 */
function medianSeconds(call: () => void): number {
  for (const start = performance.now(); performance.now() - start < WARM_UP_SECONDS * 1000; ) call();
  let batch = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) call();
    if (performance.now() - t >= 1) break;
    batch *= 2;
  }
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 5 || (performance.now() - start < 500 && times.length < 500)) {
    const t = performance.now();
    for (let i = 0; i < batch; i++) call();
    times.push((performance.now() - t) / 1000 / batch);
  }
  return times.sort((a, b) => a - b)[times.length >> 1] as number;
}

/**
 * Rounds of interleaved runs: every method runs once per round, so drift on a shared machine hits
 * them all alike. 15 at least: B's rounds take ~2 s each, and back-to-back checks of B differ by up to ±10%.
 */
const MIN_ROUNDS = 15;
const MAX_ROUNDS = 2001;
/** Seconds of rounds to aim for per network (at least MIN_ROUNDS rounds, at most MAX_ROUNDS). */
const ROUNDS_SECONDS = 4;
/**
 * The first rounds, while V8 still runs the checker's code unoptimized (the forward is already
 * optimized: it was timed first). A test file's first checks run like this; the steady figures are
 * the rounds after them, when there are at least as many more (the small nets: a check of B or
 * larger runs thousands of entries, and is warm within its first round).
 */
const COLD_ROUNDS = 21;

/** One timed run of a method: its time for all P entries (extrapolated from a slice when marked so). */
interface Run {
  seconds: number;
  forwards: number;
  extrapolated: boolean;
  /** What the bench prints of a check's report: kept apart, as thousands of rounds' reports held alive would slow the checks' garbage collection. */
  report?: Pick<GradientReport, 'mode' | 'checkedEntries' | 'pass'>;
}

/** Entries per tensor to time when 2P forwards would exceed SLICE_SECONDS. */
function sliceFor(forwardSeconds: number, P: number): number | undefined {
  return 2 * P * forwardSeconds > SLICE_SECONDS ? Math.max(1, Math.floor(SLICE_SECONDS / (2 * forwardSeconds * 6))) : undefined;
}

/** A check, once; a full check over a slice when it would take too long, scaled to all P entries. */
function checkRun(net: ReturnType<typeof network>, options: CheckOptions, slice: number | undefined, P: number): Run {
  const { parameters, x, y, gradients } = net;
  const sliced = options.mode === 'full' ? slice : undefined;
  const start = performance.now();
  const report = checkGradients(gradients, forwardPropagationN, parameters, x, y, sliced ? { ...options, sample: sliced } : options);
  const seconds = (performance.now() - start) / 1000;
  const { mode, checkedEntries, pass } = report;
  const kept = { mode, checkedEntries, pass };
  if (!sliced) return { seconds, forwards: report.evaluations, extrapolated: false, report: kept };
  return { seconds: (seconds / checkedEntries) * P, forwards: 2 * P + 3, extrapolated: true, report: kept };
}

/**
 * The floor measured as a whole, once: 2P forwards, each entry moved ±h in place with no checker
 * around them. Unlike 2P × the median forward, it includes the garbage collection the forwards cause.
 */
function bareRun(net: ReturnType<typeof network>, slice: number | undefined, P: number): Run {
  const { parameters, x, y } = net;
  const rows = Object.values(parameters).flatMap((p) => (p as unknown as { data: Float64Array[] }).data);
  const entries = rows.flatMap((row) => Array.from(row, (_, j) => ({ row, j })));
  const chosen = slice === undefined ? entries : entries.filter((_, i) => i % Math.ceil(P / (6 * slice)) === 0);
  const start = performance.now();
  for (const { row, j } of chosen) {
    const original = row[j] as number;
    row[j] = original + 1e-5;
    forwardPropagationN(parameters, x, y);
    row[j] = original - 1e-5;
    forwardPropagationN(parameters, x, y);
    row[j] = original;
  }
  const seconds = (performance.now() - start) / 1000;
  return { seconds: (seconds / chosen.length) * P, forwards: 2 * P, extrapolated: chosen.length < P };
}

/** Each method's run with the median time: over the steady rounds, and over the cold ones (see COLD_ROUNDS). */
interface Timed {
  readonly steady: Record<string, Run>;
  /** Set when the steady rounds are apart from the cold ones. */
  readonly cold?: Record<string, Run>;
  /** The median over rounds of the paired methods' ratio within each round: the two ran back to back, so drift cancels in each ratio. */
  readonly overhead: { readonly steady: number; readonly cold?: number };
}

const medianRun = (list: readonly Run[]) => [...list].sort((a, b) => a.seconds - b.seconds)[list.length >> 1] as Run;

/** Runs every method in interleaved rounds, and keeps for each the run with the median time, and the median of each round's `over` ÷ `under`. */
function interleaved(methods: Record<string, () => Run>, [over, under]: readonly [string, string]): Timed {
  const runs: Record<string, Run[]> = Object.fromEntries(Object.keys(methods).map((name) => [name, []]));
  const start = performance.now();
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (round >= MIN_ROUNDS && performance.now() - start > ROUNDS_SECONDS * 1000) break;
    // In reverse order every other round: whatever a method leaves behind (garbage to collect) falls on each alike.
    const order = round % 2 === 0 ? Object.entries(methods) : Object.entries(methods).reverse();
    for (const [name, method] of order) runs[name]?.push(method());
    if (round === 0 && performance.now() - start > ROUNDS_SECONDS * 1000) break; // slow nets: one round is all there is time for
  }
  const rounds = (runs[Object.keys(methods)[0] as string] as Run[]).length;
  const pick = (from: number, to: number) => Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, medianRun(list.slice(from, to))]));
  const overhead = (from: number, to: number) => {
    const [numerators, denominators] = [runs[over] as Run[], runs[under] as Run[]];
    const ratios = numerators.slice(from, to).map((run, i) => run.seconds / (denominators[from + i] as Run).seconds);
    return ratios.sort((a, b) => a - b)[ratios.length >> 1] as number;
  };
  return rounds >= 2 * COLD_ROUNDS
    ? { steady: pick(COLD_ROUNDS, rounds), cold: pick(0, COLD_ROUNDS), overhead: { steady: overhead(COLD_ROUNDS, rounds), cold: overhead(0, COLD_ROUNDS) } }
    : { steady: pick(0, rounds), overhead: { steady: overhead(0, rounds) } };
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
    const slice = sliceFor(forward, P);
    const timed = interleaved({
      bare: () => bareRun(net, slice, P),
      full: () => checkRun(net, { mode: 'full' }, slice, P),
      fast: () => checkRun(net, { mode: 'fast' }, slice, P),
      auto: () => checkRun(net, {}, slice, P),
    }, ['full', 'bare']);
    const { bare, full, fast, auto } = timed.steady as Record<'bare' | 'full' | 'fast' | 'auto', Run>;
    const memory = heapMegabytes(() => checkRun(net, {}, slice, P));
    const py = runPython(interpreter, spec);

    console.log(`${spec.name} = [${spec.dims.join(',')}], m = ${spec.m}: P = ${P}, T = ${T}; one forward: ${fmt(forward)} (ml-matrix)` +
      (typeof py === 'object' && py.numpy_forward_seconds ? `, ${fmt(py.numpy_forward_seconds)} (numpy)` : '') +
      (typeof py === 'object' && py.torch_forward_seconds ? `, ${fmt(py.torch_forward_seconds)} (torch)` : ''));
    const rows = [
      ['method', 'forwards', 'time', '÷ own floor (2P × own forward)', 'time ÷ gradcheck full'],
      ['bare loop: 2P forwards, no checker', String(2 * P), fmt(bare.seconds) + star(bare), ratio(bare.seconds, floor), ratio(bare.seconds, full.seconds)],
      ['gradcheck full', String(full.forwards), fmt(full.seconds) + star(full), ratio(full.seconds, floor), '1.00×'],
      ['gradcheck fast', String(fast.forwards), fmt(fast.seconds), ratio(fast.seconds, floor), ratio(fast.seconds, full.seconds)],
      [`gradcheck default (${auto.report?.mode})`, String(auto.forwards), fmt(auto.seconds), ratio(auto.seconds, floor), ratio(auto.seconds, full.seconds)],
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
    console.log(
      `harness overhead, gradcheck full ÷ bare loop, the median of each round's ratio: ${timed.overhead.steady.toFixed(2)}×` +
        (timed.cold ? ' (steady rounds)' : ''),
    );
    if (timed.cold) {
      const cold = timed.cold as Record<'bare' | 'full', Run>;
      console.log(
        `  first ${COLD_ROUNDS} rounds, the checker's code not yet optimized by V8: ${(timed.overhead.cold as number).toFixed(2)}× ` +
          `(median full ${fmt(cold.full.seconds)}, bare loop ${fmt(cold.bare.seconds)})`,
      );
    }
    console.log(`peak extra heap during a check: ${memory.toFixed(1)} MB; default check: ${auto.report?.checkedEntries} of ${P} entries one by one, pass = ${auto.report?.pass}\n`);
  }
}

main();
