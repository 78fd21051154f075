import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { forwardPropagationN } from '../../examples/notebook/network.js';
import { notebookCase } from '../models/notebook-case.js';

/** What both runners' test APIs offer; the same spec then runs under Vitest and under Jest. */
interface RunnerApi {
  describe: (name: string, body: () => void) => void;
  it: (name: string, body: () => void) => void;
  afterAll: (body: () => void) => void;
  expect: any;
}

/** The matcher names each JSON report after the running test, as the runner names it. */
export function reportFileSpec({ describe, it, afterAll, expect }: RunnerApi, testFile: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'gradcheck-matcher-reports-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const read = () => readdirSync(dir).map((file) => ({ file, report: JSON.parse(readFileSync(join(dir, file), 'utf8')) }));

  describe('JSON reports', () => {
    it('buggy backprop: a failing report', () => {
      const { x, y, parameters, buggy } = notebookCase();
      expect(buggy).not.toHaveCorrectGradients(forwardPropagationN, parameters, x, y, { reportDir: dir });
      const name: string = expect.getState().currentTestName;
      const written = read().filter(({ report }) => report.test.name === name);
      expect(written).toHaveLength(1);
      const { file, report } = written[0]!;
      expect(file.startsWith(`${testFile}--`)).toBe(true);
      expect(file).toMatch(/--JSON-reports-buggy-backprop-a-failing-report-[0-9a-f]{8}\.json$/);
      expect(report.pass).toBe(false);
      expect(report.test.file).toMatch(new RegExp(`test/matcher/${testFile.replace(/\./g, '\\.')}\\.ts$`));
      expect(report.sweeps.length).toBeGreaterThan(0);
    });

    it('corrected backprop: a passing report, no sweep', () => {
      const { x, y, parameters, correct } = notebookCase();
      expect(correct).toHaveCorrectGradients(forwardPropagationN, parameters, x, y, { reportDir: dir });
      const name: string = expect.getState().currentTestName;
      const written = read().find(({ report }) => report.test.name === name)!;
      expect(written.report.pass).toBe(true);
      expect(written.report.sweeps).toEqual([]);
    });
  });
}
