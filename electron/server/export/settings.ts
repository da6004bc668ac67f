// The export's settings (table `settings`): `export.schedule` ("02:00", hall time zone),
// `export.targets` (folders and URLs) and `export.districtKey` (armored public key).
import { DEFAULT_SCHEDULE, isValidSchedule } from '../../core/export/schedule.js';
import type { ExportStore } from '../../store/exportStore.js';
import { targetsSchema, type ExportTarget } from './targets.js';

export interface ExportSettings {
  schedule: string;
  targets: ExportTarget[];
  districtKey: string | null;
}

export async function readExportSettings(store: ExportStore): Promise<ExportSettings> {
  const schedule = await store.getSetting<string>('export.schedule');
  const targets = targetsSchema.safeParse(await store.getSetting<unknown>('export.targets'));
  return {
    schedule: schedule && isValidSchedule(schedule) ? schedule : DEFAULT_SCHEDULE,
    targets: targets.success ? targets.data : [],
    districtKey: await store.getSetting<string>('export.districtKey'),
  };
}
