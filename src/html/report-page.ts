import { entryIndex, entryLabel, formatShape } from '../layout/entry-index.js';
import { formatMagnitude, formatValue } from '../message/format-number.js';
import { readDifference } from '../message/format-report.js';
import type { ParameterJson, ReportJson } from '../report/report-json.js';
import { scaleStops } from './colour-scale.js';
import { escapeHtml } from './escape.js';
import { type HeatmapCell, heatmapHtml } from './heatmap.js';
import { PAGE_STYLE } from './page-style.js';
import { sweepChartHtml } from './sweep-chart.js';

/**
 * One self-contained HTML page for a folder of reports: a summary, then one section per check,
 * failing checks first. A failing parameter shows its analytic, numeric and error heatmaps, its
 * diagnosis and its step-size sweep; passing checks and parameters are folded away.
 */
export function reportPageHtml(reports: readonly ReportJson[], title = 'gradcheck report'): string {
  const ordered = reports.map((report, i) => ({ report, i })).sort((a, b) => Number(a.report.pass) - Number(b.report.pass) || a.i - b.i);
  const failing = reports.filter((r) => !r.pass).length;
  const summary = `${count(reports.length, 'check')}: ${failing === 0 ? 'all pass' : `${failing} failing`}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${PAGE_STYLE}</style>`,
    '</head><body>',
    `<header><h1>${escapeHtml(title)}</h1><p class="summary ${failing === 0 ? 'pass' : 'fail'}">${summary}</p>`,
    `<ol class="toc">${ordered.map(({ report }, n) => `<li class="${report.pass ? 'pass' : 'fail'}"><a href="#check-${n + 1}">${mark(report.pass)} ${escapeHtml(checkTitle(report, n))}</a></li>`).join('')}</ol></header>`,
    '<main>',
    ...ordered.map(({ report }, n) => checkSection(report, n)),
    '</main></body></html>',
  ].join('\n');
}

function checkTitle(report: ReportJson, n: number): string {
  return report.test.name ?? `check ${n + 1}`;
}

function checkSection(report: ReportJson, n: number): string {
  const failing = report.parameters.filter((p) => !p.pass);
  const passing = report.parameters.filter((p) => p.pass);
  const verdict = report.pass
    ? `All ${report.checkedEntries} entries checked agree with central differences.`
    : `${count(failing.length, 'parameter')} of ${report.parameters.length} disagree: ${report.failingEntries} of ${report.checkedEntries} entries checked.`;
  const body = [
    `<p class="verdict">${verdict}</p>`,
    `<p class="plan">${planLine(report)}</p>`,
    parameterTable(report.parameters),
    ...failing.map((p) => parameterSection(report, p)),
    passing.length === 0
      ? ''
      : `<details class="passing"><summary>${count(passing.length, 'parameter')} agree: ${passing.map((p) => escapeHtml(p.name)).join(', ')}</summary>${passing.map((p) => parameterSection(report, p)).join('')}</details>`,
  ].join('\n');
  const heading = `${mark(report.pass)} ${escapeHtml(checkTitle(report, n))}`;
  const file = report.test.file === null ? '' : ` <span class="file">${escapeHtml(report.test.file)}</span>`;
  const open = report.pass ? '' : ' open';
  return `<section id="check-${n + 1}" class="check ${report.pass ? 'pass' : 'fail'}"><details${open}><summary><h2>${heading}${file}</h2></summary>${body}</details></section>`;
}

/** The notebook's reading of the global difference, where it agrees with the verdict. */
function readingOf(report: ReportJson): string {
  const reading = readDifference(report.difference, report.pass);
  return reading ? `: ${reading}` : '';
}

function planLine(report: ReportJson): string {
  const { plan } = report;
  const step = plan.epsilon === null ? 'step scaled to each entry' : `step ${plan.epsilon}`;
  const sweeps = plan.sweepForwards > 0 ? ` (+${plan.sweepForwards} for the step-size sweeps)` : '';
  return escapeHtml(
    `${plan.mode} check, ${plan.forwards} forwards${sweeps}, seed ${plan.seed}, ${step}, tolerance ${plan.tolerance.toExponential()}. ` +
      `Global difference ${formatMagnitude(report.difference)} (the per-entry verdicts decide)${readingOf(report)}.`,
  );
}

