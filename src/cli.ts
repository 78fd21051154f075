#!/usr/bin/env node
/**
 * `gradcheck report DIR`: renders the JSON reports in DIR (written by checks run with
 * GRADCHECK_REPORT_DIR=DIR) into DIR/index.html.
 */
import { GradcheckError } from './gradcheck-error.js';
import { renderReportDirectory } from './html/report-directory.js';

const USAGE = 'usage: gradcheck report DIR   renders the JSON reports in DIR into DIR/index.html';

function main(args: readonly string[]): number {
  const [command, dir, ...rest] = args;
  if (command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  if (command !== 'report' || dir === undefined || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  try {
    const { path, checks, failing, skipped } = renderReportDirectory(dir);
    const skippedNote = skipped.length === 0 ? '' : ` (skipped ${skipped.length} other JSON file${skipped.length === 1 ? '' : 's'})`;
    console.log(`Wrote ${path}: ${checks} check${checks === 1 ? '' : 's'}, ${failing} failing${skippedNote}.`);
    return 0;
  } catch (error) {
    if (!(error instanceof GradcheckError)) throw error;
    console.error(`gradcheck: ${error.message}`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2));
