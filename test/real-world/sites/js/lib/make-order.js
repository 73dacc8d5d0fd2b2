'use strict';
// The allocating helper lives in a module of its own.
function makeOrder(id, total) {
  return { id, total, status: 'new' }; // @site
}

module.exports = { makeOrder };
