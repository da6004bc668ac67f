// Mainland mobile numbers as residents type them (in any script's digits).
import { normalizeDigits } from './digits.js';

// Mainland mobile numbers: 11 digits, 1 + a prefix allocated to a public mobile network
// (incl. virtual operators; not the 13-digit IoT ranges 140–144, nor unallocated 154, 194…).
const PHONE_RE = /^1(?:3\d|4[5-9]|5[0-35-9]|6[25-7]|7[0-8]|8\d|9[0-35-9])\d{8}$/;

/** Digits of any script become 0–9; spaces and dashes are tolerated, as is a leading +86 / 0086; the stored form is 11 digits. */
export function normalizePhone(raw: string): string {
  let s = normalizeDigits(raw).normalize('NFKC').replace(/[\s\-()]/g, '');
  if (/^(?:\+|00)86\d{11}$/.test(s)) s = s.slice(s.length - 11);
  return s;
}

export function isMobilePhone(s: string): boolean {
  return PHONE_RE.test(s);
}
