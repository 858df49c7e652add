import type { Db } from './client.ts'

/** A transaction handle; domain functions that write take one so callers can compose them. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** Either the database or a transaction within it: reads work on both. */
export type DbOrTx = Db | Tx
