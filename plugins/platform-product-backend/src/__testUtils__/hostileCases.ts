import { randomUUID } from 'node:crypto';
import { Call, WORLD } from './matrixWorld';

// The builders of the hostile-input table (src/hostileInput.test.ts): the ways each kind of
// parameter goes wrong, and what each must answer.

export const X = WORLD.product;
export const { part: PART, lonely: LONELY } = WORLD;
export const NUL = 'a\u0000b';
export const ESC = 'a\u001bb';
export const UNICODE = 'Ünïcødé 🚀 مرحبا';
export const NO_ID = randomUUID();

/** The ids of the fixtures the cases aim at. */
export type Ids = {
  postId: string;
  ratingId: string;
  replyId: string;
  announcementId: string;
  itemId: string;
};

/** One case: what it sends (as the admin, allowed everything), the status and a part of the message. */
export type Case = {
  route: string;
  label: string;
  call: (ids: Ids) => Call;
  status: number;
  message: string;
};

/** The ways a ref parameter goes wrong, and what each must answer. */
export function badRefs(param: string, options: { optional?: boolean } = {}) {
  const cases: Array<[string, unknown, number, string]> = [
    ['empty', '', 400, `${param} is required`],
    ['a number', 42, 400, `${param} must be a string`],
    [
      'malformed',
      'x',
      400,
      `${param} must be an entity reference like 'kind:namespace/name', got 'x'`,
    ],
    [
      'with a control character',
      `platformproduct:default/${NUL}`,
      400,
      `${param} must not contain control characters`,
    ],
    [
      'huge',
      `platformproduct:default/${'x'.repeat(5000)}`,
      400,
      `${param} must be at most 255 characters, got 5,024`,
    ],
    [
      'unicode, of no entity',
      `platformproduct:default/${UNICODE}`,
      404,
      `'platformproduct:default/${UNICODE.toLocaleLowerCase('en-US')}'`,
    ],
    [
      'of no entity',
      'platformproduct:default/nope',
      404,
      "'platformproduct:default/nope'",
    ],
    ['of a part, not a product', PART, 404, `'${PART}'`],
    ['of an entity of no product', LONELY, 404, `'${LONELY}'`],
  ];
  if (!options.optional) {
    cases.unshift(['missing', undefined, 400, `${param} is required`]);
  }
  return cases;
}

/** The productRef cases of a route that takes it in the query. */
export function refQueryCases(
  route: string,
  param = 'productRef',
  options: { optional?: boolean; query?: Record<string, unknown> } = {},
): Case[] {
  const [method, path] = route.split(' ');
  return badRefs(param, options)
    .filter(([label]) => label !== 'a number') // a query string has no numbers
    .map(([label, value, status, message]) => ({
      route,
      label: `${param} ${label}`,
      call: () => ({
        method: method.toLowerCase() as Call['method'],
        path,
        query: {
          ...options.query,
          ...(value === undefined ? {} : { [param]: value }),
        },
      }),
      status,
      message,
    }))
    .concat({
      route,
      label: `${param} given twice`,
      call: () => ({
        method: method.toLowerCase() as Call['method'],
        path,
        query: { ...options.query, [param]: [X, X] },
      }),
      status: 400,
      message: `${param} must be a string`,
    });
}

/** The ref cases of a body field, over a valid body. */
export function refBodyCases(
  route: string,
  base: Record<string, unknown>,
  param: string,
  options: { optional?: boolean; valid?: string[] } = {},
): Case[] {
  const [method, path] = route.split(' ');
  return badRefs(param, options)
    .filter(([, value]) => !options.valid?.includes(value as string))
    .map(([label, value, status, message]) => {
      const body = { ...base };
      if (value === undefined) delete body[param];
      else body[param] = value;
      return {
        route,
        label: `${param} ${label}`,
        call: () => ({
          method: method.toLowerCase() as Call['method'],
          path,
          body,
        }),
        status,
        message,
      };
    });
}

