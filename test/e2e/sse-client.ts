// A lean Server-Sent Events client over node:http, for tests and benchmarks that hold many streams at once.
import { request, type Agent } from 'node:http';

export interface SseEvent {
  readonly event: string;
  readonly data: string;
  readonly id: string | undefined;
}

export interface SseStream {
  /** The response's status (a non-200 stream delivers no events). */
  readonly status: number;
  /** Resolves when the server ends the stream or it is closed. */
  readonly ended: Promise<void>;
  close(): void;
}

/** One event from its lines; comments (keep-alives) and empty frames give undefined. */
function parseFrame(frame: string): SseEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of frame.split('\n')) {
    const colon = line.indexOf(':');
    if (colon === 0) continue;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n'), id };
}

/**
 * Opens `url` as an event stream and calls `onEvent` for each event as it arrives; resolves once the headers are in.
 * @example const s = await openSse(`${base}/api/jobs/${id}/events`, (e) => console.log(e.event)); await s.ended;
 */
export function openSse(
  url: string,
  onEvent: (event: SseEvent) => void,
  options: { readonly agent?: Agent; readonly headers?: Readonly<Record<string, string>> } = {},
): Promise<SseStream> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        headers: { accept: 'text/event-stream', ...options.headers },
        ...(options.agent ? { agent: options.agent } : {}),
      },
      (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const parsed = parseFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (parsed !== undefined) onEvent(parsed);
          }
        });
        const ended = new Promise<void>((done) => {
          res.on('end', done);
          res.on('close', done);
          res.on('error', () => done());
        });
        resolve({ status: res.statusCode ?? 0, ended, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
