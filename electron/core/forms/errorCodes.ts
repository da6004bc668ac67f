// The error codes of the form validator, shared by the field checks and the messages.
export const ERROR_CODES = [
  'REQUIRED',
  'WRONG_TYPE',
  'BAD_CHARACTERS',
  'TOO_SHORT',
  'TOO_LONG',
  'PATTERN',
  'NOT_A_NUMBER',
  'NOT_AN_INTEGER',
  'TOO_SMALL',
  'TOO_LARGE',
  'OUT_OF_RANGE',
  'BAD_DATE',
  'DATE_TOO_EARLY',
  'DATE_TOO_LATE',
  'DATE_OUT_OF_RANGE',
  'UNKNOWN_CHOICE',
  'DUPLICATE_CHOICE',
  'NOT_YES_NO',
  'BAD_PHONE',
  'BAD_ID_FORMAT',
  'BAD_ID_REGION',
  'BAD_ID_BIRTHDATE',
  'BAD_ID_CHECKSUM',
  'CONSENT_REQUIRED',
  'UNKNOWN_FIELD',
  'BAD_ANSWERS',
] as const;
export type FormErrorCode = (typeof ERROR_CODES)[number];

/** Failures of a field's own constraint (bounds, length, pattern): its constraintMessage applies. */
export const CONSTRAINT_CODES: ReadonlySet<FormErrorCode> = new Set<FormErrorCode>([
  'TOO_SHORT',
  'TOO_LONG',
  'PATTERN',
  'TOO_SMALL',
  'TOO_LARGE',
  'OUT_OF_RANGE',
  'DATE_TOO_EARLY',
  'DATE_TOO_LATE',
  'DATE_OUT_OF_RANGE',
]);
