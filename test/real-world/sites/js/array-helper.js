'use strict';
// A helper builds a small array per call, and a list keeps them all.
const pairs = [];

function pair(a, b) {
  return [a, b, a + b]; // @site
}

let next = 0;
module.exports = () => {
  pairs.push(pair(next, next + 1));
  next++;
};
