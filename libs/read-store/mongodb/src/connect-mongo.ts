import { Db, MongoClient, MongoClientOptions } from 'mongodb';

export interface MongoConnection {
  client: MongoClient;
  db: Db;
}

export class MongoUnavailableError extends Error {
  readonly code = 'mongodb-unavailable';
  constructor(url: string, options: { cause: unknown }) {
    super(`could not reach MongoDB at ${redactCredentials(url)}: check MONGODB_URL and that the server runs`, options);
  }
}

/**
 * Connects and checks the server answers, so a wrong address fails at start-up, not at the first query.
 * Works against MongoDB and FerretDB 1.x alike (see this package's README for the subset both support).
 */
export async function connectMongo(url: string, dbName: string, options: MongoClientOptions = {}): Promise<MongoConnection> {
  // The driver's default 30 s would hold start-up and health checks for too long.
  const client = new MongoClient(url, { serverSelectionTimeoutMS: 10_000, ...options });
  try {
    await client.connect();
    const db = client.db(dbName);
    await db.command({ ping: 1 });
    return { client, db };
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new MongoUnavailableError(url, { cause: error });
  }
}

/** A URL fit for a log line or an error message: user and password replaced. */
export function redactCredentials(url: string): string {
  return url.replace(/^([a-z+]+:\/\/)[^@/]*@/i, '$1***@');
}
