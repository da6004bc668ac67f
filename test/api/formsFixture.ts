// Test form definitions, stored straight into a running hall (as an import would), so the
// forms tests do not depend on the wording of the shipped default forms.
import type { FormDefinition } from '../../electron/core/forms/definition.js';
import { residentIdCheckChar } from '../../electron/core/forms/validate.js';
import assert from 'node:assert/strict';
import { api, type TestHall } from '../support/hall.js';

const t = (zh: string, bo: string, ug: string) => ({ zh, bo, ug });

export const PERMIT: FormDefinition = {
  id: 'test-permit',
  version: 1,
  serviceId: 'household',
  title: t('居住证申领（测试）', 'སྡོད་གནས་ལག་འཁྱེར་ཞུ་འབུལ།', 'تۇرالغۇ گۇۋاھنامىسى ئىلتىماسى'),
  allowWithoutTicket: false,
  fields: [
    { code: 'name', type: 'text', label: t('姓名', 'མིང་།', 'ئىسىم'), required: true, personal: true, maxLength: 40 },
    { code: 'id_number', type: 'resident_id', label: t('身份证号', 'ཐོབ་ཐང་ལག་འཁྱེར་ཨང་གྲངས།', 'كىملىك نومۇرى'), required: true, personal: true },
    { code: 'phone', type: 'phone', label: t('手机号', 'ཁ་པར་ཨང་གྲངས།', 'تېلېفون نومۇرى'), required: false, personal: true },
    { code: 'has_children', type: 'yesno', label: t('是否有子女随迁', 'བུ་ཕྲུག་ཡོད་དམ།', 'بالىلىرىڭىز بارمۇ'), required: true, personal: false },
    {
      code: 'children',
      type: 'integer',
      label: t('随迁子女人数', 'བུ་ཕྲུག་གི་གྲངས།', 'بالىلار سانى'),
      required: true,
      personal: false,
      min: 1,
      max: 10,
      relevant: { field: 'has_children', equals: true },
    },
    {
      code: 'reason',
      type: 'choice',
      label: t('申领原因', 'ཞུ་འབུལ་རྒྱུ་མཚན།', 'ئىلتىماس سەۋەبى'),
      required: true,
      personal: false,
      choices: [
        { code: 'work', label: t('工作', 'ལས་ཀ', 'خىزمەت') },
        { code: 'study', label: t('就学', 'སློབ་སྦྱོང་།', 'ئوقۇش') },
      ],
    },
    { code: 'note', type: 'longtext', label: t('备注', 'མཆན།', 'ئىزاھات'), required: false, personal: false, maxLength: 2000 },
    { code: 'consent', type: 'consent', label: t('同意', 'མོས་མཐུན།', 'قوشۇلىمەن'), required: true, personal: false },
  ],
};

export const BOX: FormDefinition = {
  id: 'test-box',
  version: 1,
  serviceId: null,
  title: t('意见箱（测试）', 'བསམ་འཆར་སྒམ།', 'پىكىر ساندۇقى'),
  allowWithoutTicket: true,
  anonymous: true,
  fields: [{ code: 'opinion', type: 'longtext', label: t('意见', 'བསམ་འཆར།', 'پىكىر'), required: true, personal: false }],
};

/** A resident ID with a correct GB 11643 check character. */
export function residentId(first17 = '11010519491231002'): string {
  return first17 + residentIdCheckChar(first17);
}

/** A valid id with its last character changed. */
export function wrongCheckId(): string {
  const good = residentId();
  return good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
}

export async function storeForms(hall: TestHall, defs: FormDefinition[] = [PERMIT, BOX]): Promise<void> {
  const ctx = hall.server.context;
  await ctx.forms.write(async (tx) => {
    for (const def of defs) if ((await tx.get(def.id, def.version)) === null) await tx.insert(def, ctx.deps.clock.now(), 'test');
  });
}

/** Takes a ticket for the household service and files PERMIT (version 1) with these answers, as the kiosk does; returns the submission id. */
export async function submitPermit(hall: TestHall, answers: Record<string, unknown>): Promise<string> {
  const ticket = await api<{ id: string }>(hall.url, 'POST', '/api/tickets', hall.kioskToken, { serviceId: 'household', language: 'zh' });
  assert.equal(ticket.status, 201);
  const r = await api<{ id: string }>(hall.url, 'POST', '/api/submissions', hall.kioskToken, { formId: PERMIT.id, version: 1, language: 'zh', ticketId: ticket.body.id, answers });
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body.id;
}
