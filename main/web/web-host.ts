// The browser host: the same application as the desktop app, with its windows as browser pages.
// It serves the built renderer on 127.0.0.1 and carries the IPC contract over a WebSocket
// (shared/web-protocol.ts says how, and how windows are opened).

import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { PassportForm } from '../../shared/model';
import { type AccountId, FIRST_ACCOUNT } from '../../shared/accounts';
import { consoleRoute, contactListRoute, conversationRoute, historyRoute } from '../../shared/routes';
import {
  consoleTarget,
  contactListTarget,
  conversationTarget,
  FORM_PATH,
  historyTarget,
  PAGE_PARAMETER,
  WEB_SOCKET_PATH,
} from '../../shared/web-protocol';
import type { AppShell, MessengerApp } from '../app/app-core';
import { browserHostPolicy } from '../app/csp';
import { HostAccess } from './access';
import { formPageResponse, isPostableAction } from './form-page';
import { MAX_MESSAGE_BYTES, PageConnection } from './page-connection';
import { readStaticFile } from './static-files';

const HOST = '127.0.0.1';
/** Form pages kept for re-opening; older ones are forgotten. */
const KEPT_FORMS = 20;
/**
 * How long a conversation may go without a page before the host leaves it, as closing its window
 * does in the desktop app. Long enough for a reload to reconnect.
 */
export const CONVERSATION_PAGE_GRACE_MS = 5_000;

export interface WebHostOptions {
  /** Builds the application around the shell the host provides. */
  readonly createApp: (shell: AppShell) => MessengerApp;
  /** The built renderer: a directory with index.html. */
  readonly rendererDir: string;
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** How long a conversation may go without a page before it is left; CONVERSATION_PAGE_GRACE_MS by default. */
  readonly conversationGraceMs?: number;
  readonly log?: (line: string) => void;
}

function rendererPolicy(port: number): string {
  return browserHostPolicy(`ws://${HOST}:${port}`);
}

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cache-Control': 'no-store',
};

export class WebHost {
  readonly app: MessengerApp;
  private readonly pages = new Set<PageConnection>();
  private readonly forms = new Map<string, PassportForm>();
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  private readonly log: (line: string) => void;
  /** Conversations whose last page went away, waiting out the grace period. */
  private readonly leaving = new Set<ReturnType<typeof setTimeout>>();

  private constructor(
    private readonly server: Server,
    private readonly access: HostAccess,
    private readonly options: WebHostOptions,
  ) {
    this.log = options.log ?? (() => {});
    this.app = options.createApp({
      showConversation: (account, id, reason) => this.showConversation(account, id, reason),
      showContactList: (account) => this.opener(account)?.open({ url: this.access.pageUrl('/', contactListRoute(account)), target: contactListTarget(account) }),
      showConsole: (account) => this.opener(account)?.open({ url: this.access.pageUrl('/', consoleRoute(account)), target: consoleTarget(account) }),
      openExternal: (pathOrUrl) => this.openExternal(pathOrUrl),
      // A page opens the links its user clicks itself (platform/web-bridge.ts); this serves any other caller.
      openLink: (url) => this.opener()?.open({ url, target: '_blank' }),
      openForm: (form) => this.showForm(form),
      showHistory: (account, handle) => this.opener(account)?.open({ url: this.access.pageUrl('/', historyRoute(account, handle)), target: historyTarget(account) }),
    });
    // A page hears only its own account's patches and notices.
    this.app.on('patch', (event) => this.broadcast((page) => page.sendEvent('patch', event), event.account));
    this.app.on('notice', (event) => this.broadcast((page) => page.sendEvent('notice', event), event.account));
    this.app.on('settings', (settings) => this.broadcast((page) => page.sendEvent('settings', settings)));
    // Console lines go to the account's console pages only.
    this.app.on('console', (event) => this.broadcast((page) => page.isConsole && page.sendEvent('console', event), event.account));
    server.on('request', (request, response) => {
      this.handleRequest(request, response).catch((error: unknown) => {
        this.log(`Request failed: ${String(error)}`);
        if (!response.headersSent) response.writeHead(500, COMMON_HEADERS);
        response.end();
      });
    });
    server.on('upgrade', (request, socket, head) => this.handleUpgrade(request, socket, head));
  }

