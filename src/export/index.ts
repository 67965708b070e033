// Exports: choose a format, stream the archive's documents through it a page at a time.
import type { DocId } from '../core/ids.js';
import type { Storage } from '../store/types.js';
import { csvExporter } from './csv.js';
import { gdeltExporter } from './gdelt.js';
import { jsonlExporter } from './jsonl.js';
import { ploverExporter } from './plover.js';
import { stixExporter } from './stix.js';
import { EXPORT_FORMATS, type ExportDocument, type Exporter, type ExportFormat } from './types.js';

export { EXPORT_FORMATS, type ExportDocument, type Exporter, type ExportFormat };

const FACTORIES: Record<ExportFormat, () => Exporter> = {
  jsonl: jsonlExporter, csv: csvExporter, plover: ploverExporter, gdelt: gdeltExporter, stix: stixExporter,
};

export function isExportFormat(s: string): s is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(s);
}

export function createExporter(format: ExportFormat): Exporter {
  return FACTORIES[format]();
}

/** The chunks of an export, in order: a pure transformation of the documents. */
export async function* exportChunks(docs: AsyncIterable<ExportDocument> | Iterable<ExportDocument>, exporter: Exporter): AsyncGenerator<string> {
  yield exporter.begin();
  for await (const doc of docs) {
    const text = exporter.document(doc);
    if (text) yield text;
  }
  yield exporter.end();
}

/** Every archived document in id order, fetched a page at a time so that memory stays flat. */
export async function* archivedDocuments(storage: Storage, pageSize = 200): AsyncGenerator<ExportDocument> {
  let after: DocId | undefined;
  for (;;) {
    const page = await storage.documents({ after, limit: pageSize });
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].id;
  }
}
