// Import this module FIRST in every entry point (serve.ts, main.ts, the bench), before
// anything that may touch libuv's thread pool (fs, crypto.scrypt, sqlite3, dns).
//
// Why: scrypt, sqlite3 queries and async file reads all run on libuv's one thread pool, 4
// threads by default. Two password checks at once hold two of them for a few hundred ms each;
// with only two left, a kiosk's ticket (several sqlite3 calls) queues behind fs reads. The pool
// size is read once, when the pool is first used, so it can only be raised before that.
// 8 threads leave room for database work while at most PasswordCheckQueue.running hash.
//
// Where this import is too late: under tsx (npm run serve) the loader thread has already used
// the pool, so `npm run serve` passes --env-file=scripts/hall-server.env instead; the bench
// sets the variable in the server's environment. In the Electron app, Electron may have used the
// pool during its own start-up; a hall machine can set UV_THREADPOOL_SIZE=8 in its launcher. In
// every case the password-check semaphore still keeps hashing to two threads.
const wanted = 8;
const current = Number(process.env.UV_THREADPOOL_SIZE ?? 0);
if (!Number.isInteger(current) || current < wanted) process.env.UV_THREADPOOL_SIZE = String(wanted);

export const THREADPOOL_SIZE = Number(process.env.UV_THREADPOOL_SIZE);
