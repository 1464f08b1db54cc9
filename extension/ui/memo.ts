import { type FunctionComponent, h } from 'preact';

/**
 * Preact's `memo`, without importing preact/compat (whose module changes how every element's props are
 * read, for React's sake): `component` renders again only when one of its props changed (shallowly).
 */
export function memo<P extends object>(component: FunctionComponent<P>): FunctionComponent<P> {
  return function Memo(this: { props: P; shouldComponentUpdate?(next: P): boolean }, props: P) {
    this.shouldComponentUpdate = (next) =>
      Object.keys(next).some((k) => next[k as keyof P] !== this.props[k as keyof P]);
    return h(component, props);
  };
}