function parameterTable(parameters: readonly ParameterJson[]): string {
  const rows = parameters
    .map(
      (p) =>
        `<tr class="${p.pass ? 'pass' : 'fail'}"><td>${escapeHtml(p.name)}</td><td>${formatShape(p.shape)}</td>` +
        `<td>${formatMagnitude(p.difference)}</td><td>${formatMagnitude(p.maxAbsError)}</td>` +
        `<td>${p.failing}/${p.checked}${p.checked === p.size ? '' : ` of ${p.size}`}</td><td>${mark(p.pass)}</td></tr>`,
    )
    .join('');
  return `<table class="parameters"><thead><tr><th>parameter</th><th>shape</th><th>rel. difference</th><th>max |error|</th><th>failing</th><th></th></tr></thead><tbody>${rows}</tbody></table>`;
}

function parameterSection(report: ReportJson, p: ParameterJson): string {
  const title = `${escapeHtml(p.name)} <span class="shape">${formatShape(p.shape)}</span>`;
  const status = p.pass ? 'agrees' : `${p.failing} of ${p.checked} entries disagree`;
  const diagnosis = p.diagnosis ? `<p class="diagnosis">${escapeHtml(p.diagnosis.summary)}</p>` : '';
  const sweeps = report.sweeps.filter((s) => s.parameter === p.name);
  const sweep =
    sweeps.length === 0
      ? ''
      : `<div class="sweep-block"><h4>Relative error against step h, worst entries</h4>${sweepChartHtml(sweeps)}</div>`;
  return `<article class="parameter ${p.pass ? 'pass' : 'fail'}" data-parameter="${escapeHtml(p.name)}"><h3>${mark(p.pass)} ${title}: ${status}</h3>${diagnosis}<div class="parameter-body">${heatmaps(p)}${sweep}</div></article>`;
}

/**
 * Analytic and numeric on one scale (a wrong factor shows as a darker or lighter twin); the error on
 * its own, reaching at least the largest error allowed, so a passing parameter's rounding noise stays pale.
 */
function heatmaps(p: ParameterJson): string {
  const numeric = p.estimate;
  const errors = p.analytic.map((a, k) => (numeric[k] === null ? null : a - (numeric[k] as number)));
  const valueLimit = maxAbs([...p.analytic, ...numeric]);
  const errorLimit = Math.max(maxAbs(errors), maxAbs(p.allowed));
  const kinks = new Set(p.atKink);
  const titles = p.analytic.map((_, k) => entryTitle(p, k, kinks.has(k)));
  const cells = (values: readonly (number | null)[]): HeatmapCell[] =>
    values.map((value, k) => ({ value, title: titles[k] as string, fail: p.verdicts[k] === 'fail' || p.verdicts[k] === 'unverifiable', kink: kinks.has(k) }));
  return (
    '<div class="heatmap-block"><div class="heatmaps">' +
    heatmapHtml({ caption: 'analytic (received)', shape: p.shape, cells: cells(p.analytic), limit: valueLimit }) +
    heatmapHtml({ caption: 'numeric (central differences)', shape: p.shape, cells: cells(numeric), limit: valueLimit }) +
    heatmapHtml({ caption: 'error (analytic − numeric)', shape: p.shape, cells: cells(errors), limit: errorLimit }) +
    `</div><div class="scales">${scaleLegend('values', valueLimit)}${scaleLegend('error', errorLimit)}</div></div>`
  );
}

/** An entry's verdict as its hover text says it; an unverifiable entry is outlined as a failing one. */
const VERDICT_WORDS = { pass: 'passes', fail: 'fails', unverifiable: 'fails: no step could verify it' } as const;

function entryTitle(p: ParameterJson, k: number, atKink: boolean): string {
  const label = entryLabel(p.name, entryIndex(p.shape, k));
  const a = p.analytic[k] as number;
  const n = p.estimate[k] ?? null;
  if (n === null) return `${label}\nanalytic ${formatValue(a, a)}\nnot checked`;
  const verdict = VERDICT_WORDS[p.verdicts[k] as 'pass' | 'fail' | 'unverifiable'];
  const kink = atKink ? ' (at a kink)' : '';
  return `${label}\nanalytic ${formatValue(a, n)}\nnumeric ${formatValue(n, a)}\nerror ${formatMagnitude(Math.abs(a - n))}\n${verdict}${kink}`;
}

function scaleLegend(what: string, limit: number): string {
  const gradient = `linear-gradient(to right, ${scaleStops().join(', ')})`;
  return `<div class="scale"><span>${what}</span><span>−${formatMagnitude(limit)}</span><span class="bar" style="background: ${gradient}"></span><span>+${formatMagnitude(limit)}</span></div>`;
}

function maxAbs(values: readonly (number | null)[]): number {
  return values.reduce<number>((m, v) => (v === null ? m : Math.max(m, Math.abs(v))), 0);
}

const mark = (pass: boolean) => (pass ? '✓' : '✗');

function count(n: number, singular: string): string {
  return `${n} ${n === 1 ? singular : `${singular}s`}`;
}
