import { useEffect, useState } from 'react';
import { cart } from './cart-store.js';
import { demoLeak } from './demo-leak.js';

/** Below this width the badge shows the bare count. */
export const COMPACT_BELOW_PX = 600;

const isCompact = () => window.innerWidth < COMPACT_BELOW_PX;

/** The header's cart badge: how many items the cart holds, shorter on narrow windows. */
export function CartBadge() {
  const [count, setCount] = useState(() => cart.items().length);
  const [compact, setCompact] = useState(isCompact);

  useEffect(() => {
    const onResize = () => setCompact(isCompact());
    const onCartChange = () => setCount(cart.items().length);
    window.addEventListener('resize', onResize);
    const unsubscribe = cart.subscribe(onCartChange);
    // The demo's bug, the commonest one in component code: an effect that
    // subscribes and returns no cleanup. Every unmounted badge stays
    // subscribed, and its listeners keep its whole fiber tree alive.
    if (demoLeak) return undefined;
    return () => {
      window.removeEventListener('resize', onResize);
      unsubscribe();
    };
  }, []);

  const label = `${count} ${count === 1 ? 'item' : 'items'} in cart`;
  return (
    <span role="status" aria-label={label}>
      {compact ? count : label}
    </span>
  );
}
