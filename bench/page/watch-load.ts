/**
 * First field and ready, measured frame by frame from the moment the root is rendered.
 *
 * Every frame, in its requestAnimationFrame callback (so it sees what that frame
 * paints), the watcher notes whether the container holds a form control and whether
 * the form changed: a DOM mutation inside the container since the last frame, or a
 * new size of the container or of the page. After the frame is painted it notes
 * whether the main thread was busy since the previous frame: no idle callback ran in
 * between (Chromium runs one in every frame of an idle page, and none while a
 * scheduler such as React's works through a render in 5 ms slices), or the frame
 * came more than BUSY_GAP_MS after the previous one (a long task held it up).
 *
 * - first field: the end of the first painted frame with an input, select or textarea;
 * - ready: the end of the first painted frame F, at or after the last frame that
 *   changed the form, such that the QUIET_MS after F hold no busy frame. The form must
 *   then stay unchanged for CONFIRM_MS after its last change before the watch ends, so
 *   a change after a short pause (a timer, a second batch of rows) is not missed. A
 *   busy blip later than QUIET_MS after F (another process taking the CPU, a GC) does
 *   not move F: by then the form was ready.
 */
import { afterThisFrame } from './after-paint';

/** The idle time the issue's definition of ready asks for after the ready frame. */
export const QUIET_MS = 100;
/** A frame interval longer than this means the main thread was busy (the long-task threshold). */
export const BUSY_GAP_MS = 50;
/** How long the form must stay unchanged after its last change before the watch ends. */
export const CONFIRM_MS = 1_000;
const TIMEOUT_MS = 180_000;

export interface LoadTimes {
  /** Absolute `performance.now()` times. */
  firstFieldAt: number;
  readyAt: number;
  longTaskCount: number;
  longTaskMs: number;
}

const FORM_CONTROL = 'input:not([type="hidden"]), select, textarea';

export function watchLoad(container: HTMLElement, start: number): Promise<LoadTimes> {
  return new Promise((resolve, reject) => {
    let mutated = false;
    const mutations = new MutationObserver(() => {
      mutated = true;
    });
    mutations.observe(container, { subtree: true, childList: true, attributes: true, characterData: true });

    const longTasks: PerformanceEntry[] = [];
    const longTaskObserver = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
    longTaskObserver.observe({ type: 'longtask', buffered: true });

    let watching = true;
    let idleSinceLastFrame = false;
    const onIdle = () => {
      idleSinceLastFrame = true;
      if (watching) requestIdleCallback(onIdle);
    };
    requestIdleCallback(onIdle);

    let firstFieldAt: number | undefined;
    let previousLayout = '';
    let previousPaintAt = start;
    let lastChangeAt = start;
    /** Start of the idle stretch since the last change; the ready frame once it has lasted QUIET_MS. */
    let quietSince = start;
    let readyAt: number | undefined;

    const onFrame = () => {
      const box = container.getBoundingClientRect();
      const page = document.documentElement;
      const layout = `${box.width}x${box.height} ${page.scrollWidth}x${page.scrollHeight}`;
      const changed = mutated || layout !== previousLayout;
      mutated = false;
      previousLayout = layout;
      const showsField = firstFieldAt === undefined && container.querySelector(FORM_CONTROL) !== null;

      afterThisFrame((paintedAt) => {
        if (showsField) firstFieldAt = paintedAt;
        const busy = !idleSinceLastFrame || paintedAt - previousPaintAt > BUSY_GAP_MS;
        idleSinceLastFrame = false;
        previousPaintAt = paintedAt;

        if (changed) {
          lastChangeAt = paintedAt;
          quietSince = paintedAt;
          readyAt = undefined;
        } else if (busy && readyAt === undefined) {
          quietSince = paintedAt;
        }
        if (readyAt === undefined && paintedAt - quietSince >= QUIET_MS) readyAt = quietSince;

        if (firstFieldAt !== undefined && readyAt !== undefined && paintedAt - lastChangeAt >= CONFIRM_MS) {
          finish();
          resolve({ firstFieldAt, readyAt, ...longTasksBefore(readyAt) });
        } else if (paintedAt - start > TIMEOUT_MS) {
          finish();
          reject(new Error(`not ready after ${TIMEOUT_MS / 1000} s (first field ${firstFieldAt === undefined ? 'never shown' : `at ${Math.round(firstFieldAt - start)} ms`})`));
        } else {
          requestAnimationFrame(onFrame);
        }
      });
    };

    function longTasksBefore(end: number) {
      const counted = longTasks.filter((task) => task.startTime >= start && task.startTime < end);
      return { longTaskCount: counted.length, longTaskMs: counted.reduce((total, task) => total + task.duration, 0) };
    }

    function finish() {
      watching = false;
      mutations.disconnect();
      longTaskObserver.disconnect();
    }

    requestAnimationFrame(onFrame);
  });
}
