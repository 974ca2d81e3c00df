import pino, { type Logger } from 'pino';
import type { Config } from './config.js';

/** JSON logs to stdout. They carry ids and route names, never names, tokens or addresses. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { app: 'chorus' },
    redact: { paths: ['req.headers.authorization', '*.authorization', '*.token'], censor: '[redacted]' },
  });
}
