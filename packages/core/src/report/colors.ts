import picocolors from 'picocolors';

/** The formatter set picocolors returns (`c.red(text)`, `c.bold(text)`, …). */
export type Colors = ReturnType<typeof picocolors.createColors>;

/**
 * Whether to colour output written to `stream`. Follows the conventions of
 * no-color.org and the FORCE_COLOR variable Node and most CLIs honour:
 * NO_COLOR (any non-empty value) turns colour off, FORCE_COLOR turns it on
 * (`0` or `false` turns it off), otherwise colour only on a TTY that is not
 * `TERM=dumb`.
 */
export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** picocolors formatters that colour only when `enabled`; pass `false` for snapshot tests. */
export function createColors(enabled: boolean): Colors {
  return picocolors.createColors(enabled);
}

export function colorsFor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): Colors {
  return createColors(colorEnabled(stream, env));
}
