// class-transformer ships its CommonJS build and its type declarations in separate folders and has no
// "exports" map, so TypeScript finds no types for the deep import that class-validator-jsonschema needs.
declare module 'class-transformer/cjs/storage' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
