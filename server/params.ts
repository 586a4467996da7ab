/**
 * Request parameters: reads a body with a size cap, parses JSON or Stripe's form encoding with
 * bracket notation into one plain object, and turns zod issues into Stripe-shaped errors whose
 * `param` is in bracket notation (`line_items[0][price_data][currency]`).
 */
import { z } from 'zod';
import { ApiFault, invalidRequest } from './errors.js';

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * The most parameters (form keys, or JSON values) one request may carry. The largest valid
 * request here (a session with 100 line items, each with 8 images and 50 metadata keys, plus
 * 250 countries) has fewer than 7,500; this bound keeps the work per request bounded whatever the
 * shape of the body.
 */
export const MAX_PARAMETERS = 10_000;

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

/** Refuses JSON nested deeper than MAX_DEPTH or holding more than MAX_PARAMETERS values (containers count too). */
function assertShallow(value: unknown): void {
  const stack: [unknown, number][] = [[value, 0]];
  let values = -1; // the top-level object is not a parameter
  for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
    if (++values > MAX_PARAMETERS) throw tooMany();
    const [node, depth] = top;
    if (node === null || typeof node !== 'object') continue;
    if (depth >= MAX_DEPTH) throw invalidRequest(`The request body nests deeper than ${MAX_DEPTH} levels.`, 'body_malformed');
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
}

const KEY_SYNTAX = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;
const DIGITS = /^\d+$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

const tooMany = (): ApiFault =>
  invalidRequest(`The request has more than ${MAX_PARAMETERS} parameters.`, 'too_many_parameters');

/**
 * A bracket-notation node while parsing. It carries what appending and normalising need to
 * know (does it have a named key? was `[]` used on it?), so that no step re-scans its keys:
 * each key segment costs O(1), whatever the request's shape.
 */
class FormNode {
  readonly children = new Map<string, FormNode | string>();
  /** Some key is not all digits: the node is an object, and `[]` cannot append to it. */
  named = false;
  /** `[]` was used on it: a named key would make the appended positions meaningless. */
  appended = false;
}

/** `a[b][0][c]=1&e[]=x` → `{a: {b: [{c: '1'}]}, e: ['x']}`; malformed or clashing keys are 400. */
export function parseForm(text: string): Params {
  if (/%(?![0-9a-fA-F]{2})/.test(text)) throw invalidRequest('The form body has a malformed percent-escape.', 'body_malformed');
  let entries: URLSearchParams;
  try {
    entries = new URLSearchParams(text);
  } catch {
    throw invalidRequest('The form body could not be parsed.', 'body_malformed');
  }
  if (entries.size > MAX_PARAMETERS) throw tooMany();
  const root = new FormNode();
  for (const [key, value] of entries) {
    const m = KEY_SYNTAX.exec(key);
    if (!m) throw invalidRequest(`Malformed parameter name '${key}'.`, 'parameter_invalid', key);
    const path: string[] = [m[1] ?? ''];
    for (const seg of (m[2] ?? '').matchAll(/\[([^[\]]*)\]/g)) path.push(seg[1] ?? '');
    if (path.length > MAX_DEPTH) throw invalidRequest(`Parameter '${key}' nests deeper than ${MAX_DEPTH} levels.`, 'parameter_invalid', key);
    insert(root, path, value, key);
  }
  return normaliseObject(root, '');
}

function insert(root: FormNode, path: string[], value: string, key: string): void {
  let node = root;
  for (const [i, segment] of path.entries()) {
    let seg = segment;
    if (seg === '') {
      // `a[]` appends at the next position; an explicit index already there (`a[1]=x&a[]=y`) is a clash, not an overwrite.
      if (node.named) throw clash(key);
      node.appended = true;
      seg = String(node.children.size);
      if (node.children.has(seg)) throw clash(key);
    } else if (FORBIDDEN.has(seg)) {
      throw invalidRequest(`Parameter name '${key}' is not allowed.`, 'parameter_invalid', key);
    } else if (!DIGITS.test(seg)) {
      if (node.appended) throw clash(key);
      node.named = true;
    }
    const existing = node.children.get(seg);
    if (i === path.length - 1) {
      if (existing !== undefined) throw invalidRequest(`Parameter '${key}' was given more than once.`, 'parameter_duplicate', key);
      node.children.set(seg, value);
      return;
    }
    if (existing === undefined) {
      const child = new FormNode();
      node.children.set(seg, child);
      node = child;
    } else if (existing instanceof FormNode) {
      node = existing;
    } else {
      throw clash(key);
    }
  }
}

const clash = (key: string): ApiFault => invalidRequest(`Parameter '${key}' conflicts with another parameter of the same name.`, 'parameter_invalid', key);

/** Nodes whose keys are exactly 0..n-1 become arrays, recursively; gaps are an error. The top level is always an object. */
function normalise(value: FormNode | string, param: string): unknown {
  if (typeof value === 'string') return value;
  if (value.named) return normaliseObject(value, param);
  // All keys are digits and distinct: they are 0..n-1 exactly when each is canonical and below n.
  const n = value.children.size;
  const out = new Array<unknown>(n);
  for (const [k, child] of value.children) {
    const index = Number(k);
    if (index >= n || String(index) !== k) {
      throw invalidRequest(`Array parameter '${param}' must use consecutive indices starting at 0.`, 'parameter_invalid', param);
    }
    out[index] = normalise(child, `${param}[${k}]`);
  }
  return out;
}

function normaliseObject(node: FormNode, param: string): Params {
  const out: Params = {};
  for (const [k, child] of node.children) out[k] = normalise(child, param ? `${param}[${k}]` : k);
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
