import { entryIndex, everyIndex } from '../layout/entry-index.js';
import { divergingColour } from './colour-scale.js';
import { escapeHtml } from './escape.js';

/** One entry of a heatmap. */
export interface HeatmapCell {
  /** Null where the entry was not checked: drawn grey. */
  readonly value: number | null;
  /** What hovering shows: the entry's label and values. */
  readonly title: string;
  readonly fail: boolean;
  readonly kink: boolean;
}

export interface Heatmap {
  readonly caption: string;
  readonly shape: readonly number[];
  /** Row-major, one per entry. */
  readonly cells: readonly HeatmapCell[];
  /** The colour scale runs from −limit to +limit. */
  readonly limit: number;
}

/** One 2-D slice of a parameter: a matrix is one, a rank-3 tensor [d, r, c] is d of them. */
export interface Slice {
  /** `[2,:,:]` for a slice of a higher-rank tensor; empty for a matrix, a vector or a scalar. */
  readonly label: string;
  readonly offset: number;
  readonly rows: number;
  readonly columns: number;
}

/** 40,000 cells (200×200): past this an SVG heatmap gets slow to open; the page lists the failing entries instead. */
export const MAX_CELLS = 40_000;

/** Vectors longer than this are wrapped into rows of VECTOR_WRAP entries rather than drawn as one tall column. */
export const VECTOR_WRAP = 32;

/** A heatmap's width budget, and its cells' smallest and largest side, in CSS pixels. */
const WIDTH = 260;
const MIN_CELL = 3;
const MAX_CELL = 32;

/** Cells at least this large get their row and column numbers drawn beside them. */
const NUMBERED_CELL = 16;
const MARGIN = 16;

/** A parameter's entries as 2-D slices: a scalar 1×1, a vector a column (wrapped when long), a matrix itself, higher ranks one slice per leading index. */
export function slicesOf(shape: readonly number[]): Slice[] {
  if (shape.length === 0) return [{ label: '', offset: 0, rows: 1, columns: 1 }];
  if (shape.length === 1) {
    const n = shape[0] as number;
    const columns = n > VECTOR_WRAP ? VECTOR_WRAP : 1;
    return [{ label: '', offset: 0, rows: Math.ceil(n / columns), columns }];
  }
  if (shape.length === 2) return [{ label: '', offset: 0, rows: shape[0] as number, columns: shape[1] as number }];
  const [rows, columns] = shape.slice(-2) as [number, number];
  const leading = shape.slice(0, -2);
  const count = leading.reduce((n, d) => n * d, 1);
  return Array.from({ length: count }, (_, s) => ({
    label: `[${[...entryIndex(leading, s), ':', ':'].join(',')}]`,
    offset: s * rows * columns,
    rows,
    columns,
  }));
}

/**
 * A heatmap as inline SVG, one per 2-D slice: each entry a square on the diverging scale, failing
 * entries outlined (drawn last, so no neighbour covers the outline), entries at a kink dashed,
 * unchecked ones grey, and the entry's label and values in its tooltip.
 */
export function heatmapHtml(map: Heatmap): string {
  if (map.cells.length > MAX_CELLS) {
    return `<figure class="heatmap too-large"><figcaption>${escapeHtml(map.caption)}</figcaption><p>${map.cells.length} entries: too many to draw.</p></figure>`;
  }
  const slices = slicesOf(map.shape);
  const width = slices.length > 1 ? WIDTH / 2 : WIDTH;
  const svgs = slices.map((slice) => sliceSvg(map, slice, width)).join('');
  return `<figure class="heatmap"><figcaption>${escapeHtml(map.caption)}</figcaption><div class="slices">${svgs}</div></figure>`;
}

function sliceSvg(map: Heatmap, slice: Slice, width: number): string {
  const cell = Math.max(MIN_CELL, Math.min(MAX_CELL, Math.floor(width / slice.columns)));
  const numbered = cell >= NUMBERED_CELL;
  const margin = numbered ? MARGIN : 1;
  const w = margin + slice.columns * cell + 1;
  const h = margin + slice.rows * cell + 1;
  const positions = everyIndex(Math.min(slice.rows * slice.columns, map.cells.length - slice.offset));
  const rect = (i: number) => {
    const c = map.cells[slice.offset + i] as HeatmapCell;
    const classes = ['cell', c.fail && 'fail', c.kink && 'kink', c.value === null && 'unchecked'].filter(Boolean).join(' ');
    const x = margin + (i % slice.columns) * cell;
    const y = margin + Math.floor(i / slice.columns) * cell;
    return (
      `<rect class="${classes}" x="${x}" y="${y}" width="${cell}" height="${cell}" fill="${divergingColour(c.value, map.limit)}">` +
      `<title>${escapeHtml(c.title)}</title></rect>`
    );
  };
  const failing = (i: number) => (map.cells[slice.offset + i] as HeatmapCell).fail;
  const numbers = numbered
    ? [
        ...Array.from({ length: slice.columns }, (_, j) => `<text class="axis" x="${margin + (j + 0.5) * cell}" y="${margin - 4}">${j}</text>`),
        ...Array.from({ length: slice.rows }, (_, i) => `<text class="axis row" x="${margin - 4}" y="${margin + (i + 0.5) * cell}">${i}</text>`),
      ].join('')
    : '';
  const label = slice.label ? `<div class="slice-label">${escapeHtml(slice.label)}</div>` : '';
  return (
    `<div class="slice">${label}<svg class="heatmap-svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" role="img">` +
    numbers +
    positions.filter((i) => !failing(i)).map(rect).join('') +
    positions.filter(failing).map(rect).join('') +
    '</svg></div>'
  );
}
