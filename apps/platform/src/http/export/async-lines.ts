/** Each item as a line, as it comes. */
export async function* linesOf<T>(items: AsyncIterable<T>, line: (item: T) => string): AsyncIterable<string> {
  for await (const item of items) yield line(item);
}

/** A header line, then the rest. */
export async function* withHeader(header: string, lines: AsyncIterable<string>): AsyncIterable<string> {
  yield header;
  yield* lines;
}
