// Keeps track of the processes a test run starts and ends them by PID: at the end of the run, when it
// fails, and on Ctrl-C / SIGTERM. Each child runs in its own process group (detached), so ending the group
// also ends what it started (code-server's extension host, file watcher, pty host).
import { spawn } from 'node:child_process';

const tracked = new Set();
const cleanups = [];
let handlersInstalled = false;

/** Spawns a tracked child in its own process group. Same arguments as child_process.spawn. */
export function spawnTracked(cmd, args, options = {}) {
  installHandlers();
  const child = spawn(cmd, args, { ...options, detached: true });
  // The group may outlive the child itself (grandchildren): its id stays tracked until killGroup has run.
  if (child.pid !== undefined) tracked.add(child.pid);
  return child;
}

/** Registers an async cleanup (closing the browser...) run before the process groups are killed. */
export function onCleanup(fn) {
  installHandlers();
  cleanups.push(fn);
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Sends SIGTERM to the child's process group, then SIGKILL to whatever is left after graceMs. */
export async function killGroup(pid, graceMs = 3000) {
  if (!tracked.has(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    // already gone
  }
  for (let waited = 0; waited < graceMs && groupAlive(pid); waited += 100) {
    await new Promise((r) => setTimeout(r, 100));
  }
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  tracked.delete(pid);
}

/** Runs the registered cleanups, then ends every tracked process group. Safe to call more than once. */
export async function cleanupAll() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await Promise.race([fn(), new Promise((r) => setTimeout(r, 10_000))]);
    } catch (e) {
      console.error(`cleanup failed: ${e?.message ?? e}`);
    }
  }
  await Promise.all([...tracked].map((pid) => killGroup(pid)));
}

function killAllNow() {
  for (const pid of tracked) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  tracked.clear();
}

function installHandlers() {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ]) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the processes this run started...`);
      cleanupAll().finally(() => process.exit(code));
    });
  }
  // Last resort (uncaught error, process.exit elsewhere): no async work is possible here.
  process.on('exit', killAllNow);
}
