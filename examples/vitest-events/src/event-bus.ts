export type Handler<T> = (payload: T) => void;

/** A typed publish/subscribe bus; `on` returns the function that unsubscribes. */
export class EventBus<Events extends Record<string, unknown>> {
  private readonly handlers = new Map<keyof Events, Set<Handler<never>>>();

  on<K extends keyof Events>(event: K, handler: Handler<Events[K]>): () => void {
    let set = this.handlers.get(event);
    if (!set) this.handlers.set(event, (set = new Set()));
    set.add(handler as Handler<never>);
    // The unsubscribe function outlives the subscription (callers keep it in a
    // variable), so it lets go of the handler once used instead of capturing it.
    let subscribed: Handler<never> | undefined = handler as Handler<never>;
    return () => {
      if (!subscribed) return;
      set.delete(subscribed);
      subscribed = undefined;
      // Drop the empty set too, or every event name ever used would stay behind.
      if (set.size === 0) this.handlers.delete(event);
    };
  }

  emit<K extends keyof Events>(event: K, payload: Events[K]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as Handler<Events[K]>)(payload);
  }

  listenerCount(event: keyof Events): number {
    return this.handlers.get(event)?.size ?? 0;
  }
}
