// The cookies handed out by XFR SB and RNG (§5.10, §5.11), each valid once for its lifetime. Every
// ticket lives equally long, so the Map's insertion order is also expiry order: issuing one drops
// the expired ones from the front and stops at the first live one, and looking one up is a Map
// lookup. Neither depends on how many tickets are live (a busy server once scanned them all on
// every XFR SB). Each holder may keep only so many unused tickets, so no one client can make the
// book grow without bound.

import { randomDigits } from '../random';

interface Entry<T> {
  readonly value: T;
  readonly holder: string;
  readonly expiresAt: number;
}

export class TicketBook<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly held = new Map<string, number>();

  constructor(
    private readonly lifetimeMs: number,
    private readonly maxPerHolder: number,
    private readonly now: () => number = Date.now,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** A new cookie for `holder`; undefined when they already hold as many unused ones as allowed. */
  issue(holder: string, value: T): string | undefined {
    const now = this.now();
    this.dropExpired(now);
    const count = this.held.get(holder) ?? 0;
    if (count >= this.maxPerHolder) return undefined;
    let cookie: string;
    do cookie = `${randomDigits(8)}.${randomDigits(10)}.${randomDigits(5)}`;
    while (this.entries.has(cookie));
    this.entries.set(cookie, { value, holder, expiresAt: now + this.lifetimeMs });
    this.held.set(holder, count + 1);
    return cookie;
  }

  /** Uses up the cookie when it is live and `holder`'s; otherwise it stays as it was. */
  take(cookie: string, holder: string): T | undefined {
    const entry = this.entries.get(cookie);
    if (!entry || entry.holder !== holder || entry.expiresAt <= this.now()) return undefined;
    this.remove(cookie, entry);
    return entry.value;
  }

  clear(): void {
    this.entries.clear();
    this.held.clear();
  }

  private dropExpired(now: number): void {
    for (const [cookie, entry] of this.entries) {
      if (entry.expiresAt > now) return;
      this.remove(cookie, entry);
    }
  }

  private remove(cookie: string, entry: Entry<T>): void {
    this.entries.delete(cookie);
    const count = (this.held.get(entry.holder) ?? 1) - 1;
    if (count > 0) this.held.set(entry.holder, count);
    else this.held.delete(entry.holder);
  }
}
