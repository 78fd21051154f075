import { describe, expect, it } from 'vitest';
import { UNCHECKED_COLOUR } from '../../src/html/colour-scale.js';
import { type HeatmapCell, heatmapHtml, MAX_CELLS, slicesOf, VECTOR_WRAP } from '../../src/html/heatmap.js';

const cells = (values: (number | null)[], failing: number[] = [], kinks: number[] = []): HeatmapCell[] =>
  values.map((value, k) => ({ value, title: `W[${k}] value ${value}`, fail: failing.includes(k), kink: kinks.includes(k) }));

/** The class lists of the rects, in drawing order. */
const rects = (html: string) => [...html.matchAll(/<rect class="([^"]*)"/g)].map((m) => m[1]!.split(' '));

describe('slices of a parameter', () => {
  it('draws a scalar as 1×1, a vector as a column (wrapped when long), a matrix as itself', () => {
    expect(slicesOf([])).toEqual([{ label: '', offset: 0, rows: 1, columns: 1 }]);
    expect(slicesOf([5])).toEqual([{ label: '', offset: 0, rows: 5, columns: 1 }]);
    expect(slicesOf([100])).toEqual([{ label: '', offset: 0, rows: Math.ceil(100 / VECTOR_WRAP), columns: VECTOR_WRAP }]);
    expect(slicesOf([3, 5])).toEqual([{ label: '', offset: 0, rows: 3, columns: 5 }]);
  });

  it('cuts a rank-4 tensor into 2-D slices over its leading indices, row-major', () => {
    const slices = slicesOf([2, 3, 4, 5]);
    expect(slices.map((s) => s.label)).toEqual(['[0,0,:,:]', '[0,1,:,:]', '[0,2,:,:]', '[1,0,:,:]', '[1,1,:,:]', '[1,2,:,:]']);
    expect(slices.map((s) => s.offset)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(slices.every((s) => s.rows === 4 && s.columns === 5)).toBe(true);
  });
});

describe('heatmap', () => {
  it('draws one cell per entry, outlines the failing ones and draws them last', () => {
    const html = heatmapHtml({ caption: 'analytic', shape: [2, 3], cells: cells([1, -2, 3, 0, 5, -6], [1, 4]), limit: 6 });
    const drawn = rects(html);
    expect(drawn).toHaveLength(6);
    expect(drawn.slice(-2).every((c) => c.includes('fail'))).toBe(true);
    expect(drawn.filter((c) => c.includes('fail'))).toHaveLength(2);
    expect(html).toContain('<title>W[1] value -2</title>');
    expect(html).toContain('fill="#2166ac"'); // −6 at the limit
  });

  it('places cells row-major: entry k at column k mod c, row k div c', () => {
    const html = heatmapHtml({ caption: 'c', shape: [2, 3], cells: cells([1, 2, 3, 4, 5, 6]), limit: 6 });
    const xy = [...html.matchAll(/<rect class="cell" x="(\d+)" y="(\d+)" width="(\d+)"/g)].map((m) => m.slice(1).map(Number));
    const [x0, y0, size] = xy[0]!;
    expect(xy[4]).toEqual([x0! + size!, y0! + size!, size]);
  });

  it('marks kinks and unchecked entries, and numbers rows and columns of a small matrix', () => {
    const html = heatmapHtml({ caption: 'c', shape: [1, 3], cells: cells([1, null, 3], [], [2]), limit: 3 });
    expect(rects(html)).toEqual([['cell'], ['cell', 'unchecked'], ['cell', 'kink']]);
    expect(html).toContain(`fill="${UNCHECKED_COLOUR}"`);
    expect(html.match(/<text class="axis/g)).toHaveLength(4);
  });

  it('draws each slice of a rank-3 tensor with its label', () => {
    const html = heatmapHtml({ caption: 'c', shape: [2, 2, 2], cells: cells([1, 2, 3, 4, 5, 6, 7, 8], [5]), limit: 8 });
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html).toContain('[1,:,:]');
    expect(rects(html).filter((c) => c.includes('fail'))).toHaveLength(1);
  });

  it('escapes what it prints, and says when a parameter is too large to draw', () => {
    expect(heatmapHtml({ caption: '<b>', shape: [1], cells: [{ value: 1, title: 'a<b', fail: false, kink: false }], limit: 1 })).toContain(
      '<title>a&#60;b</title>',
    );
    const huge = heatmapHtml({ caption: 'W', shape: [MAX_CELLS + 1], cells: cells(new Array(MAX_CELLS + 1).fill(0)), limit: 1 });
    expect(huge).toContain('too many to draw');
    expect(huge).not.toContain('<rect');
  });
});
