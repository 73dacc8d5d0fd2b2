'use strict';
// The caller is here; the object that leaks is made in lib/make-order.js.
const { makeOrder } = require('./lib/make-order');

const orders = [];
let next = 0;
module.exports = () => {
  orders.push(makeOrder(next, next * 3));
  next++;
};
