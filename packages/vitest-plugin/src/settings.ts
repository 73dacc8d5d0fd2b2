import type { MeasureMode } from '@memscope/core/plugin-kit';

/** What the reporter hands the workers through Vitest's `provide`/`inject`. */
export const SETTINGS_KEY = 'memscope:settings';

export interface WorkerSettings {
  mode: MeasureMode;
}
