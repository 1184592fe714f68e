import { BuiltInCheck } from './types';

/** Whether spec.productManager names a User of the catalog (resolved for the batch before). */
export function productManagerCheck(): BuiltInCheck {
  const advice =
    'Name a product manager in spec.productManager: a User of the catalog (like user:default/jane.doe) who owns the vision and the roadmap and talks to the users.';
  return {
    id: 'product-manager',
    title: 'Product manager',
    advice,
    evaluate: ({ entity, productManager: pm }) => {
      const given = entity.spec.productManager ?? null;
      switch (pm.state) {
        case 'found':
          return { status: 'pass', value: pm.ref, advice };
        case 'none':
          return { status: 'fail', value: null, advice };
        case 'malformed':
          return {
            status: 'fail',
            value: given,
            advice: `spec.productManager '${given}' is not an entity reference. ${advice}`,
          };
        case 'not-a-user':
          return {
            status: 'fail',
            value: pm.ref,
            advice: `spec.productManager names ${pm.ref}, which is not a User: name the one person who owns the vision and the roadmap (like user:default/jane.doe).`,
          };
        default:
          return {
            status: 'fail',
            value: pm.ref,
            advice: `spec.productManager names ${pm.ref}, who is not in the catalog: correct the name, or add them to the catalog's org data.`,
          };
      }
    },
  };
}
