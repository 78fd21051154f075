import { relativeDifference } from '../comparison/relative-difference.js';
import { formatMagnitude, formatValue } from '../message/format-number.js';
import type { SweepJson } from '../report/report-json.js';
import { escapeHtml } from './escape.js';

/** The chart's size and the room its axes take, in CSS pixels. */
const WIDTH = 520;
const HEIGHT = 280;
const LEFT = 52;
const RIGHT = 12;
const TOP = 12;
const BOTTOM = 36;

/** The x axis: steps 1e-10 to 1e-1, as the sweep takes them. */
const X_DECADES: readonly [number, number] = [-10, -1];

/** The y axis never goes below 1e-17: float64 cannot tell two numbers apart more finely than ε ≈ 2.2e-16. */
const Y_FLOOR = -17;

/** Line colours for the swept entries (distinct from the heatmaps' red-blue scale). */
const COLOURS = ['#d95f02', '#7570b3', '#1b9e77', '#e7298a'];
const REFERENCE_COLOUR = '#777';

interface Line {
  readonly label: string;
  readonly colour: string;
  readonly reference: boolean;
  /** Earlier lines are wider, so lines that coincide (a wrong factor gives every entry the same error) still show. */
  readonly width: number;
  readonly points: readonly { readonly step: number; readonly error: number | null }[];
}

/**
 * Relative error against step h on log–log axes, one line per swept entry, with the check's step
 * marked and, dashed, the V a correct value draws: the same central differences against the
 * check's own numerical estimate (truncation falling as h², rounding rising as 1/h).
 */
export function sweepChartHtml(sweeps: readonly SweepJson[]): string {
  if (sweeps.length === 0) return '';
  const first = sweeps[0] as SweepJson;
  const lines: Line[] = [
    ...sweeps.map((s, i) => ({
      label: `${s.label}: analytic ${formatValue(s.analytic, s.estimate)}, numeric ${formatValue(s.estimate, s.analytic)}${flatness(s)}`,
      colour: COLOURS[i % COLOURS.length] as string,
      reference: false,
      width: 2 + 2 * (sweeps.length - 1 - i),
      points: s.points.map((p) => ({ step: p.step, error: p.relError })),
    })),
    {
      label: `the V a correct ${first.label} would draw (its central differences against the numeric value)`,
      colour: REFERENCE_COLOUR,
      reference: true,
      width: 1.5,
      points: first.points.map((p) => ({ step: p.step, error: p.numeric === null ? null : relativeDifference(first.estimate, p.numeric) })),
    },
  ];
  const positive = lines.flatMap((l) => l.points.map((p) => p.error ?? 0)).filter((e) => e > 0);
  const low = Math.max(Y_FLOOR, Math.floor(Math.log10(Math.min(1e-1, ...positive))));
  const high = Math.max(low + 1, Math.ceil(Math.log10(Math.max(1e-16, ...positive))));
  const x = (step: number) => LEFT + ((Math.log10(step) - X_DECADES[0]) / (X_DECADES[1] - X_DECADES[0])) * (WIDTH - LEFT - RIGHT);
  const y = (error: number) => {
    const decade = error > 0 ? Math.max(low, Math.log10(error)) : low;
    return TOP + ((high - decade) / (high - low)) * (HEIGHT - TOP - BOTTOM);
  };
  const steps = [...new Set(sweeps.map((s) => s.step))].sort((a, b) => a - b);
  const svg =
    `<svg class="sweep" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="relative error against step size">` +
    axes(x, y, low, high) +
    steps
      .map((step, i) => {
        const px = round(x(step));
        const label = i === steps.length - 1 ? `<text class="step-label" x="${px + 4}" y="${HEIGHT - BOTTOM - 4}">the check's step${steps.length > 1 ? 's' : ''}</text>` : '';
        return `<line class="step-used" x1="${px}" x2="${px}" y1="${TOP}" y2="${HEIGHT - BOTTOM}"><title>the check's step h = ${formatMagnitude(step)}</title></line>${label}`;
      })
      .join('') +
    lines.map((line) => linePath(line, x, y)).join('') +
    '</svg>';
  const legend = lines
    .map(
      (l) =>
        `<li><svg width="22" height="8"><line x1="0" x2="22" y1="4" y2="4" stroke="${l.colour}" stroke-width="2"${l.reference ? ' stroke-dasharray="4 3"' : ''}/></svg>${escapeHtml(l.label)}</li>`,
    )
    .join('');
  return `<figure class="sweep-figure">${svg}<ul class="legend">${legend}</ul></figure>`;
}

function axes(x: (step: number) => number, y: (error: number) => number, low: number, high: number): string {
  const every = high - low > 10 ? 2 : 1;
  const xTicks = Array.from({ length: X_DECADES[1] - X_DECADES[0] + 1 }, (_, i) => X_DECADES[0] + i);
  const yTicks = Array.from({ length: high - low + 1 }, (_, i) => low + i).filter((d) => (high - d) % every === 0);
  const bottom = HEIGHT - BOTTOM;
  return (
    xTicks
      .map((d) => {
        const px = round(x(10 ** d));
        return `<line class="grid" x1="${px}" x2="${px}" y1="${TOP}" y2="${bottom}"/><text class="tick" x="${px}" y="${bottom + 14}">1e${d}</text>`;
      })
      .join('') +
    yTicks
      .map((d) => {
        const py = round(y(10 ** d));
        return `<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${py}" y2="${py}"/><text class="tick y" x="${LEFT - 4}" y="${py + 3}">1e${d}</text>`;
      })
      .join('') +
    `<text class="axis-title" x="${(LEFT + WIDTH - RIGHT) / 2}" y="${HEIGHT - 4}">step h</text>` +
    `<text class="axis-title" transform="translate(11 ${(TOP + bottom) / 2}) rotate(-90)">relative error</text>`
  );
}

/** 10%: a line whose error varies less than this over nine decades of steps is flat: no step makes the value right. */
const FLAT = 0.1;

/** `, flat at 3.3e-1` when the error hardly moves with the step (a wrong value), else nothing. */
function flatness(sweep: SweepJson): string {
  const errors = sweep.points.map((p) => p.relError).filter((e): e is number => e !== null);
  if (errors.length === 0) return '';
  const [low, high] = [Math.min(...errors), Math.max(...errors)];
  return low > 0 && high <= (1 + FLAT) * low ? `: flat at ${formatMagnitude(low)} at every step` : '';
}

/** A polyline through the points that exist; a missing point breaks it. */
function linePath(line: Line, x: (step: number) => number, y: (error: number) => number): string {
  let d = '';
  let pen = 'M';
  for (const p of line.points) {
    if (p.error === null) {
      pen = 'M';
      continue;
    }
    d += `${pen}${round(x(p.step))} ${round(y(p.error))}`;
    pen = 'L';
  }
  const kind = line.reference ? 'sweep-reference' : 'sweep-line';
  return `<path class="${kind}" d="${d}" stroke="${line.colour}" stroke-width="${line.width}"><title>${escapeHtml(line.label)}</title></path>`;
}

const round = (value: number) => Math.round(value * 10) / 10;
