// Forms: 10 000 submissions of the proxy-service form over HTTP (validated, personal answers
// sealed with AES-256-GCM, one SQLite transaction with its audit entry each), then read-back
// of stored submissions by staff (opened and audited per read).
// Prints ONE JSON object: submit p50/p95/p99 (ms), throughput, read-back mean/p95 (ms).
import { residentIdCheckChar } from '../electron/core/forms/validate.js';
import { adminSetup, call, startServerProcess, summary } from './support.js';

const SUBMISSIONS = Number(process.env.BENCH_FORMS_N ?? 10_000);
const READS = Number(process.env.BENCH_FORMS_READS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_FORMS_CONCURRENCY ?? 8);

function answers(i: number) {
  const first17 = `110105198${String(i % 10)}0${String((i % 9) + 1)}${String(10 + (i % 18))}${String(100 + (i % 900)).padStart(3, '0')}`.slice(0, 17);
  return {
    name: `测试居民${i}`,
    phone: `138${String(10_000_000 + i).slice(-8)}`,
    id_number: first17 + residentIdCheckChar(first17),
    matter: 'pension_check',
    mode: 'proxy',
    mobility: i % 2 ? 'independent' : 'needs_help',
    notes: i % 5 === 0 ? 'ཁྱིམ་དུ་ཕེབས་རོགས། ئۆيگە كېلىڭ 请上门' : '',
    consent: true,
  };
}

async function inParallel(n: number, worker: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (;;) {
        const i = next++;
        if (i >= n) return;
        await worker(i);
      }
    }),
  );
}

const server = await startServerProcess();
try {
  const { admin, kiosk } = await adminSetup(server.base);
  await call(server.base, 'POST', '/api/staff', admin, { username: 'bench-clerk', password: 'bench-clerk-pw', role: 'staff' });
  const staff = (await call<{ token: string }>(server.base, 'POST', '/api/session', undefined, { username: 'bench-clerk', password: 'bench-clerk-pw' })).body.token;
  const forms = (await call<{ id: string; version: number }[]>(server.base, 'GET', '/api/forms', kiosk)).body;
  const form = forms.find((f) => f.id === 'proxy_service');
  if (!form) throw new Error('proxy_service form not served');

  const submitMs: number[] = [];
  const ids: string[] = [];
  let refused = 0;
  const started = performance.now();
  await inParallel(SUBMISSIONS, async (i) => {
    const t0 = performance.now();
    const r = await call<{ id: string }>(server.base, 'POST', '/api/submissions', kiosk, { formId: form.id, version: form.version, language: (['zh', 'bo', 'ug'] as const)[i % 3], answers: answers(i) });
    submitMs.push(performance.now() - t0);
    if (r.status === 201) ids.push(r.body.id);
    else refused++;
  });
  const submitSeconds = (performance.now() - started) / 1000;

  const readMs: number[] = [];
  let readFailures = 0;
  const sample = Array.from({ length: Math.min(READS, ids.length) }, (_, k) => ids[Math.floor((k * ids.length) / Math.min(READS, ids.length))]!);
  await inParallel(sample.length, async (k) => {
    const t0 = performance.now();
    const r = await call<{ answers: Record<string, unknown> }>(server.base, 'GET', `/api/submissions/${sample[k]!}`, staff);
    readMs.push(performance.now() - t0);
    if (r.status !== 200 || typeof r.body.answers.name !== 'string') readFailures++;
  });
  const reads = summary(readMs);
  const mean = readMs.reduce((a, b) => a + b, 0) / Math.max(1, readMs.length);
  console.log(
    JSON.stringify({
      submissions: SUBMISSIONS,
      concurrency: CONCURRENCY,
      refused,
      submitMs: summary(submitMs),
      submitsPerSecond: Math.round(SUBMISSIONS / submitSeconds),
      readBack: { n: reads.n, meanMs: Math.round(mean * 100) / 100, p95Ms: reads.p95, p99Ms: reads.p99, failures: readFailures },
    }),
  );
} finally {
  await server.stop();
}
