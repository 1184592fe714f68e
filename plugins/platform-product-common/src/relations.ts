/** A PlatformProduct has a product manager (a User). */
export const RELATION_PRODUCT_MANAGED_BY = 'productManagedBy';
/** A User is the product manager of a PlatformProduct. */
export const RELATION_PRODUCT_MANAGER_OF = 'productManagerOf';
