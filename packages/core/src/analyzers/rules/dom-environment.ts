import type { LeakFilterRule } from './types.js';

/**
 * happy-dom (checked on 20.x and 21.0) caches the answers of element
 * lookups (`document.body`, `querySelector`, `getElementsByTagName`) and
 * files each cached answer on every node the lookup walked past
 * (`<symbol affectsCache>`), so that a change to one of them drops it. A
 * node that never changes (the document's `<head>` in most tests) keeps
 * every answer filed on it: each `document.body` read after the body
 * changed adds one. Any component that mounts into the body makes it grow;
 * it is the environment's, not the component's.
 */
const HAPPY_DOM_LOOKUP_CACHE = /<symbol affectsCache>|Symbol\(affectsCache\)/;

export const domEnvironmentOwn: LeakFilterRule = {
  name: 'dom-environment-own',
  why: "happy-dom's element-lookup cache files one entry per lookup on nodes that never change (<head>); any mount into document.body grows it.",
  excludesGroup(group) {
    return HAPPY_DOM_LOOKUP_CACHE.test(group.holderText) || HAPPY_DOM_LOOKUP_CACHE.test(group.pathText);
  },
};
