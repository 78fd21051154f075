import { formatShape } from '../layout/entry-index.js';
import type { EntryReport, GradientReport, ParameterReport } from '../report/report.js';
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
export const SHOWN_ENTRIES = 5;
export const SHOWN_PARAMETERS = 4;

/**
 * The report as a person reads it: on failure, a summary, a table of parameters and the worst
 * entries as `- numeric` / `+ analytic` diff lines; on success, that the gradients agree.
 */
export function formatReport(report: GradientReport, colors: Colors = NO_COLORS): string {
  return report.pass ? formatAgreement(report) : formatDisagreement(report, colors);
}

function formatAgreement(report: GradientReport): string {
  const worst = report.parameters.reduce((a, b) => (b.maxAbsError > a.maxAbsError ? b : a));
  const where = ` (largest |analytic − numeric| ${formatMagnitude(worst.maxAbsError)}, in ${worst.name})`;
  return [
    `All ${report.entries} entries of ${count(report.parameters.length, 'parameter')} agree with central differences${where}.`,
    '',
    formatDifference(report.difference),
  ].join('\n');
}

function formatDisagreement(report: GradientReport, colors: Colors): string {
  const failing = report.parameters.filter((p) => !p.pass);
  const shown = failing.slice(0, SHOWN_PARAMETERS);
  const hidden = failing.length - shown.length;
  return [
    `${count(failing.length, 'parameter')} of ${report.parameters.length} disagree with central differences: ` +
      `${report.failingEntries} of ${report.entries} entries.`,
    '',
    ...formatTable(report.parameters),
    '',
    `${colors.expected('- numeric  (central differences)')}`,
    `${colors.received('+ analytic (received)')}`,
    ...shown.flatMap((p) => ['', ...formatEntries(p, colors)]),
    ...(hidden > 0 ? ['', colors.dim(`… and ${count(hidden, 'more failing parameter')}`)] : []),
    '',
    formatDifference(report.difference),
  ].join('\n');
}

function formatTable(parameters: readonly ParameterReport[]): string[] {
  const rows = [
    ['parameter', 'shape', 'rel. difference', 'max |error|', 'failing', ''],
    ...parameters.map((p) => [
      p.name,
      formatShape(p.shape),
      formatMagnitude(p.difference),
      formatMagnitude(p.maxAbsError),
      `${p.failing}/${p.size}`,
      p.pass ? '✓' : '✗',
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ')}`.trimEnd());
}

function formatEntries(parameter: ParameterReport, colors: Colors): string[] {
  const failing = parameter.worst.filter((e) => !e.pass).slice(0, SHOWN_ENTRIES);
  const width = Math.max(...failing.map((e) => e.label.length));
  const lines = failing.flatMap((entry) => formatEntry(entry, width, colors));
  const more = parameter.failing - failing.length;
  return more > 0 ? [...lines, colors.dim(`  … and ${count(more, 'more failing entry', 'more failing entries')} in ${parameter.name}`)] : lines;
}

function formatEntry(entry: EntryReport, width: number, colors: Colors): string[] {
  const label = entry.label.padEnd(width);
  const numeric = formatValue(entry.numeric, entry.analytic);
  const analytic = formatValue(entry.analytic, entry.numeric);
  const valueWidth = Math.max(numeric.length, analytic.length);
  return [
    colors.expected(`- ${label}  numeric   ${numeric.padStart(valueWidth)}`),
    `${colors.received(`+ ${label}  analytic  ${analytic.padStart(valueWidth)}`)}  ${colors.dim(`rel. error ${formatMagnitude(entry.relError)}`)}`,
  ];
}

/** The notebook's single number, with the notebook's own reading of it. */
function formatDifference(difference: number): string {
  return `Global difference ${formatMagnitude(difference)} (the notebook's formula over all parameters): ${readDifference(difference)}.`;
}

function readDifference(difference: number): string {
  if (difference > 1e-2) return 'above 1e-2, probably wrong';
  if (difference > 1e-4) return 'between 1e-4 and 1e-2, uncomfortable';
  if (difference > 1e-7) return 'below 1e-4, fine for objectives with kinks';
  return 'below 1e-7, good';
}

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
