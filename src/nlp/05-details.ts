// Stage 5: time windows, magnitudes and locations for each event.
import type { DetailModel } from './model/details.js';
import type { PipelineState } from './types.js';

export function addDetails(_state: PipelineState, _model: DetailModel): void {}
