/**
 * Calls back once the current frame has been painted: a message posted from a
 * requestAnimationFrame callback is delivered after that frame's style, layout and
 * paint, which is the earliest a script can see that the frame is on screen.
 */
export function afterNextPaint(callback: (paintedAt: number) => void): void {
  requestAnimationFrame(() => afterThisFrame(callback));
}

/** For use inside a requestAnimationFrame callback: the end of the frame being produced. */
export function afterThisFrame(callback: (paintedAt: number) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    callback(performance.now());
  };
  channel.port2.postMessage(null);
}

export function nextPaint(): Promise<number> {
  return new Promise((resolve) => afterNextPaint(resolve));
}
