import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** A throw-away project on disk: the files a test wrote, under a fresh directory. */
export interface FixtureProject {
  /** Absolute path of the project root. */
  readonly dir: string;
  /** Absolute path of a file inside the project. */
  path(relativePath: string): string;
  read(relativePath: string): Promise<string>;
  write(relativePath: string, content: string): Promise<void>;
  /** Removes the project directory. Safe to call twice. */
  cleanup(): Promise<void>;
}

/** File contents by path relative to the project root; objects are written as JSON. */
export type FixtureFiles = Record<string, string | object>;

/**
 * Writes `files` into a new directory under `parentDir`.
 *
 * The parent decides which packages the project resolves: Node (and Jest's
 * resolver) look for `node_modules` from the project upwards, so a project
 * under the repository sees the workspace's packages, and one under a
 * workspace with its own `node_modules` (Jest 29) sees those first. That is
 * why projects are not created in the OS temp directory.
 *
 * @example
 * const project = await createFixtureProject(join(repoRoot, 'test/jest/.runs'), {
 *   'jest.config.js': 'module.exports = {};',
 *   'sum.spec.js': "test('adds', () => expect(1 + 1).toBe(2));",
 * });
 * try { … } finally { await project.cleanup(); }
 */
export async function createFixtureProject(parentDir: string, files: FixtureFiles): Promise<FixtureProject> {
  await mkdir(parentDir, { recursive: true });
  const dir = await mkdtemp(join(parentDir, 'project-'));
  const project: FixtureProject = {
    dir,
    path: (relativePath) => {
      const absolute = resolve(dir, relativePath);
      if (!absolute.startsWith(dir)) throw new Error(`fixture path ${relativePath} leaves the project`);
      return absolute;
    },
    read: (relativePath) => readFile(project.path(relativePath), 'utf8'),
    write: async (relativePath, content) => {
      const target = project.path(relativePath);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    },
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
  for (const [relativePath, content] of Object.entries(files)) {
    await project.write(relativePath, typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  return project;
}

/** Reads a committed fixture directory (flat: no sub-folders) into files for createFixtureProject. */
export async function loadFixtureFiles(dir: string): Promise<FixtureFiles> {
  const files: FixtureFiles = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isFile()) files[entry.name] = await readFile(join(dir, entry.name), 'utf8');
  }
  return files;
}
