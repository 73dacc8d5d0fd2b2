// The command line of a bench script: `--name value` options and bare `--flag`s.
const args = process.argv.slice(2);

/** The value after `--name`, else `fallback`. */
export function option(name, fallback) {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
}

/** Whether `--name` was given. */
export function flag(name) {
  return args.includes(`--${name}`);
}
