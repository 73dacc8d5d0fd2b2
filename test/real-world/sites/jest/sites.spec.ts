// Each case leaks; the failure's `allocated at` is what the suite checks.
import cases from './cases.json';

const FAST = { callsPerRound: 300, maxRounds: 8 };

test.each(cases.map((c) => c.name))('ts %s', async (name) => {
  const { default: underTest } = (await import(`./ts/${name}`)) as { default: () => void };
  await expect(underTest).not.toLeak(FAST);
});
