/**
 * The HTML report in a real browser: Debian's chromium driven by playwright-core. The notebook's
 * example tests run with GRADCHECK_REPORT_DIR, `gradcheck report` renders the folder, and the page
 * must outline the failing entries, draw the sweep charts and log no error. Without chromium (or
 * with one that does not start) the test is skipped and says so; nothing else in `npm test` needs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';

const executablePath = process.env.GRADCHECK_CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available) {
  console.warn(`SKIPPED the HTML report's browser test: no chromium at ${executablePath} (apt-get install chromium, or set GRADCHECK_CHROMIUM).`);
}

/** The flags Debian's chromium needs to run headless as root, in a container, without the network. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Where the screenshots go (the README's docs/report.png is a copy of report-failing-check.png). */
const SCREENSHOTS = resolve('.tmp/browser');

const reports = mkdtempSync(join(tmpdir(), 'gradcheck-browser-'));
afterAll(() => rmSync(reports, { recursive: true, force: true }));

/** Runs a command from the repository root, failing the test with its output when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

describe.skipIf(!available)('the HTML report in headless Chromium', () => {
  it('outlines the notebook’s failing entries, draws the sweeps and logs no error', { timeout: 120_000 }, async (context) => {
    run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', 'examples/notebook/notebook.vitest.test.ts'], { GRADCHECK_REPORT_DIR: reports });
    expect(run(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'report', reports])).toMatch(/3 checks, 1 failing/);

    const browser = await chromium.launch({ executablePath, args: FLAGS }).catch((error: Error) => {
      console.warn(`SKIPPED the HTML report's browser test: chromium at ${executablePath} did not start: ${error.message}`);
      return undefined;
    });
    if (browser === undefined) return context.skip();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
      await page.goto(pathToFileURL(join(reports, 'index.html')).href);

      const failing = page.locator('section.check.fail');
      await expect(failing.count()).resolves.toBe(1);
      await expect(failing.locator('h2').innerText()).resolves.toMatch(/the notebook’s backprop as written is wrong/);

      // Every failing entry outlined in its three heatmaps (b1: 4, W2: 4), and only those.
      const cells = failing.locator('rect.cell');
      const outlines = await cells.evaluateAll((rects) =>
        rects.map((r) => {
          const style = (globalThis as unknown as { getComputedStyle(e: unknown): { stroke: string; strokeWidth: string } }).getComputedStyle(r);
          return { fail: r.classList.contains('fail'), stroke: style.stroke, width: Number.parseFloat(style.strokeWidth), label: r.querySelector('title')?.textContent?.split('\n')[0] };
        }),
      );
      const outlined = outlines.filter((o) => o.stroke === 'rgb(0, 0, 0)' && o.width >= 2);
      expect(outlined.every((o) => o.fail)).toBe(true);
      expect(new Set(outlined.map((o) => o.label))).toEqual(new Set(['b1[0,0]', 'b1[1,0]', 'b1[2,0]', 'b1[3,0]', 'W2[2,0]', 'W2[2,1]', 'W2[2,2]', 'W2[2,3]']));
      expect(outlined).toHaveLength(3 * 8);
      for (const box of await failing.locator('rect.cell.fail').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect()))) {
        expect(box.width).toBeGreaterThan(10);
      }

      // One sweep chart per failing parameter, with its lines drawn across the axes and the check's step marked.
      const charts = failing.locator('svg.sweep');
      await expect(charts.count()).resolves.toBe(2);
      for (let i = 0; i < 2; i++) {
        const chart = charts.nth(i);
        await expect(chart.isVisible()).resolves.toBe(true);
        const lines = await chart.locator('path.sweep-line, path.sweep-reference').evaluateAll((paths) =>
          paths.map((p) => ({ length: (p as unknown as { getTotalLength(): number }).getTotalLength(), width: p.getBoundingClientRect().width })),
        );
        expect(lines).toHaveLength(4); // three worst entries and the reference V
        for (const line of lines) {
          expect(line.length).toBeGreaterThan(300);
          expect(line.width).toBeGreaterThan(400);
        }
        await expect(chart.locator('line.step-used').count()).resolves.toBeGreaterThan(0);
      }

      // Passing checks are folded: their heatmaps take no room until opened.
      await expect(page.locator('section.check.pass rect.cell').first().isVisible()).resolves.toBe(false);

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true });
      await failing.screenshot({ path: join(SCREENSHOTS, 'report-failing-check.png') });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
