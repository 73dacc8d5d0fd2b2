import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/index.js';

// The README, CONTRIBUTING.md and docs/ are read on the registry's and
// GitHub's pages, far from any machine: every relative link must resolve
// (anchors included), and no text may name one machine's paths.

const DOCS = ['README.md', 'CONTRIBUTING.md', ...readdirSync(join(repoRoot, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorOf(heading: string): string {
  return heading.trim().toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-');
}

function anchorsIn(file: string): Set<string> {
  const text = readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set([...text.matchAll(/^#{1,6} (.+)$/gm)].map((match) => anchorOf(match[1]!)));
}

function linksIn(text: string): string[] {
  const outsideCode = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...outsideCode.matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!);
}

describe('the README and the docs', () => {
  it.each(DOCS)('%s: every relative link resolves, anchors included', (doc) => {
    const broken: string[] = [];
    const file = join(repoRoot, doc);
    for (const link of linksIn(readFileSync(file, 'utf8'))) {
      if (/^[a-z]+:/i.test(link)) continue;
      const [target, anchor] = link.split('#') as [string, string | undefined];
      const resolved = target === '' ? file : join(dirname(file), target);
      if (!existsSync(resolved)) broken.push(`${link} (no ${relative(repoRoot, resolved)})`);
      else if (anchor !== undefined && resolved.endsWith('.md') && !anchorsIn(resolved).has(anchor)) broken.push(`${link} (no heading #${anchor})`);
    }
    expect(broken).toEqual([]);
  });

  it.each(DOCS)('%s: names no absolute path of a machine', (doc) => {
    const text = readFileSync(join(repoRoot, doc), 'utf8');
    expect(text.match(/(?:^|[\s(`'"])\/(?:work|home|root|tmp|Users|var\/folders)\/[^\s)`'"]*/gm) ?? []).toEqual([]);
  });
});
