/**
 * Keystroke latency as the operator sees it: from the keydown (its event timestamp,
 * so time the key waited behind a busy main thread counts) to the end of the first
 * painted frame whose field shows the new character. If a form defers the character
 * to a later frame, the wait for that frame counts too.
 */
import type { RecordedKeys } from '../protocol';
import { afterNextPaint } from './after-paint';

type TextField = HTMLInputElement | HTMLTextAreaElement;

export interface KeystrokeRecorder {
  start(): void;
  take(count: number, timeoutMs: number): Promise<RecordedKeys>;
}

function isTextField(target: EventTarget | null): target is TextField {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
}

export function createKeystrokeRecorder(): KeystrokeRecorder {
  const latencies: number[] = [];
  let shown = 0;
  let keys = '';
  let recording = false;

  document.addEventListener(
    'keydown',
    (event) => {
      if (!recording || event.key.length !== 1) return;
      const keystroke = keys.length;
      keys += event.key;
      // A key that lands outside a text field (focus lost) shows nowhere: take() then says how many did show.
      if (!isTextField(event.target)) return;
      const now = performance.now();
      // The timestamp is on the same clock as performance.now(); a value from the future would be a browser bug.
      const pressedAt = event.timeStamp > 0 && event.timeStamp <= now ? event.timeStamp : now;
      const field = event.target;
      const lengthBefore = field.value.length;
      // A re-rendered row may replace the element; the one with the same id is the field the operator looks at.
      const current = () => (field.isConnected ? field : (document.getElementById(field.id) as TextField | null));
      const waitForCharacter = () =>
        afterNextPaint((paintedAt) => {
          if ((current()?.value.length ?? 0) <= lengthBefore) {
            waitForCharacter();
          } else {
            latencies[keystroke] = paintedAt - pressedAt;
            shown += 1;
          }
        });
      waitForCharacter();
    },
    { capture: true },
  );

  return {
    start() {
      latencies.length = 0;
      shown = 0;
      keys = '';
      recording = true;
    },
    take(count, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      return new Promise((resolve, reject) => {
        const check = () => {
          if (shown >= count) {
            recording = false;
            resolve({ latenciesMs: latencies.slice(0, count), keys });
          } else if (performance.now() > deadline) {
            recording = false;
            reject(new Error(`only ${shown} of ${count} keystrokes showed in the field within ${timeoutMs / 1000} s`));
          } else {
            setTimeout(check, 50);
          }
        };
        check();
      });
    },
  };
}
