/**
 * Runs `run` and measures the CPU time it took, in milliseconds. Budget checks use CPU
 * time, not wall time, so other processes on a busy CI machine do not count against them.
 */
export function cpuTime<T>(run: () => T): { value: T; cpuMs: number } {
  const started = process.cpuUsage();
  const value = run();
  const { user, system } = process.cpuUsage(started);
  return { value, cpuMs: (user + system) / 1000 };
}
