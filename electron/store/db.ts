// One SQLite file, two connections: a writer that serializes every transaction behind a
// promise queue (BEGIN IMMEDIATE … COMMIT), and a reader for queries that can run beside it
// (WAL lets readers see the last committed state). synchronous=FULL: a commit that returned
// survives power loss; NORMAL may lose the last commits in WAL mode. secure_delete=ON: freed
// bytes (purged sealed answers) are overwritten with zeros, not left in the page; it must be
// set on the connection before a transaction (inside one it does not take effect).
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';
import sqlite3 from 'sqlite3';

export type SqlValue = string | number | bigint | null | Buffer;
export type Row = Record<string, unknown>;

export class Connection {
  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string, mode: number): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, mode, (err) => (err ? reject(err) : resolve(new Connection(db))));
    });
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<{ changes: number; lastID: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (this: sqlite3.RunResult, err: Error | null) {
        if (err) reject(err);
        else resolve({ changes: this.changes, lastID: this.lastID });
      });
    });
  }

  get<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      this.db.get(sql, params, (err: Error | null, row: T | undefined) => (err ? reject(err) : resolve(row)));
    });
  }

  all<T = Row>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      this.db.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)));
    });
  }

  exec(sql: string): Promise<void> {
    return new Promise((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.db.close((err) => (err ? reject(err) : resolve())));
  }
}

export class IntegrityError extends Error {
  constructor(readonly report: string) {
    super(`The hall database failed its integrity check: ${report}`);
    this.name = 'IntegrityError';
  }
}

export class Database {
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    /** Only used inside write(); never touch it elsewhere. */
    private readonly writer: Connection,
    readonly reader: Connection,
  ) {}

  static async open(file: string): Promise<Database> {
    // The file is made 0600 before SQLite opens it: SQLite gives the -wal and -shm files the
    // database file's mode, so all three stay private to the server's user.
    if (process.platform !== 'win32' && file !== ':memory:') {
      closeSync(openSync(file, 'a', 0o600));
      for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) chmodSync(f, 0o600);
    }
    const writer = await Connection.open(file, sqlite3.OPEN_READWRITE | sqlite3.OPEN_CREATE);
    await writer.exec(
      'PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA secure_delete=ON;',
    );
    const check = await writer.get<{ quick_check: string }>('PRAGMA quick_check');
    if (check?.quick_check !== 'ok') {
      await writer.close();
      throw new IntegrityError(String(check?.quick_check));
    }
    const reader = await Connection.open(file, sqlite3.OPEN_READONLY);
    await reader.exec('PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON;');
    return new Database(file, writer, reader);
  }

  /**
   * Runs fn inside BEGIN IMMEDIATE … COMMIT on the writer. Transactions run one after
   * another, so two counters calling at once see each other's committed result.
   */
  write<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    const run = async (): Promise<T> => {
      await this.writer.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.writer);
        await this.writer.exec('COMMIT');
        return result;
      } catch (e) {
        await this.writer.exec('ROLLBACK').catch(() => undefined);
        throw e;
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Runs fn on the writer outside any transaction (migrations manage their own). */
  exclusive<T>(fn: (conn: Connection) => Promise<T>): Promise<T> {
    const p = this.queue.then(() => fn(this.writer));
    this.queue = p.catch(() => undefined);
    return p;
  }

  /**
   * Copies the WAL into the database file and truncates the WAL to nothing (waiting for
   * readers through the busy timeout): after a purge no old page with sealed bytes is left
   * in either file. Returns false when a reader kept the WAL from being truncated.
   */
  checkpoint(): Promise<boolean> {
    return this.exclusive(async (c) => {
      const r = await c.get<{ busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)');
      return r?.busy === 0;
    });
  }

  /** A consistent online copy through VACUUM INTO (never a file copy of a live database). */
  backupTo(file: string): Promise<void> {
    return this.exclusive((c) => c.run('VACUUM INTO ?', [file]).then(() => undefined));
  }

  async close(): Promise<void> {
    await this.queue;
    await this.reader.close();
    await this.writer.close();
  }
}
