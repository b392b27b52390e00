// The only file that reads the environment and listens. Loads the glossary and its compiled engine
// (refusing to start on a bad glossary; see engine-file.ts), builds the app, and shuts down gracefully
// on SIGTERM/SIGINT: stop accepting, finish in-flight requests, exit 0; a second signal or a hung
// close exits non-zero.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { loadEngine } from './engine-file.js';
import { GlossaryLoadError } from './glossary/loader.js';
import { createLogger } from './logger.js';
import { applyV8Settings } from './v8-settings.js';

async function main(): Promise<void> {
  const v8Flags = applyV8Settings();
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`backchat: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);

  const started = performance.now();
  let loaded;
  try {
    loaded = loadEngine(config.GLOSSARY_DIR);
  } catch (err) {
    if (err instanceof GlossaryLoadError) {
      process.stderr.write(`backchat: refusing to start: ${err.message}\n`);
      process.exit(3);
    }
    throw err;
  }
  const { engine, from, reason } = loaded;
  const loadedLine = { concepts: engine.concepts.size, glossaryVersion: engine.version, from, ms: Math.round(performance.now() - started), v8Flags };
  // (Compiled is right, only slower: `npm run build` writes the snapshot of this glossary and code.)
  if (reason === undefined) logger.info(loadedLine, 'glossary loaded');
  else logger.warn({ ...loadedLine, reason }, 'glossary loaded without the engine snapshot');

  // Any text under the character cap should fit the body limit even fully escaped (\uXXXX = 6 bytes).
  if (config.BODY_LIMIT < 6 * config.MAX_TEXT_CHARS + 1024) {
    logger.warn({ BODY_LIMIT: config.BODY_LIMIT, MAX_TEXT_CHARS: config.MAX_TEXT_CHARS }, 'BODY_LIMIT is below 6 x MAX_TEXT_CHARS: some texts under the character cap will get 413');
  }

  const app = await buildApp({ engine, config, logger });

  // close-with-grace's own reports go to console by default, and a second error or a failed close
  // is printed whole: its message and stack may quote report text. Log fixed messages and the class.
  const errClass = (e: unknown) => (e instanceof Error ? e.name : typeof e);
  const grace = {
    delay: config.SHUTDOWN_TIMEOUT_MS,
    logger: { error: (e: unknown) => logger.error({ errClass: errClass(e) }, 'shutdown failed') },
    onSecondError: (e: unknown) => logger.error({ errClass: errClass(e) }, 'second error while shutting down, exiting'),
    onSecondSignal: (signal: string) => logger.error({ signal }, 'second signal while shutting down, exiting'),
    onTimeout: (delay: number) => logger.error({ delay }, 'shutdown timed out, exiting'),
  };

  // close-with-grace exits 0 when a promise is rejected with no reason (its error is falsy):
  // remember any fault ourselves so that such a crash still exits non-zero.
  let faulted = false;
  process.on('unhandledRejection', () => {
    faulted = true;
  });

  closeWithGrace(grace, async ({ signal, err }) => {
    if (err !== undefined) logger.error({ errClass: errClass(err) }, 'shutting down after an unexpected error');
    else if (faulted) logger.error({ errClass: 'undefined' }, 'shutting down after an unexpected error');
    else logger.info({ signal }, 'shutting down');
    await app.close();
    if (faulted && err === undefined) throw new Error('unhandled rejection without a reason');
  });

  await app.listen({ port: config.PORT, host: config.HOST });
}

await main();
