'use strict';
// A factory returns a closure per call; a list of handlers keeps them.
const handlers = [];

function makeHandler(id) {
  return () => id; // @site
}

let next = 0;
module.exports = () => {
  handlers.push(makeHandler(next++));
};
