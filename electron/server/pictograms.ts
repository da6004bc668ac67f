// The shipped pictograms (resources/pictograms/<name>.svg) a service tile may show. Elderly
// residents recognise a picture faster than a word; the set is small on purpose so every
// picture stays distinct.
export const PICTOGRAMS = [
  'bus',
  'house',
  'id-card',
  'allowance',
  'elderly',
  'elevator',
  'handshake',
  'document',
  'health',
  'family',
  'letter',
  'question',
  'wheelchair',
] as const;

export type Pictogram = (typeof PICTOGRAMS)[number];
