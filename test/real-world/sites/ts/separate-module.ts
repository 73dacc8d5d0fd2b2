// The caller is here; the object that leaks is made in lib/make-order.ts.
import { makeOrder, type Order } from './lib/make-order';

const orders: Order[] = [];
let next = 0;
export default (): void => {
  orders.push(makeOrder(next, next * 3));
  next++;
};
