/**
 * A session or token shared by every call of one client: calls waiting for it share one
 * login, an expired one is renewed before use, and when many calls in flight see the
 * same expiry only the first drops it.
 */
export interface Issued {
  value: string;
  /** Epoch ms after which it must not be used. */
  expiresAt: number;
}

export class SharedCredential {
  private pending: Promise<Issued> | null = null;

  constructor(private readonly issue: () => Promise<Issued>) {}

  async get(): Promise<string> {
    for (;;) {
      this.pending ??= this.issue();
      const pending = this.pending;
      let issued: Issued;
      try {
        issued = await pending;
      } catch (error) {
        if (this.pending === pending) this.pending = null;
        throw error;
      }
      if (Date.now() < issued.expiresAt) return issued.value;
      if (this.pending === pending) this.pending = null;
    }
  }

  /** Drops the credential if `used` is still the current one (or unknown): the next call logs in again. */
  async invalidate(used: string | undefined): Promise<void> {
    const current = this.pending ? (await this.pending.catch(() => null))?.value : undefined;
    if (used === undefined || used === current) this.pending = null;
  }
}
