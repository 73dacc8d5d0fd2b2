import LRUCache from 'lru-cache-fixed';

export default function make() {
  // Bounded by bytes only (no max), as isaacs/node-lru-cache#227 configured it.
  const thumbnails = new LRUCache({ maxSize: 256 * 1024, sizeCalculation: (image) => image.length });
  let image = 0;
  return async function cacheThumbnail() {
    image += 1;
    // An entry evicted for size stays in valList, so its Buffer is never freed.
    thumbnails.set(`thumbnail:${image}`, Buffer.alloc(4096, image & 0xff));
  };
}
