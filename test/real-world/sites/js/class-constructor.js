'use strict';
// Every call opens a Connection and keeps it: the site is the `new`.
class Connection {
  constructor(id) {
    this.id = id;
    this.state = 'open';
  }
}

const open = [];

function connect(id) {
  return new Connection(id); // @site
}

let next = 0;
module.exports = () => {
  open.push(connect(next++));
};
