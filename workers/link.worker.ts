// The link's packing (src/app/linkCodec.ts) off the main thread, for large scenarios: a
// 10,000-group draft's DEFLATE takes 50–100 ms, a long task on every edit if done on the page.
// Asked by src/app/linkEncoder.ts with { id, json }; answers { id, hash }. No network, like the
// engine worker.
import './lockdown';
import { linkFromJson } from '../src/app/linkCodec';

self.addEventListener('message', (e: MessageEvent<{ id: number; json: string }>) => {
  const { id, json } = e.data;
  self.postMessage({ id, hash: linkFromJson(json) });
});
