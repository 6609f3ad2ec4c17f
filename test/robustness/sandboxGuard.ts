// Preloaded into the CLI and the server by the security tests
// (NODE_OPTIONS=--import <this file>): every network call and every child
// process is blocked and recorded, every file-system write is recorded, in the
// file named by CORROBORATE_GUARD_LOG. The test then reads what was attempted.

import childProcess from 'node:child_process';
import dgram from 'node:dgram';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import tls from 'node:tls';

const logPath = process.env.CORROBORATE_GUARD_LOG;
const appendFileSync = fs.appendFileSync;

let recording = false;

function record(line: string): void {
  // appendFileSync goes through the (watched) writeFileSync: do not record the record.
  if (!logPath || recording) return;
  recording = true;
  try {
    appendFileSync(logPath, `${line}\n`);
  } finally {
    recording = false;
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof URL) return value.href;
  if (Buffer.isBuffer(value)) return '<buffer>';
  try {
    return JSON.stringify(value)?.slice(0, 200) ?? String(value);
  } catch {
    return String(value);
  }
}

type AnyFunction = (...args: unknown[]) => unknown;

function block(target: Record<string, unknown>, names: string[], kind: string): void {
  for (const name of names) {
    if (typeof target[name] !== 'function') continue;
    target[name] = function blocked(...args: unknown[]) {
      record(`${kind} ${name} ${describe(args[0])}`);
      throw new Error(`blocked by the test sandbox: ${kind} ${name}`);
    };
  }
}

function watchWrites(target: Record<string, unknown>, names: string[], prefix: string): void {
  for (const name of names) {
    const original = target[name] as AnyFunction | undefined;
    if (typeof original !== 'function') continue;
    target[name] = function recorded(this: unknown, ...args: unknown[]) {
      const flags = name === 'open' || name === 'openSync' ? String(args[1] ?? 'r') : 'w';
      if (/[wa+]/.test(flags)) record(`write ${prefix}${name} ${describe(args[0])}`);
      return original.apply(this, args);
    };
  }
}

block(net as unknown as Record<string, unknown>, ['connect', 'createConnection', 'createServer'], 'network');
block(net.Socket.prototype as unknown as Record<string, unknown>, ['connect'], 'network');
block(tls as unknown as Record<string, unknown>, ['connect', 'createServer'], 'network');
block(http as unknown as Record<string, unknown>, ['request', 'get', 'createServer'], 'network');
block(https as unknown as Record<string, unknown>, ['request', 'get', 'createServer'], 'network');
block(dgram as unknown as Record<string, unknown>, ['createSocket'], 'network');
block(dns as unknown as Record<string, unknown>, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'], 'network');
block(dns.promises as unknown as Record<string, unknown>, ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny'], 'network');
block(childProcess as unknown as Record<string, unknown>, ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'], 'process');
(globalThis as { fetch?: unknown }).fetch = (input: unknown) => {
  record(`network fetch ${describe(input)}`);
  return Promise.reject(new Error('blocked by the test sandbox: fetch'));
};

const WRITES = ['writeFile', 'appendFile', 'mkdir', 'rename', 'copyFile', 'cp', 'rm', 'rmdir', 'unlink', 'symlink', 'link', 'truncate', 'chmod', 'open', 'mkdtemp'];
watchWrites(fs as unknown as Record<string, unknown>, [...WRITES, ...WRITES.map((name) => `${name}Sync`), 'createWriteStream'], 'fs.');
watchWrites(fs.promises as unknown as Record<string, unknown>, WRITES, 'fs.promises.');
syncBuiltinESMExports();
