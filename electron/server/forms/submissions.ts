// The submission use cases behind routes/forms.ts: submit (kiosk or staff), read (staff,
// audited), replace (staff, 帮办代办), mark reviewed. Answers are checked with the same
// validateAnswers the kiosk runs; personal answers are sealed before they reach SQLite.
import { createHash } from 'node:crypto';
import type { Answers, FieldError, FormDefinition } from '../../core/forms/definition.js';
import { validateAnswers, type FormMessages } from '../../core/forms/validate.js';
import type { Language, Ticket } from '../../core/model.js';
import { hallDay } from '../../core/numbering.js';
import type { Clock, HallReads } from '../../core/ports.js';
import type { SubmissionRecord, SubmissionStore } from '../../store/submissionStore.js';
import type { AuditLog } from '../audit.js';
import { ServiceError } from '../../shared/serviceError.js';
import type { Principal } from '../../shared/principal.js';
import type { FormCatalog } from './catalog.js';
import { PersonalDataError, type PersonalDataCipher } from './personalData.js';
import { isPersonalField, splitAnswers } from './personalFields.js';

/** Refused answers: the field messages are already in the submission's language. */
export class InvalidSubmission extends Error {
  constructor(
    readonly language: Language,
    readonly fields: Record<string, FieldError>,
  ) {
    super('INVALID_SUBMISSION');
    this.name = 'InvalidSubmission';
  }
}

export interface SubmitInput {
  formId: string;
  version: number;
  language: Language;
  answers: unknown;
  ticketId: string | null;
  /** The kiosk's Idempotency-Key: a network retry returns the first submission, not a second one. */
  idempotencyKey?: string | undefined;
}

export interface SubmissionView {
  id: string;
  formId: string;
  version: number;
  ticketId: string | null;
  language: Language;
  filledBy: 'kiosk' | 'staff';
  fillerId: string | null;
  createdAt: string;
  day: string;
  /** Every stored answer, the personal ones opened; empty personal part after the purge. */
  answers: Answers;
  /** Codes of the answers that are personal data (sealed at rest). */
  personalCodes: string[];
  /** The personal answers were erased by retention. */
  personalPurged: boolean;
  reviewedBy: string | null;
  reviewedAt: string | null;
  exportedAt: string | null;
  purgedAt: string | null;
  /** The definition it was filled against, for labels (Chinese at the counter). */
  form: FormDefinition;
}

/** One line of GET /api/submissions: no answers. */
export type SubmissionSummary = Pick<SubmissionView, 'id' | 'formId' | 'version' | 'ticketId' | 'language' | 'filledBy' | 'fillerId' | 'createdAt' | 'reviewedBy' | 'reviewedAt' | 'personalPurged'>;

export interface SubmissionDeps {
  catalog: FormCatalog;
  store: SubmissionStore;
  cipher: PersonalDataCipher;
  hall: HallReads;
  clock: Clock;
  audit: AuditLog;
  /** The validator's messages; a function, so the hall's reviewed translations apply at once. */
  messages(): FormMessages;
  newId(): string;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Who filled a submission, when and which form, reviewed or not: no answers (the day's list,
 *  and the head of the full view). */
function summaryOf(s: SubmissionRecord): SubmissionSummary {
  return {
    id: s.id,
    formId: s.formId,
    version: s.formVersion,
    ticketId: s.ticketId,
    language: s.language,
    filledBy: s.filledBy,
    fillerId: s.fillerId,
    createdAt: iso(s.createdAt)!,
    reviewedBy: s.reviewedBy,
    reviewedAt: iso(s.reviewedAt),
    personalPurged: s.purgedAt !== null,
  };
}

function isUniqueViolation(e: unknown): boolean {
  return (e as { code?: unknown })?.code === 'SQLITE_CONSTRAINT' && /UNIQUE/i.test(String((e as Error).message));
}

export class Submissions {
  constructor(private readonly d: SubmissionDeps) {}

  /** The submissions table (the export reads and marks it). */
  get store(): SubmissionStore {
    return this.d.store;
  }

  private async today(): Promise<string> {
    return hallDay(this.d.clock.now(), (await this.d.hall.getPolicy()).timeZone);
  }

  /** A stored version that is active; otherwise a clear refusal naming the version served. */
  private async definition(formId: string, version: number): Promise<FormDefinition> {
    // The usual case, the version being served, comes from the cached active list.
    const served = await this.d.catalog.activeVersion(formId);
    if (served?.version === version) return served;
    const stored = await this.d.catalog.store.reads.get(formId, version);
    if (stored?.active) return (await this.d.catalog.get(formId, version)) ?? stored.definition;
    if (!served) throw new ServiceError('invalid', 'FORM_UNKNOWN', { formId });
    throw new ServiceError('conflict', 'FORM_VERSION_MISMATCH', { formId, version, activeVersion: served.version });
  }

