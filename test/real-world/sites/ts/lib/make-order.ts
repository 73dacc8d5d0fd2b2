// The allocating helper lives in a module of its own.
export interface Order {
  id: number;
  total: number;
  status: 'new' | 'paid';
}

export function makeOrder(id: number, total: number): Order {
  return { id, total, status: 'new' }; // @site
}
