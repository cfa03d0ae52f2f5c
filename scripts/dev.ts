// `npm run dev`: the API (tsx watch, restarts on server changes) and the console (Vite dev server with hot
// reload on :5173, proxying /api to the API) together. Ctrl-C stops both; if either exits, so does the other.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name: string) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const apiPort = process.env.PORT ?? '3000';

type Named = { name: string; color: string; child: ChildProcess };

function start(name: string, color: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): Named {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, FORCE_COLOR: '1', ...env }, stdio: ['inherit', 'pipe', 'pipe'] });
  const prefix = `\x1b[${color}m[${name}]\x1b[0m `;
  const relay = (out: NodeJS.WriteStream) => {
    let pending = '';
    return (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) out.write(prefix + line + '\n');
    };
  };
  child.stdout?.on('data', relay(process.stdout));
  child.stderr?.on('data', relay(process.stderr));
  return { name, color, child };
}

const processes = [
  start('api', '36', bin('tsx'), ['watch', '--clear-screen=false', 'src/server.ts']),
  start('web', '35', bin('vite'), ['--config', 'web/vite.config.ts'], { API_PORT: apiPort }),
];

let stopping = false;
const running = () => processes.filter(({ child }) => child.exitCode === null && child.signalCode === null);

/**
 * Stops both children. After Ctrl-C the terminal has already sent SIGINT to the whole process group, so the
 * children are only signalled again if they are still running after a grace period (a second signal makes
 * `tsx watch` kill the server at once, without closing the database).
 */
function stopAll(code: number, forward: NodeJS.Signals | null) {
  if (stopping) return;
  stopping = true;
  if (forward) for (const { child } of running()) child.kill(forward);
  const exitWhenDone = () => running().length === 0 && process.exit(code);
  for (const { child } of running()) child.once('exit', exitWhenDone);
  exitWhenDone();
  setTimeout(() => {
    for (const { child } of running()) child.kill('SIGTERM');
    setTimeout(() => process.exit(code), 3000).unref();
  }, 5000).unref();
}

for (const { name, child } of processes) {
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[${name}] exited (${signal ?? code}); stopping the other process`);
      stopAll(code ?? 1, 'SIGTERM');
    }
  });
}
process.on('SIGINT', () => stopAll(0, null));
process.on('SIGTERM', () => stopAll(0, 'SIGTERM'));

console.log(`Tracenet dev: API on http://127.0.0.1:${apiPort} (tsx watch), console on http://localhost:5173 (Vite, hot reload). Ctrl-C stops both.`);
