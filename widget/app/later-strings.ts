/**
 * In the built portal, vite.config.ts replaces this module with the strings only signed-in
 * screens need, added to the dictionaries when the signed-in chunk loads (before any of its
 * screens renders). Everywhere else (tests, type checks) the dictionaries are already complete.
 */
export {}