/** Bodies that are not a JSON object of the route's fields. */
export function badBodies(
  route: string,
  path: (ids: Ids) => string,
  base: Record<string, unknown>,
): Case[] {
  const method = route.split(' ')[0].toLowerCase() as Call['method'];
  const raw = (data: string) => ({ type: 'application/json', data });
  return [
    {
      label: 'a list, not an object',
      call: (ids: Ids) => ({ method, path: path(ids), body: [base] }),
      status: 400,
      message: 'expected object, received array',
    },
    {
      label: 'malformed JSON',
      call: (ids: Ids) => ({ method, path: path(ids), raw: raw('{"title":') }),
      status: 400,
      message: 'JSON',
    },
    {
      label: 'a JSON string',
      call: (ids: Ids) => ({ method, path: path(ids), raw: raw('"title"') }),
      status: 400,
      message: 'JSON',
    },
    {
      label: 'over 1 MB',
      call: (ids: Ids) => ({
        method,
        path: path(ids),
        body: { ...base, extra: 'x'.repeat(1_100_000) },
      }),
      status: 413,
      message: 'request entity too large',
    },
    {
      label: 'an extra field',
      call: (ids: Ids) => ({
        method,
        path: path(ids),
        body: { ...base, author: WORLD.pm },
      }),
      status: 400,
      message: 'author',
    },
  ].map(c => ({ route, ...c }));
}

/** Field cases over a valid body: [label, the fields to change, status, message]. */
export function fieldCases(
  route: string,
  path: (ids: Ids) => string,
  base: Record<string, unknown>,
  cases: Array<[string, Record<string, unknown>, number, string]>,
): Case[] {
  const method = route.split(' ')[0].toLowerCase() as Call['method'];
  return cases.map(([label, change, status, message]) => ({
    route,
    label,
    call: (ids: Ids) => ({
      method,
      path: path(ids),
      body: Object.fromEntries(
        Object.entries({ ...base, ...change }).filter(
          ([, value]) => value !== undefined,
        ),
      ),
    }),
    status,
    message,
  }));
}

/** Query cases: [label, query, status, message]. */
export function queryCases(
  route: string,
  cases: Array<[string, Record<string, unknown>, number, string]>,
): Case[] {
  const [method, path] = route.split(' ');
  return cases.map(([label, query, status, message]) => ({
    route,
    label,
    call: () => ({
      method: method.toLowerCase() as Call['method'],
      path,
      query,
    }),
    status,
    message,
  }));
}

/** The ways an id in the path goes wrong: none of them is a thing, each a 404 naming it. */
export function badIds(
  route: string,
  path: (id: string, ids: Ids) => string,
  what: string,
): Case[] {
  const method = route.split(' ')[0].toLowerCase() as Call['method'];
  const huge = 'a'.repeat(3000);
  return (
    [
      ['no such id', NO_ID, `${what} '${NO_ID}'`],
      ['not an id', 'nope', `${what} 'nope'`],
      ['huge', huge, `${what} '${huge}'`],
      ['with a control character', NUL, what],
      ['unicode', UNICODE, `${what} '${UNICODE}'`],
    ] as const
  ).map(([label, id, message]) => ({
    route,
    label: `id ${label}`,
    call: (ids: Ids) => ({
      method,
      path: path(encodeURIComponent(id), ids),
    }),
    status: 404,
    message,
  }));
}

export const text = (field: string, max: number, maxLabel: string) =>
  [
    [`${field} empty`, { [field]: '  ' }, 400, `${field} must not be empty`],
    [`${field} a number`, { [field]: 7 }, 400, `${field} must be a string`],
    [
      `${field} huge`,
      { [field]: 'x'.repeat(max + 1) },
      400,
      `${field} must be at most ${maxLabel} characters`,
    ],
    [
      `${field} with a NUL`,
      { [field]: NUL },
      400,
      `${field} must not contain control characters`,
    ],
    [
      `${field} with an escape`,
      { [field]: ESC },
      400,
      `${field} must not contain control characters`,
    ],
  ] as Array<[string, Record<string, unknown>, number, string]>;
