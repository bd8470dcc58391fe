/**
 * Test support (Node only): just enough of the PostgreSQL wire protocol (v3, trust authentication,
 * text format) to run the adapter's statements with bound parameters against a real server,
 * without adding a client library to the project.
 */
import { connect, type Socket } from 'node:net';

type Value = string | number | boolean | null;

export class PostgresError extends Error {
  override name = 'PostgresError';
}

const INT_TYPES = new Set([20, 21, 23, 26]);
const FLOAT_TYPES = new Set([700, 701, 1700]);
const BOOL_TYPE = 16;

function message(type: string, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(5);
  header.write(type, 0, 'latin1');
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

const cstring = (text: string): Buffer => Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0])]);
const int16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeInt16BE(n);
  return b;
};
const int32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};

interface Column {
  name: string;
  type: number;
}

export class PostgresClient {
  #socket: Socket;
  #buffer = Buffer.alloc(0);
  #waiters: (() => void)[] = [];
  #closed = false;

  private constructor(socket: Socket) {
    this.#socket = socket;
    socket.on('data', (chunk) => {
      this.#buffer = Buffer.concat([this.#buffer, chunk]);
      for (const wake of this.#waiters.splice(0)) wake();
    });
    socket.on('close', () => {
      this.#closed = true;
      for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  static async connect(options: { host: string; port: number; user: string; database: string }): Promise<PostgresClient> {
    const socket = await new Promise<Socket>((resolve, reject) => {
      const s = connect(options.port, options.host, () => resolve(s));
      s.once('error', reject);
    });
    const client = new PostgresClient(socket);
    const params = Buffer.concat([cstring('user'), cstring(options.user), cstring('database'), cstring(options.database), cstring('client_encoding'), cstring('UTF8'), Buffer.from([0])]);
    const body = Buffer.concat([int32(196608), params]);
    socket.write(Buffer.concat([int32(body.length + 4), body]));
    await client.#untilReady();
    return client;
  }

  async #next(): Promise<{ type: string; body: Buffer }> {
    for (;;) {
      if (this.#buffer.length >= 5) {
        const length = this.#buffer.readInt32BE(1);
        if (this.#buffer.length >= length + 1) {
          const type = String.fromCharCode(this.#buffer[0]!);
          const body = this.#buffer.subarray(5, length + 1);
          this.#buffer = this.#buffer.subarray(length + 1);
          return { type, body };
        }
      }
      if (this.#closed) throw new PostgresError('The connection closed.');
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /** Reads until ReadyForQuery, collecting rows; throws the first error the server sent. */
  async #untilReady(): Promise<Record<string, unknown>[]> {
    let columns: Column[] = [];
    const rows: Record<string, unknown>[] = [];
    let error: PostgresError | null = null;
    for (;;) {
      const { type, body } = await this.#next();
      if (type === 'R' && body.readInt32BE(0) !== 0) throw new PostgresError('Only trust authentication is supported.');
      if (type === 'E') {
        const fields: Record<string, string> = {};
        let at = 0;
        while (body[at] !== 0) {
          const code = String.fromCharCode(body[at]!);
          const end = body.indexOf(0, at + 1);
          fields[code] = body.toString('utf8', at + 1, end);
          at = end + 1;
        }
        error = new PostgresError(`${fields.M ?? 'error'}${fields.P ? ` (at ${fields.P})` : ''}`);
      } else if (type === 'T') {
        const count = body.readInt16BE(0);
        columns = [];
        let at = 2;
        for (let i = 0; i < count; i++) {
          const end = body.indexOf(0, at);
          const name = body.toString('utf8', at, end);
          at = end + 1;
          const typeOid = body.readInt32BE(at + 6);
          at += 18;
          columns.push({ name, type: typeOid });
        }
      } else if (type === 'D') {
        const count = body.readInt16BE(0);
        const row: Record<string, unknown> = {};
        let at = 2;
        for (let i = 0; i < count; i++) {
          const length = body.readInt32BE(at);
          at += 4;
          const column = columns[i]!;
          if (length < 0) row[column.name] = null;
          else {
            const text = body.toString('utf8', at, at + length);
            at += length;
            row[column.name] = INT_TYPES.has(column.type) || FLOAT_TYPES.has(column.type) ? Number(text) : column.type === BOOL_TYPE ? text === 't' : text;
          }
        }
        rows.push(row);
      } else if (type === 'Z') {
        if (error) throw error;
        return rows;
      }
    }
  }

  /** Runs statements without parameters (DDL), several at once. */
  async simple(sql: string): Promise<void> {
    this.#socket.write(message('Q', cstring(sql)));
    await this.#untilReady();
  }

  /** One statement with bound parameters (sent as text; the statement's casts type them). */
  async query(sql: string, params: readonly Value[]): Promise<Record<string, unknown>[]> {
    const values = params.map((value) => {
      if (value === null) return int32(-1);
      const bytes = Buffer.from(typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value), 'utf8');
      return Buffer.concat([int32(bytes.length), bytes]);
    });
    this.#socket.write(
      Buffer.concat([
        message('P', cstring(''), cstring(sql), int16(0)),
        message('B', cstring(''), cstring(''), int16(0), int16(params.length), ...values, int16(0)),
        message('D', Buffer.from('P'), cstring('')),
        message('E', cstring(''), int32(0)),
        message('S'),
      ]),
    );
    return this.#untilReady();
  }

  close(): void {
    if (!this.#closed) this.#socket.end(message('X'));
  }
}
