/** Prettier: defaults plus these; formatting is never discussed in review. */
export default {
  singleQuote: true,
  printWidth: 120,
  trailingComma: 'all',
};
