import type { CSSProperties } from 'react';

/**
 * Text for assistive technology only, hidden inline so it stays hidden without the
 * optional stylesheet (a host on `@rjsf/mui` may not load it). The stylesheet can still
 * show it where it should be seen (a grid cell's label in the phone layout), with
 * `!important`, which beats an inline style.
 */
export const VISUALLY_HIDDEN: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clipPath: 'inset(50%)',
  whiteSpace: 'nowrap',
  border: 0,
};
