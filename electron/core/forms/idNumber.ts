// Resident ID numbers (GB 11643): 18 characters, region, birth date and check character.
import { isRealDate } from './dates.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Province-level codes (GB/T 2260) incl. 81/82/83 of the residence permits for Hong Kong, Macao and Taiwan residents. */
const ID_PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82', '83',
]);

/** The GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

export type ResidentIdProblem = 'BAD_ID_FORMAT' | 'BAD_ID_REGION' | 'BAD_ID_BIRTHDATE' | 'BAD_ID_CHECKSUM';

/** Checks an 18-character resident ID (already upper-cased); `today` bounds the birth date. */
export function checkResidentId(id: string, today: string): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'BAD_ID_FORMAT';
  if (!ID_PROVINCES.has(id.slice(0, 2))) return 'BAD_ID_REGION';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (y < 1900 || !isRealDate(y, m, d) || birth > today) return 'BAD_ID_BIRTHDATE';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'BAD_ID_CHECKSUM';
  return null;
}
