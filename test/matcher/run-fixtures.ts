import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs a runner on the deliberately failing fixtures (those whose path contains `filter`, if given), with colours off, as CI or NO_COLOR users see it. */
function run(command: string, args: string[]) {
  const { status, stdout, stderr } = spawnSync('npx', [command, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true' },
  });
  return { status, output: `${stdout}\n${stderr}` };
}

/** Each runner on the fixtures in test/runner-fixtures. */
export function fixtureRunners(...filter: string[]) {
  return {
    vitest: () => run('vitest', ['run', '--config', 'test/runner-fixtures/vitest.config.ts', ...filter]),
    jest: () => run('jest', ['--config', 'test/runner-fixtures/jest.config.mjs', ...filter]),
  };
}
