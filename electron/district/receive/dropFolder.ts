// The drop folder (USB stick or share): polled, because change events are unreliable on
// mounted shares. Only complete `*.gpg` files are taken (the hall writes `.gpg.tmp` or
// `.part` and renames; a file copied by hand under its final name is taken once its size and
// time stood still between two scans); a loaded or repeated file moves to `loaded/`, a refused one to
// `refused/` (its copy and reason are in the quarantine), a file that failed for another
// reason stays and is tried again.
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Intake } from './intake.js';
import { BatchRefused } from './openBatch.js';

export class DropFolder {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  /** Size and modification time of each file at the previous scan. */
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly intake: Intake,
    private readonly log: { warn(o: object, m: string): void },
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    mkdirSync(this.dir, { recursive: true });
    const tick = () => {
      if (this.stopped) return;
      this.running = this.scan().finally(() => {
        this.running = null;
        if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
      });
    };
    tick();
  }

  /** One pass over the folder (tests call it directly; a new file is taken at its second pass). */
  async scan(): Promise<void> {
    let names: string[];
    try {
      names = readdirSync(this.dir).filter((n) => n.endsWith('.gpg')).sort();
    } catch (e) {
      this.log.warn({ err: e, dir: this.dir }, 'drop folder unreadable');
      return;
    }
    const still = new Map<string, string>();
    for (const name of names) {
      try {
        const st = statSync(join(this.dir, name));
        still.set(name, `${st.size}/${st.mtimeMs}`);
      } catch {
        // gone meanwhile
      }
    }
    const previous = new Map(this.seen);
    this.seen.clear();
    for (const [k, v] of still) this.seen.set(k, v);
    for (const name of names) {
      if (this.stopped) return;
      const file = join(this.dir, name);
      if (!existsSync(file)) continue;
      // Still being written (a copy in progress): taken at a later scan.
      if (!still.has(name) || previous.get(name) !== still.get(name)) continue;
      let to: 'loaded' | 'refused';
      try {
        await this.intake.receive(file, 'folder', name, name.slice(0, -'.gpg'.length));
        to = 'loaded';
      } catch (e) {
        if (!(e instanceof BatchRefused)) {
          this.log.warn({ err: e, name }, 'drop folder batch failed; will retry');
          continue;
        }
        to = 'refused';
      }
      const dest = join(this.dir, to);
      mkdirSync(dest, { recursive: true });
      renameSync(file, join(dest, existsSync(join(dest, name)) ? `${Date.now()}-${name}` : name));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
