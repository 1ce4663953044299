/**
 * The shape every language must match: the same keys as the Indonesian catalog, any text as value.
 * Assigning an object literal to it refuses both missing and extra keys.
 */
export type CatalogOf<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : CatalogOf<T[K]>;
};
