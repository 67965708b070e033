// Test helper: the detail tables read from src/nlp/model (beside the built files), as the loader would build them.
import { readTableFrom, MODEL_DIR } from '../model/load.js';
import { buildDetailModel, type DetailModel } from '../model/details.js';

let cached: DetailModel | undefined;

export function detailModel(): DetailModel {
  return (cached ??= buildDetailModel(readTableFrom(MODEL_DIR)));
}
