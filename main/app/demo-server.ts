// The Local demo: the project's own MSNP server with the demo accounts, started on a loopback
// ephemeral port the first time someone signs in to the `demo` address. The app never imports the
// server: a shell's entry point hands in how to start it (see `startLocalDemo` in each entry).

/** The part of a running server the demo needs. */
export interface RunningDemoServer {
  readonly host: string;
  readonly dispatchPort: number;
  close(): Promise<void>;
}

export type StartDemoServer = () => Promise<RunningDemoServer>;

export class DemoServer {
  private server: Promise<RunningDemoServer> | undefined;

  constructor(private readonly startServer: StartDemoServer) {}

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

  private start(): Promise<RunningDemoServer> {
    const started = this.startServer();
    // A failed start is not remembered, so the next sign-in tries again.
    started.catch(() => {
      if (this.server === started) this.server = undefined;
    });
    return started;
  }
}
