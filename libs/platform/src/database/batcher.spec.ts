import { Batcher } from './batcher';

interface Item {
  readonly key: string;
  readonly value: number;
}

/** A writer whose batches finish only when the test says so, recording what each batch held. */
function controlledWriter(fail: (batch: readonly Item[]) => boolean = () => false) {
  const batches: Item[][] = [];
  const finishers: Array<() => void> = [];
  const write = (batch: readonly Item[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push([...batch]);
      finishers.push(() => (fail(batch) ? reject(new Error(`batch of ${batch.length} failed`)) : resolve(batch.map((item) => item.value * 10))));
    });
  const finishNext = async () => {
    await new Promise((done) => setImmediate(done));
    const finish = finishers.shift();
    if (!finish) throw new Error('no batch is waiting to finish');
    finish();
    await new Promise((done) => setImmediate(done));
  };
  return { batches, write, finishNext };
}

describe('Batcher', () => {
  it('writes a lone request at once, and requests arriving meanwhile together in the next batch', async () => {
    const writer = controlledWriter();
    const batcher = new Batcher<Item, number>(writer.write, (item) => item.key);
    const first = batcher.submit({ key: 'a', value: 1 });
    const rest = [batcher.submit({ key: 'b', value: 2 }), batcher.submit({ key: 'c', value: 3 })];
    await writer.finishNext();
    await writer.finishNext();
    expect(await first).toBe(10);
    expect(await Promise.all(rest)).toEqual([20, 30]);
    expect(writer.batches.map((batch) => batch.map((item) => item.key))).toEqual([['a'], ['b', 'c']]);
  });

  it('never puts two requests with the same key in one batch', async () => {
    const writer = controlledWriter();
    const batcher = new Batcher<Item, number>(writer.write, (item) => item.key);
    const outcomes = [
      batcher.submit({ key: 'x', value: 1 }),
      batcher.submit({ key: 'x', value: 2 }),
      batcher.submit({ key: 'y', value: 3 }),
      batcher.submit({ key: 'x', value: 4 }),
    ];
    for (let batch = 0; batch < 4 && writer.batches.length > batch; batch++) await writer.finishNext();
    expect(await Promise.all(outcomes)).toEqual([10, 20, 30, 40]);
    expect(writer.batches.map((batch) => batch.map((item) => `${item.key}${item.value}`))).toEqual([['x1'], ['x2', 'y3'], ['x4']]);
  });

  it('keeps batches to the maximum size', async () => {
    const writer = controlledWriter();
    const batcher = new Batcher<Item, number>(writer.write, (item) => item.key, { maxBatchSize: 2 });
    const outcomes = ['a', 'b', 'c', 'd', 'e'].map((key, value) => batcher.submit({ key, value }));
    while (writer.batches.length < 3 || writer.batches.flat().length < 5) await writer.finishNext();
    await writer.finishNext();
    expect(await Promise.all(outcomes)).toEqual([0, 10, 20, 30, 40]);
    expect(writer.batches.map((batch) => batch.length)).toEqual([1, 2, 2]);
  });

  it('starts a second batch while the first is in flight when allowed', async () => {
    const writer = controlledWriter();
    const batcher = new Batcher<Item, number>(writer.write, (item) => item.key, { maxBatchesInFlight: 2 });
    const outcomes = [batcher.submit({ key: 'a', value: 1 }), batcher.submit({ key: 'b', value: 2 }), batcher.submit({ key: 'c', value: 3 })];
    await new Promise((done) => setImmediate(done));
    expect(writer.batches.map((batch) => batch.map((item) => item.key))).toEqual([['a'], ['b']]);
    while (writer.batches.flat().length < 3) await writer.finishNext();
    await writer.finishNext();
    await writer.finishNext();
    expect(await Promise.all(outcomes)).toEqual([10, 20, 30]);
  });

  it('writes a failed batch again item by item, so only the bad item fails', async () => {
    const writer = controlledWriter((batch) => batch.some((item) => item.key === 'bad'));
    const batcher = new Batcher<Item, number>(writer.write, (item) => item.key);
    const blocker = batcher.submit({ key: 'first', value: 0 });
    const good = batcher.submit({ key: 'good', value: 1 });
    const bad = batcher.submit({ key: 'bad', value: 2 });
    const alsoGood = batcher.submit({ key: 'also-good', value: 3 });
    const settled = Promise.allSettled([blocker, good, bad, alsoGood]);
    for (let step = 0; step < 5; step++) await writer.finishNext();
    const [first, goodOutcome, badOutcome, alsoGoodOutcome] = await settled;
    expect(first).toEqual({ status: 'fulfilled', value: 0 });
    expect(goodOutcome).toEqual({ status: 'fulfilled', value: 10 });
    expect(badOutcome).toMatchObject({ status: 'rejected', reason: new Error('batch of 1 failed') });
    expect(alsoGoodOutcome).toEqual({ status: 'fulfilled', value: 30 });
    expect(writer.batches.map((batch) => batch.map((item) => item.key))).toEqual([['first'], ['good', 'bad', 'also-good'], ['good'], ['bad'], ['also-good']]);
  });
});
