// What each exported file holds: its columns (code + Chinese label for the second header
// row), and how one record becomes a CSV row and a JSON line. No personal data leaves the
// hall in tickets, print jobs or ratings; only submissions carry the residents' answers.
import type { AnswerValue, FormDefinition } from '../forms/definition.js';
import type { CsvValue } from './csv.js';

export interface Column {
  code: string;
  /** Chinese label, the CSV's second header row. */
  label: string;
}

/** A ticket as exported: every timestamp, no personal data. */
export interface ExportTicket {
  id: string;
  day: string;
  code: string;
  serviceId: string;
  issuedServiceId: string;
  language: string;
  priority: boolean;
  kioskId: string | null;
  counterId: string | null;
  staffId: string | null;
  state: string;
  /** Every call of the ticket, across transfers (before issue 19: calls since the last transfer). */
  callCount: number;
  issuedAt: number;
  queuedAt: number;
  firstCalledAt: number | null;
  lastCalledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  /** Calls in its last queue (since its last transfer). */
  queueCallCount: number;
  /** When it last went back into a queue after being called (a transfer); null: never. */
  requeuedAt: number | null;
  /** Total time waited in queues (issue → first call, plus each transfer → next call), ms. */
  waitMs: number;
  /** Waits that came out negative (the clock stepped back) and were counted as 0. */
  clockSteps: number;
}

export interface ExportPrintJob {
  ticketId: string;
  printer: string;
  state: string;
  reason: string | null;
  attempts: number;
  createdAt: number;
  updatedAt: number;
  printedAt: number | null;
}

export interface ExportRating {
  id: string;
  ticketId: string;
  counterId: string | null;
  staffId: string | null;
  serviceId: string;
  day: string;
  score: number;
  reasons: string[];
  via: string;
  at: number;
}

export interface ExportFollowup {
  id: string;
  ratingId: string;
  openedAt: number;
  closedAt: number | null;
  closedBy: string | null;
  note: string | null;
}

export interface ExportSubmission {
  id: string;
  formId: string;
  formVersion: number;
  ticketId: string | null;
  language: string;
  filledBy: string;
  fillerId: string | null;
  createdAt: number;
  day: string;
  reviewedBy: string | null;
  reviewedAt: number | null;
  /** Personal and non-personal answers together, only ever inside the encrypted batch. */
  answers: Record<string, AnswerValue>;
  /** The personal part was erased by retention before it could be exported (should not happen). */
  purged: boolean;
}

const DAY_MS = 86_400_000;
const dayPrefix = new Map<number, string>();

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

// Zero-padded numbers for isoTime, made once (padStart per field showed in the profile).
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => pad(i, 2));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, i) => pad(i, 3));

/**
 * Timestamps leave as ISO 8601 UTC (`2026-11-20T02:01:00.000Z`): unambiguous for every tool,
 * whatever its time zone. Same text as Date#toISOString, but the date part is cached per day:
 * a batch formats millions of timestamps and toISOString was its hottest function.
 */
export function isoTime(ms: number | null): string | null {
  if (ms === null) return null;
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    if (dayPrefix.size > 4096) dayPrefix.clear();
    dayPrefix.set(day, prefix);
  }
  let r = ms - day * DAY_MS;
  const h = Math.floor(r / 3_600_000);
  r -= h * 3_600_000;
  const m = Math.floor(r / 60_000);
  r -= m * 60_000;
  const sec = Math.floor(r / 1000);
  const milli = r - sec * 1000;
  // The tables cover whole milliseconds; anything else (a fractional time) takes the slow path.
  return `${prefix}${TWO_DIGITS[h] ?? pad(h, 2)}:${TWO_DIGITS[m] ?? pad(m, 2)}:${TWO_DIGITS[sec] ?? pad(sec, 2)}.${THREE_DIGITS[milli] ?? pad(milli, 3)}Z`;
}

export interface FileSpec<T> {
  columns: Column[];
  csv(record: T): CsvValue[];
  /** The JSON Lines object; the record itself where its shape is already the export shape. */
  json(record: T): object;
}

export const TICKET_FILE: FileSpec<ExportTicket> = {
  columns: [
    { code: 'ticket_id', label: '票据编号' },
    { code: 'day', label: '日期' },
    { code: 'code', label: '号码' },
    { code: 'service_id', label: '事项' },
    { code: 'issued_service_id', label: '取号事项' },
    { code: 'language', label: '语言' },
    { code: 'priority', label: '绿色通道' },
    { code: 'kiosk_id', label: '取号机' },
    { code: 'counter_id', label: '窗口' },
    { code: 'staff_id', label: '工作人员' },
    { code: 'state', label: '最终状态' },
    { code: 'call_count', label: '叫号次数' },
    { code: 'issued_at', label: '取号时间' },
    { code: 'queued_at', label: '排队时间' },
    { code: 'first_called_at', label: '首次叫号时间' },
    { code: 'last_called_at', label: '最后叫号时间' },
    { code: 'started_at', label: '开始办理时间' },
    { code: 'finished_at', label: '结束时间' },
    { code: 'queue_call_count', label: '末次排队叫号次数' },
    { code: 'requeued_at', label: '最近转办时间' },
    { code: 'wait_ms', label: '累计等候（毫秒）' },
    { code: 'clock_steps', label: '时钟回拨次数' },
  ],
  csv: (t) => [
    t.id, t.day, t.code, t.serviceId, t.issuedServiceId, t.language, t.priority ? 1 : 0, t.kioskId, t.counterId, t.staffId,
    t.state, t.callCount, isoTime(t.issuedAt), isoTime(t.queuedAt), isoTime(t.firstCalledAt), isoTime(t.lastCalledAt),
    isoTime(t.startedAt), isoTime(t.finishedAt), t.queueCallCount, isoTime(t.requeuedAt), t.waitMs, t.clockSteps,
  ],
  json: (t) => t,
};

