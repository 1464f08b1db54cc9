// The root tsconfig type-checks these tests, which import extension components that import their own
// stylesheets (Vite handles those; the extension's own tsconfig gets the declaration from WXT).
declare module '*.css';
