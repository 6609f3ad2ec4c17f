/**
 * The server's stdio connection, with one change to vscode-languageserver's
 * own: values registered with `encodedOnce` (a diagnostic's related
 * information: the same frozen array for as long as the engine keeps its
 * verdict) are turned into UTF-8 JSON once and spliced into every message that
 * carries them. A draft's diagnostics are re-sent whole on every keystroke;
 * most of their bytes are these quotes, which were stringified and encoded
 * again each time. Everything else is encoded as before (`JSON.stringify`).
 */

import { inspect } from 'node:util';
import {
  createConnection,
  ProposedFeatures,
  StreamMessageWriter,
  type Connection,
  type ContentTypeEncoder,
  type Message,
  type MessageWriter,
} from 'vscode-languageserver/node';

const encoded = new WeakMap<object, Buffer>();
/** Message results and params that hold registered values (the only ones walked). */
const carriers = new WeakSet<object>();

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

/** Freezes `value` (it may never change again) and encodes it once for every message that will carry it. */
export function encodedOnce<T extends object>(value: T): T {
  if (!encoded.has(value)) encoded.set(deepFreeze(value), Buffer.from(JSON.stringify(value), 'utf8'));
  return value;
}

/** Marks a request's result or a notification's params as holding `encodedOnce` values somewhere inside. */
export function carriesEncoded<T extends object>(value: T): T {
  carriers.add(value);
  return value;
}

/** Collects the output: strings until a cached buffer comes, then both in order. */
class Output {
  readonly parts: Buffer[] = [];
  text = '';
  buffer(buffer: Buffer): void {
    if (this.text !== '') this.parts.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
    this.parts.push(buffer);
  }
  done(): Buffer {
    if (this.text !== '') this.parts.push(Buffer.from(this.text, 'utf8'));
    return this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
  }
}

const skipped = (value: unknown) => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** What `JSON.stringify(value)` gives, with registered values taken from their cache. */
function write(value: unknown, out: Output): void {
  if (typeof value !== 'object' || value === null) {
    out.text += JSON.stringify(value);
    return;
  }
  const cached = encoded.get(value);
  if (cached) {
    out.buffer(cached);
    return;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    out.text += JSON.stringify(value);
    return;
  }
  if (Array.isArray(value)) {
    out.text += '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.text += ',';
      if (skipped(value[i])) out.text += 'null';
      else write(value[i], out);
    }
    out.text += ']';
    return;
  }
  out.text += '{';
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (skipped(item)) continue;
    out.text += `${first ? '' : ','}${JSON.stringify(key)}:`;
    first = false;
    write(item, out);
  }
  out.text += '}';
}

/** Encodes a JSON-RPC message to UTF-8 JSON, exactly as `JSON.stringify` would. */
export function encodeMessage(message: Message): Buffer {
  const body = (message as { result?: unknown; params?: unknown }).result ?? (message as { params?: unknown }).params;
  if (typeof body !== 'object' || body === null || !carriers.has(body)) return Buffer.from(JSON.stringify(message), 'utf8');
  const out = new Output();
  write(message, out);
  return out.done();
}

const encoder: ContentTypeEncoder = {
  name: 'application/json',
  encode: (message) => {
    try {
      return Promise.resolve(encodeMessage(message));
    } catch (error) {
      return Promise.reject(error);
    }
  },
};

/**
 * A connection for `--stdio` with the caching encoder; any other transport
 * (`--node-ipc`, `--socket=`, `--pipe`) as vscode-languageserver makes it.
 */
export function createServerConnection(): Connection {
  if (!process.argv.slice(2).includes('--stdio')) return createConnection(ProposedFeatures.all);
  // stdin as a stream: the library exits when it closes, as with its own --stdio.
  const writer = new StreamMessageWriter(process.stdout, { contentTypeEncoder: encoder });
  // The typed overloads take two streams or a reader and a writer; the library takes a stream and a writer alike
  // (it reads the stream itself and exits when it closes, as with its own --stdio).
  const create = createConnection as unknown as (features: typeof ProposedFeatures.all, input: NodeJS.ReadableStream, output: MessageWriter) => Connection;
  const connection = create(ProposedFeatures.all, process.stdin, writer);
  // stdout is the protocol channel: console output goes to the client's log (the library does this for its own --stdio).
  const text = (args: unknown[]) => args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg))).join(' ');
  console.log = (...args: unknown[]) => connection.console.log(text(args));
  console.info = (...args: unknown[]) => connection.console.info(text(args));
  console.debug = (...args: unknown[]) => connection.console.log(text(args));
  console.warn = (...args: unknown[]) => connection.console.warn(text(args));
  console.error = (...args: unknown[]) => connection.console.error(text(args));
  console.trace = (...args: unknown[]) => connection.console.log(`Trace: ${text(args)}\n${new Error().stack?.split('\n').slice(2).join('\n') ?? ''}`);
  console.dir = (arg: unknown) => connection.console.log(inspect(arg));
  return connection;
}
