/**
 * Group commit in the application: requests that arrive while a batch is being written wait and go
 * together in the next one, so a write that serialises on one row (a gap-free counter, the audit
 * chain head) locks it once per batch instead of once per request. The same serves a hot read: one
 * statement and round trip for the rows of many requests instead of one each. An idle system sends
 * each request at once; under load the batches grow by themselves, with no timer.
 *
 * Items with the same `keyOf` never share a batch (a retried request goes in a later one, where it
 * sees what the first wrote). With more than one batch in flight, `send` must be safe to run
 * concurrently with itself (its transactions then meet in the database's locks). A batch that fails
 * is sent again item by item, so one bad item fails only itself.
 */
export class Batcher<Item, Outcome> {
  private readonly waiting: Array<Waiting<Item, Outcome>> = [];
  private inFlight = 0;

  constructor(
    private readonly send: (batch: readonly Item[]) => Promise<readonly Outcome[]>,
    private readonly keyOf: (item: Item) => string,
    private readonly options: { readonly maxBatchSize?: number; readonly maxBatchesInFlight?: number } = {},
  ) {}

  submit(item: Item): Promise<Outcome> {
    return new Promise<Outcome>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.inFlight < (this.options.maxBatchesInFlight ?? 1)) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.inFlight++;
    try {
      while (this.waiting.length > 0) {
        const batch = this.takeBatch();
        await this.sendBatch(batch);
      }
    } finally {
      this.inFlight--;
    }
  }

  private takeBatch(): Array<Waiting<Item, Outcome>> {
    const batch: Array<Waiting<Item, Outcome>> = [];
    const keys = new Set<string>();
    const later: Array<Waiting<Item, Outcome>> = [];
    for (const waiting of this.waiting.splice(0)) {
      const key = this.keyOf(waiting.item);
      if (batch.length < (this.options.maxBatchSize ?? 200) && !keys.has(key)) {
        keys.add(key);
        batch.push(waiting);
      } else {
        later.push(waiting);
      }
    }
    this.waiting.unshift(...later);
    return batch;
  }

  private async sendBatch(batch: ReadonlyArray<Waiting<Item, Outcome>>): Promise<void> {
    try {
      const outcomes = await this.send(batch.map((waiting) => waiting.item));
      if (outcomes.length !== batch.length) throw new Error(`a batch of ${batch.length} gave ${outcomes.length} outcomes`);
      batch.forEach((waiting, index) => waiting.resolve(outcomes[index]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      for (const waiting of batch) await this.sendBatch([waiting]);
    }
  }
}

interface Waiting<Item, Outcome> {
  readonly item: Item;
  readonly resolve: (outcome: Outcome) => void;
  readonly reject: (error: unknown) => void;
}
