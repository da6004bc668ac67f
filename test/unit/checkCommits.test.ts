// scripts/check-commits.mjs on a small throwaway repository: three commits, the middle one
// imports a file that only the third adds (the defect of issue 19). The check must name that
// commit, pass the others, leave the repository's own worktree untouched and remove its
// temporary worktree. The project is tiny so tsc takes a second; the script is the real one.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { tempDir } from '../support/hall.js';

const here = join(import.meta.dirname, '..', '..');
const tmp = tempDir('check-commits-');
after(() => tmp.remove());

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, encoding: 'utf8' }).trim();
}

function commit(dir: string, files: Record<string, string>, message: string): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  git(dir, 'add', '-A', '--', ...Object.keys(files));
  git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', '--short', 'HEAD');
}

describe('check-commits', () => {
  it('names the commit that does not typecheck and passes the others', () => {
    const repo = join(tmp.dir, 'repo');
    mkdirSync(join(repo, 'scripts'), { recursive: true });
    git(repo, 'init', '-q', '-b', 'main');
    symlinkSync(join(here, 'node_modules'), join(repo, 'node_modules'), 'dir');
    const base = commit(
      repo,
      {
        '.gitignore': 'node_modules\ndist/\n',
        'scripts/check-commits.mjs': readFileSync(join(here, 'scripts', 'check-commits.mjs'), 'utf8'),
        // The build step of the real repository, reduced to "the entry file exists".
        'scripts/build.mjs': "import { existsSync } from 'node:fs';\nif (!existsSync('src/main.ts')) { console.error('no src/main.ts'); process.exit(1); }\n",
        'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', noEmit: true, types: [] }, include: ['src'] }),
        'src/main.ts': 'export const answer: number = 42;\n',
      },
      'base',
    );
    const good = commit(repo, { 'src/main.ts': 'export const answer: number = 41 + 1;\n' }, 'a working step');
    const broken = commit(repo, { 'src/main.ts': "import { WEEKDAYS } from './numbering.js';\nexport const answer: number = WEEKDAYS.length;\n" }, 'uses a file added only later');
    const fixed = commit(repo, { 'src/numbering.ts': "export const WEEKDAYS = ['mon', 'tue'] as const;\n" }, 'adds the file');
    writeFileSync(join(repo, 'uncommitted.txt'), 'my work in progress\n');

    const r = spawnSync(process.execPath, ['scripts/check-commits.mjs', '--base', base], { cwd: repo, encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    assert.match(r.stdout, new RegExp(`^ok +${good} a working step`, 'm'));
    assert.match(r.stdout, new RegExp(`^FAIL ${broken} uses a file added only later`, 'm'));
    assert.match(r.stdout, /typecheck \(tsc --noEmit\) failed/);
    assert.match(r.stdout, /numbering\.js/);
    assert.match(r.stdout, new RegExp(`^ok +${fixed} adds the file`, 'm'));
    assert.match(r.stdout, /1 of 3 commit\(s\) fail/);

    // The developer's own worktree is as it was; no temporary worktree is left registered.
    assert.equal(git(repo, 'rev-parse', '--short', 'HEAD'), fixed);
    assert.match(git(repo, 'status', '--porcelain'), /uncommitted\.txt/);
    assert.equal(git(repo, 'worktree', 'list').split('\n').length, 1);

    // From the fixed commit on, all is well; wrong usage is 2.
    const last = spawnSync(process.execPath, ['scripts/check-commits.mjs', '--last', '1'], { cwd: repo, encoding: 'utf8' });
    assert.equal(last.status, 0, last.stdout + last.stderr);
    assert.match(last.stdout, /All 1 commit\(s\) typecheck and build/);
    assert.equal(spawnSync(process.execPath, ['scripts/check-commits.mjs', '--base', 'no-such-rev'], { cwd: repo }).status, 2);
  });
});
