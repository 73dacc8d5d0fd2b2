'use strict';

/** Busy for `ms` without allocating: a slow function, whose rounds are few calls. */
function spin(ms) {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

module.exports = { spin };
