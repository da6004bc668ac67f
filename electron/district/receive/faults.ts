// The district's fault hook for the crash tests: DISTRICT_LOAD_FAULT=<stage> makes the process
// SIGKILL itself at that point of a load, as a power cut would. Unset in production.
export type LoadStage = 'reading' | 'loaded' | 'committing' | 'committed';

export function loadFault(stage: LoadStage): void {
  if (process.env.DISTRICT_LOAD_FAULT === stage) process.kill(process.pid, 'SIGKILL');
}
