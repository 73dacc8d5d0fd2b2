export { createFixtureProject, loadFixtureFiles, type FixtureFiles, type FixtureProject } from './fixture-project.js';
export { cleanEnvironment, runNode, type ProcessResult, type RunProcessOptions } from './run-process.js';
export { createJestProject, runJestIn, jestBin, JEST_VERSIONS, type JestRun, type JestVersion, type RunJestOptions } from './run-jest.js';
export { repoRoot } from './paths.js';
export { memscopeTempEntries, privateTmp } from './temp-dirs.js';
export { dashboardTree } from './dashboard-dom.js';
export { slotQueue } from './slots.js';