  static async start(options: WebHostOptions): Promise<WebHost> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, HOST, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('The web host is not listening on a TCP port');
    const access = new HostAccess(HOST, address.port, randomBytes(24).toString('base64url'));
    return new WebHost(server, access, options);
  }

  get port(): number {
    return this.access.port;
  }

  get token(): string {
    return this.access.token;
  }

  /** The address to open in a browser: the contact list, with the token. */
  get url(): string {
    return `${this.access.origin}${this.access.pageUrl('/', contactListRoute(FIRST_ACCOUNT))}`;
  }

  /** The newest Passport form the host was asked to open (for tests and the log). */
  get lastForm(): PassportForm | undefined {
    return [...this.forms.values()].at(-1);
  }

  async close(): Promise<void> {
    for (const timer of this.leaving) clearTimeout(timer);
    this.leaving.clear();
    const pages = [...this.pages];
    this.pages.clear();
    for (const page of pages) page.close();
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.app.close();
  }

  /** To every page, or to the pages of one account. */
  private broadcast(send: (page: PageConnection) => void, account?: AccountId): void {
    for (const page of this.pages) if (account === undefined || page.follows(account)) send(page);
  }

  /** The contact-list page that connected last, the account's own when it has one: it opens the other windows. */
  private opener(account?: AccountId): PageConnection | undefined {
    const newestFirst = [...this.pages].reverse().filter((page) => page.isContactList);
    return newestFirst.find((page) => account !== undefined && page.follows(account)) ?? newestFirst[0];
  }

  private showConversation(account: AccountId, conversationId: string, reason: 'user' | 'incoming'): void {
    const route = conversationRoute(account, conversationId);
    if (reason === 'incoming' && [...this.pages].some((page) => page.shows(account, conversationId))) return;
    const opener = this.opener(account);
    if (!opener) {
      this.log(`No contact-list page is connected to open conversation ${conversationId}`);
      return;
    }
    opener.open({ url: this.access.pageUrl('/', route), target: conversationTarget(account, conversationId) });
  }

  private openExternal(pathOrUrl: string): void {
    if (!/^https?:\/\//i.test(pathOrUrl)) return;
    this.opener()?.open({ url: pathOrUrl, target: '_blank' });
  }

  private showForm(form: PassportForm): void {
    if (!isPostableAction(form.action)) {
      this.log(`Not opening a Passport form that posts to ${form.action.slice(0, 80)}`);
      return;
    }
    const id = randomBytes(12).toString('base64url');
    this.forms.set(id, form);
    for (const old of [...this.forms.keys()].slice(0, -KEPT_FORMS)) this.forms.delete(old);
    this.log(`Opening a Passport form that posts to ${form.action}`);
    this.opener()?.open({ url: this.access.pageUrl(`${FORM_PATH}${id}`), target: '_blank' });
  }

  private async handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = this.access.requestUrl(request);
    if (!url) return this.refuse(response, 403, 'This host answers only http://127.0.0.1 on its own port.');
    if (request.method !== 'GET' && request.method !== 'HEAD') return this.refuse(response, 405, 'Method not allowed.');
    if (url.pathname === '/' || url.pathname === '/index.html') {
      if (!this.access.hasToken(url)) {
        return this.refuse(response, 403, 'Open the address that "npm run web" printed: it carries the access token.');
      }
      const page = await readStaticFile(this.options.rendererDir, '/index.html');
      if (!page) return this.refuse(response, 500, 'The renderer is not built: run "npm run build".');
      response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': page.contentType, 'Content-Security-Policy': rendererPolicy(this.port) });
      response.end(request.method === 'HEAD' ? undefined : page.body);
      return;
    }
    if (url.pathname.startsWith(FORM_PATH)) {
      const form = this.access.hasToken(url) ? this.forms.get(url.pathname.slice(FORM_PATH.length)) : undefined;
      if (!form) return this.refuse(response, 404, 'This sign-in page has expired.');
      const page = formPageResponse(form);
      response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': page.contentSecurityPolicy });
      response.end(request.method === 'HEAD' ? undefined : page.html);
      return;
    }
    const file = url.pathname.endsWith('.html') ? undefined : await readStaticFile(this.options.rendererDir, url.pathname);
    if (!file) return this.refuse(response, 404, 'Not found.');
    response.writeHead(200, { ...COMMON_HEADERS, 'Content-Type': file.contentType });
    response.end(request.method === 'HEAD' ? undefined : file.body);
  }

  private refuse(response: ServerResponse, status: number, message: string): void {
    response.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
    response.end(`${message}\n`);
  }

  /** A closed conversation page leaves its conversation, unless another page shows it after the grace period. */
  private pageClosed(page: PageConnection): void {
    // Pages the host closed itself (shutting down) are already forgotten.
    if (!this.pages.delete(page)) return;
    this.log(`Page ${page.route} disconnected`);
    const { view } = page;
    if (view.kind === 'console' || view.kind === 'history') return;
    const timer = setTimeout(() => {
      this.leaving.delete(timer);
      if (view.kind === 'contacts') return this.forgetAccountWithoutPage(view.account);
      const conversationId = view.id;
      if ([...this.pages].some((other) => other.shows(view.account, conversationId))) return;
      void this.app.dispatch('closeConversation', [view.account, conversationId]).then((result) => {
        if (!result.ok) this.log(`Could not leave conversation ${conversationId}: ${result.error.reason}`);
      });
    }, this.options.conversationGraceMs ?? CONVERSATION_PAGE_GRACE_MS);
    this.leaving.add(timer);
  }

  /** A signed-out extra account whose contact-list page is gone is closed, as closing its window does in the desktop app. */
  private forgetAccountWithoutPage(account: AccountId): void {
    if ([...this.pages].some((other) => other.isContactList && other.follows(account))) return;
    void this.app.removeAccount(account).then((removed) => {
      if (removed) this.log(`Closed account ${account}: signed out and no page shows it`);
    });
  }

  private handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = this.access.requestUrl(request);
    if (!url || url.pathname !== WEB_SOCKET_PATH || !this.access.acceptsSocket(request, url)) {
      this.log(`Refused a WebSocket from ${request.socket.remoteAddress ?? '?'} (origin ${request.headers.origin ?? 'none'})`);
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    const route = url.searchParams.get(PAGE_PARAMETER) ?? '';
    this.sockets.handleUpgrade(request, socket, head, (webSocket) => {
      const page = new PageConnection(webSocket, this.app, route, this.log);
      this.pages.add(page);
      webSocket.on('close', () => this.pageClosed(page));
      webSocket.on('error', (error) => this.log(`Page socket error: ${error.message}`));
    });
  }
}
