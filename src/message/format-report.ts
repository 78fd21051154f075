import { formatShape } from '../layout/entry-index.js';
import { planReason } from '../report/plan.js';
import type { EntryReport, GradientReport, ParameterReport } from '../report/report.js';
import { FLOAT32_NOISE, relativeNoise } from '../comparison/tolerance.js';
import { formatMagnitude, formatValue } from './format-number.js';

/** Colours for the message; the matcher passes the runner's, so NO_COLOR and --no-color hold. */
export interface Colors {
  /** The expected side of a diff: the numerical gradient. */
  readonly expected: (text: string) => string;
  /** The received side of a diff: the analytic gradient. */
  readonly received: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const plain = (text: string) => text;
export const NO_COLORS: Colors = { expected: plain, received: plain, dim: plain, bold: plain };

/** Failing entries shown per parameter, and failing parameters shown, before "… and N more". */
export const SHOWN_ENTRIES = 4;
export const SHOWN_PARAMETERS = 4;

/**
 * 1000 ulps of J: past this the cost's own rounding noise, not the tolerance, limits how small an
 * error the check can see, and the user should know (e.g. log(1 − a) with a a hair below 1).
 */
export const NOISY_COST_ULPS = 1000;

/**
 * The report as a person reads it. On failure: a summary, a table of every parameter, then for
 * each failing one its diagnosis and its worst entries as `- numeric` / `+ analytic` diff lines.
 * On success: that the gradients agree, and the largest error seen.
 */
export function formatReport(report: GradientReport, colors: Colors = NO_COLORS): string {
  return [
    ...(report.pass ? formatAgreement(report) : formatDisagreement(report, colors)),
    '',
    ...formatNotes(report),
  ].join('\n');
}

/** What the report's slots are called: a model's parameters, or the gradients of a layer's inputs. */
function noun(report: GradientReport): string {
  return report.layer ? 'input gradient' : 'parameter';
}

/** What the central differences were taken of, after "central differences": nothing for a cost J. */
function differenced(report: GradientReport): string {
  if (!report.layer) return '';
  const out = report.layer.outputs.map((o) => o.name).join(', ');
  return report.layer.jacobian === 'full' ? ` of each output entry` : ` of ⟨dout, ${out}⟩`;
}

function formatAgreement(report: GradientReport): string[] {
  const worst = report.parameters.reduce((a, b) => (b.maxAbsError > a.maxAbsError ? b : a));
  const largest = `largest |analytic − numeric| ${formatMagnitude(worst.maxAbsError)}, in ${worst.name}`;
  const slots = count(report.parameters.length, noun(report));
  if (report.mode === 'full') {
    const what = report.checkedEntries === report.entries ? `All ${report.entries} entries` : `All ${report.checkedEntries} sampled entries`;
    return [`${what} of ${slots} agree with central differences${differenced(report)} (${largest}).`];
  }
  const sampled = report.checkedEntries === 0 ? '' : `, and the ${report.checkedEntries} sampled entries one by one (${largest})`;
  return [
    `${slots} ${report.parameters.length === 1 ? 'agrees' : 'agree'} with central differences${differenced(report)}: ${count(report.parameters.length, 'random direction')} ` +
      `through all ${report.entries} entries${sampled}.`,
  ];
}

function formatDisagreement(report: GradientReport, colors: Colors): string[] {
  const failing = report.parameters.filter((p) => !p.pass);
  const shown = failing.slice(0, SHOWN_PARAMETERS);
  const hidden = failing.length - shown.length;
  return [
    `${count(failing.length, noun(report))} of ${report.parameters.length} disagree with central differences${differenced(report)}: ` +
      (report.checkedEntries === report.entries
        ? `${report.failingEntries} of ${report.entries} entries.`
        : `${report.failingEntries} of ${report.checkedEntries} entries checked (of ${report.entries}).`),
    ...(report.unverifiableEntries > 0
      ? [`${count(report.unverifiableEntries, 'of them', 'of them')} could not be verified: no step gave an estimate good enough to judge by (see below).`]
      : []),
    ...(report.gradientsAreParameters ? ["The gradients are the parameters' values, entry for entry: were params passed as the gradients?"] : []),
    '',
    ...formatTable(report.parameters, report.layer ? 'gradient' : 'parameter'),
    '',
    colors.expected('- numeric  (central differences)'),
    colors.received('+ analytic (received)'),
    ...shown.flatMap((p) => ['', ...formatParameter(p, colors)]),
    ...(hidden > 0 ? ['', colors.dim(`… and ${count(hidden, 'more failing parameter')}`)] : []),
  ];
}

/**
 * name, shape, relative difference, largest absolute error, failing / entries, ✓ or ✗; `what` heads
 * the names. A tensor checked along a random direction says so; a dash stands where nothing was measured.
 */
export function formatTable(parameters: readonly ParameterReport[], what = 'parameter'): string[] {
  const rows = [
    [what, 'shape', 'rel. difference', 'max |error|', 'failing', ''],
    ...parameters.map((p) => [
      p.name,
      formatShape(p.shape),
      p.checked === 0 ? '-' : formatMagnitude(p.difference),
      p.checked === 0 ? '-' : formatMagnitude(p.maxAbsError),
      checkedColumn(p),
      p.pass ? '✓' : '✗',
    ]),
  ];
  const widths = (rows[0] as string[]).map((_, column) => Math.max(...rows.map((row) => (row[column] as string).length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ')}`.trimEnd());
}

/** `2/15`, `0/8 sampled of 64`, `direction ✓ (64 entries)`, or both. */
function checkedColumn(p: ParameterReport): string {
  const entries = p.checked === p.size ? `${p.failing}/${p.size}` : p.checked > 0 ? `${p.failing}/${p.checked} sampled of ${p.size}` : '';
  const direction = p.directional ? `direction ${p.directional.pass ? '✓' : '✗'} (${p.size} entries)` : '';
  return [entries, direction].filter(Boolean).join(', ');
}

function formatParameter(parameter: ParameterReport, colors: Colors): string[] {
  const entries = parameter.worst.filter((e) => !e.pass).slice(0, SHOWN_ENTRIES);
  const labelWidth = Math.max(...entries.map((e) => e.label.length));
  const more = parameter.failing - entries.length;
  const { directional } = parameter;
  const checked = parameter.checked === parameter.size ? '' : ` checked (of ${parameter.size})`;
  const failingEntries = parameter.failing === 0 ? 'no entry checked disagrees' : `${parameter.failing} of ${parameter.checked} entries${checked} disagree`;
  return [
    colors.bold(`${parameter.name} (${formatShape(parameter.shape)}): ${failingEntries}`),
    ...(directional && !directional.pass
      ? [
          `  along a random direction: analytic ${formatValue(directional.analytic, directional.numeric)}, ` +
            `numeric ${formatValue(directional.numeric, directional.analytic)} (allowed ±${formatMagnitude(directional.allowed)})`,
        ]
      : []),
    ...(parameter.diagnosis ? [`  diagnosis: ${parameter.diagnosis.summary}`] : []),
    ...entries.flatMap((entry) => formatEntry(entry, labelWidth, colors)),
    ...(more > 0 ? [colors.dim(`  … and ${count(more, 'more failing entry', 'more failing entries')}`)] : []),
  ];
}

function formatEntry(entry: EntryReport, labelWidth: number, colors: Colors): string[] {
  const label = entry.label.padEnd(labelWidth);
  const numeric = formatValue(entry.numeric, entry.analytic);
  const analytic = formatValue(entry.analytic, entry.numeric);
  const width = Math.max(numeric.length, analytic.length);
  const kink = entry.kink
    ? `, at a kink: one-sided slopes ${formatValue(entry.left, entry.right)} and ${formatValue(entry.right, entry.left)}`
    : '';
  const unverifiable =
    entry.unverifiable === undefined
      ? ''
      : `, unverifiable: ${entry.unverifiable === 'kink' ? 'a kink or branch cut closer than any usable step' : "the cost's rounding noise over every usable step"}`;
  return [
    colors.expected(`- ${label}  numeric   ${numeric.padStart(width)}`),
    `${colors.received(`+ ${label}  analytic  ${analytic.padStart(width)}`)}  ${colors.dim(`rel. error ${formatMagnitude(entry.relError)}${kink}${unverifiable}`)}`,
  ];
}

/** What a fast or sampled check did, with the seed that reproduces it. */
function formatCoverage(report: GradientReport): string[] {
  const { mode, checkedEntries, entries, evaluations, options } = report;
  if (mode === 'full' && checkedEntries === entries) return [];
  const plan = options.mode === 'auto' && report.plan ? [`Plan: ${mode}, because ${planReason(report.plan)}.`] : [];
  const directions = mode === 'fast' ? `one random direction through each of ${count(report.parameters.length, noun(report))}, then ` : '';
  return [
    ...plan,
    `${mode === 'fast' ? 'Fast' : 'Sampled'} check (seed ${options.seed}): ${directions}${checkedEntries} of ${entries} entries one by one; ` +
      `${evaluations} forward calls. { seed: ${options.seed} } reproduces it; { mode: 'full' } checks every entry.`,
  ];
}

/** Coverage, kinks judged, unverifiable entries, a noisy cost, and the notebook's single number. */
function formatNotes(report: GradientReport): string[] {
  const ulps = report.costNoise === undefined ? 0 : report.costNoise / (Number.EPSILON * Math.max(Math.abs(report.cost), Number.MIN_VALUE));
  return [
    ...formatLayer(report),
    ...formatCoverage(report),
    ...(report.kinks > 0
      ? [
          `${count(report.kinks, 'entry', 'entries')} sat at kinks (ReLU at 0, max near a tie, |·| at 0…) ` +
            'and were judged at smaller steps past them, or by their one-sided slopes.',
        ]
      : []),
    ...formatUnverifiable(report),
    ...(ulps > NOISY_COST_ULPS
      ? [
          `The cost itself is noisy: σ ≈ ${formatMagnitude(report.costNoise as number)} (${formatMagnitude(ulps)} ulps of J = ${formatValue(report.cost, report.cost)}), ` +
            `${noiseCause(report)}; errors smaller than that noise over the step cannot be seen.`,
        ]
      : []),
    ...formatGlobalDifference(report),
  ];
}

/** What to do about entries no step could verify. */
function formatUnverifiable(report: GradientReport): string[] {
  if (report.unverifiableEntries === 0) return [];
  return [
    `${count(report.unverifiableEntries, 'entry', 'entries')} could not be verified: every step that resolves ${report.unverifiableEntries === 1 ? 'it' : 'them'} ` +
      "is too coarse for the cost's rounding noise, or crosses a kink or branch cut. Keep the parameters in a Float64Array or " +
      'number[] (float64) if they are float32, check at another point away from the kink, or accept coarser estimates with a larger { tolerance }.',
  ];
}

/** Why a cost is noisy: float32 arithmetic (relative noise past 1e-8), or digits lost in float64. */
function noiseCause(report: GradientReport): string {
  return relativeNoise(report.costNoise as number, report.cost) > FLOAT32_NOISE
    ? 'as when it is computed in float32 somewhere (Float32Array, a float32 library)'
    : 'as when log(1 − a) is taken with a a hair below 1';
}

/** The notebook's single number, over what was checked one by one; the per-entry verdicts decide. */
function formatGlobalDifference(report: GradientReport): string[] {
  if (report.checkedEntries === 0) return [];
  const over = report.checkedEntries === report.entries ? `all ${report.entries} entries` : `the ${report.checkedEntries} entries checked one by one`;
  const reading = readDifference(report.difference, report.pass);
  return [
    `Global difference ${formatMagnitude(report.difference)} (the notebook's formula over ${over}; the per-entry verdicts decide)${reading ? `: ${reading}` : ''}.`,
  ];
}

/** For a layer check: a backward that ignores dout, and what dout was. */
function formatLayer(report: GradientReport): string[] {
  const { layer } = report;
  if (!layer) return [];
  const ignores = layer.ignoresDout
    ? [
        'backward ignores dout: it returned the very same gradients for two different dout (written for dout = 1, as for a scalar loss?). ' +
          'Each gradient must be the upstream dout pulled back through the layer, Jᵀ·dout.',
      ]
    : [];
  const dout =
    layer.jacobian === 'full'
      ? `Full Jacobian: backward(inputs, e_j) for each of the ${report.parameters[0]?.shape[0]} output entries, against central differences of that entry.`
      : layer.dout === 'seeded'
        ? `dout: seeded random (seed ${report.options.seed}), magnitudes 0.5 to 1.5; { dout } fixes it, { jacobian: 'full' } checks every output entry.`
        : 'dout: as given in options.dout.';
  return [...ignores, dout];
}

/**
 * The notebook's reading of its global difference, given only where it agrees with the per-entry
 * verdict that decides ("good" on a pass, "probably wrong" on a failure); otherwise none.
 */
export function readDifference(difference: number, pass: boolean): string {
  if (pass && difference <= 1e-7) return "below 1e-7, the notebook's \"good\"";
  if (!pass && difference > 1e-2) return "above 1e-2, the notebook's \"probably wrong\"";
  return '';
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
