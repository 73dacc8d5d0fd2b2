'use strict';
// A small helper adds a Map entry per key and never deletes one.
const seen = new Map();

function remember(key) {
  seen.set(key, { key, hits: 1 }); // @site
}

let next = 0;
module.exports = () => remember(next++);
