// A date as three big wheels-without-swiping: year, month and day, each with − and + buttons
// (and −10 / +10 for the year, since a birth year can be decades back). No typing, no
// calendar grid of small cells. The day is kept within the month's length.
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { isRealDate } from '../../../electron/core/forms/validate.js';
import { TapButton } from '../components/TapButton.js';

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function parseDay(s: string | undefined): YMD | null {
  const m = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  return m ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) } : null;
}

export function formatDay(d: YMD): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

/** Moves one part, wrapping months and clamping the day to the month's last day. */
export function stepDay(d: YMD, part: keyof YMD, by: number): YMD {
  let { year, month, day } = d;
  if (part === 'year') year = Math.min(9999, Math.max(1900, year + by));
  if (part === 'month') month = ((month - 1 + by + 1200) % 12) + 1;
  if (part === 'day') {
    let last = 31;
    while (!isRealDate(year, month, last)) last--;
    day = ((day - 1 + by + last * 10) % last) + 1;
  }
  while (day > 28 && !isRealDate(year, month, day)) day--;
  return { year, month, day };
}

export interface DatePickerProps {
  value: string | undefined;
  /** Where the picker starts when there is no answer yet ("YYYY-MM-DD"). */
  start: string;
  onChange: (v: string) => void;
  t: TFunction;
}

export function DatePicker({ value, start, onChange, t }: DatePickerProps) {
  const [d, setD] = useState<YMD>(() => parseDay(value) ?? parseDay(start) ?? { year: 2000, month: 1, day: 1 });
  // The date on screen is the answer: going on without touching a button takes it.
  useEffect(() => {
    if (value !== formatDay(d)) onChange(formatDay(d));
  }, [d, value, onChange]);
  const part = (p: keyof YMD, steps: number[]) => (
    <div className="date-part" data-testid={`date-${p}`}>
      <span className="date-part-label">{t(`Kiosk.date.${p}`)}</span>
      <div className="date-part-row">
        {steps.filter((s) => s < 0).map((s) => (
          <TapButton key={s} className="tap date-step" onTap={() => setD(stepDay(d, p, s))} testId={`date-${p}-${s}`}>
            <span dir="ltr">{s === -1 ? '−' : `−${-s}`}</span>
          </TapButton>
        ))}
        <output className="date-value" dir="ltr" lang="en" data-testid={`date-${p}-value`}>
          {p === 'year' ? d.year : String(d[p]).padStart(2, '0')}
        </output>
        {steps.filter((s) => s > 0).map((s) => (
          <TapButton key={s} className="tap date-step" onTap={() => setD(stepDay(d, p, s))} testId={`date-${p}-+${s}`}>
            <span dir="ltr">{s === 1 ? '+' : `+${s}`}</span>
          </TapButton>
        ))}
      </div>
    </div>
  );
  return (
    <div className="date-picker" dir="ltr">
      {part('year', [-10, -1, 1, 10])}
      {part('month', [-1, 1])}
      {part('day', [-1, 1])}
    </div>
  );
}
