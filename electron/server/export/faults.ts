// A fault hook for the crash tests: HALL_EXPORT_FAULT=<stage> makes the process SIGKILL
// itself at that stage, exactly as a power cut or an OOM kill would stop it. Unset in
// production, where this does nothing.
export type FaultStage = 'building' | 'encrypting' | 'delivering' | 'marking';

export function faultPoint(stage: FaultStage): void {
  if (process.env.HALL_EXPORT_FAULT === stage) process.kill(process.pid, 'SIGKILL');
}
