// A toolbar's less frequent actions behind one "Actions" button, so a toolbar stays one or two
// rows. Native <details>: the keyboard opens it (Enter/Space on its summary) without extra code.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

export function ActionsMenu({ label, children }: { label: string; children: ComponentChildren }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    // It closes as a menu does: after one of its actions ran, on a press elsewhere, on Escape.
    const close = (e: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      const target = e.target as Element | null;
      const inside = !!target && menu.contains(target);
      if (
        (e.type === 'keydown' && (e as KeyboardEvent).key === 'Escape') ||
        (e.type === 'pointerdown' && !inside) ||
        (e.type === 'click' && inside && !!target?.closest('.menu-items button'))
      )
        menu.open = false;
    };
    for (const type of ['pointerdown', 'keydown', 'click']) document.addEventListener(type, close);
    return () => {
      for (const type of ['pointerdown', 'keydown', 'click'])
        document.removeEventListener(type, close);
    };
  }, []);
  return (
    <details class="actions-menu" ref={ref}>
      <summary>{label}</summary>
      <div class="menu-items">{children}</div>
    </details>
  );
}
