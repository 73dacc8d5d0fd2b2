import { describe, expect, it } from 'vitest';
import { functionEndLine } from '../../src/analyzers/function-extent.js';

/** The 1-based last line of the function that starts at the first `marker` in `source`. */
function endOf(source: string, marker: string): number {
  const lines = source.split('\n');
  const line = lines.findIndex((text) => text.includes(marker));
  return functionEndLine(lines, line + 1, lines[line]!.indexOf(marker) + 1) + 1;
}

describe('functionEndLine', () => {
  it('ends a function declaration at its closing brace, not at an object literal below it', () => {
    const source = ['function spin(ms) {', '  const end = now() + ms;', '  while (now() < end);', '}', '', 'module.exports = { spin };'].join('\n');
    expect(endOf(source, 'function spin')).toBe(4);
  });

  it('reads past braces in parameters, strings, template literals and comments', () => {
    const source = [
      'function f({ a } = {}, b = "}") {', // 1
      '  const s = `}${a}`; // }', //        2
      '  /* } */ return { a, b };', //       3
      '}', //                                4
      'const next = { x: 1 };', //           5
    ].join('\n');
    expect(endOf(source, 'function f')).toBe(4);
  });

  it('ends an arrow with a block body at its brace and one with an expression body at its line', () => {
    const source = ['const a = (k) => {', '  return { k };', '};', 'const b = (k) => ({ k, at: Date.now() });', 'const c = 1;'].join('\n');
    expect(endOf(source, '(k) => {')).toBe(3);
    expect(endOf(source, '(k) => ({')).toBe(4);
  });

  it('ends an arrow passed as an argument where the call closes', () => {
    const source = ['items.map((x) => x * 2, this); const y = { z: 1 };'].join('\n');
    expect(endOf(source, '(x) =>')).toBe(1);
  });

  it('follows an expression body that goes on over several lines', () => {
    const source = ['const make = (k) =>', '  ({', '    k,', '  });', 'const other = { o: 1 };'].join('\n');
    expect(endOf(source, '(k) =>')).toBe(4);
  });

  it('stops at the bound when the source never closes', () => {
    const lines = ['function broken() {', ...Array.from({ length: 20 }, () => '  x();')];
    expect(functionEndLine(lines, 1, 1, 5)).toBe(5);
  });
});
