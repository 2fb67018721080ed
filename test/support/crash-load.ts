// Drives HTTP load at a server process and SIGKILLs it mid-load, counting what the server acknowledged.
import type { ServerProcess } from './server-process.js';

export interface JsonResponse {
  readonly status: number;
  readonly body: unknown;
}

/** One JSON request; undefined when no answer came (connection refused or cut by the kill). */
export async function requestJson(
  url: string,
  method: 'GET' | 'POST' | 'PUT',
  body?: unknown,
  headers: Readonly<Record<string, string>> = {},
): Promise<JsonResponse | undefined> {
  try {
    const res = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  } catch {
    return undefined;
  }
}

/** What happened around the kill. */
export interface KillReport {
  /** Acknowledged (2xx) writes counted when the kill was sent. */
  readonly acknowledgedAtKill: number;
  /** Requests sent and not yet answered when the kill was sent. */
  readonly inFlightAtKill: number;
  /** From the first request to the kill. */
  readonly loadMs: number;
}

/**
 * Counts a load's requests and acknowledgements and SIGKILLs `server` as soon as `killAfterAcks` writes are
 * acknowledged, while the other clients' requests are still in flight. Clients send through `send` and stop when
 * `stopped` is true; writes answered after the kill was sent still count (the server committed them).
 */
export class KillMidLoad {
  private acks = 0;
  private inFlight = 0;
  private firstRequestAt: number | undefined;
  private report: KillReport | undefined;
  private killing: Promise<void> | undefined;
  private announceKill: () => void = () => undefined;
  /** Resolves when the kill is sent, to wake clients waiting on each other. */
  readonly killSent = new Promise<void>((resolve) => (this.announceKill = resolve));

  constructor(
    private readonly server: ServerProcess,
    private readonly killAfterAcks: number,
  ) {}

  /** True once the kill was sent: clients start nothing new. */
  get stopped(): boolean {
    return this.killing !== undefined;
  }

  /** Sends one request; `isAck` says whether its answer acknowledges a write. */
  async send(request: () => Promise<JsonResponse | undefined>, isAck: (r: JsonResponse) => boolean) {
    this.firstRequestAt ??= performance.now();
    this.inFlight++;
    const response = await request();
    this.inFlight--;
    if (response !== undefined && isAck(response)) this.acknowledged();
    return response;
  }

  /** Counts one acknowledged write (for a client that acknowledges one write over several answers). */
  acknowledged(): void {
    this.acks++;
    if (this.acks >= this.killAfterAcks && this.killing === undefined) {
      this.report = {
        acknowledgedAtKill: this.acks,
        inFlightAtKill: this.inFlight,
        loadMs: Math.round(performance.now() - (this.firstRequestAt ?? 0)),
      };
      this.killing = this.server.kill();
      this.announceKill();
    }
  }

  /** Waits for every client to finish and for the server to be gone; fails if the load ended before the kill. */
  async finish(clients: readonly Promise<unknown>[]): Promise<KillReport> {
    await Promise.all(clients);
    if (this.killing === undefined || this.report === undefined) {
      await this.server.kill();
      throw new Error(`the load ended after ${this.acks} acknowledgements, before the kill at ${this.killAfterAcks}`);
    }
    await this.killing;
    return this.report;
  }
}

/** Runs `work` over `items` with at most `limit` at once. */
export async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
