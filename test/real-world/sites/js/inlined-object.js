'use strict';
// A helper small enough for V8 to inline into its caller makes the record
// that leaks: the site is the helper's line, not the caller's.
const records = [];

function makeRecord(key) {
  return { key, createdAt: key * 2, tag: 'record' }; // @site
}

function add(key) {
  records.push(makeRecord(key));
}

let next = 0;
module.exports = () => add(next++);
