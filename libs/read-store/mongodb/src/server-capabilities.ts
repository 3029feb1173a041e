import { Db } from 'mongodb';

/**
 * What the server does well, so the adapter can stay inside the subset both servers run correctly and still be
 * fast on each. FerretDB 1.x (SQLite back end) uses an index only for a filter that is exactly `{ _id: "…" }`:
 * any other filter, `$in` of ids and `{ _id, _position }` included, scans and decodes the whole collection.
 */
export interface ServerCapabilities {
  /** MongoDB: `$in` of ids and `{ _id, _position: { $lt } }` filters use the _id index. */
  indexedIdQueries: boolean;
}

export async function serverCapabilities(db: Db): Promise<ServerCapabilities> {
  const info = await db.admin().command({ buildInfo: 1 });
  return { indexedIdQueries: info.ferretdbVersion === undefined };
}
