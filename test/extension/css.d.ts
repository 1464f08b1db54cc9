// The root tsconfig type-checks these tests, which import extension components that import their own
// stylesheets and read WXT's build flags (Vite handles both; the extension's own tsconfig gets the
// declarations from WXT).
declare module '*.css';

interface ImportMetaEnv {
  readonly FIREFOX: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
