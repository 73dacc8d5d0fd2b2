export type Listener = () => void;

/** A minimal external store, the shape of Redux's or Zustand's: read, change, subscribe. */
export interface CartStore {
  items(): readonly string[];
  add(item: string): void;
  clear(): void;
  /** Calls `listener` after every change; returns the function that unsubscribes. */
  subscribe(listener: Listener): () => void;
}

export function createCartStore(): CartStore {
  let items: readonly string[] = [];
  const listeners = new Set<Listener>();
  const changed = (next: readonly string[]) => {
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
