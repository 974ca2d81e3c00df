// npm run dev: the server restarts on change (tsx watch); the tab rebuilds on change.
import { spawn } from 'node:child_process';
import { root } from './lib/build-if-needed.mjs';

const children = [
  spawn('npx', ['vite', 'build', '--watch', '--config', 'tab/vite.config.ts'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'bot/src/main.ts'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
