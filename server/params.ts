/**
 * Request parameters: reads a body with a size cap, parses JSON or Stripe's form encoding with
 * bracket notation into one plain object, and turns zod issues into Stripe-shaped errors whose
 * `param` is in bracket notation (`line_items[0][price_data][currency]`).
 */
import { z } from 'zod';
import { ApiFault, invalidRequest } from './errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;

export type Params = Record<string, unknown>;

const tooLarge = (): ApiFault =>
  new ApiFault(413, {
    type: 'invalid_request_error',
    code: 'request_too_large',
    message: `The request body is larger than ${MAX_BODY_BYTES} bytes.`,
  });

/** Reads the body, refusing more than MAX_BODY_BYTES whether or not Content-Length says so. */
export async function readBodyText(request: Request): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null) {
    const n = Number(declared);
    if (Number.isFinite(n) && n > MAX_BODY_BYTES) throw tooLarge();
  }
  if (request.body === null) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > MAX_BODY_BYTES) {
        void reader.cancel().catch(() => undefined);
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof ApiFault) throw err;
    throw invalidRequest('The request body could not be read.', 'body_unreadable');
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw invalidRequest('The request body is not valid UTF-8.', 'body_malformed');
  }
}

/** Parses a request body by its Content-Type: JSON object or form encoding; else 415. */
export async function readBodyParams(request: Request): Promise<Params> {
  const text = await readBodyText(request);
  const contentType = (request.headers.get('content-type') ?? '').replace(/;.*$/s, '').trim().toLowerCase();
  if (text.trim() === '' && contentType !== 'application/json') return {};
  if (contentType === 'application/json') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw invalidRequest('The request body is not valid JSON.', 'body_malformed');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw invalidRequest('A JSON request body must be an object.', 'body_malformed');
    }
    assertShallow(parsed);
    return parsed as Params;
  }
  if (contentType === 'application/x-www-form-urlencoded') return parseForm(text);
  throw new ApiFault(415, {
    type: 'invalid_request_error',
    code: 'unsupported_content_type',
    message: `Unsupported Content-Type '${contentType || '(none)'}'. Send application/x-www-form-urlencoded or application/json.`,
  });
}

/** No real parameter nests deeper than a handful of levels; refusing more keeps recursion safe. */
export const MAX_DEPTH = 16;

function assertShallow(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    const [node, depth] = top;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) throw invalidRequest(`The request body nests deeper than ${MAX_DEPTH} levels.`, 'body_malformed');
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}

