// esbuild bundles CSS imports into <page>.css; TypeScript only needs to know they exist.
declare module '*.css';
