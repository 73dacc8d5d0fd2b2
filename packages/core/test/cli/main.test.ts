import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { main } from '../../src/cli/main.js';

function fakeIo(): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (text: string) => (out += text) },
    stderr: { write: (text: string) => (err += text) },
    env: {},
    out: () => out,
    err: () => err,
  };
}

describe('memscope CLI', () => {
  it('lists its commands on --help', async () => {
    const io = fakeIo();
    expect(await main(['--help'], io)).toBe(0);
    expect(io.out()).toMatch(/Usage: memscope <command>[\s\S]*doctor\s+Check which capture path/);
  });

  it('prints usage and exits 2 without a command', async () => {
    const io = fakeIo();
    expect(await main([], io)).toBe(2);
    expect(io.err()).toContain('Usage: memscope <command>');
  });

  it('names an unknown command', async () => {
    const io = fakeIo();
    expect(await main(['docter'], io)).toBe(2);
    expect(io.err()).toContain('unknown command "docter"');
  });

  it('rejects an unknown option with the command usage', async () => {
    const io = fakeIo();
    expect(await main(['doctor', '--jsn'], io)).toBe(2);
    expect(io.err()).toMatch(/memscope doctor: Unknown option '--jsn'[\s\S]*Usage: memscope doctor \[--json\]/);
  });

  it('shows one command usage on --help', async () => {
    const io = fakeIo();
    expect(await main(['doctor', '--help'], io)).toBe(0);
    expect(io.out()).toContain('--json');
  });
});
