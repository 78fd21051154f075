import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { forwardPropagationN } from '../../examples/notebook/network.js';
import { reportPageHtml } from '../../src/html/report-page.js';
import { checkGradients } from '../../src/index.js';
import { type ReportJson, reportJson } from '../../src/report/report-json.js';
import { notebookCase } from '../models/notebook-case.js';

const reportDir = mkdtempSync(join(tmpdir(), 'gradcheck-page-'));
afterAll(() => rmSync(reportDir, { recursive: true, force: true }));

function notebookReports(): { buggy: ReportJson; correct: ReportJson } {
  const { x, y, parameters, buggy, correct } = notebookCase();
  const json = (g: object, name: string) =>
    reportJson(checkGradients(g, forwardPropagationN, parameters, x, y, { reportDir }), 'gradients', { name, file: 'test/net.test.ts' });
  return { correct: json(correct, 'corrected backprop'), buggy: json(buggy, 'buggy backprop') };
}

/** The section of check `id` (1-based, in page order). */
const section = (html: string, id: number) => html.slice(html.indexOf(`<section id="check-${id}"`), html.indexOf('</section>', html.indexOf(`<section id="check-${id}"`)));

describe('the report page', () => {
  const { buggy, correct } = notebookReports();
  const html = reportPageHtml([correct, buggy]);

  it('puts failing checks first, open, and folds passing ones away', () => {
    expect(html.indexOf('buggy backprop')).toBeLessThan(html.indexOf('corrected backprop'));
    expect(section(html, 1)).toMatch(/^<section id="check-1" class="check fail"><details open>/);
    expect(section(html, 2)).toMatch(/^<section id="check-2" class="check pass"><details>/);
    expect(html).toContain('2 checks: 1 failing');
  });

  it('shows each failing parameter with its diagnosis, three heatmaps and its sweep, the passing ones folded', () => {
    const failing = section(html, 1);
    for (const name of ['b1', 'W2']) {
      const article = failing.slice(failing.indexOf(`data-parameter="${name}"`));
      const own = article.slice(0, article.indexOf('</article>'));
      expect(own.match(/<figure class="heatmap">/g)).toHaveLength(3);
      expect(own.match(/<svg class="sweep"/g)).toHaveLength(1);
    }
    expect(failing).toContain('3× too large: analytic = 3 × numeric on every entry');
    expect(failing).toContain('2× too large: analytic = 2 × numeric on every entry');
    expect(failing).toMatch(/<details class="passing"><summary>4 parameters agree: W1, b2, W3, b3<\/summary>/);
  });

  it('outlines exactly the failing entries, in all three heatmaps, with their labels on hover', () => {
    const failingCells = [...html.matchAll(/<rect class="cell fail"[^>]*><title>([^<]*)<\/title>/g)].map((m) => m[1]!.split('\n')[0]);
    const failingEntries = buggy.parameters.flatMap((p) =>
      p.verdicts.flatMap((v, k) => (v === 'fail' ? [`${p.name}[${Math.floor(k / p.shape[1]!)},${k % p.shape[1]!}]`] : [])),
    );
    expect(failingEntries).toHaveLength(8);
    expect(failingCells.sort()).toEqual([...failingEntries, ...failingEntries, ...failingEntries].sort());
    expect(html).toMatch(/<title>W2\[2,0\]\nanalytic 2\.7474\d*\nnumeric 0\.915802\d*\nerror 1\.8e\+0\nfails<\/title>/);
  });

  it('draws analytic and numeric on one scale, so W2’s 3× shows as a darker twin', () => {
    const W2 = section(html, 1).slice(section(html, 1).indexOf('data-parameter="W2"'));
    const fills = [...W2.matchAll(/<rect class="cell fail"[^>]*fill="(#[0-9a-f]{6})"><title>W2\[2,0\]/g)].map((m) => m[1]);
    expect(fills).toHaveLength(3);
    expect(fills[0]).toBe('#b2182b'); // analytic 2.75: the largest value, the scale's end
    expect(fills[1]).not.toBe(fills[0]); // numeric 0.92: a third of the way
  });

  it('keeps a passing parameter’s rounding noise pale on the error scale, which reaches the error allowed', () => {
    const passing = section(html, 2);
    const W1 = passing.slice(passing.indexOf('data-parameter="W1"'));
    const errorMap = W1.slice(W1.indexOf('error (analytic − numeric)'), W1.indexOf('</figure>', W1.indexOf('error (analytic − numeric)')));
    const fills = [...errorMap.matchAll(/fill="#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})"/g)].map((m) => m.slice(1).map((c) => Number.parseInt(c, 16)));
    expect(fills).toHaveLength(20);
    for (const channels of fills) for (const c of channels) expect(Math.abs(c - 0xf7)).toBeLessThan(8);
  });

  it('is self-contained: no script, no external resource, and escapes what tests name', () => {
    const named = reportPageHtml([{ ...correct, test: { name: '<img src=x onerror=alert(1)>', file: null } }]);
    expect(named).not.toContain('<img');
    expect(named).toContain('&#60;img src=x onerror=alert(1)&#62;');
    for (const page of [html, named]) {
      expect(page).not.toMatch(/<script|<link|src="|href="(?!#)/);
    }
  });

  it('draws a rank-3 parameter as a grid of 2-D slices', () => {
    const [p] = correct.parameters;
    const cube = { ...p!, name: 'K', shape: [2, 2, 5], size: 20 };
    const page = reportPageHtml([{ ...correct, parameters: [cube] }]);
    expect(page).toContain('[1,:,:]');
    expect(page).toContain('K[1,1,4]');
  });
});
