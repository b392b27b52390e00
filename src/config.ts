// Environment -> validated, frozen configuration. Every bad variable is reported at once, by name;
// values are never echoed (API_KEYS holds secrets).
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const list = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter((x) => x.length > 0));

export const configSchema = z.object({
  PORT: int(0, 65_535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Request body limit in bytes (413 above it). */
  BODY_LIMIT: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
  /** Report text limit in characters (422 above it). */
  MAX_TEXT_CHARS: int(1, 10_000_000).default(100_000),
  /** Caller-supplied terms per request. */
  MAX_TERMS: int(0, 10_000).default(500),
  /** Comma-separated API keys (16 to 512 characters each); when set, /v1/* requires one. */
  API_KEYS: list.pipe(z.array(z.string().min(16).max(512))).default([]),
  /** Comma-separated browser origins allowed by CORS; none by default. */
  CORS_ORIGINS: list.default([]),
  /** Requests per minute per API key (or per client address without keys); 0 turns the limit off. */
  RATE_LIMIT_PER_MINUTE: int(0, 10_000_000).default(600),
  /** Event-loop delay in ms past which requests are shed with 503; 0 turns shedding off. */
  MAX_EVENT_LOOP_DELAY_MS: int(0, 60_000).default(1000),
  /** Whole-request deadline in ms (slow bodies are cut with 408). */
  REQUEST_TIMEOUT_MS: int(100, 600_000).default(10_000),
  /** Header deadline in ms (slow headers are cut). */
  HEADERS_TIMEOUT_MS: int(100, 600_000).default(5_000),
  /** How long shutdown waits for in-flight requests before exiting non-zero. */
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000).default(10_000),
  /** Comma-separated proxy addresses or CIDR ranges whose X-Forwarded-For is trusted; none by default. */
  TRUST_PROXY: list.pipe(z.array(z.string().regex(/^(?:loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(?:\/\d{1,3})?)$/))).default([]),
  GLOSSARY_DIR: z.string().min(1).default(fileURLToPath(new URL('../glossary', import.meta.url))),
});

export type Config = Readonly<z.infer<typeof configSchema>>;

export class ConfigError extends Error {
  constructor(readonly variables: string[]) {
    super(`invalid configuration: ${variables.join(', ')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once; throws ConfigError naming every bad variable (never its value). */
export function loadConfig(env: Record<string, string | undefined> = {}): Config {
  const relevant = Object.fromEntries(
    Object.keys(configSchema.shape)
      .filter((k) => env[k] !== undefined && env[k] !== '')
      .map((k) => [k, env[k]]),
  );
  const parsed = configSchema.safeParse(relevant);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => `${String(i.path[0])} (${i.message})`))];
    throw new ConfigError(names);
  }
  return Object.freeze(parsed.data);
}
