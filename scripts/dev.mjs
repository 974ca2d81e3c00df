// npm run dev: the server restarts on change (tsx watch); the tab rebuilds on change, as a
// development build (API answers are checked against their schemas).
import { spawn } from 'node:child_process';
import { root } from './lib/build-if-needed.mjs';

const children = [
  spawn('npx', ['vite', 'build', '--watch', '--mode', 'development', '--config', 'tab/vite.config.ts'], { cwd: root, stdio: 'inherit' }),
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'bot/src/main.ts'], { cwd: root, stdio: 'inherit' }),
];
const stop = () => children.forEach((c) => c.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
