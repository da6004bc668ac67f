// Concurrent uploads of one voice clip: each writes its own temp file, so every upload
// succeeds and the clip ends up exactly one of them, never a mix.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestHall, type TestHall } from '../support/hall.js';

function wav(fill: number, bytes: number): Buffer {
  const b = Buffer.alloc(bytes, fill);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(bytes - 8, 4);
  b.write('WAVE', 8, 'latin1');
  return b;
}

describe('concurrent voice uploads', () => {
  let hall: TestHall;
  before(async () => (hall = await startTestHall()));
  after(() => hall.stop());

  it('six uploads of one clip at once all succeed and the clip is one of them, whole', async () => {
    const bodies = Array.from({ length: 6 }, (_, i) => wav(0x30 + i, 900 * 1024));
    const answers = await Promise.all(
      bodies.map((body) =>
        fetch(`${hall.url}/api/voice/zh/please`, {
          method: 'PUT',
          headers: { Authorization: `Bearer ${hall.adminToken}`, 'Content-Type': 'audio/wav' },
          body: new Uint8Array(body),
        }).then(async (r) => ({ status: r.status, text: await r.text() })),
      ),
    );
    for (const a of answers) assert.equal(a.status, 200, a.text);
    const served = Buffer.from(await (await fetch(`${hall.url}/voice/zh/please`)).arrayBuffer());
    assert.ok(bodies.some((b) => b.equals(served)), 'the stored clip is exactly one upload');
  });
});
