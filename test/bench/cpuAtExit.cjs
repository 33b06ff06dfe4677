// Preloaded into a measured process (node -r): at exit, writes the process's own CPU time (user, system, in
// microseconds) to the file named by BENCH_CPU_FILE, so the benchmark can tell CPU time from waiting on a busy machine.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS preload (node -r): require is its import
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.BENCH_CPU_FILE) writeFileSync(process.env.BENCH_CPU_FILE, JSON.stringify(process.cpuUsage()));
});
