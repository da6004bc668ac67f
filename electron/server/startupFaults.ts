// A fault hook for the first-start crash test (test/api/firstStart.test.ts):
// HALL_START_FAULT=<step> makes the process SIGKILL itself right after that step of the
// start (a migration, the demo hall, one default form, the day's close), exactly as a power
// cut would stop it. Unset in production, where this does nothing.
export function startupFault(step: string): void {
  if (process.env.HALL_START_FAULT === step) process.kill(process.pid, 'SIGKILL');
}
