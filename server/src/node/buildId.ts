// Which code built an index snapshot: a snapshot is only trusted by the same
// build (its postings depend on the extraction code). scripts/build.mjs sets
// it in the bundles to a hash of the server sources; unbundled runs (tests,
// scripts from out/) use CORROBORATE_BUILD_ID or 'dev'.

export const BUILD_ID: string = process.env.CORROBORATE_BUILD_ID ?? 'dev';