  private validate(def: FormDefinition, answers: unknown, language: Language, today: string): Answers {
    const r = validateAnswers(def, answers, { lang: language, today, messages: this.d.messages() });
    if (!r.ok) throw new InvalidSubmission(language, r.fields);
    return r.answers;
  }

  private seal(def: FormDefinition, answers: Answers, id: string): { plain: Answers; sealed: Buffer | null; keyId: string | null } {
    const { plain, personal } = splitAnswers(def, answers);
    if (Object.keys(personal).length === 0) return { plain, sealed: null, keyId: null };
    try {
      const { sealed, keyId } = this.d.cipher.seal(personal, id);
      return { plain, sealed, keyId };
    } catch (e) {
      if (e instanceof PersonalDataError) throw new ServiceError('unavailable', 'PERSONAL_DATA_UNAVAILABLE');
      throw e;
    }
  }

  private async checkTicket(ticketId: string, def: FormDefinition, who: Principal, today: string): Promise<Ticket> {
    const ticket = await this.d.hall.getTicket(ticketId);
    if (!ticket) throw new ServiceError('invalid', 'TICKET_UNKNOWN', { ticketId });
    if (ticket.day !== today) throw new ServiceError('invalid', 'TICKET_NOT_TODAY', { ticketId });
    if (who.kind === 'device') {
      // A kiosk attaches forms only to the tickets it issued itself, for the form's service.
      if (ticket.kioskId !== who.deviceId) throw new ServiceError('forbidden', 'TICKET_OTHER_KIOSK', { ticketId });
      if (def.serviceId !== null && def.serviceId !== ticket.issuedServiceId && def.serviceId !== ticket.serviceId) {
        throw new ServiceError('invalid', 'FORM_NOT_FOR_TICKET', { ticketId, formId: def.id });
      }
    }
    return ticket;
  }

  async submit(input: SubmitInput, who: Principal): Promise<{ id: string; replayed: boolean }> {
    const filler = fillerOf(who);
    const id = input.idempotencyKey ? idempotentSubmissionId(filler.fillerId, input.idempotencyKey) : this.d.newId();
    if (input.idempotencyKey && (await this.d.store.reads.get(id))) return { id, replayed: true };
    const def = await this.definition(input.formId, input.version);
    const today = await this.today();
    const answers = this.validate(def, input.answers, input.language, today);
    if (input.ticketId === null) {
      if (!def.allowWithoutTicket) throw new ServiceError('invalid', 'TICKET_REQUIRED', { formId: def.id });
    } else {
      await this.checkTicket(input.ticketId, def, who, today);
      const existing = await this.d.store.reads.forTicketAndForm(input.ticketId, def.id);
      if (existing) throw new ServiceError('conflict', 'SUBMISSION_EXISTS', { submissionId: existing.id });
    }
    const { plain, sealed, keyId } = this.seal(def, answers, id);
    const now = this.d.clock.now();
    const record: SubmissionRecord = {
      id,
      formId: def.id,
      formVersion: def.version,
      ticketId: input.ticketId,
      language: input.language,
      filledBy: filler.filledBy,
      fillerId: filler.fillerId,
      createdAt: now,
      day: today,
      answers: plain,
      sealed,
      keyId,
      reviewedBy: null,
      reviewedAt: null,
      exportedAt: null,
      exportBatchId: null,
      purgedAt: null,
    };
    try {
      await this.d.store.write(async (tx, conn) => {
        await tx.insert(record);
        await this.d.audit.recordIn(conn, who, {
          action: 'submission.create',
          target: id,
          detail: { formId: def.id, version: def.version, ticketId: input.ticketId, filledBy: filler.filledBy },
        });
      });
    } catch (e) {
      // The same key twice at once: the primary key decides, the second gets the first's id.
      if (input.idempotencyKey && isUniqueViolation(e) && (await this.d.store.reads.get(id))) return { id, replayed: true };
      // Two submissions for one ticket racing: the unique index decides, the loser is told.
      if (input.ticketId !== null && isUniqueViolation(e)) {
        const existing = await this.d.store.reads.forTicketAndForm(input.ticketId, def.id);
        throw new ServiceError('conflict', 'SUBMISSION_EXISTS', { submissionId: existing?.id ?? null });
      }
      throw e;
    }
    return { id, replayed: false };
  }

