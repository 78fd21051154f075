import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderReportDirectory } from '../../src/html/report-directory.js';
import { checkGradients, GradcheckError } from '../../src/index.js';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradcheck-dir-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const line = (theta: number, x: number) => theta * x;

describe('rendering a folder of reports', () => {
  it('writes DIR/index.html from every report, skipping other JSON files', () => {
    const dir = fresh();
    checkGradients(2, line, 4, 2, undefined, { reportDir: dir });
    checkGradients(3, line, 4, 2, undefined, { reportDir: dir });
    writeFileSync(join(dir, 'package.json'), '{"name": "not a report"}');
    writeFileSync(join(dir, 'broken.json'), '{');
    const rendered = renderReportDirectory(dir);
    expect(rendered).toEqual({ path: join(dir, 'index.html'), checks: 2, failing: 1, skipped: ['broken.json', 'package.json'] });
    expect(readFileSync(rendered.path, 'utf8')).toContain('2 checks: 1 failing');
  });

  it('refuses a folder without reports, a missing one, and a report from a newer schema', () => {
    expect(() => renderReportDirectory(fresh())).toThrow(/No gradcheck reports in .*GRADCHECK_REPORT_DIR=/);
    expect(() => renderReportDirectory(join(fresh(), 'missing'))).toThrow(GradcheckError);
    const dir = fresh();
    writeFileSync(join(dir, 'future.json'), JSON.stringify({ schemaVersion: 2, parameters: [] }));
    expect(() => renderReportDirectory(dir)).toThrow(/schema version 2; this gradcheck reads version 1/);
  });
});

describe('gradcheck report DIR (the command)', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { encoding: 'utf8' });

  it('renders the folder and says what it wrote; exits 1 with the reason when it cannot, 2 on a wrong command', () => {
    const dir = fresh();
    checkGradients(3, line, 4, 2, undefined, { reportDir: dir });
    const ok = run('report', dir);
    expect([ok.status, ok.stdout.trim()]).toEqual([0, `Wrote ${join(dir, 'index.html')}: 1 check, 1 failing.`]);
    const empty = run('report', fresh());
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/^gradcheck: No gradcheck reports in /);
    const wrong = run('render');
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/^usage: gradcheck report DIR/);
  });
});
