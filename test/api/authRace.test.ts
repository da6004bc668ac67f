// A device lookup in flight while the device is revoked must not be cached as live.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AuthService } from '../../electron/server/auth.js';
import { AuthStore, type DeviceRecord } from '../../electron/store/authStore.js';
import { Database } from '../../electron/store/db.js';
import { migrate } from '../../electron/store/migrations/index.js';
import { tempDir } from '../support/hall.js';

/** The real store, but the device lookup waits (after reading) until the test lets it go. */
class HeldLookupStore extends AuthStore {
  hold: Promise<void> | null = null;
  read: (() => void) | null = null;
  override async deviceByTokenHash(tokenHash: string): Promise<DeviceRecord | null> {
    const found = await super.deviceByTokenHash(tokenHash);
    if (this.hold) {
      this.read?.();
      await this.hold;
    }
    return found;
  }
}

describe('device revocation racing a token lookup', () => {
  const tmp = tempDir('hall-auth-race-');
  let db: Database;
  before(async () => {
    db = await Database.open(join(tmp.dir, 'hall.sqlite3'));
    await migrate(db);
  });
  after(async () => {
    await db.close();
    tmp.remove();
  });

  it('the next request after the revocation is refused (no stale cache entry)', async () => {
    const store = new HeldLookupStore(db);
    const auth = new AuthService(store, { now: () => Date.now() });
    const { device, token } = await auth.createDevice('kiosk', 'Race kiosk');
    let release!: () => void;
    store.hold = new Promise((r) => (release = r));
    const readDone = new Promise<void>((r) => (store.read = r));
    const inFlight = auth.principal(token);
    await readDone; // the lookup has read the device as live
    assert.equal(await auth.revokeDevice(device.id), true);
    release();
    store.hold = null;
    assert.equal((await inFlight).kind, 'device', 'the request that started before the revocation may pass');
    assert.equal((await auth.principal(token)).kind, 'anonymous', 'but nothing after it');
  });
});
