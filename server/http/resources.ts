/**
 * The merchant API's routes for a resource, from one description of it: list, retrieve, an
 * idempotent POST, delete. Pagination, `expand[]` and the refusal of unknown parameters live
 * here once, so no resource can answer them differently from another; so does the rule that a
 * POST's parameters are its body (`postParamsInBody`, part of both API groups' guards).
 */
import type { Handler, MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import { z } from 'zod';
import { invalidRequest, missingResource, must } from '../errors.js';
import { queryParams, readBodyParams } from '../params.js';
import { parseRequest } from '../rules.js';
import { expand, intIn } from '../schemas.js';
import { checkExpand, type Expandable } from '../views.js';
import type { Ctx, Deps, Env } from './context.js';

/** Every list's parameters; a resource's list adds its filters: `z.strictObject({ ...listBase, … })`. */
export const listBase = {
  limit: intIn(1, 100).optional(),
  starting_after: z.string().max(255).optional(),
  ending_before: z.string().max(255).optional(),
  expand: expand.optional(),
};
export const listParams = z.strictObject(listBase);
const retrieveParams = z.strictObject({ expand: expand.optional() });
const noParams = z.strictObject({});

type ListQuery = z.output<typeof listParams>;
type PostParams = { expand?: string[] | undefined };

export interface ResourceSpec<T> {
  /** The kind as a 404 names it (`No such checkout session: '…'`). */
  noun: string;
  /** Which `expand[]` entries its view takes (views.ts). */
  expandable: Expandable;
  /** Its wire object. */
  view: (record: T, expand: Set<string>, c: Ctx) => unknown;
}

function query(c: Ctx): unknown {
  return queryParams(new URL(c.req.url));
}

/**
 * A POST takes its parameters in its body. One in the query string (`…/detach?x=1`) would be
 * silently ignored, hiding a client's mistake, so it is refused as the unknown parameter it is,
 * with the same 400 `parameter_unknown` as anywhere else, before the route reads anything.
 * Part of each API group's guard (app.ts), after the key check: every POST of the merchant and
 * the browser API, present and future, refuses it alike.
 */
export const postParamsInBody: MiddlewareHandler<Env> = async (c, next) => {
  if (c.req.method === 'POST') parseRequest(noParams, query(c));
  await next();
};

/** The `:id` of the route. */
export function idOf(c: Ctx): string {
  return must(c.req.param('id'), 'the :id of the route');
}

/** A lookup in records kept outside the store (webhooks.ts keeps endpoints and events in arrays). */
export function byId<T extends { id: string }>(records: readonly T[], noun: string): (id: string) => T {
  return (id) => {
    const record = records.find((r) => r.id === id);
    if (!record) throw missingResource(noun, id);
    return record;
  };
}

/** One page of `items` (newest first), as Stripe pages: `limit`, then after or before an id. */
function paginate<T extends { id: string }>(items: T[], p: ListQuery, noun: string): { page: T[]; hasMore: boolean } {
  const limit = p.limit ?? 10;
  if (p.starting_after !== undefined && p.ending_before !== undefined) {
    throw invalidRequest('Use starting_after or ending_before, not both.', 'parameter_invalid', 'ending_before');
  }
  if (p.starting_after !== undefined) {
    const i = items.findIndex((x) => x.id === p.starting_after);
    if (i < 0) throw missingResource(noun, p.starting_after, 'starting_after');
    const rest = items.slice(i + 1);
    return { page: rest.slice(0, limit), hasMore: rest.length > limit };
  }
  if (p.ending_before !== undefined) {
    const i = items.findIndex((x) => x.id === p.ending_before);
    if (i < 0) throw missingResource(noun, p.ending_before, 'ending_before');
    const before = items.slice(0, i);
    return { page: before.slice(Math.max(0, before.length - limit)), hasMore: before.length > limit };
  }
  return { page: items.slice(0, limit), hasMore: items.length > limit };
}

/** The list's own URL, as the list object reports it: the route's path with its parameters filled in. */
function listUrl(c: Ctx): string {
  return routePath(c).replace(/:([A-Za-z_]+)/g, (_, name: string) => must(c.req.param(name), `the :${name} of the route`));
}

export function resource<T extends { id: string }>(deps: Deps, spec: ResourceSpec<T>) {
  return {
    /** `GET` a list: `params` are the list's (`listBase` and its filters); `items` finds the records, newest first. */
    list<S extends z.ZodType<ListQuery>>(params: S, items: (query: z.output<S>, c: Ctx) => T[]): Handler<Env> {
      return (c) => {
        const q = parseRequest(params, query(c));
        const expand = checkExpand(spec.expandable, q.expand, true);
        const { page, hasMore } = paginate(items(q, c), q, spec.noun);
        return c.json(deps.views.list(page.map((x) => spec.view(x, expand, c)), hasMore, listUrl(c)));
      };
    },

    /** `GET /:id`: `get` finds the record (of the route's other parameters too, if any) or throws its 404. */
    retrieve(get: (id: string, c: Ctx) => T): Handler<Env> {
      return (c) => {
        const q = parseRequest(retrieveParams, query(c));
        const expand = checkExpand(spec.expandable, q.expand);
        return c.json(spec.view(get(idOf(c), c), expand, c));
      };
    },

    /** An idempotent `POST` whose answer is the record `act` made or changed (`view` if it differs from the resource's). */
    post<S extends z.ZodType<PostParams>>(params: S, act: (input: z.output<S>, c: Ctx) => T, view: ResourceSpec<T>['view'] = spec.view): Handler<Env> {
      return async (c) => {
        const body = await readBodyParams(c.req.raw);
        return deps.idempotency.respond(c, 'merchant', body, () => {
          const input = parseRequest(params, body);
          const expand = checkExpand(spec.expandable, input.expand);
          return { status: 200, body: view(act(input, c), expand, c) };
        });
      };
    },

    /** `DELETE /:id`: `get` finds the record or throws its 404, `remove` removes it. */
    del(get: (id: string) => T & { object: string }, remove: (record: T) => void): Handler<Env> {
      return (c) => {
        parseRequest(noParams, query(c));
        const record = get(idOf(c));
        remove(record);
        return c.json({ id: record.id, object: record.object, deleted: true });
      };
    },
  };
}
