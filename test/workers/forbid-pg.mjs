// Preload for a CLI run that must not load the PostgreSQL client: resolving `pg` throws.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'pg' || specifier.startsWith('pg/')) throw new Error('the pg client was loaded');
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
