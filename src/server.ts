// The only file that reads the environment and listens. Loads and compiles the glossary (refusing
// to start on a bad one), builds the app, and shuts down gracefully on SIGTERM/SIGINT: stop
// accepting, finish in-flight requests, exit 0; a second signal or a hung close exits non-zero.
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { GlossaryLoadError, loadGlossary } from './glossary/loader.js';
import { createLogger } from './logger.js';
import { compileEngine } from './pipeline/compile.js';

async function main(): Promise<void> {
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
  let engine;
  try {
    engine = compileEngine(loadGlossary(config.GLOSSARY_DIR));
  } catch (err) {
    if (err instanceof GlossaryLoadError) {
      process.stderr.write(`backchat: refusing to start: ${err.message}\n`);
      process.exit(3);
    }
    throw err;
  }
  logger.info({ concepts: engine.concepts.size, glossaryVersion: engine.version, ms: Math.round(performance.now() - started) }, 'glossary loaded');

  const app = await buildApp({ engine, config, logger });

  closeWithGrace({ delay: config.SHUTDOWN_TIMEOUT_MS }, async ({ signal, err }) => {
    if (err !== undefined) logger.error({ errClass: err.name }, 'shutting down after an unexpected error');
    else logger.info({ signal }, 'shutting down');
    await app.close();
  });

  await app.listen({ port: config.PORT, host: config.HOST });
}

await main();
