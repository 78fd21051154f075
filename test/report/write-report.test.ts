import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkGradients, GradcheckError } from '../../src/index.js';
import { namedAfter, reportFileName } from '../../src/report/write-report.js';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'gradcheck-write-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  vi.unstubAllEnvs();
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

// J = θ·x: dJ/dθ = x.
const line = (theta: number, x: number) => theta * x;
const check = (gradient: number, options?: object) => checkGradients(gradient, line, 4, 2, undefined, options);
const files = (dir: string) => readdirSync(dir).sort();

describe('writing JSON reports', () => {
  it('writes nothing without options.reportDir or GRADCHECK_REPORT_DIR', () => {
    vi.stubEnv('GRADCHECK_REPORT_DIR', '');
    expect(check(2).options.reportDir).toBeUndefined();
  });

  it('writes every check, passing or failing, into GRADCHECK_REPORT_DIR, creating it', () => {
    const dir = join(fresh(), 'nested', 'reports');
    vi.stubEnv('GRADCHECK_REPORT_DIR', dir);
    check(2);
    check(3);
    const reports = files(dir).map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    expect(reports.map((r) => r.pass)).toEqual([true, false]);
    expect(files(dir).every((f) => f.startsWith(`check-${process.pid}-`))).toBe(true);
  });

  it('prefers options.reportDir to the environment variable', () => {
    const [env, option] = [fresh(), fresh()];
    vi.stubEnv('GRADCHECK_REPORT_DIR', env);
    check(2, { reportDir: option });
    expect(files(env)).toEqual([]);
    expect(files(option)).toHaveLength(1);
  });

  it('names a report after its test and file, and numbers a second check in the same test', () => {
    const dir = fresh();
    const test = { name: 'net > backprop: W2 is right', file: join(process.cwd(), 'test', 'net.test.ts') };
    namedAfter(test, () => {
      check(2, { reportDir: dir });
      check(2, { reportDir: dir });
    });
    const [first, second] = files(dir).sort((a, b) => a.length - b.length);
    expect(first).toMatch(/^net\.test--net-backprop-W2-is-right-[0-9a-f]{8}\.json$/);
    expect(second).toBe(first!.replace('.json', '-2.json'));
    const report = JSON.parse(readFileSync(join(dir, first!), 'utf8'));
    expect(report.test).toEqual({ name: test.name, file: join('test', 'net.test.ts') });
  });

  it('keeps tests apart whose names differ only in characters a file name drops, and keeps long names short', () => {
    const a = reportFileName({ name: 'a/b', file: 'x.test.ts' });
    const b = reportFileName({ name: 'a b', file: 'x.test.ts' });
    expect(a).not.toBe(b);
    const long = reportFileName({ name: `${'describe '.repeat(20)}the test's own title`, file: 'x.test.ts' });
    expect(long).toMatch(/^x\.test--describe-describe-d.*the-test-s-own-title-[0-9a-f]{8}$/);
    expect(long.length).toBeLessThan(90);
  });

  it('restores the outer test name after a nested or throwing check', () => {
    const dir = fresh();
    expect(() => namedAfter({ name: 'inner' }, () => checkGradients({}, line, 4, 2, undefined, { reportDir: dir }))).toThrow(GradcheckError);
    check(2, { reportDir: dir });
    expect(files(dir)).toHaveLength(1);
    expect(files(dir)[0]).toMatch(new RegExp(`^check-${process.pid}-\\d+\\.json$`));
  });

  it('refuses an unusable reportDir, and a directory it cannot write, with a GradcheckError', () => {
    expect(() => check(2, { reportDir: '' })).toThrow(/options\.reportDir is .*expected the path of a directory/);
    expect(() => check(2, { reportDir: 3 })).toThrow(GradcheckError);
    const file = join(fresh(), 'not-a-directory');
    writeFileSync(file, '');
    expect(() => check(2, { reportDir: file })).toThrow(/Could not write the gradcheck report .*not-a-directory/);
  });
});
