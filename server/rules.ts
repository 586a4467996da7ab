/**
 * Cross-field rules of request schemas ("exactly one of product or product_data", the URLs a
 * `ui_mode` needs): they live in the schema, so that the schema says all a request must be,
 * and they answer with Stripe's exact code and message, which parseWith alone cannot know (it
 * derives a code from whether the value at the issue's path is present).
 */
import type { z } from 'zod';
import type { ServerErrorCode } from '../src/strings.js';
import { invalidRequest } from './errors.js';
import { bracketPath, parseWith } from './params.js';

type Path = (string | number)[];
/** Refuses the request: `param` is the path of the parameter to name, `code` Stripe's error code. */
export type Refuse = (param: Path, code: ServerErrorCode, message: string) => void;
export type Rule<T> = (request: T, refuse: Refuse) => void;

/**
 * The schema with its cross-field rules, judged in order at the root of the request and only
 * when every field is valid: as when the store checked them after parsing, a bad field is
 * reported first, and a rule's verdict rests on valid values. The first refusal is reported.
 */
export function withRules<S extends z.ZodType>(schema: S, ...rules: Rule<z.output<S>>[]): S {
  return schema.superRefine(
    (request, ctx) => {
      const refuse: Refuse = (param, code, message) => {
        ctx.addIssue({ code: 'custom', path: param, message, params: { stripeCode: code } });
      };
      for (const rule of rules) rule(request, refuse);
    },
    { when: (payload) => payload.issues.length === 0 },
  );
}

/** "Exactly one of `a` or `b`" on the object at `at` in the request, named at `reportAt`. */
export function exactlyOne(refuse: Refuse, value: Record<string, unknown>, at: Path, a: string, b: string, reportAt = a): void {
  if ((value[a] === undefined) === (value[b] === undefined)) {
    refuse([...at, reportAt], 'parameter_missing', `Provide exactly one of ${bracketPath([...at, a])} or ${bracketPath([...at, b])}.`);
  }
}

/**
 * Validates request parameters: a rule's refusal with its own code and message; any other fault
 * as parseWith reports it. Rules only run on otherwise valid requests, so a refusal is never
 * reported in place of a field fault.
 */
export function parseRequest<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const [first] = result.error.issues;
  const stripeCode: unknown = first?.code === 'custom' ? first.params?.stripeCode : undefined;
  // Put there by a `Refuse`, which takes only the server's codes.
  if (first !== undefined && typeof stripeCode === 'string') throw invalidRequest(first.message, stripeCode as ServerErrorCode, bracketPath(first.path));
  return parseWith(schema, params);
}
