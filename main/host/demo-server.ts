// The Local demo: the project's own MSNP server with the demo accounts, started inside the app on
// a loopback ephemeral port the first time someone signs in to the `demo` address. Its contacts
// come and go, talk and send mail on the demo's timeline (server/demo-activity.ts) unless `quiet`.

import type { MsnServer } from '../../server/index';

export class DemoServer {
  private server: Promise<MsnServer> | undefined;

  constructor(
    private readonly log?: (line: string) => void,
    private readonly options: { readonly quiet?: boolean } = {},
  ) {}

  /** `host:port` of the demo server's dispatch port, starting the server on first use. */
  async address(): Promise<string> {
    this.server ??= this.start();
    const server = await this.server;
    return `${server.host}:${server.dispatchPort}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await (await server).close();
  }

  private start(): Promise<MsnServer> {
    // Loaded on demand: a user who never picks the demo never loads the server.
    const started = import('../../server/index').then(({ startServer }) =>
      startServer({ host: '127.0.0.1', port: 0, demoActivity: !this.options.quiet, ...(this.log ? { log: this.log } : {}) }),
    );
    // A failed start is not remembered, so the next sign-in tries again.
    started.catch(() => {
      if (this.server === started) this.server = undefined;
    });
    return started;
  }
}
