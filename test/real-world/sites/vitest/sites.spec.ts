// Each case leaks; the failure's `allocated at` is what the suite checks.
import { expect, test } from 'vitest';
import cases from './cases.json';

const FAST = { callsPerRound: 300, maxRounds: 8 };

test.each(cases.map((c) => c.name))('ts %s', async (name) => {
  const { default: underTest } = (await import(`./ts/${name}.ts`)) as { default: () => void };
  await expect(underTest).not.toLeak(FAST);
});
