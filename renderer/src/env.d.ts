// Constants the build puts in (electron.vite.config.ts, RENDERER_DEFINE).

/** package.json's version. */
declare const __APP_VERSION__: string;
