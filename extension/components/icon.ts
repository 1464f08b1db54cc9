import { createElement, type IconNode } from 'lucide';

/** A decorative lucide icon: hidden from assistive technology, sized by CSS (1em by default). */
export function icon(node: IconNode, size = 16): SVGElement {
  return createElement(node, {
    'aria-hidden': 'true',
    focusable: 'false',
    width: size,
    height: size,
    class: 'icon',
  });
}
