/**
 * Wrapping a component must return the same wrapper for the same component:
 * registries are rebuilt per form, and a new wrapper type would make React
 * remount (and lose state in) every field that uses it.
 */
export function wrapOnce<C extends object>(cache: WeakMap<C, C>, component: C, wrap: (component: C) => C): C {
  let wrapper = cache.get(component);
  if (!wrapper) {
    wrapper = wrap(component);
    cache.set(component, wrapper);
  }
  return wrapper;
}