  /** Staff completing or correcting a submission for the resident (帮办代办); audited. */
  async replace(id: string, input: { version?: number | undefined; language?: Language | undefined; answers: unknown }, who: Principal): Promise<{ id: string }> {
    if (who.kind !== 'staff') throw new ServiceError('forbidden', 'FORBIDDEN');
    const current = await this.d.store.reads.get(id);
    if (!current) throw new ServiceError('not_found', 'NOT_FOUND');
    if (current.purgedAt !== null) throw new ServiceError('conflict', 'SUBMISSION_PURGED');
    if (current.exportedAt !== null) throw new ServiceError('conflict', 'SUBMISSION_EXPORTED');
    const def = await this.definition(current.formId, input.version ?? current.formVersion);
    const language = input.language ?? current.language;
    const answers = this.validate(def, input.answers, language, await this.today());
    const { plain, sealed, keyId } = this.seal(def, answers, id);
    await this.d.store.write(async (tx, conn) => {
      await tx.replaceAnswers(id, { formVersion: def.version, language, answers: plain, sealed, keyId, fillerId: who.staffId });
      await this.d.audit.recordIn(conn, who, {
        action: 'submission.update',
        target: id,
        detail: { formId: def.id, version: def.version, previousFilledBy: current.filledBy, previousFillerId: current.fillerId },
      });
    });
    return { id };
  }

  /** The whole submission with its personal answers opened. Every read is audited first. */
  async read(id: string, who: Principal, via: 'id' | 'ticket'): Promise<SubmissionView> {
    const s = await this.d.store.reads.get(id);
    if (!s) throw new ServiceError('not_found', 'NOT_FOUND');
    return this.view(s, who, via);
  }

  async readForTicket(ticketId: string, who: Principal): Promise<SubmissionView> {
    const s = await this.d.store.reads.forTicket(ticketId);
    if (!s) throw new ServiceError('not_found', 'NOT_FOUND');
    return this.view(s, who, 'ticket');
  }

  private async view(s: SubmissionRecord, who: Principal, via: 'id' | 'ticket'): Promise<SubmissionView> {
    const form = await this.d.catalog.get(s.formId, s.formVersion);
    if (!form) throw new ServiceError('conflict', 'FORM_UNKNOWN', { formId: s.formId });
    let personal: Answers = {};
    if (s.sealed && s.keyId) {
      try {
        personal = this.d.cipher.open(s.sealed, s.keyId, s.id);
      } catch (e) {
        if (e instanceof PersonalDataError) throw new ServiceError('unavailable', 'PERSONAL_DATA_UNAVAILABLE', { reason: e.reason });
        throw e;
      }
    }
    // The read is on record before anything personal leaves the server.
    await this.d.audit.record(who, { action: 'submission.read', target: s.id, detail: { formId: s.formId, ticketId: s.ticketId, via } });
    const answers: Answers = {};
    for (const src of [s.answers, personal]) {
      for (const [k, v] of Object.entries(src)) Object.defineProperty(answers, k, { value: v, enumerable: true, writable: true, configurable: true });
    }
    return {
      ...summaryOf(s),
      day: s.day,
      answers,
      personalCodes: form.fields.filter(isPersonalField).map((f) => f.code),
      exportedAt: iso(s.exportedAt),
      purgedAt: iso(s.purgedAt),
      form,
    };
  }

  /**
   * The day's submissions as staff find them (the suggestion box and proxy requests have no
   * ticket): who, when, which form, reviewed or not. No answers at all, so not a read of
   * personal data; opening one is (GET /api/submissions/:id).
   */
  async listDay(day: string | null, formId: string | null): Promise<SubmissionSummary[]> {
    const list = await this.d.store.reads.listDay(day ?? (await this.today()), formId ?? undefined);
    return list.map(summaryOf);
  }

  async markReviewed(id: string, who: Principal): Promise<{ id: string; reviewedBy: string; reviewedAt: string }> {
    if (who.kind !== 'staff') throw new ServiceError('forbidden', 'FORBIDDEN');
    const at = this.d.clock.now();
    const found = await this.d.store.write(async (tx, conn) => {
      if (!(await tx.get(id))) return false;
      await tx.markReviewed(id, who.staffId, at);
      await this.d.audit.recordIn(conn, who, { action: 'submission.review', target: id });
      return true;
    });
    if (!found) throw new ServiceError('not_found', 'NOT_FOUND');
    return { id, reviewedBy: who.staffId, reviewedAt: iso(at)! };
  }
}

/**
 * The submission id for an idempotency key: a hash of who sent it and the key, shaped as a
 * UUID, so a replay finds the first submission by its primary key (no extra table) and two
 * devices can never meet on one id.
 */
export function idempotentSubmissionId(fillerId: string, key: string): string {
  const h = createHash('sha256').update('hall-kiosk submission\0').update(fillerId).update('\0').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function fillerOf(who: Principal): { filledBy: 'kiosk' | 'staff'; fillerId: string } {
  if (who.kind === 'staff') return { filledBy: 'staff', fillerId: who.staffId };
  if (who.kind === 'device' && who.role === 'kiosk') return { filledBy: 'kiosk', fillerId: who.deviceId };
  throw new ServiceError('forbidden', 'FORBIDDEN');
}
