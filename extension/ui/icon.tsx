import type { IconNode } from 'lucide';
import { h } from 'preact';

/** A decorative lucide icon: hidden from assistive technology, sized by CSS (1em by default). */
export function Icon({ node, size = 16 }: { node: IconNode; size?: number }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      stroke-width="2"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      focusable="false"
      class="icon"
    >
      {node.map(([tag, attrs]) => h(tag, attrs as Record<string, string>))}
    </svg>
  );
}
