// Every commit of a submission must typecheck and build, so that a regression can be bisected
// (issue 19: commits that imported files added only later, a constant not yet exported).
//
//   npm run check-commits -- [--base REV] [--last N] [--lint] [--fail-fast]
//
// Checks each commit in BASE..HEAD (oldest first) in ONE temporary git worktree outside this
// one (`git worktree add --detach`), moved from commit to commit, with node_modules shared by
// a symlink: `tsc --noEmit` (incremental: the build info lives in the temporary folder and is
// reused from commit to commit, which makes every commit after the first cheap) and
// `node scripts/build.mjs --quiet`; with --lint also `eslint --max-warnings 0` on the files the
// commit changed. Your own worktree, index and stash are never touched. Prints one line per
// commit and the log of what failed; exits 1 when any commit fails, 2 on wrong usage.
//
// BASE defaults to the merge base with `main` (the commits your branch adds).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'Usage: npm run check-commits -- [--base REV] [--last N] [--lint] [--fail-fast]';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let args;
try {
  args = parseArgs({
    options: {
      base: { type: 'string' },
      last: { type: 'string' },
      lint: { type: 'boolean', default: false },
      'fail-fast': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  }).values;
} catch (e) {
  console.error(`${e.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}

const git = (...a) => execFileSync('git', a, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

function defaultBase() {
  for (const ref of ['main', 'origin/main']) {
    try {
      return git('merge-base', 'HEAD', ref);
    } catch {
      // no such ref here: try the next one
    }
  }
  console.error('No `main` branch to compare with: give --base REV (or --last N).');
  process.exit(2);
}

let range;
if (args.last !== undefined) {
  const n = Number(args.last);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`--last needs a whole number ≥ 1\n${USAGE}`);
    process.exit(2);
  }
  range = git('rev-list', `--max-count=${n}`, 'HEAD').split('\n').filter(Boolean).reverse();
} else {
  const base = args.base ?? defaultBase();
  try {
    git('rev-parse', '--verify', `${base}^{commit}`);
  } catch {
    console.error(`Not a commit: ${base}\n${USAGE}`);
    process.exit(2);
  }
  range = git('rev-list', '--reverse', `${base}..HEAD`).split('\n').filter(Boolean);
}
if (range.length === 0) {
  console.log('No commits to check (HEAD is the base).');
  process.exit(0);
}

const nodeModules = join(root, 'node_modules');
if (!existsSync(nodeModules)) {
  console.error('node_modules is missing here: run `npm install` first (the temporary worktree shares it).');
  process.exit(2);
}

const tmp = mkdtempSync(join(tmpdir(), 'check-commits-'));
const tree = join(tmp, 'tree');
const buildInfo = join(tmp, 'tsc.tsbuildinfo');
let cleaned = false;
function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  spawnSync('git', ['worktree', 'remove', '--force', tree], { cwd: root, stdio: 'ignore' });
  rmSync(tmp, { recursive: true, force: true });
  spawnSync('git', ['worktree', 'prune'], { cwd: root, stdio: 'ignore' });
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

/** Runs one step in the temporary tree; returns its time and, on failure, its output. */
function step(cmd, cmdArgs) {
  const started = Date.now();
  const r = spawnSync(cmd, cmdArgs, { cwd: tree, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, CI: 'true' } });
  const seconds = (Date.now() - started) / 1000;
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`;
  return { ok: r.status === 0, seconds, output };
}

const tscBin = join(nodeModules, 'typescript', 'bin', 'tsc');
const eslintBin = join(nodeModules, 'eslint', 'bin', 'eslint.js');
const failures = [];
const started = Date.now();
console.log(`Checking ${range.length} commit(s), oldest first${args.lint ? ', with lint' : ''}:`);
try {
  execFileSync('git', ['worktree', 'add', '--quiet', '--detach', tree, range[0]], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  // The node_modules symlink is untracked, so moving the tree between commits leaves it alone.
  symlinkSync(realpathSync(nodeModules), join(tree, 'node_modules'), 'dir');
  for (const sha of range) {
    execFileSync('git', ['checkout', '--quiet', '--detach', '--force', sha], { cwd: tree, stdio: ['ignore', 'ignore', 'pipe'] });
    // Leftovers of the previous commit's build must not hide a missing file in this one.
    spawnSync('git', ['clean', '-fdxq', '-e', 'node_modules'], { cwd: tree, stdio: 'ignore' });
    const title = git('log', '-1', '--format=%h %s', sha);
    const problems = [];
    const times = [];
    const typecheck = step(process.execPath, [tscBin, '-p', 'tsconfig.json', '--noEmit', '--incremental', '--tsBuildInfoFile', buildInfo]);
    times.push(`typecheck ${typecheck.seconds.toFixed(1)} s`);
    if (!typecheck.ok) problems.push(['typecheck (tsc --noEmit)', typecheck.output]);
    const build = step(process.execPath, ['scripts/build.mjs', '--quiet']);
    times.push(`build ${build.seconds.toFixed(1)} s`);
    if (!build.ok) problems.push(['build (node scripts/build.mjs --quiet)', build.output]);
    if (args.lint) {
      const changed = git('diff-tree', '--no-commit-id', '--name-only', '--diff-filter=d', '-r', '--root', sha)
        .split('\n')
        .filter((f) => /\.(ts|tsx|mjs|js)$/.test(f));
      if (changed.length > 0) {
        const lint = step(process.execPath, [eslintBin, '--max-warnings', '0', '--no-warn-ignored', ...changed]);
        times.push(`lint ${lint.seconds.toFixed(1)} s`);
        if (!lint.ok) problems.push([`lint (eslint on ${changed.length} changed file(s))`, lint.output]);
      }
    }
    console.log(`${problems.length === 0 ? 'ok  ' : 'FAIL'} ${title}  (${times.join(', ')})`);
    if (problems.length > 0) {
      failures.push({ title, problems });
      for (const [what, output] of problems) {
        const lines = output.trim().split('\n');
        console.log(`     ${what} failed:`);
        for (const line of lines.slice(0, 40)) console.log(`       ${line}`);
        if (lines.length > 40) console.log(`       … ${lines.length - 40} more lines`);
      }
      if (args['fail-fast']) break;
    }
  }
} finally {
  cleanUp();
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
if (failures.length > 0) {
  console.log(`\n${failures.length} of ${range.length} commit(s) fail (${minutes} min):`);
  for (const f of failures) console.log(`  ${f.title}: ${f.problems.map(([what]) => what).join('; ')}`);
  process.exit(1);
}
console.log(`\nAll ${range.length} commit(s) typecheck and build (${minutes} min).`);
