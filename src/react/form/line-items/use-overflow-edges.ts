/**
 * Marks a sideways-scrolling frame with the edges it hides columns behind:
 * `data-overflow-start` while it is scrolled away from its start, `data-overflow-end`
 * while columns remain past its end. The stylesheet draws a shadow on each marked side.
 *
 * Written on the element, not kept in React state: scrolling re-renders nothing. And
 * measured only when the frame itself scrolls or resizes: a scroll-driven CSS animation
 * would do the same without script, but Chromium re-services every scroll timeline of the
 * page whenever anything scrolls, including the inside of a text input as its value grows
 * past its width, which cost every keystroke in a long line an extra frame.
 */
import { type RefObject, useEffect } from 'react';

/** Less than a pixel of overflow is rounding, not a hidden column. */
const TOLERANCE_PX = 1;

function mark(element: HTMLElement): void {
  // scrollLeft is negative when scrolled in a right-to-left frame: the distance from the start is its magnitude.
  const scrolled = Math.abs(element.scrollLeft);
  const hidden = element.scrollWidth - element.clientWidth;
  element.toggleAttribute('data-overflow-start', scrolled > TOLERANCE_PX);
  element.toggleAttribute('data-overflow-end', hidden - scrolled > TOLERANCE_PX);
}

export function useOverflowEdges(ref: RefObject<HTMLElement | null>, enabled: boolean): void {
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    const update = () => mark(element);
    update();
    element.addEventListener('scroll', update, { passive: true });
    // The frame's width (the window, a sidebar) and its content's (columns) both change what is hidden.
    const observer = typeof ResizeObserver === 'function' ? new ResizeObserver(update) : undefined;
    observer?.observe(element);
    if (element.firstElementChild) observer?.observe(element.firstElementChild);
    return () => {
      element.removeEventListener('scroll', update);
      observer?.disconnect();
      element.removeAttribute('data-overflow-start');
      element.removeAttribute('data-overflow-end');
    };
  }, [ref, enabled]);
}
