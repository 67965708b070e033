// JSON lines export: one extraction record per line, exactly as the extractor produced it.
import type { Exporter } from './types.js';

export function jsonlExporter(): Exporter {
  return { begin: () => '', document: (doc) => `${JSON.stringify(doc.record)}\n`, end: () => '' };
}
