/**
 * A minimal external store, the shape of Redux's or Zustand's: read, change,
 * and `subscribe(listener)`, which returns the function that unsubscribes.
 */
export function createCartStore() {
  let items = [];
  const listeners = new Set();
  const changed = (next) => {
    items = next;
    for (const listener of listeners) listener();
  };
  return {
    items: () => items,
    add: (item) => changed([...items, item]),
    clear: () => changed([]),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The application's one cart, imported wherever it is shown. */
export const cart = createCartStore();