const KEY_SYNTAX = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** `a[b][0][c]=1&e[]=x` → `{a: {b: [{c: '1'}]}, e: ['x']}`; malformed or clashing keys are 400. */
export function parseForm(text: string): Params {
  if (/%(?![0-9a-fA-F]{2})/.test(text)) throw invalidRequest('The form body has a malformed percent-escape.', 'body_malformed');
  let entries: [string, string][];
  try {
    entries = [...new URLSearchParams(text)];
  } catch {
    throw invalidRequest('The form body could not be parsed.', 'body_malformed');
  }
  const root: Params = Object.create(null) as Params;
  for (const [key, value] of entries) {
    const m = KEY_SYNTAX.exec(key);
    if (!m) throw invalidRequest(`Malformed parameter name '${key}'.`, 'parameter_invalid', key);
    const path: string[] = [m[1] ?? ''];
    for (const seg of (m[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) path.push(seg[1] ?? '');
    if (path.length > MAX_DEPTH) throw invalidRequest(`Parameter '${key}' nests deeper than ${MAX_DEPTH} levels.`, 'parameter_invalid', key);
    insert(root, path, value, key);
  }
  return normalise(root, '') as Params;
}

const APPEND = Symbol('append');

function insert(root: Params, path: string[], value: string, key: string): void {
  let node: Params = root;
  for (const [i, seg] of path.entries()) {
    const last = i === path.length - 1;
    if (seg === '') {
      // `a[]` appends: kept as a keyed object with an append counter, made an array later.
      const counter = (node as Record<symbol, number | undefined>)[APPEND] ?? 0;
      if (Object.keys(node).some((k) => !/^\d+$/.test(k))) throw clash(key);
      (node as Record<symbol, number>)[APPEND] = counter + 1;
      const index = String(Object.keys(node).length);
      if (last) {
        node[index] = value;
        return;
      }
      const child: Params = Object.create(null) as Params;
      node[index] = child;
      node = child;
      continue;
    }
    if (['__proto__', 'constructor', 'prototype'].includes(seg)) throw invalidRequest(`Parameter name '${key}' is not allowed.`, 'parameter_invalid', key);
    const existing = node[seg];
    if (last) {
      if (existing !== undefined) throw invalidRequest(`Parameter '${key}' was given more than once.`, 'parameter_duplicate', key);
      node[seg] = value;
      return;
    }
    if (existing === undefined) {
      const child: Params = Object.create(null) as Params;
      node[seg] = child;
      node = child;
    } else if (typeof existing === 'object' && existing !== null) {
      node = existing as Params;
    } else {
      throw clash(key);
    }
  }
}

const clash = (key: string): ApiFault => invalidRequest(`Parameter '${key}' conflicts with another parameter of the same name.`, 'parameter_invalid', key);

/** Objects whose keys are exactly 0..n-1 become arrays, recursively; gaps are an error. */
function normalise(value: unknown, param: string): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const obj = value as Params;
  const keys = Object.keys(obj);
  const out: Params = {};
  for (const k of keys) out[k] = normalise(obj[k], param ? `${param}[${k}]` : k);
  if (keys.length > 0 && keys.every((k) => /^\d+$/.test(k))) {
    const indices = keys.map(Number).sort((a, b) => a - b);
    if (indices.some((n, i) => n !== i)) {
      throw invalidRequest(`Array parameter '${param}' must use consecutive indices starting at 0.`, 'parameter_invalid', param);
    }
    return indices.map((i) => out[String(i)]);
  }
  return out;
}

/** Query string parameters (GET), with the same bracket rules. */
export function queryParams(url: URL): Params {
  return parseForm(url.search.startsWith('?') ? url.search.slice(1) : url.search);
}

export function bracketPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of path) {
    const s = typeof seg === 'symbol' ? seg.toString() : String(seg);
    out = out === '' ? s : `${out}[${s}]`;
  }
  return out;
}

/** Validates params with a zod schema, throwing the first (most useful) issue as an ApiFault. */
export function parseWith<S extends z.ZodType>(schema: S, params: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(params, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const unknown = issues.find((i) => i.code === 'unrecognized_keys');
  const issue = unknown ?? issues[0];
  if (issue === undefined) throw invalidRequest('The parameters are not valid.', 'parameter_invalid');
  const withPrefix = (path: readonly PropertyKey[]): string => bracketPath(prefix ? [prefix, ...path] : path);
  if (issue.code === 'unrecognized_keys') {
    const param = withPrefix([...issue.path, issue.keys[0] ?? '']);
    throw invalidRequest(`Received unknown parameter: ${param}`, 'parameter_unknown', param);
  }
  const param = withPrefix(issue.path);
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value' || issue.code === 'custom') && valueAt(params, issue.path) === undefined) {
    throw invalidRequest(`Missing required param: ${param}.`, 'parameter_missing', param);
  }
  const custom = issue.message.startsWith('Invalid input') || issue.message.startsWith('Too ') ? undefined : issue.message;
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    throw invalidRequest(custom ?? `Invalid integer: ${param} must be an integer.`, 'parameter_invalid_integer', param);
  }
  throw invalidRequest(custom ?? `Invalid value for ${param}: ${issue.message.replace(/^Invalid input: /, '')}.`, 'parameter_invalid', param);
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[seg];
  }
  return node;
}