export const PRINT_JOB_FILE: FileSpec<ExportPrintJob> = {
  columns: [
    { code: 'ticket_id', label: '票据编号' },
    { code: 'printer', label: '打印机' },
    { code: 'state', label: '打印结果' },
    { code: 'reason', label: '失败原因' },
    { code: 'attempts', label: '打印次数' },
    { code: 'created_at', label: '创建时间' },
    { code: 'updated_at', label: '更新时间' },
    { code: 'printed_at', label: '打印时间' },
  ],
  csv: (p) => [p.ticketId, p.printer, p.state, p.reason, p.attempts, isoTime(p.createdAt), isoTime(p.updatedAt), isoTime(p.printedAt)],
  json: (p) => p,
};

export const RATING_FILE: FileSpec<ExportRating> = {
  columns: [
    { code: 'rating_id', label: '评价编号' },
    { code: 'ticket_id', label: '票据编号' },
    { code: 'counter_id', label: '窗口' },
    { code: 'staff_id', label: '工作人员' },
    { code: 'service_id', label: '事项' },
    { code: 'day', label: '日期' },
    { code: 'score', label: '评分' },
    { code: 'reasons', label: '原因' },
    { code: 'via', label: '评价方式' },
    { code: 'at', label: '评价时间' },
  ],
  csv: (r) => [r.id, r.ticketId, r.counterId, r.staffId, r.serviceId, r.day, r.score, r.reasons.join(';'), r.via, isoTime(r.at)],
  json: (r) => r,
};

export const FOLLOWUP_FILE: FileSpec<ExportFollowup> = {
  columns: [
    { code: 'followup_id', label: '回访编号' },
    { code: 'rating_id', label: '评价编号' },
    { code: 'opened_at', label: '开始时间' },
    { code: 'closed_at', label: '结束时间' },
    { code: 'closed_by', label: '回访人员' },
    { code: 'note', label: '回访记录' },
  ],
  csv: (f) => [f.id, f.ratingId, isoTime(f.openedAt), isoTime(f.closedAt), f.closedBy, f.note],
  json: (f) => f,
};

const SUBMISSION_META: Column[] = [
  { code: 'submission_id', label: '表单编号' },
  { code: 'ticket_id', label: '票据编号' },
  { code: 'form_id', label: '表单' },
  { code: 'form_version', label: '表单版本' },
  { code: 'language', label: '语言' },
  { code: 'filled_by', label: '填写方式' },
  { code: 'filler_id', label: '填写设备或人员' },
  { code: 'created_at', label: '提交时间' },
  { code: 'day', label: '日期' },
  { code: 'reviewed_by', label: '审核人员' },
  { code: 'reviewed_at', label: '审核时间' },
];

/** An answer as entered; a multichoice answer is its choice codes joined by ';'. */
export function answerCell(value: AnswerValue | undefined): CsvValue {
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.join(';');
  return value;
}

/**
 * One CSV per form version (a new version may add or drop fields): the meta columns, then
 * one column per field code in the definition's order. Unknown codes in an answer (should not
 * happen) go into a final `other` column as JSON, so nothing is silently dropped.
 */
export function submissionFile(definition: Pick<FormDefinition, 'fields'> | null): FileSpec<ExportSubmission> {
  const fields = definition?.fields ?? [];
  const codes = new Set(fields.map((f) => f.code));
  return {
    columns: [
      ...SUBMISSION_META,
      ...fields.map((f) => ({ code: f.code, label: f.label.zh })),
      { code: 'other', label: '其他' },
    ],
    csv: (s) => {
      const other = Object.fromEntries(Object.entries(s.answers).filter(([k]) => !codes.has(k)));
      return [
        s.id, s.ticketId, s.formId, s.formVersion, s.language, s.filledBy, s.fillerId, isoTime(s.createdAt), s.day,
        s.reviewedBy, isoTime(s.reviewedAt),
        ...fields.map((f) => answerCell(s.answers[f.code])),
        Object.keys(other).length > 0 ? JSON.stringify(other) : null,
      ];
    },
    json: (s) => s,
  };
}

/** A file name part made only of [a-z0-9_-], whatever a form id holds. */
export function safeName(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9_-]/g, '_').slice(0, 60) || 'form';
}

export function submissionFileName(formId: string, version: number): string {
  return `submissions-${safeName(formId)}-v${version}`;
}
