import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GradcheckError } from '../gradcheck-error.js';
import { REPORT_SCHEMA_VERSION, type ReportJson } from '../report/report-json.js';
import { reportPageHtml } from './report-page.js';

/** What rendering a folder did. */
export interface RenderedDirectory {
  /** The page written: `DIR/index.html`. */
  readonly path: string;
  readonly checks: number;
  readonly failing: number;
  /** JSON files in the folder that are not gradcheck reports, left out. */
  readonly skipped: readonly string[];
}

/**
 * Reads every gradcheck JSON report in `dir` (in file-name order; other JSON files are skipped)
 * and writes `dir/index.html`. No report at all, or one from a newer schema, is a `GradcheckError`.
 */
export function renderReportDirectory(dir: string): RenderedDirectory {
  let files: string[];
  try {
    files = readdirSync(dir).filter((file) => file.endsWith('.json')).sort();
  } catch (error) {
    throw new GradcheckError(`Cannot read the report folder ${dir}: ${(error as Error).message}`, { cause: error });
  }
  const reports: ReportJson[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const report = readReport(join(dir, file));
    if (report === undefined) skipped.push(file);
    else reports.push(report);
  }
  if (reports.length === 0) {
    throw new GradcheckError(
      `No gradcheck reports in ${dir}: run your tests with GRADCHECK_REPORT_DIR=${dir} (or options.reportDir) first.`,
    );
  }
  const path = join(dir, 'index.html');
  writeFileSync(path, reportPageHtml(reports));
  return { path, checks: reports.length, failing: reports.filter((r) => !r.pass).length, skipped };
}

/** The report in `path`, or undefined when the file is JSON of another kind. */
function readReport(path: string): ReportJson | undefined {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object' || !('schemaVersion' in data) || !('parameters' in data)) return undefined;
  if (data.schemaVersion !== REPORT_SCHEMA_VERSION) {
    throw new GradcheckError(
      `${path} is a gradcheck report of schema version ${String(data.schemaVersion)}; this gradcheck reads version ${REPORT_SCHEMA_VERSION}.`,
    );
  }
  return data as ReportJson;
}
