import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { GradcheckError } from '../gradcheck-error.js';
import { thrownMessage } from '../parameters/numeric-view.js';
import type { GradientReport } from './report.js';
import { type CheckKind, reportJson, type TestIdentity } from './report-json.js';

/**
 * What the running check's reports are written as (checks are synchronous): the test it belongs to,
 * set by a matcher, and its kind, set by an adapter (tfjs) that runs the core's check for its own.
 */
let current: { readonly test: TestIdentity; readonly kind?: CheckKind } = { test: {} };

/** Runs `check` with `patch` in force for the reports it writes, restoring what was before. */
function within<T>(patch: Partial<typeof current>, check: () => T): T {
  const outer = current;
  current = { ...outer, ...patch };
  try {
    return check();
  } finally {
    current = outer;
  }
}

/** Runs `check` so that the reports it writes say they come from a `kind` check. */
export function reportedAs<T>(kind: CheckKind, check: () => T): T {
  return within({ kind }, check);
}

/** Reports written so far in this process under each name, so a test that checks twice keeps both. */
const written = new Map<string, number>();

/** Reports written outside a named test, in this process. */
let unnamed = 0;

/** At most 60 characters of a test's name in its file name (its start and its end, the test's own title): the hash keeps names apart. */
const NAME_CHARACTERS = 60;
const NAME_START = 20;

/**
 * Runs `check` so that the reports it writes are named after `test`: a matcher passes its
 * `this.currentTestName` and `this.testPath`.
 */
export function namedAfter<T>(test: TestIdentity, check: () => T): T {
  return within({ test }, check);
}

/**
 * Writes `report` as one JSON file into its report directory (`options.reportDir`, else
 * `GRADCHECK_REPORT_DIR`), when one is set, and returns the file's path. Every check calls it,
 * passing or failing; a directory that cannot be written is a `GradcheckError`.
 */
export function writeReport(report: GradientReport, check: CheckKind = current.kind ?? 'gradients'): string | undefined {
  const dir = report.options.reportDir;
  if (dir === undefined) return undefined;
  const test = { name: current.test.name, file: current.test.file && relative(process.cwd(), current.test.file) };
  const path = join(dir, `${reportFileName(test)}.json`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, `${JSON.stringify(reportJson(report, check, test))}\n`);
  } catch (error) {
    throw new GradcheckError(`Could not write the gradcheck report ${path}: ${thrownMessage(error)}`, { cause: error });
  }
  return path;
}

/**
 * `<test file>--<test name>-<hash>`, `-2`, `-3`… when one test checks again; outside a test
 * `check-<pid>-<n>`. A test file runs in one worker, so names never collide across parallel
 * workers, and a test's report keeps its name from run to run (to compare across commits).
 */
export function reportFileName(test: TestIdentity): string {
  if (test.name === undefined) return `check-${process.pid}-${++unnamed}`;
  const file = test.file === undefined ? '' : `${slug(basename(test.file, extname(test.file)))}--`;
  const base = `${file}${shorten(slug(test.name))}-${hash(`${test.file ?? ''}\n${test.name}`)}`;
  const n = (written.get(base) ?? 0) + 1;
  written.set(base, n);
  return n === 1 ? base : `${base}-${n}`;
}

/** `describe-name-…-the-test-s-own-title`, within NAME_CHARACTERS. */
function shorten(name: string): string {
  return name.length <= NAME_CHARACTERS ? name : `${name.slice(0, NAME_START)}--${name.slice(name.length - (NAME_CHARACTERS - NAME_START - 2))}`;
}

/** Letters, digits, dots and dashes only: a file name on every system. */
function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'test';
}

/** FNV-1a, 32 bits, as 8 hex digits: stable across runs and machines. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
