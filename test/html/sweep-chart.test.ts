import { describe, expect, it } from 'vitest';
import { sweepChartHtml } from '../../src/html/sweep-chart.js';
import type { SweepJson } from '../../src/report/report-json.js';

const steps = Array.from({ length: 28 }, (_, i) => 10 ** (-1 - i / 3));

/** A swept entry whose central differences are `numeric(h)`; analytic `analytic`, the check's estimate 1. */
function sweep(label: string, analytic: number, numeric: (h: number) => number | null, step = 2 ** -17): SweepJson {
  return {
    parameter: 'W2',
    index: [2, 0],
    label,
    analytic,
    estimate: 1,
    step,
    points: steps.map((h) => {
      const n = numeric(h);
      return { step: h, numeric: n, relError: n === null ? null : Math.abs(analytic - n) / (Math.abs(analytic) + Math.abs(n)) };
    }),
  };
}

// A smooth cost's central differences: truncation h², rounding 1e-16/h.
const central = (h: number) => 1 + h * h + 1e-16 / h;

describe('step-size sweep chart', () => {
  it('draws one line per swept entry, the V a correct value draws dashed, and the check’s step', () => {
    const html = sweepChartHtml([sweep('W2[2,0]', 3, central), sweep('W2[2,3]', 3, central, 1.6e-5)]);
    expect(html.match(/<path class="sweep-line"/g)).toHaveLength(2);
    expect(html.match(/<path class="sweep-reference"/g)).toHaveLength(1);
    expect(html.match(/<line class="step-used"/g)).toHaveLength(2);
    expect(html).toContain("the check's steps");
    expect(html).toContain('W2[2,0]: analytic 3, numeric 1: flat at 5.0e-1 at every step');
  });

  it('puts the small steps left and the large right, on log axes from 1e-10 to 1e-1', () => {
    const html = sweepChartHtml([sweep('W[0]', 3, central)]);
    const ticks = [...html.matchAll(/<text class="tick" x="([\d.]+)" y="[\d.]+">1e(-?\d+)<\/text>/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(ticks.map(([, d]) => d)).toEqual([-10, -9, -8, -7, -6, -5, -4, -3, -2, -1]);
    const gaps = ticks.slice(1).map(([x], i) => x! - ticks[i]![0]!);
    expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(0.2); // one decade, one width
  });

  it('draws the reference V with its minimum between the ends, and a wrong value flat above it', () => {
    const html = sweepChartHtml([sweep('W[0]', 3, central)]);
    const ys = (kind: string) =>
      [...html.match(new RegExp(`<path class="${kind}" d="([^"]+)"`))![1]!.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    const v = ys('sweep-reference');
    const lowest = Math.max(...v); // SVG y grows downwards
    expect(v.indexOf(lowest)).toBeGreaterThan(0);
    expect(v.indexOf(lowest)).toBeLessThan(v.length - 1);
    const flat = ys('sweep-line');
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(0.5);
    expect(Math.max(...flat)).toBeLessThan(Math.min(...v));
  });

  it('breaks a line where a step could not be taken, and draws nothing without sweeps', () => {
    const html = sweepChartHtml([sweep('W[0]', 3, (h) => (h < 1e-8 ? null : central(h)))]);
    const d = html.match(/<path class="sweep-line" d="([^"]+)"/)![1]!;
    expect(d.match(/M/g)).toHaveLength(1);
    expect(d.match(/L/g)!.length).toBeLessThan(27);
    expect(sweepChartHtml([])).toBe('');
  });
});
