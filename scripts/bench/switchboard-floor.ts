// The floor beside the switchboard figures: two raw-socket scripts doing what the two clients do
// on the same server (XFR SB, USR, CAL; RNG, ANS; then MSG in A mode with the same MIME payload the
// client sends, each ACKed), with nothing between the socket and the next line but indexOf.

import { performance } from 'node:perf_hooks';
import { buildTextPayloads } from '../../main/sb/messages';
import { DEFAULT_MESSAGE_FORMAT } from '../../shared/model';
import { RawPeer, portOf, rawAuthenticate } from './raw-peer';

interface Account {
  readonly handle: string;
  readonly password: string;
}

/** A's and B's switchboard connections in one conversation, and what to close afterwards. */
export class RawConversation {
  private aTrid = 3;
  private bTrid = 2;

  private constructor(
    private readonly a: RawPeer,
    private readonly b: RawPeer,
    private readonly notification: readonly RawPeer[],
    /** The MIME headers of a text message in the client's default format, before the text. */
    private readonly headers: Buffer,
  ) {}

  static async open(dispatchPort: number, alice: Account, bob: Account): Promise<RawConversation> {
    const a = await rawAuthenticate(dispatchPort, alice.handle, alice.password);
    const b = await rawAuthenticate(dispatchPort, bob.handle, bob.password);
    for (const side of [a, b]) {
      side.peer.send(`CHG ${side.trid++} NLN`);
      await side.peer.reply('CHG');
    }
    a.peer.send(`XFR ${a.trid++} SB`);
    const xfr = await a.peer.reply('XFR');
    const aSwitchboard = await RawPeer.connect(portOf(xfr));
    aSwitchboard.send(`USR 1 ${alice.handle} ${xfr.tokens[5]}`);
    await aSwitchboard.reply('USR');
    const ring = b.peer.reply('RNG');
    aSwitchboard.send(`CAL 2 ${bob.handle}`);
    const joined = aSwitchboard.reply('JOI');
    const [, session, address, , cookie] = (await ring).tokens;
    const bSwitchboard = await RawPeer.connect(Number(address?.split(':')[1]));
    bSwitchboard.send(`ANS 1 ${bob.handle} ${cookie} ${session}`);
    await bSwitchboard.next((line) => line.tokens[0] === 'ANS');
    await joined;
    const sample = Buffer.from(buildTextPayloads('x', DEFAULT_MESSAGE_FORMAT)[0] as Uint8Array);
    return new RawConversation(aSwitchboard, bSwitchboard, [a.peer, b.peer], sample.subarray(0, sample.byteLength - 1));
  }

  private payload(text: string): Buffer {
    return Buffer.concat([this.headers, Buffer.from(text)]);
  }

  /** A sends `text`, B sends it back as it arrives; resolves with the milliseconds until A has it. */
  async roundTrip(text: string): Promise<number> {
    const started = performance.now();
    const echoed = this.b.next((line) => line.tokens[0] === 'MSG').then((line) => {
      this.b.sendMessage(this.bTrid++, 'A', line.payload as Buffer);
      return this.a.next((reply) => reply.tokens[0] === 'MSG');
    });
    this.a.sendMessage(this.aTrid++, 'A', this.payload(text));
    await echoed;
    return performance.now() - started;
  }

  /** A sends `count` messages at once; resolves with the milliseconds until every one is ACKed. */
  async burst(count: number, text: (index: number) => string): Promise<number> {
    const started = performance.now();
    let acknowledged = 0;
    const all = new Promise<void>((resolve) => {
      this.a.onLine = (line) => {
        if (line.tokens[0] === 'ACK' && ++acknowledged === count) resolve();
      };
    });
    for (let index = 0; index < count; index++) this.a.sendMessage(this.aTrid++, 'A', this.payload(text(index)));
    await all;
    this.a.onLine = () => undefined;
    return performance.now() - started;
  }

  close(): void {
    for (const peer of [this.a, this.b, ...this.notification]) {
      peer.send('OUT');
      peer.close();
    }
  }
}
