import { type Colors } from '../report/colors.js';
import type { MatcherUtilsLike } from './types.js';
/**
 * Colours follow the framework's own choice: its `RECEIVED_COLOR` changes
 * the text only when the framework colours its output (TTY, FORCE_COLOR,
 * `--colors`), so the diagnosis is coloured exactly when the rest of the
 * failure is.
 */
export declare function matcherColors(utils: MatcherUtilsLike): Colors;
//# sourceMappingURL=colors.d.ts.map